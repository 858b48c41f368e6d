package scoring

import (
	"strconv"
	"strings"

	"chibo/backend/domain"
)

// unitKindByLabel maps the labels written in "Áp dụng cho" back to kinds.
func unitKindByLabel(s string) (domain.UnitKind, bool) {
	for _, k := range []domain.UnitKind{domain.KindGrassrootsCommittee, domain.KindGrassrootsCell} {
		if key(s) == key(k.Label()) {
			return k, true
		}
	}
	return "", false
}

func gradeByLabel(s string) (domain.Grade, bool) {
	for _, g := range domain.Grades {
		if key(s) == key(g.Label()) {
			return g, true
		}
	}
	return "", false
}

func yearGradeByLabel(s string) (domain.YearGrade, bool) {
	for _, g := range domain.YearGrades {
		if key(s) == key(g.Label()) {
			return g, true
		}
	}
	return "", false
}

// readCriteria reads the details block and the criteria table of the first sheet.
func readCriteria(set *domain.CriteriaSet, sheet string, rows [][]string) error {
	inTable := false
	var group *domain.CriteriaGroup
	for i, row := range rows {
		n := i + 1
		label, value := cell(row, 0), cell(row, 1)
		if !inTable {
			switch key(label) {
			case key(labelName):
				set.Name = value
			case key(labelVersion):
				if value != "" {
					v, err := strconv.Atoi(value)
					if err != nil {
						return importError(sheet, n, "phiên bản “%s” phải là số nguyên.", "version “%s” must be a whole number.", value)
					}
					set.Version = v
				}
			case key(labelEffective):
				set.EffectiveMonth = value
			case key(labelKinds):
				for _, part := range strings.FieldsFunc(value, func(r rune) bool { return r == ';' || r == ',' }) {
					k, ok := unitKindByLabel(part)
					if !ok {
						return importError(sheet, n, "loại tổ chức “%s” không hợp lệ (đảng bộ cơ sở, chi bộ cơ sở).",
							"unknown kind of organization “%s”.", strings.TrimSpace(part))
					}
					set.UnitKinds = append(set.UnitKinds, k)
				}
			case key(labelBonusCap), key(labelPenaltyCap):
				v, ok := number(value)
				if !ok {
					return importError(sheet, n, "“%s” phải là một số.", "“%s” must be a number.", value)
				}
				if key(label) == key(labelBonusCap) {
					set.BonusCap = v
				} else {
					set.PenaltyCap = v
				}
			case key(labelGuidance):
				set.Guidance = value
			case key(labelNote):
				set.Note = value
			case key(labelExample):
				set.Example = key(value) == "co"
			case key(labelType):
				inTable = true
			}
			continue
		}
		typ, code, title, guidance := cell(row, 0), cell(row, 1), cell(row, 2), cell(row, 4)
		if typ == "" && code == "" && title == "" {
			continue
		}
		pts, ok := number(cell(row, 3))
		if !ok {
			return importError(sheet, n, "điểm chuẩn “%s” phải là một số.", "points “%s” must be a number.", cell(row, 3))
		}
		switch key(typ) {
		case key(typeGroup):
			set.Groups = append(set.Groups, domain.CriteriaGroup{Code: code, Title: title})
			group = &set.Groups[len(set.Groups)-1] // its points are the sum of its criteria
		case key(typeCriterion):
			if group == nil {
				return importError(sheet, n, "tiêu chí “%s” phải nằm dưới một dòng “Nhóm”.", "criterion “%s” must come under a group row.", code)
			}
			group.Criteria = append(group.Criteria, domain.Criterion{Code: code, Title: title, MaxPoints: pts, Guidance: guidance})
		case key(typeBonus):
			set.Bonuses = append(set.Bonuses, domain.Adjustment{Code: code, Title: title, MaxPoints: pts, Guidance: guidance})
		case key(typePenalty):
			set.Penalties = append(set.Penalties, domain.Adjustment{Code: code, Title: title, MaxPoints: pts, Guidance: guidance})
		default:
			return importError(sheet, n, "cột “Loại” phải là Nhóm, Tiêu chí, Điểm thưởng hoặc Điểm trừ (đang là “%s”).",
				"the type must be group, criterion, bonus or penalty (got “%s”).", typ)
		}
	}
	if !inTable {
		return importError(sheet, len(rows), "không thấy dòng tiêu đề bảng tiêu chí (cột “Loại”, “Mã”, “Nội dung”, “Điểm chuẩn”).",
			"the criteria table header was not found.")
	}
	return nil
}

// readGrades reads the thresholds and year-end rules of the second sheet, block by block.
func readGrades(set *domain.CriteriaSet, sheet string, rows [][]string) error {
	block := ""
	var thresholds []domain.GradeThreshold
	var rules []domain.YearRule
	var shares []domain.ShareRule
	for i, row := range rows {
		n := i + 1
		a := cell(row, 0)
		switch key(a) {
		case key(labelMonthGrade), key(labelYearGrade), key(labelShare):
			block = key(a)
			continue
		case key(labelMinMonths), key(labelDecimals):
			v, err := strconv.Atoi(cell(row, 1))
			if err != nil {
				return importError(sheet, n, "“%s” phải là số nguyên.", "“%s” must be a whole number.", cell(row, 1))
			}
			if key(a) == key(labelMinMonths) {
				set.YearRules.MinMonths = v
			} else {
				set.YearRules.Decimals = v
			}
			continue
		}
		if a == "" && cell(row, 1) == "" {
			continue
		}
		switch block {
		case key(labelMonthGrade):
			g, ok := gradeByLabel(a)
			v, okv := number(cell(row, 1))
			if !ok || !okv {
				return importError(sheet, n, "cần mức xếp loại tháng (Tốt, Khá, Trung bình, Kém) và ngưỡng điểm.", "expected a monthly grade and its threshold.")
			}
			thresholds = append(thresholds, domain.GradeThreshold{Grade: g, Min: v})
		case key(labelYearGrade):
			g, ok := yearGradeByLabel(a)
			mean, ok1 := number(cell(row, 1))
			low, ok2 := number(cell(row, 2))
			if !ok || !ok1 || !ok2 {
				return importError(sheet, n, "cần mức xếp loại cuối năm và hai ngưỡng điểm.", "expected a year grade and two thresholds.")
			}
			rules = append(rules, domain.YearRule{Grade: g, MinMean: mean, MinLowest: low})
		case key(labelShare):
			g, ok := yearGradeByLabel(cell(row, 1))
			pct, okp := number(cell(row, 3))
			rule := domain.ShareRule{Grade: g, MaxPercent: pct}
			for _, part := range strings.Split(cell(row, 2), ";") {
				og, ok := yearGradeByLabel(part)
				if !ok {
					return importError(sheet, n, "mức xếp loại “%s” không hợp lệ.", "unknown year grade “%s”.", strings.TrimSpace(part))
				}
				rule.OfGrades = append(rule.OfGrades, og)
			}
			if !ok || !okp {
				return importError(sheet, n, "cần mức xếp loại và tỷ lệ phần trăm.", "expected a year grade and a percentage.")
			}
			shares = append(shares, rule)
		}
	}
	if thresholds != nil {
		set.Thresholds = thresholds
	}
	if rules != nil {
		set.YearRules.Rules = rules
	}
	set.YearRules.ShareRules = shares
	return nil
}
