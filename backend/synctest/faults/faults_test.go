package faults

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"chibo/backend/faultproxy"
	"chibo/backend/store"
	"chibo/backend/synctest"
)

// The server commits a push, the reply is cut, the client retries: one effect. Then the
// same through a proxy that forwards every push twice.
func TestFaultLostAckAndDuplicatedPushHaveOneEffect(t *testing.T) {
	env := synctest.New(t)
	names := board(env, 1)
	d, p := proxied(t, env, names[0], 1)
	d.Sync(t)
	var ids []string
	for i := 0; i < 5; i++ {
		ids = append(ids, newUnit(t, d.Store, fmt.Sprintf("Chi bộ %d", i)).ID)
	}
	p.SetRules(faultproxy.Rule{Path: "/v1/push", Fault: faultproxy.CutReply, Count: 1})
	if _, err := d.Client.SyncOnce(ctx); err == nil {
		t.Fatal("a sync whose push reply was cut succeeded")
	}
	if s, _ := d.Store.SyncStatus(ctx); s.Pending != 5 {
		t.Fatalf("pending after the cut reply = %d, want 5", s.Pending)
	}
	if rep := d.Sync(t); rep.Pushed != 5 || rep.Refused != 0 {
		t.Fatalf("retry %+v", rep)
	}
	p.SetRules(faultproxy.Rule{Fault: faultproxy.Duplicate})
	for i := 0; i < 5; i++ {
		u, err := d.Store.GetUnit(ctx, ids[i])
		if err != nil {
			t.Fatal(err)
		}
		u.Note += " sửa"
		if _, err := d.Store.SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if rep := d.Sync(t); rep.Pushed != 5 || rep.Refused != 0 {
		t.Fatalf("duplicated push %+v", rep)
	}
	var applied, audited int
	env.Store.DBForTest().QueryRow(`SELECT count(*) FROM applied_changes WHERE device_id = ?`, d.Store.DeviceID()).Scan(&applied)
	env.Store.DBForTest().QueryRow(`SELECT count(*) FROM audit WHERE record_id IN (?,?,?,?,?)`, ids[0], ids[1], ids[2], ids[3], ids[4]).Scan(&audited)
	if applied != 10 || audited != 10 {
		t.Errorf("server holds %d applied changes and %d audit rows, want 10 and 10", applied, audited)
	}
	fresh := env.Device(names[0])
	fresh.Sync(t)
	assertSame(t, []string{"writer", "fresh"}, []*store.Store{d.Store, fresh.Store})
	assertQuiet(t, "writer", d.Store)
	t.Log(p)
}

// Pull answers cut in half are never applied in part: after every failed sync the device
// holds whole pages only, and the cursor matches what it holds.
func TestFaultTruncatedPullPagesAreNeverHalfApplied(t *testing.T) {
	env := synctest.New(t)
	names := board(env, 1)
	importUnits(t, env, 3000)
	d, p := proxied(t, env, names[0], seedOf(t))
	d.Client.PageSize = 200
	p.SetRules(faultproxy.Rule{Path: "/v1/pull", Fault: faultproxy.Truncate, Prob: 0.35},
		faultproxy.Rule{Path: "/v1/pull", Fault: faultproxy.CutReply, Prob: 0.1})
	failures := 0
	for try := 0; ; try++ {
		if try > 200 {
			t.Fatal("the pull never completed")
		}
		_, err := d.Client.SyncOnce(ctx)
		n := countUnits(t, d.Store)
		cur, _ := d.Store.SyncCursor(ctx)
		if n%200 != 0 && n != 3000 {
			t.Fatalf("after try %d the device holds %d units: part of a page was applied", try, n)
		}
		if (n == 0) != (cur == "") {
			t.Fatalf("device holds %d units with cursor %q", n, cur)
		}
		if err == nil {
			break
		}
		failures++
	}
	if failures == 0 {
		t.Error("no fault hit the pull")
	}
	if n := countUnits(t, d.Store); n != 3000 {
		t.Errorf("device holds %d units, want 3000", n)
	}
	assertQuiet(t, "device", d.Store)
	t.Logf("%d failed syncs; %s", failures, p)
}

// Three devices edit through flapping links and partitions; after healing and quiescence
// all replicas are identical (and equal to a fresh device's copy of the server) and every
// outbox is empty.
func TestFaultFlappingNetworkConverges(t *testing.T) {
	seed := seedOf(t)
	rng := rand.New(rand.NewPCG(seed, 1))
	env := synctest.New(t)
	names := board(env, 3)
	var devs []*synctest.Device
	var proxies []*faultproxy.Proxy
	for i, n := range names {
		d, p := proxied(t, env, n, seed+uint64(i)+1)
		d.Client.PageSize = 50
		d.Client.PushBatch = 7
		devs, proxies = append(devs, d), append(proxies, p)
		newUnit(t, d.Store, "Đơn vị của "+n)
	}
	faults := []faultproxy.Fault{faultproxy.Drop, faultproxy.Truncate, faultproxy.Duplicate, faultproxy.Error5xx, faultproxy.CutReply, faultproxy.Delay}
	deadline := time.Now().Add(4 * time.Second)
	errs := 0
	for round := 0; time.Now().Before(deadline); round++ {
		for i, d := range devs {
			p := proxies[i]
			switch x := rng.IntN(10); {
			case x == 0:
				p.Partition(time.Duration(rng.IntN(100)) * time.Millisecond)
			case x < 7:
				f := faults[rng.IntN(len(faults))]
				p.SetRules(faultproxy.Rule{Fault: f, Prob: 0.4, Delay: 5 * time.Millisecond})
			default:
				p.SetRules()
			}
			us, err := d.Store.ListUnits(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for k := rng.IntN(6); k > 0; k-- {
				if rng.IntN(4) == 0 || len(us) == 0 {
					newUnit(t, d.Store, fmt.Sprintf("Đơn vị %d-%d-%d", round, i, k))
					continue
				}
				u := us[rng.IntN(len(us))]
				switch rng.IntN(3) {
				case 0:
					u.Note = fmt.Sprintf("ghi chú %d của %d", round, i)
				case 1:
					u.Note = fmt.Sprintf("note %d", rng.IntN(40))
				default:
					u.Name = fmt.Sprintf("Tên %d-%d-%d", round, i, k)
				}
				if _, err := d.Store.SaveUnit(ctx, u); err != nil && !strings.Contains(err.Error(), "ENotFound") {
					t.Fatalf("edit: %v", err)
				}
			}
			if _, err := d.Client.SyncOnce(ctx); err != nil {
				errs++
			}
		}
	}
	for _, p := range proxies {
		p.Heal()
	}
	for round := 0; round < 2; round++ {
		for _, d := range devs {
			d.Sync(t)
		}
	}
	fresh := env.Device(names[0])
	fresh.Sync(t)
	sts := []*store.Store{fresh.Store}
	labels := []string{"fresh"}
	for i, d := range devs {
		sts = append(sts, d.Store)
		labels = append(labels, names[i])
		assertQuiet(t, names[i], d.Store)
		integrityOK(t, d.Store)
	}
	assertSame(t, labels, sts)
	t.Logf("%d failed syncs; %d units; %s | %s | %s", errs, countUnits(t, fresh.Store), proxies[0], proxies[1], proxies[2])
}
