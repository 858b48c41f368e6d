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
	"chibo/backend/textutil"
)

// Dialogues with the people, citizen receptions and cluster briefings (issue 11): their
// issues and directions are matters of the tracker, and so are members' concerns.

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
		return d, domain.Errorf(domain.EInvalid, "communeId", "Chọn xã, phường tổ chức.", "Choose the commune.")
	}
	year, _ := strconv.Atoi(d.Date[:4])
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := checkRef(tx, "communes", d.CommuneID, "communeId", "xã, phường", "commune"); err != nil {
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
			if err := checkRef(tx, "communes", m.CommuneID, "directions", "xã, phường", "commune"); err != nil {
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
