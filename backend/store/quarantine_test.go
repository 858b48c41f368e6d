package store

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"chibo/backend/domain"
)

// One record of a pulled page cannot be taken (a number past float64 in an integer field,
// or a value its kind forbids): it is quarantined with its reason and shown with the
// refused changes; the rest of the page applies and the cursor moves on. A later good
// version of it replaces the quarantined one.
func TestUndecodableRecordIsQuarantinedAndThePageApplies(t *testing.T) {
	ctx := context.Background()
	s := openSync(t)
	cell := map[string]any{"kind": "grassroots_cell", "name": "Chi bộ Phố 1", "members": 12, "status": "active"}
	bad := serverRecord("unit", "u-bad", c1, cell)
	bad.Fields["members"] = json.RawMessage(`1e309`)
	forbidden := serverRecord("unit", "u-forbidden", c1, map[string]any{"kind": "no-such-kind", "name": "X", "status": "active"})
	page := PullPage{Cursor: "c1.5", Records: []Record{
		serverRecord("unit", "u-1", c1, cell), bad, forbidden, serverRecord("area", "a1", c1, map[string]any{"name": "Tiểu khu 1"})}}
	if err := s.ApplyPull(ctx, page); err != nil {
		t.Fatalf("the page failed: %v", err)
	}
	if cur, _ := s.SyncCursor(ctx); cur != "c1.5" {
		t.Errorf("cursor %q, want c1.5", cur)
	}
	if _, err := s.GetUnit(ctx, "u-1"); err != nil {
		t.Errorf("the good unit was not applied: %v", err)
	}
	if _, err := s.GetUnit(ctx, "u-bad"); err == nil {
		t.Errorf("the undecodable unit was applied")
	}
	st, _ := s.SyncStatus(ctx)
	if st.Quarantined != 2 || st.Refused != 2 {
		t.Errorf("status %+v, want 2 quarantined and shown as refused", st)
	}
	rc, _ := s.RefusedChanges(ctx)
	if len(rc) != 2 || rc[0].Op != "pull" || rc[0].Reason == "" || rc[0].ReasonEN == "" {
		t.Errorf("refused changes %+v, want the two quarantined records with reasons", rc)
	}
	good := serverRecord("unit", "u-bad", "001700000000001:00000000:srv", cell)
	if err := s.ApplyPull(ctx, PullPage{Cursor: "c1.6", Records: []Record{good}}); err != nil {
		t.Fatal(err)
	}
	if u, err := s.GetUnit(ctx, "u-bad"); err != nil || u.Members != 12 {
		t.Errorf("the good version: %+v %v", u, err)
	}
	if st, _ := s.SyncStatus(ctx); st.Quarantined != 1 {
		t.Errorf("after the good version: %+v, want 1 quarantined", st)
	}
}

// The store's clock is injected, and every day a user sees is the day in Vietnam: at
// 06:30 on 7 January there (23:30 UTC on the 6th) it is the 7th.
func TestTheStoreDatesByVietnamTime(t *testing.T) {
	s := openSync(t)
	at := time.Date(2027, 1, 6, 23, 30, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return at })
	if got := s.today(); got != "2027-01-07" {
		t.Errorf("today %s, want 2027-01-07", got)
	}
	if got := s.nowUTC(); got != "2027-01-06T23:30:00Z" {
		t.Errorf("stored time %s", got)
	}
	if got := domain.LocalDate(s.nowUTC()); got != "2027-01-07" {
		t.Errorf("the paper's date %s, want 2027-01-07", got)
	}
}
