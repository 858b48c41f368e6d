package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"chibo/backend/demo"
	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// visitBenchmarks measures the field workflow over the Kim Sơn demo: the district's month
// grid (every cell: 462 subordinate and 46 grassroots cells) loaded and saved whole, the
// round overview of a month with 500 visits, and the letter and report papers. The grid's
// baselines are SQLite itself in the same run: a bare scan of the schedules and units, and
// a bare insert of as many rows in one transaction.
func visitBenchmarks(dir string) []Result {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(dir, "visits.db"))
	if err != nil {
		fail(err)
	}
	defer st.Close()
	if err := st.ImportSnapshot(ctx, demo.KimSon2018()); err != nil {
		fail(err)
	}
	g, err := st.MonthGrid(ctx, "", "2018-06")
	if err != nil {
		fail(err)
	}
	cells := len(g.Rows)
	xs := make([]domain.Schedule, cells)
	for i, r := range g.Rows {
		xs[i] = domain.Schedule{CellID: r.CellID, Date: fmt.Sprintf("2018-06-%02d", 1+i%28), StartTime: "07:30", Place: "Nhà văn hóa"}
	}
	// The first save of a month creates every row: one timed run.
	start := time.Now()
	if _, err := st.SaveSchedules(ctx, xs); err != nil {
		fail(err)
	}
	createMS := round(float64(time.Since(start).Microseconds()) / 1000)
	g, _ = st.MonthGrid(ctx, "", "2018-06")
	load := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := st.MonthGrid(ctx, "", "2018-06"); err != nil {
				b.Fatal(err)
			}
		}
	})
	rawLoad := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			rawScan(b, st, `SELECT id, name, parent_id, commune_id, members FROM units WHERE deleted = 0 AND kind IN ('subordinate_cell', 'grassroots_cell')`, 5)
			rawScan(b, st, `SELECT id, cell_id, date, start_time, place, kind, status FROM schedules WHERE month = '2018-06' AND deleted = 0`, 7)
		}
	})
	// A bulk edit of the whole grid: every row's place changes, all saved in one transaction.
	edit := make([]domain.Schedule, 0, cells)
	for _, r := range g.Rows {
		edit = append(edit, r.Schedules...)
	}
	n := 0
	save := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			n++
			for i := range edit {
				edit[i].Place = fmt.Sprintf("Nhà văn hóa %d", n)
			}
			if _, err := st.SaveSchedules(ctx, edit); err != nil {
				b.Fatal(err)
			}
		}
	})
	rawSave := testing.Benchmark(func(b *testing.B) {
		st.DB().Exec(`CREATE TABLE IF NOT EXISTS bench_rows (id TEXT PRIMARY KEY, cell_id TEXT, date TEXT, start_time TEXT, place TEXT)`)
		for b.Loop() {
			tx, err := st.DB().Begin()
			if err != nil {
				b.Fatal(err)
			}
			tx.Exec(`DELETE FROM bench_rows`)
			for i := range cells {
				if _, err := tx.Exec(`INSERT INTO bench_rows VALUES (?, ?, ?, ?, ?)`, store.NewID(), xs[i].CellID, xs[i].Date, "07:30", "Nhà văn hóa"); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	})

	visits := planRound(ctx, st, g, 500)
	overview := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := st.RoundOverview(ctx, "2018-06"); err != nil {
				b.Fatal(err)
			}
		}
	})
	rawOverview := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			rawScan(b, st, `SELECT id, commune_id, official_id, status FROM visits WHERE date LIKE '2018-06-%' AND deleted = 0`, 4)
			rawScan(b, st, `SELECT id, visit_id, values_json FROM visit_reports WHERE deleted = 0`, 3)
		}
	})

	out := []Result{
		{Name: "month_grid_cells", Value: float64(cells), Unit: "cells"},
		{Name: "month_grid_load_ms", Value: ms(load), Unit: "ms", Baseline: ms(rawLoad), Target: "< 200 ms"},
		{Name: "month_grid_first_save_ms", Value: createMS, Unit: "ms", Baseline: ms(rawSave), Target: "< 200 ms"},
		{Name: "month_grid_bulk_save_ms", Value: ms(save), Unit: "ms", Baseline: ms(rawSave), Target: "< 200 ms"},
		{Name: "round_overview_visits", Value: float64(visits), Unit: "visits"},
		{Name: "round_overview_ms", Value: ms(overview), Unit: "ms", Baseline: ms(rawOverview), Target: "< 200 ms"},
	}
	out = append(out, paperBenchmarks(ctx, st)...)
	return append(out, roundBenchmarks(ctx, st)...)
}

// planRound publishes the month and plans n visits by the Standing Board, half of them
// reported, as a round looks at its end.
func planRound(ctx context.Context, st *store.Store, g store.MonthGrid, n int) int {
	communes := map[string]bool{}
	for _, r := range g.Rows {
		communes[r.CommuneID] = true
	}
	for c := range communes {
		if _, err := st.PublishMonth(ctx, c, "2018-06"); err != nil {
			fail(err)
		}
	}
	board := boardOfficials(ctx, st)
	planned := 0
	for i, r := range g.Rows {
		if planned == n {
			break
		}
		res, err := st.PlanVisit(ctx, r.Schedules[0].ID, board[i%len(board)], "")
		if err != nil {
			fail(err)
		}
		planned++
		if i%2 == 0 {
			submitSample(ctx, st, res.Visit.ID)
		}
	}
	return planned
}

func submitSample(ctx context.Context, st *store.Store, visitID string) string {
	form, err := st.OpenReportForm(ctx, visitID, "")
	if err != nil {
		fail(err)
	}
	for k, x := range map[string]any{"endTime": "10:00", "membersTotal": 20, "membersFull": 18, "membersProbationary": 2,
		"membersExempted": 1, "present": 16, "absentExcused": 2, "absentUnexcused": 1, "chair": "Nguyễn Văn Bình",
		"secretary": "Lê Thị Hoa", "quality": "Khá", "feedback": "Cần bám sát nghị quyết tháng trước.", "signer": "Đinh Văn Hùng"} {
		form.Draft.Values[k] = x
	}
	if _, err := st.SaveReportDraft(ctx, form.Draft); err != nil {
		fail(err)
	}
	r, err := st.SubmitReport(ctx, visitID, "", "")
	if err != nil {
		fail(err)
	}
	return r.ID
}

// paperBenchmarks times one letter and one report, each as DOCX and PDF, from the store's
// records to the file's bytes.
func paperBenchmarks(ctx context.Context, st *store.Store) []Result {
	if err := st.SetLetterSettings(ctx, store.LetterSettings{Issuer: true}); err != nil {
		fail(err)
	}
	vs, err := st.ListVisits(ctx, store.VisitFilter{Month: "2018-06"})
	if err != nil || len(vs) == 0 {
		fail(fmt.Errorf("no visit to write papers for: %v", err))
	}
	if _, err := st.IssueLetter(ctx, vs[0].ID, "2018-06-01"); err != nil {
		fail(err)
	}
	reports, err := st.ListReports(ctx, "2018-06")
	if err != nil || len(reports) == 0 {
		fail(fmt.Errorf("no report to write: %v", err))
	}
	ls, _ := st.LetterSettings(ctx)
	letter := func(format string) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				f, err := st.VisitFacts(ctx, vs[0].ID)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := documents.Render(documents.LetterDoc(documents.LetterFromVisit(ls.Header, f)), format); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	report := func(format string) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				r, err := st.GetReport(ctx, reports[0].ID)
				if err != nil {
					b.Fatal(err)
				}
				t, err := st.GetTemplate(ctx, r.TemplateID)
				if err != nil {
					b.Fatal(err)
				}
				doc := documents.ReportDoc(documents.ReportPaper{Header: ls.Header, Template: t, Report: r, Date: "2018-06-06"})
				if _, err := documents.Render(doc, format); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	return []Result{
		{Name: "letter_docx_ms", Value: ms(testing.Benchmark(letter(documents.FormatDOCX))), Unit: "ms", Target: "< 300 ms"},
		{Name: "letter_pdf_ms", Value: ms(testing.Benchmark(letter(documents.FormatPDF))), Unit: "ms", Target: "< 300 ms"},
		{Name: "report_docx_ms", Value: ms(testing.Benchmark(report(documents.FormatDOCX))), Unit: "ms", Target: "< 300 ms"},
		{Name: "report_pdf_ms", Value: ms(testing.Benchmark(report(documents.FormatPDF))), Unit: "ms", Target: "< 300 ms"},
	}
}
