package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

var kindVisit = spec(kinds.Visit)

// visitSelect reads a visit with the names a screen shows beside it.
var visitSelect = `SELECT ` + kindVisit.columns("v.") + `,
	coalesce(u.name, ''), coalesce(c.name, ''), coalesce(o.name, ''), coalesce(s.start_time, ''), coalesce(s.place, ''),
	coalesce(s.date, ''), coalesce(s.status, ''), coalesce(s.changed_after_publish, 0)
	FROM visits v LEFT JOIN units u ON u.id = v.cell_id LEFT JOIN communes c ON c.id = v.commune_id
	LEFT JOIN officials o ON o.id = v.official_id LEFT JOIN schedules s ON s.id = v.schedule_id`

func scanVisit(sc interface{ Scan(...any) error }) (domain.Visit, error) {
	var v domain.Visit
	r, err := kindVisit.scan(sc, &v.CellName, &v.CommuneName, &v.OfficialName, &v.StartTime, &v.Place, &v.MeetingDate, &v.MeetingStatus, &v.MeetingChanged)
	v.ID, v.ScheduleID, v.CellID, v.CommuneID, v.OfficialID = r.id, r.str("scheduleId"), r.str("cellId"), r.str("communeId"), r.str("officialId")
	v.CommitteeID = r.str("committeeId")
	v.Date, v.Status, v.Note = r.str("date"), domain.VisitStatus(r.str("status")), r.str("note")
	v.LetterYear, v.LetterSeq, v.LetterSymbol, v.LetterDate = r.int("letterYear"), r.int("letterSeq"), r.str("letterSymbol"), r.str("letterDate")
	return v, err
}

func errVisitNotFound() error {
	return domain.Errorf(domain.ENotFound, "", "Không tìm thấy kế hoạch dự sinh hoạt.", "Visit not found.")
}

// GetVisit returns one visit. Errors: ENotFound.
func (s *Store) GetVisit(ctx context.Context, id string) (domain.Visit, error) {
	v, err := scanVisit(s.db.QueryRowContext(ctx, visitSelect+` WHERE v.id = ? AND v.deleted = 0`, id))
	if err == sql.ErrNoRows {
		return v, errVisitNotFound()
	}
	return v, err
}

func getVisitTx(tx *sql.Tx, id string) (domain.Visit, error) {
	v, err := scanVisit(tx.QueryRow(visitSelect+` WHERE v.id = ? AND v.deleted = 0`, id))
	if err == sql.ErrNoRows {
		return v, errVisitNotFound()
	}
	return v, err
}

// VisitFilter selects visits; empty fields select everything.
type VisitFilter struct {
	Month      string `json:"month"` // yyyy-mm
	OfficialID string `json:"officialId"`
	CommuneID  string `json:"communeId"`
}

// ListVisits returns the visits of the filter, by date.
func (s *Store) ListVisits(ctx context.Context, f VisitFilter) ([]domain.Visit, error) {
	q, args := visitSelect+` WHERE v.deleted = 0`, []any{}
	if f.Month != "" {
		q += ` AND v.date LIKE ?`
		args = append(args, f.Month+"-%")
	}
	if f.OfficialID != "" {
		q += ` AND v.official_id = ?`
		args = append(args, f.OfficialID)
	}
	if f.CommuneID != "" {
		q += ` AND v.commune_id = ?`
		args = append(args, f.CommuneID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY v.date, s.start_time`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Visit{}
	for rows.Next() {
		v, err := scanVisit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// PlanResult is a new visit with the other officials who chose the same meeting, a
// warning the screen shows at once.
type PlanResult struct {
	Visit       domain.Visit `json:"visit"`
	AlsoPlanned []string     `json:"alsoPlanned"`
}

// PlanVisit records that an official will attend a published meeting unannounced. The
// visit is restricted: the server never sends it to a commune office. Errors: EInvalid
// (not published, cancelled, chosen twice), EForbidden (the official is not in charge of
// the cell), ENotFound.
func (s *Store) PlanVisit(ctx context.Context, scheduleID, officialID, note string) (PlanResult, error) {
	var res PlanResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		x, err := getScheduleTx(tx, scheduleID)
		if err != nil {
			return err
		}
		if err := domain.CanPlan(x); err != nil {
			return err
		}
		o, err := getOfficialTx(tx, officialID)
		if err != nil {
			return err
		}
		var areaID string
		if err := tx.QueryRow(`SELECT coalesce((SELECT area_id FROM communes WHERE id = ?), '')`, x.CommuneID).Scan(&areaID); err != nil {
			return err
		}
		if err := domain.MayAttend(o, x.CommuneID, areaID); err != nil {
			return err
		}
		others, err := plannersOf(tx, scheduleID)
		if err != nil {
			return err
		}
		for _, p := range others {
			if p.id == officialID {
				return domain.Errorf(domain.EInvalid, "scheduleId", "Cán bộ “%s” đã chọn dự buổi sinh hoạt này.", "“%s” already chose this meeting.", o.Name)
			}
			res.AlsoPlanned = append(res.AlsoPlanned, p.name)
		}
		v := domain.Visit{ID: NewID(), ScheduleID: x.ID, CellID: x.CellID, CommuneID: x.CommuneID, OfficialID: o.ID,
			CommitteeID: o.CommitteeID, Date: x.Date, Note: textutil.NFC(note)}
		v.Normalize()
		if err := v.Validate(); err != nil {
			return err
		}
		if _, err := s.putRecord(tx, kindVisit, v.ID, visitValues(v)); err != nil {
			return err
		}
		res.Visit, err = getVisitTx(tx, v.ID)
		return err
	})
	return res, err
}

func visitValues(v domain.Visit) Values {
	return Values{"scheduleId": v.ScheduleID, "cellId": v.CellID, "communeId": v.CommuneID, "officialId": v.OfficialID, "committeeId": v.CommitteeID,
		"date": v.Date, "status": string(v.Status), "note": v.Note, "letterYear": v.LetterYear, "letterSeq": v.LetterSeq,
		"letterSymbol": v.LetterSymbol, "letterDate": v.LetterDate, "restricted": 1}
}

type planner struct{ id, name string }

func plannersOf(tx *sql.Tx, scheduleID string) ([]planner, error) {
	rows, err := tx.Query(`SELECT v.official_id, coalesce(o.name, '') FROM visits v LEFT JOIN officials o ON o.id = v.official_id
		WHERE v.schedule_id = ? AND v.status != 'cancelled' AND v.deleted = 0`, scheduleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []planner
	for rows.Next() {
		var p planner
		if err := rows.Scan(&p.id, &p.name); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

func getOfficialTx(tx *sql.Tx, id string) (domain.Official, error) {
	o, err := scanOfficial(tx.QueryRow(`SELECT `+kindOfficial.columns("")+` FROM officials WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return o, domain.Errorf(domain.EInvalid, "officialId", "Không tìm thấy cán bộ đã chọn.", "The selected official does not exist.")
	}
	return o, err
}

// CancelVisit cancels a planned visit; a reported one cannot be. Errors: EInvalid, ENotFound.
func (s *Store) CancelVisit(ctx context.Context, id string) (domain.Visit, error) {
	var v domain.Visit
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if v, err = getVisitTx(tx, id); err != nil {
			return err
		}
		if v.Status == domain.VisitReported {
			return domain.Errorf(domain.EInvalid, "status", "Đã nộp báo cáo, không thể hủy.", "The report was submitted; the visit cannot be cancelled.")
		}
		if _, err := s.putRecord(tx, kindVisit, id, Values{"status": string(domain.VisitCancelled)}); err != nil {
			return err
		}
		v, err = getVisitTx(tx, id)
		return err
	})
	return v, err
}

// VisitClashes lists the meetings of a month that two or more officials chose.
func (s *Store) VisitClashes(ctx context.Context, month string) ([]domain.VisitClash, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT v.schedule_id, v.date, coalesce(u.name, ''), coalesce(c.name, ''), coalesce(o.name, '')
		FROM visits v LEFT JOIN units u ON u.id = v.cell_id LEFT JOIN communes c ON c.id = v.commune_id
		LEFT JOIN officials o ON o.id = v.official_id
		WHERE v.deleted = 0 AND v.status != 'cancelled' AND v.date LIKE ? AND v.schedule_id IN (
			SELECT schedule_id FROM visits WHERE deleted = 0 AND status != 'cancelled' AND date LIKE ?
			GROUP BY schedule_id HAVING count(DISTINCT official_id) > 1)
		ORDER BY v.date, v.schedule_id, o.name`, month+"-%", month+"-%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.VisitClash{}
	for rows.Next() {
		var id, date, cell, commune, official string
		if err := rows.Scan(&id, &date, &cell, &commune, &official); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ScheduleID != id {
			out = append(out, domain.VisitClash{ScheduleID: id, Date: date, CellName: cell, CommuneName: commune})
		}
		out[len(out)-1].OfficialNames = append(out[len(out)-1].OfficialNames, official)
	}
	return out, rows.Err()
}

// Letter numbering. Numbers are allocated on one device only, the district Standing
// Office's, which writes the letters (DOMAIN.md): two offline devices that both allocated
// would hand out the same number, and a printed, signed letter cannot be renumbered after a
// sync. With an account signed in, the server's rule decides: the planning committee's
// Standing Board numbers its letters (its office's account), and the server refuses a
// number from anyone else; a desktop used without an account is made the issuer in its
// letter settings. LetterClashes finds duplicates should two devices have numbered.
const (
	metaLetterIssuer = "letter_issuer"
	metaLetterSymbol = "letter_symbol"
	metaDocHeader    = "document_header"
)

// LetterSettings say whether this device numbers introduction letters, with which symbol,
// and the header its papers carry.
type LetterSettings struct {
	Issuer bool `json:"issuer"`
	// ByAccount is set when the signed-in account decides Issuer (the setting is then
	// not the device's to change).
	ByAccount bool                  `json:"byAccount"`
	Symbol    string                `json:"symbol"`
	Header    domain.DocumentHeader `json:"header"`
}

// LetterSettings returns this device's letter settings.
func (s *Store) LetterSettings(ctx context.Context) (LetterSettings, error) {
	on, err := s.Meta(ctx, metaLetterIssuer)
	if err != nil {
		return LetterSettings{}, err
	}
	sym, err := s.Meta(ctx, metaLetterSymbol)
	if err != nil {
		return LetterSettings{}, err
	}
	if sym == "" {
		sym = domain.DefaultLetterSymbol
	}
	ls := LetterSettings{Issuer: on == "1", Symbol: sym, Header: domain.KimSonHeader()}
	if s.numbersPapers != nil {
		ls.Issuer, ls.ByAccount = *s.numbersPapers, true
	}
	h, err := s.Meta(ctx, metaDocHeader)
	if err == nil && h != "" {
		err = json.Unmarshal([]byte(h), &ls.Header)
	}
	return ls, err
}

// SetLetterSettings makes this device the letter issuer (or not) and sets the symbol.
// Errors: EInvalid.
func (s *Store) SetLetterSettings(ctx context.Context, ls LetterSettings) error {
	ls.Symbol = strings.TrimSpace(textutil.NFC(ls.Symbol))
	if ls.Symbol == "" {
		ls.Symbol = domain.DefaultLetterSymbol
	}
	if len([]rune(ls.Symbol)) > 20 || strings.ContainsAny(ls.Symbol, " -") {
		return domain.Errorf(domain.EInvalid, "symbol", "Ký hiệu giấy giới thiệu không hợp lệ (ví dụ GGT/HU).", "Invalid letter symbol (e.g. GGT/HU).")
	}
	on := "0"
	if ls.Issuer {
		on = "1"
	}
	if ls.Header == (domain.DocumentHeader{}) {
		ls.Header = domain.KimSonHeader()
	}
	h, err := json.Marshal(ls.Header)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		for k, v := range map[string]string{metaLetterIssuer: on, metaLetterSymbol: ls.Symbol, metaDocHeader: textutil.NFC(string(h))} {
			if _, err := tx.Exec(`INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// IssueLetter gives a visit its introduction letter: the next number of the letter's year,
// allocated in the same transaction as the write, so two letters issued on this device
// never share a number. Issuing again returns the letter already issued. date is the
// letter's date (yyyy-mm-dd, today when empty). Errors: EForbidden (this device does not
// number letters), EInvalid, ENotFound.
func (s *Store) IssueLetter(ctx context.Context, visitID, date string) (domain.Visit, error) {
	if date == "" {
		date = s.today()
	}
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		return domain.Visit{}, domain.Errorf(domain.EInvalid, "letterDate", "Ngày cấp giấy không hợp lệ.", "Invalid letter date.")
	}
	var v domain.Visit
	err = s.write(ctx, func(tx *sql.Tx) error {
		var on string
		tx.QueryRow(`SELECT value FROM meta WHERE key = ?`, metaLetterIssuer).Scan(&on)
		issuer := on == "1"
		if s.numbersPapers != nil {
			issuer = *s.numbersPapers
		}
		if !issuer {
			return domain.Errorf(domain.EForbidden, "", "Chỉ Thường trực cấp ủy (máy của văn phòng cấp ủy) mới cấp số giấy giới thiệu.",
				"Only the committee's Standing Board (its office's desktop) numbers introduction letters.")
		}
		if v, err = getVisitTx(tx, visitID); err != nil {
			return err
		}
		if s.numbersPapers != nil && v.CommitteeID != s.committeeID {
			return domain.Errorf(domain.EForbidden, "", "Giấy giới thiệu do cấp ủy lập kế hoạch cấp số.",
				"The letter is numbered by the committee that planned the visit.")
		}
		// The letter speaks for the committee whose plan it is: its symbol (GGT/TU,
		// GGT/ĐU), numbered from 01 per committee and year.
		p, err := paperProfileTx(tx, v.CommitteeID)
		if err != nil {
			return err
		}
		sym := letterSymbol(p)
		if v.LetterSeq > 0 {
			return nil
		}
		if v.Status == domain.VisitCancelled {
			return domain.Errorf(domain.EInvalid, "status", "Kế hoạch dự sinh hoạt đã hủy.", "The visit was cancelled.")
		}
		var seq int
		if err := tx.QueryRow(`SELECT coalesce(max(letter_seq), 0) + 1 FROM visits WHERE letter_year = ? AND committee_id = ?`,
			d.Year(), v.CommitteeID).Scan(&seq); err != nil {
			return err
		}
		if _, err := s.putRecord(tx, kindVisit, visitID, Values{"letterYear": d.Year(), "letterSeq": seq, "letterSymbol": sym, "letterDate": date}); err != nil {
			return err
		}
		v, err = getVisitTx(tx, visitID)
		return err
	})
	return v, err
}

// LetterClash is one letter number held by more than one visit.
type LetterClash struct {
	Number   string   `json:"number"`
	VisitIDs []string `json:"visitIds"`
}

// LetterClashes lists the numbers of a year given to more than one visit: it is empty as
// long as only one device issues letters.
func (s *Store) LetterClashes(ctx context.Context, year int) ([]LetterClash, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT letter_seq, letter_symbol, group_concat(id) FROM visits
		WHERE letter_year = ? AND letter_seq > 0 AND deleted = 0 GROUP BY letter_seq, letter_symbol HAVING count(*) > 1
		ORDER BY letter_seq`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []LetterClash{}
	for rows.Next() {
		var seq int
		var sym, ids string
		if err := rows.Scan(&seq, &sym, &ids); err != nil {
			return nil, err
		}
		out = append(out, LetterClash{Number: domain.FormatLetterNumber(seq, sym), VisitIDs: strings.Split(ids, ",")})
	}
	return out, rows.Err()
}

// VisitFacts returns a visit with what its papers need: the official's title and the
// cell's committee. Errors: ENotFound.
func (s *Store) VisitFacts(ctx context.Context, visitID string) (domain.VisitFacts, error) {
	v, err := s.GetVisit(ctx, visitID)
	if err != nil {
		return domain.VisitFacts{}, err
	}
	f := domain.VisitFacts{Visit: v}
	err = s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT title FROM officials WHERE id = ?), ''),
		coalesce((SELECT p.name FROM units c JOIN units p ON p.id = c.parent_id WHERE c.id = ?), '')`, v.OfficialID, v.CellID).
		Scan(&f.OfficialTitle, &f.ParentName)
	return f, err
}
