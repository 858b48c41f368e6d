package fieldsync_test

import (
	"context"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/store"
	"chibo/backend/synctest"
)

var ctx = context.Background()

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func rows(t *testing.T, d *synctest.Device, q string, args ...any) int {
	t.Helper()
	var n int
	must(t, d.Store.DB().QueryRow(q, args...).Scan(&n))
	return n
}

// noPlans checks, by querying its database, that a commune office's device holds no
// planned visit and no report.
func noPlans(t *testing.T, d *synctest.Device, step string) {
	t.Helper()
	if n := rows(t, d, `SELECT count(*) FROM visits`) + rows(t, d, `SELECT count(*) FROM visit_reports`); n != 0 {
		t.Fatalf("%s: commune office %s holds %d visit or report rows", step, d.Account.Username, n)
	}
}

func communeID(t *testing.T, st *store.Store, name string) string {
	t.Helper()
	cs, err := st.ListCommunes(ctx)
	must(t, err)
	for _, c := range cs {
		if c.Name == name {
			return c.ID
		}
	}
	t.Fatalf("no commune %s", name)
	return ""
}

// Through the real server, with every device synced after every step: the Phát Diệm
// office registers and publishes June; the Phát Diệm cadre sees it, the Bình Minh cadre
// and office do not; the cadre plans a visit, which no commune office ever receives; the
// Standing Office numbers the letter; the cadre submits the report; the Phát Diệm office
// receives only the released part (date, official, feedback), the assessment once the
// district releases it; the Standing Office counts the visit in the round overview.
func TestFieldWorkflowThroughTheServer(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	pdOffice, bmOffice := env.Device("vp.phatdiem"), env.Device("vp.binhminh")
	standing, pdCadre := env.Device("bithu"), env.Device("canbo.phatdiem")
	standing.Sync(t) // the district's whole registry, to find the communes
	pd := communeID(t, standing.Store, "Phát Diệm")
	env.User("canbo.binhminh", "district_cadre", "", communeID(t, standing.Store, "Bình Minh"))
	bmCadre := env.Device("canbo.binhminh")
	all := []*synctest.Device{pdOffice, bmOffice, standing, pdCadre, bmCadre}
	syncAll := func(step string) {
		t.Helper()
		for round := 0; round < 2; round++ { // twice: a change pushed late in round 1 is pulled in round 2
			for _, d := range all {
				d.Sync(t)
			}
		}
		noPlans(t, pdOffice, step)
		noPlans(t, bmOffice, step)
	}
	syncAll("start")

	// 1. The Phát Diệm office registers every cell's June meeting and publishes the month.
	g, err := pdOffice.Store.MonthGrid(ctx, pd, "2018-06")
	must(t, err)
	var xs []domain.Schedule
	for i, r := range g.Rows {
		xs = append(xs, domain.Schedule{CellID: r.CellID, Date: "2018-06-" + twoDigits(1+i%28), StartTime: "07:30", Place: "Nhà văn hóa"})
	}
	_, err = pdOffice.Store.SaveSchedules(ctx, xs)
	must(t, err)
	_, err = pdOffice.Store.PublishMonth(ctx, pd, "2018-06")
	must(t, err)
	syncAll("published")

	mine, err := pdCadre.Store.ListSchedules(ctx, store.ScheduleFilter{From: "2018-06-01", To: "2018-06-30"})
	must(t, err)
	if len(mine) != len(xs) {
		t.Fatalf("Phát Diệm cadre sees %d meetings, want %d", len(mine), len(xs))
	}
	for _, d := range []*synctest.Device{bmCadre, bmOffice} {
		if n := rows(t, d, `SELECT count(*) FROM schedules`); n != 0 {
			t.Fatalf("%s holds %d schedules of another commune", d.Account.Username, n)
		}
	}

	// 2. The cadre plans a visit: it reaches the district, never a commune office.
	var official domain.Official
	os, err := pdCadre.Store.ListOfficials(ctx)
	must(t, err)
	for _, o := range os {
		if o.Role == domain.RoleDistrictCadre && o.CommuneID == pd {
			official = o
		}
	}
	plan, err := pdCadre.Store.PlanVisit(ctx, mine[0].Schedule.ID, official.ID, "")
	must(t, err)
	syncAll("planned")
	if n := rows(t, standing, `SELECT count(*) FROM visits WHERE id = ?`, plan.Visit.ID); n != 1 {
		t.Fatal("the Standing Board does not see the plan")
	}
	if n := rows(t, bmCadre, `SELECT count(*) FROM visits`); n != 0 {
		t.Fatal("a cadre of another commune received the plan")
	}

	// 3. The Standing Office numbers the letter; the cadre receives the number.
	must(t, standing.Store.SetLetterSettings(ctx, store.LetterSettings{Issuer: true}))
	_, err = standing.Store.IssueLetter(ctx, plan.Visit.ID, "2018-06-01")
	must(t, err)
	syncAll("letter")
	v, err := pdCadre.Store.GetVisit(ctx, plan.Visit.ID)
	must(t, err)
	if v.LetterNumber() != "01-GGT/HU" {
		t.Fatalf("cadre's letter number %q", v.LetterNumber())
	}

	// 4. Offline, the cadre writes and submits the report; then syncs.
	form, err := pdCadre.Store.OpenReportForm(ctx, v.ID, "")
	must(t, err)
	if form.Draft.Values["letterNumber"] != "01-GGT/HU" {
		t.Fatalf("letter number not prefilled: %v", form.Draft.Values["letterNumber"])
	}
	for k, x := range map[string]any{"endTime": "10:00", "membersTotal": 20, "membersFull": 18, "membersProbationary": 2,
		"membersExempted": 1, "present": 16, "absentExcused": 2, "absentUnexcused": 1, "chair": "Nguyễn Văn Bình",
		"secretary": "Lê Thị Hoa", "quality": "Khá", "strengths": "Đúng trình tự", "feedback": "Cần bám sát nghị quyết tháng trước.",
		"signer": official.Name} {
		form.Draft.Values[k] = x
	}
	_, err = pdCadre.Store.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	noPlans(t, pdOffice, "draft")
	r, err := pdCadre.Store.SubmitReport(ctx, v.ID, "", "")
	must(t, err)
	syncAll("submitted")

	rel, err := pdOffice.Store.ListReleases(ctx, pd)
	must(t, err)
	if len(rel) != 1 || rel[0].Feedback != "Cần bám sát nghị quyết tháng trước." || rel[0].OfficialName != official.Name ||
		rel[0].Date != v.Date || rel[0].Assessment != "" {
		t.Fatalf("Phát Diệm office's release: %+v", rel)
	}
	if n := rows(t, bmOffice, `SELECT count(*) FROM visit_releases`); n != 0 {
		t.Fatal("Bình Minh received Phát Diệm's release")
	}

	// 5. The Standing Office sees the report in the round overview and releases the assessment.
	ov, err := standing.Store.RoundOverview(ctx, "2018-06")
	must(t, err)
	if ov.Total.Reported != 1 || len(ov.Reports) != 1 || ov.Reports[0].Report.ID != r.ID {
		t.Fatalf("overview: %+v, %d reports", ov.Total, len(ov.Reports))
	}
	_, err = standing.Store.ReleaseAssessment(ctx, r.ID)
	must(t, err)
	syncAll("assessment released")
	rel, err = pdOffice.Store.ListReleases(ctx, pd)
	must(t, err)
	if len(rel) != 1 || rel[0].Assessment != "Chất lượng buổi sinh hoạt: Khá\nƯu điểm: Đúng trình tự" {
		t.Fatalf("release after the district's decision: %+v", rel)
	}
}

func twoDigits(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }
