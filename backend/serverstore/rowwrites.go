package serverstore

import (
	"encoding/json"
)

// A record saved by a transaction is written once, at its end, in multi-row upserts: a
// push batch edits the same records many times (the row cache holds the latest state
// meanwhile), and one statement per save was most of a push's writing. Whoever reads or
// writes the records table by SQL inside the transaction flushes first (moveCommuneArea).

// rowWrite is a record state waiting to be written, with its last sequence.
type rowWrite struct {
	kind, id             string
	r                    row
	seq                  int64
	updatedAt, deletedAt string
}

// stageRow keeps w for flushRows; a record saved again keeps its first deletion time, as
// the upsert does for a stored one.
func (t *txn) stageRow(w rowWrite) {
	key := w.kind + "/" + w.id
	if i, ok := t.written[key]; ok {
		if prev := t.writes[i].deletedAt; prev != "" {
			w.deletedAt = prev
		}
		t.writes[i] = w
		return
	}
	if t.written == nil {
		t.written = map[string]int{}
	}
	t.written[key] = len(t.writes)
	t.writes = append(t.writes, w)
}

// rowChunk rows of 14 values per INSERT: under both databases' limits on parameters.
const rowChunk = 200

// flushRows writes the staged records.
func (t *txn) flushRows() error {
	for start := 0; start < len(t.writes); start += rowChunk {
		part := t.writes[start:min(start+rowChunk, len(t.writes))]
		args := make([]any, 0, len(part)*14)
		for _, w := range part {
			fields, err := json.Marshal(w.r.fields)
			if err != nil {
				return err
			}
			fh, err := json.Marshal(w.r.fieldHLC)
			if err != nil {
				return err
			}
			c := w.r.class
			args = append(args, w.kind, w.id, string(fields), string(fh), w.r.hlc, boolInt(w.r.deleted), w.seq, c.CommuneID, c.AreaID, c.Audience,
				boolInt(c.Restricted), c.Planner, w.updatedAt, w.deletedAt)
		}
		if _, err := t.tx.Exec(`INSERT INTO records(kind, id, fields, field_hlc, hlc, deleted, server_seq, commune_id, area_id, audience, restricted, planner, updated_at, deleted_at)
		VALUES `+rowsOf(len(part), 14)+`
		ON CONFLICT(kind, id) DO UPDATE SET fields = excluded.fields, field_hlc = excluded.field_hlc, hlc = excluded.hlc,
			deleted = excluded.deleted, server_seq = excluded.server_seq, commune_id = excluded.commune_id, area_id = excluded.area_id,
			audience = excluded.audience, restricted = excluded.restricted, planner = excluded.planner, updated_at = excluded.updated_at,
			deleted_at = CASE WHEN records.deleted_at = '' THEN excluded.deleted_at ELSE records.deleted_at END`, args...); err != nil {
			return err
		}
	}
	t.writes, t.written = nil, nil
	return nil
}
