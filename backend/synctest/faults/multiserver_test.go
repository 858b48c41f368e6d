package faults

import (
	"context"
	"fmt"
	"math/rand/v2"
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

// Two real chibo-server processes on one PostgreSQL database, behind a proxy that sends
// each request to the next process in turn (a round-robin load balancer: a device's push
// may reach one process and its next pull the other). In the first round process A is
// killed with SIGKILL while two desktops push; in the second process B is killed while a
// new desktop makes its first pull in small pages and the others sync. Each killed process
// is restarted on the same database. In the end the database holds every change exactly
// once, and every desktop, and one more made afterwards, holds the same records.
func TestFaultTwoServersOneDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the server binary")
	}
	if !pgtest.Enabled() {
		t.Skip("several server processes share a PostgreSQL database (make pgtest); the SQLite file is served by one")
	}
	seed := seedOf(t)
	rng := rand.New(rand.NewPCG(seed, 7))
	data := pgtest.URL(t)
	serverstore.PasswordParams = passwd.Fast
	addBoards(t, data, "board0", "board1", "board2", "board3")
	procs := []*serverproc.Process{startServerProc(t, data), startServerProc(t, data)}
	proxy := faultproxy.New(procs[0].URL, seed)
	t.Cleanup(proxy.Close)
	proxy.SetTargets(procs[0].URL, procs[1].URL)
	devs := []*syncclient.Client{enrolAt(t, proxy.URL, "board0"), enrolAt(t, proxy.URL, "board1")}
	written := 0
	write := func(round int) {
		for i, c := range devs {
			for k := 0; k < 300; k++ {
				if _, err := c.Store().SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị %d-%d-%d", round, i, k)}); err != nil {
					t.Fatal(err)
				}
				written++
			}
		}
	}
	// syncAll runs every client's sync at once and kills process victim while it holds a
	// request for path (the proxy says when one is in flight). A request that finished in
	// the instant between the proxy's answer and the kill does not count: the round is
	// tried again, with more to write, until a kill lands mid-request.
	syncAll := func(round, victim int, path string, clients []*syncclient.Client, more func()) {
		for attempt := 1; ; attempt++ {
			var wg sync.WaitGroup
			errs := make([]error, len(clients))
			for i, c := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, errs[i] = c.SyncOnce(context.Background())
				}()
			}
			url := procs[victim].URL
			deadline := time.Now().Add(20 * time.Second)
			for proxy.InFlight(url, path) == 0 && time.Now().Before(deadline) {
				time.Sleep(time.Duration(rng.IntN(500)) * time.Microsecond)
			}
			procs[victim].Kill()
			wg.Wait()
			lost := proxy.Lost(url, path)
			t.Logf("round %d, attempt %d: process %c killed with %d %s requests unanswered; sync errors %v", round, attempt, 'A'+victim, lost, path, errs)
			procs[victim] = startServerProc(t, data)
			proxy.SetTargets(procs[0].URL, procs[1].URL)
			for _, c := range clients {
				if _, err := c.SyncOnce(ctx); err != nil {
					t.Fatalf("round %d: sync after the restart: %v", round, err)
				}
			}
			if lost > 0 {
				return
			}
			if attempt == 5 {
				t.Fatalf("round %d: no kill of five landed in the middle of a %s", round, path)
			}
			more()
		}
	}

	write(0)
	syncAll(0, 0, syncproto.PathPush, devs, func() { write(0) }) // A killed mid-push
	write(1)
	late := enrolAt(t, proxy.URL, "board2")
	late.PageSize = 20 // its first pull takes many pages: B dies in the middle of it
	syncAll(1, 1, syncproto.PathPull, append([]*syncclient.Client{late}, devs...), func() { write(1) })
	for _, c := range append(devs, late) {
		if _, err := c.SyncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}

	fresh := enrolAt(t, proxy.URL, "board3")
	if _, err := fresh.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if n := countUnits(t, fresh.Store()); n != written {
		t.Errorf("a fresh device received %d units, %d were written", n, written)
	}
	sts := []*store.Store{fresh.Store(), late.Store()}
	for _, c := range devs {
		sts = append(sts, c.Store())
		assertQuiet(t, "desktop", c.Store())
	}
	assertSame(t, []string{"fresh", "late", "board0", "board1"}, sts)

	n := serverCounts(t, data, "applied_changes", "records WHERE kind = 'unit'")
	applied, records := n[0], n[1]
	if applied != written || records != written {
		t.Errorf("database: %d applied changes and %d units for %d writes", applied, records, written)
	}
	t.Logf("%d requests through the proxy to two processes", proxy.Requests())
}
