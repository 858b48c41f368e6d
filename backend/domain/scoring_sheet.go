package domain

import "strings"

// SheetStatus is where a month's score sheet stands.
type SheetStatus string

const (
	SheetNone      SheetStatus = "none"      // nothing entered yet (chưa chấm)
	SheetDraft     SheetStatus = "draft"     // the commune is entering its self-assessment
	SheetSubmitted SheetStatus = "submitted" // sent for review (đã gửi)
	SheetApproved  SheetStatus = "approved"  // verified and locked (đã duyệt, khóa)
)

// Label is the Vietnamese name of the status.
func (s SheetStatus) Label() string {
	switch s {
	case SheetNone:
		return "Chưa chấm"
	case SheetDraft:
		return "Đang tự chấm"
	case SheetSubmitted:
		return "Đã gửi, chờ thẩm định"
	case SheetApproved:
		return "Đã duyệt"
	}
	return string(s)
}

// ScoreSheet is one grassroots organization's month (phiếu chấm điểm). Its two halves are
// written by different people and synced as different records, so that neither can
// overwrite the other: the self-assessment with evidence by the commune office, the
// verification (Review) by the Organization Board. Approval locks the month.
type ScoreSheet struct {
	ID            string       `json:"id"`
	UnitID        string       `json:"unitId"`
	UnitName      string       `json:"unitName"`
	UnitKind      UnitKind     `json:"unitKind"`
	CommuneID     string       `json:"communeId"`
	Month         string       `json:"month"` // yyyy-mm
	CriteriaSetID string       `json:"criteriaSetId"`
	Self          Scores       `json:"self"`
	SelfNote      string       `json:"selfNote"`
	Submitted     bool         `json:"submitted"`
	SubmittedAt   string       `json:"submittedAt"`
	SubmittedBy   string       `json:"submittedBy"`
	Locked        bool         `json:"locked"`
	Review        *ScoreReview `json:"review"` // nil when none is visible here
	Status        SheetStatus  `json:"status"`
	SelfTotal     Total        `json:"selfTotal"`
	VerifiedTotal *Total       `json:"verifiedTotal"` // with the review
	Set           *CriteriaSet `json:"set,omitempty"` // the version it is scored with (GetScoreSheet)
	SyncState     SyncState    `json:"syncState"`
}

// ScoreReview is the Organization Board's half of a sheet: verified points and comments.
type ScoreReview struct {
	ID           string `json:"id"`
	Verified     Scores `json:"verified"`
	Comment      string `json:"comment"`
	Approved     bool   `json:"approved"`
	ApprovedAt   string `json:"approvedAt"`
	ApprovedBy   string `json:"approvedBy"`
	UnlockReason string `json:"unlockReason"`
	UnlockedAt   string `json:"unlockedAt"`
	UnlockedBy   string `json:"unlockedBy"`
}

// StatusOf derives a sheet's status from what is stored.
func (s *ScoreSheet) StatusOf() SheetStatus {
	switch {
	case s.Review != nil && s.Review.Approved:
		return SheetApproved
	case s.Submitted:
		return SheetSubmitted
	case len(s.Self) > 0 || s.SelfNote != "":
		return SheetDraft
	}
	return SheetNone
}

// CleanScores trims codes and notes. A line present with 0 points is a deliberate zero
// and is kept: only an absent line counts as not scored.
func CleanScores(sc Scores) Scores {
	out := Scores{}
	for k, v := range sc {
		v.Note = strings.TrimSpace(v.Note)
		out[strings.TrimSpace(k)] = v
	}
	return out
}

// ValidateUnlockReason insists on a reason for reopening an approved month: the unlock is
// audited and the reason is what the audit is for. Errors: EInvalid.
func ValidateUnlockReason(reason string) error {
	if len([]rune(strings.TrimSpace(reason))) < 5 {
		return Errorf(EInvalid, "reason", "Phải ghi lý do mở khóa phiếu chấm điểm đã duyệt.", "Give the reason for unlocking an approved sheet.")
	}
	return nil
}

// MonthRow is one organization in a month's ranking.
type MonthRow struct {
	Rank      int         `json:"rank"` // 1-based among the scored; 0 when not scored
	UnitID    string      `json:"unitId"`
	UnitName  string      `json:"unitName"`
	UnitKind  UnitKind    `json:"unitKind"`
	CommuneID string      `json:"communeId"`
	Status    SheetStatus `json:"status"`
	SelfTotal *float64    `json:"selfTotal"`
	Verified  *float64    `json:"verified"` // approved months only
	Total     *float64    `json:"total"`    // verified when approved, else self
	Grade     Grade       `json:"grade"`
}

// MonthReport is a month across all grassroots organizations: ranking, grade
// distribution and who has not submitted.
type MonthReport struct {
	Month        string              `json:"month"`
	Rows         []MonthRow          `json:"rows"`
	Distribution map[Grade]int       `json:"distribution"` // approved sheets only
	ByStatus     map[SheetStatus]int `json:"byStatus"`
	NotSubmitted []MonthRow          `json:"notSubmitted"` // nothing sent for review yet
}

// ChartPoint is one month of an organization's twelve-month chart.
type ChartPoint struct {
	Month  string      `json:"month"`
	Status SheetStatus `json:"status"`
	Total  *float64    `json:"total"` // verified when approved, else self; nil when none
	Grade  Grade       `json:"grade"`
}

// UnitYear is an organization's scores over the twelve months of a year.
type UnitYear struct {
	UnitID     string           `json:"unitId"`
	UnitName   string           `json:"unitName"`
	Year       int              `json:"year"`
	Points     []ChartPoint     `json:"points"`
	Thresholds []GradeThreshold `json:"thresholds"` // of the latest set used, for the chart's bands
	MaxTotal   float64          `json:"maxTotal"`
}

// The life of a score sheet: the commune self-assesses and submits; the Organization
// Board verifies, then approves, which locks the month; an unlock with a reason reopens
// it. Each step below says whether it may happen now; unit names the organization in the
// messages.

// IsLocked reports whether the month is approved and locked.
func (s ScoreSheet) IsLocked() bool { return s.Locked || (s.Review != nil && s.Review.Approved) }

func (s ScoreSheet) errLocked(unit string) error {
	return Errorf(EInvalid, "month", "Phiếu chấm điểm tháng %s của “%s” đã được duyệt và khóa; muốn sửa, Ban Tổ chức phải mở khóa và ghi lý do.",
		"The %s sheet of “%s” is approved and locked; the Organization Board must unlock it with a reason first.", s.Month, unit)
}

// CanSelfAssess: the commune may write its half until the month is locked.
func (s ScoreSheet) CanSelfAssess(unit string) error {
	if s.IsLocked() {
		return s.errLocked(unit)
	}
	return nil
}

// CanReview: the Board verifies a submitted sheet that is not locked.
func (s ScoreSheet) CanReview(unit string) error {
	if s.IsLocked() {
		return s.errLocked(unit)
	}
	if !s.Submitted {
		return Errorf(EInvalid, "month", "“%s” chưa gửi phiếu tự chấm tháng %s, chưa thể thẩm định.",
			"“%s” has not submitted its %s sheet yet.", unit, s.Month)
	}
	return nil
}

// CanApprove: the Board approves a submitted, verified sheet that is not locked.
func (s ScoreSheet) CanApprove(unit string) error {
	if s.IsLocked() {
		return s.errLocked(unit)
	}
	if !s.Submitted || s.Review == nil {
		return Errorf(EInvalid, "month", "Phiếu tháng %s của “%s” chưa được gửi và thẩm định, chưa thể duyệt.",
			"The %s sheet of “%s” has not been submitted and reviewed.", s.Month, unit)
	}
	return nil
}

// CanUnlock: only a locked month is unlocked, and only with a reason.
func (s ScoreSheet) CanUnlock(unit, reason string) error {
	if err := ValidateUnlockReason(reason); err != nil {
		return err
	}
	if !s.IsLocked() {
		return Errorf(EInvalid, "month", "Phiếu tháng %s của “%s” chưa bị khóa.", "The %s sheet of “%s” is not locked.", s.Month, unit)
	}
	return nil
}
