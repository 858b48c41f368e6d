package domain

import (
	"strings"
	"testing"
)

func TestExampleSetIsValidAndWorthHundred(t *testing.T) {
	s := ExampleCriteriaSet()
	s.Normalize()
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := s.MaxBase(); got != 100 {
		t.Errorf("MaxBase = %v, want 100", got)
	}
	if !s.Example || !strings.Contains(s.Name, "VÍ DỤ") {
		t.Error("the example set must say it is an example")
	}
}

func TestGradeThresholds(t *testing.T) {
	s := ExampleCriteriaSet()
	for _, c := range []struct {
		total float64
		want  Grade
	}{
		{100, GradeGood}, {90, GradeGood}, {89.99, GradeFair}, {70, GradeFair}, {69.99, GradeAverage},
		{50, GradeAverage}, {49.99, GradePoor}, {0, GradePoor}, {105, GradeGood},
	} {
		if got := s.GradeOf(c.total); got != c.want {
			t.Errorf("GradeOf(%v) = %s, want %s", c.total, got, c.want)
		}
	}
}

// full scores every criterion of the example at its maximum minus less.
func full(s CriteriaSet, less float64) Scores {
	sc := Scores{}
	for _, g := range s.Groups {
		for _, c := range g.Criteria {
			sc[c.Code] = Score{Points: c.MaxPoints}
		}
	}
	sc["2.1"] = Score{Points: 15 - less}
	return sc
}

func TestTotalsAndCaps(t *testing.T) {
	s := ExampleCriteriaSet()
	s.Bonuses = append(s.Bonuses, Adjustment{Code: "X1", Title: "Thêm", MaxPoints: 2}) // 7 points of items, cap 5
	cases := []struct {
		name  string
		sc    Scores
		want  Total
		grade Grade
	}{
		{"full marks", full(s, 0), Total{Base: 100, Total: 100}, GradeGood},
		{"hundredths add exactly", func() Scores {
			sc := full(s, 10.01)
			sc["T1"] = Score{Points: 0.01}
			return sc
		}(), Total{Base: 89.99, Bonus: 0.01, Total: 90}, GradeGood},
		{"bonus capped at 5", func() Scores {
			sc := full(s, 10)
			sc["T1"], sc["T2"], sc["X1"] = Score{Points: 3}, Score{Points: 2}, Score{Points: 2}
			return sc
		}(), Total{Base: 90, Bonus: 5, Total: 95}, GradeGood},
		{"penalties capped at 20", func() Scores {
			sc := full(s, 0)
			sc["P2"], sc["P3"], sc["P1"] = Score{Points: 10}, Score{Points: 10}, Score{Points: 5}
			return sc
		}(), Total{Base: 100, Penalty: 20, Total: 80}, GradeFair},
		{"never below zero", Scores{"P2": {Points: 10}, "1.1": {Points: 3}}, Total{Base: 3, Penalty: 10, Total: 0}, GradePoor},
		{"empty", Scores{}, Total{}, GradePoor},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := s.Total(c.sc)
			c.want.Grade = c.grade
			if got != c.want {
				t.Errorf("Total = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestCheckScores(t *testing.T) {
	s := ExampleCriteriaSet()
	cases := []struct {
		name     string
		sc       Scores
		complete bool
		wantErr  string // part of the Vietnamese message; "" for none
	}{
		{"complete sheet", full(s, 0), true, ""},
		{"partial draft", Scores{"1.1": {Points: 5}}, false, ""},
		{"missing criteria on submit", Scores{"1.1": {Points: 5}}, true, "Chưa chấm 13 tiêu chí"},
		{"above the maximum", Scores{"1.1": {Points: 5.5}}, false, "phải từ 0 đến 5"},
		{"negative", Scores{"2.1": {Points: -1}}, false, "phải từ 0 đến 15"},
		{"bonus above its own limit", Scores{"T1": {Points: 4}}, false, "phải từ 0 đến 3"},
		{"penalty at its limit", Scores{"P2": {Points: 10}}, false, ""},
		{"unknown code", Scores{"9.9": {Points: 1}}, false, "không có trong bộ tiêu chí"},
		{"three decimals", Scores{"1.1": {Points: 1.234}}, false, "tối đa 2 chữ số thập phân"},
		{"half points", Scores{"1.1": {Points: 4.5}}, false, ""},
		{"bonus lines optional", full(s, 0), true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := s.CheckScores(c.sc, c.complete, "self")
			if c.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || ErrorCode(err) != EInvalid {
				t.Fatalf("err = %v, want %q", err, c.wantErr)
			}
		})
	}
}

func TestValidateSet(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(*CriteriaSet)
		wantErr string
	}{
		{"example", func(*CriteriaSet) {}, ""},
		{"no name", func(s *CriteriaSet) { s.Name = "" }, "Tên bộ tiêu chí"},
		{"bad month", func(s *CriteriaSet) { s.EffectiveMonth = "2018-13" }, "Tháng bắt đầu"},
		{"duplicate code", func(s *CriteriaSet) { s.Groups[1].Criteria[0].Code = "1.1" }, "bị trùng"},
		{"zero maximum", func(s *CriteriaSet) { s.Groups[0].Criteria[0].MaxPoints = 0 }, "phải lớn hơn 0"},
		{"thresholds out of order", func(s *CriteriaSet) { s.Thresholds[1].Min = 95 }, "phải thấp hơn"},
		{"poor grade above zero", func(s *CriteriaSet) { s.Thresholds[3].Min = 10 }, "phải là 0"},
		{"subordinate cells are not scored", func(s *CriteriaSet) { s.UnitKinds = []UnitKind{KindSubordinateCell} }, "chỉ áp dụng"},
		{"empty group", func(s *CriteriaSet) { s.Groups[0].Criteria = nil }, "chưa có tiêu chí"},
		{"negative cap", func(s *CriteriaSet) { s.BonusCap = -1 }, "không được âm"},
		{"year rules out of order", func(s *CriteriaSet) {
			s.YearRules.Rules[0], s.YearRules.Rules[1] = s.YearRules.Rules[1], s.YearRules.Rules[0]
		}, "từ mức cao"},
		{"zero months", func(s *CriteriaSet) { s.YearRules.MinMonths = 13 }, "từ 1 đến 12"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := ExampleCriteriaSet()
			c.edit(&s)
			err := s.Validate()
			if c.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("err = %v, want %q", err, c.wantErr)
			}
		})
	}
}

func months(vals ...float64) []float64 { return vals }

func twelve(v float64) []float64 {
	out := make([]float64, 12)
	for i := range out {
		out[i] = v
	}
	return out
}

func TestSuggestYearGrade(t *testing.T) {
	r := DefaultYearRules()
	withLow := func(v, low float64) []float64 { x := twelve(v); x[5] = low; return x }
	cases := []struct {
		name   string
		totals []float64
		want   YearGrade
		mean   float64
	}{
		{"all Tốt", twelve(95), YearExcellent, 95},
		{"mean Tốt but one Trung bình month", withLow(96, 60), YearGood, 93},
		{"mean exactly 90, lowest 70", withLow(91.82, 70), YearExcellent, 90},
		{"rounding up to 90.0", append(twelve(90)[:11], 89.4), YearExcellent, 90}, // 89.95 → 90.0
		{"rounding down to 89.9", append(twelve(90)[:11], 89.28), YearGood, 89.9}, // 89.94 → 89.9
		{"mean Khá", twelve(75), YearGood, 75},
		{"mean Khá, one Kém month", withLow(80, 40), YearDone, 76.7}, // 920/12 = 76.67
		{"mean Trung bình", twelve(55), YearDone, 55},
		{"mean Kém", twelve(45), YearNotDone, 45},
		{"eleven months only", twelve(95)[:11], "", 95},
		{"no months", nil, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := r.Suggest(c.totals)
			if got.Grade != c.want || got.Mean != c.mean {
				t.Errorf("Suggest = %s mean %v (%s), want %s mean %v", got.Grade, got.Mean, got.Reason, c.want, c.mean)
			}
			if got.Reason == "" {
				t.Error("a suggestion must say why")
			}
		})
	}
}

func TestRoundMean(t *testing.T) {
	for _, c := range []struct {
		sum, n   int64
		decimals int
		want     float64
	}{
		{8995, 1, 1, 90.0}, {8994, 1, 1, 89.9}, {8995, 1, 0, 90}, {8949, 1, 0, 89}, {8950, 1, 0, 90},
		{100, 3, 2, 0.33}, {200, 3, 2, 0.67}, {107940, 12, 1, 90}, {107928, 12, 1, 89.9},
	} {
		if got := roundMean(c.sum, c.n, c.decimals); got != c.want {
			t.Errorf("roundMean(%d, %d, %d) = %v, want %v", c.sum, c.n, c.decimals, got, c.want)
		}
	}
}

func TestShareRule(t *testing.T) {
	r := DefaultYearRules()
	cases := []struct {
		name   string
		counts map[YearGrade]int
		warn   bool
	}{
		{"within 20 %", map[YearGrade]int{YearExcellent: 4, YearGood: 16}, false}, // 4 ≤ 20 % of 20
		{"over 20 %", map[YearGrade]int{YearExcellent: 5, YearGood: 16}, true},    // 5 > 4 (21 × 0.2 = 4.2)
		{"none excellent", map[YearGrade]int{YearGood: 3}, false},
		{"one excellent of few", map[YearGrade]int{YearExcellent: 1, YearGood: 2}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := r.CheckShares(c.counts)
			if (len(w) > 0) != c.warn {
				t.Errorf("warnings = %+v, want warn=%v", w, c.warn)
			}
			if len(w) > 0 && !strings.Contains(w[0].Message, "vượt quá 20%") {
				t.Errorf("message = %q", w[0].Message)
			}
		})
	}
}

func TestOverrideAndUnlockNeedReasons(t *testing.T) {
	if err := ValidateOverride(YearNotDone, ""); err == nil {
		t.Error("an override without a reason was accepted")
	}
	if err := ValidateOverride(YearNotDone, "Mất đoàn kết nội bộ"); err != nil {
		t.Error(err)
	}
	if err := ValidateOverride("nope", "Mất đoàn kết nội bộ"); err == nil {
		t.Error("an unknown grade was accepted")
	}
	if err := ValidateOverride("", ""); err != nil {
		t.Error("withdrawing an override needs no reason:", err)
	}
	if err := ValidateUnlockReason("  "); err == nil {
		t.Error("an unlock without a reason was accepted")
	}
}

func TestCents(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want int64
		ok   bool
	}{{0.1, 10, true}, {89.99, 8999, true}, {0.29, 29, true}, {1.005, 0, false}, {-2.5, -250, true}} {
		got, ok := Cents(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Cents(%v) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if got := FormatPoints(89.5); got != "89,5" {
		t.Errorf("FormatPoints = %q", got)
	}
}

func TestScoreSheetSteps(t *testing.T) {
	draft := ScoreSheet{Month: "2018-03"}
	submitted := ScoreSheet{Month: "2018-03", Submitted: true}
	reviewed := ScoreSheet{Month: "2018-03", Submitted: true, Review: &ScoreReview{}}
	locked := ScoreSheet{Month: "2018-03", Submitted: true, Locked: true, Review: &ScoreReview{Approved: true}}
	for _, tc := range []struct {
		name string
		err  error
		ok   bool
	}{
		{"self-assess a draft", draft.CanSelfAssess("A"), true},
		{"self-assess a locked month", locked.CanSelfAssess("A"), false},
		{"review a draft", draft.CanReview("A"), false},
		{"review a submitted sheet", submitted.CanReview("A"), true},
		{"approve without a review", submitted.CanApprove("A"), false},
		{"approve a reviewed sheet", reviewed.CanApprove("A"), true},
		{"approve twice", locked.CanApprove("A"), false},
		{"unlock an open month", reviewed.CanUnlock("A", "Sai số liệu tháng 3"), false},
		{"unlock without a reason", locked.CanUnlock("A", ""), false},
		{"unlock with a reason", locked.CanUnlock("A", "Sai số liệu tháng 3"), true},
	} {
		if (tc.err == nil) != tc.ok {
			t.Errorf("%s: %v, want ok=%v", tc.name, tc.err, tc.ok)
		}
	}
}
