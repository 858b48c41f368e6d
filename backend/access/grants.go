package access

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// Scoper is what the server asks of an account's access: one Scope, or Grants when the
// account holds roles at two levels.
type Scoper interface {
	Reads(c Class) bool
	Writes(kind string, c Class) bool
	NumbersPapers(c Class) bool
	Supervises() bool
	Fingerprint() string
	SQLPredicate(prefix string) (string, []any)
}

// Grants are the roles of one account at several levels (a commune secretary who is also
// a member of the provincial committee): the account reads and writes what any of them
// does. Each role keeps its own confidentiality: as a commune committee's secretary it
// reads its committee's plans, as a provincial member the province's plans in his commune.
type Grants []Scope

// Reads reports whether any grant reads c.
func (g Grants) Reads(c Class) bool {
	return slices.ContainsFunc(g, func(s Scope) bool { return s.Reads(c) })
}

// Writes reports whether any grant writes a record of kind with class c.
func (g Grants) Writes(kind string, c Class) bool {
	return slices.ContainsFunc(g, func(s Scope) bool { return s.Writes(kind, c) })
}

// NumbersPapers reports whether any grant numbers the papers of c.
func (g Grants) NumbersPapers(c Class) bool {
	return slices.ContainsFunc(g, func(s Scope) bool { return s.NumbersPapers(c) })
}

// Supervises reports whether any grant is a supervising role.
func (g Grants) Supervises() bool {
	return slices.ContainsFunc(g, func(s Scope) bool { return s.Supervises() })
}

// Fingerprint changes when any grant is added, removed or changed.
func (g Grants) Fingerprint() string {
	if len(g) == 1 {
		return g[0].Fingerprint()
	}
	fps := make([]string, len(g))
	for i, s := range g {
		fps[i] = s.Fingerprint()
	}
	slices.Sort(fps)
	h := sha256.Sum256([]byte(strings.Join(fps, "+")))
	return hex.EncodeToString(h[:6])
}

// SQLPredicate is the disjunction of the grants' predicates.
func (g Grants) SQLPredicate(prefix string) (string, []any) {
	if len(g) == 0 {
		return "1 = 0", nil
	}
	var parts []string
	var args []any
	for _, s := range g {
		p, a := s.SQLPredicate(prefix)
		parts = append(parts, "("+p+")")
		args = append(args, a...)
	}
	return "(" + strings.Join(parts, " OR ") + ")", args
}

// Branches are the branches of every grant (Scope.Branches), so that a page of an
// account with two roles is read through the branch indexes too. Unlike one scope's,
// branches of two grants may overlap (both see the records every scope sees): a page
// takes each record once, and a count must count the union (serverstore.countQuery).
func (g Grants) Branches(prefix string) []Branch {
	if len(g) == 0 {
		return []Branch{{Rest: "1 = 0"}}
	}
	var out []Branch
	for _, s := range g {
		out = append(out, s.Branches(prefix)...)
	}
	return out
}

// Overlapping reports whether the branches may share records: two grants or more.
func (g Grants) Overlapping() bool { return len(g) > 1 }
