package store

import (
	"context"
	"database/sql"
)

// Sync status of change-log rows.
const (
	StatePending = "pending"
	StateAcked   = "acked"
	StateRefused = "refused"
)

// PendingChanges returns up to limit changes not yet answered by the server, oldest first:
// the next batch to push.
func (s *Store) PendingChanges(ctx context.Context, limit int) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, change_id, kind, record_id, op, fields, hlc, user_id FROM outbox
		WHERE state = 'pending' ORDER BY seq LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []Change
	for rows.Next() {
		var c Change
		var fields string
		if err := rows.Scan(&c.Seq, &c.ChangeID, &c.Kind, &c.RecordID, &c.Op, &fields, &c.HLC, &c.UserID); err != nil {
			return nil, err
		}
		c.Fields = []byte(fields)
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

// PushResult is the server's answer to one pushed change.
type PushResult struct {
	Seq      int64
	ChangeID string
	Status   string // StateAcked or StateRefused
	Code     string
	Reason   string // Vietnamese
	ReasonEN string
	// Current is the server's state of the record when the change was refused, or
	// acknowledged but lost on some field to a newer value (superseded).
	Current *Record
}

// MarkPushed records the server's answers in one transaction: acknowledged changes leave
// the queue; refused ones stay on the device with their reason, for the user to see, and
// no longer block the queue. The server's state of the record, sent with a refused change
// or with an acknowledged one that lost to a newer value, replaces the local edit (fields
// still pending keep their local values), so the device shows what stands and converges
// with the others without waiting for the record to change again. An answer for a row that is not pending (already
// answered) changes nothing, so a duplicated reply is harmless.
func (s *Store) MarkPushed(ctx context.Context, results []PushResult) error {
	now := s.nowNano()
	return s.write(ctx, func(tx *sql.Tx) error {
		var restore []Record
		for _, r := range results {
			if r.Current != nil {
				restore = append(restore, *r.Current)
			}
			state := StateAcked
			if r.Status == StateRefused {
				state = StateRefused
			}
			if _, err := tx.Exec(`UPDATE outbox SET state = ?, code = ?, reason = ?, reason_en = ?, answered_at = ?
				WHERE seq = ? AND change_id = ? AND state = 'pending'`, state, r.Code, r.Reason, r.ReasonEN, now, r.Seq, r.ChangeID); err != nil {
				return err
			}
			if state == StateAcked {
				if err := clearRefusedBefore(tx, r.Seq); err != nil {
					return err
				}
			}
		}
		if len(restore) == 0 {
			return nil
		}
		pending, err := loadPending(tx)
		if err != nil {
			return err
		}
		for _, rec := range restore {
			if err := s.applyServerRecord(tx, rec, pending[rec.Kind+"/"+rec.ID], false); err != nil {
				return err
			}
		}
		return nil
	})
}
