package faults

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/faultproxy"
	"chibo/backend/passwd"
	"chibo/backend/serverproc"
	"chibo/backend/serverstore"
	"chibo/backend/serverstore/pgtest"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
)

var (
	serverBin     string
	serverBinErr  error
	serverBinOnce sync.Once
)

// startServerProc starts a chibo-server process on data (a folder or a PostgreSQL URL),
// built once per test binary; the test's end kills it.
func startServerProc(t *testing.T, data string) *serverproc.Process {
	t.Helper()
	serverBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chibo-faults-bin-")
		if err != nil {
			serverBinErr = err
			return
		}
		serverBin, serverBinErr = serverproc.Build(dir)
	})
	if serverBinErr != nil {
		t.Fatal(serverBinErr)
	}
	p, err := serverproc.Start(serverBin, data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Kill)
	return p
}

// enrolAt signs a new desktop in as name (password mat-khau-thu) through url, its pushes
// in batches of 50.
func enrolAt(t *testing.T, url, name string) *syncclient.Client {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "desktop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	resp, err := syncclient.Login(ctx, nil, url, syncproto.LoginRequest{Username: name, Password: "mat-khau-thu", DeviceID: st.DeviceID()})
	if err != nil {
		t.Fatal(err)
	}
	st.SetUser(resp.Account.UserID)
	c := syncclient.New(st, url, resp.Token, nil)
	c.PushBatch = 50
	return c
}

// The real chibo-server process is killed with SIGKILL while two desktops push (three
// times, at random moments), and restarted on its data folder. The desktops then complete
// their syncs: the server holds every change of theirs exactly once, and a fresh device
// receives exactly what they hold.
func TestFaultServerKilledDuringPush(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the server binary")
	}
	seed := seedOf(t)
	rng := rand.New(rand.NewPCG(seed, 4))
	data := pgtest.Where(t, t.TempDir())
	serverstore.PasswordParams = passwd.Fast
	addBoards(t, data, "board0", "board1", "board2")
	srv := startServerProc(t, data)
	proxy := faultproxy.New(srv.URL, seed) // only a fixed address in front of a moving server
	t.Cleanup(proxy.Close)
	enrol := func(name string) *syncclient.Client { return enrolAt(t, proxy.URL, name) }
	devs := []*syncclient.Client{enrol("board0"), enrol("board1")}
	written := 0
	for cycle := 0; cycle < 3; cycle++ {
		for i, c := range devs {
			for k := 0; k < 300; k++ {
				if _, err := c.Store().SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị %d-%d-%d", cycle, i, k)}); err != nil {
					t.Fatal(err)
				}
				written++
			}
		}
		var wg sync.WaitGroup
		errs := make([]error, len(devs))
		for i, c := range devs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = c.SyncOnce(context.Background())
			}()
		}
		time.Sleep(time.Duration(20+rng.IntN(150)) * time.Millisecond)
		srv.Kill()
		wg.Wait()
		pending := 0
		for _, c := range devs {
			s, _ := c.Store().SyncStatus(ctx)
			pending += s.Pending
		}
		t.Logf("cycle %d: server killed; sync errors %v; %d changes still pending", cycle, errs, pending)
		srv = startServerProc(t, data)
		proxy.SetTarget(srv.URL)
		for _, c := range devs {
			if _, err := c.SyncOnce(ctx); err != nil {
				t.Fatalf("cycle %d: sync after restart: %v", cycle, err)
			}
		}
	}
	for _, c := range devs {
		if _, err := c.SyncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	fresh := enrol("board2")
	if _, err := fresh.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if n := countUnits(t, fresh.Store()); n != written {
		t.Errorf("a fresh device received %d units, %d were written", n, written)
	}
	sts := []*store.Store{fresh.Store()}
	for _, c := range devs {
		sts = append(sts, c.Store())
		assertQuiet(t, "desktop", c.Store())
	}
	assertSame(t, []string{"fresh", "board0", "board1"}, sts)

	srv.Terminate()
	n := serverCounts(t, data, "applied_changes", "audit", "records WHERE kind = 'unit'")
	applied, audit, records := n[0], n[1], n[2]
	if applied != written || records != written {
		t.Errorf("server: %d applied changes and %d units for %d writes (audit rows %d)", applied, records, written, audit)
	}
}

// A desktop whose clock is an hour fast writes twice, its writes clamped by the server;
// between them the server is killed with SIGKILL and restarted. Another desktop's write
// within the clamp had moved the server's clock ahead before the kill. The second clamped
// write still wins everywhere: the restarted server's clock resumes from its database.
func TestFaultClampedWritesOrderAcrossAServerKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the server binary")
	}
	data := pgtest.Where(t, t.TempDir())
	serverstore.PasswordParams = passwd.Fast
	addBoards(t, data, "near", "far", "fresh")
	srv := startServerProc(t, data)
	proxy := faultproxy.New(srv.URL, 1)
	t.Cleanup(proxy.Close)
	enrol := func(name string, skew time.Duration) *syncclient.Client {
		st, err := store.Open(filepath.Join(t.TempDir(), "desktop.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		st.SetClock(func() time.Time { return time.Now().Add(skew) })
		resp, err := syncclient.Login(ctx, nil, proxy.URL, syncproto.LoginRequest{Username: name, Password: "mat-khau-thu", DeviceID: st.DeviceID()})
		if err != nil {
			t.Fatal(err)
		}
		st.SetUser(resp.Account.UserID)
		return syncclient.New(st, proxy.URL, resp.Token, nil)
	}
	sync := func(c *syncclient.Client) {
		t.Helper()
		if _, err := c.SyncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	note := func(c *syncclient.Client, id, text string) {
		t.Helper()
		u, err := c.Store().GetUnit(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		u.Note = text
		if _, err := c.Store().SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
		sync(c)
	}
	near, far := enrol("near", 4*time.Minute), enrol("far", time.Hour)
	u := newUnit(t, near.Store(), "Đảng ủy phường Phát Diệm")
	sync(near)
	sync(far)
	note(near, u.ID, "near")
	note(far, u.ID, "far 1")
	srv.Kill()
	srv = startServerProc(t, data)
	proxy.SetTarget(srv.URL)
	note(far, u.ID, "far 2")
	fresh := enrol("fresh", 0)
	for _, c := range []*syncclient.Client{near, far, fresh} {
		sync(c)
		if got, _ := c.Store().GetUnit(ctx, u.ID); got.Note != "far 2" {
			t.Errorf("note %q, want the last clamped write %q", got.Note, "far 2")
		}
	}
}
