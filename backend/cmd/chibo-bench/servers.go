package main

// The chibo-server processes the load generator and the national benchmark start: built
// from this module, each on its own loopback port, on a SQLite folder or a PostgreSQL
// schema of the run's own.

import (
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/google/uuid"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for the run's schema

	"chibo/backend/serverproc"
)

// freshSchema creates an empty schema in the PostgreSQL database at base and returns a
// URL whose connections use it: each run starts from the same empty database.
func freshSchema(base string) string {
	db, err := sql.Open("pgx", base)
	if err != nil {
		fail(err)
	}
	defer db.Close()
	schema := "load_" + strings.ReplaceAll(uuid.NewString()[:13], "-", "")
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		fail(fmt.Errorf("PostgreSQL at %s: %w", base, err))
	}
	u, err := url.Parse(base)
	if err != nil {
		fail(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func buildServerBinary(dir string) string {
	bin, err := serverproc.Build(dir)
	if err != nil {
		fail(err)
	}
	return bin
}

// startServer starts a server process that a failed run stops too.
func startServer(bin, where string, extra ...string) *serverproc.Process {
	p, err := serverproc.Start(bin, where, extra...)
	if err != nil {
		fail(err)
	}
	atExit(p.Stop)
	return p
}
