package main

import (
	"fmt"

	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// The leadership's overview (Tổng quan) and the periodic report made from it (issue 11).

// Overview returns the figures of a period in this device's scope.
func (a *App) Overview(p domain.Period) (domain.Overview, error) {
	return a.store().Overview(a.ctx, p)
}

// SavePeriodicReport writes the period's report as DOCX or PDF where the person chooses.
func (a *App) SavePeriodicReport(p domain.Period, format string) (string, error) {
	name, b, err := a.periodicFile(p, format)
	return a.saveWithDialog(name, b, err)
}

// ExportPeriodicReport returns the period's report as base64 (docx or pdf).
func (a *App) ExportPeriodicReport(p domain.Period, format string) (string, error) {
	_, b, err := a.periodicFile(p, format)
	return documents.Base64(b, err)
}

func (a *App) periodicFile(p domain.Period, format string) (string, []byte, error) {
	ov, prof, today, err := a.store().PeriodicPaper(a.ctx, p)
	if err != nil {
		return "", nil, err
	}
	b, err := documents.Render(documents.OnPaper(documents.PeriodicDoc(documents.PeriodicPaper{Header: prof.Header(), Symbol: prof.Symbol, Date: today, Overview: ov}), prof), format)
	name := fmt.Sprintf("Bao-cao-%s-%d", p.Kind, p.Year)
	if p.Kind != domain.PeriodYear {
		name = fmt.Sprintf("Bao-cao-%s-%02d-%d", p.Kind, p.N, p.Year)
	}
	return documents.FileName(name, format), b, err
}

// CommunePage returns one commune's organizations, schedules, results, scores, matters
// and notices for a month.
func (a *App) CommunePage(communeID, month string) (store.CommunePage, error) {
	return a.store().CommunePage(a.ctx, communeID, month)
}
