package domain

import (
	"fmt"
	"sort"
	"strings"

	"chibo/backend/textutil"
)

// YearGrade is a party organization's year-end classification (xếp loại cuối năm).
type YearGrade string

const (
	YearExcellent YearGrade = "xuat_sac"         // Hoàn thành xuất sắc nhiệm vụ
	YearGood      YearGrade = "tot"              // Hoàn thành tốt nhiệm vụ
	YearDone      YearGrade = "hoan_thanh"       // Hoàn thành nhiệm vụ
	YearNotDone   YearGrade = "khong_hoan_thanh" // Không hoàn thành nhiệm vụ
)

// YearGrades lists the year-end grades, best first.
var YearGrades = []YearGrade{YearExcellent, YearGood, YearDone, YearNotDone}

// Label is the Vietnamese name of the grade.
func (g YearGrade) Label() string {
	switch g {
	case YearExcellent:
		return "Hoàn thành xuất sắc nhiệm vụ"
	case YearGood:
		return "Hoàn thành tốt nhiệm vụ"
	case YearDone:
		return "Hoàn thành nhiệm vụ"
	case YearNotDone:
		return "Không hoàn thành nhiệm vụ"
	}
	return string(g)
}

// Short is the grade as party tables abbreviate it: HTXSNV, HTTNV, HTNV, KHTNV.
func (g YearGrade) Short() string {
	switch g {
	case YearExcellent:
		return "HTXSNV"
	case YearGood:
		return "HTTNV"
	case YearDone:
		return "HTNV"
	case YearNotDone:
		return "KHTNV"
	}
	return string(g)
}

// LabelEN is the grade in English, for a screen switched to English.
func (g YearGrade) LabelEN() string {
	switch g {
	case YearExcellent:
		return "Excellent"
	case YearGood:
		return "Good"
	case YearDone:
		return "Done"
	case YearNotDone:
		return "Not done"
	}
	return string(g)
}

// Valid reports whether g is a known year grade.
func (g YearGrade) Valid() bool {
	for _, x := range YearGrades {
		if x == g {
			return true
		}
	}
	return false
}

// YearRule suggests Grade when the mean of the approved months is at least MinMean and
// the lowest month at least MinLowest.
type YearRule struct {
	Grade     YearGrade `json:"grade"`
	MinMean   float64   `json:"minMean"`
	MinLowest float64   `json:"minLowest"`
	// Conditions the figures cannot check (Quy định 366: every task done on time, no
	// disciplined member of the leadership, every earlier shortcoming remedied): the
	// suggestion names them, and a board that finds one unmet records a lower grade with
	// its reason.
	Conditions []string `json:"conditions,omitempty"`
}

// ShareRule warns when more than MaxPercent per cent of the organizations graded in
// OfGrades are graded Grade (the rule that excellent ones be at most a fifth of the good).
type ShareRule struct {
	Grade      YearGrade   `json:"grade"`
	OfGrades   []YearGrade `json:"ofGrades"`
	MaxPercent float64     `json:"maxPercent"`
}

// YearRules are the configurable rules of the year-end suggestion.
type YearRules struct {
	MinMonths  int         `json:"minMonths"` // approved months needed for a suggestion
	Decimals   int         `json:"decimals"`  // the mean is rounded half up to this many decimals
	Rules      []YearRule  `json:"rules"`     // best grade first; none matching: not done
	ShareRules []ShareRule `json:"shareRules"`
}

// DefaultYearRules: twelve approved months; the mean rounded to one decimal; excellent
// needs a mean of Tốt (≥ 90) with no month below Khá (70), good a mean of Khá with no month
// below Trung bình (50), done a mean of Trung bình; otherwise not done. Excellent ones at
// most 20 % of those graded good or better.
func DefaultYearRules() YearRules {
	return YearRules{
		MinMonths: 12,
		Decimals:  1,
		Rules: []YearRule{
			{Grade: YearExcellent, MinMean: 90, MinLowest: 70},
			{Grade: YearGood, MinMean: 70, MinLowest: 50},
			{Grade: YearDone, MinMean: 50},
		},
		ShareRules: []ShareRule{{Grade: YearExcellent, OfGrades: []YearGrade{YearExcellent, YearGood}, MaxPercent: 20}},
	}
}

// Validate checks the rules. Errors: EInvalid.
func (r YearRules) Validate() error {
	if r.MinMonths < 1 || r.MinMonths > 12 {
		return Errorf(EInvalid, "yearRules", "Số tháng tối thiểu để xếp loại năm phải từ 1 đến 12.", "The months needed must be between 1 and 12.")
	}
	if r.Decimals < 0 || r.Decimals > 2 {
		return Errorf(EInvalid, "yearRules", "Điểm trung bình chỉ làm tròn đến 0, 1 hoặc 2 chữ số thập phân.", "The mean is rounded to 0, 1 or 2 decimals.")
	}
	seen := map[YearGrade]bool{}
	for i, x := range r.Rules {
		for _, c := range x.Conditions {
			if strings.TrimSpace(c) == "" || len([]rune(c)) > 500 {
				return Errorf(EInvalid, "yearRules", "Điều kiện của mức “%s” không được để trống và dài tối đa 500 ký tự.",
					"A condition of “%s” must be 1–500 characters.", x.Grade.Label())
			}
		}
		if !x.Grade.Valid() || x.Grade == YearNotDone || seen[x.Grade] {
			return Errorf(EInvalid, "yearRules", "Mỗi quy tắc xếp loại năm phải là một mức khác nhau (trừ “Không hoàn thành nhiệm vụ”, là mức còn lại).",
				"Each year rule must name a different grade other than not done (the remainder).")
		}
		seen[x.Grade] = true
		a, ok1 := Cents(x.MinMean)
		b, ok2 := Cents(x.MinLowest)
		if !ok1 || !ok2 || a < 0 || b < 0 {
			return Errorf(EInvalid, "yearRules", "Ngưỡng của mức “%s” không hợp lệ.", "The thresholds of “%s” are invalid.", x.Grade.Label())
		}
		if i > 0 && indexOf(r.Rules[i-1].Grade) > indexOf(x.Grade) {
			return Errorf(EInvalid, "yearRules", "Các quy tắc xếp loại năm phải theo thứ tự từ mức cao xuống mức thấp.", "Year rules go from the best grade down.")
		}
	}
	for _, s := range r.ShareRules {
		if !s.Grade.Valid() || len(s.OfGrades) == 0 || s.MaxPercent <= 0 || s.MaxPercent > 100 {
			return Errorf(EInvalid, "yearRules", "Quy tắc tỷ lệ xếp loại không hợp lệ.", "A share rule is invalid.")
		}
	}
	return nil
}

func indexOf(g YearGrade) int {
	for i, x := range YearGrades {
		if x == g {
			return i
		}
	}
	return len(YearGrades)
}

// YearSuggestion is the grade the rules give an organization's approved months.
type YearSuggestion struct {
	Grade  YearGrade `json:"grade"` // "" when there are too few approved months
	Mean   float64   `json:"mean"`
	Lowest float64   `json:"lowest"`
	Months int       `json:"months"`
	Reason string    `json:"reason"` // why, in Vietnamese
	// Conditions of the suggested grade still to be confirmed by the board.
	Conditions []string `json:"conditions,omitempty"`
	// OpenShortcomings counts the shortcomings of conclusion notices not yet remedied.
	OpenShortcomings int `json:"openShortcomings,omitempty"`
}

// Suggest applies r to the totals of an organization's approved months.
func (r YearRules) Suggest(totals []float64) YearSuggestion {
	s := YearSuggestion{Months: len(totals)}
	if len(totals) == 0 {
		s.Reason = "Chưa có tháng nào được duyệt."
		return s
	}
	var sum int64
	lowest := int64(-1)
	for _, t := range totals {
		c, _ := Cents(t)
		sum += c
		if lowest < 0 || c < lowest {
			lowest = c
		}
	}
	s.Mean = roundMean(sum, int64(len(totals)), r.Decimals)
	s.Lowest = Points(lowest)
	if len(totals) < r.MinMonths {
		s.Reason = fmt.Sprintf("Mới có %d/%d tháng được duyệt, chưa đủ để đề xuất xếp loại.", len(totals), r.MinMonths)
		return s
	}
	mean, _ := Cents(s.Mean)
	for _, x := range r.Rules {
		a, _ := Cents(x.MinMean)
		b, _ := Cents(x.MinLowest)
		if mean >= a && lowest >= b {
			s.Grade = x.Grade
			s.Reason = fmt.Sprintf("Điểm trung bình %s ≥ %s và tháng thấp nhất %s ≥ %s.",
				FormatPoints(s.Mean), FormatPoints(x.MinMean), FormatPoints(s.Lowest), FormatPoints(x.MinLowest))
			if len(x.Conditions) > 0 {
				s.Conditions = x.Conditions
				s.Reason += " Chỉ xếp mức này khi có đủ: " + strings.Join(x.Conditions, "; ") + ". Nếu chưa đủ, ghi xếp loại thấp hơn kèm lý do."
			}
			return s
		}
	}
	s.Grade = YearNotDone
	s.Reason = fmt.Sprintf("Điểm trung bình %s, tháng thấp nhất %s: không đạt mức nào cao hơn.", FormatPoints(s.Mean), FormatPoints(s.Lowest))
	return s
}

// WithOpenShortcomings: an organization with shortcomings of a conclusion notice not yet
// verified remedied is not rated Xuất sắc (Quy định 366); the suggestion drops to Tốt
// and says why. A board that knows better records an override with its reason.
func (s YearSuggestion) WithOpenShortcomings(n int) YearSuggestion {
	s.OpenShortcomings = n
	if n > 0 && s.Grade == YearExcellent {
		s.Grade = YearGood
		s.Conditions = nil
		s.Reason += fmt.Sprintf(" Còn %d hạn chế theo thông báo kết luận chưa được xác nhận đã khắc phục: chưa xếp Hoàn thành xuất sắc.", n)
	}
	return s
}

// roundMean is sum/n hundredths as points, rounded half up to decimals, computed on
// integers: a mean of 89.95 with one decimal is 90.0, never 89.9 by a binary remainder.
func roundMean(sum, n int64, decimals int) float64 {
	scale := int64(1)
	for range decimals {
		scale *= 10
	}
	num, den := sum*scale, 100*n
	q := (2*num + den) / (2 * den)
	if num < 0 {
		q = -((-2*num + den) / (2 * den))
	}
	return float64(q) / float64(scale)
}

// ShareWarning is a share rule that the final grades break.
type ShareWarning struct {
	Rule    ShareRule `json:"rule"`
	Count   int       `json:"count"`
	Of      int       `json:"of"`
	Allowed int       `json:"allowed"`
	Message string    `json:"message"`
	// MessageEN is the same in English: the screen shows the UI's language.
	MessageEN string `json:"messageEn"`
}

// CheckShares returns a warning for each share rule that counts break.
func (r YearRules) CheckShares(counts map[YearGrade]int) []ShareWarning {
	var out []ShareWarning
	for _, rule := range r.ShareRules {
		of := 0
		var names, namesEN []string
		for _, g := range rule.OfGrades {
			of += counts[g]
			names = append(names, "“"+g.Label()+"”")
			namesEN = append(namesEN, "“"+g.LabelEN()+"”")
		}
		allowed := int(float64(of) * rule.MaxPercent / 100) // rounded down: "không vượt quá"
		if n := counts[rule.Grade]; n > allowed {
			out = append(out, ShareWarning{Rule: rule, Count: n, Of: of, Allowed: allowed,
				Message: fmt.Sprintf("Có %d tổ chức đảng xếp loại “%s”, vượt quá %s%% của %d tổ chức xếp loại %s (tối đa %d).",
					n, rule.Grade.Label(), FormatPoints(rule.MaxPercent), of, strings.Join(names, " hoặc "), allowed),
				MessageEN: fmt.Sprintf("%d organizations are graded “%s”, more than %s%% of the %d graded %s (at most %d).",
					n, rule.Grade.LabelEN(), strings.Replace(FormatPoints(rule.MaxPercent), ",", ".", 1), of, strings.Join(namesEN, " or "), allowed)})
		}
	}
	return out
}

// YearClassification is an organization's year-end grade: the suggestion from its
// months, and a decision by people that overrides it with a recorded reason (discipline,
// disunity …).
type YearClassification struct {
	ID             string         `json:"id"`
	UnitID         string         `json:"unitId"`
	UnitName       string         `json:"unitName"`
	UnitKind       UnitKind       `json:"unitKind"`
	CommuneID      string         `json:"communeId"`
	Committee      string         `json:"committee,omitempty"` // the supervising committee's name
	Year           int            `json:"year"`
	Suggestion     YearSuggestion `json:"suggestion"`
	Override       YearGrade      `json:"override"`
	OverrideReason string         `json:"overrideReason"`
	OverriddenBy   string         `json:"overriddenBy"`
	OverriddenAt   string         `json:"overriddenAt"`
	Final          YearGrade      `json:"final"` // the override, else the suggestion
	SyncState      SyncState      `json:"syncState"`
}

// FinalGrade is the override when there is one, else the suggested grade.
func (c *YearClassification) FinalGrade() YearGrade {
	if c.Override != "" {
		return c.Override
	}
	return c.Suggestion.Grade
}

// ValidateOverride checks a decision by people: a known grade (or "" to withdraw an
// override) and, for a grade, a reason of some substance. Errors: EInvalid.
func ValidateOverride(g YearGrade, reason string) error {
	if g == "" {
		return nil
	}
	if !g.Valid() {
		return Errorf(EInvalid, "override", "Mức xếp loại không hợp lệ.", "Unknown year grade.")
	}
	if len([]rune(strings.TrimSpace(reason))) < 5 {
		return Errorf(EInvalid, "overrideReason", "Hãy ghi rõ lý do điều chỉnh xếp loại (ví dụ: vi phạm kỷ luật, mất đoàn kết).",
			"Give the reason for changing the grade (discipline, disunity …).")
	}
	return nil
}

// YearReport is the year-end table: one row per grassroots organization and the share
// warnings of the final grades.
type YearReport struct {
	Year     int                  `json:"year"`
	Rows     []YearClassification `json:"rows"`
	Counts   map[YearGrade]int    `json:"counts"`
	Warnings []ShareWarning       `json:"warnings"`
}

// PartyOrder puts a year report's rows as the party lists its organizations: by the
// supervising committee they sit under (its name in Vietnamese order: the communes'
// committees of a province since 2025), and under each the grassroots party committees
// (đảng bộ cơ sở) first, then the grassroots cells (chi bộ cơ sở), each in the order they
// came (Vietnamese order of names).
func PartyOrder(rows []YearClassification) []YearClassification {
	out := append([]YearClassification(nil), rows...)
	rank := func(k UnitKind) int {
		if k == KindGrassrootsCommittee {
			return 0
		}
		return 1
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := textutil.Compare(out[i].Committee, out[j].Committee); c != 0 {
			return c < 0
		}
		return rank(out[i].UnitKind) < rank(out[j].UnitKind)
	})
	return out
}
