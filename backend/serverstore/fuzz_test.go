package serverstore

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"chibo/backend/serverstore/pgtest"
	"chibo/backend/store"
	"chibo/backend/syncproto"
)

// FuzzPush: whatever a device pushes, the server either refuses it or stores a record
// that a desktop applies (decodes and accepts by the registry's rules) without setting it
// aside. The seeds run in `make test`; `go test -fuzz FuzzPush ./backend/serverstore`
// explores further.
func FuzzPush(f *testing.F) {
	for _, e := range examples {
		f.Add(e.kind, e.fields)
	}
	for _, seed := range []string{`{"future":1e309}`, `{"name":"a\u0000"}`, `{"members":"3"}`, `{"restricted":null}`, `null`, `{"kind":"grassroots_cell","name":"Chi bo\u0323\u0302"}`} {
		f.Add("unit", seed)
	}
	s, err := OpenAt(pgtest.Where(f, filepath.Join(f.TempDir(), "server")))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	u, err := s.AddUser(ctx, User{Username: "fuzz", Role: "standing_board"}, "password1")
	if err != nil {
		f.Fatal(err)
	}
	tok, _ := s.Enroll(ctx, u, "dev-fuzz", "fuzz")
	d, _, _ := s.DeviceByToken(ctx, tok)
	a := Actor{Device: d, User: u}
	for i, e := range examples { // the references the examples name
		if _, err := s.Push(ctx, a, []syncproto.Change{{Seq: int64(i + 1), ChangeID: "seed-" + e.kind + e.id, Kind: e.kind, RecordID: e.id, Op: "upsert",
			Fields: json.RawMessage(e.fields), HLC: stamp(a, time.Now())}}); err != nil {
			f.Fatal(err)
		}
	}
	desk, err := store.Open(filepath.Join(f.TempDir(), "desktop.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer desk.Close()
	n := int64(2e9)
	f.Fuzz(func(t *testing.T, kind, fields string) {
		n++
		id := fmt.Sprintf("fz-%d", n)
		res, err := s.Push(ctx, a, []syncproto.Change{{Seq: n, ChangeID: id, Kind: kind, RecordID: id, Op: "upsert", Fields: json.RawMessage(fields), HLC: stamp(a, time.Now())}})
		if err != nil {
			t.Fatalf("push failed instead of answering: %v", err)
		}
		if res.Results[0].Status != syncproto.StatusAcked {
			return
		}
		var rec syncproto.Record
		var f, h string
		if err := s.DBForTest().QueryRow(`SELECT fields, field_hlc, hlc FROM records WHERE kind = ? AND id = ?`, kind, id).Scan(&f, &h, &rec.HLC); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal([]byte(f), &rec.Fields)
		json.Unmarshal([]byte(h), &rec.FieldHLC)
		rec.Kind, rec.ID = kind, id
		if err := desk.ApplyPull(ctx, store.PullPage{Records: []store.Record{store.Record(rec)}, Cursor: "c"}); err != nil {
			t.Fatalf("a desktop cannot apply what the server stored (%s): %v", f, err)
		}
		if st, _ := desk.SyncStatus(ctx); st.Quarantined != 0 {
			rc, _ := desk.RefusedChanges(ctx)
			t.Fatalf("the server stored %s %s, which a desktop sets aside: %+v", kind, f, rc)
		}
	})
}
