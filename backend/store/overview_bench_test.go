package store

import (
	"context"
	"fmt"
	"testing"

	"chibo/backend/domain"
)

// BenchmarkRoundOverview500 reads the overview of a month with 500 visits, half reported.
func BenchmarkRoundOverview500(b *testing.B) {
	ctx := context.Background()
	st, err := Open(b.TempDir() + "/x.db")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	c, _ := st.SaveCommune(ctx, domain.Commune{Name: "X", Kind: domain.CommuneXa})
	d, _ := st.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: "H"})
	com, _ := st.SaveUnit(ctx, domain.Unit{Kind: domain.KindGrassrootsCommittee, ParentID: d.ID, Name: "Đ", CommuneID: c.ID})
	o, err := st.SaveOfficial(ctx, domain.Official{Name: "Đinh Văn Hùng", Role: domain.RoleStandingBoard, Active: true})
	if err != nil {
		b.Fatal(err)
	}
	var xs []domain.Schedule
	for i := 0; i < 500; i++ {
		u, err := st.SaveUnit(ctx, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: com.ID, Name: fmt.Sprint("C", i)})
		if err != nil {
			b.Fatal(err)
		}
		xs = append(xs, domain.Schedule{CellID: u.ID, Date: fmt.Sprintf("2018-06-%02d", 1+i%28), StartTime: "07:30", Place: "x"})
	}
	if xs, err = st.SaveSchedules(ctx, xs); err != nil {
		b.Fatal(err)
	}
	if _, err := st.PublishMonth(ctx, c.ID, "2018-06"); err != nil {
		b.Fatal(err)
	}
	for i, x := range xs {
		res, err := st.PlanVisit(ctx, x.ID, o.ID, "")
		if err != nil {
			b.Fatal(err)
		}
		if i%2 == 0 {
			f, _ := st.OpenReportForm(ctx, res.Visit.ID, "")
			for k, v := range map[string]any{"endTime": "10:00", "membersTotal": 1, "membersFull": 1, "membersProbationary": 0,
				"membersExempted": 0, "present": 1, "absentExcused": 0, "absentUnexcused": 0, "chair": "A", "secretary": "B",
				"quality": "Tốt", "feedback": "Tốt", "signer": "A"} {
				f.Draft.Values[k] = v
			}
			if _, err := st.SaveReportDraft(ctx, f.Draft); err != nil {
				b.Fatal(err)
			}
			if _, err := st.SubmitReport(ctx, res.Visit.ID, "", ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		ov, err := st.RoundOverview(ctx, "2018-06")
		if err != nil || ov.Total.Planned != 500 || ov.Total.Reported != 250 {
			b.Fatalf("%+v %v", ov.Total, err)
		}
	}
}
