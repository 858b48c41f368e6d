package faults

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/faultproxy"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/synctest"
)

// write is one confirmed local write as the model knows it.
type write struct {
	changeID, kind, id, op, note string
	hasNote                      bool
}

// TestModelRandomDevicesFaultsAndClocks: five devices make random local writes (create
// and edit units, create, edit and delete criteria sets), with clocks skewed by up to an
// hour and jumping, and sync at random through proxies that inject random faults and
// partitions. After healing and a final sync round every replica equals every other and
// a fresh copy of the server, no outbox holds anything, and the reference model holds:
// a record with an acknowledged delete is a tombstone everywhere, and every other record's
// note is the value of the acknowledged write with the greatest effective HLC (the HLC
// the server applied, which is the device's unless clamped). CHIBO_SEED replays a run;
// CHIBO_MODEL_STEPS makes it longer.
//
// The server restarts between writes (its clock must resume from its database), clocks
// are often set just under or just over the clamp, and devices edit while their sync
// pulls, so pulled values meet pending edits. At the end every device holds exactly the
// server's records, field by field and clock by clock.
//
// CHIBO_MODEL_SEEDS=N runs N seeds in a row (from CHIBO_SEED or a fresh one) and reports
// how many failed: `make model` runs 300.
func TestModelRandomDevicesFaultsAndClocks(t *testing.T) {
	runs := 1
	fmt.Sscan(os.Getenv("CHIBO_MODEL_SEEDS"), &runs)
	base := seedOf(t)
	failed := 0
	for i := 0; i < runs; i++ {
		seed := base + uint64(i)
		if !t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) { runModel(t, seed) }) {
			failed++
		}
	}
	if runs > 1 {
		t.Logf("model test: %d of %d seeds failed (first seed %d)", failed, runs, base)
	}
}

func runModel(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 3))
	steps := 1200
	fmt.Sscan(os.Getenv("CHIBO_MODEL_STEPS"), &steps)
	env := synctest.New(t)
	names := board(env, 5)
	var devs []*synctest.Device
	var proxies []*faultproxy.Proxy
	skew := make([]time.Duration, len(names))
	setSkew := func(i int) {
		switch rng.IntN(3) {
		case 0: // just under or just over the server's clamp (5 minutes)
			skew[i] = 5*time.Minute + time.Duration(rng.IntN(4001)-2000)*time.Millisecond
		default:
			skew[i] = time.Duration(rng.IntN(121)-60) * time.Minute
		}
		s := skew[i]
		devs[i].Store.SetClock(func() time.Time { return time.Now().Add(s) })
	}
	// edits[i], when set, is made just before device i's next pull request goes out: a
	// user typing while the sync runs.
	edits := make([]func(), len(names))
	for i, n := range names {
		d, p := proxied(t, env, n, seed+uint64(i)*7919)
		d.Client = syncclient.New(d.Store, p.URL, d.Token, synctest.OnPull(func() error {
			if fn := edits[i]; fn != nil {
				edits[i] = nil
				fn()
			}
			return nil
		}))
		d.Client.PageSize, d.Client.PushBatch = 40, 9
		devs, proxies = append(devs, d), append(proxies, p)
		setSkew(i)
	}
	restarts := 0
	faults := []faultproxy.Fault{faultproxy.Drop, faultproxy.Truncate, faultproxy.Duplicate, faultproxy.Error5xx, faultproxy.CutReply, faultproxy.Delay}
	var writes []write
	record := func(d *synctest.Device) {
		var w write
		var fields string
		if err := d.Store.DB().QueryRow(`SELECT change_id, kind, record_id, op, fields FROM outbox ORDER BY seq DESC LIMIT 1`).Scan(&w.changeID, &w.kind, &w.id, &w.op, &fields); err != nil {
			t.Fatal(err)
		}
		var f map[string]json.RawMessage
		json.Unmarshal([]byte(fields), &f)
		if raw, ok := f["note"]; ok {
			w.hasNote = true
			json.Unmarshal(raw, &w.note)
		}
		writes = append(writes, w)
	}
	syncs, failed := 0, 0
	for step := 0; step < steps; step++ {
		i := rng.IntN(len(devs))
		d, p := devs[i], proxies[i]
		label := fmt.Sprintf("s%d-d%d", step, i)
		switch op := rng.IntN(20); {
		case op < 3:
			u, err := d.Store.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: "Đơn vị " + label, Note: label})
			if err != nil {
				t.Fatal(err)
			}
			_ = u
			record(d)
		case op < 8:
			us, _ := d.Store.ListUnits(ctx)
			if len(us) == 0 {
				continue
			}
			u := us[rng.IntN(len(us))]
			u.Note = label
			if _, err := d.Store.SaveUnit(ctx, u); err != nil {
				t.Fatal(err)
			}
			record(d)
		case op == 8 && rng.IntN(2) == 0:
			// Edit while the sync pulls: the pulled value meets a pending edit.
			us, _ := d.Store.ListUnits(ctx)
			if len(us) == 0 {
				continue
			}
			id := us[rng.IntN(len(us))].ID
			edits[i] = func() {
				u, err := d.Store.GetUnit(ctx, id)
				if err != nil {
					t.Error(err)
					return
				}
				u.Note = label + "-during-pull"
				if _, err := d.Store.SaveUnit(ctx, u); err != nil {
					t.Error(err)
					return
				}
				record(d)
			}
			syncs++
			if _, err := d.Client.SyncOnce(ctx); err != nil {
				failed++
			}
			edits[i] = nil
		case op == 9 && rng.IntN(4) == 0:
			env.Restart() // nothing of the server survives but its database
			restarts++
		case op < 10:
			cs := domain.ExampleCriteriaSet()
			cs.ID, cs.SeriesID, cs.Name, cs.EffectiveMonth, cs.Note = "", "", "Bộ "+label, "2026-01", label
			if _, err := d.Store.SaveCriteriaSet(ctx, cs); err != nil {
				t.Fatal(err)
			}
			record(d)
		case op < 13:
			sets, _ := d.Store.ListCriteriaSets(ctx)
			if len(sets) == 0 {
				continue
			}
			cs := sets[rng.IntN(len(sets))]
			if cs.Status != domain.SetDraft {
				continue
			}
			if rng.IntN(3) == 0 {
				if err := d.Store.DeleteCriteriaSet(ctx, cs.ID); err != nil {
					t.Fatalf("delete: %v", err)
				}
			} else {
				cs.Note = label
				if _, err := d.Store.SaveCriteriaSet(ctx, cs); err != nil {
					t.Fatalf("edit set: %v", err)
				}
			}
			record(d)
		case op < 14:
			setSkew(i) // the clock jumps
		case op < 16:
			if rng.IntN(4) == 0 {
				p.Partition(time.Duration(rng.IntN(50)) * time.Millisecond)
			} else {
				p.SetRules(faultproxy.Rule{Fault: faults[rng.IntN(len(faults))], Prob: 0.5, Delay: 3 * time.Millisecond})
			}
		default:
			syncs++
			if _, err := d.Client.SyncOnce(ctx); err != nil {
				failed++
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
	labels := []string{"server (fresh device)"}
	for i, d := range devs {
		sts, labels = append(sts, d.Store), append(labels, names[i])
		assertQuiet(t, names[i], d.Store)
	}
	assertSame(t, labels, sts)
	for i, d := range devs {
		assertHoldsServer(t, names[i], env, d.Store)
	}

	// The reference model, from the confirmed writes and the server's answers to them.
	type answer struct{ status, hlc string }
	answers := map[string]answer{}
	rows, err := env.Store.DBForTest().Query(`SELECT change_id, status, hlc FROM applied_changes`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		var a answer
		rows.Scan(&id, &a.status, &a.hlc)
		answers[id] = a
	}
	rows.Close()
	type key struct{ kind, id string }
	deleted := map[key]bool{}
	winner := map[key]write{}
	winHLC := map[key]string{}
	for _, w := range writes {
		a, ok := answers[w.changeID]
		if !ok {
			t.Fatalf("confirmed write %s (%s %s) never reached the server", w.changeID, w.kind, w.id)
		}
		if a.status != "acked" {
			continue // refused: lost to the tombstone rule (an edit of a deleted set)
		}
		k := key{w.kind, w.id}
		if w.op == "delete" {
			deleted[k] = true
		}
		if w.hasNote && a.hlc > winHLC[k] {
			winHLC[k], winner[k] = a.hlc, w
		}
	}
	final := map[key]store.Record{}
	for _, r := range export(t, fresh.Store) {
		final[key{r.Kind, r.ID}] = r
	}
	for i, d := range devs {
		for _, r := range export(t, d.Store) {
			if deleted[key{r.Kind, r.ID}] && !r.Deleted {
				t.Errorf("%s: %s %s was deleted but is live", names[i], r.Kind, r.ID)
			}
		}
	}
	checked := 0
	for k, w := range winner {
		r, ok := final[k]
		if deleted[k] {
			if ok && !r.Deleted {
				t.Errorf("%s %s was deleted but is back", k.kind, k.id)
			}
			continue
		}
		if !ok || r.Deleted {
			t.Errorf("%s %s is missing", k.kind, k.id)
			continue
		}
		var note string
		json.Unmarshal(r.Fields["note"], &note)
		if note != w.note {
			t.Errorf("%s %s: note %q, the model says %q (HLC %s)", k.kind, k.id, note, w.note, winHLC[k])
		}
		checked++
	}
	refused := 0
	for _, w := range writes {
		if answers[w.changeID].status != "acked" {
			refused++
		}
	}
	var localRefused int
	for _, d := range devs {
		s, _ := d.Store.SyncStatus(ctx)
		localRefused += s.Refused
	}
	if localRefused != refused {
		t.Errorf("the devices show %d refused changes, the server refused %d", localRefused, refused)
	}
	t.Logf("%d steps, %d writes (%d refused by the tombstone rule), %d deletes, %d records checked, %d syncs (%d failed), %d server restarts", steps, len(writes), refused, len(deleted), checked, syncs, failed, restarts)
	for _, p := range proxies {
		t.Log(p)
	}
}
