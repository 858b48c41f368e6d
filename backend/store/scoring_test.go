package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"chibo/backend/domain"
)

// scoringFixture is the test registry plus a grassroots cell of a district agency, and the
// example criteria set loaded.
type scoringFixture struct {
	fixture
	agencyCell string
}

func newScoringStore(t *testing.T) (*Store, scoringFixture) {
	t.Helper()
	st, f := newTestStore(t)
	cell := mustUnit(t, st, domain.Unit{Kind: domain.KindGrassrootsCell, ParentID: f.district, Name: "Chi bộ Phòng Nội vụ", Members: 9})
	if _, err := st.LoadExampleCriteriaSet(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	return st, scoringFixture{fixture: f, agencyCell: cell.ID}
}

// fullScores gives every criterion of the example its maximum minus less in all (taken
// off 2.1, then 2.2, 2.3 …).
func fullScores(less float64) domain.Scores {
	set := domain.ExampleCriteriaSet()
	sc := domain.Scores{}
	for _, g := range set.Groups {
		for _, c := range g.Criteria {
			sc[c.Code] = domain.Score{Points: c.MaxPoints, Note: "Có biên bản"}
		}
	}
	for _, code := range []string{"2.1", "2.2", "2.3", "3.1", "3.4"} {
		v := sc[code]
		take := min(less, v.Points)
		v.Points -= take
		less -= take
		sc[code] = v
	}
	return sc
}

func wantInvalid(t *testing.T, err error, part string) {
	t.Helper()
	if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(err.Error(), part) {
		t.Fatalf("err = %v, want invalid containing %q", err, part)
	}
}

func outboxCount(t *testing.T, st *Store) int {
	return countRows(t, st, `SELECT count(*) FROM outbox`)
}

func TestCriteriaSetLifecycle(t *testing.T) {
	st, _ := newTestStore(t)
	ctx := context.Background()
	draft := domain.ExampleCriteriaSet()
	draft.ID, draft.SeriesID, draft.Name, draft.EffectiveMonth = "", "", "Bộ tiêu chí huyện Kim Sơn", "2018-01"
	saved, err := st.SaveCriteriaSet(ctx, draft)
	must(t, err)
	if saved.Status != domain.SetDraft || saved.Version != 1 || saved.SeriesID != saved.ID || saved.Example {
		t.Fatalf("saved = %+v", saved)
	}
	if saved.MaxBase() != 100 || len(saved.Groups) != 4 {
		t.Errorf("content lost: %v points, %d groups", saved.MaxBase(), len(saved.Groups))
	}
	saved.Groups[0].Criteria[0].MaxPoints = 6
	saved.Groups[1].Criteria[0].MaxPoints = 14
	saved, err = st.SaveCriteriaSet(ctx, saved)
	must(t, err)
	pub, err := st.PublishCriteriaSet(ctx, saved.ID)
	must(t, err)
	if pub.Status != domain.SetPublished || pub.PublishedAt == "" {
		t.Fatalf("published = %+v", pub)
	}
	t.Run("a published set never changes", func(t *testing.T) {
		before := outboxCount(t, st)
		pub.Name = "Đổi tên"
		_, err := st.SaveCriteriaSet(ctx, pub)
		wantInvalid(t, err, "đã ban hành")
		wantInvalid(t, st.DeleteCriteriaSet(ctx, pub.ID), "đã ban hành")
		_, err = st.PublishCriteriaSet(ctx, pub.ID)
		wantInvalid(t, err, "đã ban hành")
		if outboxCount(t, st) != before {
			t.Error("a refused change reached the change log")
		}
	})
	t.Run("a new version takes effect later", func(t *testing.T) {
		v2, err := st.NewCriteriaSetVersion(ctx, pub.ID, "2017-12")
		must(t, err)
		if v2.Version != 2 || v2.SeriesID != pub.SeriesID || v2.Status != domain.SetDraft {
			t.Fatalf("v2 = %+v", v2)
		}
		_, err = st.PublishCriteriaSet(ctx, v2.ID)
		wantInvalid(t, err, "từ tháng 2018-01 trở về sau")
		v2.EffectiveMonth = "2018-07"
		v2, err = st.SaveCriteriaSet(ctx, v2)
		must(t, err)
		_, err = st.PublishCriteriaSet(ctx, v2.ID)
		must(t, err)
		sets, err := st.ListCriteriaSets(ctx)
		must(t, err)
		if got := setFor(sets, domain.KindGrassrootsCell, "2018-06"); got == nil || got.Version != 1 {
			t.Errorf("June picks %+v, want version 1", got)
		}
		if got := setFor(sets, domain.KindGrassrootsCell, "2018-07"); got == nil || got.Version != 2 {
			t.Errorf("July picks %+v, want version 2", got)
		}
		if got := setFor(sets, domain.KindGrassrootsCell, "2017-12"); got != nil {
			t.Errorf("December 2017 picks %+v, want none", got)
		}
	})
	t.Run("an invalid draft is refused whole", func(t *testing.T) {
		bad := domain.ExampleCriteriaSet()
		bad.ID, bad.SeriesID = "", ""
		bad.Groups[0].Criteria[1].Code = "1.1"
		before := outboxCount(t, st)
		_, err := st.SaveCriteriaSet(ctx, bad)
		wantInvalid(t, err, "bị trùng")
		if outboxCount(t, st) != before {
			t.Error("a refused set reached the change log")
		}
	})
	t.Run("drafts can be deleted", func(t *testing.T) {
		d, err := st.SaveCriteriaSet(ctx, domain.CriteriaSet{Name: "Nháp", EffectiveMonth: "2019-01", UnitKinds: []domain.UnitKind{domain.KindGrassrootsCell},
			CriteriaContent: domain.CriteriaContent{Groups: []domain.CriteriaGroup{{Code: "A", Title: "Nhóm", Criteria: []domain.Criterion{{Code: "A1", Title: "Một", MaxPoints: 100}}}},
				Thresholds: domain.DefaultThresholds()}})
		must(t, err)
		must(t, st.DeleteCriteriaSet(ctx, d.ID))
		if _, err := st.GetCriteriaSet(ctx, d.ID); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("deleted draft still readable: %v", err)
		}
	})
}

// The shipped example is a local write (so it reaches the communes), written once however
// often it is loaded.
func TestExampleSetLoadsOnceAndIsSent(t *testing.T) {
	st, _ := newTestStore(t)
	ctx := context.Background()
	before := outboxCount(t, st)
	a, err := st.LoadExampleCriteriaSet(ctx, "")
	must(t, err)
	_, err = st.LoadExampleCriteriaSet(ctx, "")
	must(t, err)
	if !a.Example || a.Status != domain.SetPublished || a.ID != domain.ExampleCriteriaSetID {
		t.Errorf("example = %+v", a)
	}
	if got := outboxCount(t, st) - before; got != 1 {
		t.Errorf("loading the example twice appended %d changes, want 1 (sent once)", got)
	}
}

func TestSelfAssessmentRules(t *testing.T) {
	st, f := newScoringStore(t)
	ctx := context.Background()
	const month = "2018-03"
	cases := []struct {
		name   string
		unit   string
		month  string
		scores domain.Scores
		submit bool
		want   string
	}{
		{"subordinate cells are not scored", f.cell, month, fullScores(0), true, "Chỉ tổ chức cơ sở đảng"},
		{"no set before 2018", f.committee, "2017-12", fullScores(0), true, "Chưa có bộ tiêu chí"},
		{"a future month", f.committee, "2999-01", fullScores(0), true, "Chưa đến tháng"},
		{"a bad month", f.committee, "2018-3", fullScores(0), true, "năm-tháng"},
		{"above a criterion's maximum", f.committee, month, domain.Scores{"1.1": {Points: 6}}, false, "phải từ 0 đến 5"},
		{"an unknown criterion", f.committee, month, domain.Scores{"9.1": {Points: 1}}, false, "không có trong bộ tiêu chí"},
		{"missing criteria on submit", f.committee, month, domain.Scores{"1.1": {Points: 5}}, true, "Chưa chấm 13 tiêu chí"},
		{"a penalty above its limit", f.committee, month, func() domain.Scores { s := fullScores(0); s["P4"] = domain.Score{Points: 3}; return s }(), true, "phải từ 0 đến 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := outboxCount(t, st)
			_, err := st.SaveSelfAssessment(ctx, c.unit, c.month, c.scores, "", c.submit)
			if domain.ErrorCode(err) == domain.EInvalid && strings.Contains(err.Error(), c.want) {
				if outboxCount(t, st) != before || countRows(t, st, `SELECT count(*) FROM score_sheets`) != 0 {
					t.Error("a refused sheet left a trace")
				}
				return
			}
			t.Fatalf("err = %v, want %q", err, c.want)
		})
	}
	t.Run("a draft, then a submission", func(t *testing.T) {
		sh, err := st.SaveSelfAssessment(ctx, f.committee, month, domain.Scores{"1.1": {Points: 4.5, Note: " Nghị quyết số 12 "}}, "", false)
		must(t, err)
		if sh.Status != domain.SheetDraft || sh.SelfTotal.Total != 4.5 || sh.Self["1.1"].Note != "Nghị quyết số 12" || sh.CommuneID != f.commune {
			t.Fatalf("draft = %+v", sh)
		}
		sh, err = st.SaveSelfAssessment(ctx, f.committee, month, fullScores(3), "Tháng 3", true)
		must(t, err)
		if sh.Status != domain.SheetSubmitted || sh.SelfTotal.Total != 97 || sh.SelfTotal.Grade != domain.GradeGood || sh.Set == nil {
			t.Fatalf("submitted = %+v", sh)
		}
	})
}

func TestReviewApprovalLocksAndUnlockIsAudited(t *testing.T) {
	st, f := newScoringStore(t)
	ctx := context.Background()
	const month = "2018-04"
	u := f.committee
	_, err := st.SaveReview(ctx, u, month, domain.Scores{}, "")
	wantInvalid(t, err, "chưa gửi phiếu")
	_, err = st.SaveSelfAssessment(ctx, u, month, fullScores(0), "", true)
	must(t, err)
	_, err = st.ApproveScoreSheet(ctx, u, month)
	wantInvalid(t, err, "chưa được gửi và thẩm định")

	partial := domain.Scores{"2.1": {Points: 10, Note: "Thu ngân sách đạt 80 %"}}
	sh, err := st.SaveReview(ctx, u, month, partial, "Cần bổ sung minh chứng")
	must(t, err)
	if sh.Review == nil || sh.Review.Approved || sh.Status != domain.SheetSubmitted {
		t.Fatalf("reviewed = %+v", sh)
	}
	if n := countRows(t, st, `SELECT count(*) FROM score_reviews WHERE restricted = 1`); n != 1 {
		t.Errorf("an unapproved review must be restricted; %d are", n)
	}
	_, err = st.ApproveScoreSheet(ctx, u, month)
	wantInvalid(t, err, "Chưa chấm 13 tiêu chí")

	verified := fullScores(5)
	verified["P4"] = domain.Score{Points: 1, Note: "Nộp chậm 2 ngày"}
	_, err = st.SaveReview(ctx, u, month, verified, "Đạt")
	must(t, err)
	sh, err = st.ApproveScoreSheet(ctx, u, month)
	must(t, err)
	if sh.Status != domain.SheetApproved || !sh.Locked || sh.VerifiedTotal == nil || sh.VerifiedTotal.Total != 94 || sh.SelfTotal.Total != 100 {
		t.Fatalf("approved = %+v (verified %+v)", sh, sh.VerifiedTotal)
	}
	if n := countRows(t, st, `SELECT count(*) FROM score_reviews WHERE restricted = 0 AND approved = 1`); n != 1 {
		t.Error("an approved review must be released to the commune")
	}

	t.Run("a locked month refuses every edit and changes nothing", func(t *testing.T) {
		before := outboxCount(t, st)
		_, err := st.SaveSelfAssessment(ctx, u, month, fullScores(1), "", false)
		wantInvalid(t, err, "đã được duyệt và khóa")
		_, err = st.SaveReview(ctx, u, month, fullScores(1), "")
		wantInvalid(t, err, "đã được duyệt và khóa")
		_, err = st.ApproveScoreSheet(ctx, u, month)
		wantInvalid(t, err, "đã được duyệt và khóa")
		if outboxCount(t, st) != before {
			t.Error("a refused edit reached the change log")
		}
		got, err := st.GetScoreSheet(ctx, u, month)
		must(t, err)
		if got.SelfTotal.Total != 100 || got.VerifiedTotal.Total != 94 {
			t.Errorf("a refused edit changed the sheet: %+v", got)
		}
	})
	t.Run("unlocking needs a reason", func(t *testing.T) {
		_, err := st.UnlockScoreSheet(ctx, u, month, " ")
		wantInvalid(t, err, "lý do mở khóa")
	})
	st.SetUser("ban-to-chuc-1")
	sh, err = st.UnlockScoreSheet(ctx, u, month, "Sai sót khi nhập điểm tiêu chí 2.1")
	must(t, err)
	if sh.Locked || sh.Status != domain.SheetSubmitted || sh.Review.UnlockReason != "Sai sót khi nhập điểm tiêu chí 2.1" || sh.Review.UnlockedBy != "ban-to-chuc-1" {
		t.Fatalf("unlocked = %+v / %+v", sh, sh.Review)
	}
	_, err = st.UnlockScoreSheet(ctx, u, month, "Lần nữa cho chắc")
	wantInvalid(t, err, "chưa bị khóa")
	_, err = st.SaveSelfAssessment(ctx, u, month, fullScores(2), "Đã sửa", true)
	must(t, err)
	audit, err := st.ScoringAudit(ctx, SheetID(u, month))
	must(t, err)
	if len(audit) != 2 || audit[0].Action != "approve" || audit[1].Action != "unlock" || audit[1].Reason == "" || audit[1].By != "ban-to-chuc-1" {
		t.Fatalf("audit = %+v", audit)
	}
	if !strings.Contains(audit[0].Detail, "94 điểm, Tốt") {
		t.Errorf("approval detail = %q", audit[0].Detail)
	}
}

// The commune's and the board's halves are separate records: whatever order the two
// devices' changes arrive in, neither overwrites the other.
func TestSelfAndReviewAreSeparateRecords(t *testing.T) {
	st, f := newScoringStore(t)
	ctx := context.Background()
	const month = "2018-05"
	_, err := st.SaveSelfAssessment(ctx, f.committee, month, fullScores(0), "", true)
	must(t, err)
	_, err = st.SaveReview(ctx, f.committee, month, fullScores(4), "")
	must(t, err)
	kinds := map[string][]string{}
	for _, c := range outboxRows(t, st, SheetID(f.committee, month)) {
		kinds[c.Kind] = append(kinds[c.Kind], string(c.Fields))
	}
	for _, c := range outboxRows(t, st, ReviewID(f.committee, month)) {
		kinds[c.Kind] = append(kinds[c.Kind], string(c.Fields))
	}
	for _, fields := range kinds["score_sheet"] {
		if strings.Contains(fields, "verified") {
			t.Errorf("a sheet change carries the verification: %s", fields)
		}
	}
	for _, fields := range kinds["score_review"] {
		if strings.Contains(fields, `"self"`) {
			t.Errorf("a review change carries the self-assessment: %s", fields)
		}
	}
	if len(kinds["score_sheet"]) != 1 || len(kinds["score_review"]) != 1 {
		t.Errorf("changes = %v", kinds)
	}
	if SheetID(f.committee, month) != SheetID(f.committee, month) || SheetID(f.committee, month) == SheetID(f.committee, "2018-06") {
		t.Error("sheet ids must derive from unit and month")
	}
}

// approveMonth runs a month through self-assessment, review and approval.
func approveMonth(t *testing.T, st *Store, unit, month string, verifiedLess float64) {
	t.Helper()
	ctx := context.Background()
	_, err := st.SaveSelfAssessment(ctx, unit, month, fullScores(0), "", true)
	must(t, err)
	_, err = st.SaveReview(ctx, unit, month, fullScores(verifiedLess), "")
	must(t, err)
	_, err = st.ApproveScoreSheet(ctx, unit, month)
	must(t, err)
}

func TestMonthReportRanksAndCounts(t *testing.T) {
	st, f := newScoringStore(t)
	ctx := context.Background()
	const month = "2018-06"
	approveMonth(t, st, f.committee, month, 25) // 75, Khá
	_, err := st.SaveSelfAssessment(ctx, f.agencyCell, month, fullScores(5), "", true)
	must(t, err)
	rep, err := st.MonthReport(ctx, month)
	must(t, err)
	if len(rep.Rows) != 2 {
		t.Fatalf("rows = %+v", rep.Rows)
	}
	first, second := rep.Rows[0], rep.Rows[1]
	if first.UnitID != f.agencyCell || *first.Total != 95 || first.Rank != 1 || first.Status != domain.SheetSubmitted || first.Verified != nil {
		t.Errorf("first = %+v", first)
	}
	if second.UnitID != f.committee || *second.Total != 75 || *second.Verified != 75 || second.Grade != domain.GradeFair || second.Rank != 2 {
		t.Errorf("second = %+v", second)
	}
	if rep.Distribution[domain.GradeFair] != 1 || len(rep.Distribution) != 1 || len(rep.NotSubmitted) != 0 {
		t.Errorf("distribution %v, not submitted %v", rep.Distribution, rep.NotSubmitted)
	}
	rep, err = st.MonthReport(ctx, "2018-07")
	must(t, err)
	if len(rep.NotSubmitted) != 2 || rep.ByStatus[domain.SheetNone] != 2 || rep.Rows[0].Rank != 0 {
		t.Errorf("an empty month: %+v", rep)
	}
}

func TestYearSuggestionOverrideAndChart(t *testing.T) {
	st, f := newScoringStore(t)
	ctx := context.Background()
	for m := 1; m <= 12; m++ {
		less := 5.0
		if m == 6 {
			less = 15 // 85 in June: no month below Khá, mean 94.2
		}
		approveMonth(t, st, f.committee, fmt.Sprintf("2018-%02d", m), less)
	}
	for m := 1; m <= 11; m++ {
		approveMonth(t, st, f.agencyCell, fmt.Sprintf("2018-%02d", m), 0)
	}
	chart, err := st.UnitYear(ctx, f.committee, 2018)
	must(t, err)
	if len(chart.Points) != 12 || *chart.Points[5].Total != 85 || chart.Points[5].Grade != domain.GradeFair || chart.MaxTotal != 105 {
		t.Fatalf("chart = %+v", chart)
	}
	rep, err := st.YearReport(ctx, 2018)
	must(t, err)
	byUnit := map[string]domain.YearClassification{}
	for _, r := range rep.Rows {
		byUnit[r.UnitID] = r
	}
	c := byUnit[f.committee]
	if c.Suggestion.Grade != domain.YearExcellent || c.Suggestion.Mean != 94.2 || c.Suggestion.Lowest != 85 || c.Final != domain.YearExcellent {
		t.Errorf("committee = %+v", c)
	}
	if c.Committee != "Đảng bộ huyện Kim Sơn" || byUnit[f.agencyCell].Committee != "Đảng bộ huyện Kim Sơn" {
		t.Errorf("the supervising committee of the rows: %q, %q", c.Committee, byUnit[f.agencyCell].Committee)
	}
	if a := byUnit[f.agencyCell]; a.Suggestion.Grade != "" || a.Suggestion.Months != 11 || !strings.Contains(a.Suggestion.Reason, "11/12") {
		t.Errorf("eleven months must not be classified: %+v", a)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Message, "vượt quá 20%") {
		t.Errorf("one excellent of one: warnings %+v", rep.Warnings)
	}

	_, err = st.OverrideClassification(ctx, f.committee, 2018, domain.YearNotDone, "")
	wantInvalid(t, err, "lý do")
	got, err := st.OverrideClassification(ctx, f.committee, 2018, domain.YearNotDone, "Nội bộ mất đoàn kết, có đảng viên bị kỷ luật")
	must(t, err)
	if got.Final != domain.YearNotDone || got.Suggestion.Grade != domain.YearExcellent || got.OverrideReason == "" {
		t.Errorf("overridden = %+v", got)
	}
	rep, err = st.YearReport(ctx, 2018)
	must(t, err)
	if len(rep.Warnings) != 0 || rep.Counts[domain.YearNotDone] != 1 {
		t.Errorf("after the override: counts %v warnings %v", rep.Counts, rep.Warnings)
	}
	audit, err := st.ScoringAudit(ctx, ClassificationID(f.committee, 2018))
	must(t, err)
	if len(audit) != 1 || audit[0].Action != "override" || !strings.Contains(audit[0].Detail, "Không hoàn thành nhiệm vụ") {
		t.Errorf("audit = %+v", audit)
	}
	if n := countRows(t, st, `SELECT count(*) FROM year_classifications WHERE restricted = 1 AND override = 'khong_hoan_thanh'`); n != 1 {
		t.Errorf("classification records = %d", n)
	}
}
