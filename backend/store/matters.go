package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
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

// ListMatters returns the matters this device holds (an office holds its commune's
// only), each with the committee's decision, its history and whether it is overdue,
// the nearest deadline first.
func (s *Store) ListMatters(ctx context.Context, f MatterFilter) ([]domain.Matter, error) {
	today := s.today()
	out := []domain.Matter{}
	idx := map[string]int{}
	q := `SELECT ` + kindMatter.columns("m.") + `, coalesce(u.name, ''), coalesce(c.name, ''), coalesce(r.decision, ''), coalesce(r.comment, ''), coalesce(r.by_user, '')
		FROM matters m LEFT JOIN units u ON u.id = m.unit_id LEFT JOIN communes c ON c.id = m.commune_id
		LEFT JOIN matter_reviews r ON r.matter_id = m.id AND r.deleted = 0
		WHERE m.deleted = 0 AND (? = '' OR m.source = ?) AND (? = '' OR m.unit_id = ?) AND (? = '' OR m.commune_id = ?)
		AND (? = '' OR m.state = ?) AND (? = '' OR m.topic = ?) AND (? = 0 OR m.year = ?) AND (? = '' OR m.dialogue_id = ?)
		ORDER BY m.deadline = '', m.deadline, m.created_at, m.id`
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
		WHERE u.deleted = 0 AND m.deleted = 0 AND (? = '' OR m.source = ?) AND (? = '' OR m.unit_id = ?) AND (? = '' OR m.commune_id = ?)
		AND (? = '' OR m.state = ?) AND (? = '' OR m.topic = ?) AND (? = 0 OR m.year = ?) AND (? = '' OR m.dialogue_id = ?) ORDER BY u.date, u.at`, args,
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

// DialogueIssue is one issue raised at a dialogue: answered on the spot, or forwarded to
// someone with a deadline.
type DialogueIssue struct {
	Topic       string `json:"topic"`
	Content     string `json:"content"`
	RaisedBy    string `json:"raisedBy"`
	Answer      string `json:"answer"` // answered on the spot when not empty
	ForwardedTo string `json:"forwardedTo"`
	Deadline    string `json:"deadline"`
}

// SaveDialogue records a dialogue or a reception of this device's commune (communeID)
// and every issue raised, each a matter of the dialogue: resolved when answered on the
// spot, else forwarded with its deadline. One transaction. Errors: EInvalid.
func (s *Store) SaveDialogue(ctx context.Context, d domain.Dialogue, issues []DialogueIssue) (domain.Dialogue, error) {
	for _, f := range []*string{&d.Place, &d.Chair, &d.Participants, &d.Note} {
		*f = textutil.NFC(strings.TrimSpace(*f))
	}
	if d.ID == "" {
		d.ID = NewID()
	}
	if err := d.Validate(); err != nil {
		return d, err
	}
	if d.CommuneID == "" {
		return d, domain.Errorf(domain.EInvalid, "communeId", "Chọn xã, thị trấn tổ chức.", "Choose the commune.")
	}
	year, _ := strconv.Atoi(d.Date[:4])
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := checkRef(tx, "communes", d.CommuneID, "communeId", "xã, thị trấn", "commune"); err != nil {
			return err
		}
		if _, err := s.putRecord(tx, kindDialogue, d.ID, Values{"communeId": d.CommuneID, "kind": string(d.Kind), "date": d.Date,
			"place": d.Place, "chair": d.Chair, "participants": d.Participants, "note": d.Note}); err != nil {
			return err
		}
		for i, is := range issues {
			m := domain.Matter{ID: NewID(), Source: domain.SourceDialogue, CommuneID: d.CommuneID, Year: year, Title: is.Content, Topic: is.Topic,
				RaisedBy: is.RaisedBy, ForwardedTo: is.ForwardedTo, Deadline: is.Deadline, DialogueID: d.ID, State: domain.MatterInProgress, CreatedAt: s.nowUTC()}
			cleanMatter(&m)
			if a := textutil.NFC(strings.TrimSpace(is.Answer)); a != "" {
				m.State, m.Result = domain.MatterResolved, a
			} else if m.ForwardedTo == "" || m.Deadline == "" {
				return domain.Errorf(domain.EInvalid, "issues", "Ý kiến %d: ghi câu trả lời tại chỗ, hoặc nơi chuyển đến và thời hạn.",
					"Issue %d: write the answer given, or to whom it was forwarded and by when.", i+1)
			}
			if err := m.Validate(); err != nil {
				return domain.Errorf(domain.EInvalid, "issues", "Ý kiến %d: %s", "Issue %d: %s", i+1, err.Error())
			}
			if _, err := s.putRecord(tx, kindMatter, m.ID, matterValues(m)); err != nil {
				return err
			}
		}
		return nil
	})
	return d, err
}

// DialogueStat is one commune's dialogues and receptions of a year.
type DialogueStat struct {
	CommuneID   string `json:"communeId"`
	CommuneName string `json:"communeName"`
	Dialogues   int    `json:"dialogues"`
	Receptions  int    `json:"receptions"`
	Issues      int    `json:"issues"`
	Open        int    `json:"open"`
	// ShortMonths are the months (yyyy-mm, up to this month) with fewer than two reception
	// days: Kết luận 215 asks at least two days a month.
	ShortMonths []string `json:"shortMonths"`
}

// DialogueStats counts dialogues, receptions and issues per commune for year, and checks
// the two-reception-days-a-month rule up to the current month; also how many communes
// held a dialogue (the article's "22 communes").
func (s *Store) DialogueStats(ctx context.Context, year int) ([]DialogueStat, int, error) {
	by := map[string]*DialogueStat{}
	days := map[string]map[string]map[string]bool{} // commune → month → day
	err := queryEach(ctx, s.db, `SELECT d.commune_id, coalesce(c.name, ''), d.kind, d.date FROM dialogues d LEFT JOIN communes c ON c.id = d.commune_id
		WHERE d.deleted = 0 AND d.date LIKE ?`, []any{fmt.Sprintf("%d-%%", year)}, func(rows *sql.Rows) error {
		var cid, name, kind, date string
		if err := rows.Scan(&cid, &name, &kind, &date); err != nil {
			return err
		}
		st, ok := by[cid]
		if !ok {
			st = &DialogueStat{CommuneID: cid, CommuneName: name}
			by[cid] = st
		}
		if kind == string(domain.Reception) {
			st.Receptions++
			if days[cid] == nil {
				days[cid] = map[string]map[string]bool{}
			}
			if days[cid][date[:7]] == nil {
				days[cid][date[:7]] = map[string]bool{}
			}
			days[cid][date[:7]][date] = true
		} else {
			st.Dialogues++
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	err = queryEach(ctx, s.db, `SELECT commune_id, count(*), sum(state NOT IN ('resolved', 'partly', 'not_resolved')) FROM matters
		WHERE deleted = 0 AND source = 'dialogue' AND year = ? GROUP BY commune_id`, []any{year}, func(rows *sql.Rows) error {
		var cid string
		var n, open int
		if err := rows.Scan(&cid, &n, &open); err != nil {
			return err
		}
		if st, ok := by[cid]; ok {
			st.Issues, st.Open = n, open
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	last := s.thisMonth()
	out := []DialogueStat{}
	held := 0
	for cid, st := range by {
		if st.Dialogues > 0 {
			held++
		}
		st.ShortMonths = []string{}
		for m := 1; m <= 12; m++ {
			month := fmt.Sprintf("%d-%02d", year, m)
			if month > last {
				break
			}
			if len(days[cid][month]) < domain.ReceptionDaysPerMonth {
				st.ShortMonths = append(st.ShortMonths, month)
			}
		}
		out = append(out, *st)
	}
	sortByName(out, func(d DialogueStat) string { return d.CommuneName })
	return out, held, nil
}

// BriefingDirection is one direction given at a cluster briefing: a matter for a commune,
// with who carries it out and by when.
type BriefingDirection struct {
	CommuneID string `json:"communeId"`
	Content   string `json:"content"`
	Owner     string `json:"owner"`
	Deadline  string `json:"deadline"`
}

// SaveBriefing records a cluster briefing, what each commune present reported, and its
// directions, each a matter of its commune with an owner and a deadline. One
// transaction. Errors: EInvalid.
func (s *Store) SaveBriefing(ctx context.Context, b domain.Briefing, directions []BriefingDirection) (domain.Briefing, error) {
	for _, f := range []*string{&b.Place, &b.Chair, &b.Note} {
		*f = textutil.NFC(strings.TrimSpace(*f))
	}
	if b.ID == "" {
		b.ID = NewID()
	}
	if _, err := time.Parse("2006-01-02", b.Date); err != nil {
		return b, domain.Errorf(domain.EInvalid, "date", "Ngày giao ban không hợp lệ (ngày/tháng/năm).", "Invalid briefing date.")
	}
	var reports []domain.BriefingReport
	for _, r := range b.Reports {
		if r.Text = textutil.NFC(strings.TrimSpace(r.Text)); r.CommuneID != "" {
			reports = append(reports, r)
		}
	}
	b.Reports = reports
	year, _ := strconv.Atoi(b.Date[:4])
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := checkRef(tx, "clusters", b.ClusterID, "clusterId", "cụm xã", "cluster"); err != nil {
			return err
		}
		rj, _ := json.Marshal(b.Reports)
		if _, err := s.putRecord(tx, kindBriefing, b.ID, Values{"clusterId": b.ClusterID, "date": b.Date, "place": b.Place, "chair": b.Chair,
			"reports": string(rj), "note": b.Note}); err != nil {
			return err
		}
		for i, d := range directions {
			m := domain.Matter{ID: NewID(), Source: domain.SourceBriefing, CommuneID: d.CommuneID, Year: year, Title: d.Content, Lead: d.Owner,
				Deadline: d.Deadline, BriefingID: b.ID, State: domain.MatterInProgress, CreatedAt: s.nowUTC()}
			cleanMatter(&m)
			if m.CommuneID == "" || m.Lead == "" || m.Deadline == "" {
				return domain.Errorf(domain.EInvalid, "directions", "Chỉ đạo %d: ghi xã thực hiện, người chịu trách nhiệm và thời hạn.",
					"Direction %d: name the commune, who carries it out and the deadline.", i+1)
			}
			if err := m.Validate(); err != nil {
				return domain.Errorf(domain.EInvalid, "directions", "Chỉ đạo %d: %s", "Direction %d: %s", i+1, err.Error())
			}
			if err := checkRef(tx, "communes", m.CommuneID, "directions", "xã, thị trấn", "commune"); err != nil {
				return err
			}
			if _, err := s.putRecord(tx, kindMatter, m.ID, matterValues(m)); err != nil {
				return err
			}
		}
		return nil
	})
	return b, err
}

// ConcernMatterID is the id of the matter a report's members' concern becomes: derived,
// so that forwarding it twice, or from two desktops, makes one matter.
func ConcernMatterID(reportID string) string {
	return uuid.NewSHA1(roundNS, []byte("concern/"+reportID)).String()
}

// ForwardConcern makes the members' concerns written in a visit report a matter of the
// visited cell, followed like any other (kiến nghị). Forwarding it again returns the same
// matter. Errors: EInvalid (the report records no concern), ENotFound.
func (s *Store) ForwardConcern(ctx context.Context, reportID string) (domain.Matter, error) {
	r, err := s.GetReport(ctx, reportID)
	if err != nil {
		return domain.Matter{}, err
	}
	concerns, _ := r.Values["concerns"].(string)
	if strings.TrimSpace(concerns) == "" {
		return domain.Matter{}, domain.Errorf(domain.EInvalid, "concerns", "Báo cáo không ghi kiến nghị nào của đảng viên.", "The report records no concern.")
	}
	year, _ := strconv.Atoi(s.today()[:4])
	if len(r.SubmittedAt) >= 4 {
		year, _ = strconv.Atoi(r.SubmittedAt[:4])
	}
	m := domain.Matter{ID: ConcernMatterID(reportID), Source: domain.SourceConcern, UnitID: r.CellID, CommuneID: r.CommuneID, Year: year,
		Title: textutil.NFC(strings.TrimSpace(concerns)), ReportID: reportID, State: domain.MatterInProgress, CreatedAt: s.nowUTC()}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM matters WHERE id = ?`, m.ID).Scan(&n); err != nil || n > 0 {
			return err
		}
		_, err := s.putRecord(tx, kindMatter, m.ID, matterValues(m))
		return err
	})
	return m, err
}
