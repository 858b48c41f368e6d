package main

import (
	"context"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"chibo/backend/appdir"
	"chibo/backend/demo"
	"chibo/backend/desktopsync"
	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/session"
	"chibo/backend/store"
)

// App is the API the frontend calls. Each method converts its arguments, calls the store
// with the app's context and returns (T, error); a non-nil error rejects the JS promise
// with {code, field, message} (see formatError).
type App struct {
	ctx   context.Context
	sync  *desktopsync.Service // owns which database is open: the signed-in user's or the base one
	wails bool                 // startup ran: runtime events can be emitted

	mu   sync.RWMutex
	lang string // "vi" (default) or "en": the language of error messages
}

// NewApp returns the API over an open store.
func NewApp(st *store.Store) *App {
	a := &App{ctx: context.Background(), lang: "vi"}
	a.sync = desktopsync.New(st, a.emitSyncStatus)
	return a
}

// store is the database the app works on now: the signed-in user's, else the base one.
func (a *App) store() *store.Store { return a.sync.Store() }

// startup is called by Wails when the window is ready; its context lives as long as the app.
func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	a.mu.Lock()
	a.wails = true
	a.mu.Unlock()
}

// shutdown signs out, so that the runner stops before the databases close.
func (a *App) shutdown(context.Context) { a.sync.Close() }

// ErrorPayload is what a rejected promise carries to the frontend.
type ErrorPayload struct {
	Code    string `json:"code"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// formatError turns any error into a message a person can read, in the UI's language.
func (a *App) formatError(err error) any {
	a.mu.RLock()
	lang := a.lang
	a.mu.RUnlock()
	code, field, msg := domain.Localize(err, lang)
	return ErrorPayload{Code: code, Field: field, Message: msg}
}

// Status describes the local database for the shell and the first-run screen.
type Status struct {
	DBPath   string `json:"dbPath"`
	DeviceID string `json:"deviceId"`
	Empty    bool   `json:"empty"`
	Language string `json:"language"`
}

// Status returns where the data lives and whether the registry is still empty (first run).
func (a *App) Status() (Status, error) {
	empty, err := a.store().IsEmpty(a.ctx)
	a.mu.RLock()
	defer a.mu.RUnlock()
	return Status{DBPath: a.store().Path(), DeviceID: a.store().DeviceID(), Empty: empty, Language: a.lang}, err
}

// SetLanguage switches the language of error messages: "vi" or "en".
func (a *App) SetLanguage(lang string) error {
	if lang != "vi" && lang != "en" {
		return domain.Errorf(domain.EInvalid, "language", "Ngôn ngữ không được hỗ trợ.", "Unsupported language.")
	}
	a.mu.Lock()
	a.lang = lang
	a.mu.Unlock()
	return nil
}

// LoadDemo loads the Kim Sơn 2018 example and returns the registry's counts.
func (a *App) LoadDemo() (store.Stats, error) {
	if err := a.store().ImportSnapshot(a.ctx, demo.KimSon2018()); err != nil {
		return store.Stats{}, err
	}
	return a.store().Stats(a.ctx)
}

// Stats returns the registry's counts.
func (a *App) Stats() (store.Stats, error) { return a.store().Stats(a.ctx) }

// ListUnits returns every unit, closed and merged ones included, in Vietnamese order.
func (a *App) ListUnits() ([]domain.Unit, error) { return a.store().ListUnits(a.ctx) }

// GetUnit returns one unit.
func (a *App) GetUnit(id string) (domain.Unit, error) { return a.store().GetUnit(a.ctx, id) }

// SearchUnits finds units by name with or without diacritics (at most 200 hits).
func (a *App) SearchUnits(query string) ([]store.UnitHit, error) {
	return a.store().SearchUnits(a.ctx, query, 200)
}

// SaveUnit creates (empty id) or updates a unit.
func (a *App) SaveUnit(u domain.Unit) (domain.Unit, error) { return a.store().SaveUnit(a.ctx, u) }

// MoveUnit puts a unit under another parent.
func (a *App) MoveUnit(id, parentID string) (domain.Unit, error) {
	return a.store().MoveUnit(a.ctx, id, parentID)
}

// MergeUnit merges a unit into another of the same kind.
func (a *App) MergeUnit(id, intoID string) (domain.Unit, error) {
	return a.store().MergeUnit(a.ctx, id, intoID)
}

// CloseUnit dissolves a unit on a date (yyyy-mm-dd, today when empty).
func (a *App) CloseUnit(id, on string) (domain.Unit, error) {
	return a.store().CloseUnit(a.ctx, id, on)
}

// ListCommunes returns the communes and towns.
func (a *App) ListCommunes() ([]domain.Commune, error) { return a.store().ListCommunes(a.ctx) }

// SaveCommune creates or updates a commune.
func (a *App) SaveCommune(c domain.Commune) (domain.Commune, error) {
	return a.store().SaveCommune(a.ctx, c)
}

// ListAreas returns the areas (tiểu khu).
func (a *App) ListAreas() ([]domain.Area, error) { return a.store().ListAreas(a.ctx) }

// SaveArea creates or renames an area.
func (a *App) SaveArea(x domain.Area) (domain.Area, error) { return a.store().SaveArea(a.ctx, x) }

// ListClusters returns the clusters (cụm xã).
func (a *App) ListClusters() ([]domain.Cluster, error) { return a.store().ListClusters(a.ctx) }

// SaveCluster creates or renames a cluster.
func (a *App) SaveCluster(x domain.Cluster) (domain.Cluster, error) {
	return a.store().SaveCluster(a.ctx, x)
}

// ListOfficials returns the officials with their roles and assignments.
func (a *App) ListOfficials() ([]domain.Official, error) { return a.store().ListOfficials(a.ctx) }

// SaveOfficial creates or updates an official.
func (a *App) SaveOfficial(o domain.Official) (domain.Official, error) {
	return a.store().SaveOfficial(a.ctx, o)
}

// CheckDatabase runs SQLite's integrity check on the local database ("ok" when sound).
func (a *App) CheckDatabase() (string, error) { return a.store().IntegrityCheck(a.ctx) }

// ---------------------------------------------------------------- monthly scoring

// ListCriteriaSets returns every version of every criteria set, newest first.
func (a *App) ListCriteriaSets() ([]domain.CriteriaSet, error) {
	return a.store().ListCriteriaSets(a.ctx)
}

// GetCriteriaSet returns one version of a criteria set.
func (a *App) GetCriteriaSet(id string) (domain.CriteriaSet, error) {
	return a.store().GetCriteriaSet(a.ctx, id)
}

// SaveCriteriaSet creates (empty id) or updates a draft criteria set.
func (a *App) SaveCriteriaSet(s domain.CriteriaSet) (domain.CriteriaSet, error) {
	return a.store().SaveCriteriaSet(a.ctx, s)
}

// PublishCriteriaSet makes a draft final; it never changes afterwards.
func (a *App) PublishCriteriaSet(id string) (domain.CriteriaSet, error) {
	return a.store().PublishCriteriaSet(a.ctx, id)
}

// NewCriteriaSetVersion copies a set into a new draft version effective from month (yyyy-mm).
func (a *App) NewCriteriaSetVersion(id, month string) (domain.CriteriaSet, error) {
	return a.store().NewCriteriaSetVersion(a.ctx, id, month)
}

// DeleteCriteriaSet removes a draft.
func (a *App) DeleteCriteriaSet(id string) error { return a.store().DeleteCriteriaSet(a.ctx, id) }

// LoadExampleCriteriaSet installs the shipped example set (to be replaced by the office's own).
func (a *App) LoadExampleCriteriaSet() (domain.CriteriaSet, error) {
	return a.store().LoadExampleCriteriaSet(a.ctx)
}

// GetScoreSheet returns an organization's sheet for a month (yyyy-mm) with its set and totals.
func (a *App) GetScoreSheet(unitID, month string) (domain.ScoreSheet, error) {
	return a.store().GetScoreSheet(a.ctx, unitID, month)
}

// SaveSelfAssessment saves the commune's self-assessment; submit sends it for review.
func (a *App) SaveSelfAssessment(unitID, month string, self domain.Scores, note string, submit bool) (domain.ScoreSheet, error) {
	return a.store().SaveSelfAssessment(a.ctx, unitID, month, self, note, submit)
}

// SaveReview saves the Organization Board's verified points and comments.
func (a *App) SaveReview(unitID, month string, verified domain.Scores, comment string) (domain.ScoreSheet, error) {
	return a.store().SaveReview(a.ctx, unitID, month, verified, comment)
}

// ApproveScoreSheet approves the verification and locks the month.
func (a *App) ApproveScoreSheet(unitID, month string) (domain.ScoreSheet, error) {
	return a.store().ApproveScoreSheet(a.ctx, unitID, month)
}

// UnlockScoreSheet reopens an approved month; the reason is audited.
func (a *App) UnlockScoreSheet(unitID, month, reason string) (domain.ScoreSheet, error) {
	return a.store().UnlockScoreSheet(a.ctx, unitID, month, reason)
}

// ScoringAudit returns the approvals, unlocks and overrides of a sheet or classification id.
func (a *App) ScoringAudit(subjectID string) ([]store.AuditEntry, error) {
	return a.store().ScoringAudit(a.ctx, subjectID)
}

// MonthReport returns a month's ranking, grade distribution and not-submitted list.
func (a *App) MonthReport(month string) (domain.MonthReport, error) {
	return a.store().MonthReport(a.ctx, month)
}

// UnitYear returns an organization's twelve months of a year for its chart.
func (a *App) UnitYear(unitID string, year int) (domain.UnitYear, error) {
	return a.store().UnitYear(a.ctx, unitID, year)
}

// YearReport returns the year-end classification of every grassroots organization.
func (a *App) YearReport(year int) (domain.YearReport, error) {
	return a.store().YearReport(a.ctx, year)
}

// OverrideClassification records a decided year grade ("" withdraws) with its reason.
func (a *App) OverrideClassification(unitID string, year int, grade domain.YearGrade, reason string) (domain.YearClassification, error) {
	return a.store().OverrideClassification(a.ctx, unitID, year, grade, reason)
}

// LoadDemoScoring installs the example set and an example year (2018) of approved sheets
// for the Kim Sơn demo; it returns the number of sheets.
func (a *App) LoadDemoScoring() (int, error) {
	if _, err := a.store().LoadExampleCriteriaSet(a.ctx); err != nil {
		return 0, err
	}
	sheets := demo.ScoringYear(2018)
	return len(sheets), a.store().ImportScoreSheets(a.ctx, demo.ScoringHLC, sheets)
}

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
	return documents.SaveWithDialog(a.ctx, name, b, err)
}

// ExportReport returns a report revision as base64 (format docx or pdf).
func (a *App) ExportReport(reportID, format string) (string, error) {
	_, b, err := a.reportFile(reportID, format)
	return documents.Base64(b, err)
}

// SaveReport writes a report revision where the person chooses; "" when cancelled.
func (a *App) SaveReport(reportID, format string) (string, error) {
	name, b, err := a.reportFile(reportID, format)
	return documents.SaveWithDialog(a.ctx, name, b, err)
}

// ExportOverview returns a month's round overview as a base64 XLSX.
func (a *App) ExportOverview(month string) (string, error) {
	_, b, err := a.overviewFile(month)
	return documents.Base64(b, err)
}

// SaveOverview writes a month's round overview as XLSX where the person chooses.
func (a *App) SaveOverview(month string) (string, error) {
	name, b, err := a.overviewFile(month)
	return documents.SaveWithDialog(a.ctx, name, b, err)
}

func (a *App) letterFile(visitID, format string) (string, []byte, error) {
	f, err := a.store().VisitFacts(a.ctx, visitID)
	if err != nil {
		return "", nil, err
	}
	if f.Visit.LetterSeq == 0 {
		return "", nil, domain.Errorf(domain.EInvalid, "", "Chưa cấp số giấy giới thiệu.", "The letter has no number yet.")
	}
	ls, err := a.store().LetterSettings(a.ctx)
	if err != nil {
		return "", nil, err
	}
	b, err := documents.Render(documents.LetterDoc(documents.LetterFromVisit(ls.Header, f)), format)
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
	ls, err := a.store().LetterSettings(a.ctx)
	if err != nil {
		return "", nil, err
	}
	b, err := documents.Render(documents.ReportDoc(documents.ReportPaper{Header: ls.Header, Template: t, Report: r, Date: r.SubmittedAt[:min(10, len(r.SubmittedAt))]}), format)
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

// ---- Sync (Đồng bộ) ----

// emitSyncStatus forwards the sync status to the window as the "sync:status" event.
func (a *App) emitSyncStatus(st desktopsync.Status) {
	a.mu.RLock()
	ok := a.wails
	a.mu.RUnlock()
	if ok {
		runtime.EventsEmit(a.ctx, "sync:status", st)
	}
}

// presetServer fills in the sync server address from --server URL (or env) when none is
// set yet, so that `make run` opens an app that already knows its local server.
func (a *App) presetServer(args []string, env string) error {
	url, found, err := appdir.FlagValue(args, "server")
	if err != nil {
		return err
	}
	if !found {
		url = env
	}
	if url == "" {
		return nil
	}
	cur, err := a.sync.Settings(a.ctx)
	if err != nil || cur.ServerURL != "" {
		return err
	}
	_, err = a.sync.SaveServer(a.ctx, url)
	return err
}

// SyncSettings returns the server address and its pinned certificate fingerprint.
func (a *App) SyncSettings() (desktopsync.Settings, error) { return a.sync.Settings(a.ctx) }

// SaveSyncServer sets the server address.
func (a *App) SaveSyncServer(url string) (desktopsync.Settings, error) {
	return a.sync.SaveServer(a.ctx, url)
}

// CheckSyncServer checks the server, reporting a certificate the user must accept.
func (a *App) CheckSyncServer() (desktopsync.ServerCheck, error) { return a.sync.CheckServer(a.ctx) }

// TrustServerCertificate pins the server certificate with this fingerprint.
func (a *App) TrustServerCertificate(fingerprint string) error {
	return a.sync.TrustCertificate(a.ctx, fingerprint)
}

// Accounts lists the users who signed in on this desktop before.
func (a *App) Accounts() ([]session.Account, error) { return a.sync.Accounts() }

// SignIn signs a user in and switches the app to that user's database.
func (a *App) SignIn(username, password string) (session.Account, error) {
	return a.sync.SignIn(a.ctx, username, password)
}

// SignOut switches back to the base database; unsynced work stays in the user's.
func (a *App) SignOut() error { return a.sync.SignOut() }

// SyncNow starts a sync at once ("Đồng bộ ngay") and returns the status.
func (a *App) SyncNow() (desktopsync.Status, error) {
	a.sync.SyncNow()
	return a.sync.Status(), nil
}

// SyncStatus returns the last sync time, pending and refused counts, state and progress.
func (a *App) SyncStatus() (desktopsync.Status, error) { return a.sync.Status(), nil }

// RefusedChanges lists the changes the server refused, with its reasons.
func (a *App) RefusedChanges() ([]store.RefusedChange, error) { return a.sync.Refused(a.ctx) }
