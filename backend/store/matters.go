package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// Matters followed to a result (issue 11): the year's theme, urgent matters registered
// by the organizations and reviewed by the committee, dialogues with the people and the
// issues raised there, every step recorded once.
var (
	kindYearTheme    = spec(kinds.YearTheme)
	kindMatter       = spec(kinds.Matter)
	kindMatterReview = spec(kinds.MatterReview)
	kindMatterUpdate = spec(kinds.MatterUpdate)
	kindDialogue     = spec(kinds.Dialogue)
	kindBriefing     = spec(kinds.Briefing)
)

// YearThemeID is the id of a committee's theme of a year.
func YearThemeID(committeeID string, year int) string {
	return uuid.NewSHA1(roundNS, []byte("year_theme/"+committeeID+"/"+strconv.Itoa(year))).String()
}

// SetYearTheme records this device's committee's theme of the year. Errors: EInvalid.
func (s *Store) SetYearTheme(ctx context.Context, year int, theme string) error {
	theme = textutil.NFC(strings.Join(strings.Fields(theme), " "))
	if year < 2000 || year > 2200 {
		return domain.Errorf(domain.EInvalid, "year", "Năm không hợp lệ.", "Invalid year.")
	}
	if theme == "" {
		return domain.Errorf(domain.EInvalid, "theme", "Cần ghi chủ đề của năm.", "Write the year's theme.")
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		commune, err := s.committeeCommuneTx(tx)
		if err != nil {
			return err
		}
		_, err = s.putRecord(tx, kindYearTheme, YearThemeID(s.committeeID, year), Values{"committeeId": s.committeeID, "communeId": commune, "year": year, "theme": theme})
		return err
	})
}

// YearTheme returns the theme of year of this device's committee ("" when none is set).
func (s *Store) YearTheme(ctx context.Context, year int) (string, error) {
	var theme string
	err := s.db.QueryRowContext(ctx, `SELECT theme FROM year_themes WHERE id = ? AND deleted = 0`, YearThemeID(s.committeeID, year)).Scan(&theme)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return theme, err
}

func matterValues(m domain.Matter) Values {
	ms, _ := json.Marshal(m.Milestones)
	return Values{"source": string(m.Source), "unitId": m.UnitID, "communeId": m.CommuneID, "year": m.Year, "title": m.Title,
		"expected": m.Expected, "lead": m.Lead, "deadline": m.Deadline, "milestones": string(ms), "topic": m.Topic,
		"raisedBy": m.RaisedBy, "forwardedTo": m.ForwardedTo, "dialogueId": m.DialogueID, "briefingId": m.BriefingID, "reportId": m.ReportID, "state": string(m.State),
		"result": m.Result, "evidence": m.Evidence, "createdAt": m.CreatedAt}
}

func cleanMatter(m *domain.Matter) {
	for _, f := range []*string{&m.Title, &m.Expected, &m.Lead, &m.Topic, &m.RaisedBy, &m.ForwardedTo, &m.Result, &m.Evidence} {
		*f = textutil.NFC(strings.TrimSpace(*f))
	}
	var ms []domain.Milestone
	for _, x := range m.Milestones {
		if x.What = textutil.NFC(strings.TrimSpace(x.What)); x.What != "" || x.Date != "" {
			ms = append(ms, x)
		}
	}
	m.Milestones = ms
}

// SaveMatter registers a matter or edits it while the committee has not accepted it: an
// organization's urgent matter (content, expected result, who leads, deadline,
// milestones), a dialogue's issue, a briefing's direction. Its commune is its
// organization's (or the dialogue's). Errors: EInvalid, EConflict (already accepted).
func (s *Store) SaveMatter(ctx context.Context, m domain.Matter) (domain.Matter, error) {
	cleanMatter(&m)
	if m.ID == "" {
		m.ID, m.CreatedAt = NewID(), s.nowUTC()
	}
	if m.State == "" {
		m.State = domain.MatterRegistered
	}
	if m.Year == 0 {
		m.Year, _ = strconv.Atoi(s.today()[:4])
	}
	if err := m.Validate(); err != nil {
		return m, err
	}
	for _, x := range m.Milestones {
		if _, err := time.Parse("2006-01-02", x.Date); err != nil {
			return m, domain.Errorf(domain.EInvalid, "milestones", "Mốc “%s” cần ngày hợp lệ.", "Milestone “%s” needs a valid date.", x.What)
		}
	}
	if m.Source == domain.SourceUrgent && (m.UnitID == "" || m.Lead == "" || m.Deadline == "") {
		return m, domain.Errorf(domain.EInvalid, "lead", "Việc cấp bách cần ghi tổ chức đảng, người chủ trì và thời hạn.",
			"An urgent matter needs its organization, who leads it and its deadline.")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var decision string
		tx.QueryRow(`SELECT decision FROM matter_reviews WHERE id = ? AND deleted = 0`, MatterReviewID(m.ID)).Scan(&decision)
		if decision == string(domain.MatterAccepted) {
			return domain.Errorf(domain.EConflict, "", "Việc đã được cấp ủy chấp nhận; hãy ghi tiến độ thay vì sửa nội dung.",
				"The committee accepted the matter; record its progress instead of editing it.")
		}
		if m.UnitID != "" {
			u, err := getUnitTx(tx, m.UnitID)
			if err != nil {
				return domain.Errorf(domain.EInvalid, "unitId", "Không tìm thấy tổ chức đảng.", "Organization not found.")
			}
			m.CommuneID = u.CommuneID
		}
		_, err := s.putRecord(tx, kindMatter, m.ID, matterValues(m))
		return err
	})
	return m, err
}

// ReviewMatter records the committee's acceptance or return of a matter with a comment
// (a return needs one). Errors: EInvalid, ENotFound.
func (s *Store) ReviewMatter(ctx context.Context, id string, decision domain.MatterDecision, comment string) error {
	comment = textutil.NFC(strings.TrimSpace(comment))
	if decision != domain.MatterAccepted && decision != domain.MatterReturned {
		return domain.Errorf(domain.EInvalid, "decision", "Chọn chấp nhận hoặc trả lại.", "Choose accept or return.")
	}
	if decision == domain.MatterReturned && comment == "" {
		return domain.Errorf(domain.EInvalid, "comment", "Trả lại cần ghi ý kiến để tổ chức đảng sửa.", "A return needs a comment.")
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		unit, commune, err := matterTx(tx, id)
		if err != nil {
			return err
		}
		_, err = s.putRecord(tx, kindMatterReview, MatterReviewID(id), Values{"matterId": id, "unitId": unit, "communeId": commune,
			"decision": string(decision), "comment": comment, "by": s.userID, "at": s.nowUTC()})
		return err
	})
}

// MatterReviewID is the id of the committee's decision on a matter: derived from the
// matter's (never the same id, so each record keeps its own sync state).
func MatterReviewID(matterID string) string {
	return uuid.NewSHA1(roundNS, []byte("matter_review/"+matterID)).String()
}

func matterTx(tx *sql.Tx, id string) (unitID, communeID string, err error) {
	err = tx.QueryRow(`SELECT unit_id, commune_id FROM matters WHERE id = ? AND deleted = 0`, id).Scan(&unitID, &communeID)
	if err == sql.ErrNoRows {
		err = domain.Errorf(domain.ENotFound, "", "Không tìm thấy việc cần theo dõi.", "Matter not found.")
	}
	return
}

// UpdateMatter records one step of a matter (monthly progress, an answer, the result with
// its evidence) on date; the matter takes the step's state. Errors: EInvalid, ENotFound.
func (s *Store) UpdateMatter(ctx context.Context, id, date string, state domain.MatterState, note, evidence string) (domain.MatterUpdate, error) {
	u := domain.MatterUpdate{ID: NewID(), Date: date, State: state, Note: textutil.NFC(strings.TrimSpace(note)), By: s.userID, At: s.nowUTC()}
	if _, err := time.Parse("2006-01-02", date); err != nil {
		return u, domain.Errorf(domain.EInvalid, "date", "Ngày không hợp lệ (ngày/tháng/năm).", "Invalid date.")
	}
	if date > s.today() {
		return u, domain.Errorf(domain.EInvalid, "date", "Ngày không được sau hôm nay.", "The date cannot be after today.")
	}
	switch state {
	case domain.MatterInProgress, domain.MatterResolved, domain.MatterPartly, domain.MatterNotResolved:
	default:
		return u, domain.Errorf(domain.EInvalid, "state", "Chọn tình hình: đang thực hiện, đã giải quyết, giải quyết một phần hoặc chưa giải quyết.", "Choose the state.")
	}
	if u.Note == "" {
		return u, domain.Errorf(domain.EInvalid, "note", "Cần ghi nội dung tiến độ hoặc kết quả.", "Write the progress or the result.")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		unit, commune, err := matterTx(tx, id)
		if err != nil {
			return err
		}
		if _, err := s.putRecord(tx, kindMatterUpdate, u.ID, Values{"matterId": id, "unitId": unit, "communeId": commune,
			"date": u.Date, "state": string(u.State), "note": u.Note, "by": u.By, "at": u.At}); err != nil {
			return err
		}
		vals := Values{"state": string(state)}
		if state.Final() {
			vals["result"] = u.Note
			if e := textutil.NFC(strings.TrimSpace(evidence)); e != "" {
				vals["evidence"] = e
			}
		}
		_, err = s.putRecord(tx, kindMatter, id, vals)
		return err
	})
	return u, err
}

// MatterFilter selects matters; empty fields select all.
type MatterFilter struct {
	Source      string `json:"source"`
	UnitID      string `json:"unitId"`
	CommuneID   string `json:"communeId"`
	State       string `json:"state"`
	Topic       string `json:"topic"`
	Year        int    `json:"year"`
	OverdueOnly bool   `json:"overdueOnly"`
	DialogueID  string `json:"dialogueId"`
}

// matterFilter is MatterFilter in SQL over matters m, with its arguments in this order:
// source, unit, commune, state, topic, year, dialogue, each twice.
const matterFilter = `(? = '' OR m.source = ?) AND (? = '' OR m.unit_id = ?) AND (? = '' OR m.commune_id = ?)
	AND (? = '' OR m.state = ?) AND (? = '' OR m.topic = ?) AND (? = 0 OR m.year = ?) AND (? = '' OR m.dialogue_id = ?)`

// ListMatters returns the matters this device holds (an office holds its commune's
// only), each with the committee's decision, its history and whether it is overdue,
// the nearest deadline first.
func (s *Store) ListMatters(ctx context.Context, f MatterFilter) ([]domain.Matter, error) {
	if f.Source == string(domain.SourceRemediation) {
		return s.remediationMatters(ctx, f)
	}
	ms, err := s.listMatters(ctx, f)
	if err != nil || f.Source != "" || f.DialogueID != "" || f.Topic != "" {
		return ms, err
	}
	// Every source: the remediation items of issued notices too, one list by deadline.
	rs, err := s.remediationMatters(ctx, f)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return ms, nil
	}
	ms = append(ms, rs...)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if (a.Deadline == "") != (b.Deadline == "") {
			return b.Deadline == ""
		}
		return a.Deadline < b.Deadline
	})
	return ms, nil
}

// remediationMatters shows the remediation items of issued notices as matters of the
// tracker: the shortcoming is its content, the remedy its expected result, the official's
// verdict its result; its history is the organization's reports and the verdict.
func (s *Store) remediationMatters(ctx context.Context, f MatterFilter) ([]domain.Matter, error) {
	items, err := s.ListRemediation(ctx, RemediationFilter{UnitID: f.UnitID})
	if err != nil {
		return nil, err
	}
	communes, err := s.CommuneNames(ctx)
	if err != nil {
		return nil, err
	}
	out := []domain.Matter{}
	for _, it := range items {
		if (f.CommuneID != "" && it.CommuneID != f.CommuneID) || (f.Year != 0 && !inYear(it.Due, f.Year)) ||
			(f.OverdueOnly && !it.Overdue) || f.Topic != "" || f.DialogueID != "" {
			continue
		}
		m := domain.Matter{ID: it.ID, Source: domain.SourceRemediation, UnitID: it.UnitID, UnitName: it.UnitName, CommuneID: it.CommuneID,
			CommuneName: communes[it.CommuneID], NoticeNumber: it.NoticeNumber,
			Title: it.Shortcoming, Expected: it.Fix, Deadline: it.Due, Lead: it.UnitName, State: domain.MatterRegistered,
			Overdue: it.Overdue, SyncState: it.SyncState, Milestones: []domain.Milestone{}, Updates: []domain.MatterUpdate{}}
		if len(it.Due) >= 4 {
			m.Year, _ = strconv.Atoi(it.Due[:4])
		}
		for _, r := range it.Reports {
			m.State = domain.MatterInProgress
			m.Updates = append(m.Updates, domain.MatterUpdate{ID: r.ID, Date: r.Date, State: domain.MatterInProgress, Note: r.Actions, By: r.By, At: r.At})
			m.Evidence = r.Evidence
		}
		switch it.Verdict {
		case domain.Remedied:
			m.State = domain.MatterResolved
		case domain.PartlyRemedied, domain.NotRemedied:
			m.State = domain.MatterInProgress // still open: the organization goes on
		}
		if it.Verdict != "" {
			m.Result, m.DecidedBy = it.Comment, it.VerifiedBy
			m.Updates = append(m.Updates, domain.MatterUpdate{ID: RemediationCheckID(it.ID), Date: dateOf(it.VerifiedAt), State: m.State,
				Note: it.Comment, By: it.VerifiedBy, At: it.VerifiedAt})
		}
		if f.State != "" && string(m.State) != f.State {
			continue
		}
		out = append(out, m)
	}
	return out, nil
}

// dateOf is the Vietnamese day of an RFC 3339 instant ("" stays "").
func dateOf(at string) string {
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return ""
	}
	return t.In(domain.Vietnam).Format("2006-01-02")
}

func (s *Store) listMatters(ctx context.Context, f MatterFilter) ([]domain.Matter, error) {
	today := s.today()
	out := []domain.Matter{}
	idx := map[string]int{}
	q := `SELECT ` + kindMatter.columns("m.") + `, coalesce(u.name, ''), coalesce(c.name, ''), coalesce(r.decision, ''), coalesce(r.comment, ''), coalesce(r.by_user, '')
		FROM matters m LEFT JOIN units u ON u.id = m.unit_id LEFT JOIN communes c ON c.id = m.commune_id
		LEFT JOIN matter_reviews r ON r.matter_id = m.id AND r.deleted = 0
		WHERE m.deleted = 0 AND ` + matterFilter + ` ORDER BY m.deadline = '', m.deadline, m.created_at, m.id`
	args := []any{f.Source, f.Source, f.UnitID, f.UnitID, f.CommuneID, f.CommuneID, f.State, f.State, f.Topic, f.Topic, f.Year, f.Year, f.DialogueID, f.DialogueID}
	err := queryEach(ctx, s.db, q, args, func(rows *sql.Rows) error {
		var m domain.Matter
		var decision, by string
		x, err := kindMatter.scan(rows, &m.UnitName, &m.CommuneName, &decision, &m.Comment, &by)
		if err != nil {
			return err
		}
		m.ID, m.Source, m.UnitID, m.CommuneID, m.Year = x.id, domain.MatterSource(x.str("source")), x.str("unitId"), x.str("communeId"), x.int("year")
		m.Title, m.Expected, m.Lead, m.Deadline, m.Topic = x.str("title"), x.str("expected"), x.str("lead"), x.str("deadline"), x.str("topic")
		m.RaisedBy, m.ForwardedTo, m.DialogueID, m.State = x.str("raisedBy"), x.str("forwardedTo"), x.str("dialogueId"), domain.MatterState(x.str("state"))
		m.BriefingID, m.ReportID = x.str("briefingId"), x.str("reportId")
		m.Result, m.Evidence, m.CreatedAt, m.Decision = x.str("result"), x.str("evidence"), x.str("createdAt"), domain.MatterDecision(decision)
		json.Unmarshal([]byte(x.str("milestones")), &m.Milestones)
		m.Overdue, m.Updates, m.DecidedBy = m.IsOverdue(today), []domain.MatterUpdate{}, by
		if f.OverdueOnly && !m.Overdue {
			return nil
		}
		idx[m.ID] = len(out)
		out = append(out, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The steps of the listed matters only (the same filter, by index).
	err = queryEach(ctx, s.db, `SELECT u.id, u.matter_id, u.date, u.state, u.note, u.by_user, u.at FROM matter_updates u JOIN matters m ON m.id = u.matter_id
		WHERE u.deleted = 0 AND m.deleted = 0 AND `+matterFilter+` ORDER BY u.date, u.at`, args,
		func(rows *sql.Rows) error {
			var u domain.MatterUpdate
			var mid string
			if err := rows.Scan(&u.ID, &mid, &u.Date, &u.State, &u.Note, &u.By, &u.At); err != nil {
				return err
			}
			if i, ok := idx[mid]; ok {
				out[i].Updates = append(out[i].Updates, u)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	states, err := s.syncStatesOfKinds(ctx, kinds.Matter, kinds.MatterReview)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].SyncState, _ = states.of(out[i].ID)
		// A decision the server refused (an office deciding its own matter) is not the
		// committee's: it stays, refused, on the sync screen only.
		if st, _ := states.of(MatterReviewID(out[i].ID)); st == domain.SyncRefused && out[i].DecidedBy == s.userID {
			out[i].Decision, out[i].Comment = "", ""
		}
	}
	return out, nil
}
