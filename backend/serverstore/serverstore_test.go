package serverstore

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"chibo/backend/access"
	"chibo/backend/hlc"
	"chibo/backend/passwd"
	"chibo/backend/serverstore/pgtest"
	"chibo/backend/syncproto"
)

var ctx = context.Background()

func open(t *testing.T) *Store {
	t.Helper()
	PasswordParams = passwd.Fast
	s, err := OpenAt(pgtest.Where(t, filepath.Join(t.TempDir(), "data")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func actor(t *testing.T, s *Store, username, role, area, commune, device string) Actor {
	t.Helper()
	u, err := s.AddUser(ctx, User{Username: username, Role: role, AreaID: area, CommuneID: commune}, "password1")
	if err != nil {
		t.Fatal(err)
	}
	tok, err := s.Enroll(ctx, u, device, "test")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := s.DeviceByToken(ctx, tok)
	if err != nil {
		t.Fatal(err)
	}
	return Actor{Device: d, User: u}
}

func stamp(a Actor, t time.Time) string {
	return hlc.Timestamp{Wall: t.UnixMilli(), Node: a.Device.ID}.String()
}

func unitChange(a Actor, seq int64, id, fields string, at time.Time) syncproto.Change {
	return syncproto.Change{Seq: seq, ChangeID: fmt.Sprintf("%s-%d", a.Device.ID, seq), Kind: "unit", RecordID: id, Op: "upsert",
		Fields: json.RawMessage(fields), HLC: stamp(a, at)}
}

const cell = `{"kind":"grassroots_cell","name":"Chi bộ A","members":3,"status":"active"}`

func TestReplayAnswersIdenticallyWithOneEffect(t *testing.T) {
	s := open(t)
	a := actor(t, s, "board", "standing_board", "", "", "dev-a")
	now := time.Now()
	batch := []syncproto.Change{
		unitChange(a, 1, "u1", cell, now),
		unitChange(a, 2, "u1", `{"members":-1}`, now.Add(time.Millisecond)), // invalid: refused
		unitChange(a, 3, "u1", `{"members":4}`, now.Add(2*time.Millisecond)),
	}
	first, err := s.Push(ctx, a, batch)
	if err != nil {
		t.Fatal(err)
	}
	if first.Results[1].Status != syncproto.StatusRefused || first.Results[2].Status != syncproto.StatusAcked || first.LastSeq != 3 {
		t.Fatalf("first push %+v", first)
	}
	var seqBefore int64
	s.w.QueryRow(`SELECT server_seq FROM records WHERE id = 'u1'`).Scan(&seqBefore)
	again, err := s.Push(ctx, a, batch)
	if err != nil {
		t.Fatal(err)
	}
	// The same answers; "current" is the record as it stands now, so it may differ.
	for _, r := range [][]syncproto.ChangeResult{first.Results, again.Results} {
		for i := range r {
			r[i].Current = nil
		}
	}
	if !reflect.DeepEqual(first, again) {
		t.Errorf("replay answered\n%+v\nnot\n%+v", again, first)
	}
	var seqAfter, audits int64
	s.w.QueryRow(`SELECT server_seq FROM records WHERE id = 'u1'`).Scan(&seqAfter)
	s.w.QueryRow(`SELECT count(*) FROM audit`).Scan(&audits)
	if seqAfter != seqBefore || audits != 3 {
		t.Errorf("replay wrote: seq %d → %d, %d audit rows (want 3)", seqBefore, seqAfter, audits)
	}
}

func TestConflictsAndForgeries(t *testing.T) {
	s := open(t)
	a := actor(t, s, "board", "standing_board", "", "", "dev-a")
	b := actor(t, s, "board2", "standing_board", "", "", "dev-b")
	now := time.Now()
	if _, err := s.Push(ctx, a, []syncproto.Change{unitChange(a, 1, "u1", cell, now)}); err != nil {
		t.Fatal(err)
	}
	sameID := unitChange(a, 2, "u1", `{"name":"Khác"}`, now)
	sameID.ChangeID = "dev-a-1" // the id of change 1, other content
	reused := unitChange(a, 1, "u1", `{"name":"Khác"}`, now)
	reused.ChangeID = "fresh-id" // seq 1 again, a new id: a restored copy
	otherNode := unitChange(a, 3, "u2", cell, now)
	otherNode.HLC = stamp(b, now)
	otherUser := unitChange(a, 4, "u3", cell, now)
	otherUser.UserID = b.User.ID
	badKind := unitChange(a, 5, "u4", cell, now)
	badKind.Kind = "'; DROP TABLE records; --"
	badID := unitChange(a, 6, "../../etc/passwd", cell, now)
	badType := unitChange(a, 7, "u5", `{"kind":"grassroots_cell","name":"x","members":"many"}`, now)
	future := unitChange(a, 8, "u6", cell, now.Add(48*time.Hour))
	resp, err := s.Push(ctx, a, []syncproto.Change{reused, sameID, otherNode, otherUser, badKind, badID, badType, future})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{syncproto.CodeConflict, syncproto.CodeConflict, syncproto.CodeForged, syncproto.CodeForged,
		syncproto.CodeUnknownKind, syncproto.CodeInvalid, syncproto.CodeInvalid, ""}
	for i, r := range resp.Results {
		if r.Code != want[i] {
			t.Errorf("change %d: %+v, want code %q", i, r, want[i])
		}
		if r.Status == syncproto.StatusRefused && (r.Reason == "" || r.ReasonEN == "") {
			t.Errorf("change %d refused without a reason in both languages: %+v", i, r)
		}
	}
	if last := resp.Results[7]; !last.Clamped || last.HLC >= stamp(a, now.Add(time.Hour)) {
		t.Errorf("a timestamp two days ahead was not clamped: %+v", last)
	}
	if resp.LastSeq != 8 {
		t.Errorf("last seq %d, want 8: refused changes must advance it", resp.LastSeq)
	}
	var n int
	s.w.QueryRow(`SELECT count(*) FROM records`).Scan(&n)
	if n != 2 {
		t.Errorf("%d records, want 2 (u1 and the clamped u6)", n)
	}
}

// A server restored from a copy that lacks changes 2 and 3 of a device, which has since
// pushed 4: the device sends 1…3 again marked resent. 1 is answered from its stored
// answer, 2 and 3 take effect once (a replay of them changes nothing more), and an
// unmarked new id at seq 2 is still a renumbering copy.
func TestResentChangesBelowTheLastSeqTakeEffectOnce(t *testing.T) {
	s := open(t)
	a := actor(t, s, "board", "standing_board", "", "", "dev-a")
	now := time.Now()
	first := unitChange(a, 1, "u1", cell, now)
	if _, err := s.Push(ctx, a, []syncproto.Change{first, unitChange(a, 4, "u4", cell, now)}); err != nil {
		t.Fatal(err)
	}
	lost := []syncproto.Change{first, unitChange(a, 2, "u2", cell, now), unitChange(a, 3, "u3", cell, now)}
	for i := range lost {
		lost[i].Resent = true
	}
	renumbered := unitChange(a, 2, "u9", cell, now)
	renumbered.ChangeID = "fresh-id"
	top := func() (seq int64) {
		s.w.QueryRow(`SELECT max(server_seq) FROM records`).Scan(&seq)
		return seq
	}
	var afterFirst int64
	for round := range 2 {
		resp, err := s.Push(ctx, a, append(append([]syncproto.Change{}, lost...), renumbered))
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range resp.Results[:3] {
			if r.Status != syncproto.StatusAcked {
				t.Errorf("round %d: resent change %d: %+v, want acked", round, i, r)
			}
		}
		if r := resp.Results[3]; r.Code != syncproto.CodeConflict {
			t.Errorf("round %d: an unmarked new id below the last seq: %+v, want conflict", round, r)
		}
		if resp.LastSeq != 4 {
			t.Errorf("round %d: last seq %d, want 4", round, resp.LastSeq)
		}
		if round == 0 {
			afterFirst = top()
		} else if top() != afterFirst {
			t.Errorf("the replay of the resent changes wrote again: server seq %d, then %d", afterFirst, top())
		}
	}
	// Two copies of one desktop: a resent change whose seq another change holds is a
	// conflict, answered (not a failed push, which would wedge the queue).
	taken := unitChange(a, 4, "u8", cell, now)
	taken.ChangeID, taken.Resent = "other-copy-4", true
	resp, err := s.Push(ctx, a, []syncproto.Change{taken})
	if err != nil {
		t.Fatal(err)
	}
	if r := resp.Results[0]; r.Code != syncproto.CodeConflict {
		t.Errorf("a resent change on a seq another change holds: %+v, want conflict", r)
	}
	var n int
	s.w.QueryRow(`SELECT count(*) FROM records WHERE kind = 'unit'`).Scan(&n)
	if n != 4 {
		t.Errorf("%d units, want u1…u4", n)
	}
}

// A push transaction that allocated its sequence and has not committed yet must not be
// skipped by a pull that runs meanwhile: the pull's watermark stays below it.
func TestPullNeverSkipsALateCommit(t *testing.T) {
	s := open(t)
	a := actor(t, s, "board", "standing_board", "", "", "dev-a")
	now := time.Now()
	if _, err := s.Push(ctx, a, []syncproto.Change{unitChange(a, 1, "early", cell, now)}); err != nil {
		t.Fatal(err)
	}
	scope := a.User.Scope()
	first, err := s.Pull(ctx, scope, Cursor{}, 100, false)
	if err != nil || len(first.Records) != 1 {
		t.Fatalf("first pull: %+v %v", first, err)
	}
	inside, release := make(chan struct{}), make(chan struct{})
	s.beforeCommit = func() { close(inside); <-release }
	done := make(chan error)
	go func() {
		_, err := s.Push(ctx, a, []syncproto.Change{unitChange(a, 2, "late", cell, now)})
		done <- err
	}()
	<-inside // the late transaction holds its sequence, uncommitted
	s.beforeCommit = nil
	cur, _ := ParseCursor(first.Cursor)
	mid, err := s.Pull(ctx, scope, cur, 100, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(mid.Records) != 0 || mid.Cursor != first.Cursor {
		t.Errorf("pull during the open transaction: %d records, cursor %s → %s (must not pass the uncommitted sequence)", len(mid.Records), first.Cursor, mid.Cursor)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	cur, _ = ParseCursor(mid.Cursor)
	after, err := s.Pull(ctx, scope, cur, 100, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Records) != 1 || after.Records[0].ID != "late" {
		t.Errorf("the late commit was skipped: %+v", after.Records)
	}
}

func TestCursorParsing(t *testing.T) {
	for _, bad := range []string{"x", "c1.a.b", "c2.1.x", "c1.-1.x", "c1.1.x.y", "c1.1." + string(make([]byte, 40))} {
		if _, err := ParseCursor(bad); err == nil {
			t.Errorf("ParseCursor(%q) accepted", bad)
		}
	}
	for _, bad := range []string{"c2.e.1.x.y", "c2..1.x", "c2.e.-1.x", "c3.e.1.x"} {
		if _, err := ParseCursor(bad); err == nil {
			t.Errorf("ParseCursor(%q) accepted", bad)
		}
	}
	for _, c := range []Cursor{{Seq: 42, Scope: "abc"}, {Epoch: "0f1e2d3c4b5a6978", Seq: 42, Scope: "abc"}} {
		if got, err := ParseCursor(c.String()); err != nil || got != c {
			t.Errorf("round trip of %+v: %+v %v", c, got, err)
		}
	}
}

func TestAccounts(t *testing.T) {
	s := open(t)
	if _, err := s.AddUser(ctx, User{Username: "x", Role: "commune_office"}, "password1"); err == nil {
		t.Error("a commune office without a commune was accepted")
	}
	if _, err := s.AddUser(ctx, User{Username: "x", Role: "king"}, "password1"); err == nil {
		t.Error("an unknown role was accepted")
	}
	if _, err := s.AddUser(ctx, User{Username: "x", Role: "org_board"}, "short"); err == nil {
		t.Error("a short password was accepted")
	}
	u, err := s.AddUser(ctx, User{Username: "Lan", Role: "org_board"}, "password1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddUser(ctx, User{Username: "lan", Role: "org_board"}, "password1"); err == nil {
		t.Error("a duplicate username (other case) was accepted")
	}
	if _, err := s.Authenticate(ctx, "lan", "wrong-password"); err != ErrBadLogin {
		t.Errorf("wrong password: %v", err)
	}
	if _, err := s.Authenticate(ctx, "lan", "password1"); err != nil {
		t.Errorf("right password: %v", err)
	}
	tok, _ := s.Enroll(ctx, u, "dev-1", "máy văn phòng")
	var stored string
	s.w.QueryRow(`SELECT token_hash FROM devices`).Scan(&stored)
	if stored == tok || stored != HashToken(tok) {
		t.Error("the token is not stored hashed")
	}
	other, _ := s.AddUser(ctx, User{Username: "other", Role: "org_board"}, "password1")
	if _, err := s.Enroll(ctx, other, "dev-1", ""); err != ErrDeviceTaken {
		t.Errorf("enrolling another user's device id: %v", err)
	}
	if err := s.RevokeDevice(ctx, "dev-1"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.DeviceByToken(ctx, tok); err != ErrRevoked {
		t.Errorf("revoked token: %v", err)
	}
	tok2, _ := s.Enroll(ctx, u, "dev-1", "")
	if err := s.SetDisabled(ctx, "lan", true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.DeviceByToken(ctx, tok2); err != ErrRevoked {
		t.Errorf("disabled account's token: %v", err)
	}
	if _, err := s.Authenticate(ctx, "lan", "password1"); err != ErrBadLogin {
		t.Errorf("disabled account logs in: %v", err)
	}
	s.SetDisabled(ctx, "lan", false)
	if err := s.SetPassword(ctx, "lan", "password2"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "lan", "password2"); err != nil {
		t.Errorf("new password: %v", err)
	}
}

// Every kind the desktop syncs has an access policy written down; a new kind must be
// placed in the matrix (docs/access.md) before it syncs with anything but the closed
// default.
func TestEveryKindHasAnAccessPolicy(t *testing.T) {
	for kind := range Schema {
		if _, ok := access.Policies[kind]; !ok {
			t.Errorf("kind %q has no entry in access.Policies", kind)
		}
	}
}
