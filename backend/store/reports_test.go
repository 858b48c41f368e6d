package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chibo/backend/domain"
)

// fillReport completes a prefilled draft so that it passes every rule of the default template.
func fillReport(v map[string]any) {
	for k, x := range map[string]any{
		"endTime": "10:00", "membersTotal": float64(20), "membersFull": float64(18), "membersProbationary": float64(2),
		"membersExempted": float64(1), "present": float64(16), "absentExcused": float64(2), "absentUnexcused": float64(1),
		"chair": "Nguyễn Văn Bình", "secretary": "Lê Thị Hoa", "quality": "Khá", "strengths": "Đúng trình tự",
		"feedback": "Cần bám sát nghị quyết tháng trước.", "signer": "Trần Thị Lan",
	} {
		v[k] = x
	}
}

func plannedVisit(t *testing.T, st *Store, f visitFixture) domain.Visit {
	t.Helper()
	x := publishedSchedule(t, st, f.cell, "2018-06-05")
	res, err := st.PlanVisit(context.Background(), x.ID, f.cadre, "")
	must(t, err)
	return res.Visit
}

func TestReportDraftSurvivesACrashAndSubmits(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	v := plannedVisit(t, st, f)

	form, err := st.OpenReportForm(ctx, v.ID, "")
	must(t, err)
	d := form.Draft
	if form.Saved || d.TemplateID != domain.DefaultTemplateID || d.TemplateVersion != 1 ||
		d.Values["cellName"] != "Chi bộ Xóm 1" || d.Values["parentName"] != "Đảng bộ xã Đồng Hướng" ||
		d.Values["meetingDate"] != "2018-06-05" || d.Values["meetingKind"] != "Thường kỳ" || d.Values["officialName"] != "Trần Thị Lan" {
		t.Fatalf("prefilled form: %+v", form)
	}
	// Autosave after every change: here a half-typed feedback.
	d.Values["chair"] = "Nguyễn Văn Bình"
	d.Values["feedback"] = "Cần bám sát nghị qu"
	_, err = st.SaveReportDraft(ctx, d)
	must(t, err)
	outbox := countRows(t, st, `SELECT count(*) FROM outbox`)

	// The app dies; the file is opened again.
	path := st.Path()
	st.Close()
	st, err = Open(path)
	must(t, err)
	defer st.Close()
	form, err = st.OpenReportForm(ctx, v.ID, "")
	must(t, err)
	if !form.Saved || form.Draft.Values["feedback"] != "Cần bám sát nghị qu" || form.Draft.Values["cellName"] != "Chi bộ Xóm 1" {
		t.Fatalf("draft after reopening: %+v", form.Draft)
	}
	if got, _ := st.GetVisit(ctx, v.ID); got.Status != domain.VisitAttended {
		t.Fatalf("visit after first draft: %s", got.Status)
	}

	t.Run("incomplete report is refused and nothing is saved", func(t *testing.T) {
		_, err := st.SubmitReport(ctx, v.ID, "", "")
		if e, ok := err.(*domain.Error); !ok || e.Code != domain.EInvalid || e.Field == "" {
			t.Fatalf("got %#v", err)
		}
		if n := countRows(t, st, `SELECT count(*) FROM visit_reports`); n != 0 {
			t.Fatal("a report was written")
		}
		if n := countRows(t, st, `SELECT count(*) FROM report_drafts`); n != 1 {
			t.Fatal("the draft was lost")
		}
		if n := countRows(t, st, `SELECT count(*) FROM outbox`); n != outbox {
			t.Fatal("a change was logged")
		}
	})
	t.Run("attendance that does not add up is refused", func(t *testing.T) {
		fillReport(d.Values)
		d.Values["absentUnexcused"] = float64(3)
		_, err := st.SaveReportDraft(ctx, d)
		must(t, err)
		_, err = st.SubmitReport(ctx, v.ID, "", "")
		if e, ok := err.(*domain.Error); !ok || e.Field != "membersTotal" {
			t.Fatalf("got %#v", err)
		}
	})

	fillReport(d.Values)
	_, err = st.SaveReportDraft(ctx, d)
	must(t, err)
	r, err := st.SubmitReport(ctx, v.ID, "", "")
	must(t, err)
	if r.Revision != 0 || r.TemplateVersion != 1 || r.CommuneID != f.commune || r.Values["feedback"] != "Cần bám sát nghị quyết tháng trước." {
		t.Fatalf("report: %+v", r)
	}
	if got, _ := st.GetVisit(ctx, v.ID); got.Status != domain.VisitReported {
		t.Fatalf("visit after submit: %s", got.Status)
	}
	if n := countRows(t, st, `SELECT count(*) FROM report_drafts`); n != 0 {
		t.Fatal("draft kept after submit")
	}
	if n := countRows(t, st, `SELECT count(*) FROM visit_reports WHERE id = ? AND restricted = 1`, r.ID); n != 1 {
		t.Fatal("report is not restricted")
	}

	// What the commune receives: date, official, feedback; not the assessment.
	rel, err := st.ListReleases(ctx, f.commune)
	must(t, err)
	if len(rel) != 1 || rel[0].Feedback != "Cần bám sát nghị quyết tháng trước." || rel[0].OfficialName != "Trần Thị Lan" ||
		rel[0].Date != "2018-06-05" || rel[0].Assessment != "" || rel[0].CellName != "Chi bộ Xóm 1" {
		t.Fatalf("release: %+v", rel)
	}
	if n := countRows(t, st, `SELECT count(*) FROM visit_releases WHERE restricted = 0 AND commune_id = ?`, f.commune); n != 1 {
		t.Fatal("release is not classified for the commune")
	}

	t.Run("a submitted report is immutable", func(t *testing.T) {
		_, err := st.SaveReportDraft(ctx, domain.ReportDraft{VisitID: v.ID, Values: map[string]any{"feedback": "khác"}})
		if e, ok := err.(*domain.Error); !ok || !strings.Contains(e.Message, "đã nộp") {
			t.Fatalf("draft over a submitted report: %v", err)
		}
		_, err = st.SubmitReport(ctx, v.ID, "", "")
		if e, ok := err.(*domain.Error); !ok || !strings.Contains(e.Message, "đã nộp") {
			t.Fatalf("second submit: %v", err)
		}
		if err := st.insertReportOnce(r); domain.ErrorCode(err) != domain.EConflict {
			t.Fatalf("overwrite: %v", err)
		}
		got, _ := st.GetReport(ctx, r.ID)
		if got.Values["feedback"] != "Cần bám sát nghị quyết tháng trước." {
			t.Fatalf("changed: %+v", got.Values)
		}
	})

	t.Run("an amendment keeps the history", func(t *testing.T) {
		form, err := st.OpenReportForm(ctx, v.ID, r.ID)
		must(t, err)
		if form.Draft.Values["present"] != float64(16) {
			t.Fatalf("amendment does not start from the report: %+v", form.Draft.Values)
		}
		form.Draft.Values["feedback"] = "Cần bám sát nghị quyết và chuẩn bị kỹ."
		_, err = st.SaveReportDraft(ctx, form.Draft)
		must(t, err)
		if _, err := st.SubmitReport(ctx, v.ID, r.ID, " "); domain.ErrorCode(err) != domain.EInvalid {
			t.Fatalf("amendment without reason: %v", err)
		}
		a, err := st.SubmitReport(ctx, v.ID, r.ID, "Ghi thiếu ý kiến")
		must(t, err)
		if a.Revision != 1 || a.Amends != r.ID || a.Reason != "Ghi thiếu ý kiến" {
			t.Fatalf("amendment: %+v", a)
		}
		hist, err := st.ReportHistory(ctx, r.ID)
		must(t, err)
		if len(hist) != 2 || hist[0].Values["feedback"] != "Cần bám sát nghị quyết tháng trước." || hist[1].ID != a.ID {
			t.Fatalf("history: %+v", hist)
		}
		list, err := st.ListReports(ctx, "2018-06")
		must(t, err)
		if len(list) != 1 || list[0].ID != a.ID {
			t.Fatalf("list shows the newest revision only: %+v", list)
		}
		rel, _ := st.ListReleases(ctx, f.commune)
		if len(rel) != 1 || rel[0].Feedback != "Cần bám sát nghị quyết và chuẩn bị kỹ." {
			t.Fatalf("release after amendment: %+v", rel)
		}
	})

	t.Run("the district releases the assessment", func(t *testing.T) {
		rel, err := st.ReleaseAssessment(ctx, r.ID)
		must(t, err)
		if rel.Assessment != "Chất lượng buổi sinh hoạt: Khá\nƯu điểm: Đúng trình tự" {
			t.Fatalf("assessment: %q", rel.Assessment)
		}
	})
}

// insertReportOnce tries to write r again, as a second submission of the same id would.
func (s *Store) insertReportOnce(r domain.Report) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return s.insertReport(tx, r)
}

func TestTemplateVersions(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	v := plannedVisit(t, st, f)
	// A report begun on version 1…
	form, err := st.OpenReportForm(ctx, v.ID, "")
	must(t, err)
	fillReport(form.Draft.Values)
	_, err = st.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	if n := countRows(t, st, `SELECT count(*) FROM outbox WHERE kind = 'report_template'`); n != 0 {
		t.Fatal("the built-in template entered the change log")
	}

	// …then the district renames a field and adds a required one.
	v2 := domain.DefaultReportTemplate()
	v2.Fields[1].Label = "Tên chi bộ"
	v2.Fields = append(v2.Fields, domain.TemplateField{Key: "guests", Label: "Đại biểu dự", Type: domain.FieldText, Required: true})
	saved, err := st.SaveTemplateVersion(ctx, v2)
	must(t, err)
	if saved.Version != 2 || saved.ID == domain.DefaultTemplateID {
		t.Fatalf("saved: %d %s", saved.Version, saved.ID)
	}
	bad := v2
	bad.Fields = append([]domain.TemplateField{}, v2.Fields...)
	bad.Fields[2].Key = bad.Fields[1].Key
	if _, err := st.SaveTemplateVersion(ctx, bad); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("invalid template: %v", err)
	}
	all, err := st.ListTemplates(ctx)
	must(t, err)
	if len(all) != 2 || all[0].Version != 2 || all[1].Version != 1 || all[1].Fields[1].Label != "Chi bộ" {
		t.Fatalf("versions: %d", len(all))
	}

	// The old report is submitted on version 1 without the new required field.
	r, err := st.SubmitReport(ctx, v.ID, "", "")
	must(t, err)
	if r.TemplateVersion != 1 {
		t.Fatalf("report moved to version %d", r.TemplateVersion)
	}
	// A new report starts on version 2 and needs the new field.
	y := publishedSchedule(t, st, f.cell2, "2018-06-06")
	res, err := st.PlanVisit(ctx, y.ID, f.cadre, "")
	must(t, err)
	form, err = st.OpenReportForm(ctx, res.Visit.ID, "")
	must(t, err)
	if form.Draft.TemplateVersion != 2 || form.Template.Fields[1].Label != "Tên chi bộ" {
		t.Fatalf("new form: version %d", form.Draft.TemplateVersion)
	}
	fillReport(form.Draft.Values)
	_, err = st.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	if _, err := st.SubmitReport(ctx, res.Visit.ID, "", ""); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("missing new field: %v", err)
	}
}

func TestRoundOverview(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	v := plannedVisit(t, st, f)
	y := publishedSchedule(t, st, f.otherCell, "2018-06-07")
	_, err := st.PlanVisit(ctx, y.ID, f.otherCadre, "")
	must(t, err)
	form, err := st.OpenReportForm(ctx, v.ID, "")
	must(t, err)
	fillReport(form.Draft.Values)
	_, err = st.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	_, err = st.SubmitReport(ctx, v.ID, "", "")
	must(t, err)

	ov, err := st.RoundOverview(ctx, "2018-06")
	must(t, err)
	want := domain.OverviewRow{Name: "Tổng cộng", Cells: 3, Scheduled: 2, Planned: 2, Attended: 1, Reported: 1}
	if ov.Total != want {
		t.Fatalf("total: got %+v, want %+v", ov.Total, want)
	}
	if len(ov.Communes) != 2 || ov.Communes[0].Name != "Đồng Hướng" || ov.Communes[0].Reported != 1 || ov.Communes[1].Planned != 1 {
		t.Fatalf("communes: %+v", ov.Communes)
	}
	if len(ov.Officials) != 2 || len(ov.Reports) != 1 || ov.Reports[0].CellName != "Chi bộ Xóm 1" || ov.Reports[0].OfficialName != "Trần Thị Lan" {
		t.Fatalf("officials %+v reports %+v", ov.Officials, ov.Reports)
	}
}

// An amendment written on a second laptop that has not yet received the release writes the
// same release record: after the exchange the commune has one release, not two.
func TestOneReleasePerReportAcrossDevices(t *testing.T) {
	ctx := context.Background()
	a, f := newVisitStore(t)
	v := plannedVisit(t, a, f)
	form, err := a.OpenReportForm(ctx, v.ID, "")
	must(t, err)
	fillReport(form.Draft.Values)
	_, err = a.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	r, err := a.SubmitReport(ctx, v.ID, "", "")
	must(t, err)

	b, err := Open(filepath.Join(t.TempDir(), "b.db"))
	must(t, err)
	defer b.Close()
	copyAll(t, a, b)
	_, err = b.db.Exec(`DELETE FROM visit_releases`) // not received yet
	must(t, err)
	form, err = b.OpenReportForm(ctx, v.ID, r.ID)
	must(t, err)
	form.Draft.Values["feedback"] = "Bổ sung: cần kiểm điểm đảng viên vắng không lý do."
	_, err = b.SaveReportDraft(ctx, form.Draft)
	must(t, err)
	_, err = b.SubmitReport(ctx, v.ID, r.ID, "Bổ sung ý kiến")
	must(t, err)
	copyAll(t, b, a)
	rel, err := a.ListReleases(ctx, f.commune)
	must(t, err)
	if len(rel) != 1 || rel[0].ID != ReleaseID(r.ID) || rel[0].Feedback != "Bổ sung: cần kiểm điểm đảng viên vắng không lý do." {
		t.Fatalf("releases: %+v", rel)
	}
}

// A report is for a meeting that took place: before its day a draft may be prepared, but
// the visit is not counted as attended and the report cannot be submitted.
func TestNoReportBeforeTheMeeting(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	v := plannedVisit(t, st, f) // the meeting of 5 June 2018
	st.SetClock(func() time.Time { return time.Date(2018, 5, 20, 3, 0, 0, 0, time.UTC) })
	form, err := st.OpenReportForm(ctx, v.ID, "")
	must(t, err)
	d := form.Draft
	fillReport(d.Values)
	_, err = st.SaveReportDraft(ctx, d)
	must(t, err)
	if got, _ := st.GetVisit(ctx, v.ID); got.Status != domain.VisitPlanned {
		t.Errorf("a draft before the meeting made the visit %s", got.Status)
	}
	_, err = st.SubmitReport(ctx, v.ID, "", "")
	if e, ok := err.(*domain.Error); !ok || !strings.Contains(e.Message, "chưa diễn ra") {
		t.Fatalf("submitting before the meeting: %v", err)
	}
	if n := countRows(t, st, `SELECT count(*) FROM visit_reports`); n != 0 {
		t.Fatal("a report was written")
	}
	st.SetClock(func() time.Time { return time.Date(2018, 6, 5, 12, 0, 0, 0, time.UTC) })
	if _, err := st.SubmitReport(ctx, v.ID, "", ""); err != nil {
		t.Fatalf("on the meeting's day: %v", err)
	}
}
