package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"chibo/backend/hlc"
)

// RecordRef names a record that left this device's scope.
type RecordRef struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

// PullPage is one page of a pull as the store applies it.
type PullPage struct {
	Records []Record
	Removes []RecordRef
	Cursor  string // the cursor to store with this page
	Done    bool   // the last page of this pull: the device is up to date

	prepared []prepared // by Prepare, one per record
}

// Meta keys of the sync state.
const (
	metaCursor     = "sync_cursor"
	metaResync     = "sync_resync"    // "1" while a full resync runs
	metaLastPullAt = "sync_last_pull" // RFC 3339 UTC time of the last complete pull
	metaHistory    = "sync_history"   // the server's last word on how much history this device saw
)

// SyncCursor returns the cursor of the last applied page ("" before the first sync).
func (s *Store) SyncCursor(ctx context.Context) (string, error) { return s.Meta(ctx, metaCursor) }

// HistoryMark returns the server's last mark of the history this device has seen: the
// cursor of the last page applied, or the mark of a push answered before any page was.
// Unlike the cursor it survives BeginResync, so that a device whose cursor is empty (its
// first pull or a resync not yet begun) can still learn that the server was restored
// from a backup taken before what it acknowledged; without it a resync's last page would
// sweep away records the restored server lacks. It is cleared with ResendAcknowledged.
func (s *Store) HistoryMark(ctx context.Context) (string, error) { return s.Meta(ctx, metaHistory) }

// SetHistoryMark stores the mark of a push answer (see HistoryMark).
func (s *Store) SetHistoryMark(ctx context.Context, mark string) error {
	return s.SetMeta(ctx, metaHistory, mark)
}

// BeginResync starts a full resync, as the server asks after a reset: the cursor goes
// back to the beginning, and when the last page arrives, local records the server did not
// send are removed, unless they carry unsynced changes. Nothing is deleted now, so an
// interrupted resync loses nothing and resumes from its last page.
func (s *Store) BeginResync(ctx context.Context) error {
	return s.write(ctx, beginResyncTx)
}

func beginResyncTx(tx *sql.Tx) error {
	if _, err := tx.Exec(`DELETE FROM resync_seen`); err != nil {
		return err
	}
	if err := setMeta(tx, metaResync, "1"); err != nil {
		return err
	}
	return setMeta(tx, metaCursor, "")
}

func setMeta(tx *sql.Tx, key, value string) error {
	_, err := tx.Exec(`INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

func getMeta(tx *sql.Tx, key string) (string, error) {
	var v string
	err := tx.QueryRow(`SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// pendingSet is what the device has not yet had acknowledged, per record: the fields of
// pending upserts and whether a delete is pending.
type pendingSet map[string]map[string]bool // kind/id → field names ("" = a pending delete)

func loadPending(tx *sql.Tx) (pendingSet, error) {
	rows, err := tx.Query(`SELECT kind, record_id, op, fields FROM outbox WHERE state = 'pending'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	p := pendingSet{}
	for rows.Next() {
		var kind, id, op, fields string
		if err := rows.Scan(&kind, &id, &op, &fields); err != nil {
			return nil, err
		}
		key := kind + "/" + id
		if p[key] == nil {
			p[key] = map[string]bool{}
		}
		if op == OpDelete {
			p[key][""] = true
			continue
		}
		var f map[string]json.RawMessage
		json.Unmarshal([]byte(fields), &f)
		for name := range f {
			p[key][name] = true
		}
	}
	return p, rows.Err()
}

// ApplyPull applies one page and stores its cursor in ONE transaction: a crash leaves
// either the whole page with its cursor or neither, so the next pull resumes exactly.
//
// The server's state is authoritative for every field this device has no pending change
// of: the field takes the server's value and clock even when the local clock is greater.
// That is what makes replicas converge whatever the devices' clocks say (a clock that ran
// ahead cannot pin a stale value), and a pull never overwrites unsynced local work: a
// pending field keeps its local value until its change is answered. Tombstones are final.
// Records of kinds this version does not know are skipped (it cannot show or edit them).
func (s *Store) ApplyPull(ctx context.Context, page PullPage) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		pending, err := loadPending(tx)
		if err != nil {
			return err
		}
		resync, err := getMeta(tx, metaResync)
		if err != nil {
			return err
		}
		var quarantined int
		if err := tx.QueryRow(`SELECT count(*) FROM quarantine`).Scan(&quarantined); err != nil {
			return err
		}
		fresh, err := absentRecords(tx, page.Records)
		if err != nil {
			return err
		}
		s.pulledExisting.Store(len(fresh)*2 < len(page.Records))
		s.observePage(page.Records)
		w := newStmts(tx)
		defer w.close()
		prep := page.prepared
		if len(prep) != len(page.Records) {
			prep = nil
		}
		for i, r := range page.Records {
			var p map[string]bool
			if len(pending) > 0 {
				p = pending[r.Kind+"/"+r.ID]
			}
			var err error
			absent := fresh[recordKey{r.Kind, r.ID}]
			if absent && p == nil && prep != nil && prep[i].ok {
				// Made by Prepare for exactly this case: no row, nothing pending.
				if err = prep[i].err; err == nil && prep[i].wr != nil {
					err = prep[i].wr.exec(w)
				}
			} else {
				err = s.mergePulled(w, r, p, absent)
			}
			var bad *badRecord
			switch {
			case errors.As(err, &bad):
				if err := s.quarantine(tx, r, bad); err != nil {
					return err
				}
				quarantined++
				continue
			case err != nil:
				return err
			case quarantined > 0:
				// A good version replaces a quarantined one.
				if _, err := tx.Exec(`DELETE FROM quarantine WHERE kind = ? AND id = ?`, r.Kind, r.ID); err != nil {
					return err
				}
			}
			if resync == "1" {
				if _, err := w.Exec(`INSERT OR IGNORE INTO resync_seen(kind, id) VALUES (?, ?)`, r.Kind, r.ID); err != nil {
					return err
				}
			}
		}
		for _, ref := range page.Removes {
			if err := removeLocal(tx, ref, pending); err != nil {
				return err
			}
		}
		if err := setMeta(tx, metaCursor, page.Cursor); err != nil {
			return err
		}
		if page.Cursor != "" {
			if err := setMeta(tx, metaHistory, page.Cursor); err != nil {
				return err
			}
		}
		if !page.Done {
			return nil
		}
		if resync == "1" {
			if err := sweepUnseen(tx); err != nil {
				return err
			}
		}
		return setMeta(tx, metaLastPullAt, s.nowUTC())
	})
}

// badRecord is a pulled record this device cannot take: undecodable, or breaking the
// registry's rules. It is quarantined, not applied.
type badRecord struct{ vi, en string }

func (b *badRecord) Error() string { return b.en }

func (s *Store) quarantine(tx *sql.Tx, r Record, bad *badRecord) error {
	rec, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO quarantine(kind, id, reason, reason_en, record, at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(kind, id) DO UPDATE SET reason = excluded.reason, reason_en = excluded.reason_en, record = excluded.record, at = excluded.at`,
		r.Kind, r.ID, bad.vi, bad.en, string(rec), s.nowNano())
	return err
}

// observePage advances the clock past the page's records: the text order of well-formed
// clocks is their order, so the greatest is the one to observe; only if it does not parse
// is every record's clock read. Nothing in a page stamps, so once per page is enough.
func (s *Store) observePage(recs []Record) {
	top := ""
	for i := range recs {
		if _, ok := kindsByName[recs[i].Kind]; ok {
			top = max(top, recs[i].HLC)
		}
	}
	if ts, err := hlc.Parse(top); err == nil || top == "" {
		s.clock.Observe(ts)
		return
	}
	for i := range recs {
		if _, ok := kindsByName[recs[i].Kind]; !ok {
			continue
		}
		if ts, err := hlc.Parse(recs[i].HLC); err == nil {
			s.clock.Observe(ts)
		}
	}
}

type recordKey struct{ kind, id string }

// absentRecords returns which of a page's records this device does not hold at all, in
// one query per kind and 500 ids: a first sync's records are all new, and reading each
// one's row to find none was a fifth of the time a page took to apply.
func absentRecords(tx *sql.Tx, recs []Record) (map[recordKey]bool, error) {
	byKind := map[string][]string{}
	for _, r := range recs {
		if _, ok := kindsByName[r.Kind]; ok {
			byKind[r.Kind] = append(byKind[r.Kind], r.ID)
		}
	}
	absent := make(map[recordKey]bool, len(recs))
	for kind, ids := range byKind {
		k := kindsByName[kind]
		for start := 0; start < len(ids); start += 500 {
			part := ids[start:min(start+500, len(ids))]
			args := make([]any, len(part))
			for i, id := range part {
				args[i] = id
				absent[recordKey{kind, id}] = true
			}
			rows, err := tx.Query(fmt.Sprintf("SELECT id FROM %s WHERE id IN (?%s)", k.table, strings.Repeat(", ?", len(part)-1)), args...)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return nil, err
				}
				delete(absent, recordKey{kind, id})
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
		}
	}
	return absent, nil
}

// applyServerRecord merges one record of the server's outside a page (a push answer's).
func (s *Store) applyServerRecord(tx *sql.Tx, r Record, pending map[string]bool, absent bool) error {
	if _, ok := kindsByName[r.Kind]; ok {
		if ts, err := hlc.Parse(r.HLC); err == nil {
			s.clock.Observe(ts)
		}
	}
	return s.mergePulled(&stmts{tx: tx}, r, pending, absent)
}

// removeLocal forgets a record that left this device's scope, unless it has unsynced
// changes: those stay until the server answers them (it will refuse them as out of scope,
// and the user sees why).
func removeLocal(tx *sql.Tx, ref RecordRef, pending pendingSet) error {
	k, ok := kindsByName[ref.Kind]
	if !ok || pending[ref.Kind+"/"+ref.ID] != nil {
		return nil
	}
	_, err := tx.Exec(fmt.Sprintf("DELETE FROM %s WHERE id = ?", k.table), ref.ID)
	return err
}

// sweepUnseen ends a full resync: records the server did not send are gone from this
// device's view (deleted and purged, or out of scope), except those with changes the
// server has not acknowledged, pending or refused.
func sweepUnseen(tx *sql.Tx) error {
	for _, k := range kindsByName {
		q := fmt.Sprintf(`DELETE FROM %s WHERE id NOT IN (SELECT id FROM resync_seen WHERE kind = ?)
			AND id NOT IN (SELECT record_id FROM outbox WHERE kind = ? AND state != 'acked')`, k.table)
		if _, err := tx.Exec(q, k.kind, k.kind); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(`DELETE FROM resync_seen`); err != nil {
		return err
	}
	return setMeta(tx, metaResync, "")
}

// decodeField decodes one pulled field value as a JSON decoder with UseNumber would. A
// pull applies every field of every record, so the common shapes take a fast path: a
// string without escapes or control characters is its bytes, an integer is parsed
// directly. Anything else (escapes, invalid UTF-8, floats, objects) goes through the
// decoder.
func decodeField(raw []byte) (any, error) {
	if n := len(raw); n >= 2 && raw[0] == '"' && raw[n-1] == '"' {
		body := raw[1 : n-1]
		plain := utf8.Valid(body)
		for _, c := range body {
			if c == '\\' || c == '"' || c < 0x20 {
				plain = false
				break
			}
		}
		if plain {
			return string(body), nil
		}
	} else if n > 0 && n <= 18 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		if _, err := strconv.ParseInt(string(raw), 10, 64); err == nil && (raw[0] != '0' || n == 1) && (raw[0] != '-' || raw[1] != '0') {
			return json.Number(raw), nil
		}
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}
