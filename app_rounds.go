package main

import (
	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// The round's results (issue 10): the round page, its conference, the conclusion notice
// and the remediation of every shortcoming it names.

// GetRound returns a month's round (yyyy-mm) of the signed-in committee.
func (a *App) GetRound(month string) (store.Round, error) { return a.store().GetRound(a.ctx, month) }

// ListRounds returns the state of every round of a year.
func (a *App) ListRounds(year int) ([]store.RoundState, error) {
	return a.store().ListRounds(a.ctx, year)
}

// SaveConference records the round's conference.
func (a *App) SaveConference(c domain.Conference) (domain.Conference, error) {
	return a.store().SaveConference(a.ctx, c)
}

// DraftNotice starts a notice from the round's reports (not saved until SaveNotice);
// replaces names an issued notice it corrects.
func (a *App) DraftNotice(month, replaces string) (domain.Notice, error) {
	return a.store().DraftNotice(a.ctx, month, replaces)
}

// SaveNotice saves a draft notice.
func (a *App) SaveNotice(n domain.Notice) (domain.Notice, error) {
	return a.store().SaveNotice(a.ctx, n)
}

// IssueNotice numbers and issues a draft (date yyyy-mm-dd, today when empty).
func (a *App) IssueNotice(id, date string) (domain.Notice, error) {
	return a.store().IssueNotice(a.ctx, id, date)
}

// ListNotices returns the notices of a month ("" = all).
func (a *App) ListNotices(month string) ([]domain.Notice, error) {
	return a.store().ListNotices(a.ctx, month)
}

// SaveNoticeFile writes a notice as DOCX or PDF where the person chooses; "" when cancelled.
func (a *App) SaveNoticeFile(id, format string) (string, error) {
	name, b, err := a.noticeFile(id, format)
	return a.saveWithDialog(name, b, err)
}

// ExportNotice returns a notice as base64 (docx or pdf).
func (a *App) ExportNotice(id, format string) (string, error) {
	_, b, err := a.noticeFile(id, format)
	return documents.Base64(b, err)
}

func (a *App) noticeFile(id, format string) (string, []byte, error) {
	n, err := a.store().GetNotice(a.ctx, id)
	if err != nil {
		return "", nil, err
	}
	p, err := a.store().PaperProfile(a.ctx, n.CommitteeID)
	if err != nil {
		return "", nil, err
	}
	np := documents.NoticePaper{Header: p.Header(), Notice: n}
	if n.Replaces != "" {
		if old, err := a.store().GetNotice(a.ctx, n.Replaces); err == nil {
			np.Replaced = old.NoticeNumber()
		}
	}
	b, err := a.withTemplate("notice", format, documents.NoticeValues(np), documents.OnPaper(documents.NoticeDoc(np), p))
	label := n.NoticeNumber()
	if label == "" {
		label = "du-thao-" + n.Month
	}
	return documents.FileName("Thong-bao-ket-luan-"+label, format), b, err
}

// ListRemediation returns the remediation items this device holds.
func (a *App) ListRemediation(f store.RemediationFilter) ([]domain.RemediationItem, error) {
	return a.store().ListRemediation(a.ctx, f)
}

// SaveRemediationXLSX writes the remediation items as a workbook where the person
// chooses; "" when cancelled.
func (a *App) SaveRemediationXLSX(f store.RemediationFilter) (string, error) {
	items, err := a.store().ListRemediation(a.ctx, f)
	if err != nil {
		return "", err
	}
	b, err := documents.RemediationXLSX(items)
	return a.saveWithDialog(documents.FileName("Theo-doi-khac-phuc", documents.FormatXLSX), b, err)
}

// ReportRemediation records what the organization did about an item.
func (a *App) ReportRemediation(itemID, date, actions, evidence string) (domain.RemediationReport, error) {
	return a.store().ReportRemediation(a.ctx, itemID, date, actions, evidence)
}

// VerifyRemediation records the official's verdict on an item.
func (a *App) VerifyRemediation(itemID, verdict, comment string) error {
	return a.store().VerifyRemediation(a.ctx, itemID, domain.Verdict(verdict), comment)
}
