package serverstore

import (
	"strings"
	"time"

	"chibo/backend/syncproto"
)

// A push writes two rows per change besides the record: the answer (applied_changes) and
// the audit row, and reads one: the answer to the same change id, if any. Done one
// statement each, they were half of a push's time. The answers of a batch's change ids
// are read in a few IN queries up front, and both kinds of rows are written in multi-row
// INSERTs just before commit, in the order the changes came.

// answer is a stored answer to a change.
type answer struct {
	changeID, device, hash, status, code, reason, reasonEN, hlc string
	seq                                                         int64
	clamped                                                     bool
	appliedAt                                                   string
}

type auditRow struct {
	at, userID, deviceID, changeID, kind, recordID, op, status, code, detail string
}

// chunk is how many rows go in one INSERT or ids in one IN list: under SQLite's and
// PostgreSQL's limits on parameters (11 × 400 = 4,400).
const chunk = 400

// prefetchAnswers reads the stored answers of ids into the transaction's cache; an id
// with none is cached as absent.
func (t *txn) prefetchAnswers(ids []string) error {
	if t.answers == nil {
		t.answers = map[string]*answer{}
	}
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
			if _, ok := t.answers[id]; !ok {
				t.answers[id] = nil
			}
		}
		rows, err := t.tx.Query(`SELECT change_id, device_id, seq, hash, status, code, reason, reason_en, hlc, clamped FROM applied_changes WHERE change_id IN (`+
			placeholders(len(part))+`)`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			a := &answer{}
			if err := rows.Scan(&a.changeID, &a.device, &a.seq, &a.hash, &a.status, &a.code, &a.reason, &a.reasonEN, &a.hlc, &a.clamped); err != nil {
				rows.Close()
				return err
			}
			t.answers[a.changeID] = a
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// storedAnswer returns the answer given to a change id, or nil.
func (t *txn) storedAnswer(id string) (*answer, error) {
	if a, ok := t.answers[id]; ok {
		return a, nil
	}
	if err := t.prefetchAnswers([]string{id}); err != nil {
		return nil, err
	}
	return t.answers[id], nil
}

// keepAnswer stores an answer at commit; a change id answered already keeps its first.
func (t *txn) keepAnswer(a answer) {
	if prev, _ := t.storedAnswer(a.changeID); prev != nil {
		return
	}
	t.answers[a.changeID] = &a
	t.newAnswers = append(t.newAnswers, a)
}

func (t *txn) keepAudit(r auditRow) { t.newAudit = append(t.newAudit, r) }

// flushAnswers writes the answers and audit rows kept by the transaction.
func (t *txn) flushAnswers() error {
	for start := 0; start < len(t.newAnswers); start += chunk {
		part := t.newAnswers[start:min(start+chunk, len(t.newAnswers))]
		args := make([]any, 0, len(part)*11)
		for _, a := range part {
			args = append(args, a.changeID, a.device, a.seq, a.hash, a.status, a.code, a.reason, a.reasonEN, a.hlc, a.clamped, a.appliedAt)
		}
		if _, err := t.tx.Exec(`INSERT INTO applied_changes(change_id, device_id, seq, hash, status, code, reason, reason_en, hlc, clamped, applied_at) VALUES `+
			rowsOf(len(part), 11), args...); err != nil {
			return err
		}
	}
	for start := 0; start < len(t.newAudit); start += chunk {
		part := t.newAudit[start:min(start+chunk, len(t.newAudit))]
		args := make([]any, 0, len(part)*10)
		for _, r := range part {
			args = append(args, r.at, r.userID, r.deviceID, r.changeID, r.kind, r.recordID, r.op, r.status, r.code, r.detail)
		}
		if _, err := t.tx.Exec(`INSERT INTO audit(at, user_id, device_id, change_id, kind, record_id, op, status, code, detail) VALUES `+
			rowsOf(len(part), 10), args...); err != nil {
			return err
		}
	}
	t.newAnswers, t.newAudit = nil, nil
	return nil
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func rowsOf(n, cols int) string {
	one := "(" + placeholders(cols) + ")"
	return strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
}

// answerOf is the row remember keeps for change c.
func answerOf(a Actor, c syncproto.Change, hash string, res syncproto.ChangeResult, now time.Time) answer {
	return answer{changeID: c.ChangeID, device: a.Device.ID, seq: c.Seq, hash: hash, status: res.Status, code: res.Code,
		reason: storable(res.Reason), reasonEN: storable(res.ReasonEN), hlc: res.HLC, clamped: res.Clamped, appliedAt: nowText(now)}
}
