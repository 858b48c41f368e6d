package store

import (
	"context"

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
