package store

import (
	"context"
	"strings"
	"testing"

	"chibo/backend/domain"
)

// visitFixture extends the test registry with a second cell, a second commune with a cell,
// and officials of each role that attends.
type visitFixture struct {
	fixture
	cell2, otherCommune, otherCell string
	board, cadre, otherCadre       string
}

func newVisitStore(t *testing.T) (*Store, visitFixture) {
	t.Helper()
	st, f := newTestStore(t)
	ctx := context.Background()
	vf := visitFixture{fixture: f}
	vf.cell2 = mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Xóm 2", Members: 12}).ID
	c2, err := st.SaveCommune(ctx, domain.Commune{Name: "Kim Chính", Kind: domain.CommuneXa})
	must(t, err)
	vf.otherCommune = c2.ID
	com2 := mustUnit(t, st, domain.Unit{Kind: domain.KindGrassrootsCommittee, ParentID: f.district, Name: "Đảng bộ xã Kim Chính", CommuneID: c2.ID})
	vf.otherCell = mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: com2.ID, Name: "Chi bộ Xóm 5", Members: 15}).ID
	off := func(name string, role domain.Role, commune string) string {
		o, err := st.SaveOfficial(ctx, domain.Official{Name: name, Role: role, CommuneID: commune, Active: true})
		must(t, err)
		return o.ID
	}
	vf.board = off("Đinh Văn Hùng", domain.RoleStandingBoard, "")
	vf.cadre = off("Trần Thị Lan", domain.RoleDistrictCadre, f.commune)
	vf.otherCadre = off("Phạm Quang Sơn", domain.RoleDistrictCadre, c2.ID)
	return st, vf
}

func sched(cell, date string) domain.Schedule {
	return domain.Schedule{CellID: cell, Date: date, StartTime: "07:30", Place: "Nhà văn hóa"}
}

// publishedSchedule saves and publishes one meeting.
func publishedSchedule(t *testing.T, st *Store, cell, date string) domain.Schedule {
	t.Helper()
	ctx := context.Background()
	xs, err := st.SaveSchedules(ctx, []domain.Schedule{sched(cell, date)})
	must(t, err)
	if _, err := st.PublishMonth(ctx, xs[0].CommuneID, xs[0].Month); err != nil {
		t.Fatal(err)
	}
	x, err := st.GetSchedule(ctx, xs[0].ID)
	must(t, err)
	return x
}

func TestScheduleRulesInTheStore(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	if _, err := st.SaveSchedules(ctx, []domain.Schedule{sched(f.cell, "2018-06-05")}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		batch []domain.Schedule
		field string
		msg   string
	}{
		{"second regular meeting of the month", []domain.Schedule{sched(f.cell, "2018-06-20")}, "0.kind", "Chi bộ Xóm 1: Chi bộ “Chi bộ Xóm 1” đã có lịch sinh hoạt thường kỳ trong tháng 06/2018"},
		{"two regular meetings in one batch", []domain.Schedule{sched(f.cell2, "2018-06-05"), sched(f.cell2, "2018-06-06")}, "1.kind", "mỗi tháng chỉ một buổi"},
		{"date outside the month", []domain.Schedule{{CellID: f.cell2, Month: "2018-06", Date: "2018-07-01", StartTime: "07:30", Place: "x"}}, "0.date", "không thuộc tháng 06/2018"},
		{"no place in the second row", []domain.Schedule{sched(f.cell2, "2018-06-05"), {CellID: f.otherCell, Date: "2018-06-05", StartTime: "08:00"}}, "1.place", "Chưa nhập địa điểm"},
		{"no time", []domain.Schedule{{CellID: f.cell2, Date: "2018-06-05", Place: "x"}}, "0.startTime", "giờ bắt đầu"},
		{"not a cell", []domain.Schedule{sched(f.committee, "2018-06-05")}, "0.cellId", "Không tìm thấy chi bộ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := countRows(t, st, `SELECT count(*) FROM schedules`)
			outbox := countRows(t, st, `SELECT count(*) FROM outbox`)
			_, err := st.SaveSchedules(ctx, tc.batch)
			e, ok := err.(*domain.Error)
			if !ok || e.Field != tc.field || !strings.Contains(e.Message, tc.msg) {
				t.Fatalf("got %#v, want %s %q", err, tc.field, tc.msg)
			}
			if got := countRows(t, st, `SELECT count(*) FROM schedules`); got != before {
				t.Errorf("half-saved: %d schedules, want %d", got, before)
			}
			if got := countRows(t, st, `SELECT count(*) FROM outbox`); got != outbox {
				t.Errorf("half-logged: %d changes, want %d", got, outbox)
			}
		})
	}
	t.Run("a thematic meeting besides the regular one", func(t *testing.T) {
		x := sched(f.cell, "2018-06-20")
		x.Kind = domain.MeetingThematic
		if _, err := st.SaveSchedules(ctx, []domain.Schedule{x}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestPublishAndChangesAfterPublishing(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	xs, err := st.SaveSchedules(ctx, []domain.Schedule{sched(f.cell, "2018-06-05"), sched(f.cell2, "2018-06-06")})
	must(t, err)
	if xs[0].CommuneID != f.commune || xs[0].Month != "2018-06" || xs[0].Status != domain.ScheduleDraft {
		t.Fatalf("got %+v", xs[0])
	}
	n, err := st.PublishMonth(ctx, f.commune, "2018-06")
	if err != nil || n != 2 {
		t.Fatalf("published %d, %v", n, err)
	}
	if _, err := st.PublishMonth(ctx, f.commune, "2018-06"); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("publishing nothing: got %v", err)
	}
	x, _ := st.GetSchedule(ctx, xs[0].ID)
	if x.Status != domain.SchedulePublished || x.ChangedAfterPublish {
		t.Fatalf("after publish: %+v", x)
	}
	x.Note = "Mời đại biểu"
	x.Status = domain.ScheduleDraft // cannot be unpublished
	got, err := st.SaveSchedules(ctx, []domain.Schedule{x})
	must(t, err)
	if got[0].Status != domain.SchedulePublished || got[0].ChangedAfterPublish {
		t.Fatalf("a note is not news: %+v", got[0])
	}
	x = got[0]
	x.Place = "Trụ sở Đảng ủy"
	got, err = st.SaveSchedules(ctx, []domain.Schedule{x})
	must(t, err)
	if !got[0].ChangedAfterPublish {
		t.Fatal("new place after publishing is not flagged")
	}
	if err := st.DeleteSchedule(ctx, xs[1].ID); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("deleting a published schedule: got %v", err)
	}
	c, err := st.CancelSchedule(ctx, xs[1].ID)
	must(t, err)
	if c.Status != domain.ScheduleCancelled || !c.ChangedAfterPublish {
		t.Fatalf("cancel: %+v", c)
	}
	// A cancelled meeting frees the month for a new regular one.
	if _, err := st.SaveSchedules(ctx, []domain.Schedule{sched(f.cell2, "2018-06-12")}); err != nil {
		t.Fatal(err)
	}
}

func TestMonthGridAndCopyLastMonth(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	may := sched(f.cell, "2018-05-31")
	may.Place = "Nhà văn hóa xóm 1"
	may.StartTime = "14:00"
	_, err := st.SaveSchedules(ctx, []domain.Schedule{may, sched(f.cell2, "2018-05-10")})
	must(t, err)
	g, err := st.MonthGrid(ctx, f.commune, "2018-06")
	must(t, err)
	if len(g.Rows) != 2 || g.Coverage != (domain.Coverage{Cells: 2, Missing: 2}) {
		t.Fatalf("empty June: %d rows, %+v", len(g.Rows), g.Coverage)
	}
	// Xóm 2 already has its June meeting: it keeps it and gets no copy.
	_, err = st.SaveSchedules(ctx, []domain.Schedule{sched(f.cell2, "2018-06-15")})
	must(t, err)
	g, err = st.CopyLastMonth(ctx, f.commune, "2018-06")
	must(t, err)
	if g.Coverage != (domain.Coverage{Cells: 2, Scheduled: 2}) {
		t.Fatalf("coverage after copy: %+v", g.Coverage)
	}
	for _, r := range g.Rows {
		if len(r.Schedules) != 1 {
			t.Fatalf("%s: %d schedules", r.CellName, len(r.Schedules))
		}
		x := r.Schedules[0]
		switch r.CellID {
		case f.cell:
			if x.Date != "2018-06-30" || x.StartTime != "14:00" || x.Place != "Nhà văn hóa xóm 1" || x.Status != domain.ScheduleDraft {
				t.Errorf("copied: %+v", x)
			}
		case f.cell2:
			if x.Date != "2018-06-15" {
				t.Errorf("overwritten: %+v", x)
			}
		}
	}
	// Copying again adds nothing, and says so instead of reporting a copy.
	_, err = st.CopyLastMonth(ctx, f.commune, "2018-06")
	if e, ok := err.(*domain.Error); !ok || !strings.Contains(e.Message, "Không có gì để chép") {
		t.Fatalf("copy twice: %v, want “nothing to copy”", err)
	}
	if n := countRows(t, st, `SELECT count(*) FROM schedules WHERE month = '2018-06'`); n != 2 {
		t.Fatalf("copy twice: %d schedules", n)
	}
	// A previous month without meetings: nothing copied, and said so.
	if _, err := st.CopyLastMonth(ctx, f.commune, "2018-09"); err == nil || !strings.Contains(err.(*domain.Error).Message, "chưa có lịch sinh hoạt nào để chép") {
		t.Fatalf("copy from an empty month: %v", err)
	}
	all, err := st.MonthGrid(ctx, "", "2018-06")
	must(t, err)
	if all.Coverage.Cells != 3 || all.Coverage.Missing != 1 {
		t.Fatalf("district grid: %+v", all.Coverage)
	}
	if _, err := st.MonthGrid(ctx, f.commune, "06/2018"); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("bad month: %v", err)
	}
}
