package serverstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"chibo/backend/access"
	"chibo/backend/domain"
	"chibo/backend/hlc"
	"chibo/backend/kinds"
	"chibo/backend/syncproto"
)

// Actor is who pushes: the authenticated device and its user.
type Actor struct {
	Device Device
	User   User
}

// refusal is a change refused for good, with a reason in Vietnamese and English.
type refusal struct{ code, vi, en string }

func (r *refusal) Error() string { return r.code + ": " + r.en }

func refuse(code, vi, en string, args ...any) *refusal {
	return &refusal{code: code, vi: fmt.Sprintf(vi, args...), en: fmt.Sprintf(en, args...)}
}

// Push applies a batch of changes from one device in ONE transaction, together with the
// device's new last seq, the answers and the audit rows. A change whose seq the device
// already sent is answered from the stored answer, so a retry after a lost reply has no
// second effect and reads the same. A change refused for good gets its reason and still
// advances the device's last seq, so the changes behind it are not blocked.
func (s *Store) Push(ctx context.Context, a Actor, changes []syncproto.Change) (syncproto.PushResponse, error) {
	var resp syncproto.PushResponse
	err := s.writeTxn(ctx, func(tx *txn) error {
		resp = syncproto.PushResponse{Results: make([]syncproto.ChangeResult, 0, len(changes))}
		var lastSeq int64
		var revoked string
		if err := tx.QueryRow(`SELECT last_seq, revoked_at FROM devices WHERE id = ? AND user_id = ?`, a.Device.ID, a.User.ID).Scan(&lastSeq, &revoked); err != nil {
			if err == sql.ErrNoRows {
				return ErrRevoked
			}
			return err
		} else if revoked != "" {
			return ErrRevoked
		}
		now := s.now()
		ids := make([]string, len(changes))
		for i, c := range changes {
			ids[i] = c.ChangeID
		}
		if err := tx.prefetchAnswers(ids); err != nil {
			return err
		}
		if err := prefetchChanged(tx, changes); err != nil {
			return err
		}
		for _, c := range changes {
			res, err := s.pushOne(tx, a, c, lastSeq, now)
			if err != nil {
				return err
			}
			if c.Seq > lastSeq {
				lastSeq = c.Seq
			}
			resp.Results = append(resp.Results, res)
		}
		resp.LastSeq = lastSeq
		if _, err := tx.Exec(`UPDATE devices SET last_seq = ?, last_seen_at = ? WHERE id = ?`, lastSeq, nowText(now), a.Device.ID); err != nil {
			return err
		}
		if err := s.saveClock(tx); err != nil {
			return err
		}
		if s.beforeCommit != nil {
			s.beforeCommit()
		}
		return nil
	})
	return resp, err
}

func (s *Store) pushOne(tx *txn, a Actor, c syncproto.Change, lastSeq int64, now time.Time) (syncproto.ChangeResult, error) {
	hash := changeHash(c)
	res := syncproto.ChangeResult{Seq: c.Seq, ChangeID: c.ChangeID}
	// A change id seen before: the same content is a replay (answer as before); other
	// content is a conflict.
	stored, err := tx.storedAnswer(c.ChangeID)
	if err != nil {
		return res, err
	}
	switch {
	case stored != nil && stored.hash == hash:
		prev := stored
		res.Status, res.Code, res.Reason, res.ReasonEN, res.HLC, res.Clamped = prev.status, prev.code, prev.reason, prev.reasonEN, prev.hlc, prev.clamped
		if res.Status == syncproto.StatusRefused {
			res.Current, err = currentFor(tx, a, c)
		} else {
			res.Current, err = supersededBy(tx, a, c, res.HLC)
		}
		if err != nil {
			return res, err
		}
		if c.Seq > lastSeq && prev.device != a.Device.ID {
			// The same change from a second copy of a device (restored from a backup):
			// no second effect, but record the seq so this device's queue moves on.
			return res, s.remember(tx, a, c, hash, res, now, "replay from another device")
		}
		return res, nil
	case stored != nil:
		return s.refused(tx, a, c, hash, now, lastSeq, refuse(syncproto.CodeConflict,
			"Mã thay đổi %s đã được dùng cho một nội dung khác.", "Change id %s was already used with other content.", c.ChangeID))
	}
	reused := c.Seq <= lastSeq
	if reused && c.Resent {
		// A resent change is one this server acknowledged before it was itself restored
		// from a copy that lacks it: its id is its own and it takes effect now, once,
		// unless its seq is held by another change (two copies of one desktop).
		var taken int
		err := tx.QueryRow(`SELECT count(*) FROM applied_changes WHERE device_id = ? AND seq = ?`, a.Device.ID, c.Seq).Scan(&taken)
		if err != nil {
			return res, err
		}
		reused = taken > 0
	}
	if reused {
		// A seq this device already used, with a change id never seen: the device's
		// database was restored from an older copy and numbers changes again.
		return s.refused(tx, a, c, hash, now, lastSeq, refuse(syncproto.CodeConflict,
			"Số thứ tự %d của thiết bị đã được dùng; cơ sở dữ liệu trên máy có thể đã được khôi phục từ bản sao cũ. Hãy đăng nhập lại.",
			"Sequence %d of this device was already used; the local database may have been restored from an old copy. Sign in again.", c.Seq))
	}
	applied, ts, clamped, err := s.apply(tx, a, c, now)
	var rf *refusal
	if errors.As(err, &rf) {
		return s.refused(tx, a, c, hash, now, lastSeq, rf)
	} else if err != nil {
		return res, err
	}
	res.Status, res.HLC, res.Clamped = syncproto.StatusAcked, ts, clamped
	detail := "applied"
	if !applied {
		detail = "no effect: older than the stored values"
	}
	if err := s.remember(tx, a, c, hash, res, now, detail); err != nil {
		return res, err
	}
	res.Current, err = supersededBy(tx, a, c, res.HLC)
	return res, err
}

// supersededBy returns the server's record when an acknowledged upsert lost on some of its
// fields (a newer value stands), so that the writer puts the winner back at once instead
// of showing its own value until the record changes again. It is derived from the stored
// state, so a replay of the change answers the same way.
func supersededBy(tx *txn, a Actor, c syncproto.Change, applied string) (*syncproto.Record, error) {
	if c.Op != syncproto.OpUpsert || applied == "" {
		return nil, nil
	}
	cur, err := loadRow(tx, c.Kind, c.RecordID)
	if err != nil || !cur.exists {
		return nil, err
	}
	names, err := parseFields(c.Fields)
	if err != nil {
		return nil, nil
	}
	lost := cur.deleted
	for name := range names {
		if cur.fieldHLC[name] != applied {
			lost = true
			break
		}
	}
	if !lost {
		return nil, nil
	}
	return currentFor(tx, a, c)
}

func (s *Store) refused(tx *txn, a Actor, c syncproto.Change, hash string, now time.Time, lastSeq int64, rf *refusal) (syncproto.ChangeResult, error) {
	res := syncproto.ChangeResult{Seq: c.Seq, ChangeID: c.ChangeID, Status: syncproto.StatusRefused, Code: rf.code, Reason: rf.vi, ReasonEN: rf.en}
	cur, err := currentFor(tx, a, c)
	if err != nil {
		return res, err
	}
	res.Current = cur
	if c.Seq <= lastSeq {
		// Not stored (its seq or id belongs to another change); audited all the same.
		return res, audit(tx, a, c, res, now, rf.en)
	}
	return res, s.remember(tx, a, c, hash, res, now, rf.en)
}

// remember stores the answer to a change and audits it (written at commit).
func (s *Store) remember(tx *txn, a Actor, c syncproto.Change, hash string, res syncproto.ChangeResult, now time.Time, detail string) error {
	tx.keepAnswer(answerOf(a, c, hash, res, now))
	return audit(tx, a, c, res, now, detail)
}

func audit(tx *txn, a Actor, c syncproto.Change, res syncproto.ChangeResult, now time.Time, detail string) error {
	// kind, recordId and op are as the device sent them (a refused change may carry
	// anything): made storable text, since PostgreSQL refuses NUL and invalid UTF-8.
	tx.keepAudit(auditRow{at: nowText(now), userID: a.User.ID, deviceID: a.Device.ID, changeID: c.ChangeID, kind: storable(c.Kind),
		recordID: storable(c.RecordID), op: storable(c.Op), status: res.Status, code: res.Code, detail: storable(detail)})
	return nil
}

// apply merges one change into its record by the conflict rule (per-field last writer
// wins on HLC, tombstones final) after checking it. It returns whether anything changed,
// the HLC applied and whether that HLC was clamped. A *refusal is a refusal for good.
func (s *Store) apply(tx *txn, a Actor, c syncproto.Change, now time.Time) (bool, string, bool, error) {
	if _, ok := Schema[c.Kind]; !ok {
		return false, "", false, refuse(syncproto.CodeUnknownKind, "Loại bản ghi “%s” không được máy chủ hỗ trợ.", "Record kind %q is not supported by this server.", c.Kind)
	}
	if !syncproto.ValidID(c.RecordID) {
		return false, "", false, refuse(syncproto.CodeInvalid, "Mã bản ghi không hợp lệ.", "Invalid record id.")
	}
	if c.Op != syncproto.OpUpsert && c.Op != syncproto.OpDelete {
		return false, "", false, refuse(syncproto.CodeInvalid, "Thao tác “%s” không hợp lệ.", "Invalid operation %q.", c.Op)
	}
	if c.UserID != "" && c.UserID != a.User.ID {
		return false, "", false, refuse(syncproto.CodeForged, "Thay đổi ghi tên một người dùng khác.", "The change claims another user.")
	}
	ts, err := hlc.Parse(c.HLC)
	if err != nil {
		return false, "", false, refuse(syncproto.CodeInvalid, "Dấu thời gian không hợp lệ.", "Malformed HLC timestamp.")
	}
	if ts.Node != a.Device.ID {
		return false, "", false, refuse(syncproto.CodeForged, "Dấu thời gian mang mã của một thiết bị khác.", "The timestamp names another device.")
	}
	fields, raw, err := decodeFields(c.Kind, c.Fields)
	if err != nil {
		return false, "", false, refuse(syncproto.CodeInvalid, "Dữ liệu không hợp lệ: %v.", "Invalid fields: %v.", err)
	}
	clamped := false
	if limit := now.Add(s.MaxSkew).UnixMilli(); ts.Wall > limit {
		// Clamp, don't refuse: a desktop whose clock runs fast keeps working, and its
		// write orders as if made when the server received it.
		srv := s.clock.Now()
		ts = hlc.Timestamp{Wall: srv.Wall, Counter: srv.Counter, Node: ts.Node}
		clamped = true
	} else {
		s.clock.Observe(ts)
	}
	stamp := c.HLC // hlc.Parse takes only the canonical text: it is ts.String()
	if clamped {
		stamp = ts.String()
	}

	cur, err := loadRow(tx, c.Kind, c.RecordID)
	if err != nil {
		return false, "", false, err
	}
	scope := a.User.Scope()
	policy := access.PolicyOf(c.Kind)
	if cur.exists {
		before := cur.class
		stored := cur.values(c.Kind)
		before.Locked = stored["locked"] == int64(1)
		if !scope.Writes(c.Kind, before) {
			return false, "", false, outOfScope(scope, before)
		}
		frozen := policy.FrozenStatus != "" && stored["status"] == policy.FrozenStatus && !cur.deleted
		if (frozen || policy.InsertOnly) && !cur.deleted {
			if !sameContent(cur.fields, c) {
				if frozen {
					return false, "", false, refuse(syncproto.CodeConflict, "Bản ghi đã ban hành, không được sửa; hãy tạo phiên bản mới.",
						"The record is %s and can no longer change; make a new version.", policy.FrozenStatus)
				}
				return false, "", false, refuse(syncproto.CodeConflict, "Bản ghi chỉ được ghi một lần; hãy tạo bản đính chính.",
					"The record is written once; make a correction instead.")
			}
			// An identical resend, or the same published record written by a second
			// device (two boards that both loaded the shipped example): not a change.
			return false, stamp, clamped, nil
		}
	}
	if v, ok := fields[syncproto.FieldRestricted].(int64); ok && v == 0 && policy.Sealed {
		return false, "", false, refuse(syncproto.CodeForbidden, "Loại bản ghi này luôn được bảo mật với cấp xã.",
			"Records of this kind stay restricted for good.")
	}
	if cur.deleted {
		if c.Op == syncproto.OpDelete {
			return false, stamp, clamped, nil // deleting twice is one deletion
		}
		return false, "", false, refuse(syncproto.CodeDeleted, "Bản ghi đã bị xóa; thay đổi này không được áp dụng.", "The record was deleted; this change was not applied.")
	}
	next := cur // its maps are shared until changed: a cached row is never mutated
	next.vals = nil
	changed := false
	if c.Op == syncproto.OpDelete {
		if !cur.exists {
			// A record the server never had (its creation was refused): nothing to delete.
			return false, stamp, clamped, nil
		}
		next.deleted, changed = true, true
		if stamp > next.hlc {
			next.hlc = stamp
		}
	} else {
		names := make([]string, 0, len(fields))
		for name := range fields {
			names = append(names, name)
		}
		sort.Strings(names)
		normalizeText(c.Kind, fields, raw)
		// The record as its writer means it (every field of the change over the stored
		// ones) must pass every check, whatever the clocks: a change that loses to newer
		// values is still refused when it breaks a rule, so an old clock never turns a
		// forbidden write into an acknowledged one.
		intended := cloneRaw(cur.fields)
		for _, name := range names {
			intended[name] = compact(raw[name])
		}
		intendedVals := overlay(cur.values(c.Kind), fields, intended)
		intendedClass, err := s.check(tx, scope, c.Kind, intendedVals, fields)
		if err != nil {
			return false, "", false, err
		}
		if numbers(c.Kind, cur.fields, intended) && !scope.NumbersPapers(intendedClass) {
			return false, "", false, refuse(syncproto.CodeForbidden, "Chỉ Thường trực cấp ủy lập kế hoạch (văn phòng cấp ủy) mới cấp số giấy giới thiệu.",
				"Only the Standing Board of the committee that planned the visit (its office) numbers its letters.")
		}
		lost := false
		next.fieldHLC = cloneStr(cur.fieldHLC)
		won := names[:0:0]
		for _, name := range names {
			if stamp <= next.fieldHLC[name] {
				lost = true
				continue // the stored value is as new or newer
			}
			won = append(won, name)
			next.fieldHLC[name] = stamp
			changed = true
			if stamp > next.hlc {
				next.hlc = stamp
			}
		}
		if !changed {
			return false, stamp, clamped, nil
		}
		next.fields = intended
		if lost {
			next.fields = cloneRaw(cur.fields)
			for _, name := range won {
				next.fields[name] = intended[name]
			}
		}
		// The merged record is what is stored and sent: it passes the same checks (when
		// every field won, it is the intended record, checked above).
		next.class, next.vals = intendedClass, intendedVals
		if lost {
			next.vals = nil
			if next.class, err = s.check(tx, scope, c.Kind, next.values(c.Kind), fields); err != nil {
				return false, "", false, err
			}
		}
	}
	if _, err := s.saveRow(tx, c.Kind, c.RecordID, next, cur.class, cur.exists); err != nil {
		return false, "", false, err
	}
	if c.Kind == kinds.Commune && !next.deleted {
		newArea, _ := next.values(c.Kind)["areaId"].(string)
		oldArea, _ := cur.values(c.Kind)["areaId"].(string)
		if !cur.exists || newArea != oldArea {
			if err := s.moveCommuneArea(tx, c.RecordID, newArea); err != nil {
				return false, "", false, err
			}
		}
		if into, _ := next.values(c.Kind)["mergedIntoId"].(string); into != "" {
			if err := s.followMerger(tx, c.RecordID, into); err != nil {
				return false, "", false, err
			}
		}
	}
	return true, stamp, clamped, nil
}

// validate checks a record state by the registry (backend/kinds): the fields' types,
// limits and presence, the domain's rule for the kind, and the references the kind
// declares, against the records the server holds (it holds every one, so a reference
// outside the writer's scope is still checked). The desktop checks the same declaration
// before it writes, so the server never stores a record no desktop would accept.
func validate(tx *txn, kind string, v access.Fields) error {
	k, ok := kinds.Get(kind)
	if !ok {
		return nil // an unknown kind was refused before
	}
	if err := k.Validate(kinds.Values(v)); err != nil {
		return asRefusal(err)
	}
	for _, l := range k.Links {
		id, _ := v[l.Field].(string)
		if id == "" {
			continue
		}
		f, _ := k.Field(l.Field)
		target, err := loadRow(tx, f.Target, id)
		if err != nil {
			return err
		}
		if !target.exists {
			return refuse(syncproto.CodeInvalid, "Trường “%s” chỉ đến một bản ghi %s không có trên máy chủ.",
				"Field “%s” names a %s the server does not hold.", l.Field, f.Target)
		}
		commune, _ := v["communeId"].(string)
		switch theirs := target.class.CommuneID; {
		case l.Commune == kinds.SameCommune && theirs != commune,
			l.Commune == kinds.SameCommuneOrAbove && theirs != "" && theirs != commune:
			return refuse(syncproto.CodeInvalid, "Trường “%s” chỉ đến một bản ghi %s của xã khác.",
				"Field “%s” names a %s of another commune.", l.Field, f.Target)
		}
	}
	return nil
}

func asRefusal(err error) error {
	var de *domain.Error
	if errors.As(err, &de) {
		return &refusal{code: syncproto.CodeInvalid, vi: de.Message, en: de.MessageEN}
	}
	return refuse(syncproto.CodeInvalid, "Dữ liệu không hợp lệ.", "Invalid record: %v", err)
}

// normalizeText stores every text value of a known field in NFC, as the desktop does:
// Vietnamese typed or pasted as base letters plus combining marks compares and sorts as
// the same text. Clients send NFC (docs/sync-protocol.md); this keeps the store clean when
// one does not.
func normalizeText(kind string, fields map[string]any, raw map[string]json.RawMessage) {
	for name, v := range fields {
		s, ok := v.(string)
		if _, known := Schema[kind][name]; !ok || !known || norm.NFC.IsNormalString(s) {
			continue
		}
		s = norm.NFC.String(s)
		b, _ := json.Marshal(s)
		fields[name], raw[name] = s, b
	}
}

func compact(raw json.RawMessage) json.RawMessage {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return raw
	}
	return b.Bytes()
}

// sameContent reports whether change c would set only the values already stored (an
// identical resend of an insert-only record).
func sameContent(stored map[string]json.RawMessage, c syncproto.Change) bool {
	if c.Op != syncproto.OpUpsert {
		return false
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(c.Fields, &raw); err != nil {
		return false
	}
	for name, v := range raw {
		if !bytes.Equal(compact(v), compact(stored[name])) {
			return false
		}
	}
	return true
}

// currentFor returns the server's state of the record c names, if the actor may read it.
func currentFor(tx *txn, a Actor, c syncproto.Change) (*syncproto.Record, error) {
	if _, ok := Schema[c.Kind]; !ok || !syncproto.ValidID(c.RecordID) {
		return nil, nil
	}
	cur, err := loadRow(tx, c.Kind, c.RecordID)
	if err != nil || !cur.exists || !a.User.Scope().Reads(cur.class) {
		return nil, err
	}
	return &syncproto.Record{Kind: c.Kind, ID: c.RecordID, Deleted: cur.deleted, Fields: cur.fields, FieldHLC: cur.fieldHLC, HLC: cur.hlc}, nil
}

func storable(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}
