package serverstore

import (
	"context"
	"database/sql"
	"time"
)

// Failed logins are kept in the database, not in a process's memory, so that several
// server processes on one PostgreSQL database (behind a load balancer that sends each
// attempt anywhere) grant one allowance between them, and a restart forgives nothing.

// LoginFailures counts key's failed logins since since, with the oldest of them.
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time) (int, time.Time, error) {
	var n int
	var oldest sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT count(*), min(at) FROM login_failures WHERE key = ? AND at > ?`, key, since.UnixMilli()).Scan(&n, &oldest)
	if err != nil || !oldest.Valid {
		return n, time.Time{}, err
	}
	return n, time.UnixMilli(oldest.Int64), nil
}

// AddLoginFailure records a failed login of key at at, and forgets every failure (of any
// key) from before forget: they no longer count.
func (s *Store) AddLoginFailure(ctx context.Context, key string, at, forget time.Time) error {
	return s.write(ctx, func(tx *dbTx) error {
		if _, err := tx.Exec(`DELETE FROM login_failures WHERE at <= ?`, forget.UnixMilli()); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO login_failures(key, at) VALUES (?, ?)`, key, at.UnixMilli())
		return err
	})
}

// ClearLoginFailures forgets key's failures (after a successful login).
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	return s.write(ctx, func(tx *dbTx) error {
		_, err := tx.Exec(`DELETE FROM login_failures WHERE key = ?`, key)
		return err
	})
}
