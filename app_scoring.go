package main

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/scoring"
)

// The scoring methods that take or give files live here rather than in app.go: they need
// imports that an append to app.go cannot add. Each file comes two ways: Export… returns
// base64 (browser mode downloads it), Save… writes it where the person chooses with the
// desktop's save dialog and returns the path ("" when cancelled).

// ImportCriteriaSetXLSX reads a criteria set workbook (base64) into a new draft.
func (a *App) ImportCriteriaSetXLSX(data string) (domain.CriteriaSet, error) {
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return domain.CriteriaSet{}, domain.Errorf(domain.EInvalid, "file", "Không đọc được tệp đã chọn.", "The chosen file could not be read.")
	}
	set, err := scoring.ImportCriteriaSet(raw)
	if err != nil {
		return domain.CriteriaSet{}, err
	}
	return a.store().SaveCriteriaSet(a.ctx, set)
}

// ExportCriteriaSetXLSX returns a criteria set as a workbook (base64).
func (a *App) ExportCriteriaSetXLSX(id string) (string, error) {
	_, b, err := a.criteriaSetFile(id)
	return documents.Base64(b, err)
}

// SaveCriteriaSetXLSX saves a criteria set as a workbook with the save dialog.
func (a *App) SaveCriteriaSetXLSX(id string) (string, error) {
	name, b, err := a.criteriaSetFile(id)
	return a.saveWithDialog(name, b, err)
}

// ExportMonthReportXLSX returns a month's ranking and distribution as a workbook (base64).
func (a *App) ExportMonthReportXLSX(month string) (string, error) {
	_, b, err := a.monthReportFile(month)
	return documents.Base64(b, err)
}

// SaveMonthReportXLSX saves a month's ranking as a workbook with the save dialog.
func (a *App) SaveMonthReportXLSX(month string) (string, error) {
	name, b, err := a.monthReportFile(month)
	return a.saveWithDialog(name, b, err)
}

// ExportYearReportXLSX returns the year-end classification as a workbook (base64).
func (a *App) ExportYearReportXLSX(year int) (string, error) {
	_, b, err := a.yearReportFile(year)
	return documents.Base64(b, err)
}

// SaveYearReportXLSX saves the year-end classification as a workbook with the save dialog.
func (a *App) SaveYearReportXLSX(year int) (string, error) {
	name, b, err := a.yearReportFile(year)
	return a.saveWithDialog(name, b, err)
}

// ExportClassificationDOCX returns the year-end classification table as a Word document
// (base64) dated date (dd/mm/yyyy; empty leaves the date to fill in by hand).
func (a *App) ExportClassificationDOCX(year int, date string) (string, error) {
	_, b, err := a.classificationFile(year, date)
	return documents.Base64(b, err)
}

// SaveClassificationDOCX saves the classification table as a Word document with the dialog.
func (a *App) SaveClassificationDOCX(year int, date string) (string, error) {
	name, b, err := a.classificationFile(year, date)
	return a.saveWithDialog(name, b, err)
}

func (a *App) criteriaSetFile(id string) (string, []byte, error) {
	set, err := a.store().GetCriteriaSet(a.ctx, id)
	if err != nil {
		return "", nil, err
	}
	b, err := scoring.ExportCriteriaSet(set)
	return fmt.Sprintf("Bo-tieu-chi-phien-ban-%d.xlsx", set.Version), b, err
}

func (a *App) monthReportFile(month string) (string, []byte, error) {
	rep, err := a.store().MonthReport(a.ctx, month)
	if err != nil {
		return "", nil, err
	}
	names, err := a.store().CommuneNames(a.ctx)
	if err != nil {
		return "", nil, err
	}
	b, err := scoring.ExportMonthReport(rep, names)
	return "Xep-hang-thang-" + month + ".xlsx", b, err
}

func (a *App) yearReportFile(year int) (string, []byte, error) {
	rep, err := a.store().YearReport(a.ctx, year)
	if err != nil {
		return "", nil, err
	}
	names, err := a.store().CommuneNames(a.ctx)
	if err != nil {
		return "", nil, err
	}
	rep.Rows = a.paperOrder(rep.Rows)
	b, err := scoring.ExportYearReport(rep, names)
	return fmt.Sprintf("Xep-loai-nam-%d.xlsx", year), b, err
}

func (a *App) classificationFile(year int, date string) (string, []byte, error) {
	rep, err := a.store().YearReport(a.ctx, year)
	if err != nil {
		return "", nil, err
	}
	rep.Rows = a.paperOrder(rep.Rows)
	// The table is the signed-in committee's paper: its heading, symbol and signer.
	prof, err := a.store().OwnPaperProfile(a.ctx)
	if err != nil {
		return "", nil, err
	}
	iso := ""
	for _, layout := range []string{"2006-01-02", "02/01/2006"} { // the date field's value, or typed
		if t, err := time.Parse(layout, strings.TrimSpace(date)); err == nil {
			iso = t.Format("2006-01-02")
			break
		}
	}
	b, err := documents.Render(documents.OnPaper(documents.ClassificationDoc(documents.ClassificationPaper{Header: prof.Header(), Symbol: prof.Symbol, Date: iso, Report: rep}), prof), documents.FormatDOCX)
	return fmt.Sprintf("Bang-xep-loai-nam-%d.docx", year), b, err
}

// paperOrder orders a year report's organizations for the files: as the party lists
// them (committees, then cells), unless this desktop chose plain Vietnamese order.
func (a *App) paperOrder(rows []domain.YearClassification) []domain.YearClassification {
	if order, _ := a.store().Setting(a.ctx, "papers/order"); order == "name" {
		return rows
	}
	return domain.PartyOrder(rows)
}

// PaperOrder is how the year's files order organizations: "party" (default) or "name".
func (a *App) PaperOrder() (string, error) {
	order, err := a.store().Setting(a.ctx, "papers/order")
	if order != "name" {
		order = "party"
	}
	return order, err
}

// SetPaperOrder chooses "party" or "name" order for the year's files.
func (a *App) SetPaperOrder(order string) error {
	if order != "party" && order != "name" {
		return domain.Errorf(domain.EInvalid, "order", "Thứ tự không hợp lệ.", "Invalid order.")
	}
	return a.store().SetSetting(a.ctx, "papers/order", order)
}
