package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// The round's results (issue 10): conference, conclusion notice, remediation.
var (
	kindConference        = spec(kinds.Conference)
	kindNotice            = spec(kinds.Notice)
	kindRemediation       = spec(kinds.Remediation)
	kindRemediationReport = spec(kinds.RemediationReport)
	kindRemediationCheck  = spec(kinds.RemediationCheck)
)

var roundNS = uuid.MustParse("7d4f0c3e-1b8a-4e55-9f2d-6a0b8c1e2f34")

// ConferenceID is the id of a committee's conference of a month: derived, so two desktops
// of the committee write one record.
func ConferenceID(committeeID, month string) string {
	return uuid.NewSHA1(roundNS, []byte("conference/"+committeeID+"/"+month)).String()
}

// RemediationCheckID is the id of the official's verdict on an item: derived from the
// item's (never the same id, so each record keeps its own sync state).
func RemediationCheckID(itemID string) string {
	return uuid.NewSHA1(roundNS, []byte("remediation_check/"+itemID)).String()
}

// RemediationID is the id of the item a notice's shortcoming becomes.
func RemediationID(noticeID, shortcomingID string) string {
	return uuid.NewSHA1(roundNS, []byte("remediation/"+noticeID+"/"+shortcomingID)).String()
}

// Round is one month's round as its committee reads it: the overview with every report,
// the visits planned but not yet reported, the conference and the notices.
type Round struct {
	Overview   domain.RoundOverview `json:"overview"`
	Missing    []domain.Visit       `json:"missing"`
	Conference *domain.Conference   `json:"conference"`
	Notices    []domain.Notice      `json:"notices"`
}

// GetRound returns the round of month (yyyy-mm) of this device's committee.
func (s *Store) GetRound(ctx context.Context, month string) (Round, error) {
	var r Round
	ov, err := s.RoundOverview(ctx, month)
	if err != nil {
		return r, err
	}
	r.Overview = ov
	visits, err := s.ListVisits(ctx, VisitFilter{Month: month})
	if err != nil {
		return r, err
	}
	r.Missing = []domain.Visit{}
	for _, v := range visits {
		if v.Status != domain.VisitReported && v.Status != domain.VisitCancelled && v.CommitteeID == s.committeeID {
			r.Missing = append(r.Missing, v)
		}
	}
	c, ok, err := s.conference(ctx, ConferenceID(s.committeeID, month))
	if err != nil {
		return r, err
	}
	if ok {
		r.Conference = &c
	}
	r.Notices, err = s.ListNotices(ctx, month)
	return r, err
}

func (s *Store) conference(ctx context.Context, id string) (domain.Conference, bool, error) {
	x, err := kindConference.scan(s.db.QueryRowContext(ctx, `SELECT `+kindConference.columns("")+` FROM conferences WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return domain.Conference{}, false, nil
	} else if err != nil {
		return domain.Conference{}, false, err
	}
	c := domain.Conference{ID: x.id, CommitteeID: x.str("committeeId"), CommuneID: x.str("communeId"), Month: x.str("month"), Date: x.str("date"),
		Place: x.str("place"), Chair: x.str("chair"), Note: x.str("note")}
	json.Unmarshal([]byte(x.str("present")), &c.Present)
	json.Unmarshal([]byte(x.str("remarks")), &c.Remarks)
	states, err := s.syncStatesOfKinds(ctx, kinds.Conference)
	if err == nil {
		c.SyncState, _ = states.of(c.ID)
	}
	return c, true, err
}

// committeeCommune is the commune of this device's committee ("" for the top committee).
func (s *Store) committeeCommuneTx(tx *sql.Tx) (string, error) {
	if s.committeeID == "" {
		return "", nil
	}
	var c string
	err := tx.QueryRow(`SELECT commune_id FROM units WHERE id = ?`, s.committeeID).Scan(&c)
	if err == sql.ErrNoRows {
		return "", domain.Errorf(domain.EInvalid, "committeeId", "Máy này chưa có cấp ủy của tài khoản; hãy đồng bộ trước.", "This device does not hold the account's committee yet; sync first.")
	}
	return c, err
}

// SaveConference records the committee's conference of a round. Errors: EInvalid.
func (s *Store) SaveConference(ctx context.Context, c domain.Conference) (domain.Conference, error) {
	if _, err := domain.ParseMonth(c.Month); err != nil {
		return c, err
	}
	if c.Date != "" {
		if _, err := time.Parse("2006-01-02", c.Date); err != nil {
			return c, domain.Errorf(domain.EInvalid, "date", "Ngày hội nghị không hợp lệ.", "Invalid conference date.")
		}
	}
	c.Place, c.Chair, c.Note = textutil.NFC(strings.TrimSpace(c.Place)), textutil.NFC(strings.TrimSpace(c.Chair)), textutil.NFC(strings.TrimSpace(c.Note))
	var present []string
	for _, p := range c.Present {
		if p = textutil.NFC(strings.TrimSpace(p)); p != "" {
			present = append(present, p)
		}
	}
	var remarks []domain.Remark
	for _, r := range c.Remarks {
		r.Official, r.Remarks, r.Solutions = textutil.NFC(strings.TrimSpace(r.Official)), textutil.NFC(strings.TrimSpace(r.Remarks)), textutil.NFC(strings.TrimSpace(r.Solutions))
		if r.Official == "" && r.Remarks == "" && r.Solutions == "" {
			continue
		}
		if r.Official == "" {
			return c, domain.Errorf(domain.EInvalid, "remarks", "Mỗi ý kiến phát biểu cần ghi tên cán bộ.", "Each remark needs the official's name.")
		}
		remarks = append(remarks, r)
	}
	c.Present, c.Remarks = present, remarks
	c.CommitteeID, c.ID = s.committeeID, ConferenceID(s.committeeID, c.Month)
	err := s.write(ctx, func(tx *sql.Tx) error {
		commune, err := s.committeeCommuneTx(tx)
		if err != nil {
			return err
		}
		c.CommuneID = commune
		pj, _ := json.Marshal(c.Present)
		rj, _ := json.Marshal(c.Remarks)
		_, err = s.putRecord(tx, kindConference, c.ID, Values{"committeeId": c.CommitteeID, "communeId": c.CommuneID, "month": c.Month,
			"date": c.Date, "place": c.Place, "chair": c.Chair, "present": string(pj), "remarks": string(rj), "note": c.Note, "restricted": 1})
		return err
	})
	return c, err
}

// RoundState is one month's round at a glance.
type RoundState struct {
	Month         string `json:"month"`
	Planned       int    `json:"planned"`  // visits not cancelled
	Reported      int    `json:"reported"` // visits reported
	Conference    bool   `json:"conference"`
	NoticesIssued int    `json:"noticesIssued"`
	Drafts        int    `json:"drafts"`
	Items         int    `json:"items"`    // shortcomings of the month's issued notices
	Remedied      int    `json:"remedied"` // of them, verified remedied
}

// ListRounds returns the state of every round of year that has visits, a conference or
// a notice: visits done, reports in, conference held, notices issued, remediation
// progress. Four grouped queries, whatever the year holds.
func (s *Store) ListRounds(ctx context.Context, year int) ([]RoundState, error) {
	if year < 2000 || year > 2100 {
		return nil, domain.Errorf(domain.EInvalid, "year", "Năm không hợp lệ.", "Invalid year.")
	}
	y := fmt.Sprintf("%d-", year)
	by := map[string]*RoundState{}
	get := func(m string) *RoundState {
		if r, ok := by[m]; ok {
			return r
		}
		r := &RoundState{Month: m}
		by[m] = r
		return r
	}
	queries := []struct {
		q  string
		fn func(r *RoundState, a, b int)
	}{
		{`SELECT substr(date, 1, 7), count(*), sum(status = 'reported') FROM visits WHERE deleted = 0 AND status != 'cancelled' AND date LIKE ? AND committee_id = ? GROUP BY 1`,
			func(r *RoundState, a, b int) { r.Planned, r.Reported = a, b }},
		{`SELECT month, count(*), 0 FROM conferences WHERE deleted = 0 AND month LIKE ? AND committee_id = ? GROUP BY 1`,
			func(r *RoundState, a, _ int) { r.Conference = a > 0 }},
		{`SELECT month, sum(status = 'issued'), sum(status = 'draft') FROM notices WHERE deleted = 0 AND month LIKE ? AND committee_id = ? GROUP BY 1`,
			func(r *RoundState, a, b int) { r.NoticesIssued, r.Drafts = a, b }},
		{`SELECT n.month, count(*), sum(coalesce(c.verdict, '') = 'remedied') FROM remediations r JOIN notices n ON n.id = r.notice_id
			LEFT JOIN remediation_checks c ON c.item_id = r.id AND c.deleted = 0 WHERE r.deleted = 0 AND n.month LIKE ? AND n.committee_id = ? GROUP BY 1`,
			func(r *RoundState, a, b int) { r.Items, r.Remedied = a, b }},
	}
	for _, q := range queries {
		err := queryEach(ctx, s.db, q.q, []any{y + "%", s.committeeID}, func(rows *sql.Rows) error {
			var m string
			var a, b int
			if err := rows.Scan(&m, &a, &b); err != nil {
				return err
			}
			q.fn(get(m), a, b)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]RoundState, 0, len(by))
	for _, r := range by {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b RoundState) int { return strings.Compare(a.Month, b.Month) })
	return out, nil
}
