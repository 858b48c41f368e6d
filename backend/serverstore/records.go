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
	// vals is fields decoded by the schema, kept with a cached row so that a batch editing
	// one record many times decodes it once; nil means not decoded (whoever changes fields
	// resets it). Never mutated.
	vals access.Fields
}

func loadRow(tx *txn, kind, id string) (row, error) {
	if r, ok := tx.rows[kind+"/"+id]; ok {
		return r, nil
	}
	r, err := readRow(tx, kind, id)
	if err == nil {
		r.vals = r.values(kind)
		tx.rows[kind+"/"+id] = r
	}
	return r, err
}

const rowCols = `fields, field_hlc, hlc, deleted, commune_id, area_id, audience, restricted, planner`

func readRow(tx *txn, kind, id string) (row, error) {
	var sc rowScan
	err := sc.scan(tx.QueryRow(`SELECT `+rowCols+` FROM records WHERE kind = ? AND id = ?`, kind, id))
	if err == sql.ErrNoRows {
		return emptyRow(), nil
	} else if err != nil {
		return emptyRow(), err
	}
	return sc.row(kind, id)
}

func emptyRow() row { return row{fields: map[string]json.RawMessage{}, fieldHLC: map[string]string{}} }

// rowScan is one records row as read (rowCols, in order).
type rowScan struct {
	fields, fieldHLC string
	r                row
	restricted       int
}

func (sc *rowScan) scan(s interface{ Scan(...any) error }, head ...any) error {
	return s.Scan(append(head, &sc.fields, &sc.fieldHLC, &sc.r.hlc, &sc.r.deleted, &sc.r.class.CommuneID, &sc.r.class.AreaID,
		&sc.r.class.Audience, &sc.restricted, &sc.r.class.Planner)...)
}

func (sc *rowScan) row(kind, id string) (row, error) {
	r := sc.r
	r.exists, r.class.Restricted = true, sc.restricted == 1
	var err error
	if r.fields, err = parseFields([]byte(sc.fields)); err != nil {
		return r, fmt.Errorf("record %s/%s: fields: %w", kind, id, err)
	}
	if r.fieldHLC, err = parseClocks([]byte(sc.fieldHLC)); err != nil {
		return r, fmt.Errorf("record %s/%s: field clocks: %w", kind, id, err)
	}
	return r, nil
}

// prefetchRows reads the records of kind among ids into the transaction's cache in a few
// IN queries (a push batch names hundreds of records); an id not stored is cached absent.
func prefetchRows(tx *txn, kind string, ids []string) error {
	var todo []any
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := tx.rows[kind+"/"+id]; !ok && !seen[id] {
			seen[id] = true
			todo = append(todo, id)
		}
	}
	found := map[string]row{}
	for start := 0; start < len(todo); start += chunk {
		part := todo[start:min(start+chunk, len(todo))]
		rows, err := tx.tx.Query(`SELECT id, `+rowCols+` FROM records WHERE kind = ? AND id IN (`+placeholders(len(part))+`)`, append([]any{kind}, part...)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var sc rowScan
			var id string
			if err := sc.scan(rows, &id); err != nil {
				rows.Close()
				return err
			}
			r, err := sc.row(kind, id)
			if err != nil {
				rows.Close()
				return err
			}
			found[id] = r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for _, id := range todo {
		r, ok := found[id.(string)]
		if !ok {
			r = emptyRow()
		}
		r.vals = r.values(kind)
		tx.rows[kind+"/"+id.(string)] = r
	}
	return nil
}

// values decodes the stored fields by the schema, for classification and validation.
// The map may be the row's cached one: callers read it only.
func (r row) values(kind string) access.Fields {
	if r.vals != nil {
		return r.vals
	}
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

// saveRow writes r with a new server sequence (staged: see flushRows) and, when the
// record's class changed, logs the class it left so that pulls can send REMOVE to devices
// that no longer see it.
func (s *Store) saveRow(tx *txn, kind, id string, r row, old access.Class, oldExists bool) (int64, error) {
	seq, err := tx.nextSeq()
	if err != nil {
		return 0, err
	}
	now := nowText(s.now())
	deletedAt := ""
	if r.deleted {
		deletedAt = now
	}
	r.exists = true
	tx.rows[kind+"/"+id] = r
	tx.stageRow(rowWrite{kind: kind, id: id, r: r, seq: seq, updatedAt: now, deletedAt: deletedAt})
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
	if err := tx.flushRows(); err != nil { // the queries below read and write records
		return err
	}
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
