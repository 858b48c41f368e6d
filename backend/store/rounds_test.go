package store

import (
	"context"
	"strings"
	"testing"

	"chibo/backend/domain"
)

// reportVisit plans, reports and submits a visit to cell with the given quality and
// weaknesses.
func reportVisit(t *testing.T, st *Store, cell, official, date, quality, weaknesses string) domain.Visit {
	t.Helper()
	ctx := context.Background()
	x := publishedSchedule(t, st, cell, date)
	res, err := st.PlanVisit(ctx, x.ID, official, "")
	must(t, err)
	form, err := st.OpenReportForm(ctx, res.Visit.ID, "")
	must(t, err)
	fillReport(form.Draft.Values)
	form.Draft.Values["quality"], form.Draft.Values["weaknesses"] = quality, weaknesses
	_, err = st.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	_, err = st.SubmitReport(ctx, res.Visit.ID, "", "")
	must(t, err)
	return res.Visit
}

// The round to the notice to the remedy: the draft suggests from the reports; issuing
// numbers it within the committee's term and freezes it; every shortcoming becomes an item
// the organization reports on and the official verifies; an open item keeps the
// organization from Xuất sắc.
func TestRoundNoticeAndRemediation(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	reportVisit(t, st, f.cell, f.cadre, "2018-06-05", "Tốt", "")
	reportVisit(t, st, f.otherCell, f.otherCadre, "2018-06-07", "Kém", "Chưa thảo luận nghị quyết tháng trước.")

	r, err := st.GetRound(ctx, "2018-06")
	must(t, err)
	if len(r.Overview.Reports) != 2 || len(r.Missing) != 0 || r.Conference != nil {
		t.Fatalf("round: %d reports, %d missing, conference %v", len(r.Overview.Reports), len(r.Missing), r.Conference)
	}
	_, err = st.SaveConference(ctx, domain.Conference{Month: "2018-06", Date: "2018-07-03", Place: "Hội trường", Chair: "Bí thư",
		Present: []string{"Trần Thị Lan", " "}, Remarks: []domain.Remark{{Official: "Trần Thị Lan", Remarks: "Chi bộ Xóm 5 chưa chuẩn bị", Solutions: "Hướng dẫn lại"}}})
	must(t, err)
	if _, err := st.SaveConference(ctx, domain.Conference{Month: "2018-06", Remarks: []domain.Remark{{Remarks: "ai nói?"}}}); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a remark with no official: %v", err)
	}
	r, _ = st.GetRound(ctx, "2018-06")
	if r.Conference == nil || len(r.Conference.Present) != 1 || r.Conference.Remarks[0].Solutions != "Hướng dẫn lại" {
		t.Fatalf("conference: %+v", r.Conference)
	}

	n, err := st.DraftNotice(ctx, "2018-06", "")
	must(t, err)
	if len(n.DidWell) != 1 || n.DidWell[0].UnitID != f.cell || len(n.Shortcomings) != 1 || n.Shortcomings[0].UnitID != f.otherCell ||
		n.Shortcomings[0].Items[0].Due != "2018-07-31" || !strings.Contains(n.Assessment, "2 chi bộ") {
		t.Fatalf("draft: %+v", n)
	}
	if _, err := st.IssueNotice(ctx, n.ID, ""); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("issuing an unsaved draft: %v", err)
	}
	n, err = st.SaveNotice(ctx, n)
	must(t, err)
	issued, err := st.IssueNotice(ctx, n.ID, "2018-07-10")
	must(t, err)
	if issued.NoticeNumber() != "01-TB/HU" || issued.TermStart != 2015 || issued.Status != domain.NoticeIssued {
		t.Fatalf("issued: %s term %d status %s", issued.NoticeNumber(), issued.TermStart, issued.Status)
	}
	// Frozen: neither issued again nor edited.
	if _, err := st.IssueNotice(ctx, n.ID, ""); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("issued twice: %v", err)
	}
	issued.Assessment = "sửa sau khi ban hành"
	if _, err := st.SaveNotice(ctx, issued); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("an issued notice was edited: %v", err)
	}

	// Numbering within the term: a correction that replaces the first is 02; the first
	// notice of the next term (2020–2025) is 01 again.
	for _, c := range []struct {
		date, want string
	}{{"2018-08-01", "02-TB/HU"}, {"2019-12-31", "03-TB/HU"}, {"2020-01-05", "01-TB/HU"}} {
		d, err := st.DraftNotice(ctx, "2018-06", issued.ID)
		must(t, err)
		d.Assessment, d.Shortcomings = "Đính chính", nil
		d, err = st.SaveNotice(ctx, d)
		must(t, err)
		x, err := st.IssueNotice(ctx, d.ID, c.date)
		must(t, err)
		if x.NoticeNumber() != c.want || x.Replaces != issued.ID {
			t.Errorf("issued on %s: %s (replaces %q), want %s", c.date, x.NoticeNumber(), x.Replaces, c.want)
		}
	}
	bad, _ := st.DraftNotice(ctx, "2018-06", n.Shortcomings[0].UnitID) // not a notice
	if _, err := st.SaveNotice(ctx, bad); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("replacing what is not an issued notice: %v", err)
	}

	// The shortcoming became an item: overdue (its due date is long past), open.
	items, err := st.ListRemediation(ctx, RemediationFilter{})
	must(t, err)
	if len(items) != 1 || items[0].UnitID != f.otherCell || !items[0].Overdue || !items[0].Open() || items[0].NoticeNumber != "01-TB/HU" {
		t.Fatalf("items: %+v", items)
	}
	it := items[0]
	for _, c := range []struct{ date, actions string }{{"2099-01-01", "Đã làm"}, {"2018-07-20", "  "}, {"20/07/2018", "Đã làm"}} {
		if _, err := st.ReportRemediation(ctx, it.ID, c.date, c.actions, ""); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("report %q %q: %v", c.date, c.actions, err)
		}
	}
	_, err = st.ReportRemediation(ctx, it.ID, "2018-07-20", "Tổ chức lại buổi sinh hoạt, thảo luận nghị quyết", "Biên bản ngày 20/7")
	must(t, err)
	if err := st.VerifyRemediation(ctx, it.ID, domain.PartlyRemedied, ""); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a partial verdict without a comment: %v", err)
	}
	year, err := st.YearReport(ctx, 2018)
	must(t, err)
	_ = year
	open, err := st.openRemediations(ctx, 2018)
	must(t, err)
	parent, _ := st.GetUnit(ctx, f.otherCell)
	if open[parent.ParentID] != 1 {
		t.Fatalf("open items by organization: %v (the cell's committee is %s)", open, parent.ParentID)
	}
	must(t, st.VerifyRemediation(ctx, it.ID, domain.Remedied, ""))
	items, _ = st.ListRemediation(ctx, RemediationFilter{})
	if items[0].Verdict != domain.Remedied || items[0].Overdue || len(items[0].Reports) != 1 {
		t.Fatalf("verified: %+v", items[0])
	}
	if open, _ := st.openRemediations(ctx, 2018); open[parent.ParentID] != 0 {
		t.Fatalf("a remedied item still counts: %v", open)
	}
	rounds, err := st.ListRounds(ctx, 2018)
	must(t, err)
	if len(rounds) != 1 || rounds[0] != (RoundState{Month: "2018-06", Planned: 2, Reported: 2, Conference: true, NoticesIssued: 4, Items: 1, Remedied: 1}) {
		t.Fatalf("rounds of 2018: %+v", rounds)
	}
}

// The year's suggestion: an organization with an open shortcoming is not rated Xuất sắc.
func TestOpenShortcomingsKeepFromExcellent(t *testing.T) {
	s := domain.YearSuggestion{Grade: domain.YearExcellent, Reason: "Điểm trung bình 95."}
	if got := s.WithOpenShortcomings(2); got.Grade != domain.YearGood || !strings.Contains(got.Reason, "2 hạn chế") {
		t.Errorf("with 2 open: %+v", got)
	}
	if got := s.WithOpenShortcomings(0); got.Grade != domain.YearExcellent {
		t.Errorf("with none open: %+v", got)
	}
	if got := (domain.YearSuggestion{Grade: domain.YearGood}).WithOpenShortcomings(3); got.Grade != domain.YearGood || got.OpenShortcomings != 3 {
		t.Errorf("a good one stays good: %+v", got)
	}
}
