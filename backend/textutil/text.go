// Package textutil holds the Vietnamese text rules of the app: matching with or without
// diacritics, and sorting in Vietnamese alphabetical order.
package textutil

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in composed form. Input may arrive decomposed (NFD) from some keyboards
// and systems; storing NFC keeps equal names equal.
func NFC(s string) string { return norm.NFC.String(s) }

// Fold lowercases s and strips its diacritics, so "Đồng Hướng" and "dong huong" fold to
// the same key. đ is a letter of its own, not a combining form, so it is mapped by hand.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteRune('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Matches reports whether every word of query occurs in text, ignoring case and
// diacritics. An empty query matches everything.
func Matches(text, query string) bool {
	return MatchesFolded(Fold(text), Fold(query))
}

// MatchesFolded is Matches on already folded text and query, for hot loops.
func MatchesFolded(foldedText, foldedQuery string) bool {
	for _, w := range strings.Fields(foldedQuery) {
		if !strings.Contains(foldedText, w) {
			return false
		}
	}
	return true
}

var (
	collatorMu sync.Mutex
	collator   = collate.New(language.Vietnamese, collate.Numeric) // "Xóm 2" before "Xóm 10"
)

// Compare orders a and b in Vietnamese alphabetical order (a < ă < â, d < đ …), numbers
// inside names by their value.
func Compare(a, b string) int {
	collatorMu.Lock() // a Collator keeps scratch buffers and is not safe for concurrent use
	defer collatorMu.Unlock()
	return collator.CompareString(a, b)
}

// SortKey returns a byte key whose byte order is the Vietnamese order of s: sorting many
// names by precomputed keys is much cheaper than comparing them pairwise.
func SortKey(s string) []byte {
	collatorMu.Lock()
	defer collatorMu.Unlock()
	var buf collate.Buffer
	return append([]byte(nil), collator.KeyFromString(&buf, s)...)
}

// SortStrings sorts names in Vietnamese order.
func SortStrings(names []string) {
	sort.SliceStable(names, func(i, j int) bool { return Compare(names[i], names[j]) < 0 })
}
