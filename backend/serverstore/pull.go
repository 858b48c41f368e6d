package serverstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"chibo/backend/access"
	"chibo/backend/syncproto"
)

// Cursor is a position in the server's change sequence for one scope. On the wire it is
// opaque ("c2.<epoch>.<seq>.<scope fingerprint>"); clients store and return it unchanged.
// A cursor of the first format ("c1.<seq>.<scope>", before epochs) has no epoch and is
// taken to be of the current one, so a server upgrade resets no desktop.
type Cursor struct {
	Epoch string
	Seq   int64
	Scope string
}

func (c Cursor) String() string {
	if c.Seq == 0 && c.Scope == "" {
		return ""
	}
	if c.Epoch == "" {
		return "c1." + strconv.FormatInt(c.Seq, 10) + "." + c.Scope
	}
	return "c2." + c.Epoch + "." + strconv.FormatInt(c.Seq, 10) + "." + c.Scope
}

// ErrBadCursor means the cursor was not made by this server.
var ErrBadCursor = errors.New("malformed cursor")

// ParseCursor reads a cursor made by Cursor.String ("" is the beginning).
func ParseCursor(s string) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	parts := strings.Split(s, ".")
	var c Cursor
	switch {
	case len(parts) == 3 && parts[0] == "c1":
		parts = parts[1:]
	case len(parts) == 4 && parts[0] == "c2" && parts[1] != "" && len(parts[1]) <= 32:
		c.Epoch, parts = parts[1], parts[2:]
	default:
		return Cursor{}, ErrBadCursor
	}
	seq, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || seq < 0 || len(parts[1]) > 32 {
		return Cursor{}, ErrBadCursor
	}
	c.Seq, c.Scope = seq, parts[1]
	return c, nil
}

// Pull returns one page of what scope may read and changed after cursor: full record
// states in server-sequence order, and REMOVE entries for records that left the scope.
//
// The page is cut inside one read transaction, so it comes from one WAL snapshot. The
// watermark W is the greatest sequence allocated in that snapshot. Sequences are
// allocated inside write transactions and SQLite admits one writer at a time, so a
// sequence is visible only once every smaller one is: no transaction still running can
// commit a sequence ≤ W. A page therefore never skips a late commit, and a cursor at W
// is safe. (TestPullNeverSkipsALateCommit holds a push transaction open to prove it.)
//
// Reset is set, with nothing else, when the cursor cannot continue: it predates the
// tombstone horizon (deletions it missed are forgotten), it was cut for another scope
// (the account's role or assignment changed), or it belongs to another epoch or is ahead
// of the server (the server was restored from a backup, or a standby took over).
func (s *Store) Pull(ctx context.Context, scope access.Scoper, cursor Cursor, limit int, estimate bool) (syncproto.RawPullResponse, error) {
	if limit <= 0 {
		limit = syncproto.DefaultPageSize
	}
	if limit > syncproto.MaxPageSize {
		limit = syncproto.MaxPageSize
	}
	fp := scope.Fingerprint()
	resp := syncproto.RawPullResponse{Records: []syncproto.RawRecord{}, Removes: []syncproto.RecordRef{}, Scope: fp}
	err := s.read(ctx, func(tx *dbTx) error {
		watermark, horizon, epoch, err := readHistory(tx)
		if err != nil {
			return err
		}
		if lostHistory(cursor, epoch, watermark) {
			resp.Reset, resp.Restored = true, true
			return nil
		}
		if cursor.Seq > 0 && (cursor.Seq < horizon || cursor.Scope != fp) {
			resp.Reset = true
			return nil
		}
		// Tombstones too, even from the beginning: a device's first pull may come after it
		// wrote records that others have deleted since (its pulls failed, its pushes went
		// through), and only the tombstone tells it. Purged ones are past the horizon.
		q, qargs := pageQuery(scope, cursor.Seq, watermark, limit)
		rows, err := tx.Query(q, qargs...)
		if err != nil {
			return err
		}
		var last int64
		for rows.Next() {
			var r syncproto.RawRecord
			var fields, fieldHLC []byte
			if err := rows.Scan(&r.Kind, &r.ID, &fields, &fieldHLC, &r.HLC, &r.Deleted, &last); err != nil {
				rows.Close()
				return err
			}
			if !syncproto.ValidJSON(fields) || !syncproto.ValidJSON(fieldHLC) {
				rows.Close()
				return fmt.Errorf("record %s/%s: stored JSON is damaged", r.Kind, r.ID)
			}
			r.Fields, r.FieldHLC = fields, fieldHLC
			resp.Records = append(resp.Records, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		end := watermark
		if len(resp.Records) == limit {
			end, resp.HasMore = last, last < watermark
		}
		if cursor.Seq > 0 {
			if resp.Removes, err = removes(tx, scope, cursor.Seq, end); err != nil {
				return err
			}
		}
		resp.Cursor = Cursor{Epoch: epoch, Seq: end, Scope: fp}.String()
		if estimate && resp.HasMore {
			cq, cargs := countQuery(scope, end, watermark)
			if err := tx.QueryRow(cq, cargs...).Scan(&resp.Remaining); err != nil {
				return err
			}
		}
		return nil
	})
	return resp, err
}

// removes lists the records whose class the scope could read before a write in (from, to]
// and can no longer read now.
func removes(tx *dbTx, scope access.Scoper, from, to int64) ([]syncproto.RecordRef, error) {
	oldPred, oldArgs := scope.SQLPredicate("e.")
	newPred, newArgs := scope.SQLPredicate("r.")
	q := `SELECT DISTINCT e.kind, e.id FROM scope_exits e JOIN records r ON r.kind = e.kind AND r.id = e.id
		WHERE e.server_seq > ? AND e.server_seq <= ? AND ` + oldPred + ` AND NOT (` + newPred + `)`
	args := append(append([]any{from, to}, oldArgs...), newArgs...)
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []syncproto.RecordRef{}
	for rows.Next() {
		var r syncproto.RecordRef
		if err := rows.Scan(&r.Kind, &r.ID); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PurgeTombstones forgets the content of tombstones deleted before the given time, and
// moves the horizon past them: a device whose cursor is older is told to reset, since
// the deletions it missed will never be sent. The rows themselves stay (id and clock),
// so that a late change cannot bring a purged record back.
func (s *Store) PurgeTombstones(ctx context.Context, before string) (int64, error) {
	var n int64
	err := s.writeTxn(ctx, func(t *txn) error {
		tx := t.tx
		var maxSeq sql.NullInt64
		if err := tx.QueryRow(`SELECT max(server_seq) FROM records WHERE deleted = 1 AND purged = 0 AND deleted_at < ?`, before).Scan(&maxSeq); err != nil {
			return err
		}
		if !maxSeq.Valid {
			return nil
		}
		res, err := tx.Exec(`UPDATE records SET purged = 1, fields = '{}', field_hlc = '{}' WHERE deleted = 1 AND purged = 0 AND deleted_at < ?`, before)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		horizon, err := metaInt(tx, "tombstone_horizon")
		if err != nil {
			return err
		}
		if maxSeq.Int64 > horizon {
			return setMetaInt(tx, "tombstone_horizon", maxSeq.Int64)
		}
		return nil
	})
	return n, err
}

// lostHistory says whether cursor was cut by a server that held more than this one: of
// another epoch, or past the end of the sequence (a file copied back by hand, a standby
// promoted without new-epoch).
func lostHistory(cursor Cursor, epoch string, watermark int64) bool {
	return cursor.Seq > 0 && ((cursor.Epoch != "" && cursor.Epoch != epoch) || cursor.Seq > watermark)
}

// HistoryLost says whether this server lost history a device's cursor has seen (see
// Pull): asked before a push is applied, so that the device resends first.
func (s *Store) HistoryLost(ctx context.Context, cursor Cursor) (bool, error) {
	var lost bool
	err := s.read(ctx, func(tx *dbTx) error {
		watermark, _, epoch, err := readHistory(tx)
		lost = lostHistory(cursor, epoch, watermark)
		return err
	})
	return lost, err
}

// Mark is how much history the server holds now, as a cursor of no scope: a push's answer
// carries it (syncproto.PushResponse.Mark) for a device that has no pull cursor yet.
func (s *Store) Mark(ctx context.Context) (string, error) {
	var mark string
	err := s.read(ctx, func(tx *dbTx) error {
		watermark, _, epoch, err := readHistory(tx)
		mark = Cursor{Epoch: epoch, Seq: watermark}.String()
		return err
	})
	return mark, err
}

// readHistory reads, in the snapshot of tx, the watermark (the greatest sequence
// allocated), the tombstone horizon and the epoch.
func readHistory(tx *dbTx) (watermark, horizon int64, epoch string, err error) {
	var nextText, horizonText string
	if err = tx.QueryRow(`SELECT (SELECT value FROM server_meta WHERE key = 'next_seq'), (SELECT value FROM server_meta WHERE key = 'tombstone_horizon'),
		(SELECT value FROM server_meta WHERE key = 'epoch')`).Scan(&nextText, &horizonText, &epoch); err != nil {
		return
	}
	next, err := strconv.ParseInt(nextText, 10, 64)
	if err != nil {
		return
	}
	if horizon, err = strconv.ParseInt(horizonText, 10, 64); err != nil {
		return
	}
	return next - 1, horizon, epoch, nil
}
