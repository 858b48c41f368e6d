package store

import (
	"context"
	"sort"
	"strings"

	"chibo/backend/domain"
	"chibo/backend/textutil"
)

// UnitHit is a unit found by a search, with the names of its ancestors for context.
type UnitHit struct {
	domain.Unit
	Path string `json:"path"` // "Huyện ủy Kim Sơn › Đảng bộ xã Đồng Hướng"
}

// SearchUnits finds units whose name contains every word of query, with or without
// diacritics ("dong huong" finds "Đồng Hướng"). Results come in tree order of relevance:
// active units first, then Vietnamese order of name; at most limit hits (0: no limit).
func (s *Store) SearchUnits(ctx context.Context, query string, limit int) ([]UnitHit, error) {
	units, err := s.ListUnits(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]domain.Unit, len(units))
	for _, u := range units {
		byID[u.ID] = u
	}
	q := textutil.Fold(query)
	var hits []UnitHit
	for _, pass := range []bool{true, false} { // active units first
		for _, u := range units {
			if (u.Status == domain.StatusActive) != pass || !textutil.MatchesFolded(textutil.Fold(u.Name), q) {
				continue
			}
			hits = append(hits, UnitHit{Unit: u, Path: pathOf(u, byID)})
			if limit > 0 && len(hits) == limit {
				return hits, nil
			}
		}
	}
	return hits, nil
}

func pathOf(u domain.Unit, byID map[string]domain.Unit) string {
	path := ""
	for p, ok := byID[u.ParentID]; ok; p, ok = byID[p.ParentID] {
		if path == "" {
			path = p.Name
		} else {
			path = p.Name + " › " + path
		}
		if p.ParentID == u.ID { // defensive: a cycle from bad data must not hang the UI
			break
		}
	}
	return path
}

// VisitHit is a visit found by a search, with its newest report when there is one and
// the words of the report that matched.
type VisitHit struct {
	Visit    domain.Visit `json:"visit"`
	ReportID string       `json:"reportId"`
	Quality  string       `json:"quality"`
	Snippet  string       `json:"snippet"` // the report's text around the first match
}

// SearchVisits finds visits across months and communes whose cell, commune, official,
// date (dd/mm/yyyy or mm/yyyy as typed) or report text hold every word of query, with or
// without diacritics; newest first, at most limit (0: no limit). A commune office holds
// no visits: it finds nothing.
func (s *Store) SearchVisits(ctx context.Context, query string, limit int) ([]VisitHit, error) {
	q := textutil.Fold(query)
	if q == "" {
		return []VisitHit{}, nil
	}
	visits, err := s.ListVisits(ctx, VisitFilter{})
	if err != nil {
		return nil, err
	}
	reports, err := s.ListReports(ctx, "")
	if err != nil {
		return nil, err
	}
	byVisit := make(map[string]domain.Report, len(reports))
	for _, r := range reports {
		byVisit[r.VisitID] = r
	}
	hits := []VisitHit{}
	for i := len(visits) - 1; i >= 0; i-- { // ListVisits is by date: newest first here
		v := visits[i]
		d := domain.FormatDateVN(v.Date)
		head := textutil.Fold(strings.Join([]string{v.CellName, v.CommuneName, v.OfficialName, d, d[min(3, len(d)):]}, " "))
		r, reported := byVisit[v.ID]
		text := reportText(r.Values)
		folded := textutil.Fold(text)
		if !matchesWords(head+" "+folded, q) {
			continue
		}
		h := VisitHit{Visit: v}
		if reported {
			h.ReportID = r.ID
			h.Quality, _ = r.Values["quality"].(string)
			h.Snippet = snippet(text, q)
		}
		hits = append(hits, h)
		if limit > 0 && len(hits) == limit {
			break
		}
	}
	return hits, nil
}

// reportText is a report's written answers, in a stable order (keys sorted).
func reportText(values map[string]any) string {
	keys := make([]string, 0, len(values))
	for k, x := range values {
		if s, ok := x.(string); ok && strings.TrimSpace(s) != "" && !strings.HasSuffix(k, "Time") && !strings.HasSuffix(k, "Date") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = values[k].(string)
	}
	return strings.Join(parts, " · ")
}

// snippet is the words of text around the first one holding the query's first word
// ("" when the match was in the visit, not in the report).
func snippet(text, q string) string {
	first := strings.Fields(q)
	if len(first) == 0 {
		return ""
	}
	words := strings.Fields(text)
	for i, w := range words {
		if strings.Contains(textutil.Fold(w), first[0]) {
			from, to := max(0, i-5), min(len(words), i+9)
			out := strings.Join(words[from:to], " ")
			if from > 0 {
				out = "…" + out
			}
			if to < len(words) {
				out += "…"
			}
			return out
		}
	}
	return ""
}

// matchesWords is textutil.MatchesFolded, except that a number must be a whole number of
// the text ("Xóm 5" is not found by "5" in 05/06/2018) while a date typed as 05/06/2018
// or 06/2018 still matches its text.
func matchesWords(folded, q string) bool {
	var numbers map[string]bool
	for _, w := range strings.Fields(q) {
		if strings.Trim(w, "0123456789") != "" {
			if !strings.Contains(folded, w) {
				return false
			}
			continue
		}
		if numbers == nil {
			numbers = map[string]bool{}
			for _, n := range strings.FieldsFunc(folded, func(r rune) bool { return r < '0' || r > '9' }) {
				numbers[n] = true
			}
		}
		if !numbers[w] {
			return false
		}
	}
	return true
}
