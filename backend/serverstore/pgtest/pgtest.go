// Package pgtest gives each test its own empty PostgreSQL schema when the server tests run
// on PostgreSQL. `make test` starts a throwaway cluster and sets CHIBO_TEST_POSTGRES to its
// URL; with the variable unset the tests run on SQLite files as always. A set variable
// that cannot be reached fails the test: the PostgreSQL suite never skips silently.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Env is the variable naming the test cluster's database URL.
const Env = "CHIBO_TEST_POSTGRES"

// Enabled reports whether the server tests run on PostgreSQL.
func Enabled() bool { return os.Getenv(Env) != "" }

// Where returns where a test's server database lives: a fresh PostgreSQL schema's URL
// when the tests run on PostgreSQL (dropped when the test ends), else dir (a data folder
// for the SQLite file).
func Where(t testing.TB, dir string) string {
	t.Helper()
	if !Enabled() {
		return dir
	}
	return URL(t)
}

// URL creates an empty schema in the test cluster and returns a URL whose connections use
// it (search_path), so that each test migrates and sees its own tables.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Fatalf("%s is not set: start the test cluster (make pgtest)", Env)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		t.Fatalf("PostgreSQL at %s: %v", base, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
