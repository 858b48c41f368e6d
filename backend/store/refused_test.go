package store

import (
	"context"
	"testing"

	"chibo/backend/domain"
)

// A refused change a person acts on: editing and sending it again clears the refusal
// once accepted; discarding it restores what the server holds (a refused edit) or removes
// what it never took (a refused creation), through a full resync.
func TestRefusedChangesRetriedOrDiscarded(t *testing.T) {
	ctx := context.Background()
	s := openSync(t)
	must(t, s.ApplyPull(ctx, PullPage{Done: true, Records: []Record{serverRecord("area", "a1", c1, map[string]any{"name": "Tiểu khu 1"})}}))
	refuse := func() {
		t.Helper()
		pend, _ := s.PendingChanges(ctx, 10)
		var rs []PushResult
		for _, p := range pend {
			rs = append(rs, PushResult{Seq: p.Seq, ChangeID: p.ChangeID, Status: StateRefused, Code: "forbidden", Reason: "Không có quyền", ReasonEN: "Not allowed"})
		}
		must(t, s.MarkPushed(ctx, rs))
	}
	// An edit refused (without the server's state in the answer), then a creation refused.
	_, err := s.SaveArea(ctx, domain.Area{ID: "a1", Name: "Tên sai"})
	must(t, err)
	refuse()
	created, err := s.SaveArea(ctx, domain.Area{Name: "Tiểu khu mới"})
	must(t, err)
	refuse()
	rs, _ := s.RefusedChanges(ctx)
	if len(rs) != 2 || rs[1].Label != "Tên sai" || rs[0].Label != "Tiểu khu mới" {
		t.Fatalf("refused, each named: %+v", rs)
	}
	if err := s.DiscardRefused(ctx, "area", "nothing"); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("discarding nothing: %v", err)
	}

	// Retry: edited again and accepted, the older refusal leaves the list.
	_, err = s.SaveArea(ctx, domain.Area{ID: created.ID, Name: "Tiểu khu mới (đã sửa)"})
	must(t, err)
	pend, _ := s.PendingChanges(ctx, 10)
	must(t, s.MarkPushed(ctx, []PushResult{{Seq: pend[0].Seq, ChangeID: pend[0].ChangeID, Status: StateAcked}}))
	rs, _ = s.RefusedChanges(ctx)
	if len(rs) != 1 || rs[0].RecordID != "a1" {
		t.Fatalf("after the accepted retry: %+v", rs)
	}

	// Discard: the list empties, a full resync restores the server's name.
	must(t, s.DiscardRefused(ctx, "area", "a1"))
	if rs, _ := s.RefusedChanges(ctx); len(rs) != 0 {
		t.Fatalf("after the discard: %+v", rs)
	}
	if st, _ := s.SyncStatus(ctx); !st.Resyncing || st.Refused != 0 {
		t.Fatalf("status after the discard: %+v", st)
	}
	if cur, _ := s.SyncCursor(ctx); cur != "" {
		t.Errorf("the resync starts from the beginning, cursor %q", cur)
	}
	must(t, s.ApplyPull(ctx, PullPage{Done: true, Records: []Record{serverRecord("area", "a1", c1, map[string]any{"name": "Tiểu khu 1"}),
		serverRecord("area", created.ID, c1, map[string]any{"name": "Tiểu khu mới (đã sửa)"})}}))
	as, _ := s.ListAreas(ctx)
	names := map[string]string{}
	for _, a := range as {
		names[a.ID] = a.Name
	}
	if names["a1"] != "Tiểu khu 1" || len(names) != 2 {
		t.Errorf("after the resync: %v", names)
	}

	// A creation refused and discarded is swept: the server never had it.
	lost, err := s.SaveArea(ctx, domain.Area{Name: "Không được nhận"})
	must(t, err)
	refuse()
	must(t, s.DiscardRefused(ctx, "area", lost.ID))
	must(t, s.ApplyPull(ctx, PullPage{Done: true, Records: []Record{serverRecord("area", "a1", c1, map[string]any{"name": "Tiểu khu 1"})}}))
	as, _ = s.ListAreas(ctx)
	for _, a := range as {
		if a.ID == lost.ID {
			t.Errorf("a discarded creation is still here")
		}
	}
}
