package serverstore

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"chibo/backend/serverstore/pgtest"
	"chibo/backend/syncproto"
)

func pushOne(t *testing.T, s *Store, a Actor, c syncproto.Change) syncproto.ChangeResult {
	t.Helper()
	r, err := s.Push(ctx, a, []syncproto.Change{c})
	if err != nil {
		t.Fatal(err)
	}
	return r.Results[0]
}

func storedNote(t *testing.T, s *Store, id string) string {
	t.Helper()
	var fields string
	if err := s.DBForTest().QueryRow(`SELECT fields FROM records WHERE kind = 'unit' AND id = ?`, id).Scan(&fields); err != nil {
		t.Fatal(err)
	}
	var f struct{ Note string }
	json.Unmarshal([]byte(fields), &f)
	return f.Note
}

// A device within the clamp moves the server's clock ahead; a device further ahead is
// clamped above it. After a restart the next clamped write still orders after both: the
// server's clock resumes from what its database holds, not from zero.
func TestClampedWritesOrderAcrossARestart(t *testing.T) {
	dir := pgtest.Where(t, filepath.Join(t.TempDir(), "data"))
	s, err := OpenAt(dir)
	if err != nil {
		t.Fatal(err)
	}
	near := actor(t, s, "near", "standing_board", "", "", "dev-near")
	far := actor(t, s, "far", "standing_board", "", "", "dev-far")
	now := time.Now()
	pushOne(t, s, near, unitChange(near, 1, "u1", cell, now))
	pushOne(t, s, near, unitChange(near, 2, "u1", `{"note":"near"}`, now.Add(4*time.Minute)))
	if r := pushOne(t, s, far, unitChange(far, 1, "u1", `{"note":"far 1"}`, now.Add(time.Hour))); !r.Clamped {
		t.Fatalf("an hour ahead was not clamped: %+v", r)
	}
	s.Close()
	if s, err = OpenAt(dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := pushOne(t, s, far, unitChange(far, 2, "u1", `{"note":"far 2"}`, now.Add(time.Hour+time.Second)))
	if !r.Clamped || r.Current != nil {
		t.Errorf("after the restart: %+v, want clamped and applied", r)
	}
	if got := storedNote(t, s, "u1"); got != "far 2" {
		t.Errorf("note %q after the restart, want the later clamped write %q", got, "far 2")
	}
}

// A change that loses on a field is acknowledged with the record as it stands, so the
// writer puts the winner back; a replay answers the same. A change that wins carries none.
func TestLosingChangeIsAnsweredWithTheWinner(t *testing.T) {
	s := open(t)
	d := actor(t, s, "d", "standing_board", "", "", "dev-d")
	e := actor(t, s, "e", "standing_board", "", "", "dev-e")
	now := time.Now()
	pushOne(t, s, d, unitChange(d, 1, "u1", cell, now))
	pushOne(t, s, d, unitChange(d, 2, "u1", `{"note":"D"}`, now.Add(2*time.Minute)))
	lose := unitChange(e, 1, "u1", `{"note":"E","members":9}`, now.Add(time.Minute))
	for _, round := range []string{"first answer", "replay"} {
		r := pushOne(t, s, e, lose)
		if r.Status != syncproto.StatusAcked || r.Current == nil {
			t.Fatalf("%s: %+v, want acked with current", round, r)
		}
		if got := string(r.Current.Fields["note"]); got != `"D"` {
			t.Errorf("%s: current note %s, want \"D\"", round, got)
		}
		if got := string(r.Current.Fields["members"]); got != "9" {
			t.Errorf("%s: current members %s, want the field E won (9)", round, got)
		}
	}
	if r := pushOne(t, s, e, unitChange(e, 2, "u1", `{"note":"E2"}`, now.Add(3*time.Minute))); r.Current != nil {
		t.Errorf("a winning change carries current: %+v", r)
	}
}

// The checks run before a change is found to have no effect: an out-of-scope move with a
// clock older than the stored value is refused, not acknowledged.
func TestOutOfScopeMoveWithAnOldClockIsRefused(t *testing.T) {
	s := open(t)
	board := actor(t, s, "board", "standing_board", "", "", "dev-board")
	office := actor(t, s, "office", "commune_office", "", "c1", "dev-office")
	now := time.Now()
	pushOne(t, s, board, unitChange(board, 1, "u1", `{"kind":"grassroots_cell","name":"Chi bộ A","members":3,"status":"active","communeId":"c1"}`, now))
	for _, tc := range []struct {
		name string
		at   time.Time
	}{{"current clock", now.Add(time.Second)}, {"clock an hour behind", now.Add(-time.Hour)}} {
		seq := int64(1)
		if tc.name != "current clock" {
			seq = 2
		}
		r := pushOne(t, s, office, unitChange(office, seq, "u1", `{"communeId":"c2"}`, tc.at))
		if r.Status != syncproto.StatusRefused || r.Code != syncproto.CodeOutOfScope {
			t.Errorf("%s: %+v, want refused out_of_scope", tc.name, r)
		}
	}
	var commune string
	s.DBForTest().QueryRow(`SELECT commune_id FROM records WHERE kind = 'unit' AND id = 'u1'`).Scan(&commune)
	if commune != "c1" {
		t.Errorf("the unit is in %q, want c1", commune)
	}
}
