package domain

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Monthly scoring (chấm điểm hàng tháng). Decision 3059's criteria are not public, so a
// criteria set is data an Organization Board enters and versions: nothing here knows a
// criterion by name. Points travel as numbers with at most two decimals and are summed in
// hundredths (Cents) so that 89.99 + 0.01 is exactly 90 and a threshold never misfires on a
// floating-point remainder.

// CriteriaSetStatus is the life cycle of a criteria set: a draft may change, a published
// set never does (a change is a new version with its own effective month).
type CriteriaSetStatus string

const (
	SetDraft     CriteriaSetStatus = "draft"
	SetPublished CriteriaSetStatus = "published"
)

// Grade is a monthly grade (xếp loại tháng).
type Grade string

const (
	GradeGood    Grade = "tot"        // Tốt
	GradeFair    Grade = "kha"        // Khá
	GradeAverage Grade = "trung_binh" // Trung bình
	GradePoor    Grade = "kem"        // Kém
)

// Grades lists the monthly grades, best first.
var Grades = []Grade{GradeGood, GradeFair, GradeAverage, GradePoor}

// Label is the Vietnamese name of the grade.
func (g Grade) Label() string {
	switch g {
	case GradeGood:
		return "Tốt"
	case GradeFair:
		return "Khá"
	case GradeAverage:
		return "Trung bình"
	case GradePoor:
		return "Kém"
	}
	return string(g)
}

func (g Grade) valid() bool {
	for _, x := range Grades {
		if x == g {
			return true
		}
	}
	return false
}

// Criterion is one scored line of a set: the commune self-scores it, the board verifies it.
type Criterion struct {
	Code      string  `json:"code"`
	Title     string  `json:"title"`
	MaxPoints float64 `json:"maxPoints"`
	Guidance  string  `json:"guidance"`
}

// CriteriaGroup is a heading of criteria (nhóm tiêu chí).
type CriteriaGroup struct {
	Code     string      `json:"code"`
	Title    string      `json:"title"`
	Criteria []Criterion `json:"criteria"`
}

// Adjustment is a bonus (điểm thưởng) or penalty (điểm trừ) item: 0 up to MaxPoints, the
// item's own limit. The set's caps then limit the sum of all bonuses and all penalties.
type Adjustment struct {
	Code      string  `json:"code"`
	Title     string  `json:"title"`
	MaxPoints float64 `json:"maxPoints"`
	Guidance  string  `json:"guidance"`
}

// GradeThreshold gives Grade to a month whose total is at least Min.
type GradeThreshold struct {
	Grade Grade   `json:"grade"`
	Min   float64 `json:"min"`
}

// CriteriaContent is the structure of a set; it is stored as one JSON field of the record
// because a published set never changes and a draft is edited by one board.
type CriteriaContent struct {
	Groups     []CriteriaGroup  `json:"groups"`
	Bonuses    []Adjustment     `json:"bonuses"`
	Penalties  []Adjustment     `json:"penalties"`
	BonusCap   float64          `json:"bonusCap"`   // 0: no cap beyond the items' own limits
	PenaltyCap float64          `json:"penaltyCap"` // 0: no cap beyond the items' own limits
	Thresholds []GradeThreshold `json:"thresholds"` // best grade first
	YearRules  YearRules        `json:"yearRules"`
	Guidance   string           `json:"guidance"` // how to score, shown above the sheet
}

// CriteriaSet is one version of a set of criteria (bộ tiêu chí).
type CriteriaSet struct {
	ID             string            `json:"id"`
	SeriesID       string            `json:"seriesId"` // the versions of one set share it
	Name           string            `json:"name"`
	Version        int               `json:"version"`
	Status         CriteriaSetStatus `json:"status"`
	EffectiveMonth string            `json:"effectiveMonth"` // yyyy-mm
	UnitKinds      []UnitKind        `json:"unitKinds"`
	Example        bool              `json:"example"` // the shipped example, to be replaced
	Note           string            `json:"note"`
	PublishedAt    string            `json:"publishedAt"`
	PublishedBy    string            `json:"publishedBy"`
	CriteriaContent
	SyncState SyncState `json:"syncState"`
}

// Cents converts points to hundredths; ok is false for more than two decimals or a value
// that is not a finite number.
func Cents(points float64) (int64, bool) {
	if math.IsNaN(points) || math.IsInf(points, 0) || math.Abs(points) > 1e9 {
		return 0, false
	}
	c := math.Round(points * 100)
	return int64(c), math.Abs(points*100-c) < 1e-6
}

// Points converts hundredths back to points.
func Points(cents int64) float64 { return float64(cents) / 100 }

// FormatPoints writes points the Vietnamese way: a decimal comma, no trailing zeros.
func FormatPoints(p float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", p), "0"), ".")
	return strings.Replace(s, ".", ",", 1)
}

// ValidMonth reports whether m is a month written yyyy-mm.
func ValidMonth(m string) bool {
	_, err := time.Parse("2006-01", m)
	return err == nil && len(m) == 7
}

// ScoredKind reports whether organizations of kind k are scored monthly: the grassroots
// organizations (tổ chức cơ sở đảng).
func ScoredKind(k UnitKind) bool { return k == KindGrassrootsCommittee || k == KindGrassrootsCell }

// Normalize trims the set's text and fills defaults.
func (s *CriteriaSet) Normalize() {
	s.Name = clean(s.Name)
	s.Note = strings.TrimSpace(s.Note)
	s.Guidance = strings.TrimSpace(s.Guidance)
	if s.Status == "" {
		s.Status = SetDraft
	}
	if s.Version == 0 {
		s.Version = 1
	}
	for i := range s.Groups {
		g := &s.Groups[i]
		g.Code, g.Title = clean(g.Code), clean(g.Title)
		for j := range g.Criteria {
			c := &g.Criteria[j]
			c.Code, c.Title, c.Guidance = clean(c.Code), clean(c.Title), strings.TrimSpace(c.Guidance)
		}
	}
	for _, list := range [][]Adjustment{s.Bonuses, s.Penalties} {
		for i := range list {
			a := &list[i]
			a.Code, a.Title, a.Guidance = clean(a.Code), clean(a.Title), strings.TrimSpace(a.Guidance)
		}
	}
	if len(s.YearRules.Rules) == 0 && s.YearRules.MinMonths == 0 {
		s.YearRules = DefaultYearRules()
	}
}

// Validate checks a set on its own. Errors: EInvalid naming the first fault.
func (s *CriteriaSet) Validate() error {
	if s.Name == "" {
		return Errorf(EInvalid, "name", "Tên bộ tiêu chí không được để trống.", "The criteria set needs a name.")
	}
	if s.Version < 1 {
		return Errorf(EInvalid, "version", "Số phiên bản phải từ 1 trở lên.", "The version must be 1 or more.")
	}
	if s.Status != SetDraft && s.Status != SetPublished {
		return Errorf(EInvalid, "status", "Trạng thái bộ tiêu chí không hợp lệ.", "Unknown criteria set status.")
	}
	if !ValidMonth(s.EffectiveMonth) {
		return Errorf(EInvalid, "effectiveMonth", "Tháng bắt đầu áp dụng phải có dạng năm-tháng (ví dụ 2018-01).", "The effective month must be yyyy-mm.")
	}
	if len(s.UnitKinds) == 0 {
		return Errorf(EInvalid, "unitKinds", "Hãy chọn loại tổ chức đảng áp dụng bộ tiêu chí.", "Choose the kinds of organization the set applies to.")
	}
	for _, k := range s.UnitKinds {
		if !ScoredKind(k) {
			return Errorf(EInvalid, "unitKinds", "Bộ tiêu chí chỉ áp dụng cho đảng bộ cơ sở và chi bộ cơ sở.", "A criteria set applies to grassroots committees and cells only.")
		}
	}
	if len(s.Groups) == 0 {
		return Errorf(EInvalid, "groups", "Bộ tiêu chí phải có ít nhất một nhóm tiêu chí.", "The set needs at least one group of criteria.")
	}
	codes := map[string]bool{}
	code := func(c, title string) error {
		if c == "" {
			return Errorf(EInvalid, "groups", "Mục “%s” chưa có mã.", "The item “%s” has no code.", title)
		}
		if codes[c] {
			return Errorf(EInvalid, "groups", "Mã “%s” bị trùng trong bộ tiêu chí.", "The code “%s” appears twice in the set.", c)
		}
		codes[c] = true
		return nil
	}
	limit := func(p float64, what, c string) error {
		if cents, ok := Cents(p); !ok || cents <= 0 {
			return Errorf(EInvalid, "groups", "Điểm tối đa của %s “%s” phải lớn hơn 0, tối đa 2 chữ số thập phân.",
				"The maximum of %s “%s” must be above 0 with at most two decimals.", what, c)
		}
		return nil
	}
	for _, g := range s.Groups {
		if g.Title == "" {
			return Errorf(EInvalid, "groups", "Nhóm tiêu chí “%s” chưa có tên.", "The group “%s” has no title.", g.Code)
		}
		if len(g.Criteria) == 0 {
			return Errorf(EInvalid, "groups", "Nhóm “%s” chưa có tiêu chí nào.", "The group “%s” has no criteria.", g.Title)
		}
		if err := code(g.Code, g.Title); err != nil {
			return err
		}
		for _, c := range g.Criteria {
			if err := code(c.Code, c.Title); err != nil {
				return err
			}
			if c.Title == "" {
				return Errorf(EInvalid, "groups", "Tiêu chí “%s” chưa có nội dung.", "The criterion “%s” has no title.", c.Code)
			}
			if err := limit(c.MaxPoints, "tiêu chí", c.Code); err != nil {
				return err
			}
		}
	}
	for _, a := range append(append([]Adjustment{}, s.Bonuses...), s.Penalties...) {
		if err := code(a.Code, a.Title); err != nil {
			return err
		}
		if a.Title == "" {
			return Errorf(EInvalid, "bonuses", "Mục điểm thưởng/trừ “%s” chưa có nội dung.", "The bonus/penalty item “%s” has no title.", a.Code)
		}
		if err := limit(a.MaxPoints, "mục", a.Code); err != nil {
			return err
		}
	}
	for _, c := range []float64{s.BonusCap, s.PenaltyCap} {
		if cents, ok := Cents(c); !ok || cents < 0 {
			return Errorf(EInvalid, "bonusCap", "Mức trần điểm thưởng, điểm trừ không được âm.", "The bonus and penalty caps must not be negative.")
		}
	}
	if err := validateThresholds(s.Thresholds); err != nil {
		return err
	}
	return s.YearRules.Validate()
}

func validateThresholds(ts []GradeThreshold) error {
	if len(ts) != len(Grades) {
		return Errorf(EInvalid, "thresholds", "Phải có ngưỡng điểm cho đủ bốn mức xếp loại tháng.", "Give a threshold for each of the four monthly grades.")
	}
	for i, t := range ts {
		if t.Grade != Grades[i] {
			return Errorf(EInvalid, "thresholds", "Ngưỡng điểm phải theo thứ tự Tốt, Khá, Trung bình, Kém.", "Thresholds go in the order good, fair, average, poor.")
		}
		c, ok := Cents(t.Min)
		if !ok || c < 0 {
			return Errorf(EInvalid, "thresholds", "Ngưỡng điểm của mức %s không hợp lệ.", "The threshold of %s is invalid.", t.Grade.Label())
		}
		if i > 0 {
			prev, _ := Cents(ts[i-1].Min)
			if c >= prev {
				return Errorf(EInvalid, "thresholds", "Ngưỡng của mức %s phải thấp hơn ngưỡng của mức %s.",
					"The threshold of %s must be below that of %s.", t.Grade.Label(), ts[i-1].Grade.Label())
			}
		}
	}
	if ts[len(ts)-1].Min != 0 {
		return Errorf(EInvalid, "thresholds", "Ngưỡng của mức Kém phải là 0 để mọi tổng điểm đều được xếp loại.", "The poor grade must start at 0 so every total gets a grade.")
	}
	return nil
}

// MaxBase is the sum of the criteria's maximum points (the standard, "Chuẩn").
func (s *CriteriaSet) MaxBase() float64 {
	var sum int64
	for _, g := range s.Groups {
		for _, c := range g.Criteria {
			x, _ := Cents(c.MaxPoints)
			sum += x
		}
	}
	return Points(sum)
}

// AppliesTo reports whether the set covers organizations of kind k.
func (s *CriteriaSet) AppliesTo(k UnitKind) bool {
	for _, x := range s.UnitKinds {
		if x == k {
			return true
		}
	}
	return false
}

// item is any scored line of a set, whatever its section.
type item struct {
	code, title string
	max         int64
	section     int // 0 criterion, 1 bonus, 2 penalty
}

func (s *CriteriaSet) items() []item {
	var out []item
	for _, g := range s.Groups {
		for _, c := range g.Criteria {
			m, _ := Cents(c.MaxPoints)
			out = append(out, item{c.Code, c.Title, m, 0})
		}
	}
	for i, list := range [][]Adjustment{s.Bonuses, s.Penalties} {
		for _, a := range list {
			m, _ := Cents(a.MaxPoints)
			out = append(out, item{a.Code, a.Title, m, i + 1})
		}
	}
	return out
}

// Score is the points given to one line of a sheet with its note: the evidence (self
// assessment) or the reviewer's comment (verification).
type Score struct {
	Points float64 `json:"points"`
	Note   string  `json:"note"`
}

// Scores are a sheet's points by criterion or bonus/penalty code.
type Scores map[string]Score

// CheckScores refuses points outside a line's limits, codes the set does not have and,
// when complete is true, criteria left unscored (bonus and penalty lines are optional).
// field names the part of the sheet ("self" or "verified") in the error.
func (s *CriteriaSet) CheckScores(sc Scores, complete bool, field string) error {
	known := map[string]item{}
	var missing []string
	for _, it := range s.items() {
		known[it.code] = it
		if _, ok := sc[it.code]; !ok && it.section == 0 {
			missing = append(missing, it.code)
		}
	}
	for code, v := range sc {
		it, ok := known[code]
		if !ok {
			return Errorf(EInvalid, field, "Mã “%s” không có trong bộ tiêu chí “%s”.", "The code “%s” is not in the set “%s”.", code, s.Name)
		}
		c, ok := Cents(v.Points)
		if !ok {
			return Errorf(EInvalid, field, "Điểm của “%s” chỉ được có tối đa 2 chữ số thập phân.", "Points of “%s” may have at most two decimals.", code)
		}
		if c < 0 || c > it.max {
			return Errorf(EInvalid, field, "Điểm của “%s – %s” phải từ 0 đến %s (đã nhập %s).",
				"Points of “%s – %s” must be between 0 and %s (got %s).", code, it.title, FormatPoints(Points(it.max)), FormatPoints(v.Points))
		}
	}
	if complete && len(missing) > 0 {
		return Errorf(EInvalid, field, "Chưa chấm %d tiêu chí: %s.", "%d criteria are not scored: %s.", len(missing), strings.Join(missing, ", "))
	}
	return nil
}

// Total is a sheet's sum: the criteria, the capped bonuses and penalties, and its grade.
type Total struct {
	Base    float64 `json:"base"`
	Bonus   float64 `json:"bonus"`
	Penalty float64 `json:"penalty"`
	Total   float64 `json:"total"`
	Grade   Grade   `json:"grade"`
}

// Total sums sc: criteria plus bonuses (at most BonusCap) minus penalties (at most
// PenaltyCap), never below 0, graded by the set's thresholds. Lines the set does not know
// are ignored (CheckScores refuses them on the way in).
func (s *CriteriaSet) Total(sc Scores) Total {
	var sums [3]int64
	for _, it := range s.items() {
		if v, ok := sc[it.code]; ok {
			c, _ := Cents(v.Points)
			sums[it.section] += min(max(c, 0), it.max)
		}
	}
	if cp, _ := Cents(s.BonusCap); cp > 0 {
		sums[1] = min(sums[1], cp)
	}
	if cp, _ := Cents(s.PenaltyCap); cp > 0 {
		sums[2] = min(sums[2], cp)
	}
	total := max(sums[0]+sums[1]-sums[2], 0)
	return Total{Base: Points(sums[0]), Bonus: Points(sums[1]), Penalty: Points(sums[2]), Total: Points(total), Grade: s.gradeCents(total)}
}

// GradeOf grades a total by the set's thresholds (best grade first; a total equal to a
// threshold reaches it).
func (s *CriteriaSet) GradeOf(total float64) Grade {
	c, _ := Cents(total)
	return s.gradeCents(c)
}

func (s *CriteriaSet) gradeCents(c int64) Grade {
	for _, t := range s.Thresholds {
		if m, _ := Cents(t.Min); c >= m {
			return t.Grade
		}
	}
	return GradePoor
}

// DefaultThresholds are the grades of public practice on 100 points.
func DefaultThresholds() []GradeThreshold {
	return []GradeThreshold{{GradeGood, 90}, {GradeFair, 70}, {GradeAverage, 50}, {GradePoor, 0}}
}
