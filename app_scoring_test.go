package main

import (
	"encoding/base64"
	"strings"
	"testing"

	"chibo/backend/domain"
)

// The scoring API over the Kim Sơn demo with its example year: the views see 76
// organizations, the files decode, and a criteria set survives an export and re-import.
func TestScoringAPIOverTheDemoYear(t *testing.T) {
	a := newTestApp(t)
	if _, err := a.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	n, err := a.LoadDemoScoring()
	if err != nil || n != 76*12 {
		t.Fatalf("LoadDemoScoring = %d, %v", n, err)
	}
	rep, err := a.MonthReport("2018-06")
	if err != nil || len(rep.Rows) != 76 || rep.ByStatus[domain.SheetApproved] != 76 || rep.Rows[0].Rank != 1 {
		t.Fatalf("MonthReport = %d rows %v, %v", len(rep.Rows), rep.ByStatus, err)
	}
	year, err := a.YearReport(2018)
	if err != nil || len(year.Rows) != 76 || year.Rows[0].Final == "" {
		t.Fatalf("YearReport = %+v, %v", year.Rows[:1], err)
	}
	doc, err := a.ExportClassificationDOCX(2018, "26/12/2018")
	if raw, _ := base64.StdEncoding.DecodeString(doc); err != nil || !strings.HasPrefix(string(raw), "PK") {
		t.Fatalf("DOCX: %v", err)
	}
	x, err := a.ExportCriteriaSetXLSX(domain.ExampleCriteriaSetID)
	if err != nil {
		t.Fatal(err)
	}
	draft, err := a.ImportCriteriaSetXLSX(x)
	if err != nil || draft.Status != domain.SetDraft || draft.ID == domain.ExampleCriteriaSetID || draft.MaxBase() != 100 {
		t.Fatalf("re-imported = %+v, %v", draft, err)
	}
	if _, err := a.ImportCriteriaSetXLSX("%%%"); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a bad file: %v", err)
	}
	if _, err := a.ExportMonthReportXLSX("2018-06"); err != nil {
		t.Error(err)
	}
	if _, err := a.ExportYearReportXLSX(2018); err != nil {
		t.Error(err)
	}
}
