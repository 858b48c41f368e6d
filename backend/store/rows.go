package store

import (
	"context"
	"database/sql"
	"strings"
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

// stored is one record as its kind's columns hold it, by wire name: read with columns and
// scan below, so no query or scan repeats a kind's field list or depends on its order.
type stored struct {
	id string
	v  Values
}

func (r stored) str(name string) string { s, _ := r.v[name].(string); return s }
func (r stored) int(name string) int    { n, _ := r.v[name].(int64); return int(n) }
func (r stored) flag(name string) bool  { return r.int(name) != 0 }

// columns is the select list of k's record: its id and every field's column, in the
// registry's order, each prefixed with alias ("s." in a join, "" alone).
func (k *kindSpec) columns(alias string) string {
	var b strings.Builder
	b.WriteString(alias + "id")
	for _, f := range k.fields {
		b.WriteString(", " + alias + f.column)
	}
	return b.String()
}

// scan reads a row selected with k.columns, then the extra destinations after them.
func (k *kindSpec) scan(sc interface{ Scan(...any) error }, extra ...any) (stored, error) {
	raw := make([]any, len(k.fields))
	dest := make([]any, 0, 1+len(raw)+len(extra))
	var id string
	dest = append(dest, &id)
	for i := range raw {
		dest = append(dest, &raw[i])
	}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return stored{}, err
	}
	r := stored{id: id, v: make(Values, len(k.fields))}
	for i, f := range k.fields {
		r.v[f.name] = canonical(f, raw[i])
	}
	return r, nil
}
