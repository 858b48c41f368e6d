package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"chibo/backend/domain"
)

// The overview's figures are the counts of the lists it opens, over a month, a quarter
// and a year; remediation items join the tracker as a source of their own.
func TestOverviewEqualsItsLists(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	st.SetClock(func() time.Time { return time.Date(2018, 8, 15, 3, 0, 0, 0, time.UTC) })
	reportVisit(t, st, f.cell, f.cadre, "2018-06-05", "Tốt", "")
	reportVisit(t, st, f.otherCell, f.otherCadre, "2018-06-07", "Kém", "Chưa thảo luận nghị quyết tháng trước.")
	reportVisit(t, st, f.cell2, f.cadre, "2018-07-09", "Khá", "")
	n, err := st.DraftNotice(ctx, "2018-06", "")
	must(t, err)
	n, err = st.SaveNotice(ctx, n)
	must(t, err)
	_, err = st.IssueNotice(ctx, n.ID, "2018-07-02")
	must(t, err)
	for i, dl := range []string{"2018-07-31", "2018-12-31", "2018-11-30"} {
		_, err := st.SaveMatter(ctx, domain.Matter{Source: domain.SourceUrgent, UnitID: f.cell, Title: "Việc " + string(rune('A'+i)), Lead: "Bí thư", Deadline: dl})
		must(t, err)
	}
	_, err = st.SaveDialogue(ctx, domain.Dialogue{CommuneID: f.commune, Kind: domain.DialogueMeeting, Date: "2018-07-05"},
		[]DialogueIssue{{Topic: "Đất đai", Content: "Cấp giấy chậm", ForwardedTo: "UBND xã", Deadline: "2018-07-10"}, {Topic: "Khác", Content: "Đường", Answer: "Sẽ sửa"}})
	must(t, err)

	for _, c := range []struct {
		p                      domain.Period
		label                  string
		planned, reported, tot int
		expected               int
	}{
		{domain.Period{Kind: domain.PeriodMonth, Year: 2018, N: 6}, "tháng 06 năm 2018", 2, 2, 1, 3}, // expected: 3 cells × the months begun by 15/08
		{domain.Period{Kind: domain.PeriodQuarter, Year: 2018, N: 3}, "quý III năm 2018", 1, 1, 0, 6},
		{domain.Period{Kind: domain.PeriodYear, Year: 2018}, "năm 2018", 3, 3, 1, 24},
	} {
		ov, err := st.Overview(ctx, c.p)
		must(t, err)
		if ov.Label != c.label || ov.Visits.Planned != c.planned || ov.Visits.Reported != c.reported || ov.Quality["Tốt"] != c.tot || ov.Expected != c.expected {
			t.Errorf("%s: %+v", c.label, ov)
		}
		// The visits by commune add up to the total; the lists behind each figure agree.
		sum := 0
		for _, r := range ov.Communes {
			sum += r.Planned
		}
		if sum != ov.Visits.Planned {
			t.Errorf("%s: communes add up to %d, total %d", c.label, sum, ov.Visits.Planned)
		}
		all, err := st.ListMatters(ctx, MatterFilter{Year: 2018})
		must(t, err)
		overdue, _ := st.ListMatters(ctx, MatterFilter{Year: 2018, OverdueOnly: true})
		total, late := 0, 0
		for _, m := range ov.Matters {
			total += m.Total
			late += m.Overdue
			bySource, _ := st.ListMatters(ctx, MatterFilter{Source: string(m.Source), Year: 2018})
			if len(bySource) != m.Total {
				t.Errorf("%s: %s counts %d, its list has %d", c.label, m.Source, m.Total, len(bySource))
			}
		}
		if total != len(all) || late != len(overdue) {
			t.Errorf("%s: matters %d/%d overdue %d/%d", c.label, total, len(all), late, len(overdue))
		}
	}
	ov, _ := st.Overview(ctx, domain.Period{Kind: domain.PeriodYear, Year: 2018})
	got := map[domain.MatterSource]domain.MatterCounts{}
	for _, m := range ov.Matters {
		got[m.Source] = m
	}
	// Urgent: three, one past its deadline; dialogue: the forwarded issue overdue, the
	// answered one resolved; remediation: the notice's one shortcoming, overdue.
	if u := got[domain.SourceUrgent]; u.Total != 3 || u.Overdue != 1 || u.Open != 3 {
		t.Errorf("urgent: %+v", u)
	}
	if d := got[domain.SourceDialogue]; d.Total != 2 || d.Overdue != 1 || d.Resolved != 1 {
		t.Errorf("dialogue: %+v", d)
	}
	if r := got[domain.SourceRemediation]; r.Total != 1 || r.Overdue != 1 || ov.Remediation.Items != 1 || ov.Remediation.Overdue != 1 {
		t.Errorf("remediation: %+v %+v", r, ov.Remediation)
	}
	if ov.Dialogues.Dialogues != 1 || ov.Dialogues.Held != 1 || ov.Dialogues.Issues != 2 || ov.Dialogues.Answered != 1 || ov.Dialogues.Communes != 2 {
		t.Errorf("dialogues: %+v", ov.Dialogues)
	}
	// The remedy reported and verified: the tracker's history and state follow.
	items, _ := st.ListRemediation(ctx, RemediationFilter{})
	_, err = st.ReportRemediation(ctx, items[0].ID, "2018-08-01", "Tổ chức lại buổi sinh hoạt", "Biên bản")
	must(t, err)
	must(t, st.VerifyRemediation(ctx, items[0].ID, domain.Remedied, "Đã khắc phục"))
	rs, _ := st.ListMatters(ctx, MatterFilter{Source: "remediation"})
	if len(rs) != 1 || rs[0].State != domain.MatterResolved || len(rs[0].Updates) != 2 || rs[0].Overdue || rs[0].Title == "" {
		t.Fatalf("remediation in the tracker: %+v", rs)
	}
	if open, _ := st.ListMatters(ctx, MatterFilter{Source: "remediation", State: "registered"}); len(open) != 0 {
		t.Errorf("a resolved item filtered as registered: %+v", open)
	}
	// A commune's page: its own reports, matters and the notices naming its cells only.
	pg, err := st.CommunePage(ctx, f.commune, "2018-06")
	must(t, err)
	if len(pg.Reports) != 1 || len(pg.Matters) != 5 || len(pg.Notices) != 1 || len(pg.Schedules) != 1 || len(pg.Units) < 3 {
		t.Errorf("commune page: %d reports, %d matters, %d notices, %d schedules, %d units", len(pg.Reports), len(pg.Matters), len(pg.Notices), len(pg.Schedules), len(pg.Units))
	}
	pg, _ = st.CommunePage(ctx, f.otherCommune, "2018-06")
	if len(pg.Reports) != 1 || len(pg.Matters) != 1 || pg.Matters[0].Source != domain.SourceRemediation || len(pg.Notices) != 1 {
		t.Errorf("the other commune's page: %d reports, %+v matters, %d notices", len(pg.Reports), pg.Matters, len(pg.Notices))
	}
	if _, err := st.CommunePage(ctx, "nowhere", "2018-06"); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("an unknown commune: %v", err)
	}
	for _, p := range []domain.Period{{Kind: "week", Year: 2018}, {Kind: domain.PeriodQuarter, Year: 2018, N: 5}, {Kind: domain.PeriodMonth, Year: 1999, N: 1}} {
		if _, err := st.Overview(ctx, p); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("%+v: %v", p, err)
		}
	}
}

// The committee's own list of dialogue topics, synced with its profile; the article's
// list until it has one.
func TestDialogueTopicsAreTheCommittees(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	got, err := st.DialogueTopics(ctx)
	must(t, err)
	if len(got) != len(domain.DialogueTopics) || got[0] != "Bảo vệ môi trường" {
		t.Fatalf("the default list: %v", got)
	}
	_, err = st.SaveCommitteeProfile(ctx, domain.CommitteeProfile{CommitteeID: f.district, ShortName: "Huyện ủy Kim Sơn", IssuingBody: "HUYỆN ỦY KIM SƠN",
		Symbol: "HU", Topics: []string{" Đất đai ", "", "Giao thông nông thôn", "Khác"}})
	must(t, err)
	got, _ = st.DialogueTopics(ctx)
	if strings.Join(got, "|") != "Đất đai|Giao thông nông thôn|Khác" {
		t.Errorf("the committee's list: %v", got)
	}
}
