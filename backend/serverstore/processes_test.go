package serverstore

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chibo/backend/serverstore/pgtest"
	"chibo/backend/syncproto"
)

// Two stores on one database are two server processes (two pools, two clocks; nothing
// shared but the database). Process A holds a push open with its sequence allocated;
// process B's push waits for it instead of taking the next sequence and committing first,
// so B's pull never shows B's write with A's lower sequence still invisible, and the
// cursor it hands out never passes A's change.
func TestTwoProcessesNeverSkipALateCommit(t *testing.T) {
	where := pgtest.Where(t, filepath.Join(t.TempDir(), "data"))
	a, b := twoProcesses(t, where)
	devA := actor(t, a, "board-a", "standing_board", "", "", "dev-a")
	devB := actor(t, a, "board-b", "standing_board", "", "", "dev-b")
	now := time.Now()
	scope := devA.User.Scope()
	first, err := b.Pull(ctx, scope, Cursor{}, 100, false)
	if err != nil {
		t.Fatal(err)
	}

	inside, release := make(chan struct{}), make(chan struct{})
	a.beforeCommit = func() { close(inside); <-release }
	doneA := make(chan error, 1)
	go func() {
		_, err := a.Push(ctx, devA, []syncproto.Change{unitChange(devA, 1, "late", cell, now)})
		doneA <- err
	}()
	<-inside // A's sequence is allocated, its transaction uncommitted
	a.beforeCommit = nil
	doneB := make(chan error, 1)
	go func() {
		_, err := b.Push(ctx, devB, []syncproto.Change{unitChange(devB, 1, "early", cell, now)})
		doneB <- err
	}()
	select {
	case err := <-doneB:
		t.Fatalf("B's push committed while A's was open (err %v): B could take a sequence past A's", err)
	case <-time.After(300 * time.Millisecond):
	}
	cur, _ := ParseCursor(first.Cursor)
	mid, err := b.Pull(ctx, scope, cur, 100, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(mid.Records) != 0 || mid.Cursor != first.Cursor {
		t.Errorf("pull from B while A's push is open: %d records, cursor %s → %s", len(mid.Records), first.Cursor, mid.Cursor)
	}
	close(release)
	if err := <-doneA; err != nil {
		t.Fatal(err)
	}
	if err := <-doneB; err != nil {
		t.Fatal(err)
	}
	cur, _ = ParseCursor(mid.Cursor)
	var got []string
	for {
		page, err := b.Pull(ctx, scope, cur, 1, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Records {
			got = append(got, r.ID)
		}
		cur, _ = ParseCursor(page.Cursor)
		if !page.HasMore {
			break
		}
	}
	if len(got) != 2 || got[0] != "late" || got[1] != "early" {
		t.Errorf("after both commits, pages of one from B gave %v, want [late early] in sequence order", got)
	}
}

// A device whose clock runs an hour fast writes through process A, then through process
// B: B's clamped write orders after A's, though B's own clock never saw A's (the clock
// the last writer kept is read under the writers' lock).
func TestClampedWritesOrderAcrossProcesses(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip("several processes share a PostgreSQL database; the SQLite file is served by one")
	}
	where := pgtest.URL(t)
	a, b := twoProcesses(t, where)
	far := actor(t, a, "far", "standing_board", "", "", "dev-far")
	now := time.Now()
	// Both wall clocks stand still: A's clamped writes move A's clock ahead by its counter
	// alone, which B's clock cannot know but from the database.
	a.SetNow(func() time.Time { return now })
	b.SetNow(func() time.Time { return now })
	for i := int64(1); i <= 50; i++ {
		pushOne(t, a, far, unitChange(far, i, "u1", `{"kind":"grassroots_cell","name":"A","members":3,"status":"active"}`, now.Add(time.Hour)))
	}
	r := pushOne(t, b, far, unitChange(far, 51, "u1", `{"name":"B"}`, now.Add(time.Hour)))
	if !r.Clamped || r.Current != nil {
		t.Fatalf("B's write: clamped %v, superseded by %+v (it must win)", r.Clamped, r.Current)
	}
	page, err := b.Pull(ctx, far.User.Scope(), Cursor{}, 10, false)
	if err != nil || len(page.Records) != 1 {
		t.Fatal(page, err)
	}
	if !strings.Contains(string(page.Records[0].Fields), `"name":"B"`) {
		t.Errorf("the last clamped write lost: %s", page.Records[0].Fields)
	}
}

// Server processes started at once on a new PostgreSQL database migrate it one at a time:
// every one opens, and the schema is migrated once.
func TestProcessesStartedTogetherMigrateOnce(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip("several processes share a PostgreSQL database; the SQLite file is served by one")
	}
	where := pgtest.URL(t)
	errs := make(chan error, 4)
	stores := make(chan *Store, 4)
	for i := 0; i < 4; i++ {
		go func() {
			s, err := OpenAt(where)
			errs <- err
			stores <- s
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Errorf("process %d: %v", i, err)
		}
		if s := <-stores; s != nil {
			defer s.Close()
		}
	}
	s, err := OpenAt(where)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var applied int
	s.DBForTest().QueryRow(`SELECT count(*) FROM goose_db_version WHERE version_id > 0`).Scan(&applied)
	files, _ := fs.Glob(migrations, "pgmigrations/*.sql")
	if applied != len(files) {
		t.Errorf("%d migrations recorded, want %d (each once)", applied, len(files))
	}
}

// A change whose kind, id or operation holds a NUL or invalid UTF-8 is refused with its
// reason, on both databases: its audit row must not fail the push (PostgreSQL refuses
// such text), or the device's queue would never move on.
func TestUnstorableTextIsRefusedNotFailed(t *testing.T) {
	s := open(t)
	a := actor(t, s, "board", "standing_board", "", "", "dev-a")
	c := unitChange(a, 1, "u1", cell, time.Now())
	c.Kind, c.Op = "unit\x00x\xff", "up\x00sert"
	resp, err := s.Push(ctx, a, []syncproto.Change{c})
	if err != nil {
		t.Fatalf("the push failed: %v", err)
	}
	if len(resp.Results) != 1 || resp.Results[0].Status != syncproto.StatusRefused || resp.LastSeq != 1 {
		t.Errorf("answer %+v, want refused with the queue moved on", resp)
	}
}

// twoProcesses opens two stores on the database where names: two server processes but for
// the address space (two pools, two clocks).
func twoProcesses(t *testing.T, where string) (a, b *Store) {
	t.Helper()
	for _, s := range []**Store{&a, &b} {
		st, err := OpenAt(where)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		*s = st
	}
	return a, b
}
