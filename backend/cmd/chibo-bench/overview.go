package main

import (
	"context"
	"fmt"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/store"
)

// overviewBenchmarks measures the leadership's overview (issue 11) on a district with a
// year of data: Kim Sơn's 76 organizations scored for 12 months, 5,000 visits (half
// reported), 2,000 urgent matters and 300 dialogue issues; the year's overview and one
// month's, the periodic report and a commune's page, against bare scans of the same
// tables in the same run.
func overviewBenchmarks(dir string, quick bool) []Result {
	ctx := context.Background()
	st := scoredDistrict(dir, "overview.db")
	defer st.Close()
	visits := 5000
	if quick {
		visits = 1200
	}
	for m := 1; m <= 12; m++ {
		planMonth(ctx, st, fmt.Sprintf("2018-%02d", m), visits/12)
	}
	cells := memberCells(ctx, st)
	tracker, rawTracker, nMatters := matterBenchmarks(ctx, st, cells)
	year := domain.Period{Kind: domain.PeriodYear, Year: 2018}
	timeOf := func(f func() error) testing.BenchmarkResult {
		return testing.Benchmark(func(b *testing.B) {
			for b.Loop() {
				if err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	var ov domain.Overview
	yearRun := timeOf(func() (err error) { ov, err = st.Overview(ctx, year); return })
	monthRun := timeOf(func() error {
		_, err := st.Overview(ctx, domain.Period{Kind: domain.PeriodMonth, Year: 2018, N: 6})
		return err
	})
	communes, _ := st.ListCommunes(ctx)
	page := timeOf(func() error { _, err := st.CommunePage(ctx, communes[0].ID, "2018-06"); return err })
	raw := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			rawScan(b, st, `SELECT id, commune_id, official_id, status, date FROM visits WHERE deleted = 0`, 5)
			rawScan(b, st, `SELECT id, visit_id, values_json FROM visit_reports WHERE deleted = 0`, 3)
			rawScan(b, st, `SELECT id, unit_id, month, criteria_set_id, self, submitted, locked FROM score_sheets WHERE deleted = 0 AND month = '2018-12'`, 7)
			rawScan(b, st, `SELECT id, source, unit_id, commune_id, title, lead, deadline, state FROM matters WHERE deleted = 0 AND year = 2018`, 8)
			rawScan(b, st, `SELECT id, commune_id, kind, date FROM dialogues WHERE deleted = 0`, 4)
		}
	})
	return []Result{
		{Name: "overview_year_ms", Value: ms(yearRun), Unit: "ms", Baseline: ms(raw), Target: "< 200 ms",
			Note: fmt.Sprintf("a year: %d visits planned (%d reported), 76 organizations × 12 score sheets, %d matters", ov.Visits.Planned, ov.Visits.Reported, nMatters)},
		{Name: "overview_month_ms", Value: ms(monthRun), Unit: "ms", Baseline: ms(raw), Target: "< 200 ms", Note: "one month of the same data"},
		{Name: "tracker_year_list_ms", Value: ms(tracker), Unit: "ms", Baseline: ms(rawTracker), Target: "< 50 ms",
			Note: "the same year: one source, overdue only"},
		{Name: "commune_page_ms", Value: ms(page), Unit: "ms", Baseline: ms(raw), Target: "< 200 ms", Note: "one commune's page for a month"},
	}
}

// planMonth registers and publishes the month's meetings of every cell and plans n
// visits by the board, half of them reported.
func planMonth(ctx context.Context, st *store.Store, month string, n int) {
	g, err := st.MonthGrid(ctx, "", month)
	if err != nil {
		fail(err)
	}
	xs := make([]domain.Schedule, len(g.Rows))
	for i, r := range g.Rows {
		xs[i] = domain.Schedule{CellID: r.CellID, Date: fmt.Sprintf("%s-%02d", month, 1+i%28), StartTime: "07:30", Place: "Nhà văn hóa"}
	}
	if xs, err = st.SaveSchedules(ctx, xs); err != nil {
		fail(err)
	}
	communes := map[string]bool{}
	for _, x := range xs {
		communes[x.CommuneID] = true
	}
	for c := range communes {
		if _, err := st.PublishMonth(ctx, c, month); err != nil {
			fail(err)
		}
	}
	board := boardOfficials(ctx, st)
	for i := 0; i < n && i < len(xs); i++ {
		res, err := st.PlanVisit(ctx, xs[i].ID, board[i%len(board)], "")
		if err != nil {
			fail(err)
		}
		if i%2 == 0 {
			submitSample(ctx, st, res.Visit.ID)
		}
	}
}
