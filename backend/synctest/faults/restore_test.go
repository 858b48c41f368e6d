package faults

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/faultproxy"
	"chibo/backend/passwd"
	"chibo/backend/serverproc"
	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncclient"
)

// liveServer starts a server process on a new data folder with three Standing Board
// accounts (board0, board1, board2), behind a fault proxy.
func liveServer(t *testing.T) (string, *serverproc.Process, *faultproxy.Proxy) {
	t.Helper()
	serverstore.PasswordParams = passwd.Fast
	live := filepath.Join(t.TempDir(), "live")
	addBoards(t, live, "board0", "board1", "board2")
	srv := startServerProc(t, live)
	proxy := faultproxy.New(srv.URL, 1)
	t.Cleanup(proxy.Close)
	return live, srv, proxy
}

// backUp makes an online backup of the server's data folder live, as a folder a server
// can be restored on.
func backUp(t *testing.T, live string) string {
	t.Helper()
	backup := filepath.Join(t.TempDir(), "backup")
	os.MkdirAll(backup, 0o700)
	if err := serverstore.Backup(ctx, live, filepath.Join(backup, serverstore.FileName)); err != nil {
		t.Fatal(err)
	}
	return backup
}

// The province's server dies with its disk and is restored from last night's backup.
// What the desktops pushed since the backup is not on the copy; the desktops that sent it
// still hold it. At their next sync the restored server (its copy has an epoch of its own)
// tells each that it lost history; each sends its acknowledged changes again and resyncs.
// In the end the restored server holds every write once, the desktops agree, and one
// more desktop signed in afterwards gets everything.
func TestFaultServerRestoredFromABackup(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server binary")
	}
	live, srv, proxy := liveServer(t)
	devs := []*syncclient.Client{enrolAt(t, proxy.URL, "board0"), enrolAt(t, proxy.URL, "board1")}
	written := 0
	var edited, afterBackup []domain.Unit
	write := func(phase string, n int) {
		for i, c := range devs {
			for k := range n {
				u, err := c.Store().SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị %s-%d-%d", phase, i, k)})
				if err != nil {
					t.Fatal(err)
				}
				if k == 0 {
					edited = append(edited, u)
				}
				if phase == "after" && k == 1 {
					afterBackup = append(afterBackup, u)
				}
				written++
			}
		}
	}
	syncAll := func(when string) {
		for _, c := range devs {
			if _, err := c.SyncOnce(ctx); err != nil {
				t.Fatalf("%s: %v", when, err)
			}
		}
	}
	write("before", 100)
	syncAll("before the backup")
	backup := backUp(t, live)
	// After the backup: new units, and an edit of a unit the backup holds.
	write("after", 50)
	for i, u := range edited[:len(devs)] {
		u.Note = "sửa sau bản sao lưu"
		if _, err := devs[i].Store().SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	syncAll("after the backup")
	syncAll("after the backup, to settle")

	srv.Kill() // the disk is lost with the live file
	srv = startServerProc(t, backup)
	proxy.SetTarget(srv.URL)
	// Work goes on while the server is down: new units, and an edit of a unit the backup
	// lacks (it carries only its changed field: pushed before the unit is resent, it would
	// be refused). Each desktop's first push to the restored server carries them.
	write("while down", 5)
	for i, u := range afterBackup {
		u.Note = "sửa khi máy chủ hỏng"
		if _, err := devs[i].Store().SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	// Desktop 0's link drops after the first batch it resends: its next sync carries on
	// with what is still queued, without being told again (and queueing it all again).
	devs[0].PushBatch = 50
	proxy.SetRules(faultproxy.Rule{Path: "/v1/push", Fault: faultproxy.None, Count: 2}, faultproxy.Rule{Path: "/v1/push", Fault: faultproxy.Drop, Count: 1})
	if rep, err := devs[0].SyncOnce(ctx); err == nil || rep.Resent == 0 {
		t.Fatalf("desktop 0's first sync with the restored server: %v, %+v; want its resend cut", err, rep)
	}
	proxy.SetRules()
	for i, c := range devs {
		rep, err := c.SyncOnce(ctx)
		if err != nil {
			t.Fatalf("desktop %d's sync with the restored server: %v", i, err)
		}
		if i == 0 && rep.Resent != 0 {
			t.Errorf("desktop 0 queued its acknowledged changes again after its resend was cut: %+v", rep)
		}
		if i == 1 && rep.Resent == 0 {
			t.Errorf("desktop 1 was not told the server lost history: %+v", rep)
		}
	}
	syncAll("after the restore")
	fresh := enrolAt(t, proxy.URL, "board2")
	if _, err := fresh.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if n := countUnits(t, fresh.Store()); n != written {
		t.Errorf("a desktop signed in after the restore received %d units, %d were written", n, written)
	}
	for _, u := range edited[:len(devs)] {
		got, err := fresh.Store().GetUnit(ctx, u.ID)
		if err != nil || got.Note != "sửa sau bản sao lưu" {
			t.Errorf("the edit made after the backup to %s is lost: %q (%v)", u.ID, got.Note, err)
		}
	}
	for _, u := range afterBackup {
		got, err := fresh.Store().GetUnit(ctx, u.ID)
		if err != nil || got.Note != "sửa khi máy chủ hỏng" {
			t.Errorf("the edit made while the server was down to %s is lost: %q (%v)", u.ID, got.Note, err)
		}
	}
	for i, c := range devs {
		if refused, err := c.Store().RefusedChanges(ctx); err != nil || len(refused) != 0 {
			t.Errorf("desktop %d holds refused changes: %+v (%v)", i, refused, err)
		}
	}
	sts := []*store.Store{fresh.Store()}
	for _, c := range devs {
		sts = append(sts, c.Store())
		assertQuiet(t, "desktop", c.Store())
	}
	assertSame(t, []string{"fresh", "board0", "board1"}, sts)
	srv.Terminate()
	if units := serverCounts(t, backup, "records WHERE kind = 'unit'")[0]; units != written {
		t.Errorf("the restored server holds %d units, %d were written", units, written)
	}
}

// The same restore, for the two desktops that have no cursor to tell it by: one signed in
// and pushed its first work but never finished a pull page (the link dropped), the other
// was told to resync and had not yet begun; the first one also edited one of its units
// before it met the restored server, so its push meets it first. Each kept the server's mark of the history it
// saw (the push's answer, the last page's cursor) and sends it instead. Without it the
// first desktop's work would stay on it alone, and the second's resync would end by
// sweeping its own acknowledged records away as records the server no longer holds.
func TestFaultServerRestoredBeforeTheFirstPage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server binary")
	}
	live, srv, proxy := liveServer(t)
	first, resyncing := enrolAt(t, proxy.URL, "board0"), enrolAt(t, proxy.URL, "board1")
	backup := backUp(t, live)
	write := func(c *syncclient.Client, name string, n int) (units []domain.Unit) {
		for k := range n {
			u, err := c.Store().SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị %s-%d", name, k)})
			if err != nil {
				t.Fatal(err)
			}
			units = append(units, u)
		}
		return units
	}
	firstUnits := write(first, "đầu", 20)
	proxy.SetRules(faultproxy.Rule{Path: "/v1/pull", Fault: faultproxy.Drop, Count: 1})
	if _, err := first.SyncOnce(ctx); err == nil {
		t.Fatal("the first desktop's pull went through; want it dropped")
	}
	proxy.SetRules()
	if s, _ := first.Store().SyncStatus(ctx); s.Pending != 0 {
		t.Fatalf("the first desktop's push was not acknowledged: %+v", s)
	}
	write(resyncing, "sau", 10)
	if _, err := resyncing.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if err := resyncing.Store().BeginResync(ctx); err != nil { // as after a reset answer
		t.Fatal(err)
	}
	for _, c := range []*syncclient.Client{first, resyncing} {
		if cur, _ := c.Store().SyncCursor(ctx); cur != "" {
			t.Fatalf("a desktop holds cursor %q; want none", cur)
		}
	}

	srv.Kill()
	srv = startServerProc(t, backup)
	proxy.SetTarget(srv.URL)
	// The first desktop edits one of its units meanwhile: its push, not its pull, meets
	// the restored server first, so the push must carry the mark (an edit of a unit the
	// copy lacks would be refused, and its answer's mark would hide the restore).
	edited := firstUnits[0]
	edited.Note = "sửa khi chưa có trang nào"
	if _, err := first.Store().SaveUnit(ctx, edited); err != nil {
		t.Fatal(err)
	}
	for i, c := range []*syncclient.Client{first, resyncing} {
		rep, err := c.SyncOnce(ctx)
		if err != nil {
			t.Fatalf("desktop %d's sync with the restored server: %v", i, err)
		}
		if want := []int{20, 10}[i]; rep.Resent != want {
			t.Errorf("desktop %d sent %d acknowledged changes again, want %d: %+v", i, rep.Resent, want, rep)
		}
	}
	if _, err := first.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	fresh := enrolAt(t, proxy.URL, "board2")
	if _, err := fresh.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	for i, c := range []*syncclient.Client{fresh, first, resyncing} {
		if n := countUnits(t, c.Store()); n != 30 {
			t.Errorf("desktop %d holds %d units, 30 were written", i, n)
		}
	}
	if got, err := fresh.Store().GetUnit(ctx, edited.ID); err != nil || got.Note != edited.Note {
		t.Errorf("the edit the first desktop pushed to the restored server is lost: %q (%v)", got.Note, err)
	}
	if refused, err := first.Store().RefusedChanges(ctx); err != nil || len(refused) != 0 {
		t.Errorf("the first desktop holds refused changes: %+v (%v)", refused, err)
	}
	assertSame(t, []string{"fresh", "first", "resyncing"}, []*store.Store{fresh.Store(), first.Store(), resyncing.Store()})
	srv.Terminate()
	if units := serverCounts(t, backup, "records WHERE kind = 'unit'")[0]; units != 30 {
		t.Errorf("the restored server holds %d units, 30 were written", units)
	}
}
