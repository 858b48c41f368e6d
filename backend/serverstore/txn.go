package serverstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"chibo/backend/hlc"
)

// txn is a write transaction with a cache of prepared statements (a push or an import
// runs the same few statements thousands of times) and an in-memory sequence allocator:
// the next sequence is read once and written back once, just before commit. That is safe
// because every such transaction holds the database's write order from its start to its
// commit (SQLite's write lock from BEGIN IMMEDIATE, PostgreSQL's row lock on next_seq):
// no one else, in this process or another, can allocate meanwhile.
type txn struct {
	tx    *dbTx
	stmts map[string]*sql.Stmt
	next  int64          // next sequence to hand out; 0 = not read yet
	first int64          // value of next_seq when read
	rows  map[string]row // records read or written in this transaction (a batch often
	// touches one record many times); callers never mutate a row's maps

	answers    map[string]*answer // stored answers by change id (nil: none), see answers.go
	newAnswers []answer           // answers and audit rows to write before commit
	newAudit   []auditRow

	writes  []rowWrite     // records saved, written by flushRows (rowwrites.go)
	written map[string]int // kind/id → index in writes
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
func (t *txn) Exec(q string, a ...any) (sql.Result, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Exec(args(a)...)
}

func (t *txn) QueryRow(q string, a ...any) *sql.Row {
	st, err := t.stmt(q)
	if err != nil {
		return t.tx.QueryRow(q, a...) // reports the same error on Scan
	}
	return st.QueryRow(args(a)...)
}

func (t *txn) Query(q string, a ...any) (*sql.Rows, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Query(args(a)...)
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
//
// On PostgreSQL it first locks the next_seq row, before reading anything: the writers of
// every process then run one after another, each reading what the one before committed
// (read committed takes a fresh snapshot per statement), as on SQLite. It also reads the
// clock the last writer kept, so a write clamped by this process orders after one clamped
// by another.
func (s *Store) writeTxn(ctx context.Context, fn func(tx *txn) error) error {
	tx, err := s.w.begin(ctx, s.writeOptions())
	if err != nil {
		return err
	}
	t := &txn{tx: tx, stmts: map[string]*sql.Stmt{}, rows: map[string]row{}}
	if s.d.postgres {
		err = s.lockWriters(t)
	}
	if err == nil {
		err = fn(t)
	}
	if err == nil {
		err = t.flushRows()
	}
	if err == nil {
		err = t.flushAnswers()
	}
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

// lockWriters takes the writers' order on PostgreSQL (see writeTxn) and catches the
// server's clock up with the one stored.
func (s *Store) lockWriters(t *txn) error {
	var next string
	if err := t.tx.QueryRow(`SELECT value FROM server_meta WHERE key = 'next_seq' FOR UPDATE`).Scan(&next); err != nil {
		return fmt.Errorf("lock the writers: %w", err)
	}
	n, err := strconv.ParseInt(next, 10, 64)
	if err != nil {
		return err
	}
	t.next, t.first = n, n
	var last sql.NullString
	if err := t.tx.QueryRow(`SELECT value FROM server_meta WHERE key = 'hlc_last'`).Scan(&last); err != nil && err != sql.ErrNoRows {
		return err
	}
	if ts, err := hlc.Parse(last.String); err == nil {
		s.clock.Observe(ts)
	}
	return nil
}
