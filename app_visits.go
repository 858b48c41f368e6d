package main

import (
	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// ---- Field workflow: schedules, visits, letters, reports, round overview (issue 4) ----

// MonthGrid returns a commune's cells ("" for every cell) with their schedules of a month.
func (a *App) MonthGrid(communeID, month string) (store.MonthGrid, error) {
	return a.store().MonthGrid(a.ctx, communeID, month)
}

// SaveSchedules saves a grid's edited rows, all or none.
func (a *App) SaveSchedules(xs []domain.Schedule) ([]domain.Schedule, error) {
	return a.store().SaveSchedules(a.ctx, xs)
}

// DeleteSchedule removes a draft schedule.
func (a *App) DeleteSchedule(id string) error { return a.store().DeleteSchedule(a.ctx, id) }

// CancelSchedule cancels a schedule; attendees of a published one are warned.
func (a *App) CancelSchedule(id string) (domain.Schedule, error) {
	return a.store().CancelSchedule(a.ctx, id)
}

// PublishMonth sends a commune's draft schedules of a month to the attendees.
func (a *App) PublishMonth(communeID, month string) (int, error) {
	return a.store().PublishMonth(a.ctx, communeID, month)
}

// CopyLastMonth drafts this month's meetings from last month's.
func (a *App) CopyLastMonth(communeID, month string) (store.MonthGrid, error) {
	return a.store().CopyLastMonth(a.ctx, communeID, month)
}

// ListSchedules returns the published meetings an official can choose from.
func (a *App) ListSchedules(f store.ScheduleFilter) ([]store.ScheduleItem, error) {
	return a.store().ListSchedules(a.ctx, f)
}

// PlanVisit records a planned unannounced visit, with who else chose the same meeting.
func (a *App) PlanVisit(scheduleID, officialID, note string) (store.PlanResult, error) {
	return a.store().PlanVisit(a.ctx, scheduleID, officialID, note)
}

// CancelVisit cancels a planned visit.
func (a *App) CancelVisit(id string) (domain.Visit, error) { return a.store().CancelVisit(a.ctx, id) }

// ListVisits returns visits by month, official or commune.
func (a *App) ListVisits(f store.VisitFilter) ([]domain.Visit, error) {
	return a.store().ListVisits(a.ctx, f)
}

// VisitClashes lists a month's meetings chosen by two or more officials.
func (a *App) VisitClashes(month string) ([]domain.VisitClash, error) {
	return a.store().VisitClashes(a.ctx, month)
}

// LetterSettings returns whether this device numbers letters, the symbol and the header.
func (a *App) LetterSettings() (store.LetterSettings, error) { return a.store().LetterSettings(a.ctx) }

// SetLetterSettings changes them.
func (a *App) SetLetterSettings(ls store.LetterSettings) error {
	return a.store().SetLetterSettings(a.ctx, ls)
}

// IssueLetter numbers a visit's introduction letter (date yyyy-mm-dd, today when empty).
func (a *App) IssueLetter(visitID, date string) (domain.Visit, error) {
	return a.store().IssueLetter(a.ctx, visitID, date)
}

// LetterClashes lists letter numbers of a year held by more than one visit.
func (a *App) LetterClashes(year int) ([]store.LetterClash, error) {
	return a.store().LetterClashes(a.ctx, year)
}

// OpenReportForm returns a visit's report draft (amends: the report being corrected).
func (a *App) OpenReportForm(visitID, amends string) (store.ReportForm, error) {
	return a.store().OpenReportForm(a.ctx, visitID, amends)
}

// SaveReportDraft autosaves the report being typed.
func (a *App) SaveReportDraft(d domain.ReportDraft) (domain.ReportDraft, error) {
	return a.store().SaveReportDraft(a.ctx, d)
}

// SubmitReport submits a visit's report or an amendment (with its reason).
func (a *App) SubmitReport(visitID, amends, reason string) (domain.Report, error) {
	return a.store().SubmitReport(a.ctx, visitID, amends, reason)
}

// ReportHistory returns a report and its amendments, oldest first.
func (a *App) ReportHistory(reportID string) ([]domain.Report, error) {
	return a.store().ReportHistory(a.ctx, reportID)
}

// ListReports returns the newest revision of a month's reports.
func (a *App) ListReports(month string) ([]domain.Report, error) {
	return a.store().ListReports(a.ctx, month)
}

// ReleaseAssessment releases a report's assessment to the visited commune.
func (a *App) ReleaseAssessment(reportID string) (domain.VisitRelease, error) {
	return a.store().ReleaseAssessment(a.ctx, reportID)
}

// ListReleases returns what visits released to a commune ("" for all).
func (a *App) ListReleases(communeID string) ([]domain.VisitRelease, error) {
	return a.store().ListReleases(a.ctx, communeID)
}

// ListTemplates returns every version of the report template, newest first.
func (a *App) ListTemplates() ([]domain.ReportTemplate, error) { return a.store().ListTemplates(a.ctx) }

// SaveTemplateVersion saves an edited template as a new version.
func (a *App) SaveTemplateVersion(t domain.ReportTemplate) (domain.ReportTemplate, error) {
	return a.store().SaveTemplateVersion(a.ctx, t)
}

// RoundOverview counts a month's schedules and visits by commune and official.
func (a *App) RoundOverview(month string) (domain.RoundOverview, error) {
	return a.store().RoundOverview(a.ctx, month)
}

// ExportLetter returns a visit's introduction letter as base64 (format docx or pdf).
func (a *App) ExportLetter(visitID, format string) (string, error) {
	_, b, err := a.letterFile(visitID, format)
	return documents.Base64(b, err)
}

// SaveLetter writes a visit's letter where the person chooses; "" when cancelled.
func (a *App) SaveLetter(visitID, format string) (string, error) {
	name, b, err := a.letterFile(visitID, format)
	return a.saveWithDialog(name, b, err)
}

// ExportReport returns a report revision as base64 (format docx or pdf).
func (a *App) ExportReport(reportID, format string) (string, error) {
	_, b, err := a.reportFile(reportID, format)
	return documents.Base64(b, err)
}

// SaveReport writes a report revision where the person chooses; "" when cancelled.
func (a *App) SaveReport(reportID, format string) (string, error) {
	name, b, err := a.reportFile(reportID, format)
	return a.saveWithDialog(name, b, err)
}

// ExportOverview returns a month's round overview as a base64 XLSX.
func (a *App) ExportOverview(month string) (string, error) {
	_, b, err := a.overviewFile(month)
	return documents.Base64(b, err)
}

// SaveOverview writes a month's round overview as XLSX where the person chooses.
func (a *App) SaveOverview(month string) (string, error) {
	name, b, err := a.overviewFile(month)
	return a.saveWithDialog(name, b, err)
}

func (a *App) letterFile(visitID, format string) (string, []byte, error) {
	f, err := a.store().VisitFacts(a.ctx, visitID)
	if err != nil {
		return "", nil, err
	}
	if f.Visit.LetterSeq == 0 {
		return "", nil, domain.Errorf(domain.EInvalid, "", "Chưa cấp số giấy giới thiệu.", "The letter has no number yet.")
	}
	p, err := a.store().PaperProfile(a.ctx, f.Visit.CommitteeID)
	if err != nil {
		return "", nil, err
	}
	l := documents.LetterFromVisit(p.Header(), f)
	if len(p.LetterRecipients) > 0 {
		l.Recipients = p.LetterRecipients
	}
	l.Purpose, l.ValidDays = p.LetterPurpose, p.LetterValidDays // the office's own words
	b, err := a.withTemplate("letter", format, documents.LetterValues(l), documents.OnPaper(documents.LetterDoc(l), p))
	return documents.FileName("Giay-gioi-thieu-"+f.Visit.LetterNumber(), format), b, err
}

func (a *App) reportFile(reportID, format string) (string, []byte, error) {
	r, err := a.store().GetReport(a.ctx, reportID)
	if err != nil {
		return "", nil, err
	}
	t, err := a.store().GetTemplate(a.ctx, r.TemplateID)
	if err != nil {
		return "", nil, err
	}
	p, err := a.store().PaperProfile(a.ctx, r.CommitteeID)
	if err != nil {
		return "", nil, err
	}
	b, err := documents.Render(documents.OnPaper(documents.ReportDoc(documents.ReportPaper{Header: p.Header(), Template: t, Report: r, Date: domain.LocalDate(r.SubmittedAt),
		Recipients: p.ReportRecipients}), p), format)
	return documents.FileName("Bao-cao-du-sinh-hoat-"+r.SubmittedAt[:min(10, len(r.SubmittedAt))], format), b, err
}

func (a *App) overviewFile(month string) (string, []byte, error) {
	ov, err := a.store().RoundOverview(a.ctx, month)
	if err != nil {
		return "", nil, err
	}
	ts, err := a.store().ListTemplates(a.ctx)
	if err != nil {
		return "", nil, err
	}
	byVersion := map[int]domain.ReportTemplate{}
	for _, t := range ts {
		byVersion[t.Version] = t
	}
	b, err := documents.OverviewXLSX(ov, byVersion)
	return documents.FileName("Tong-hop-dot-"+month, documents.FormatXLSX), b, err
}

// SearchVisits finds visits and their reports across months and communes (at most 200).
func (a *App) SearchVisits(query string) ([]store.VisitHit, error) {
	return a.store().SearchVisits(a.ctx, query, 200)
}
