package syncclient_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/store"
	"chibo/backend/syncproto"
	"chibo/backend/synctest"
)

// snapshotOf returns the records of a device with their values (clocks aside: a clamped
// write carries the server's clock on every replica, but the desktop that wrote it keeps
// its own clock for the field until it pulls; the values are what must agree).
func valuesOf(t *testing.T, st *store.Store, ids ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, id := range ids {
		u, err := st.GetUnit(ctx, id)
		if err != nil {
			out[id] = "missing: " + domain.ErrorCode(err)
			continue
		}
		b, _ := json.Marshal([]any{u.Name, u.Note, u.Members, u.CommuneID, u.Status})
		out[id] = string(b)
	}
	return out
}

// Three desktops edit the same field offline, one clock an hour fast, one an hour slow,
// one jumping two hours back between two edits. After everyone has synced twice, all hold
// the same value, by the documented rule: the greatest HLC wins, where an HLC more than
// five minutes ahead of the server counts as the server's time when it arrived.
func TestThreeDevicesWithSkewedClocksConverge(t *testing.T) {
	for _, tc := range []struct {
		name  string
		order []int
		want  string
	}{
		{"fast first", []int{0, 1, 2}, "C2"},
		{"jumper first", []int{2, 1, 0}, "A"},
		{"slow first", []int{1, 0, 2}, "C2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := synctest.New(t)
			env.SeedDemo()
			devs := []*synctest.Device{env.Device("bithu"), env.Device("bantochuc"), env.Device("btv.tk1")}
			for _, d := range devs {
				d.Sync(t)
			}
			pd := demoCommune(t, devs[0].Store, "Phát Diệm")
			unit := committeeOf(t, devs[0].Store, pd.ID)
			now := time.Now()
			at := func(d time.Duration) func() time.Time { return func() time.Time { return time.Now().Add(d) } }
			edit := func(d *synctest.Device, note string) {
				u, err := d.Store.GetUnit(ctx, unit.ID)
				if err != nil {
					t.Fatal(err)
				}
				u.Note = note
				if _, err := d.Store.SaveUnit(ctx, u); err != nil {
					t.Fatal(err)
				}
			}
			devs[0].Store.SetClock(at(time.Hour))
			edit(devs[0], "A")
			devs[1].Store.SetClock(at(-time.Hour))
			edit(devs[1], "B")
			devs[2].Store.SetClock(at(30 * time.Minute))
			edit(devs[2], "C1")
			devs[2].Store.SetClock(at(-2 * time.Hour)) // the clock jumps back
			edit(devs[2], "C2")
			_ = now
			for round := 0; round < 2; round++ {
				for _, i := range tc.order {
					time.Sleep(2 * time.Millisecond) // arrivals at distinct server milliseconds
					devs[i].Sync(t)
				}
			}
			want := valuesOf(t, devs[0].Store, unit.ID)
			for i, d := range devs {
				if got := valuesOf(t, d.Store, unit.ID); !reflect.DeepEqual(got, want) {
					t.Errorf("device %d holds %v, device 0 holds %v", i, got, want)
				}
				if st, _ := d.Store.SyncStatus(ctx); st.Pending != 0 {
					t.Errorf("device %d has %d pending changes", i, st.Pending)
				}
			}
			if u, _ := devs[0].Store.GetUnit(ctx, unit.ID); u.Note != tc.want {
				t.Errorf("converged on %q, want %q", u.Note, tc.want)
			}
			fresh := env.Device("bithu")
			fresh.Sync(t)
			if got := valuesOf(t, fresh.Store, unit.ID); !reflect.DeepEqual(got, want) {
				t.Errorf("a fresh device holds %v, want %v", got, want)
			}
		})
	}
}

// A deletion and an update of the same record race, in both orders: the tombstone wins,
// the update is refused with a reason when it arrives late, and nothing comes back.
func TestDeleteUpdateRaceInBothOrders(t *testing.T) {
	for _, deleteFirst := range []bool{true, false} {
		name := "update first"
		if deleteFirst {
			name = "delete first"
		}
		t.Run(name, func(t *testing.T) {
			env := synctest.New(t)
			env.SeedDemo()
			editor := env.Device("huv.phatdiem")
			board := env.Device("bithu")
			editor.Sync(t)
			board.Sync(t)
			pd := demoCommune(t, editor.Store, "Phát Diệm")
			cell, err := board.Store.SaveUnit(ctx, domain.Unit{ParentID: committeeOf(t, board.Store, pd.ID).ID, Kind: domain.KindSubordinateCell, Name: "Chi bộ sẽ xóa", Members: 3})
			if err != nil {
				t.Fatal(err)
			}
			board.Sync(t)
			editor.Sync(t)
			deleter := env.Device("bithu")
			del := func() {
				r := env.Push(deleter, syncproto.Change{Seq: 1, ChangeID: "delete-" + cell.ID, Kind: "unit", RecordID: cell.ID, Op: "delete",
					Fields: json.RawMessage(`{}`), HLC: synctest.Stamp(deleter, time.Now().Add(-time.Hour))}) // an older clock: still final
				if r.Results[0].Status != syncproto.StatusAcked {
					t.Fatalf("delete: %+v", r.Results[0])
				}
			}
			cell.Members = 4
			if _, err := editor.Store.SaveUnit(ctx, cell); err != nil {
				t.Fatal(err)
			}
			if deleteFirst {
				del()
				rep := editor.Sync(t)
				if rep.Refused != 1 {
					t.Errorf("late update: %d refused, want 1", rep.Refused)
				}
				ref, _ := editor.Store.RefusedChanges(ctx)
				if len(ref) != 1 || ref[0].Code != syncproto.CodeDeleted || ref[0].Reason == "" || ref[0].ReasonEN == "" {
					t.Errorf("refused list %+v", ref)
				}
			} else {
				editor.Sync(t)
				del()
				editor.Sync(t)
			}
			board.Sync(t)
			for name, d := range map[string]*synctest.Device{"editor": editor, "board": board} {
				if _, err := d.Store.GetUnit(ctx, cell.ID); domain.ErrorCode(err) != domain.ENotFound {
					t.Errorf("%s still has the deleted cell (%v)", name, err)
				}
			}
			// A later write cannot resurrect it.
			r := env.Push(deleter, syncproto.Change{Seq: 2, ChangeID: "resurrect-" + cell.ID, Kind: "unit", RecordID: cell.ID, Op: "upsert",
				Fields: json.RawMessage(`{"name":"Lazarus"}`), HLC: synctest.Stamp(deleter, time.Now())})
			if r.Results[0].Status != syncproto.StatusRefused || r.Results[0].Code != syncproto.CodeDeleted {
				t.Errorf("write after delete: %+v", r.Results[0])
			}
		})
	}
}
