package main

import (
	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// Matters followed to a result (issue 11): the year's theme, urgent matters, dialogues
// and receptions, and the tracker that lists them.

// YearTheme returns the signed-in committee's theme of a year.
func (a *App) YearTheme(year int) (string, error) { return a.store().YearTheme(a.ctx, year) }

// SetYearTheme records the committee's theme of a year.
func (a *App) SetYearTheme(year int, theme string) error {
	return a.store().SetYearTheme(a.ctx, year, theme)
}

// SaveMatter registers or edits a matter (until the committee accepts it).
func (a *App) SaveMatter(m domain.Matter) (domain.Matter, error) {
	return a.store().SaveMatter(a.ctx, m)
}

// ReviewMatter accepts or returns a registered matter with a comment.
func (a *App) ReviewMatter(id, decision, comment string) error {
	return a.store().ReviewMatter(a.ctx, id, domain.MatterDecision(decision), comment)
}

// UpdateMatter records a step of a matter: progress or its result.
func (a *App) UpdateMatter(id, date, state, note, evidence string) (domain.MatterUpdate, error) {
	return a.store().UpdateMatter(a.ctx, id, date, domain.MatterState(state), note, evidence)
}

// ListMatters returns the matters this device holds, filtered.
func (a *App) ListMatters(f store.MatterFilter) ([]domain.Matter, error) {
	return a.store().ListMatters(a.ctx, f)
}

// SaveDialogue records a dialogue or a reception with the issues raised.
func (a *App) SaveDialogue(d domain.Dialogue, issues []store.DialogueIssue) (domain.Dialogue, error) {
	return a.store().SaveDialogue(a.ctx, d, issues)
}

// DialogueStats counts dialogues, receptions and issues per commune of a year.
func (a *App) DialogueStats(year int) (DialogueYear, error) {
	stats, held, err := a.store().DialogueStats(a.ctx, year)
	return DialogueYear{Communes: stats, Held: held}, err
}

// DialogueYear is a year's dialogues: per commune, and how many communes held one.
type DialogueYear struct {
	Communes []store.DialogueStat `json:"communes"`
	Held     int                  `json:"held"`
}

// DialogueTopics is the list of topics an issue is filed under: the committee's own
// (its profile's, synced to its desktops), else the article's.
func (a *App) DialogueTopics() ([]string, error) { return a.store().DialogueTopics(a.ctx) }

// SaveMattersXLSX writes the filtered matters as a workbook where the person chooses.
func (a *App) SaveMattersXLSX(f store.MatterFilter) (string, error) {
	ms, err := a.store().ListMatters(a.ctx, f)
	if err != nil {
		return "", err
	}
	b, err := documents.MattersXLSX(ms)
	return a.saveWithDialog(documents.FileName("Theo-doi-cac-viec", documents.FormatXLSX), b, err)
}

// SaveBriefing records a cluster briefing with what each commune reported and its
// directions, each a matter of its commune.
func (a *App) SaveBriefing(b domain.Briefing, directions []store.BriefingDirection) (domain.Briefing, error) {
	return a.store().SaveBriefing(a.ctx, b, directions)
}

// ForwardConcern makes a visit report's members' concerns a followed matter.
func (a *App) ForwardConcern(reportID string) (domain.Matter, error) {
	return a.store().ForwardConcern(a.ctx, reportID)
}
