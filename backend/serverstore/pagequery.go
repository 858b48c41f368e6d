package serverstore

import (
	"fmt"
	"strings"

	"chibo/backend/access"
)

// A page is the first records of a scope after the cursor, in sequence order. Tested in
// sequence order, a scope that holds a small part of the file (one province of the
// nation) reads past every record it does not hold. So the scope is cut into disjoint
// branches (access.Scope.Branches), each walked in sequence order through an index on
// its key column and server_seq (records_commune_seq, records_area_seq) that also holds
// the other columns the scope tests, so a branch reads no row (on SQLite the table is in
// kind and id order: a row per entry was a page read per record), and the first limit of
// their union are read.
//
// A branch's range is written on the pair (key, server_seq) and ordered by it, as keyset
// pagination is: only the branch index yields that order without sorting every record of
// the branch, so walking the sequence index and testing each row for the key is no longer
// an ordered plan a planner can stop early in. PostgreSQL chose that walk when it took a
// province's records for evenly spread over the sequence (its statistics cannot tell that
// one province's records were imported together): a page of the last province then read
// every other province's rows first.

// brancher is a scope that can cut its predicate into branches (access.Scope, Grants).
type brancher interface {
	Branches(prefix string) []access.Branch
}

// overlapper is a scope whose branches may share records (access.Grants).
type overlapper interface {
	Overlapping() bool
}

const (
	pageCols = `kind, id, fields, field_hlc, hlc, deleted, server_seq`
	inRange  = `server_seq > ? AND server_seq <= ? AND purged = 0`
)

func scopeBranches(scope access.Scoper) []access.Branch {
	if b, ok := scope.(brancher); ok {
		return b.Branches("")
	}
	pred, args := scope.SQLPredicate("")
	return []access.Branch{{Rest: pred, Args: args}}
}

// pageQuery selects the first limit records of scope in (after, watermark].
func pageQuery(scope access.Scoper, after, watermark int64, limit int) (string, []any) {
	branches := scopeBranches(scope)
	// The sequence numbers first, from indexes alone where the branch allows, then the rows.
	parts := make([]string, len(branches))
	var qargs []any
	for i, b := range branches {
		where, order := inRange, "server_seq"
		if b.Key != "" {
			where = fmt.Sprintf(`(%[1]s, server_seq) > (?, ?) AND (%[1]s, server_seq) <= (?, ?) AND purged = 0`, b.Key)
			order = b.Key + ", server_seq"
			qargs = append(qargs, b.Value, after, b.Value, watermark)
		} else {
			qargs = append(qargs, after, watermark)
		}
		if b.Rest != "" {
			where += " AND " + b.Rest
		}
		parts[i] = fmt.Sprintf(`SELECT server_seq FROM (SELECT server_seq FROM records WHERE %s ORDER BY %s LIMIT ?) AS b%d`, where, order, i)
		qargs = append(append(qargs, b.Args...), limit)
	}
	return `SELECT ` + pageCols + ` FROM records WHERE server_seq IN (` + strings.Join(parts, " UNION ALL ") + `) ORDER BY server_seq LIMIT ?`,
		append(qargs, limit)
}

// countQuery counts the records of scope in (after, watermark]: the sum of its branches'
// counts, or the count of their union where branches may overlap (access.Grants). A count
// has no order to keep, so each branch is its plain condition, which both planners
// estimate well.
func countQuery(scope access.Scoper, after, watermark int64) (string, []any) {
	branches := scopeBranches(scope)
	parts := make([]string, len(branches))
	var cargs []any
	overlap := false
	if o, ok := scope.(overlapper); ok {
		overlap = o.Overlapping()
	}
	for i, b := range branches {
		cond, args := b.SQL()
		cargs = append(append(cargs, after, watermark), args...)
		if overlap {
			parts[i] = `SELECT server_seq FROM records WHERE ` + inRange + ` AND ` + cond
		} else {
			parts[i] = `(SELECT count(*) FROM records WHERE ` + inRange + ` AND ` + cond + `)`
		}
	}
	if overlap {
		return `SELECT count(*) FROM (` + strings.Join(parts, " UNION ") + `) AS u`, cargs
	}
	return `SELECT ` + strings.Join(parts, " + "), cargs
}
