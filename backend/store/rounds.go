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
	states, err := s.syncStates(ctx)
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

func noticeValues(n domain.Notice) Values {
	dw, _ := json.Marshal(n.DidWell)
	sc, _ := json.Marshal(n.Shortcomings)
	rc, _ := json.Marshal(n.Recipients)
	restricted := 1
	if n.Status == domain.NoticeIssued {
		restricted = 0
	}
	return Values{"committeeId": n.CommitteeID, "communeId": n.CommuneID, "month": n.Month, "status": string(n.Status), "number": n.Number,
		"termStart": n.TermStart, "symbol": n.Symbol, "date": n.Date, "assessment": n.Assessment, "didWell": string(dw),
		"shortcomings": string(sc), "directions": n.Directions, "recipients": string(rc), "replaces": n.Replaces,
		"issuedAt": n.IssuedAt, "issuedBy": n.IssuedBy, "restricted": restricted}
}

func scanNotice(sc interface{ Scan(...any) error }) (domain.Notice, error) {
	x, err := kindNotice.scan(sc)
	n := domain.Notice{ID: x.id, CommitteeID: x.str("committeeId"), CommuneID: x.str("communeId"), Month: x.str("month"),
		Status: domain.NoticeStatus(x.str("status")), Number: x.int("number"), TermStart: x.int("termStart"), Symbol: x.str("symbol"),
		Date: x.str("date"), Assessment: x.str("assessment"), Directions: x.str("directions"), Replaces: x.str("replaces"),
		IssuedAt: x.str("issuedAt"), IssuedBy: x.str("issuedBy")}
	json.Unmarshal([]byte(x.str("didWell")), &n.DidWell)
	json.Unmarshal([]byte(x.str("shortcomings")), &n.Shortcomings)
	json.Unmarshal([]byte(x.str("recipients")), &n.Recipients)
	return n, err
}

// ListNotices returns the notices this device holds for month ("" = every month), newest
// first.
func (s *Store) ListNotices(ctx context.Context, month string) ([]domain.Notice, error) {
	out := []domain.Notice{}
	err := queryEach(ctx, s.db, `SELECT `+kindNotice.columns("")+` FROM notices WHERE deleted = 0 AND (? = '' OR month = ?) ORDER BY month DESC, number DESC, id`,
		[]any{month, month}, func(rows *sql.Rows) error {
			n, err := scanNotice(rows)
			out = append(out, n)
			return err
		})
	if err != nil {
		return nil, err
	}
	states, err := s.syncStates(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].SyncState, _ = states.of(out[i].ID)
	}
	return out, nil
}

// GetNotice returns one notice. Errors: ENotFound.
func (s *Store) GetNotice(ctx context.Context, id string) (domain.Notice, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return domain.Notice{}, err
	}
	defer tx.Rollback()
	return noticeTx(tx, id)
}

func noticeTx(tx *sql.Tx, id string) (domain.Notice, error) {
	n, err := scanNotice(tx.QueryRow(`SELECT `+kindNotice.columns("")+` FROM notices WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return n, domain.Errorf(domain.ENotFound, "", "Không tìm thấy thông báo kết luận.", "Notice not found.")
	}
	return n, err
}

// DraftNotice starts the conclusion notice of a round from its reports: the cells whose
// meeting was rated Tốt as having done well, those rated Trung bình or Kém or with
// weaknesses written as having shortcomings (each weakness to fix by the end of the next
// month), a general assessment in figures, and the committee's recipients; all of it to
// edit before issuing. replaces names an issued notice this one corrects ("" for none).
func (s *Store) DraftNotice(ctx context.Context, month, replaces string) (domain.Notice, error) {
	ov, err := s.RoundOverview(ctx, month)
	if err != nil {
		return domain.Notice{}, err
	}
	p, err := s.PaperProfile(ctx, s.committeeID)
	if err != nil {
		return domain.Notice{}, err
	}
	m, _ := domain.ParseMonth(month)
	n := domain.Notice{ID: NewID(), CommitteeID: s.committeeID, Month: month, Status: domain.NoticeDraft, Replaces: replaces,
		DidWell: []domain.NoticeUnit{}, Shortcomings: []domain.NoticeShortcomings{}}
	due := time.Date(m.Year(), m.Month()+2, 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	grades := map[string]int{}
	seen := map[string]bool{}
	for _, r := range ov.Reports {
		if r.Report.CommitteeID != s.committeeID || seen[r.Report.CellID] {
			continue
		}
		seen[r.Report.CellID] = true
		quality, _ := r.Report.Values["quality"].(string)
		strengths, _ := r.Report.Values["strengths"].(string)
		weaknesses, _ := r.Report.Values["weaknesses"].(string)
		grades[quality]++
		name := r.CellName
		if r.CommuneName != "" {
			name += " (" + r.CommuneName + ")"
		}
		switch {
		case quality == "Tốt":
			n.DidWell = append(n.DidWell, domain.NoticeUnit{UnitID: r.Report.CellID, Name: name, Note: strings.TrimSpace(strengths)})
		case quality == "Trung bình" || quality == "Kém" || strings.TrimSpace(weaknesses) != "":
			text := strings.TrimSpace(weaknesses)
			if text == "" {
				text = "Buổi sinh hoạt được đánh giá " + strings.ToLower(quality) + "."
			}
			n.Shortcomings = append(n.Shortcomings, domain.NoticeShortcomings{UnitID: r.Report.CellID, Name: name,
				Items: []domain.Shortcoming{{ID: NewID(), Text: text, Due: due}}})
		}
	}
	n.Assessment = fmt.Sprintf("Trong tháng %s, cán bộ của %s đã dự sinh hoạt %d chi bộ không báo trước: %d buổi tốt, %d buổi khá, %d buổi trung bình, %d buổi kém.",
		m.Format("1/2006"), p.ShortName, len(seen), grades["Tốt"], grades["Khá"], grades["Trung bình"], grades["Kém"])
	n.Recipients = []string{"Các đảng bộ, chi bộ có tên,", "Thường trực " + p.ShortName + ",", "Lưu Văn phòng " + p.ShortName + "."}
	return n, nil
}

// SaveNotice saves a draft notice of this device's committee. Errors: EInvalid, EConflict
// (an issued notice never changes).
func (s *Store) SaveNotice(ctx context.Context, n domain.Notice) (domain.Notice, error) {
	clean := func(x string) string { return textutil.NFC(strings.TrimSpace(x)) }
	n.Assessment, n.Directions = clean(n.Assessment), clean(n.Directions)
	for i := range n.DidWell {
		n.DidWell[i].Name, n.DidWell[i].Note = clean(n.DidWell[i].Name), clean(n.DidWell[i].Note)
	}
	for i := range n.Shortcomings {
		n.Shortcomings[i].Name = clean(n.Shortcomings[i].Name)
		for j := range n.Shortcomings[i].Items {
			it := &n.Shortcomings[i].Items[j]
			it.Text, it.Fix = clean(it.Text), clean(it.Fix)
			if it.ID == "" {
				it.ID = NewID()
			}
		}
	}
	var to []string
	for _, r := range n.Recipients {
		if r = clean(r); r != "" {
			to = append(to, r)
		}
	}
	n.Recipients = to
	if n.ID == "" {
		n.ID = NewID()
	}
	n.Status, n.Number = domain.NoticeDraft, 0
	if err := n.Validate(); err != nil {
		return n, err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if cur, err := noticeTx(tx, n.ID); err == nil {
			if cur.Status == domain.NoticeIssued {
				return cur.CanIssue()
			}
			n.CommitteeID = cur.CommitteeID
		} else if domain.ErrorCode(err) != domain.ENotFound {
			return err
		} else {
			n.CommitteeID = s.committeeID
		}
		if n.Replaces != "" {
			old, err := noticeTx(tx, n.Replaces)
			if err != nil || old.Status != domain.NoticeIssued {
				return domain.Errorf(domain.EInvalid, "replaces", "Chỉ thay thế được một thông báo đã ban hành.", "Only an issued notice can be replaced.")
			}
		}
		commune, err := s.committeeCommuneTx(tx)
		if err != nil {
			return err
		}
		n.CommuneID = commune
		_, err = s.putRecord(tx, kindNotice, n.ID, noticeValues(n))
		return err
	})
	return n, err
}

// IssueNotice numbers and issues a draft on date (yyyy-mm-dd, today when empty): the next
// number of the committee's term with its symbol (TB/HU), frozen from then on; every
// shortcoming becomes a remediation item of its organization, in the same transaction.
// Errors: EInvalid, EConflict (already issued), ENotFound.
func (s *Store) IssueNotice(ctx context.Context, id, date string) (domain.Notice, error) {
	if date == "" {
		date = s.today()
	} else if _, err := time.Parse("2006-01-02", date); err != nil {
		return domain.Notice{}, domain.Errorf(domain.EInvalid, "date", "Ngày ban hành không hợp lệ.", "Invalid date of issue.")
	}
	var n domain.Notice
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if n, err = noticeTx(tx, id); err != nil {
			return err
		}
		if err := n.CanIssue(); err != nil {
			return err
		}
		p, err := paperProfileTx(tx, n.CommitteeID)
		if err != nil {
			return err
		}
		n.Symbol = "TB/" + strings.TrimPrefix(letterSymbol(p), "GGT/")
		n.TermStart = domain.TermStart(date)
		if err := tx.QueryRow(`SELECT coalesce(max(number), 0) + 1 FROM notices WHERE deleted = 0 AND status = 'issued' AND committee_id = ? AND term_start = ?`,
			n.CommitteeID, n.TermStart).Scan(&n.Number); err != nil {
			return err
		}
		n.Status, n.Date, n.IssuedAt, n.IssuedBy = domain.NoticeIssued, date, s.nowUTC(), s.userID
		if err := n.Validate(); err != nil {
			return err
		}
		if _, err := s.putRecord(tx, kindNotice, n.ID, noticeValues(n)); err != nil {
			return err
		}
		for _, u := range n.Shortcomings {
			var commune string
			if err := tx.QueryRow(`SELECT commune_id FROM units WHERE id = ? AND deleted = 0`, u.UnitID).Scan(&commune); err == sql.ErrNoRows {
				return domain.Errorf(domain.EInvalid, "shortcomings", "Không tìm thấy tổ chức đảng “%s”.", "Organization “%s” not found.", u.Name)
			} else if err != nil {
				return err
			}
			for _, it := range u.Items {
				if _, err := s.putRecord(tx, kindRemediation, RemediationID(n.ID, it.ID), Values{"noticeId": n.ID, "unitId": u.UnitID,
					"communeId": commune, "committeeId": n.CommitteeID, "shortcoming": it.Text, "fix": it.Fix, "due": it.Due}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return n, err
}

// RemediationFilter selects items; empty fields select all.
type RemediationFilter struct {
	UnitID   string `json:"unitId"`
	NoticeID string `json:"noticeId"`
	OpenOnly bool   `json:"openOnly"`
}

// ListRemediation returns the remediation items this device holds (an organization's
// office holds only its own), each with its reports, the official's verdict and whether
// it is overdue, the most urgent first.
func (s *Store) ListRemediation(ctx context.Context, f RemediationFilter) ([]domain.RemediationItem, error) {
	today := s.today()
	out := []domain.RemediationItem{}
	byID := map[string]int{}
	err := queryEach(ctx, s.db, `SELECT r.id, r.notice_id, coalesce(n.number, 0), coalesce(n.symbol, ''), r.unit_id, coalesce(u.name, ''), r.commune_id,
		r.committee_id, r.shortcoming, r.fix, r.due, coalesce(c.verdict, ''), coalesce(c.comment, ''), coalesce(c.by_user, ''), coalesce(c.at, '')
		FROM remediations r LEFT JOIN notices n ON n.id = r.notice_id LEFT JOIN units u ON u.id = r.unit_id
		LEFT JOIN remediation_checks c ON c.item_id = r.id AND c.deleted = 0
		WHERE r.deleted = 0 AND (? = '' OR r.unit_id = ?) AND (? = '' OR r.notice_id = ?) ORDER BY r.due, u.name, r.id`,
		[]any{f.UnitID, f.UnitID, f.NoticeID, f.NoticeID}, func(rows *sql.Rows) error {
			var it domain.RemediationItem
			var number int
			var symbol, verdict string
			if err := rows.Scan(&it.ID, &it.NoticeID, &number, &symbol, &it.UnitID, &it.UnitName, &it.CommuneID, &it.CommitteeID,
				&it.Shortcoming, &it.Fix, &it.Due, &verdict, &it.Comment, &it.VerifiedBy, &it.VerifiedAt); err != nil {
				return err
			}
			it.Verdict = domain.Verdict(verdict)
			it.NoticeNumber = domain.Notice{Number: number, Symbol: symbol}.NoticeNumber()
			it.Overdue = it.IsOverdue(today)
			it.Reports = []domain.RemediationReport{}
			if f.OpenOnly && !it.Open() {
				return nil
			}
			byID[it.ID] = len(out)
			out = append(out, it)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = queryEach(ctx, s.db, `SELECT id, item_id, date, actions, evidence, by_user, at FROM remediation_reports WHERE deleted = 0 ORDER BY date, at`, nil,
		func(rows *sql.Rows) error {
			var r domain.RemediationReport
			if err := rows.Scan(&r.ID, &r.ItemID, &r.Date, &r.Actions, &r.Evidence, &r.By, &r.At); err != nil {
				return err
			}
			if i, ok := byID[r.ItemID]; ok {
				out[i].Reports = append(out[i].Reports, r)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	states, err := s.syncStatesOfKinds(ctx, kinds.Remediation, kinds.RemediationCheck)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].SyncState, _ = states.of(out[i].ID)
		// A verdict the server refused (an office judging its own item) is not the
		// official's: it stays, refused, on the sync screen only.
		if st, _ := states.of(RemediationCheckID(out[i].ID)); st == domain.SyncRefused && out[i].VerifiedBy == s.userID {
			out[i].Verdict, out[i].Comment, out[i].VerifiedBy, out[i].VerifiedAt = "", "", "", ""
		}
	}
	return out, nil
}

func remediationTx(tx *sql.Tx, id string) (unitID, communeID string, err error) {
	err = tx.QueryRow(`SELECT unit_id, commune_id FROM remediations WHERE id = ? AND deleted = 0`, id).Scan(&unitID, &communeID)
	if err == sql.ErrNoRows {
		err = domain.Errorf(domain.ENotFound, "", "Không tìm thấy hạn chế cần khắc phục.", "Remediation item not found.")
	}
	return
}

// ReportRemediation records what the organization did about an item (its office's
// report: the date, what was done, the evidence). Errors: EInvalid, ENotFound.
func (s *Store) ReportRemediation(ctx context.Context, itemID, date, actions, evidence string) (domain.RemediationReport, error) {
	r := domain.RemediationReport{ID: NewID(), ItemID: itemID, Date: date, Actions: textutil.NFC(strings.TrimSpace(actions)),
		Evidence: textutil.NFC(strings.TrimSpace(evidence)), By: s.userID, At: s.nowUTC()}
	if _, err := time.Parse("2006-01-02", date); err != nil {
		return r, domain.Errorf(domain.EInvalid, "date", "Ngày khắc phục không hợp lệ (ngày/tháng/năm).", "Invalid date.")
	}
	if date > s.today() {
		return r, domain.Errorf(domain.EInvalid, "date", "Ngày khắc phục không được sau hôm nay.", "The date cannot be after today.")
	}
	if r.Actions == "" {
		return r, domain.Errorf(domain.EInvalid, "actions", "Cần ghi đã làm gì để khắc phục.", "Write what was done.")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		unit, commune, err := remediationTx(tx, itemID)
		if err != nil {
			return err
		}
		_, err = s.putRecord(tx, kindRemediationReport, r.ID, Values{"itemId": itemID, "unitId": unit, "communeId": commune,
			"date": r.Date, "actions": r.Actions, "evidence": r.Evidence, "by": r.By, "at": r.At})
		return err
	})
	return r, err
}

// VerifyRemediation records the official's verdict on an item (remedied, partly, not
// remedied) with a comment; a later verdict replaces it. Errors: EInvalid, ENotFound.
func (s *Store) VerifyRemediation(ctx context.Context, itemID string, verdict domain.Verdict, comment string) error {
	if !verdict.Valid() {
		return domain.Errorf(domain.EInvalid, "verdict", "Chọn kết quả: đã khắc phục, khắc phục một phần hoặc chưa khắc phục.", "Choose remedied, partly or not remedied.")
	}
	comment = textutil.NFC(strings.TrimSpace(comment))
	if verdict != domain.Remedied && comment == "" {
		return domain.Errorf(domain.EInvalid, "comment", "Cần ghi nhận xét khi hạn chế chưa được khắc phục hết.", "A comment is needed when the item is not fully remedied.")
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		unit, commune, err := remediationTx(tx, itemID)
		if err != nil {
			return err
		}
		_, err = s.putRecord(tx, kindRemediationCheck, RemediationCheckID(itemID), Values{"itemId": itemID, "unitId": unit, "communeId": commune,
			"verdict": string(verdict), "comment": comment, "by": s.userID, "at": s.nowUTC()})
		return err
	})
}

// openRemediations counts, per grassroots organization, the items of notices issued up
// to the end of year that are not verified remedied (a subordinate cell's count for its
// committee): the year-end condition of Quy định 366.
func (s *Store) openRemediations(ctx context.Context, year int) (map[string]int, error) {
	out := map[string]int{}
	err := queryEach(ctx, s.db, `SELECT CASE WHEN u.kind = 'subordinate_cell' THEN u.parent_id ELSE r.unit_id END, count(*)
		FROM remediations r JOIN notices n ON n.id = r.notice_id LEFT JOIN units u ON u.id = r.unit_id
		LEFT JOIN remediation_checks c ON c.item_id = r.id AND c.deleted = 0
		WHERE r.deleted = 0 AND n.date <= ? AND coalesce(c.verdict, '') != 'remedied' GROUP BY 1`,
		[]any{fmt.Sprintf("%d-12-31", year)}, func(rows *sql.Rows) error {
			var id string
			var n int
			err := rows.Scan(&id, &n)
			out[id] = n
			return err
		})
	return out, err
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
