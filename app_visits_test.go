package main

import (
	"encoding/base64"
	"os"
	"strings"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/store"
)

// The bound methods of the field workflow, through the demo district: register and publish
// a month, plan, number the letter, write and submit the report, export every paper.
func TestFieldWorkflowThroughTheApp(t *testing.T) {
	a := newTestApp(t)
	if _, err := a.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	communes, _ := a.ListCommunes()
	commune := communes[0]
	g, err := a.MonthGrid(commune.ID, "2018-06")
	if err != nil || len(g.Rows) == 0 {
		t.Fatalf("grid: %d rows, %v", len(g.Rows), err)
	}
	cell := g.Rows[0]
	xs, err := a.SaveSchedules([]domain.Schedule{{CellID: cell.CellID, Date: "2018-06-05", StartTime: "07:30", Place: "Nhà văn hóa"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.PublishMonth(commune.ID, "2018-06"); err != nil {
		t.Fatal(err)
	}
	officials, _ := a.ListOfficials()
	var board domain.Official
	for _, o := range officials {
		if o.Role == domain.RoleStandingBoard {
			board = o
		}
	}
	plan, err := a.PlanVisit(xs[0].ID, board.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.ExportLetter(plan.Visit.ID, "pdf"); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("letter without number: %v", err)
	}
	if err := a.SetLetterSettings(store.LetterSettings{Issuer: true}); err != nil {
		t.Fatal(err)
	}
	v, err := a.IssueLetter(plan.Visit.ID, "2018-06-01")
	if err != nil || v.LetterNumber() != "01-GGT/HU" {
		t.Fatalf("letter %q, %v", v.LetterNumber(), err)
	}
	for format, magic := range map[string]string{"pdf": "%PDF", "docx": "PK"} {
		s, err := a.ExportLetter(v.ID, format)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := base64.StdEncoding.DecodeString(s); !strings.HasPrefix(string(b), magic) {
			t.Errorf("letter %s starts with %q", format, b[:4])
		}
	}
	// Printing writes the letter's PDF for the system's viewer (not opened without a window).
	printed, err := a.PrintDocument("letter", v.ID)
	if b, _ := os.ReadFile(printed); err != nil || !strings.HasPrefix(string(b), "%PDF") || !a.wasSaved(printed) {
		t.Errorf("printed letter %q: %v", printed, err)
	}
	form, err := a.OpenReportForm(v.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	for k, x := range map[string]any{"endTime": "10:00", "membersTotal": 10, "membersFull": 10, "membersProbationary": 0,
		"membersExempted": 0, "present": 10, "absentExcused": 0, "absentUnexcused": 0, "chair": "A", "secretary": "B",
		"quality": "Tốt", "feedback": "Tốt.", "signer": board.Name} {
		form.Draft.Values[k] = x
	}
	if _, err := a.SaveReportDraft(form.Draft); err != nil {
		t.Fatal(err)
	}
	r, err := a.SubmitReport(v.ID, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := a.ExportReport(r.ID, "docx"); err != nil || s == "" {
		t.Fatalf("report docx: %v", err)
	}
	if _, err := a.ExportReport(r.ID, "odt"); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("unknown format: %v", err)
	}
	if s, err := a.ExportOverview("2018-06"); err != nil || s == "" {
		t.Fatalf("overview: %v", err)
	}
	ov, err := a.RoundOverview("2018-06")
	if err != nil || ov.Total.Reported != 1 || ov.Total.Cells != 448 {
		t.Fatalf("overview %+v, %v", ov.Total, err)
	}
}
