// Package serverstore is chibo-server's database: accounts and devices, the merged state
// of every record with a server sequence, the per-device log of applied changes and the
// audit log. It runs on a SQLite file (the embedded default, one process) or on
// PostgreSQL (several processes on one database), with the same code and queries. It
// applies a push in one transaction and cuts pull pages from a consistent snapshot;
// docs/sync-protocol.md explains why that makes the pull watermark safe on both.
package serverstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "github.com/mattn/go-sqlite3"    // registers the "sqlite3" driver (cgo)
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"chibo/backend/hlc"
)

//go:embed migrations/*.sql pgmigrations/*.sql
var migrations embed.FS

// Store is an open server database, safe for concurrent use.
//
// On SQLite it holds two pools. The writer has ONE connection and opens every transaction
// with BEGIN IMMEDIATE, so writes queue in Go (fairly, without busy-polling) and commit in
// the order they allocate server sequence numbers. The readers use deferred transactions
// on WAL snapshots and never block the writer.
//
// On PostgreSQL one pool serves both. A transaction that allocates sequences first locks
// the next_seq row (FOR UPDATE), which orders the writers of every process the way
// SQLite's write lock orders one process's; reads run in REPEATABLE READ snapshots.
type Store struct {
	w, r    db
	d       *dialect
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

// IsURL reports whether where names a PostgreSQL database (postgres:// or postgresql://)
// rather than a data folder.
func IsURL(where string) bool {
	return strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://")
}

// OpenAt opens the database where names: a PostgreSQL URL, or a data folder for the
// SQLite file.
func OpenAt(where string) (*Store, error) {
	if IsURL(where) {
		return OpenPostgres(where)
	}
	return Open(where)
}

// Open opens (creating if needed) the server database in dir and migrates it.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	path := filepath.Join(dir, FileName)
	wp, err := sql.Open("sqlite3", DSN(path))
	if err != nil {
		return nil, err
	}
	wp.SetMaxOpenConns(1)
	wp.SetConnMaxIdleTime(0)
	w := db{wp, sqliteDialect}
	if err := migrate(w, goose.DialectSQLite3, "migrations"); err != nil {
		w.Close()
		return nil, err
	}
	rp, err := sql.Open("sqlite3", readDSN(path))
	if err != nil {
		w.Close()
		return nil, err
	}
	rp.SetMaxOpenConns(8)
	return newStore(w, db{rp, sqliteDialect}, path)
}

// PoolSize is the number of PostgreSQL connections of one server process.
var PoolSize = 16

// OpenPostgres opens the PostgreSQL database at url (postgres://user:pass@host/db?…) and
// migrates it. Several server processes may open the same database.
func OpenPostgres(url string) (*Store, error) {
	open := func(conns int) (*sql.DB, error) {
		p, err := sql.Open("pgx", url)
		if err != nil {
			return nil, err
		}
		p.SetMaxOpenConns(conns)
		p.SetMaxIdleConns(conns)
		if err := p.Ping(); err != nil {
			p.Close()
			return nil, fmt.Errorf("connect to PostgreSQL at %s: %w", redact(url), err)
		}
		return p, nil
	}
	// Writers get a pool of their own: a push waiting for another process's writers'
	// lock holds its connection, and must not take those the reads need.
	wp, err := open(WriterPoolSize)
	if err != nil {
		return nil, err
	}
	w := db{wp, postgresDialect}
	if err := migrate(w, goose.DialectPostgres, "pgmigrations"); err != nil {
		wp.Close()
		return nil, err
	}
	rp, err := open(PoolSize)
	if err != nil {
		wp.Close()
		return nil, err
	}
	return newStore(w, db{rp, postgresDialect}, redact(url))
}

// WriterPoolSize is the number of PostgreSQL connections of one process's writers (they
// run one at a time across processes anyway).
var WriterPoolSize = 4

// redact hides the password of a database URL, for logs and messages.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

func newStore(w, r db, path string) (*Store, error) {
	last, err := storedClock(w)
	if err != nil {
		w.Close()
		if r.DB != w.DB {
			r.Close()
		}
		return nil, err
	}
	s := &Store{w: w, r: r, d: w.d, path: path, now: time.Now, MaxSkew: 5 * time.Minute}
	s.clock = hlc.New("server", s.wall, last)
	return s, nil
}

// storedClock returns the greatest clock the database holds: the one the server last
// issued or observed (kept by every push), or any record's. The server's clock resumes
// past it, so a write clamped after a restart still orders after every write before it.
func storedClock(q interface {
	QueryRow(string, ...any) *sql.Row
}) (hlc.Timestamp, error) {
	var meta, rec sql.NullString
	if err := q.QueryRow(`SELECT (SELECT value FROM server_meta WHERE key = 'hlc_last'), (SELECT max(hlc) FROM records)`).Scan(&meta, &rec); err != nil {
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

func migrate(pool db, dialect goose.Dialect, dir string) error {
	sub, err := fs.Sub(migrations, dir)
	if err != nil {
		return err
	}
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	if pool.d.postgres {
		// Server processes started together on one database migrate one at a time (an
		// advisory lock held for the migration's session); the others then find it done.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, pool.DB, sub, opts...)
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
	if s.r.DB != s.w.DB {
		s.r.Close()
	}
	return s.w.Close()
}

// writeOptions pins PostgreSQL writers to READ COMMITTED, whatever the database's
// default: a writer that waited for the writers' lock must then read what the one before
// it committed (under REPEATABLE READ it would fail to serialize).
func (s *Store) writeOptions() *sql.TxOptions {
	if s.d.postgres {
		return &sql.TxOptions{Isolation: sql.LevelReadCommitted}
	}
	return nil
}

// Postgres reports whether the store runs on PostgreSQL.
func (s *Store) Postgres() bool { return s.d.postgres }

// Path is the database file, or the PostgreSQL URL without its password.
func (s *Store) Path() string { return s.path }

// write runs fn in one immediate transaction; any error rolls everything back. (On
// PostgreSQL it takes no lock: writes that allocate sequences go through writeTxn.)
func (s *Store) write(ctx context.Context, fn func(tx *dbTx) error) error {
	t, err := s.w.begin(ctx, s.writeOptions())
	if err != nil {
		return err
	}
	if err := fn(t); err != nil {
		t.Rollback()
		return err
	}
	return t.Commit()
}

// read runs fn in one read transaction: every query in it sees the same snapshot (on
// PostgreSQL, REPEATABLE READ: read committed would take a snapshot per statement).
func (s *Store) read(ctx context.Context, fn func(tx *dbTx) error) error {
	var opts *sql.TxOptions
	if s.d.postgres {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	t, err := s.r.begin(ctx, opts)
	if err != nil {
		return err
	}
	defer t.Rollback()
	return fn(t)
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

func setMetaInt(tx *dbTx, key string, v int64) error {
	_, err := tx.Exec(`INSERT INTO server_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, strconv.FormatInt(v, 10))
	return err
}

func nowText(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// DBForTest exposes the writer pool to tests in other packages, for assertions on the
// server's tables (queries written with ?, as in this package). Production code never
// calls it.
func (s *Store) DBForTest() TestDB { return TestDB{s.w} }

// TestDB is the pool DBForTest gives.
type TestDB struct{ p db }

func (t TestDB) QueryRow(q string, a ...any) *sql.Row        { return t.p.QueryRow(q, a...) }
func (t TestDB) Query(q string, a ...any) (*sql.Rows, error) { return t.p.Query(q, a...) }
func (t TestDB) Exec(q string, a ...any) (sql.Result, error) { return t.p.Exec(q, a...) }
