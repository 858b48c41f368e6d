package store

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"

	"chibo/backend/hlc"
)

// Record is the whole state of one synced record as the server sends it: every field with
// the clock of the write that set it. Fields this version does not know are kept in extra.
type Record struct {
	Kind     string                     `json:"kind"`
	ID       string                     `json:"id"`
	Deleted  bool                       `json:"deleted,omitempty"`
	Fields   map[string]json.RawMessage `json:"fields"`
	FieldHLC map[string]string          `json:"fieldHlc"`
	HLC      string                     `json:"hlc"`
}

// mergeRecord merges a record received from elsewhere into tx by the conflict rule of
// docs/sync-protocol.md: per field, the value with the greater HLC wins (the HLC's node id
// breaks ties), and a tombstone is final. Merging is commutative, associative and
// idempotent, so replicas converge whatever the order or repetition of deliveries.
func (s *Store) mergeRecord(tx *sql.Tx, r Record) error {
	k, ok := kindsByName[r.Kind]
	if !ok {
		return fmt.Errorf("store: unknown record kind %q", r.Kind)
	}
	cur, err := loadCurrent(tx, k, r.ID)
	if err != nil {
		return err
	}
	if cur.deleted {
		return nil
	}
	if ts, err := hlc.Parse(r.HLC); err == nil {
		s.clock.Observe(ts)
	}
	rowHLC := r.HLC
	if r.Deleted {
		if !cur.exists {
			// Keep the tombstone so that a late copy of the record cannot bring it back.
			return writeRow(tx, k, r.ID, false, Values{}, map[string]string{}, map[string]any{}, rowHLC, true)
		}
		_, err := tx.Exec(fmt.Sprintf("UPDATE %s SET deleted = 1, hlc = max(hlc, ?) WHERE id = ?", k.table), rowHLC, r.ID)
		return err
	}
	changed := Values{}
	for name, raw := range r.Fields {
		clock := r.FieldHLC[name]
		if clock == "" {
			clock = r.HLC
		}
		if clock <= cur.fieldHLC[name] {
			continue // ours is as new or newer
		}
		cur.fieldHLC[name] = clock
		f, known := k.byName[name]
		if !known {
			cur.extra[name] = raw
			continue
		}
		var v any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("store: %s %s field %s: %w", r.Kind, r.ID, name, err)
		}
		changed[name] = canonical(f, v)
	}
	if cur.exists && len(changed) == 0 && len(r.Fields) == 0 {
		return nil
	}
	for _, c := range cur.fieldHLC {
		if c > rowHLC {
			rowHLC = c
		}
	}
	return writeRow(tx, k, r.ID, cur.exists, changed, cur.fieldHLC, cur.extra, rowHLC, false)
}

// recordState returns the full state of one record, as mergeRecord takes it.
func recordState(tx *sql.Tx, kind, id string) (Record, bool, error) {
	k, ok := kindsByName[kind]
	if !ok {
		return Record{}, false, fmt.Errorf("store: unknown record kind %q", kind)
	}
	cur, err := loadCurrent(tx, k, id)
	if err != nil || !cur.exists {
		return Record{}, false, err
	}
	r := Record{Kind: kind, ID: id, Deleted: cur.deleted, Fields: map[string]json.RawMessage{}, FieldHLC: cur.fieldHLC}
	for name, v := range cur.values {
		b, _ := json.Marshal(v)
		r.Fields[name] = b
	}
	for name, v := range cur.extra {
		b, _ := json.Marshal(v)
		r.Fields[name] = b
	}
	for _, c := range cur.fieldHLC {
		if c > r.HLC {
			r.HLC = c
		}
	}
	return r, true, nil
}
