package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/hlc"
)

func outboxRows(t *testing.T, st *Store, recordID string) []Change {
	t.Helper()
	rows, err := st.db.Query(`SELECT seq, change_id, kind, record_id, op, fields, hlc FROM outbox WHERE record_id = ? ORDER BY seq`, recordID)
	must(t, err)
	defer rows.Close()
	var cs []Change
	for rows.Next() {
		var c Change
		var fields string
		must(t, rows.Scan(&c.Seq, &c.ChangeID, &c.Kind, &c.RecordID, &c.Op, &fields, &c.HLC))
		c.Fields = json.RawMessage(fields)
		cs = append(cs, c)
	}
	return cs
}

func TestChangeLogHoldsOnlyChangedFieldsInTheSameTransaction(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	before := outboxRows(t, st, f.cell)
	if len(before) != 1 || before[0].Op != OpUpsert || before[0].Kind != "unit" {
		t.Fatalf("creating a cell logged %+v, want one upsert", before)
	}
	cell, err := st.GetUnit(ctx, f.cell)
	must(t, err)
	cell.Members = 21
	_, err = st.SaveUnit(ctx, cell)
	must(t, err)
	after := outboxRows(t, st, f.cell)
	if len(after) != 2 {
		t.Fatalf("one edit logged %d rows, want 1 more", len(after)-len(before))
	}
	var fields map[string]any
	must(t, json.Unmarshal(after[1].Fields, &fields))
	if !reflect.DeepEqual(fields, map[string]any{"members": float64(21)}) {
		t.Errorf("logged fields = %v, want only members", fields)
	}
	if after[1].HLC <= after[0].HLC {
		t.Errorf("second change's HLC %s not after first %s", after[1].HLC, after[0].HLC)
	}
	// Saving without a change logs nothing.
	_, err = st.SaveUnit(ctx, cell)
	must(t, err)
	if n := len(outboxRows(t, st, f.cell)); n != 2 {
		t.Errorf("a no-op save logged a change (%d rows)", n)
	}
}

func TestFailedMultiRowWriteLeavesNoTrace(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	// Merging a committee whose cell names clash with the target's fails after the first
	// cell was already moved inside the transaction: everything must roll back.
	other := mustUnit(t, st, domain.Unit{Kind: domain.KindGrassrootsCommittee, ParentID: f.district, Name: "Đảng bộ xã Kim Định"})
	mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: other.ID, Name: "Chi bộ Xóm 1"})
	mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 7"})
	units := countRows(t, st, "SELECT count(*) FROM units WHERE parent_id = ?", other.ID)
	log := countRows(t, st, "SELECT count(*) FROM outbox")
	if _, err := st.MergeUnit(ctx, f.committee, other.ID); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("merge with clashing names: %v, want invalid", err)
	}
	if got := countRows(t, st, "SELECT count(*) FROM units WHERE parent_id = ?", other.ID); got != units {
		t.Errorf("target has %d cells after a failed merge, want %d", got, units)
	}
	if got := countRows(t, st, "SELECT count(*) FROM outbox"); got != log {
		t.Errorf("change log grew by %d after a failed merge", got-log)
	}
}

func TestChangesStayOrderedWhenTheWallClockJumpsBack(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	wall := time.Now()
	st.SetClock(func() time.Time { return wall })
	cell, err := st.GetUnit(ctx, f.cell)
	must(t, err)
	for i, jump := range []time.Duration{0, -time.Hour, -48 * time.Hour, time.Minute, -time.Second} {
		wall = wall.Add(jump)
		cell.Members = 30 + i
		_, err := st.SaveUnit(ctx, cell)
		must(t, err)
	}
	rows := outboxRows(t, st, f.cell)
	for i := 1; i < len(rows); i++ {
		if rows[i].HLC <= rows[i-1].HLC {
			t.Fatalf("change %d HLC %s not after %s", i, rows[i].HLC, rows[i-1].HLC)
		}
	}
}

func TestSyncStateFollowsTheChangeLog(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	u, err := st.GetUnit(ctx, f.cell)
	must(t, err)
	if u.SyncState != domain.SyncLocal {
		t.Errorf("new unit state = %q, want local", u.SyncState)
	}
	_, err = st.db.Exec(`UPDATE outbox SET state = 'acked' WHERE record_id = ?`, f.cell)
	must(t, err)
	if u, _ = st.GetUnit(ctx, f.cell); u.SyncState != domain.SyncSent {
		t.Errorf("acked unit state = %q, want sent", u.SyncState)
	}
	_, err = st.db.Exec(`UPDATE outbox SET state = 'refused', reason = 'ngoài phạm vi' WHERE record_id = ?`, f.cell)
	must(t, err)
	if u, _ = st.GetUnit(ctx, f.cell); u.SyncState != domain.SyncRefused || u.SyncReason != "ngoài phạm vi" {
		t.Errorf("refused unit state = %q (%q), want refused with reason", u.SyncState, u.SyncReason)
	}
}

// TestMergeConvergesInAnyOrder applies the same set of record versions, with duplicates,
// in many random orders to fresh stores: every store must end in the same state.
func TestMergeConvergesInAnyOrder(t *testing.T) {
	id := NewID()
	ts := func(wall int64, node string) string { return hlc.Timestamp{Wall: wall, Node: node}.String() }
	raw := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	versions := []Record{
		{Kind: "area", ID: id, HLC: ts(100, "a"), Fields: map[string]json.RawMessage{"name": raw("Tiểu khu A")}, FieldHLC: map[string]string{"name": ts(100, "a")}},
		{Kind: "area", ID: id, HLC: ts(300, "b"), Fields: map[string]json.RawMessage{"name": raw("Tiểu khu B")}, FieldHLC: map[string]string{"name": ts(300, "b")}},
		{Kind: "area", ID: id, HLC: ts(300, "c"), Fields: map[string]json.RawMessage{"name": raw("Tiểu khu C"), "futureField": raw(42)}, FieldHLC: map[string]string{"name": ts(300, "c"), "futureField": ts(300, "c")}},
		{Kind: "area", ID: id, HLC: ts(200, "a"), Fields: map[string]json.RawMessage{"name": raw("Tiểu khu A2")}, FieldHLC: map[string]string{"name": ts(200, "a")}},
	}
	var want Record
	for trial := 0; trial < 20; trial++ {
		st, _ := newTestStore(t)
		order := append([]Record{}, versions...)
		order = append(order, versions[rand.IntN(len(versions))]) // a duplicate delivery
		rand.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		must(t, st.write(context.Background(), func(tx *sql.Tx) error {
			for _, r := range order {
				if err := st.mergeRecord(tx, r); err != nil {
					return err
				}
			}
			return nil
		}))
		var got Record
		must(t, st.write(context.Background(), func(tx *sql.Tx) error {
			var err error
			got, _, err = recordState(tx, "area", id)
			return err
		}))
		if trial == 0 {
			want = got
			if string(got.Fields["name"]) != `"Tiểu khu C"` || string(got.Fields["futureField"]) != "42" {
				t.Fatalf("winner = %s (future %s), want Tiểu khu C (greatest HLC, node tie-break) and the unknown field kept", got.Fields["name"], got.Fields["futureField"])
			}
		} else if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d diverged:\n got %+v\nwant %+v", trial, got, want)
		}
	}
}

func TestTombstoneIsFinal(t *testing.T) {
	st, _ := newTestStore(t)
	ctx := context.Background()
	a, err := st.SaveArea(ctx, domain.Area{Name: "Tiểu khu 9"})
	must(t, err)
	must(t, st.write(ctx, func(tx *sql.Tx) error { return st.deleteRecord(tx, kindArea, a.ID) }))
	late := Record{Kind: "area", ID: a.ID, HLC: hlc.Timestamp{Wall: time.Now().Add(time.Hour).UnixMilli(), Node: "z"}.String(),
		Fields: map[string]json.RawMessage{"name": json.RawMessage(`"Sống lại"`)}}
	must(t, st.write(ctx, func(tx *sql.Tx) error { return st.mergeRecord(tx, late) }))
	areas, err := st.ListAreas(ctx)
	must(t, err)
	if len(areas) != 0 {
		t.Errorf("a later update brought a deleted area back: %+v", areas)
	}
	if _, err := st.SaveArea(ctx, a); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("local edit of a deleted area: %v, want not_found", err)
	}
}

func TestOnLocalChangeFiresAfterLoggedWritesOnly(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	calls := 0
	st.OnLocalChange(func() { calls++ })
	cell, err := st.GetUnit(ctx, f.cell)
	must(t, err)
	cell.Members = 40
	_, err = st.SaveUnit(ctx, cell)
	must(t, err)
	if calls != 1 {
		t.Fatalf("calls after a logged write = %d, want 1", calls)
	}
	_, err = st.SaveUnit(ctx, cell) // nothing changed: nothing logged
	must(t, err)
	cell.Religious = 99 // refused: rolled back
	if _, err := st.SaveUnit(ctx, cell); err == nil {
		t.Fatal("want a refusal")
	}
	must(t, st.ImportSnapshot(ctx, Snapshot{HLC: "000000000000001:00000000:x", Areas: []domain.Area{{ID: NewID(), Name: "Từ máy chủ"}}}))
	if calls != 1 {
		t.Errorf("calls = %d after no-op, refused and merged writes, want still 1", calls)
	}
}
