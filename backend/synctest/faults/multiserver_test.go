package faults

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/faultproxy"
	"chibo/backend/passwd"
	"chibo/backend/serverstore"
	"chibo/backend/serverstore/pgtest"
	"chibo/backend/store"
	"chibo/backend/syncclient"
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
	ss, err := serverstore.OpenAt(data)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		name := fmt.Sprintf("board%d", i)
		if _, err := ss.AddUser(ctx, serverstore.User{Username: name, DisplayName: name, Role: "standing_board"}, "mat-khau-thu"); err != nil {
			t.Fatal(err)
		}
	}
	ss.Close()
	procs := []*serverProc{startServerProc(t, data), startServerProc(t, data)}
	proxy := faultproxy.New(procs[0].url, seed)
	t.Cleanup(proxy.Close)
	proxy.SetTargets(procs[0].url, procs[1].url)
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
	// syncAll runs every client's sync at once and kills process victim after a while.
	syncAll := func(round, victim int, clients []*syncclient.Client) {
		var wg sync.WaitGroup
		errs := make([]error, len(clients))
		for i, c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = c.SyncOnce(context.Background())
			}()
		}
		time.Sleep(time.Duration(20+rng.IntN(150)) * time.Millisecond)
		procs[victim].cmd.Process.Signal(syscall.SIGKILL)
		procs[victim].cmd.Wait()
		wg.Wait()
		t.Logf("round %d: process %c killed; sync errors %v", round, 'A'+victim, errs)
		procs[victim] = startServerProc(t, data)
		proxy.SetTargets(procs[0].url, procs[1].url)
		for _, c := range clients {
			if _, err := c.SyncOnce(ctx); err != nil {
				t.Fatalf("round %d: sync after the restart: %v", round, err)
			}
		}
	}

	write(0)
	syncAll(0, 0, devs) // A killed mid-push
	write(1)
	late := enrolAt(t, proxy.URL, "board2")
	late.PageSize = 20 // its first pull takes many pages: B dies in the middle of it
	syncAll(1, 1, append([]*syncclient.Client{late}, devs...))
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

	ss, err = serverstore.OpenAt(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	var applied, records int
	ss.DBForTest().QueryRow(`SELECT count(*) FROM applied_changes`).Scan(&applied)
	ss.DBForTest().QueryRow(`SELECT count(*) FROM records WHERE kind = 'unit'`).Scan(&records)
	if applied != written || records != written {
		t.Errorf("database: %d applied changes and %d units for %d writes", applied, records, written)
	}
	t.Logf("%d requests through the proxy to two processes", proxy.Requests())
}
