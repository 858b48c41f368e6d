package main

import (
	"encoding/base64"

	"chibo/backend/domain"
	"chibo/backend/scoring"
)

// The scoring methods that return or take files live here rather than in app.go: they
// need imports that an append to app.go cannot add. Files travel as base64; the frontend
// saves them with a download link (browser mode) or the Wails save dialog.

// ImportCriteriaSetXLSX reads a criteria set workbook (base64) into a new draft.
func (a *App) ImportCriteriaSetXLSX(data string) (domain.CriteriaSet, error) {
	raw, err := decodeFile(data)
	if err != nil {
		return domain.CriteriaSet{}, err
	}
	set, err := scoring.ImportCriteriaSet(raw)
	if err != nil {
		return domain.CriteriaSet{}, err
	}
	return a.store.SaveCriteriaSet(a.ctx, set)
}

// ExportCriteriaSetXLSX returns a criteria set as a workbook (base64).
func (a *App) ExportCriteriaSetXLSX(id string) (string, error) {
	set, err := a.store.GetCriteriaSet(a.ctx, id)
	if err != nil {
		return "", err
	}
	return encodeFile(scoring.ExportCriteriaSet(set))
}

// ExportMonthReportXLSX returns a month's ranking and distribution as a workbook (base64).
func (a *App) ExportMonthReportXLSX(month string) (string, error) {
	rep, err := a.store.MonthReport(a.ctx, month)
	if err != nil {
		return "", err
	}
	names, err := a.store.CommuneNames(a.ctx)
	if err != nil {
		return "", err
	}
	return encodeFile(scoring.ExportMonthReport(rep, names))
}

// ExportYearReportXLSX returns the year-end classification as a workbook (base64).
func (a *App) ExportYearReportXLSX(year int) (string, error) {
	rep, err := a.store.YearReport(a.ctx, year)
	if err != nil {
		return "", err
	}
	names, err := a.store.CommuneNames(a.ctx)
	if err != nil {
		return "", err
	}
	return encodeFile(scoring.ExportYearReport(rep, names))
}

// ExportClassificationDOCX returns the year-end classification table as a Word document
// (base64) dated date (dd/mm/yyyy; empty leaves the date to fill in by hand).
func (a *App) ExportClassificationDOCX(year int, date string) (string, error) {
	rep, err := a.store.YearReport(a.ctx, year)
	if err != nil {
		return "", err
	}
	h := scoring.DefaultHeader()
	h.Date = date
	return encodeFile(scoring.ClassificationDOCX(rep, h))
}

func encodeFile(b []byte, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

func decodeFile(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, domain.Errorf(domain.EInvalid, "file", "Không đọc được tệp đã chọn.", "The chosen file could not be read.")
	}
	return b, nil
}
