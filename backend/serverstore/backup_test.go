package serverstore

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"chibo/backend/syncproto"
)

// A server restored from a backup hands out again the sequence numbers of what it lost.
// A desktop that had pulled them holds a cursor past the copy's end; once new writes
// overtake it, the cursor alone looks valid and the desktop would skip them. The copy's
// own epoch makes that cursor reset instead.
func TestRestoredBackupResetsCursorsThatNewWritesOvertook(t *testing.T) {
	live := filepath.Join(t.TempDir(), "live")
	s, err := Open(live)
	if err != nil {
		t.Fatal(err)
	}
	board := actor(t, s, "board", "standing_board", "", "", "dev-board")
	clerk := actor(t, s, "clerk", "standing_board", "", "", "dev-clerk")
	now := time.Now()
	push := func(s *Store, a Actor, seq int64, id string) {
		t.Helper()
		if _, err := s.Push(ctx, a, []syncproto.Change{unitChange(a, seq, id, cell, now)}); err != nil {
			t.Fatal(err)
		}
	}
	push(s, clerk, 1, "before-backup")
	copyDir := filepath.Join(t.TempDir(), "copy")
	os.MkdirAll(copyDir, 0o700)
	if err := Backup(ctx, live, filepath.Join(copyDir, FileName)); err != nil {
		t.Fatal(err)
	}
	if matches, _ := filepath.Glob(filepath.Join(copyDir, "*.part-*")); len(matches) != 0 {
		t.Errorf("the backup left %v behind", matches)
	}
	for i, id := range []string{"lost-1", "lost-2", "lost-3"} {
		push(s, clerk, int64(2+i), id)
	}
	page, err := s.Pull(ctx, board.User.Scope(), Cursor{}, 100, false)
	if err != nil || len(page.Records) != 4 {
		t.Fatalf("the board's pull before the loss: %d records, %v", len(page.Records), err)
	}
	s.Close()

	restored, err := Open(copyDir) // the live file is gone: the office restores its copy
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	for i := range 5 {
		push(restored, clerk, int64(10+i), "after-restore-"+string(rune('a'+i)))
	}
	cur, err := ParseCursor(page.Cursor)
	if err != nil {
		t.Fatal(err)
	}
	next, err := restored.Pull(ctx, board.User.Scope(), cur, 100, false)
	if err != nil {
		t.Fatal(err)
	}
	if !next.Reset {
		t.Fatalf("a cursor of the lost history was served (%d records): the board skips what the restored server wrote after it", len(next.Records))
	}
	again, err := restored.Pull(ctx, board.User.Scope(), Cursor{}, 100, false)
	if err != nil || len(again.Records) != 6 {
		t.Errorf("the resync: %d records (%v), want the 1 kept and the 5 written since", len(again.Records), err)
	}
}

// A new epoch by hand (after a standby's promotion) resets every cursor, and only once.
func TestNewEpochResetsEveryCursorOnce(t *testing.T) {
	s := open(t)
	board := actor(t, s, "board", "standing_board", "", "", "dev-board")
	if _, err := s.Push(ctx, board, []syncproto.Change{unitChange(board, 1, "u1", cell, time.Now())}); err != nil {
		t.Fatal(err)
	}
	page, _ := s.Pull(ctx, board.User.Scope(), Cursor{}, 100, false)
	if err := s.NewEpoch(ctx); err != nil {
		t.Fatal(err)
	}
	cur, _ := ParseCursor(page.Cursor)
	if next, _ := s.Pull(ctx, board.User.Scope(), cur, 100, false); !next.Reset {
		t.Error("a cursor of the old epoch was served")
	}
	fresh, _ := s.Pull(ctx, board.User.Scope(), Cursor{}, 100, false)
	cur, _ = ParseCursor(fresh.Cursor)
	if next, _ := s.Pull(ctx, board.User.Scope(), cur, 100, false); next.Reset {
		t.Error("the new epoch's cursor was reset")
	}
	legacy := Cursor{Seq: cur.Seq, Scope: cur.Scope} // a desktop's cursor from before epochs
	if next, _ := s.Pull(ctx, board.User.Scope(), legacy, 100, false); next.Reset {
		t.Error("a cursor from before epochs was reset: every desktop would resync after an upgrade")
	}
}
