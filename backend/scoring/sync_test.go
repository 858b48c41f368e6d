package scoring_test

import (
	"context"
	"fmt"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/store"
	"chibo/backend/synctest"
)

var ctx = context.Background()

// full scores every criterion of set at its maximum minus less (taken off the first one).
func full(set domain.CriteriaSet, less float64) domain.Scores {
	sc := domain.Scores{}
	for _, g := range set.Groups {
		for _, c := range g.Criteria {
			sc[c.Code] = domain.Score{Points: c.MaxPoints}
		}
	}
	first := set.Groups[0].Criteria[0]
	sc[first.Code] = domain.Score{Points: first.MaxPoints - less}
	return sc
}

func committeeOf(t *testing.T, st *store.Store, commune string) domain.Unit {
	t.Helper()
	cs, err := st.ListCommunes(ctx)
	must(t, err)
	us, err := st.ListUnits(ctx)
	must(t, err)
	for _, c := range cs {
		for _, u := range us {
			if c.Name == commune && u.CommuneID == c.ID && u.Kind == domain.KindGrassrootsCommittee {
				return u
			}
		}
	}
	t.Fatalf("no committee for %s", commune)
	return domain.Unit{}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func rows(t *testing.T, st *store.Store, q string, args ...any) int {
	t.Helper()
	var n int
	must(t, st.DB().QueryRow(q, args...).Scan(&n))
	return n
}

// Through the real server: the Organization Board publishes a set; a commune office
// self-assesses and syncs; another commune never sees that sheet; the commune cannot
// write a verification, and does not receive one until it is approved; an offline edit of
// the locked month is refused; after approval it sees the verified result; an unlock takes
// the verification back out of its view; twelve
// approved months give the board a year-end suggestion, which communes do not receive.
func TestScoringThroughTheServer(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	board, pd, bm := env.Device("bantochuc"), env.Device("vp.phatdiem"), env.Device("vp.binhminh")
	for _, d := range []*synctest.Device{board, pd, bm} {
		d.Sync(t)
	}

	// The board publishes its own set (a copy of the example) and it reaches the communes.
	draft := domain.ExampleCriteriaSet()
	draft.ID, draft.SeriesID, draft.Name = "", "", "Bộ tiêu chí Huyện ủy Kim Sơn"
	set, err := board.Store.SaveCriteriaSet(ctx, draft)
	must(t, err)
	set, err = board.Store.PublishCriteriaSet(ctx, set.ID)
	must(t, err)
	board.Sync(t)
	pd.Sync(t)
	if got, err := pd.Store.GetCriteriaSet(ctx, set.ID); err != nil || got.Status != domain.SetPublished {
		t.Fatalf("the commune has the set as %+v, %v", got, err)
	}

	unit := committeeOf(t, pd.Store, "Phát Diệm")
	const month = "2018-03"
	_, err = pd.Store.SaveSelfAssessment(ctx, unit.ID, month, full(set, 0), "Có biên bản", true)
	must(t, err)
	if rep := pd.Sync(t); rep.Refused != 0 {
		t.Fatalf("the commune's own self-assessment was refused: %+v", rep)
	}
	bm.Sync(t)
	if n := rows(t, bm.Store, `SELECT count(*) FROM score_sheets`); n != 0 {
		t.Errorf("another commune received %d sheets", n)
	}

	board.Sync(t)
	sh, err := board.Store.GetScoreSheet(ctx, unit.ID, month)
	must(t, err)
	if sh.Status != domain.SheetSubmitted || sh.SelfTotal.Total != 100 {
		t.Fatalf("the board sees %+v", sh)
	}
	_, err = board.Store.SaveReview(ctx, unit.ID, month, domain.Scores{"1.1": {Points: 3, Note: "Thiếu kế hoạch"}}, "")
	must(t, err)
	board.Sync(t)

	// A commune office may not write a verification: the server refuses it.
	_, err = pd.Store.SaveReview(ctx, unit.ID, month, full(set, 0), "tự thẩm định")
	must(t, err) // the desktop does not know roles; the server decides
	if rep := pd.Sync(t); rep.Refused != 1 {
		t.Errorf("a commune's verification: %+v, want refused", rep)
	}
	if n := rows(t, board.Store, `SELECT count(*) FROM score_reviews WHERE comment = 'tự thẩm định'`); n != 0 {
		t.Error("the commune's verification reached the board")
	}

	_, err = board.Store.SaveReview(ctx, unit.ID, month, full(set, 4), "Trừ 4 điểm tiêu chí 1.1")
	must(t, err)
	board.Sync(t)
	pd.Sync(t)
	if n := rows(t, pd.Store, `SELECT count(*) FROM score_reviews WHERE comment = 'Trừ 4 điểm tiêu chí 1.1'`); n != 0 {
		t.Error("the commune received the verification before approval")
	}

	_, err = board.Store.ApproveScoreSheet(ctx, unit.ID, month)
	must(t, err)
	board.Sync(t)

	// The commune, not yet aware of the approval, edits offline: the server refuses the
	// edit of a locked month, and the board's copy keeps the self-assessment it approved.
	_, err = pd.Store.SaveSelfAssessment(ctx, unit.ID, month, full(set, 5), "sửa sau khi duyệt", true)
	must(t, err)
	if rep := pd.Sync(t); rep.Refused != 1 {
		t.Errorf("an edit of a locked month: %+v, want refused", rep)
	}
	board.Sync(t)
	if b, err := board.Store.GetScoreSheet(ctx, unit.ID, month); err != nil || b.SelfTotal.Total != 100 || b.SelfNote == "sửa sau khi duyệt" {
		t.Errorf("the board's sheet after the refused edit: %+v, %v", b.SelfTotal, err)
	}
	got, err := pd.Store.GetScoreSheet(ctx, unit.ID, month)
	must(t, err)
	if got.Status != domain.SheetApproved || !got.Locked || got.VerifiedTotal == nil || got.VerifiedTotal.Total != 96 || got.Review.Comment != "Trừ 4 điểm tiêu chí 1.1" {
		t.Fatalf("after approval the commune sees %+v (review %+v)", got, got.Review)
	}
	if _, err := pd.Store.SaveSelfAssessment(ctx, unit.ID, month, full(set, 1), "", true); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("the commune edited a locked month: %v", err)
	}

	// An unlock withdraws the verification from the commune until the next approval.
	_, err = board.Store.UnlockScoreSheet(ctx, unit.ID, month, "Ban Tổ chức rà soát lại tiêu chí 1.1")
	must(t, err)
	board.Sync(t)
	pd.Sync(t)
	got, err = pd.Store.GetScoreSheet(ctx, unit.ID, month)
	must(t, err)
	if got.Status != domain.SheetSubmitted || got.Locked || got.Review != nil {
		t.Errorf("after the unlock the commune sees %+v (review %+v)", got, got.Review)
	}
	_, err = pd.Store.SaveSelfAssessment(ctx, unit.ID, month, full(set, 1), "Bổ sung minh chứng", true)
	must(t, err)
	if rep := pd.Sync(t); rep.Refused != 0 {
		t.Errorf("an edit of the unlocked month was refused: %+v", rep)
	}

	// Twelve approved months: the board's year-end suggestion; the override stays
	// district-only.
	for m := 1; m <= 12; m++ {
		mo := fmt.Sprintf("2018-%02d", m)
		if mo != month {
			_, err := pd.Store.SaveSelfAssessment(ctx, unit.ID, mo, full(set, 0), "", true)
			must(t, err)
		}
	}
	pd.Sync(t)
	board.Sync(t)
	for m := 1; m <= 12; m++ {
		mo := fmt.Sprintf("2018-%02d", m)
		_, err := board.Store.SaveReview(ctx, unit.ID, mo, full(set, 2), "")
		must(t, err)
		_, err = board.Store.ApproveScoreSheet(ctx, unit.ID, mo)
		must(t, err)
	}
	rep, err := board.Store.YearReport(ctx, 2018)
	must(t, err)
	var row domain.YearClassification
	for _, r := range rep.Rows {
		if r.UnitID == unit.ID {
			row = r
		}
	}
	if row.Suggestion.Grade != domain.YearExcellent || row.Suggestion.Mean != 98 || row.Suggestion.Months != 12 {
		t.Fatalf("year suggestion = %+v", row.Suggestion)
	}
	_, err = board.Store.OverrideClassification(ctx, unit.ID, 2018, domain.YearGood, "Có đảng viên bị kỷ luật khiển trách")
	must(t, err)
	if r := board.Sync(t); r.Refused != 0 {
		rc, _ := board.Store.RefusedChanges(ctx)
		t.Fatalf("the board's changes were refused: %+v %+v", r, rc)
	}
	pd.Sync(t)
	if n := rows(t, pd.Store, `SELECT count(*) FROM score_reviews WHERE approved = 1`); n != 12 {
		t.Errorf("the commune holds %d approved reviews, want 12", n)
	}
	if n := rows(t, pd.Store, `SELECT count(*) FROM year_classifications`); n != 0 {
		t.Errorf("the commune received %d classifications", n)
	}
}
