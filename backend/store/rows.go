package store

import (
	"context"
	"database/sql"
)

// queryEach runs query on q (the pool, or a transaction with the caller's context) and
// calls fn for every row, then reports rows.Err: a loop that stops early on a broken
// connection or a busy database is an error, never a short list. fn scans the row.
func queryEach(ctx context.Context, q querier, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
