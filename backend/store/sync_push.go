package store

import (
	"context"
	"database/sql"
	"strings"
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
	return s.PendingChangesAfter(ctx, 0, limit, 0)
}

// changeEnvelope is about what a change weighs in a push besides its fields.
const changeEnvelope = 200

// PendingChangesAfter is PendingChanges from past seq after (the batch before it is
// still being marked), stopping before maxBytes of fields (0: no cap) unless the batch
// would be empty.
func (s *Store) PendingChangesAfter(ctx context.Context, after int64, limit, maxBytes int) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, change_id, kind, record_id, op, fields, hlc, user_id, resent FROM outbox
		WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []Change
	size := 0
	for rows.Next() {
		var c Change
		var fields string
		if err := rows.Scan(&c.Seq, &c.ChangeID, &c.Kind, &c.RecordID, &c.Op, &fields, &c.HLC, &c.UserID, &c.Resent); err != nil {
			return nil, err
		}
		if size += len(fields) + changeEnvelope; maxBytes > 0 && size > maxBytes && len(cs) > 0 {
			break
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
		// With no refused change on the device or in the answers, an acknowledgement has
		// no refusal to clear: skip the two reads per change that would find none.
		refused, err := anyRefused(tx, results)
		if err != nil {
			return err
		}
		upd, err := tx.Prepare(`UPDATE outbox SET state = ?, code = ?, reason = ?, reason_en = ?, answered_at = ?
			WHERE seq = ? AND change_id = ? AND state = 'pending'`)
		if err != nil {
			return err
		}
		defer upd.Close()
		var restore []Record
		var plain []PushResult
		for _, r := range results {
			if r.Current != nil {
				restore = append(restore, *r.Current)
			}
			if !refused && r.Code == "" && r.Reason == "" && r.ReasonEN == "" {
				plain = append(plain, r) // an acknowledgement with nothing to keep
				continue
			}
			state := StateAcked
			if r.Status == StateRefused {
				state = StateRefused
			}
			if _, err := upd.Exec(state, r.Code, r.Reason, r.ReasonEN, now, r.Seq, r.ChangeID); err != nil {
				return err
			}
			if state == StateAcked && refused {
				if err := clearRefusedBefore(tx, r.Seq); err != nil {
					return err
				}
			}
		}
		if err := markAcked(tx, plain, now); err != nil {
			return err
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

// markAcked marks plain acknowledgements a few hundred per statement: one UPDATE each
// was most of the desktop's time in a large push. Each row still must match its seq and
// its change id and be pending.
func markAcked(tx *sql.Tx, results []PushResult, now string) error {
	const chunk = 300
	for start := 0; start < len(results); start += chunk {
		part := results[start:min(start+chunk, len(results))]
		args := make([]any, 0, 1+3*len(part))
		args = append(args, now)
		var q strings.Builder
		q.WriteString(`UPDATE outbox SET state = 'acked', code = '', reason = '', reason_en = '', answered_at = ? WHERE state = 'pending' AND seq IN (`)
		for i, r := range part {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("?")
			args = append(args, r.Seq)
		}
		q.WriteString(") AND change_id = CASE seq")
		for _, r := range part {
			q.WriteString(" WHEN ? THEN ?")
			args = append(args, r.Seq, r.ChangeID)
		}
		q.WriteString(" END")
		if _, err := tx.Exec(q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// anyRefused reports whether a refused change is on the device or among results.
func anyRefused(tx *sql.Tx, results []PushResult) (bool, error) {
	for _, r := range results {
		if r.Status == StateRefused {
			return true, nil
		}
	}
	var one int
	err := tx.QueryRow(`SELECT 1 FROM outbox WHERE state = 'refused' LIMIT 1`).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, err
}
