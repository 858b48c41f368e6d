package syncclient_test

import (
	"errors"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/syncclient"
	"chibo/backend/synctest"
)

// E edits a field while its sync pulls D's later value of it: the pull keeps E's pending
// value, and the page's cursor moves past D's write. E's edit then reaches the server and
// loses; the answer carries the winner, and E shows D's value without waiting for the
// record to change again.
func TestLosingEditIsReplacedByTheWinner(t *testing.T) {
	env := synctest.New(t)
	env.User("d", "standing_board", "", "")
	env.User("e", "standing_board", "", "")
	d, e := env.Device("d"), env.Device("e")
	u, err := e.Store.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: "Đảng ủy xã Kim Đông", Note: "đầu"})
	if err != nil {
		t.Fatal(err)
	}
	e.Sync(t)
	d.Sync(t)
	d.Store.SetClock(func() time.Time { return time.Now().Add(2 * time.Minute) }) // within the clamp
	du, _ := d.Store.GetUnit(ctx, u.ID)
	du.Note = "D"
	if _, err := d.Store.SaveUnit(ctx, du); err != nil {
		t.Fatal(err)
	}
	d.Sync(t)

	edited := false
	hook := synctest.OnPull(func() error {
		if !edited { // once, before the first pull
			edited = true
			eu, _ := e.Store.GetUnit(ctx, u.ID)
			eu.Note = "E"
			if _, err := e.Store.SaveUnit(ctx, eu); err != nil {
				t.Error(err)
			}
		}
		return nil
	})
	e.Client = syncclient.New(e.Store, env.URL, e.Token, hook)
	e.Sync(t) // pulls D's note while E's edit is pending
	if got, _ := e.Store.GetUnit(ctx, u.ID); got.Note != "E" {
		t.Fatalf("during the pull the pending edit was overwritten: %q", got.Note)
	}
	rep := e.Sync(t) // pushes E's edit: it loses to D's later clock
	if rep.Pushed != 1 || rep.Refused != 0 {
		t.Errorf("push: %+v, want one change acknowledged", rep)
	}
	for name, dev := range map[string]*synctest.Device{"E": e, "D": d} {
		dev.Sync(t)
		got, _ := dev.Store.GetUnit(ctx, u.ID)
		if got.Note != "D" {
			t.Errorf("%s shows note %q, want D's later value", name, got.Note)
		}
		if got.SyncState != domain.SyncSent {
			t.Errorf("%s: sync state %q, want sent", name, got.SyncState)
		}
	}
}

// A desktop's pushes go through but its pulls fail; meanwhile another desktop deletes a
// record the first one created. The first one's first successful pull starts from the
// beginning, and it must still learn of the deletion: pulls from "" carry tombstones.
func TestFirstPullDeletesWhatOthersDeletedMeanwhile(t *testing.T) {
	env := synctest.New(t)
	env.User("a", "standing_board", "", "")
	env.User("b", "standing_board", "", "")
	a, b := env.Device("a"), env.Device("b")
	failures := 1
	a.Client = syncclient.New(a.Store, env.URL, a.Token, synctest.OnPull(func() error {
		if failures > 0 {
			failures--
			return errors.New("the link dropped")
		}
		return nil
	}))
	draft := domain.ExampleCriteriaSet()
	draft.ID, draft.SeriesID, draft.Name, draft.EffectiveMonth = "", "", "Bộ tiêu chí nháp", "2026-01"
	set, err := a.Store.SaveCriteriaSet(ctx, draft)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Client.SyncOnce(ctx); err == nil {
		t.Fatal("the pull did not fail")
	}
	if st, _ := a.Store.SyncStatus(ctx); st.Pending != 0 {
		t.Fatalf("the push did not go through: %+v", st)
	}
	b.Sync(t)
	if err := b.Store.DeleteCriteriaSet(ctx, set.ID); err != nil {
		t.Fatal(err)
	}
	b.Sync(t)
	a.Sync(t)
	if sets, _ := a.Store.ListCriteriaSets(ctx); len(sets) != 0 {
		t.Errorf("a still shows the set b deleted: %d sets", len(sets))
	}
}
