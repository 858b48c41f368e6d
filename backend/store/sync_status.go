package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"chibo/backend/domain"
	"sort"
)

// SyncStatus is what the app shows about sync: when the device last completed a pull,
// how many changes wait to be sent, how many the server refused, whether a full resync
// is under way.
type SyncStatus struct {
	LastSyncAt string `json:"lastSyncAt"` // RFC 3339 UTC; "" before the first sync
	Pending    int    `json:"pending"`
	Refused    int    `json:"refused"`
	// Quarantined counts pulled records this device could not take (listed with the
	// refused changes); they are included in Refused.
	Quarantined int  `json:"quarantined"`
	Resyncing   bool `json:"resyncing"`
}

// SyncStatus reads the sync status.
func (s *Store) SyncStatus(ctx context.Context) (SyncStatus, error) {
	var st SyncStatus
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM outbox WHERE state = 'pending'),
		(SELECT count(*) FROM outbox WHERE state = 'refused'),
		(SELECT count(*) FROM quarantine),
		coalesce((SELECT value FROM meta WHERE key = 'sync_last_pull'), ''),
		coalesce((SELECT value FROM meta WHERE key = 'sync_resync'), '') = '1'`).Scan(&st.Pending, &st.Refused, &st.Quarantined, &st.LastSyncAt, &st.Resyncing)
	st.Refused += st.Quarantined
	return st, err
}

// RefusedChange is a change the server refused for good, kept for the user to see.
type RefusedChange struct {
	Seq        int64           `json:"seq"`
	ChangeID   string          `json:"changeId"`
	Kind       string          `json:"kind"`
	RecordID   string          `json:"recordId"`
	Op         string          `json:"op"`
	Fields     json.RawMessage `json:"fields"`
	Code       string          `json:"code"`
	Reason     string          `json:"reason"`
	ReasonEN   string          `json:"reasonEn"`
	CreatedAt  string          `json:"createdAt"`
	AnsweredAt string          `json:"answeredAt"`
	// Label names the record as a person knows it ("Chi bộ Xóm 5 · 05/06/2018"); "" when
	// this device holds nothing to name it by.
	Label string `json:"label"`
}

// RefusedChanges lists the refused changes, newest first.
func (s *Store) RefusedChanges(ctx context.Context) ([]RefusedChange, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, change_id, kind, record_id, op, fields, code, reason, reason_en, created_at, answered_at
		FROM outbox WHERE state = 'refused' ORDER BY seq DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []RefusedChange{}
	for rows.Next() {
		var r RefusedChange
		var fields string
		if err := rows.Scan(&r.Seq, &r.ChangeID, &r.Kind, &r.RecordID, &r.Op, &fields, &r.Code, &r.Reason, &r.ReasonEN, &r.CreatedAt, &r.AnsweredAt); err != nil {
			return nil, err
		}
		r.Fields = json.RawMessage(fields)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	// Pulled records that could not be applied, shown the same way (op "pull").
	q, err := s.db.QueryContext(ctx, `SELECT kind, id, reason, reason_en, record, at FROM quarantine ORDER BY at DESC`)
	if err != nil {
		return nil, err
	}
	defer q.Close()
	for q.Next() {
		r := RefusedChange{Op: "pull", Code: "quarantined"}
		var rec string
		if err := q.Scan(&r.Kind, &r.RecordID, &r.Reason, &r.ReasonEN, &rec, &r.AnsweredAt); err != nil {
			return nil, err
		}
		var full Record
		json.Unmarshal([]byte(rec), &full)
		r.ChangeID = "quarantine/" + r.Kind + "/" + r.RecordID
		r.CreatedAt = r.AnsweredAt
		if b, err := json.Marshal(full.Fields); err == nil {
			r.Fields = b
		}
		out = append(out, r)
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	q.Close()
	for i := range out {
		out[i].Label = s.recordLabel(ctx, out[i].Kind, out[i].RecordID)
	}
	return out, nil
}

// recordLabel names a record from its row: its name or title, else the organization it
// concerns (cell, unit, commune) with its date or month. Best effort: "" when the row is
// gone or has none of these.
func (s *Store) recordLabel(ctx context.Context, kind, id string) string {
	k, ok := kindsByName[kind]
	if !ok {
		return ""
	}
	has := func(col string) bool {
		for _, f := range k.fields {
			if f.column == col {
				return true
			}
		}
		return false
	}
	for _, col := range []string{"name", "title", "short_name"} {
		if has(col) {
			var v string
			if s.db.QueryRowContext(ctx, `SELECT `+col+` FROM `+k.table+` WHERE id = ?`, id).Scan(&v) == nil && v != "" {
				return v
			}
		}
	}
	var who, when string
	for _, ref := range []struct{ col, table string }{{"cell_id", "units"}, {"unit_id", "units"}, {"commune_id", "communes"}} {
		if has(ref.col) {
			if s.db.QueryRowContext(ctx, `SELECT coalesce(x.name, '') FROM `+k.table+` r LEFT JOIN `+ref.table+` x ON x.id = r.`+ref.col+` WHERE r.id = ?`, id).Scan(&who) == nil && who != "" {
				break
			}
		}
	}
	for _, col := range []string{"date", "month"} {
		if has(col) {
			if s.db.QueryRowContext(ctx, `SELECT `+col+` FROM `+k.table+` WHERE id = ?`, id).Scan(&when) == nil && when != "" {
				if len(when) == 10 {
					when = domain.FormatDateVN(when)
				} else if len(when) == 7 {
					when = when[5:] + "/" + when[:4]
				}
				break
			}
		}
	}
	switch {
	case who != "" && when != "":
		return who + " · " + when
	case who != "":
		return who
	}
	return when
}

// ExportRecords returns the full state of every record, tombstones included, ordered by
// kind and id: tests compare replicas with it, and chibo-server seeds itself from a
// snapshot loaded into a scratch store.
func (s *Store) ExportRecords(ctx context.Context) ([]Record, error) {
	var out []Record
	err := s.write(ctx, func(tx *sql.Tx) error {
		names := make([]string, 0, len(kindsByName))
		for name := range kindsByName {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			var ids []string
			err := queryEach(ctx, tx, `SELECT id FROM `+kindsByName[name].table+` ORDER BY id`, nil, func(rows *sql.Rows) error {
				var id string
				err := rows.Scan(&id)
				ids = append(ids, id)
				return err
			})
			if err != nil {
				return err
			}
			for _, id := range ids {
				r, ok, err := recordState(tx, name, id)
				if err != nil {
					return err
				}
				if ok {
					out = append(out, r)
				}
			}
		}
		return nil
	})
	return out, err
}
