package store_test

import (
	"context"
	"testing"

	"chibo/backend/demo"
	"chibo/backend/store"
)

// scoringDB opens the Kim Sơn demo with the example set and a year of sheets: 76
// organizations × 12 months, each self-assessed, verified and approved.
func scoringDB(b *testing.B) *store.Store {
	b.Helper()
	st, err := store.Open(demoDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if _, err := st.LoadExampleCriteriaSet(ctx, ""); err != nil {
		b.Fatal(err)
	}
	if err := st.ImportScoreSheets(ctx, demo.ScoringHLC, demo.ScoringYear(2018)); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkScoringRawScan reads the year's sheets and reviews and nothing more: the floor
// the views below are compared with (target of both views: under 100 ms).
func BenchmarkScoringRawScan(b *testing.B) {
	st := scoringDB(b)
	for b.Loop() {
		for _, q := range []string{`SELECT id, unit_id, month, criteria_set_id, self, submitted, locked FROM score_sheets WHERE deleted = 0`,
			`SELECT id, sheet_id, verified, approved FROM score_reviews WHERE deleted = 0`} {
			rows, err := st.DB().Query(q)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
		}
	}
}

// BenchmarkScoringMonthRanking ranks the 76 organizations for one month.
func BenchmarkScoringMonthRanking(b *testing.B) {
	st := scoringDB(b)
	for b.Loop() {
		if rep, err := st.MonthReport(context.Background(), "2018-06"); err != nil || len(rep.Rows) != 76 {
			b.Fatal(len(rep.Rows), err)
		}
	}
}

// BenchmarkScoringUnitChart is one organization's twelve-month chart.
func BenchmarkScoringUnitChart(b *testing.B) {
	st := scoringDB(b)
	unit := demo.ScoringYear(2018)[0].UnitID
	for b.Loop() {
		if _, err := st.UnitYear(context.Background(), unit, 2018); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoringYearReport is the year-end table over 912 approved sheets.
func BenchmarkScoringYearReport(b *testing.B) {
	st := scoringDB(b)
	for b.Loop() {
		if _, err := st.YearReport(context.Background(), 2018); err != nil {
			b.Fatal(err)
		}
	}
}
