package fieldsync_test

import (
	"testing"

	"chibo/backend/domain"
	"chibo/backend/store"
	"chibo/backend/synctest"
)

// After the round, through the real server (issue 10): the Standing Board drafts the
// conclusion notice from the reports; no commune office ever receives the draft; once
// issued, every office receives the notice, and each only its own organizations' items;
// the Phát Diệm office reports its remedy offline; the official's verdict reaches it.
func TestNoticeAndRemediationThroughTheServer(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	pdOffice, bmOffice := env.Device("vp.phatdiem"), env.Device("vp.binhminh")
	board, pdCadre := env.Device("bithu"), env.Device("canbo.phatdiem")
	all := []*synctest.Device{pdOffice, bmOffice, board, pdCadre}
	syncAll := func() {
		t.Helper()
		for round := 0; round < 2; round++ {
			for _, d := range all {
				d.Sync(t)
			}
		}
	}
	syncAll()
	pd := communeID(t, board.Store, "Phát Diệm")

	g, err := pdOffice.Store.MonthGrid(ctx, pd, "2018-06")
	must(t, err)
	var xs []domain.Schedule
	for i, r := range g.Rows[:3] {
		xs = append(xs, domain.Schedule{CellID: r.CellID, Date: "2018-06-0" + string(rune('2'+i)), StartTime: "07:30", Place: "Nhà văn hóa"})
	}
	_, err = pdOffice.Store.SaveSchedules(ctx, xs)
	must(t, err)
	_, err = pdOffice.Store.PublishMonth(ctx, pd, "2018-06")
	must(t, err)
	syncAll()
	var official domain.Official
	os, _ := pdCadre.Store.ListOfficials(ctx)
	for _, o := range os {
		if o.Role == domain.RoleDistrictCadre && o.CommuneID == pd {
			official = o
		}
	}
	ms, err := pdCadre.Store.ListSchedules(ctx, store.ScheduleFilter{From: "2018-06-01", To: "2018-06-30"})
	must(t, err)
	plan, err := pdCadre.Store.PlanVisit(ctx, ms[0].Schedule.ID, official.ID, "")
	must(t, err)
	form, err := pdCadre.Store.OpenReportForm(ctx, plan.Visit.ID, "")
	must(t, err)
	for k, x := range map[string]any{"endTime": "10:00", "membersTotal": 20, "membersFull": 18, "membersProbationary": 2,
		"membersExempted": 1, "present": 16, "absentExcused": 2, "absentUnexcused": 1, "chair": "Nguyễn Văn Bình",
		"secretary": "Lê Thị Hoa", "quality": "Trung bình", "weaknesses": "Chưa kiểm điểm việc thực hiện nghị quyết tháng trước.",
		"feedback": "Cần chuẩn bị kỹ nội dung.", "signer": official.Name} {
		form.Draft.Values[k] = x
	}
	_, err = pdCadre.Store.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	_, err = pdCadre.Store.SubmitReport(ctx, plan.Visit.ID, "", "")
	must(t, err)
	syncAll()

	// The draft stays with the district.
	n, err := board.Store.DraftNotice(ctx, "2018-06", "")
	must(t, err)
	if len(n.Shortcomings) != 1 {
		t.Fatalf("the draft suggests %d organizations with shortcomings, want 1", len(n.Shortcomings))
	}
	n, err = board.Store.SaveNotice(ctx, n)
	must(t, err)
	syncAll()
	for _, d := range []*synctest.Device{pdOffice, bmOffice} {
		if k := rows(t, d, `SELECT count(*) FROM notices`); k != 0 {
			t.Fatalf("%s holds %d draft notices", d.Account.Username, k)
		}
	}
	issued, err := board.Store.IssueNotice(ctx, n.ID, "2018-07-05")
	must(t, err)
	syncAll()
	for _, d := range []*synctest.Device{pdOffice, bmOffice} {
		got, err := d.Store.GetNotice(ctx, n.ID)
		if err != nil || got.NoticeNumber() != issued.NoticeNumber() {
			t.Fatalf("%s: the issued notice %v (%v)", d.Account.Username, got.NoticeNumber(), err)
		}
	}
	if k := rows(t, bmOffice, `SELECT count(*) FROM remediations`); k != 0 {
		t.Fatalf("the Bình Minh office holds %d items of Phát Diệm", k)
	}
	items, err := pdOffice.Store.ListRemediation(ctx, store.RemediationFilter{})
	must(t, err)
	if len(items) != 1 {
		t.Fatalf("the Phát Diệm office has %d items, want 1", len(items))
	}

	// Offline, the office reports what it did; the official verifies after the sync.
	_, err = pdOffice.Store.ReportRemediation(ctx, items[0].ID, "2018-07-15", "Đã kiểm điểm trong buổi sinh hoạt tháng 7", "Biên bản ngày 15/7")
	must(t, err)
	syncAll()
	checked, err := board.Store.ListRemediation(ctx, store.RemediationFilter{})
	must(t, err)
	if len(checked) != 1 || len(checked[0].Reports) != 1 {
		t.Fatalf("the board does not see the office's report: %+v", checked)
	}
	must(t, board.Store.VerifyRemediation(ctx, items[0].ID, domain.Remedied, "Đã khắc phục"))
	// The office may not give itself the verdict: the server refuses it.
	must(t, pdOffice.Store.VerifyRemediation(ctx, items[0].ID, domain.NotRemedied, "tự chấm"))
	syncAll()
	items, _ = pdOffice.Store.ListRemediation(ctx, store.RemediationFilter{})
	if items[0].Verdict != domain.Remedied {
		t.Fatalf("the office sees verdict %q, want remedied", items[0].Verdict)
	}
	refused, _ := pdOffice.Store.RefusedChanges(ctx)
	if len(refused) != 1 || refused[0].Kind != "remediation_check" {
		t.Fatalf("the office's own verdict was not refused: %+v", refused)
	}
}

// Matters through the real server (issue 11): the Phát Diệm office registers its urgent
// matters and holds a dialogue; Bình Minh's office holds none of it; the committee
// returns one with a comment, which reaches the office; an office that accepts its own
// matter is refused.
func TestMattersThroughTheServer(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	pdOffice, bmOffice, board := env.Device("vp.phatdiem"), env.Device("vp.binhminh"), env.Device("bithu")
	all := []*synctest.Device{pdOffice, bmOffice, board}
	syncAll := func() {
		for round := 0; round < 2; round++ {
			for _, d := range all {
				d.Sync(t)
			}
		}
	}
	syncAll()
	pd := communeID(t, board.Store, "Phát Diệm")
	units, _ := pdOffice.Store.ListUnits(ctx)
	var org string
	for _, u := range units {
		if u.CommuneID == pd && u.Kind == domain.KindGrassrootsCommittee {
			org = u.ID
		}
	}
	var ids []string
	for _, title := range []string{"Xử lý rác thải", "Nạo vét kênh", "Đường giao thông nội đồng"} {
		m, err := pdOffice.Store.SaveMatter(ctx, domain.Matter{Source: domain.SourceUrgent, UnitID: org, Title: title, Lead: "Bí thư", Deadline: "2018-12-31", Year: 2018})
		must(t, err)
		ids = append(ids, m.ID)
	}
	_, err := pdOffice.Store.SaveDialogue(ctx, domain.Dialogue{CommuneID: pd, Kind: domain.DialogueMeeting, Date: "2018-05-10"},
		[]store.DialogueIssue{{Topic: "Đất đai", Content: "Cấp giấy chứng nhận", ForwardedTo: "UBND", Deadline: "2018-06-10"}})
	must(t, err)
	syncAll()
	if n := rows(t, bmOffice, `SELECT count(*) FROM matters`) + rows(t, bmOffice, `SELECT count(*) FROM dialogues`); n != 0 {
		t.Fatalf("the Bình Minh office holds %d matters or dialogues of Phát Diệm", n)
	}
	if n := rows(t, board, `SELECT count(*) FROM matters`); n != 4 {
		t.Fatalf("the board holds %d matters, want 4", n)
	}
	must(t, board.Store.ReviewMatter(ctx, ids[1], domain.MatterReturned, "Ghi rõ chiều dài kênh"))
	must(t, pdOffice.Store.ReviewMatter(ctx, ids[0], domain.MatterAccepted, "tự duyệt"))
	syncAll()
	ms, err := pdOffice.Store.ListMatters(ctx, store.MatterFilter{Source: "urgent"})
	must(t, err)
	decided := map[string]domain.MatterDecision{}
	for _, m := range ms {
		decided[m.ID] = m.Decision
	}
	if decided[ids[1]] != domain.MatterReturned || decided[ids[0]] != "" {
		t.Fatalf("decisions the office sees: %v", decided)
	}
	refused, _ := pdOffice.Store.RefusedChanges(ctx)
	if len(refused) != 1 || refused[0].Kind != "matter_review" {
		t.Fatalf("the office's own acceptance was not refused: %+v", refused)
	}
}
