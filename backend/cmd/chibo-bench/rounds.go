package main

import (
	"context"
	"fmt"
	"testing"

	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// roundBenchmarks measures the round's results (issue 10) on the store of the visits
// group (a month of 500 visits, half reported): the round page, the conclusion notice's
// DOCX and PDF, and the remediation list with 5,000 items. Baselines in the same run:
// bare scans of the same rows, and for the papers the introduction letter.
func roundBenchmarks(ctx context.Context, st *store.Store) []Result {
	page := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := st.GetRound(ctx, "2018-06"); err != nil {
				b.Fatal(err)
			}
		}
	})
	rawPage := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			rawScan(b, st, `SELECT id, commune_id, official_id, status, date FROM visits WHERE date LIKE '2018-06-%' AND deleted = 0`, 5)
			rawScan(b, st, `SELECT id, visit_id, values_json FROM visit_reports WHERE deleted = 0`, 3)
		}
	})
	// A notice naming every reported cell, then 5,000 shortcomings to follow.
	n, err := st.DraftNotice(ctx, "2018-06", "")
	if err != nil {
		fail(err)
	}
	cells := memberCells(ctx, st)
	n.Assessment = "Các chi bộ sinh hoạt đúng quy định; một số nơi còn hình thức."
	n.Shortcomings = nil
	for i := range 5000 {
		c := cells[i%len(cells)]
		if i < len(cells) {
			n.Shortcomings = append(n.Shortcomings, domain.NoticeShortcomings{UnitID: c.ID, Name: c.Name})
		}
		u := &n.Shortcomings[i%len(cells)]
		u.Items = append(u.Items, domain.Shortcoming{ID: fmt.Sprintf("s%05d", i), Text: "Chưa kiểm điểm việc thực hiện nghị quyết tháng trước.",
			Fix: "Kiểm điểm trong buổi sinh hoạt tháng sau.", Due: "2018-07-31"})
	}
	if n, err = st.SaveNotice(ctx, n); err != nil {
		fail(err)
	}
	if n, err = st.IssueNotice(ctx, n.ID, "2018-07-05"); err != nil {
		fail(err)
	}
	items := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := st.ListRemediation(ctx, store.RemediationFilter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	rawItems := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			rawScan(b, st, `SELECT id, notice_id, unit_id, commune_id, shortcoming, fix, due FROM remediations WHERE deleted = 0`, 7)
		}
	})
	// The paper: a notice of 20 organizations with shortcomings, against the letter.
	paper := n
	paper.Shortcomings = paper.Shortcomings[:20]
	p, _ := st.PaperProfile(ctx, "")
	np := documents.NoticePaper{Header: p.Header(), Notice: paper}
	vs, _ := st.ListVisits(ctx, store.VisitFilter{Month: "2018-06"})
	f, _ := st.VisitFacts(ctx, vs[0].ID)
	render := func(doc func() documents.Doc, format string) testing.BenchmarkResult {
		return testing.Benchmark(func(b *testing.B) {
			for b.Loop() {
				if _, err := documents.Render(doc(), format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	notice := func() documents.Doc { return documents.NoticeDoc(np) }
	letter := func() documents.Doc { return documents.LetterDoc(documents.LetterFromVisit(p.Header(), f)) }
	tracker, rawTracker, nMatters := matterBenchmarks(ctx, st, cells)
	return []Result{
		{Name: "tracker_list_ms", Value: ms(tracker), Unit: "ms", Baseline: ms(rawTracker), Target: "< 50 ms",
			Note: fmt.Sprintf("%d matters (2,000 urgent, 300 dialogue issues), filtered to one source, overdue only", nMatters)},
		{Name: "round_page_ms", Value: ms(page), Unit: "ms", Baseline: ms(rawPage), Target: "< 200 ms", Note: "GetRound over 500 visits, half reported"},
		{Name: "notice_docx_ms", Value: ms(render(notice, documents.FormatDOCX)), Unit: "ms", Baseline: ms(render(letter, documents.FormatDOCX)), Target: "< 100 ms",
			Note: "20 organizations with shortcomings; baseline: the introduction letter"},
		{Name: "notice_pdf_ms", Value: ms(render(notice, documents.FormatPDF)), Unit: "ms", Baseline: ms(render(letter, documents.FormatPDF)), Target: "< 100 ms",
			Note: "20 organizations with shortcomings; baseline: the introduction letter"},
		{Name: "remediation_list_ms", Value: ms(items), Unit: "ms", Baseline: ms(rawItems), Target: "< 300 ms", Note: "5,000 items with their reports and verdicts"},
	}
}

// matterBenchmarks loads 2,000 urgent matters and 300 dialogue issues with a step each,
// and times the tracker's filtered list against a bare scan of the same table.
func matterBenchmarks(ctx context.Context, st *store.Store, cells []domain.Unit) (testing.BenchmarkResult, testing.BenchmarkResult, int) {
	for i := range 2000 {
		c := cells[i%len(cells)]
		m, err := st.SaveMatter(ctx, domain.Matter{Source: domain.SourceUrgent, UnitID: c.ID, Year: 2018, Title: fmt.Sprintf("Việc cấp bách %d", i),
			Lead: "Bí thư", Deadline: fmt.Sprintf("2018-%02d-28", 1+i%12)})
		if err != nil {
			fail(err)
		}
		if i%3 == 0 {
			if _, err := st.UpdateMatter(ctx, m.ID, "2018-06-30", domain.MatterInProgress, "Đang thực hiện", ""); err != nil {
				fail(err)
			}
		}
	}
	communes, _ := st.ListCommunes(ctx)
	for i := range 100 {
		issues := []store.DialogueIssue{{Topic: "Đất đai", Content: "Cấp giấy chứng nhận", ForwardedTo: "UBND", Deadline: "2018-07-10"},
			{Topic: "Bảo vệ môi trường", Content: "Rác thải", Answer: "Đã xử lý"}, {Topic: "Khác", Content: "Đường", Answer: "Sẽ sửa"}}
		if _, err := st.SaveDialogue(ctx, domain.Dialogue{CommuneID: communes[i%len(communes)].ID, Kind: domain.DialogueMeeting,
			Date: fmt.Sprintf("2018-%02d-10", 1+i%12)}, issues); err != nil {
			fail(err)
		}
	}
	list := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := st.ListMatters(ctx, store.MatterFilter{Source: "urgent", Year: 2018, OverdueOnly: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	raw := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			rawScan(b, st, `SELECT id, source, unit_id, commune_id, title, lead, deadline, state FROM matters WHERE deleted = 0 AND source = 'urgent' AND year = 2018`, 8)
		}
	})
	return list, raw, 2300
}
