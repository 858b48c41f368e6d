package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// Every shortcoming of an issued notice followed to its remedy (issue 10).

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
