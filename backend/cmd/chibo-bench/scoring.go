package main

import (
	"context"
	"fmt"
	"testing"

	"chibo/backend/demo"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// scoringBenchmarks measures the monthly-scoring views over the Kim Sơn demo with a year
// of sheets (76 organizations × 12 months, each a self-assessment and an approved review):
// the month's ranking, one organization's twelve-month chart and the year-end table, each
// against a bare scan of the sheets and reviews tables in the same run (the cost of
// reading the data at all).
func scoringBenchmarks(dir string) []Result {
	ctx := context.Background()
	st := scoredDistrict(dir, "scoring.db")
	defer st.Close()
	sheets := demo.ScoringYear(2018)
	scan := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			rawScan(b, st, `SELECT id, unit_id, month, criteria_set_id, self, submitted, locked FROM score_sheets WHERE deleted = 0`, 7)
			rawScan(b, st, `SELECT id, sheet_id, verified, approved FROM score_reviews WHERE deleted = 0`, 4)
		}
	})
	var rep domain.MonthReport
	var err error
	ranking := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if rep, err = st.MonthReport(ctx, "2018-06"); err != nil {
				b.Fatal(err)
			}
		}
	})
	if len(rep.Rows) != demo.GrassrootsCommittees+demo.GrassrootsCells || rep.Rows[0].Rank != 1 {
		fail(fmt.Errorf("month ranking: %d rows", len(rep.Rows)))
	}
	unit := sheets[0].UnitID
	chart := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := st.UnitYear(ctx, unit, 2018); err != nil {
				b.Fatal(err)
			}
		}
	})
	year := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := st.YearReport(ctx, 2018); err != nil {
				b.Fatal(err)
			}
		}
	})
	base := ms(scan)
	return []Result{
		{Name: "score_sheets_raw_scan_ms", Value: base, Unit: "ms"},
		{Name: "scoring_month_ranking_ms", Value: ms(ranking), Unit: "ms", Baseline: base, Target: "< 100 ms"},
		{Name: "scoring_unit_12_month_chart_ms", Value: ms(chart), Unit: "ms", Baseline: base, Target: "< 100 ms"},
		{Name: "scoring_year_classification_ms", Value: ms(year), Unit: "ms", Baseline: base},
	}
}

// rawScan reads every row of q into throwaway values: the floor any view must pay.
func rawScan(b *testing.B, st *store.Store, q string, cols int) {
	rows, err := st.DB().Query(q)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	dest := make([]any, cols)
	for i := range dest {
		dest[i] = new(any)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			b.Fatal(err)
		}
	}
}
