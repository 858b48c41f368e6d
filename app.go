package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"chibo/backend/demo"
	"chibo/backend/desktopsync"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// App is the API the frontend calls. Each method converts its arguments, calls the store
// with the app's context and returns (T, error); a non-nil error rejects the JS promise
// with {code, field, message} (see formatError).
type App struct {
	ctx   context.Context
	sync  *desktopsync.Service // owns which database is open: the signed-in user's or the base one
	wails bool                 // startup ran: runtime events can be emitted

	mu    sync.RWMutex
	lang  string          // "vi" (default) or "en": the language of error messages
	saved map[string]bool // files this app wrote this session: the only ones it opens
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
	Ref     string `json:"ref,omitempty"` // an internal error's reference, also in the log
}

// formatError turns any error into a message a person can read, in the UI's language.
func (a *App) formatError(err error) any {
	a.mu.RLock()
	lang := a.lang
	a.mu.RUnlock()
	code, field, msg := domain.Localize(err, lang)
	p := ErrorPayload{Code: code, Field: field, Message: msg}
	if code == domain.EInternal {
		// Never swallowed: the cause goes to the log with a reference the user sees.
		p.Ref = domain.NewRef()
		slog.Error("internal error", "ref", p.Ref, "err", err)
		if lang == "en" {
			p.Message += " Error reference " + p.Ref + "."
		} else {
			p.Message += " Mã lỗi " + p.Ref + "."
		}
	}
	return p
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

// LoadPreset2025 loads the Ninh Bình 2025 example (the Kim Sơn example after the 2025
// reorganization: the province over eight merged communes with their own committees) and
// returns the registry's counts.
func (a *App) LoadPreset2025() (store.Stats, error) {
	dir, err := os.MkdirTemp("", "chibo-preset-")
	if err != nil {
		return store.Stats{}, err
	}
	defer os.RemoveAll(dir)
	recs, err := demo.NinhBinh2025(a.ctx, filepath.Join(dir, "preset.db"))
	if err != nil {
		return store.Stats{}, err
	}
	if err := a.store().ImportRecords(a.ctx, recs); err != nil {
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

// LoadExampleCriteriaSet installs a shipped example set (to be replaced by the office's
// own): id is one of ExampleCriteriaSets ("" = Kim Sơn's of 2018).
func (a *App) LoadExampleCriteriaSet(id string) (domain.CriteriaSet, error) {
	return a.store().LoadExampleCriteriaSet(a.ctx, id)
}

// ExampleCriteriaSets lists the shipped example sets, id and name.
func (a *App) ExampleCriteriaSets() []domain.CriteriaSet {
	var out []domain.CriteriaSet
	for _, id := range []string{domain.ExampleCriteriaSetID, domain.Example2025CriteriaSetID} {
		out = append(out, domain.ExampleCriteriaSets()[id])
	}
	return out
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
	if _, err := a.store().LoadExampleCriteriaSet(a.ctx, ""); err != nil {
		return 0, err
	}
	sheets := demo.ScoringYear(2018)
	return len(sheets), a.store().ImportScoreSheets(a.ctx, demo.ScoringHLC, sheets)
}
