package serverstore

import (
	"context"
	"database/sql"
	"strconv"
)

// txn is a write transaction with a cache of prepared statements (a push or an import
// runs the same few statements thousands of times) and an in-memory sequence allocator:
// the next sequence is read once and written back once, just before commit. That is safe
// because the writer pool has one connection and every write transaction holds SQLite's
// write lock from BEGIN IMMEDIATE to COMMIT: no one else can allocate meanwhile.
type txn struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	next  int64          // next sequence to hand out; 0 = not read yet
	first int64          // value of next_seq when read
	rows  map[string]row // records read or written in this transaction (a batch often
	// touches one record many times); callers never mutate a row's maps
}

func (t *txn) stmt(q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.tx.Prepare(q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = st
	return st, nil
}

// Exec, QueryRow and Query run q as a cached prepared statement.
func (t *txn) Exec(q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

func (t *txn) QueryRow(q string, args ...any) *sql.Row {
	st, err := t.stmt(q)
	if err != nil {
		return t.tx.QueryRow(q, args...) // reports the same error on Scan
	}
	return st.QueryRow(args...)
}

func (t *txn) Query(q string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Query(args...)
}

// nextSeq allocates a server sequence number.
func (t *txn) nextSeq() (int64, error) {
	if t.next == 0 {
		n, err := metaInt(t.tx, "next_seq")
		if err != nil {
			return 0, err
		}
		t.next, t.first = n, n
	}
	t.next++
	return t.next - 1, nil
}

func (t *txn) flush() error {
	if t.next == 0 || t.next == t.first {
		return nil
	}
	_, err := t.tx.Exec(`UPDATE server_meta SET value = ? WHERE key = 'next_seq'`, strconv.FormatInt(t.next, 10))
	return err
}

func (t *txn) close() {
	for _, st := range t.stmts {
		st.Close()
	}
}

// writeTxn runs fn in one immediate transaction with a statement cache and a sequence
// allocator; any error rolls everything back.
func (s *Store) writeTxn(ctx context.Context, fn func(tx *txn) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	t := &txn{tx: tx, stmts: map[string]*sql.Stmt{}, rows: map[string]row{}}
	err = fn(t)
	if err == nil {
		err = t.flush()
	}
	t.close()
	if err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
