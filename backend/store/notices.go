package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// The conclusion notice of a round (issue 10): drafted from the reports, numbered and
// frozen at issue, each shortcoming becoming a remediation item.

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
	states, err := s.syncStatesOfKinds(ctx, kinds.Notice)
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
