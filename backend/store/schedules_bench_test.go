package store

import (
	"context"
	"fmt"
	"testing"

	"chibo/backend/domain"
)

// BenchmarkSaveMonthGrid saves a 500-cell grid whose every row changed, in one transaction.
func BenchmarkSaveMonthGrid(b *testing.B) {
	ctx := context.Background()
	st, err := Open(b.TempDir() + "/x.db")
	if err != nil {
		b.Fatal(err)
	}
	c, _ := st.SaveCommune(ctx, domain.Commune{Name: "X", Kind: domain.CommuneXa})
	d, _ := st.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: "H"})
	com, _ := st.SaveUnit(ctx, domain.Unit{Kind: domain.KindGrassrootsCommittee, ParentID: d.ID, Name: "Đ", CommuneID: c.ID})
	var xs []domain.Schedule
	for i := 0; i < 500; i++ {
		u, err := st.SaveUnit(ctx, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: com.ID, Name: fmt.Sprint("C", i)})
		if err != nil {
			b.Fatal(err)
		}
		xs = append(xs, domain.Schedule{CellID: u.ID, Date: "2018-06-05", StartTime: "07:30", Place: "x"})
	}
	xs, err = st.SaveSchedules(ctx, xs)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	b.ResetTimer()
	for b.Loop() {
		n++
		for i := range xs {
			xs[i].Place = fmt.Sprint("p", n)
		}
		if _, err := st.SaveSchedules(ctx, xs); err != nil {
			b.Fatal(err)
		}
	}
}
