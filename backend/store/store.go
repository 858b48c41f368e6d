// Package store is Chi Bộ's local SQLite store: it opens the database with the pragmas a
// desktop needs, runs the embedded migrations, and owns every transaction.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver (cgo)
	"github.com/pressly/goose/v3"

	"chibo/backend/hlc"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an open local database. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	path     string
	deviceID string
	clock    *hlc.Clock
	now      func() time.Time // the wall clock of every date the store writes (SetClock)
	userID   string           // the signed-in user whose writes go to the change log
	// committeeID is the committee the signed-in user's role is held in ("" = the top
	// committee): the conferences and notices this device writes are that committee's.
	committeeID string
	// numbersPapers says, once an account is signed in, whether it numbers its
	// committee's papers (the server's rule: its Standing Board); nil on a desktop used
	// without an account, where the device setting decides.
	numbersPapers *bool

	// logged is set by a write that appended to the change log; write swaps it back after
	// the commit and then calls onLocalChange. Writes are serialised by SQLite's write lock.
	logged        atomic.Bool
	onLocalChange atomic.Pointer[func()]

	// pulledExisting says the last pulled page was mostly of records held already (a
	// resync): PreparePull would make statements that go unused (sync_merge.go).
	pulledExisting atomic.Bool
}

// DSN returns the connection string for path: WAL so readers never block the writer,
// foreign keys on, a busy timeout so a second connection waits instead of failing, and
// BEGIN IMMEDIATE so a write transaction takes the write lock up front (no upgrade
// deadlocks), synchronous=FULL so a confirmed write survives a power cut.
func DSN(path string) string {
	return "file:" + filepath.ToSlash(path) +
		"?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL&_stmt_cache_size=128"
}

// Open opens (creating if needed) the database at path and migrates it to the latest schema.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create database folder: %w", err)
	}
	db, err := sql.Open("sqlite3", DSN(path))
	if err != nil {
		return nil, err
	}
	if err := migrate(db); err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{db: db, path: path, now: time.Now}
	if err := s.loadDevice(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func migrate(db *sql.DB) error {
	goose.SetBaseFS(migrations)
	goose.SetLogger(goose.NopLogger())
	if err := goose.SetDialect("sqlite3"); err != nil {
		return err
	}
	if err := goose.Up(db, "migrations"); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return fmt.Errorf("migrate: foreign key check failed")
	}
	return rows.Err()
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DeviceID is this database's device id, made once when the database was created.
func (s *Store) DeviceID() string { return s.deviceID }

// DB exposes the handle for tests and benchmarks in other packages.
func (s *Store) DB() *sql.DB { return s.db }

// IntegrityCheck runs SQLite's integrity check and returns "ok" or the problems it found.
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return "", err
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n"), rows.Err()
}
