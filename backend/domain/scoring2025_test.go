package domain

import (
	"strings"
	"testing"
)

// The 2025 example: a valid, published, labelled example whose year rules follow Quy định
// 366 (Xuất sắc from 90 with its conditions, Tốt 70, Hoàn thành 50), with the share cap a
// setting that can be removed.
func TestExample2025CriteriaSet(t *testing.T) {
	set := Example2025CriteriaSet()
	set.Normalize()
	if err := set.Validate(); err != nil {
		t.Fatal(err)
	}
	if !set.Example || !strings.HasPrefix(set.Name, "VÍ DỤ") {
		t.Errorf("the 2025 set is not labelled as an example: %q", set.Name)
	}
	sum := 0.0
	for _, g := range set.Groups {
		for _, c := range g.Criteria {
			sum += c.MaxPoints
		}
	}
	if sum != 100 {
		t.Errorf("the framework has %v points, want 100", sum)
	}
	r := set.YearRules
	for _, c := range []struct {
		mean float64
		want YearGrade
	}{{95, YearExcellent}, {90, YearExcellent}, {89.9, YearGood}, {70, YearGood}, {69.9, YearDone}, {50, YearDone}, {49.9, YearNotDone}} {
		months := make([]float64, 12)
		for i := range months {
			months[i] = c.mean
		}
		months[0] = 30 // 2025 has no floor on the lowest month
		months[1] = 2*c.mean - 30
		s := r.Suggest(months)
		if s.Grade != c.want {
			t.Errorf("mean %v: %s, want %s (%s)", c.mean, s.Grade, c.want, s.Reason)
		}
		if (s.Grade == YearExcellent) != (len(s.Conditions) == 3) || (s.Grade == YearExcellent && !strings.Contains(s.Reason, "khắc phục")) {
			t.Errorf("mean %v: conditions %v, reason %q", c.mean, s.Conditions, s.Reason)
		}
	}
	r.ShareRules = nil
	if err := r.Validate(); err != nil {
		t.Errorf("the share cap cannot be removed: %v", err)
	}
	if w := r.CheckShares(map[YearGrade]int{YearExcellent: 9, YearGood: 1}); len(w) != 0 {
		t.Errorf("a removed cap still warns: %+v", w)
	}
	if w := Example2025YearRules().CheckShares(map[YearGrade]int{YearExcellent: 9, YearGood: 1}); len(w) != 1 {
		t.Errorf("the cap as shipped does not warn: %+v", w)
	} else if !strings.HasPrefix(w[0].MessageEN, "9 organizations are graded “Excellent”, more than") || strings.ContainsAny(w[0].MessageEN, "ơưạ") {
		t.Errorf("the warning in English: %q", w[0].MessageEN)
	}
}

// The party's order: committees before cells, names in order within each.
func TestPartyOrder(t *testing.T) {
	rows := []YearClassification{{UnitName: "Chi bộ A", UnitKind: KindGrassrootsCell}, {UnitName: "Đảng bộ B", UnitKind: KindGrassrootsCommittee},
		{UnitName: "Chi bộ C", UnitKind: KindGrassrootsCell}, {UnitName: "Đảng bộ D", UnitKind: KindGrassrootsCommittee}}
	var got []string
	for _, r := range PartyOrder(rows) {
		got = append(got, r.UnitName)
	}
	if strings.Join(got, "|") != "Đảng bộ B|Đảng bộ D|Chi bộ A|Chi bộ C" || rows[0].UnitName != "Chi bộ A" {
		t.Errorf("party order %v (input changed: %v)", got, rows[0].UnitName != "Chi bộ A")
	}

	// A province since 2025: grouped by the communes' committees in Vietnamese order
	// (Đ after D), committees before cells within each.
	rows = []YearClassification{{UnitName: "Chi bộ A", UnitKind: KindGrassrootsCell, Committee: "Đảng ủy xã Đông Hải"},
		{UnitName: "Chi bộ B", UnitKind: KindGrassrootsCell, Committee: "Đảng ủy xã Duy Tân"},
		{UnitName: "Đảng bộ C", UnitKind: KindGrassrootsCommittee, Committee: "Đảng ủy xã Đông Hải"},
		{UnitName: "Đảng bộ D", UnitKind: KindGrassrootsCommittee, Committee: "Đảng ủy xã Duy Tân"}}
	got = got[:0]
	for _, r := range PartyOrder(rows) {
		got = append(got, r.UnitName)
	}
	if strings.Join(got, "|") != "Đảng bộ D|Chi bộ B|Đảng bộ C|Chi bộ A" {
		t.Errorf("party order by committee: %v", got)
	}
}
