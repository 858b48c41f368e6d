package serverstore

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"chibo/backend/access"
	"chibo/backend/kinds"
	"chibo/backend/syncproto"
)

// Schema is the wire schema of every kind in the registry (backend/kinds): the kinds a
// desktop built from the same source knows.
var Schema = func() syncproto.Schema {
	out := syncproto.Schema{}
	for _, k := range kinds.All() {
		m := map[string]syncproto.FieldType{}
		for _, f := range k.Fields {
			if f.IsInt() {
				m[f.Name] = syncproto.TypeInt
			} else {
				m[f.Name] = syncproto.TypeString
			}
		}
		out[k.Name] = m
	}
	return out
}()

// row is a record's stored state on the server.
type row struct {
	exists   bool
	deleted  bool
	fields   map[string]json.RawMessage
	fieldHLC map[string]string
	hlc      string
	class    access.Class
}

func loadRow(tx *txn, kind, id string) (row, error) {
	if r, ok := tx.rows[kind+"/"+id]; ok {
		return r, nil
	}
	r, err := readRow(tx, kind, id)
	if err == nil {
		tx.rows[kind+"/"+id] = r
	}
	return r, err
}

func readRow(tx *txn, kind, id string) (row, error) {
	r := row{fields: map[string]json.RawMessage{}, fieldHLC: map[string]string{}}
	var fields, fieldHLC string
	var restricted int
	err := tx.QueryRow(`SELECT fields, field_hlc, hlc, deleted, commune_id, area_id, audience, restricted, planner FROM records WHERE kind = ? AND id = ?`, kind, id).
		Scan(&fields, &fieldHLC, &r.hlc, &r.deleted, &r.class.CommuneID, &r.class.AreaID, &r.class.Audience, &restricted, &r.class.Planner)
	if err == sql.ErrNoRows {
		return r, nil
	} else if err != nil {
		return r, err
	}
	r.exists, r.class.Restricted = true, restricted == 1
	if err := json.Unmarshal([]byte(fields), &r.fields); err != nil {
		return r, fmt.Errorf("record %s/%s: fields: %w", kind, id, err)
	}
	if err := json.Unmarshal([]byte(fieldHLC), &r.fieldHLC); err != nil {
		return r, fmt.Errorf("record %s/%s: field clocks: %w", kind, id, err)
	}
	return r, nil
}

// values decodes the stored fields by the schema, for classification and validation.
func (r row) values(kind string) access.Fields {
	schema := Schema[kind]
	out := access.Fields{}
	for name, raw := range r.fields {
		if v, err := syncproto.DecodeValue(schema, name, raw); err == nil {
			out[name] = v
		}
	}
	return out
}

// areaOf returns the area of a commune as the server holds it now (through the
// transaction's cache: a push or an import classifies many records of one commune).
func areaOf(tx *txn) func(string) string {
	return func(communeID string) string {
		if communeID == "" {
			return ""
		}
		r, err := loadRow(tx, kinds.Commune, communeID)
		if err != nil || !r.exists {
			return ""
		}
		var area string
		json.Unmarshal(r.fields["areaId"], &area)
		return area
	}
}

// saveRow writes r with a new server sequence and, when the record's class changed, logs
// the class it left so that pulls can send REMOVE to devices that no longer see it.
func (s *Store) saveRow(tx *txn, kind, id string, r row, old access.Class, oldExists bool) (int64, error) {
	seq, err := tx.nextSeq()
	if err != nil {
		return 0, err
	}
	fields, err := json.Marshal(r.fields)
	if err != nil {
		return 0, err
	}
	fh, err := json.Marshal(r.fieldHLC)
	if err != nil {
		return 0, err
	}
	now := nowText(s.now())
	deletedAt := ""
	if r.deleted {
		deletedAt = now
	}
	_, err = tx.Exec(`INSERT INTO records(kind, id, fields, field_hlc, hlc, deleted, server_seq, commune_id, area_id, audience, restricted, planner, updated_at, deleted_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(kind, id) DO UPDATE SET fields = excluded.fields, field_hlc = excluded.field_hlc, hlc = excluded.hlc,
			deleted = excluded.deleted, server_seq = excluded.server_seq, commune_id = excluded.commune_id, area_id = excluded.area_id,
			audience = excluded.audience, restricted = excluded.restricted, planner = excluded.planner, updated_at = excluded.updated_at,
			deleted_at = CASE WHEN records.deleted_at = '' THEN excluded.deleted_at ELSE records.deleted_at END`,
		kind, id, string(fields), string(fh), r.hlc, r.deleted, seq, r.class.CommuneID, r.class.AreaID, r.class.Audience, r.class.Restricted, r.class.Planner, now, deletedAt)
	if err != nil {
		return 0, err
	}
	r.exists = true
	tx.rows[kind+"/"+id] = r
	if oldExists && old.Visibility() != r.class.Visibility() {
		if err := logExit(tx, seq, kind, id, old); err != nil {
			return 0, err
		}
	}
	return seq, nil
}

func logExit(tx *txn, seq int64, kind, id string, c access.Class) error {
	_, err := tx.Exec(`INSERT INTO scope_exits(server_seq, kind, id, commune_id, area_id, audience, restricted, planner) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		seq, kind, id, c.CommuneID, c.AreaID, c.Audience, c.Restricted, c.Planner)
	return err
}

// moveCommuneArea gives every record of a commune the commune's new area, each with a new
// sequence and a scope exit, so that a standing committee member who lost the commune is
// told to remove its records and the one who gained it receives them.
func (s *Store) moveCommuneArea(tx *txn, communeID, newArea string) error {
	rows, err := tx.Query(`SELECT kind, id, area_id, audience, restricted, planner FROM records WHERE commune_id = ? AND area_id != ?`, communeID, newArea)
	if err != nil {
		return err
	}
	type item struct {
		kind, id string
		old      access.Class
	}
	var items []item
	for rows.Next() {
		it := item{old: access.Class{CommuneID: communeID}}
		if err := rows.Scan(&it.kind, &it.id, &it.old.AreaID, &it.old.Audience, &it.old.Restricted, &it.old.Planner); err != nil {
			rows.Close()
			return err
		}
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	clear(tx.rows) // area_id changes below, behind the cache's back
	for _, it := range items {
		seq, err := tx.nextSeq()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE records SET area_id = ?, server_seq = ?, updated_at = ? WHERE kind = ? AND id = ?`,
			newArea, seq, nowText(s.now()), it.kind, it.id); err != nil {
			return err
		}
		if err := logExit(tx, seq, it.kind, it.id, it.old); err != nil {
			return err
		}
	}
	return nil
}
