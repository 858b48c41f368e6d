package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"chibo/backend/domain"
)

// Snapshot is a set of registry records known to every replica already, such as the demo
// data: it is merged like records pulled from the server, with one clock for every field,
// and writes nothing to the change log, so loading it on a desktop and on the server gives
// the same state without a sync.
type Snapshot struct {
	HLC       string
	Areas     []domain.Area
	Clusters  []domain.Cluster
	Communes  []domain.Commune
	Units     []domain.Unit
	Officials []domain.Official
}

// ImportSnapshot merges snap into the store in one transaction. Importing it twice changes
// nothing the second time.
func (s *Store) ImportSnapshot(ctx context.Context, snap Snapshot) error {
	var recs []Record
	add := func(k *kindSpec, id string, v Values) {
		r := Record{Kind: k.kind, ID: id, HLC: snap.HLC, Fields: map[string]json.RawMessage{}, FieldHLC: map[string]string{}}
		for name, x := range v {
			b, _ := json.Marshal(x)
			r.Fields[name] = b
			r.FieldHLC[name] = snap.HLC
		}
		recs = append(recs, r)
	}
	for _, a := range snap.Areas {
		add(kindArea, a.ID, Values{"name": a.Name})
	}
	for _, c := range snap.Clusters {
		add(kindCluster, c.ID, Values{"name": c.Name})
	}
	for _, c := range snap.Communes {
		add(kindCommune, c.ID, Values{"name": c.Name, "kind": string(c.Kind), "areaId": c.AreaID, "clusterId": c.ClusterID, "status": string(c.Status)})
	}
	for _, u := range snap.Units {
		add(kindUnit, u.ID, unitValues(u))
	}
	for _, o := range snap.Officials {
		active := 0
		if o.Active {
			active = 1
		}
		add(kindOfficial, o.ID, Values{"name": o.Name, "title": o.Title, "role": string(o.Role), "areaId": o.AreaID, "communeId": o.CommuneID, "active": active})
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, r := range recs {
			if err := s.mergeRecord(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// ImportRecords merges full record states (a preset's) into the store in one transaction,
// by the same rule as a pull: importing them twice changes nothing the second time.
func (s *Store) ImportRecords(ctx context.Context, recs []Record) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, r := range recs {
			if err := s.mergeRecord(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// IsEmpty reports whether the registry holds no unit at all (a first run).
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM units`).Scan(&n)
	return n == 0, err
}
