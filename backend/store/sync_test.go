package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"testing"

	"chibo/backend/domain"
)

func openSync(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func serverRecord(kind, id, clock string, fields map[string]any) Record {
	r := Record{Kind: kind, ID: id, HLC: clock, Fields: map[string]json.RawMessage{}, FieldHLC: map[string]string{}}
	for k, v := range fields {
		b, _ := json.Marshal(v)
		r.Fields[k], r.FieldHLC[k] = b, clock
	}
	return r
}

const c1 = "001700000000000:00000000:srv"

// A pulled page never overwrites a pending local field, takes the server's value for the
// others even with a lower clock, and keeps unknown fields.
func TestApplyPullKeepsPendingWorkAndFollowsTheServer(t *testing.T) {
	ctx := context.Background()
	s := openSync(t)
	if err := s.ApplyPull(ctx, PullPage{Cursor: "c1", Records: []Record{serverRecord("area", "a1", c1, map[string]any{"name": "Tiểu khu 1", "future": map[string]int{"x": 1}})}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveArea(ctx, domain.Area{ID: "a1", Name: "Tên trên máy"}); err != nil {
		t.Fatal(err)
	}
	// The server sends another name with an OLDER clock: pending work stays.
	older := "001600000000000:00000000:srv"
	if err := s.ApplyPull(ctx, PullPage{Cursor: "c2", Records: []Record{serverRecord("area", "a1", older, map[string]any{"name": "Tên máy chủ"})}}); err != nil {
		t.Fatal(err)
	}
	as, _ := s.ListAreas(ctx)
	if as[0].Name != "Tên trên máy" {
		t.Errorf("pending name overwritten: %q", as[0].Name)
	}
	// Once the change is answered, the server's state stands even with a lower clock.
	pend, _ := s.PendingChanges(ctx, 10)
	if err := s.MarkPushed(ctx, []PushResult{{Seq: pend[0].Seq, ChangeID: pend[0].ChangeID, Status: StateRefused, Code: "forbidden", Reason: "không", ReasonEN: "no",
		Current: ptr(serverRecord("area", "a1", older, map[string]any{"name": "Tên máy chủ"}))}}); err != nil {
		t.Fatal(err)
	}
	as, _ = s.ListAreas(ctx)
	if as[0].Name != "Tên máy chủ" {
		t.Errorf("after the refusal the name is %q, want the server's", as[0].Name)
	}
	var extra string
	s.db.QueryRow(`SELECT extra FROM areas WHERE id = 'a1'`).Scan(&extra)
	if extra != `{"future":{"x":1}}` {
		t.Errorf("unknown field lost: extra = %s", extra)
	}
	if cur, _ := s.SyncCursor(ctx); cur != "c2" {
		t.Errorf("cursor %q", cur)
	}
}

func ptr(r Record) *Record { return &r }

// A delete the server refused is undone when the server's state comes back.
func TestRefusedDeleteIsUndone(t *testing.T) {
	ctx := context.Background()
	s := openSync(t)
	s.ApplyPull(ctx, PullPage{Records: []Record{serverRecord("area", "a1", c1, map[string]any{"name": "Tiểu khu 1"})}})
	err := s.write(ctx, func(tx *sql.Tx) error { return s.deleteRecord(tx, kindArea, "a1") })
	if err != nil {
		t.Fatal(err)
	}
	if as, _ := s.ListAreas(ctx); len(as) != 0 {
		t.Fatal("not deleted")
	}
	pend, _ := s.PendingChanges(ctx, 10)
	s.MarkPushed(ctx, []PushResult{{Seq: pend[0].Seq, ChangeID: pend[0].ChangeID, Status: StateRefused, Code: "forbidden",
		Current: ptr(serverRecord("area", "a1", c1, map[string]any{"name": "Tiểu khu 1"}))}})
	if as, _ := s.ListAreas(ctx); len(as) != 1 || as[0].Name != "Tiểu khu 1" {
		t.Errorf("refused delete not undone: %+v", as)
	}
}

// A resync removes what the server no longer sends, except records with unsynced work.
func TestResyncSweepsOnlySyncedRecords(t *testing.T) {
	ctx := context.Background()
	s := openSync(t)
	s.ApplyPull(ctx, PullPage{Done: true, Records: []Record{
		serverRecord("area", "gone", c1, map[string]any{"name": "Đã xóa trên máy chủ"}),
		serverRecord("area", "kept", c1, map[string]any{"name": "Còn"}),
	}})
	local, _ := s.SaveArea(ctx, domain.Area{Name: "Chưa gửi"})
	if err := s.BeginResync(ctx); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.SyncStatus(ctx); !st.Resyncing {
		t.Error("status does not show the resync")
	}
	s.ApplyPull(ctx, PullPage{Cursor: "p1", Records: []Record{serverRecord("area", "kept", c1, map[string]any{"name": "Còn"})}})
	if as, _ := s.ListAreas(ctx); len(as) != 3 {
		t.Errorf("a page in the middle of a resync deleted something: %d areas", len(as))
	}
	s.ApplyPull(ctx, PullPage{Cursor: "p2", Done: true})
	names := map[string]bool{}
	as, _ := s.ListAreas(ctx)
	for _, a := range as {
		names[a.ID] = true
	}
	if names["gone"] || !names["kept"] || !names[local.ID] {
		t.Errorf("after the resync: %v", names)
	}
}

// The history mark is the last page's cursor or a push's mark; a resync keeps it (the
// device must still tell a restored server what it saw) and the resend clears it (that
// history is gone).
func TestHistoryMarkOutlivesTheCursor(t *testing.T) {
	ctx := context.Background()
	s := openSync(t)
	mark := func() string {
		t.Helper()
		m, err := s.HistoryMark(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	if err := s.SetHistoryMark(ctx, "c2.e1.7."); err != nil {
		t.Fatal(err)
	}
	if err := s.ApplyPull(ctx, PullPage{Cursor: "c2.e1.9.f", Records: []Record{serverRecord("area", "a1", c1, map[string]any{"name": "Tiểu khu 1"})}}); err != nil {
		t.Fatal(err)
	}
	if m := mark(); m != "c2.e1.9.f" {
		t.Errorf("after a page the mark is %q, want the page's cursor", m)
	}
	if err := s.BeginResync(ctx); err != nil {
		t.Fatal(err)
	}
	if cur, _ := s.SyncCursor(ctx); cur != "" || mark() != "c2.e1.9.f" {
		t.Errorf("after BeginResync: cursor %q, mark %q; want no cursor and the mark kept", cur, mark())
	}
	if _, err := s.ResendAcknowledged(ctx); err != nil {
		t.Fatal(err)
	}
	if m := mark(); m != "" {
		t.Errorf("the resend kept the lost history's mark %q", m)
	}
}

// A desktop upgraded from a version without the mark takes its cursor as its mark.
func TestUpgradeTakesTheCursorAsTheHistoryMark(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{ // as the version before migration 00015 left it
		`INSERT INTO meta(key, value) VALUES ('sync_cursor', 'c2.e1.42.f') ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
		`DELETE FROM meta WHERE key = 'sync_history'`,
		`DELETE FROM goose_db_version WHERE version_id = 15`,
	} {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if m, err := s.HistoryMark(ctx); err != nil || m != "c2.e1.42.f" {
		t.Errorf("after the upgrade the mark is %q (%v), want the cursor", m, err)
	}
}

// A pulled record's shared clock is stored once, and every field reads back with its own
// clock after some of them move on to another.
func TestFieldClocksStoredOnceReadBackPerField(t *testing.T) {
	ctx := context.Background()
	s := openSync(t)
	fields := map[string]any{"kind": "subordinate_cell", "name": "Chi bộ Xóm 1", "communeId": "c-01", "members": 12, "status": "active", "parentId": "p-1"}
	if err := s.ApplyPull(ctx, PullPage{Records: []Record{serverRecord("unit", "u1", c1, fields)}}); err != nil {
		t.Fatal(err)
	}
	stored := func() string {
		var fh string
		s.db.QueryRow(`SELECT field_hlc FROM units WHERE id = 'u1'`).Scan(&fh)
		return fh
	}
	if want := `{"":"` + c1 + `","communeId":"","kind":"","members":"","name":"","parentId":"","status":""}`; stored() != want {
		t.Errorf("field clocks stored as %s, want %s", stored(), want)
	}
	c2 := "001700000000001:00000000:srv"
	renamed := serverRecord("unit", "u1", c1, fields)
	renamed.Fields["name"], renamed.FieldHLC["name"], renamed.HLC = json.RawMessage(`"Chi bộ Xóm Một"`), c2, c2
	renamed.Fields["members"], renamed.FieldHLC["members"] = json.RawMessage(`13`), c2
	if err := s.ApplyPull(ctx, PullPage{Records: []Record{renamed}}); err != nil {
		t.Fatal(err)
	}
	var r Record
	err := s.write(ctx, func(tx *sql.Tx) (err error) { r, _, err = recordState(tx, "unit", "u1"); return err })
	if err != nil {
		t.Fatal(err)
	}
	for name := range fields {
		want := c1
		if name == "name" || name == "members" {
			want = c2
		}
		if r.FieldHLC[name] != want {
			t.Errorf("%s reads back at %q, want %q (stored %s)", name, r.FieldHLC[name], want, stored())
		}
	}
	if want := `{"":"` + c2 + `","communeId":"` + c1 + `","kind":"` + c1 + `","members":"","name":"","parentId":"` + c1 + `","status":"` + c1 + `"}`; stored() != want {
		t.Errorf("field clocks stored as %s, want %s", stored(), want)
	}
	if len(r.FieldHLC) != len(fields) || r.HLC != c2 || string(r.Fields["name"]) != `"Chi bộ Xóm Một"` || string(r.Fields["members"]) != `13` {
		t.Errorf("record read back as %+v", r)
	}
}
