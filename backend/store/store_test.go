package store

import (
	"context"
	"path/filepath"
	"testing"

	"chibo/backend/domain"
)

// newTestStore opens a fresh store file with a small registry: a district committee, one
// commune with its committee and one cell.
func newTestStore(t *testing.T) (*Store, fixture) {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "chibo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	var f fixture
	commune, err := st.SaveCommune(ctx, domain.Commune{Name: "Đồng Hướng", Kind: domain.CommuneXa})
	must(t, err)
	f.commune = commune.ID
	f.district = mustUnit(t, st, domain.Unit{Kind: domain.KindSupervising, Name: "Đảng bộ huyện Kim Sơn"}).ID
	f.committee = mustUnit(t, st, domain.Unit{Kind: domain.KindGrassrootsCommittee, ParentID: f.district, Name: "Đảng bộ xã Đồng Hướng", CommuneID: commune.ID}).ID
	f.cell = mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 1", Members: 20, Religious: 5}).ID
	return st, f
}

type fixture struct{ commune, district, committee, cell string }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func mustUnit(t *testing.T, st *Store, u domain.Unit) domain.Unit {
	t.Helper()
	got, err := st.SaveUnit(context.Background(), u)
	if err != nil {
		t.Fatalf("SaveUnit(%q): %v", u.Name, err)
	}
	return got
}

func countRows(t *testing.T, st *Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := st.db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenSetsPragmasAndMigrates(t *testing.T) {
	st, _ := newTestStore(t)
	var mode string
	must(t, st.db.QueryRow("PRAGMA journal_mode").Scan(&mode))
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk int
	must(t, st.db.QueryRow("PRAGMA foreign_keys").Scan(&fk))
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
	var ok string
	must(t, st.db.QueryRow("PRAGMA integrity_check").Scan(&ok))
	if ok != "ok" {
		t.Errorf("integrity_check = %q", ok)
	}
}

func TestReopenKeepsDeviceIDAndClockMonotonic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chibo.db")
	st, err := Open(path)
	must(t, err)
	ctx := context.Background()
	_, err = st.SaveArea(ctx, domain.Area{Name: "Tiểu khu 1"})
	must(t, err)
	dev := st.DeviceID()
	last := st.clock.Last()
	st.Close()

	st2, err := Open(path)
	must(t, err)
	defer st2.Close()
	if st2.DeviceID() != dev {
		t.Errorf("device id changed on reopen: %s → %s", dev, st2.DeviceID())
	}
	if st2.clock.Now().Compare(last) <= 0 {
		t.Errorf("clock after reopen is not past %v", last)
	}
}

func TestUnitRulesRefuseBadInputAndChangeNothing(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		unit  domain.Unit
		field string
	}{
		{"empty name", domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "   "}, "name"},
		{"religious above total", domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 2", Members: 10, Religious: 12}, "religious"},
		{"probationary above total", domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 2", Members: 10, Probationary: 11}, "probationary"},
		{"negative members", domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 2", Members: -1}, "members"},
		{"duplicate name under one parent", domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "chi bộ xóm 1"}, "name"},
		{"cell under the district", domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.district, Name: "Chi bộ lạc chỗ"}, "parentId"},
		{"committee at the top", domain.Unit{Kind: domain.KindGrassrootsCommittee, Name: "Đảng bộ mồ côi"}, "parentId"},
		{"unknown parent", domain.Unit{Kind: domain.KindSubordinateCell, ParentID: NewID(), Name: "Chi bộ Xóm 3"}, "parentId"},
		{"unknown kind", domain.Unit{Kind: "club", ParentID: f.committee, Name: "Câu lạc bộ"}, "kind"},
		{"members on a committee", domain.Unit{Kind: domain.KindGrassrootsCommittee, ParentID: f.district, Name: "Đảng bộ xã Mới", Members: 5}, "members"},
		{"unknown commune", domain.Unit{Kind: domain.KindGrassrootsCommittee, ParentID: f.district, Name: "Đảng bộ xã Mới", CommuneID: NewID()}, "communeId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			unitsBefore := countRows(t, st, "SELECT count(*) FROM units")
			logBefore := countRows(t, st, "SELECT count(*) FROM outbox")
			_, err := st.SaveUnit(ctx, tt.unit)
			var de *domain.Error
			if err == nil {
				t.Fatal("saved; want a refusal")
			} else if !asDomain(err, &de) || de.Code != domain.EInvalid || de.Field != tt.field {
				t.Fatalf("error = %#v, want code invalid on field %q", err, tt.field)
			}
			if de.Message == "" || de.MessageEN == "" {
				t.Errorf("missing message: %#v", de)
			}
			if got := countRows(t, st, "SELECT count(*) FROM units"); got != unitsBefore {
				t.Errorf("units %d → %d after a refused save", unitsBefore, got)
			}
			if got := countRows(t, st, "SELECT count(*) FROM outbox"); got != logBefore {
				t.Errorf("change log %d → %d after a refused save", logBefore, got)
			}
		})
	}
}

func TestReligiousAboveTotalMessageIsVietnamese(t *testing.T) {
	st, f := newTestStore(t)
	_, err := st.SaveUnit(context.Background(), domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 2", Members: 10, Religious: 12})
	want := "Số đảng viên là người có đạo (12) không được lớn hơn tổng số đảng viên (10)."
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	if _, _, en := domain.Localize(err, "en"); en != "Religious members (12) must not exceed the total (10)." {
		t.Errorf("English message = %q", en)
	}
}

func TestMoveRefusesCycles(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	sub := mustUnit(t, st, domain.Unit{Kind: domain.KindSupervising, ParentID: f.district, Name: "Cấp ủy con"})
	for _, tt := range []struct{ name, id, parent string }{
		{"under itself", f.district, f.district},
		{"under its own child", f.district, sub.ID},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := st.MoveUnit(ctx, tt.id, tt.parent); domain.ErrorCode(err) != domain.EInvalid {
				t.Errorf("MoveUnit = %v, want invalid", err)
			}
		})
	}
	got, err := st.GetUnit(ctx, f.district)
	must(t, err)
	if got.ParentID != "" {
		t.Errorf("district moved to %q after refused moves", got.ParentID)
	}
}

func TestMoveCommitteeCarriesItsCellsToTheNewCommune(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	other, err := st.SaveCommune(ctx, domain.Commune{Name: "Kim Định", Kind: domain.CommuneXa})
	must(t, err)
	c, err := st.GetUnit(ctx, f.committee)
	must(t, err)
	c.CommuneID = other.ID
	_, err = st.SaveUnit(ctx, c)
	must(t, err)
	_, err = st.MoveUnit(ctx, f.committee, f.district) // re-saving refreshes the cells' commune
	must(t, err)
	cell, err := st.GetUnit(ctx, f.cell)
	must(t, err)
	if cell.CommuneID != other.ID {
		t.Errorf("cell commune = %q, want %q", cell.CommuneID, other.ID)
	}
}

func TestCloseAndMergeKeepHistory(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	if _, err := st.CloseUnit(ctx, f.committee, "2025-07-01"); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("closing a committee with active cells: %v, want invalid", err)
	}
	c2 := mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 2", Members: 15, Religious: 1, Probationary: 2})
	merged, err := st.MergeUnit(ctx, c2.ID, f.cell)
	must(t, err)
	if merged.Status != domain.StatusMerged || merged.MergedIntoID != f.cell {
		t.Errorf("merged = %+v", merged)
	}
	target, err := st.GetUnit(ctx, f.cell)
	must(t, err)
	if target.Members != 35 || target.Religious != 6 || target.Probationary != 2 {
		t.Errorf("target counts = %d/%d/%d, want 35/6/2", target.Members, target.Religious, target.Probationary)
	}
	stats, err := st.Stats(ctx)
	must(t, err)
	if stats.Members != 35 {
		t.Errorf("stats members = %d, want 35 (merged unit no longer counted)", stats.Members)
	}
	closed, err := st.CloseUnit(ctx, f.cell, "2025-07-01")
	must(t, err)
	if closed.Status != domain.StatusClosed || closed.ClosedOn != "2025-07-01" {
		t.Errorf("closed = %+v", closed)
	}
	all, err := st.ListUnits(ctx)
	must(t, err)
	if len(all) != 4 {
		t.Errorf("ListUnits has %d units, want 4 (closed and merged kept)", len(all))
	}
	// A closed unit's name may be reused by a new unit.
	mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 1"})
	closed.Status = domain.StatusActive
	if _, err := st.SaveUnit(ctx, closed); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("editing a closed unit back to active with a taken name: %v", err)
	}
}

func asDomain(err error, target **domain.Error) bool {
	e, ok := err.(*domain.Error)
	if ok {
		*target = e
	}
	return ok
}
