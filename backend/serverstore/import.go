package serverstore

import (
	"context"
	"database/sql"
	"fmt"

	"chibo/backend/access"
	"chibo/backend/hlc"
	"chibo/backend/kinds"
	"chibo/backend/syncproto"
)

// Import merges full record states into the server in one transaction, by the same rule
// as a push (per-field last writer wins on HLC, tombstones final), without scope checks:
// it is the administrator's seeding path (`chibo-server seed-demo`). Importing the same
// records twice changes nothing the second time.
func (s *Store) Import(ctx context.Context, recs []syncproto.Record) (int, error) {
	n := 0
	err := s.writeTxn(ctx, func(tx *txn) error {
		n = 0
		var communes []string
		for _, r := range recs {
			if _, ok := Schema[r.Kind]; !ok || !syncproto.ValidID(r.ID) {
				return fmt.Errorf("import: bad record %s/%s", r.Kind, r.ID)
			}
			cur, err := loadRow(tx, r.Kind, r.ID)
			if err != nil {
				return err
			}
			if cur.deleted {
				continue
			}
			next := cur
			next.fields, next.fieldHLC, next.vals = cloneRaw(cur.fields), cloneStr(cur.fieldHLC), nil
			changed := false
			for name, raw := range r.Fields {
				clock := r.FieldHLC[name]
				if clock == "" {
					clock = r.HLC
				}
				if clock <= next.fieldHLC[name] {
					continue
				}
				next.fields[name], next.fieldHLC[name], changed = compact(raw), clock, true
				if clock > next.hlc {
					next.hlc = clock
				}
			}
			if r.Deleted {
				next.deleted, changed = true, true
				if r.HLC > next.hlc {
					next.hlc = r.HLC
				}
			}
			if !changed {
				continue
			}
			if !next.deleted {
				next.class = access.Classify(r.Kind, next.values(r.Kind), areaOf(tx))
			}
			if _, err := s.saveRow(tx, r.Kind, r.ID, next, cur.class, cur.exists); err != nil {
				return err
			}
			if ts, err := hlc.Parse(next.hlc); err == nil {
				s.clock.Observe(ts) // a later clamped write orders after what was imported
			}
			if r.Kind == kinds.Commune {
				communes = append(communes, r.ID)
			}
			n++
		}
		// Units may come before their commune: give every commune's records its area now.
		for _, id := range communes {
			area, _ := mustRow(tx, kinds.Commune, id).values(kinds.Commune)["areaId"].(string)
			if err := s.moveCommuneArea(tx, id, area); err != nil {
				return err
			}
		}
		return s.saveClock(tx)
	})
	return n, err
}

func mustRow(tx *txn, kind, id string) row {
	r, _ := loadRow(tx, kind, id)
	return r
}

// Counts reports how many live records of each kind the server holds.
func (s *Store) Counts(ctx context.Context) (map[string]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT kind, count(*) FROM records WHERE deleted = 0 GROUP BY kind`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, rows.Err()
}

// FindByName returns the id of the live record of kind whose name field is name (exact,
// or ignoring case), so that administrators can name communes and areas as people do.
// Errors: ErrNotFound.
func (s *Store) FindByName(ctx context.Context, kind, name string) (string, error) {
	var id string
	col := s.d.jsonText("fields", "name")
	err := s.r.QueryRowContext(ctx, `SELECT id FROM records WHERE kind = ? AND deleted = 0 AND (id = ? OR `+col+` = ? OR lower(`+col+`) = lower(?)) ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END LIMIT 1`,
		kind, name, name, name, name).Scan(&id)
	if err == sql.ErrNoRows {
		return "", ErrNotFound
	}
	return id, err
}

// FindCommittee returns the id of the active supervising committee named name (a name an
// old organization of the same name may share: a commune's committee since 2025 and the
// commune's grassroots committee before it). Errors: ErrNotFound.
func (s *Store) FindCommittee(ctx context.Context, name string) (string, error) {
	var id string
	j := s.d.jsonText
	err := s.r.QueryRowContext(ctx, `SELECT id FROM records WHERE kind = 'unit' AND deleted = 0 AND `+j("fields", "kind")+` = 'supervising_committee'
		AND `+j("fields", "status")+` = 'active' AND lower(`+j("fields", "name")+`) = lower(?) ORDER BY id LIMIT 1`, name).Scan(&id)
	if err == sql.ErrNoRows {
		return "", ErrNotFound
	}
	return id, err
}
