package store

import (
	"context"
	"testing"
	"time"

	"chibo/backend/domain"
)

// Urgent matters and dialogues as tables: what is refused, what each step does, overdue
// from the injected clock, the counts per commune and the two-days-a-month check.
func TestMattersAndDialogues(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	st.SetClock(func() time.Time { return time.Date(2018, 7, 15, 3, 0, 0, 0, time.UTC) })
	must(t, st.SetYearTheme(ctx, 2018, "Trách nhiệm thực thi công vụ, lời nói thống nhất với kết quả công việc"))
	if th, _ := st.YearTheme(ctx, 2018); th != "Trách nhiệm thực thi công vụ, lời nói thống nhất với kết quả công việc" {
		t.Fatalf("theme %q", th)
	}
	for name, m := range map[string]domain.Matter{
		"no content":     {Source: domain.SourceUrgent, UnitID: f.cell, Lead: "Bí thư", Deadline: "2018-12-31"},
		"no lead":        {Source: domain.SourceUrgent, UnitID: f.cell, Title: "Rác thải", Deadline: "2018-12-31"},
		"bad deadline":   {Source: domain.SourceUrgent, UnitID: f.cell, Title: "Rác thải", Lead: "Bí thư", Deadline: "31/12/2018"},
		"bad milestone":  {Source: domain.SourceUrgent, UnitID: f.cell, Title: "Rác thải", Lead: "Bí thư", Deadline: "2018-12-31", Milestones: []domain.Milestone{{What: "Khảo sát"}}},
		"unknown source": {Source: "rumour", Title: "x"},
	} {
		if _, err := st.SaveMatter(ctx, m); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("%s: %v", name, err)
		}
	}
	m, err := st.SaveMatter(ctx, domain.Matter{Source: domain.SourceUrgent, UnitID: f.cell, Title: "Xử lý rác thải tại các xóm", Expected: "Mỗi xóm có điểm tập kết",
		Lead: "Bí thư chi bộ", Deadline: "2018-06-30", Milestones: []domain.Milestone{{Date: "2018-03-31", What: "Khảo sát"}}})
	must(t, err)
	if m.CommuneID != f.commune || m.Year != 2018 || m.State != domain.MatterRegistered {
		t.Fatalf("registered: %+v", m)
	}
	if err := st.ReviewMatter(ctx, m.ID, domain.MatterReturned, ""); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a return without a comment: %v", err)
	}
	must(t, st.ReviewMatter(ctx, m.ID, domain.MatterReturned, "Ghi rõ số điểm tập kết"))
	m.Expected = "12 điểm tập kết"
	m, err = st.SaveMatter(ctx, m) // a returned matter is edited
	must(t, err)
	must(t, st.ReviewMatter(ctx, m.ID, domain.MatterAccepted, ""))
	if _, err := st.SaveMatter(ctx, m); domain.ErrorCode(err) != domain.EConflict {
		t.Errorf("an accepted matter edited: %v", err)
	}
	ms, _ := st.ListMatters(ctx, MatterFilter{Source: "urgent"})
	if len(ms) != 1 || !ms[0].Overdue || ms[0].Decision != domain.MatterAccepted {
		t.Fatalf("past its deadline and open: %+v", ms)
	}
	for _, c := range []struct {
		date  string
		state domain.MatterState
		note  string
	}{{"2018-08-01", domain.MatterInProgress, "x"}, {"2018-07-01", domain.MatterRegistered, "x"}, {"2018-07-01", domain.MatterInProgress, " "}} {
		if _, err := st.UpdateMatter(ctx, m.ID, c.date, c.state, c.note, ""); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("update %+v: %v", c, err)
		}
	}
	_, err = st.UpdateMatter(ctx, m.ID, "2018-07-01", domain.MatterInProgress, "Đã có 8 điểm tập kết", "")
	must(t, err)
	_, err = st.UpdateMatter(ctx, m.ID, "2018-07-14", domain.MatterResolved, "12 điểm tập kết hoạt động", "Biên bản nghiệm thu")
	must(t, err)
	ms, _ = st.ListMatters(ctx, MatterFilter{})
	if ms[0].State != domain.MatterResolved || ms[0].Overdue || len(ms[0].Updates) != 2 || ms[0].Evidence != "Biên bản nghiệm thu" {
		t.Fatalf("resolved: %+v", ms[0])
	}

	// A dialogue with three issues, one forwarded; a reception; the counts and the rule.
	issues := []DialogueIssue{
		{Topic: "Bảo vệ môi trường", Content: "Mùi từ bãi rác", RaisedBy: "Ông A", Answer: "Đã có kế hoạch di dời"},
		{Topic: "Đất đai", Content: "Cấp giấy chứng nhận chậm", ForwardedTo: "UBND xã", Deadline: "2018-07-10"},
		{Topic: "An toàn vệ sinh thực phẩm", Content: "Chợ tạm", Answer: "Sẽ kiểm tra"},
	}
	if _, err := st.SaveDialogue(ctx, domain.Dialogue{CommuneID: f.commune, Kind: domain.DialogueMeeting, Date: "2018-07-05"},
		append(issues, DialogueIssue{Content: "Không ai trả lời"})); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("an issue neither answered nor forwarded: %v", err)
	}
	d, err := st.SaveDialogue(ctx, domain.Dialogue{CommuneID: f.commune, Kind: domain.DialogueMeeting, Date: "2018-07-05", Chair: "Bí thư"}, issues)
	must(t, err)
	_, err = st.SaveDialogue(ctx, domain.Dialogue{CommuneID: f.commune, Kind: domain.Reception, Date: "2018-07-09"}, nil)
	must(t, err)
	from, _ := st.ListMatters(ctx, MatterFilter{DialogueID: d.ID})
	overdue, _ := st.ListMatters(ctx, MatterFilter{Source: "dialogue", OverdueOnly: true})
	if len(from) != 3 || len(overdue) != 1 || overdue[0].Topic != "Đất đai" {
		t.Fatalf("dialogue matters %d, overdue %+v", len(from), overdue)
	}
	stats, held, err := st.DialogueStats(ctx, 2018)
	must(t, err)
	if held != 1 || len(stats) != 1 || stats[0].Dialogues != 1 || stats[0].Receptions != 1 || stats[0].Issues != 3 || stats[0].Open != 1 {
		t.Fatalf("stats %+v held %d", stats, held)
	}
	// July so far has one reception day: short, like every month before it.
	if n := len(stats[0].ShortMonths); n != 7 || stats[0].ShortMonths[6] != "2018-07" {
		t.Fatalf("months short of two reception days: %v", stats[0].ShortMonths)
	}
}

// Cluster briefings and members' concerns become matters of the tracker.
func TestBriefingsAndConcerns(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	cl, err := st.SaveCluster(ctx, domain.Cluster{Name: "Cụm xã phía Nam"})
	must(t, err)
	dirs := []BriefingDirection{{CommuneID: f.commune, Content: "Hoàn thành nạo vét kênh", Owner: "Chủ tịch UBND xã", Deadline: "2018-09-30"}}
	if _, err := st.SaveBriefing(ctx, domain.Briefing{ClusterID: cl.ID, Date: "2018-08-15"}, append(dirs, BriefingDirection{CommuneID: f.commune, Content: "Không ai làm"})); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a direction without owner and deadline: %v", err)
	}
	b, err := st.SaveBriefing(ctx, domain.Briefing{ClusterID: cl.ID, Date: "2018-08-15", Chair: "Phó Bí thư",
		Reports: []domain.BriefingReport{{CommuneID: f.commune, Text: "Đã xong 60% kế hoạch"}}}, dirs)
	must(t, err)
	ms, _ := st.ListMatters(ctx, MatterFilter{Source: "briefing"})
	if len(ms) != 1 || ms[0].BriefingID != b.ID || ms[0].Lead != "Chủ tịch UBND xã" || ms[0].CommuneID != f.commune {
		t.Fatalf("briefing matters: %+v", ms)
	}
	// A report whose members raised a concern: forwarding it twice makes one matter.
	x := publishedSchedule(t, st, f.cell, "2018-06-05")
	res, err := st.PlanVisit(ctx, x.ID, f.cadre, "")
	must(t, err)
	form, err := st.OpenReportForm(ctx, res.Visit.ID, "")
	must(t, err)
	fillReport(form.Draft.Values)
	form.Draft.Values["concerns"] = "Đề nghị sửa đường vào nghĩa trang"
	_, err = st.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	r, err := st.SubmitReport(ctx, res.Visit.ID, "", "")
	must(t, err)
	a, err := st.ForwardConcern(ctx, r.ID)
	must(t, err)
	b2, err := st.ForwardConcern(ctx, r.ID)
	must(t, err)
	concerns, _ := st.ListMatters(ctx, MatterFilter{Source: "concern"})
	if a.ID != b2.ID || len(concerns) != 1 || concerns[0].Title != "Đề nghị sửa đường vào nghĩa trang" || concerns[0].UnitID != f.cell {
		t.Fatalf("concerns: %+v", concerns)
	}
}
