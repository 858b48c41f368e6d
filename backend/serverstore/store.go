// Package serverstore is chibo-server's SQLite database: accounts and devices, the merged
// state of every record with a server sequence, the per-device log of applied changes and
// the audit log. It applies a push in one transaction and cuts pull pages from a
// consistent snapshot; docs/sync-protocol.md explains why that makes the pull watermark
// safe.
package serverstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver (cgo)
	"github.com/pressly/goose/v3"

	"chibo/backend/hlc"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an open server database, safe for concurrent use.
//
// It holds two pools. The writer has ONE connection and opens every transaction with
// BEGIN IMMEDIATE, so writes queue in Go (fairly, without busy-polling) and commit in the
// order they allocate server sequence numbers. The readers use deferred transactions on
// WAL snapshots and never block the writer.
type Store struct {
	w, r    *sql.DB
	path    string
	clock   *hlc.Clock
	now     func() time.Time
	MaxSkew time.Duration // HLCs further than this in the server's future are clamped

	// beforeCommit, when set by a test, runs inside every push transaction just before
	// it commits: the late-commit test holds a transaction open with it.
	beforeCommit func()
}

// DSN is the connection string of the writer (as store.DSN: WAL, foreign keys, a busy
// timeout, BEGIN IMMEDIATE, synchronous=FULL so an acknowledged push survives a power cut).
func DSN(path string) string {
	return "file:" + filepath.ToSlash(path) +
		"?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL&_stmt_cache_size=128"
}

func readDSN(path string) string {
	return "file:" + filepath.ToSlash(path) + "?_journal_mode=WAL&_busy_timeout=5000&_txlock=deferred&_query_only=1&_stmt_cache_size=64"
}

// FileName is the database's name under the --data directory.
const FileName = "chibo-server.db"

// Open opens (creating if needed) the server database in dir and migrates it.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	path := filepath.Join(dir, FileName)
	w, err := sql.Open("sqlite3", DSN(path))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := migrate(w); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite3", readDSN(path))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(8)
	last, err := storedClock(w)
	if err != nil {
		w.Close()
		r.Close()
		return nil, err
	}
	s := &Store{w: w, r: r, path: path, now: time.Now, MaxSkew: 5 * time.Minute}
	s.clock = hlc.New("server", s.wall, last)
	return s, nil
}

// storedClock returns the greatest clock the database holds: the one the server last
// issued or observed (kept by every push), or any record's. The server's clock resumes
// past it, so a write clamped after a restart still orders after every write before it.
func storedClock(db *sql.DB) (hlc.Timestamp, error) {
	var meta, rec sql.NullString
	if err := db.QueryRow(`SELECT (SELECT value FROM server_meta WHERE key = 'hlc_last'), (SELECT max(hlc) FROM records)`).Scan(&meta, &rec); err != nil {
		return hlc.Timestamp{}, fmt.Errorf("read the server's clock: %w", err)
	}
	var last hlc.Timestamp
	for _, v := range []sql.NullString{meta, rec} {
		if ts, err := hlc.Parse(v.String); err == nil && ts.Compare(last) > 0 {
			last = ts
		}
	}
	return last, nil
}

// saveClock keeps the server's clock in tx, so that storedClock finds it after a restart.
func (s *Store) saveClock(tx *txn) error {
	_, err := tx.Exec(`INSERT INTO server_meta(key, value) VALUES ('hlc_last', ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE excluded.value > server_meta.value`, s.clock.Last().String())
	return err
}

func (s *Store) wall() time.Time { return s.now() }

// SetNow replaces the server's wall clock (tests).
func (s *Store) SetNow(now func() time.Time) {
	s.now = now
	s.clock = hlc.New("server", s.wall, s.clock.Last())
}

func migrate(db *sql.DB) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if _, err := p.Up(context.Background()); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.r.Close()
	return s.w.Close()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// write runs fn in one immediate transaction; any error rolls everything back.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// read runs fn in one read transaction: every query in it sees the same snapshot.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

func metaInt(q interface {
	QueryRow(string, ...any) *sql.Row
}, key string) (int64, error) {
	var v string
	if err := q.QueryRow(`SELECT value FROM server_meta WHERE key = ?`, key).Scan(&v); err != nil {
		return 0, err
	}
	return strconv.ParseInt(v, 10, 64)
}

func setMetaInt(tx *sql.Tx, key string, v int64) error {
	_, err := tx.Exec(`INSERT INTO server_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, strconv.FormatInt(v, 10))
	return err
}

func nowText(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// DBForTest exposes the writer pool to tests in other packages, for assertions on the
// server's tables. Production code never calls it.
func (s *Store) DBForTest() *sql.DB { return s.w }
