package store

import (
	"bytes"
	"context"
	"sort"

	"chibo/backend/domain"
	"chibo/backend/textutil"
)

// recordStates maps record ids to their sync state; records absent from it are synced.
type recordStates map[string]struct {
	state  domain.SyncState
	reason string
}

func (m recordStates) of(id string) (domain.SyncState, string) {
	if st, ok := m[id]; ok {
		return st.state, st.reason
	}
	return domain.SyncSent, ""
}

// syncStates derives every record's sync state from the change log: pending changes make a
// record local-only; otherwise a refused last change makes it refused.
func (s *Store) syncStates(ctx context.Context) (recordStates, error) {
	return s.querySyncStates(ctx, `SELECT record_id, state, reason FROM outbox WHERE state != 'acked' ORDER BY seq`)
}

// syncStatesOfKinds is syncStates limited to records of the given kinds: a list of one
// kind need not read every pending change of a desktop that was offline for weeks.
func (s *Store) syncStatesOfKinds(ctx context.Context, kinds ...string) (recordStates, error) {
	return s.querySyncStates(ctx, `SELECT record_id, state, reason FROM outbox WHERE state != 'acked' AND kind IN (`+placeholders(len(kinds))+`) ORDER BY seq`, anys(kinds)...)
}

func (s *Store) syncStatesOf(ctx context.Context, id string) (recordStates, error) {
	return s.querySyncStates(ctx, `SELECT record_id, state, reason FROM outbox WHERE record_id = ? AND state != 'acked' ORDER BY seq`, id)
}

func (s *Store) querySyncStates(ctx context.Context, q string, args ...any) (recordStates, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := recordStates{}
	for rows.Next() {
		var id, state, reason string
		if err := rows.Scan(&id, &state, &reason); err != nil {
			return nil, err
		}
		if prev, ok := m[id]; ok && prev.state == domain.SyncLocal {
			continue
		}
		st := m[id]
		if state == "pending" {
			st.state, st.reason = domain.SyncLocal, ""
		} else {
			st.state, st.reason = domain.SyncRefused, reason
		}
		m[id] = st
	}
	return m, rows.Err()
}

// sortByName sorts xs in Vietnamese order of their names (a < ă < â, d < đ): plain byte
// or folded order would be wrong, so the collator's keys decide.
func sortByName[T any](xs []T, name func(T) string) {
	keys := make([][]byte, len(xs))
	for i := range xs {
		keys[i] = textutil.SortKey(name(xs[i]))
	}
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return bytes.Compare(keys[idx[a]], keys[idx[b]]) < 0 })
	sorted := make([]T, len(xs))
	for i, j := range idx {
		sorted[i] = xs[j]
	}
	copy(xs, sorted)
}
