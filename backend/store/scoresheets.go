package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/google/uuid"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// A month's sheet is two records. The commune office writes score_sheet (self-assessment,
// evidence, submission); the Organization Board writes score_review (verified points,
// comments, approval) and the sheet's locked flag. Per-field last-writer-wins then never
// lets one role's write replace the other's, and the sync server can release the review to
// the commune only once approved (restricted = 0).
var (
	kindScoreSheet   = spec(kinds.ScoreSheet)
	kindScoreReview  = spec(kinds.ScoreReview)
	kindScoringAudit = spec(kinds.ScoringAudit)
)

// scoringNS namespaces the derived ids of scoring records.
var scoringNS = uuid.MustParse("5c0e3059-2018-4c6b-9a1e-6b696d736f6e")

// SheetID is the id of an organization's sheet for a month: derived, not random, so that
// the commune and the board, offline on different devices, write the same record.
func SheetID(unitID, month string) string {
	return uuid.NewSHA1(scoringNS, []byte("score_sheet/"+unitID+"/"+month)).String()
}

// ReviewID is the id of the review of a sheet, derived like SheetID.
func ReviewID(unitID, month string) string {
	return uuid.NewSHA1(scoringNS, []byte("score_review/"+unitID+"/"+month)).String()
}

var (
	sheetColumns  = kindScoreSheet.columns("")
	reviewColumns = kindScoreReview.columns("")
)

func scanSheet(sc interface{ Scan(...any) error }) (domain.ScoreSheet, error) {
	r, err := kindScoreSheet.scan(sc)
	s := domain.ScoreSheet{ID: r.id, UnitID: r.str("unitId"), CommuneID: r.str("communeId"), Month: r.str("month"),
		CriteriaSetID: r.str("criteriaSetId"), SelfNote: r.str("selfNote"), Submitted: r.flag("submitted"),
		SubmittedAt: r.str("submittedAt"), SubmittedBy: r.str("submittedBy"), Locked: r.flag("locked"), Self: domain.Scores{}}
	_ = json.Unmarshal([]byte(r.str("self")), &s.Self) // malformed text from elsewhere reads as not scored
	return s, err
}

func scanReview(sc interface{ Scan(...any) error }) (string, domain.ScoreReview, error) {
	x, err := kindScoreReview.scan(sc)
	r := domain.ScoreReview{ID: x.id, Comment: x.str("comment"), Approved: x.flag("approved"), ApprovedAt: x.str("approvedAt"),
		ApprovedBy: x.str("approvedBy"), UnlockReason: x.str("unlockReason"), UnlockedAt: x.str("unlockedAt"), UnlockedBy: x.str("unlockedBy"),
		Verified: domain.Scores{}}
	_ = json.Unmarshal([]byte(x.str("verified")), &r.Verified)
	return x.str("sheetId"), r, err
}

// loadSheets reads the sheets matching where with their reviews, by sheet id.
func loadSheets(ctx context.Context, q querier, where string, args ...any) (map[string]*domain.ScoreSheet, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+sheetColumns+` FROM score_sheets WHERE deleted = 0 AND `+where, args...)
	if err != nil {
		return nil, err
	}
	out := map[string]*domain.ScoreSheet{}
	for rows.Next() {
		s, err := scanSheet(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out[s.ID] = &s
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `SELECT `+reviewColumns+` FROM score_reviews WHERE deleted = 0 AND `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		sheetID, r, err := scanReview(rows)
		if err != nil {
			return nil, err
		}
		if s := out[sheetID]; s != nil {
			s.Review = &r
		}
	}
	return out, rows.Err()
}

// scoredUnit is what scoring needs of an organization.
type scoredUnit struct {
	id, name, communeID string
	kind                domain.UnitKind
	active              bool
	committee           string // the supervising committee it sits under (its parent's name)
}

func getScoredUnit(ctx context.Context, q querier, id string) (scoredUnit, error) {
	var u scoredUnit
	var status string
	err := q.QueryRowContext(ctx, `SELECT id, name, kind, commune_id, status FROM units WHERE id = ? AND deleted = 0`, id).
		Scan(&u.id, &u.name, &u.kind, &u.communeID, &status)
	if err == sql.ErrNoRows {
		return u, errUnitNotFound()
	} else if err != nil {
		return u, err
	}
	u.active = status == string(domain.StatusActive)
	if !domain.ScoredKind(u.kind) {
		return u, domain.Errorf(domain.EInvalid, "unitId", "Chỉ tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở) được chấm điểm hàng tháng; “%s” là %s.",
			"Only grassroots organizations are scored monthly; “%s” is a %s.", u.name, u.kind.Label())
	}
	return u, nil
}

// sheetState is a sheet as stored (zero when absent), its organization and its set.
type sheetState struct {
	unit  scoredUnit
	sheet domain.ScoreSheet
	found bool
	set   domain.CriteriaSet
}

// loadSheetState reads what a write to a sheet must check, inside its transaction. For a
// sheet not yet started it picks the published set that applies to the month.
func (s *Store) loadSheetState(ctx context.Context, tx *sql.Tx, unitID, month string) (sheetState, error) {
	var st sheetState
	if !domain.ValidMonth(month) {
		return st, domain.Errorf(domain.EInvalid, "month", "Tháng chấm điểm phải có dạng năm-tháng (ví dụ 2018-03).", "The month must be yyyy-mm.")
	}
	if month > s.thisMonth() {
		return st, domain.Errorf(domain.EInvalid, "month", "Chưa đến tháng %s, chưa thể chấm điểm.", "Month %s has not come yet.", month)
	}
	u, err := getScoredUnit(ctx, txq{tx}, unitID)
	if err != nil {
		return st, err
	}
	st.unit = u
	sheets, err := loadSheets(ctx, txq{tx}, "unit_id = ? AND month = ?", unitID, month)
	if err != nil {
		return st, err
	}
	if s := sheets[SheetID(unitID, month)]; s != nil {
		st.sheet, st.found = *s, true
		if st.set, err = getSet(ctx, txq{tx}, s.CriteriaSetID); err != nil {
			return st, err
		}
		return st, nil
	}
	if !u.active {
		return st, errInactive(domain.Unit{Name: u.name})
	}
	sets, err := listSets(ctx, txq{tx})
	if err != nil {
		return st, err
	}
	set := setFor(sets, u.kind, month)
	if set == nil {
		return st, domain.Errorf(domain.EInvalid, "criteriaSetId", "Chưa có bộ tiêu chí đã ban hành áp dụng cho %s tháng %s.",
			"No published criteria set applies to a %s in %s.", u.kind.Label(), month)
	}
	st.set = *set
	st.sheet = domain.ScoreSheet{ID: SheetID(unitID, month), UnitID: unitID, CommuneID: u.communeID, Month: month, CriteriaSetID: set.ID}
	return st, nil
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// SaveSelfAssessment writes the commune's self-assessment of an organization's month:
// points and evidence per criterion and a note. With submit, every criterion must be
// scored and the sheet goes to the Organization Board. Refused, changing nothing, when the
// month is locked, a point is outside its line's limits or a code is unknown. Errors:
// EInvalid, ENotFound.
func (s *Store) SaveSelfAssessment(ctx context.Context, unitID, month string, self domain.Scores, note string, submit bool) (domain.ScoreSheet, error) {
	self = cleanScores(self)
	err := s.write(ctx, func(tx *sql.Tx) error {
		st, err := s.loadSheetState(ctx, tx, unitID, month)
		if err != nil {
			return err
		}
		if err := st.sheet.CanSelfAssess(st.unit.name); err != nil {
			return err
		}
		if err := st.set.CheckScores(self, submit, "self"); err != nil {
			return err
		}
		v := Values{"unitId": unitID, "communeId": st.unit.communeID, "month": month, "criteriaSetId": st.set.ID,
			"self": jsonText(self), "selfNote": trimText(note)}
		if submit {
			v["submitted"], v["submittedAt"], v["submittedBy"] = 1, s.nowUTC(), s.userID
		}
		_, err = s.putRecord(tx, kindScoreSheet, st.sheet.ID, v)
		return err
	})
	if err != nil {
		return domain.ScoreSheet{}, err
	}
	return s.GetScoreSheet(ctx, unitID, month)
}

// SaveReview writes the Organization Board's verified points and comments of a submitted
// sheet; partial until approval. Errors: EInvalid (locked, not submitted, limits),
// ENotFound.
func (s *Store) SaveReview(ctx context.Context, unitID, month string, verified domain.Scores, comment string) (domain.ScoreSheet, error) {
	verified = cleanScores(verified)
	err := s.write(ctx, func(tx *sql.Tx) error {
		st, err := s.loadSheetState(ctx, tx, unitID, month)
		if err != nil {
			return err
		}
		if err := st.sheet.CanReview(st.unit.name); err != nil {
			return err
		}
		if err := st.set.CheckScores(verified, false, "verified"); err != nil {
			return err
		}
		_, err = s.putRecord(tx, kindScoreReview, ReviewID(unitID, month), s.reviewKeys(st, Values{
			"verified": jsonText(verified), "comment": trimText(comment)}))
		return err
	})
	if err != nil {
		return domain.ScoreSheet{}, err
	}
	return s.GetScoreSheet(ctx, unitID, month)
}

func (s *Store) reviewKeys(st sheetState, v Values) Values {
	v["sheetId"], v["unitId"], v["communeId"], v["month"] = st.sheet.ID, st.unit.id, st.unit.communeID, st.sheet.Month
	if st.sheet.Review == nil {
		v["restricted"] = 1
	}
	return v
}

// ApproveScoreSheet approves the verified scores and locks the month: from then on
// neither half of the sheet changes until an unlock with a reason. Every criterion must be
// verified. The approval is audited. Errors: EInvalid, ENotFound.
func (s *Store) ApproveScoreSheet(ctx context.Context, unitID, month string) (domain.ScoreSheet, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		st, err := s.loadSheetState(ctx, tx, unitID, month)
		if err != nil {
			return err
		}
		if err := st.sheet.CanApprove(st.unit.name); err != nil {
			return err
		}
		if err := st.set.CheckScores(st.sheet.Review.Verified, true, "verified"); err != nil {
			return err
		}
		at := s.nowUTC()
		if _, err := s.putRecord(tx, kindScoreReview, ReviewID(unitID, month), s.reviewKeys(st, Values{
			"approved": 1, "approvedAt": at, "approvedBy": s.userID, "restricted": 0})); err != nil {
			return err
		}
		if _, err := s.putRecord(tx, kindScoreSheet, st.sheet.ID, Values{"locked": 1}); err != nil {
			return err
		}
		total := st.set.Total(st.sheet.Review.Verified)
		return s.audit(tx, st.unit, kinds.ScoreSheet, st.sheet.ID, "approve", "",
			month+": "+domain.FormatPoints(total.Total)+" điểm, "+total.Grade.Label(), at)
	})
	if err != nil {
		return domain.ScoreSheet{}, err
	}
	return s.GetScoreSheet(ctx, unitID, month)
}

// UnlockScoreSheet reopens an approved month for correction. It needs a reason, which is
// audited with who and when; the verification is withheld from the commune again until
// the next approval. Errors: EInvalid, ENotFound.
func (s *Store) UnlockScoreSheet(ctx context.Context, unitID, month, reason string) (domain.ScoreSheet, error) {
	reason = trimText(reason)
	if err := domain.ValidateUnlockReason(reason); err != nil {
		return domain.ScoreSheet{}, err // before reading anything: the reason is the user's to fix
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		st, err := s.loadSheetState(ctx, tx, unitID, month)
		if err != nil {
			return err
		}
		if err := st.sheet.CanUnlock(st.unit.name, reason); err != nil {
			return err
		}
		at := s.nowUTC()
		if _, err := s.putRecord(tx, kindScoreReview, ReviewID(unitID, month), s.reviewKeys(st, Values{
			"approved": 0, "restricted": 1, "unlockReason": reason, "unlockedAt": at, "unlockedBy": s.userID})); err != nil {
			return err
		}
		if _, err := s.putRecord(tx, kindScoreSheet, st.sheet.ID, Values{"locked": 0}); err != nil {
			return err
		}
		return s.audit(tx, st.unit, kinds.ScoreSheet, st.sheet.ID, "unlock", reason, month, at)
	})
	if err != nil {
		return domain.ScoreSheet{}, err
	}
	return s.GetScoreSheet(ctx, unitID, month)
}

// audit appends one event record; each event is its own record, so concurrent events
// from different devices never overwrite each other.
func (s *Store) audit(tx *sql.Tx, u scoredUnit, subjectKind, subjectID, action, reason, detail, at string) error {
	_, err := s.putRecord(tx, kindScoringAudit, NewID(), Values{"communeId": u.communeID, "unitId": u.id,
		"subjectKind": subjectKind, "subjectId": subjectID, "action": action, "reason": reason, "detail": detail, "by": s.userID, "at": at})
	return err
}

// AuditEntry is one scoring decision: approve, unlock or override.
type AuditEntry struct {
	ID     string `json:"id"`
	UnitID string `json:"unitId"`
	Action string `json:"action"`
	Reason string `json:"reason"`
	Detail string `json:"detail"`
	By     string `json:"by"`
	At     string `json:"at"`
}

// ScoringAudit returns the events of a subject (a sheet or a classification id), oldest first.
func (s *Store) ScoringAudit(ctx context.Context, subjectID string) ([]AuditEntry, error) {
	var out []AuditEntry
	err := queryEach(ctx, s.db, `SELECT `+kindScoringAudit.columns("")+` FROM scoring_audit WHERE subject_id = ? AND deleted = 0 ORDER BY at, id`,
		[]any{subjectID}, func(rows *sql.Rows) error {
			r, err := kindScoringAudit.scan(rows)
			out = append(out, AuditEntry{ID: r.id, UnitID: r.str("unitId"), Action: r.str("action"), Reason: r.str("reason"),
				Detail: r.str("detail"), By: r.str("by"), At: r.str("at")})
			return err
		})
	return out, err
}

// GetScoreSheet returns an organization's sheet for a month with its totals and the set it
// is scored with; a month not yet started comes back with status none and the set that
// would score it (nil Set when none applies). Errors: EInvalid, ENotFound.
func (s *Store) GetScoreSheet(ctx context.Context, unitID, month string) (domain.ScoreSheet, error) {
	if !domain.ValidMonth(month) {
		return domain.ScoreSheet{}, domain.Errorf(domain.EInvalid, "month", "Tháng chấm điểm phải có dạng năm-tháng (ví dụ 2018-03).", "The month must be yyyy-mm.")
	}
	u, err := getScoredUnit(ctx, s.db, unitID)
	if err != nil {
		return domain.ScoreSheet{}, err
	}
	id := SheetID(unitID, month)
	sheets, err := loadSheets(ctx, s.db, "unit_id = ? AND month = ?", unitID, month)
	if err != nil {
		return domain.ScoreSheet{}, err
	}
	sheet := domain.ScoreSheet{ID: id, UnitID: unitID, CommuneID: u.communeID, Month: month, Self: domain.Scores{}}
	if x := sheets[id]; x != nil {
		sheet = *x
	}
	sheet.UnitName, sheet.UnitKind = u.name, u.kind
	var set *domain.CriteriaSet
	if sheet.CriteriaSetID != "" {
		x, err := getSet(ctx, s.db, sheet.CriteriaSetID)
		if err != nil {
			return sheet, err
		}
		set = &x
	} else {
		sets, err := listSets(ctx, s.db)
		if err != nil {
			return sheet, err
		}
		if set = setFor(sets, u.kind, month); set != nil {
			sheet.CriteriaSetID = set.ID
		}
	}
	sheet.Set = set
	fillTotals(&sheet, set)
	states, err := s.syncStatesOf(ctx, id)
	sheet.SyncState, _ = states.of(id)
	return sheet, err
}

// fillTotals derives a sheet's status and totals from its set.
func fillTotals(sh *domain.ScoreSheet, set *domain.CriteriaSet) {
	sh.Status = sh.StatusOf()
	if set == nil {
		return
	}
	sh.SelfTotal = set.Total(sh.Self)
	if sh.Review != nil {
		t := set.Total(sh.Review.Verified)
		sh.VerifiedTotal = &t
	}
}

// trimText normalizes free text typed by a person: NFC (input may arrive in NFD) and no
// surrounding blanks; line breaks inside are kept.
func trimText(s string) string { return strings.TrimSpace(textutil.NFC(s)) }

// cleanScores trims codes and notes and puts the notes in NFC.
func cleanScores(sc domain.Scores) domain.Scores {
	out := domain.CleanScores(sc)
	for k, v := range out {
		v.Note = textutil.NFC(v.Note)
		out[k] = v
	}
	return out
}
