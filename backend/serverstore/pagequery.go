package serverstore

import (
	"fmt"
	"strings"

	"chibo/backend/access"
)

// A page is the first records of a scope after the cursor, in sequence order. Tested in
// sequence order, a scope that holds a small part of the file (one province of the
// nation) reads past every record it does not hold. On SQLite the scope is cut into
// disjoint branches (access.Scope.SQLBranches), each walked in sequence order through an
// index on its column and server_seq (records_commune_seq, records_area_seq) that also
// holds the other columns the scope tests, so a branch reads no row (the table is in
// kind and id order: a row per entry was a page read per record), and the first limit of
// their union are read. PostgreSQL gets the one predicate and plans it
// with its statistics; the national figures (docs/performance.md) are SQLite's, and
// PostgreSQL at that size is yet to be measured.

// brancher is a scope that can cut its predicate into branches (access.Scope).
type brancher interface {
	SQLBranches(prefix string) ([]string, [][]any)
}

const (
	pageCols = `kind, id, fields, field_hlc, hlc, deleted, server_seq`
	inRange  = `server_seq > ? AND server_seq <= ? AND purged = 0 AND `
)

func scopeBranches(d *dialect, scope access.Scoper) ([]string, [][]any) {
	if b, ok := scope.(brancher); ok && !d.postgres {
		return b.SQLBranches("")
	}
	pred, args := scope.SQLPredicate("")
	return []string{pred}, [][]any{args}
}

// pageQuery selects the first limit records of scope in (after, watermark].
func pageQuery(d *dialect, scope access.Scoper, after, watermark int64, limit int) (string, []any) {
	conds, args := scopeBranches(d, scope)
	if d.postgres {
		return `SELECT ` + pageCols + ` FROM records WHERE ` + inRange + conds[0] + ` ORDER BY server_seq LIMIT ?`,
			append(append([]any{after, watermark}, args[0]...), limit)
	}
	// The sequence numbers first, from indexes alone where the branch allows, then the rows.
	parts := make([]string, len(conds))
	var qargs []any
	for i, c := range conds {
		parts[i] = fmt.Sprintf(`SELECT server_seq FROM (SELECT server_seq FROM records WHERE %s%s ORDER BY server_seq LIMIT ?) AS b%d`, inRange, c, i)
		qargs = append(append(append(qargs, after, watermark), args[i]...), limit)
	}
	return `SELECT ` + pageCols + ` FROM records WHERE server_seq IN (` + strings.Join(parts, " UNION ALL ") + `) ORDER BY server_seq LIMIT ?`,
		append(qargs, limit)
}

// countQuery counts the records of scope in (after, watermark].
func countQuery(d *dialect, scope access.Scoper, after, watermark int64) (string, []any) {
	conds, args := scopeBranches(d, scope)
	parts := make([]string, len(conds))
	var cargs []any
	for i, c := range conds {
		parts[i] = `(SELECT count(*) FROM records WHERE ` + inRange + c + `)`
		cargs = append(append(cargs, after, watermark), args[i]...)
	}
	return `SELECT ` + strings.Join(parts, " + "), cargs
}
