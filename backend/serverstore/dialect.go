package serverstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// dialect is what differs between the two databases the server runs on. Every query is
// written once, with ? placeholders and SQL both understand; the few phrases that differ
// are here.
type dialect struct {
	postgres bool
	binds    sync.Map // query → query with $n placeholders (PostgreSQL)
	bound    atomic.Int64
}

// maxBinds bounds the rewrite cache: IN lists and multi-row INSERTs make one query text per
// length, and a long-running process must not grow with every length it meets.
const maxBinds = 2048

var (
	sqliteDialect   = &dialect{}
	postgresDialect = &dialect{postgres: true}
)

// bind rewrites ? placeholders as $1, $2, … for PostgreSQL. No query of this package has
// a ? inside a string literal.
func (d *dialect) bind(q string) string {
	if !d.postgres || !strings.Contains(q, "?") {
		return q
	}
	if b, ok := d.binds.Load(q); ok {
		return b.(string)
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	if d.bound.Add(1) <= maxBinds {
		d.binds.Store(q, b.String())
	}
	return b.String()
}

// args passes booleans as 0 and 1: both databases store flags as integers (SQLite's
// driver does this itself, pgx refuses a bool for an integer column).
func args(in []any) []any {
	var out []any
	for i, a := range in {
		if b, ok := a.(bool); ok {
			if out == nil {
				out = append([]any(nil), in...)
			}
			out[i] = boolInt(b)
		}
	}
	if out == nil {
		return in
	}
	return out
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// jsonText is the text of a top-level field of the JSON column col.
func (d *dialect) jsonText(col, field string) string {
	if d.postgres {
		return "(" + col + "::jsonb ->> '" + field + "')"
	}
	return "json_extract(" + col + ", '$." + field + "')"
}

// usernameIs matches an account's username as SQLite's NOCASE column does (ASCII case).
// Under the "C" collation PostgreSQL's lower() folds ASCII letters only; under the
// database's own (a UTF-8 locale) it would fold Đ to đ too, and a username would match on
// one database and not the other. users_username indexes the same expression.
func (d *dialect) usernameIs(col string) string {
	if d.postgres {
		return `lower(` + col + ` COLLATE "C") = lower(? COLLATE "C")`
	}
	return col + " = ?"
}

// forUpdate ends a SELECT that locks the rows it reads (PostgreSQL; SQLite has one
// writer at a time and no such clause).
func (d *dialect) forUpdate() string {
	if d.postgres {
		return " FOR UPDATE"
	}
	return ""
}

// unique reports whether err is a unique-constraint violation.
func (d *dialect) unique(err error) bool {
	if err == nil {
		return false
	}
	m := err.Error()
	return strings.Contains(m, "UNIQUE") || strings.Contains(m, "SQLSTATE 23505")
}

// db is a pool that speaks the dialect.
type db struct {
	*sql.DB
	d *dialect
}

func (p db) QueryContext(ctx context.Context, q string, a ...any) (*sql.Rows, error) {
	return p.DB.QueryContext(ctx, p.d.bind(q), args(a)...)
}

func (p db) QueryRowContext(ctx context.Context, q string, a ...any) *sql.Row {
	return p.DB.QueryRowContext(ctx, p.d.bind(q), args(a)...)
}

func (p db) ExecContext(ctx context.Context, q string, a ...any) (sql.Result, error) {
	return p.DB.ExecContext(ctx, p.d.bind(q), args(a)...)
}

func (p db) QueryRow(q string, a ...any) *sql.Row { return p.DB.QueryRow(p.d.bind(q), args(a)...) }

func (p db) Query(q string, a ...any) (*sql.Rows, error) {
	return p.DB.Query(p.d.bind(q), args(a)...)
}

func (p db) Exec(q string, a ...any) (sql.Result, error) { return p.DB.Exec(p.d.bind(q), args(a)...) }

func (p db) begin(ctx context.Context, opts *sql.TxOptions) (*dbTx, error) {
	t, err := p.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &dbTx{Tx: t, d: p.d}, nil
}

// dbTx is a transaction that speaks the dialect.
type dbTx struct {
	*sql.Tx
	d *dialect
}

func (t *dbTx) Exec(q string, a ...any) (sql.Result, error) {
	return t.Tx.Exec(t.d.bind(q), args(a)...)
}

func (t *dbTx) QueryRow(q string, a ...any) *sql.Row { return t.Tx.QueryRow(t.d.bind(q), args(a)...) }

func (t *dbTx) Query(q string, a ...any) (*sql.Rows, error) {
	return t.Tx.Query(t.d.bind(q), args(a)...)
}

func (t *dbTx) QueryContext(ctx context.Context, q string, a ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.d.bind(q), args(a)...)
}

func (t *dbTx) Prepare(q string) (*sql.Stmt, error) { return t.Tx.Prepare(t.d.bind(q)) }
