package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// execer runs a statement: a *sql.Tx, or stmts for many rows of a few shapes.
type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
}

// stmts runs a transaction's statements prepared once each: a pulled page writes
// thousands of rows through a handful of statements, and preparing (or finding in the
// driver's cache) and building each one's text per row was a real share of the page.
type stmts struct {
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

func newStmts(tx *sql.Tx) *stmts { return &stmts{tx: tx, m: map[string]*sql.Stmt{}} }

// Exec runs query, prepared at its first use (straight through the transaction when m is
// nil: one record, nothing to reuse).
func (w *stmts) Exec(query string, args ...any) (sql.Result, error) {
	if w.m == nil {
		return w.tx.Exec(query, args...)
	}
	st, ok := w.m[query]
	if !ok {
		var err error
		if st, err = w.tx.Prepare(query); err != nil {
			return nil, err
		}
		w.m[query] = st
	}
	return st.Exec(args...)
}

func (w *stmts) close() {
	for _, st := range w.m {
		st.Close()
	}
}

// rowWrite is one statement with its arguments, made without the database so that it
// can be made ahead (PreparePull).
type rowWrite struct {
	query string
	args  []any
}

func (wr *rowWrite) exec(tx execer) error {
	_, err := tx.Exec(wr.query, wr.args...)
	return err
}

// rowWriteOf is writeRow's statement.
func rowWriteOf(k *kindSpec, id string, exists bool, changed Values, fieldHLC map[string]string, extra map[string]any, rowHLC string, deleted bool) (*rowWrite, error) {
	fh, err := marshalClocks(fieldHLC, rowHLC)
	if err != nil {
		return nil, err
	}
	ex := "{}"
	if len(extra) > 0 {
		b, err := json.Marshal(extra)
		if err != nil {
			return nil, err
		}
		ex = string(b)
	}
	var buf [24]string
	names := buf[:0]
	for name := range changed {
		names = append(names, name)
	}
	slices.Sort(names) // deterministic SQL text, so the statement caches hit
	args := make([]any, 0, len(names)+5)
	if !exists {
		args = append(args, id)
	}
	for _, name := range names {
		args = append(args, changed[name])
	}
	del := 0
	if deleted {
		del = 1
	}
	args = append(args, fh, ex, rowHLC, del)
	if exists {
		args = append(args, id)
	}
	return &rowWrite{query: rowStatement(k, exists, names), args: args}, nil
}

// rowSQL caches writeRow's statements by table, insert or update, and column list.
var rowSQL struct {
	sync.RWMutex
	m map[string]string
}

// rowStatement is writeRow's SQL for these columns, made once.
func rowStatement(k *kindSpec, exists bool, names []string) string {
	var buf [512]byte
	key := append(append(buf[:0], k.table...), 0)
	for _, name := range names {
		key = append(append(key, name...), ',')
	}
	if exists {
		key = append(key, 0, 'u')
	}
	rowSQL.RLock()
	q, ok := rowSQL.m[string(key)]
	rowSQL.RUnlock()
	if ok {
		return q
	}
	cols := make([]string, 0, len(names)+4)
	for _, name := range names {
		cols = append(cols, k.byName[name].column)
	}
	cols = append(cols, "field_hlc", "extra", "hlc", "deleted")
	if !exists {
		q = fmt.Sprintf("INSERT INTO %s (id, %s) VALUES (?%s)", k.table, strings.Join(cols, ", "), strings.Repeat(", ?", len(cols)))
	} else {
		sets := make([]string, len(cols))
		for i, c := range cols {
			sets[i] = c + " = ?"
		}
		q = fmt.Sprintf("UPDATE %s SET %s WHERE id = ?", k.table, strings.Join(sets, ", "))
	}
	rowSQL.Lock()
	if rowSQL.m == nil {
		rowSQL.m = map[string]string{}
	}
	rowSQL.m[string(key)] = q
	rowSQL.Unlock()
	return q
}
