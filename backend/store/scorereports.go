package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"chibo/backend/domain"
	"chibo/backend/textutil"
)

// scoredUnits returns the grassroots organizations: the active ones, and any other that
// has a sheet in months [from, to] (a unit merged in June still ranks in March).
func scoredUnits(ctx context.Context, q querier, from, to string) ([]scoredUnit, error) {
	rows, err := q.QueryContext(ctx, `SELECT u.id, u.name, u.kind, u.commune_id, u.status, coalesce(p.name, '') FROM units u
		LEFT JOIN units p ON p.id = u.parent_id AND p.kind = 'supervising_committee' AND p.deleted = 0
		WHERE u.deleted = 0 AND u.kind IN ('grassroots_committee', 'grassroots_cell')
		AND (u.status = 'active' OR u.id IN (SELECT unit_id FROM score_sheets WHERE deleted = 0 AND month BETWEEN ? AND ?))`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []scoredUnit
	for rows.Next() {
		var u scoredUnit
		var status string
		if err := rows.Scan(&u.id, &u.name, &u.kind, &u.communeID, &status, &u.committee); err != nil {
			return nil, err
		}
		u.active = status == string(domain.StatusActive)
		out = append(out, u)
	}
	return out, rows.Err()
}

// setIndex holds the published sets by id, for totals of many sheets.
type setIndex struct {
	all  []domain.CriteriaSet
	byID map[string]*domain.CriteriaSet
}

func loadSetIndex(ctx context.Context, q querier) (setIndex, error) {
	sets, err := listSets(ctx, q)
	if err != nil {
		return setIndex{}, err
	}
	ix := setIndex{all: sets, byID: map[string]*domain.CriteriaSet{}}
	for i := range ix.all {
		ix.byID[ix.all[i].ID] = &ix.all[i]
	}
	return ix, nil
}

// scored is what a sheet contributes to a view: status and the total that counts.
func scored(sh *domain.ScoreSheet, ix setIndex) (status domain.SheetStatus, self, verified, total *float64, grade domain.Grade) {
	if sh == nil {
		return domain.SheetNone, nil, nil, nil, ""
	}
	set := ix.byID[sh.CriteriaSetID]
	status = sh.StatusOf()
	if set == nil {
		return status, nil, nil, nil, ""
	}
	t := set.Total(sh.Self)
	self, total, grade = &t.Total, &t.Total, t.Grade
	if status == domain.SheetApproved {
		v := set.Total(sh.Review.Verified)
		verified, total, grade = &v.Total, &v.Total, v.Grade
	}
	return
}

// MonthReport ranks every grassroots organization for month: approved sheets by their
// verified total, submitted ones by their self-assessment, then those not scored; ties in
// Vietnamese name order. It counts the grades of approved sheets and lists who has not
// submitted. Errors: EInvalid (month).
func (s *Store) MonthReport(ctx context.Context, month string) (domain.MonthReport, error) {
	rep := domain.MonthReport{Month: month, Distribution: map[domain.Grade]int{}, ByStatus: map[domain.SheetStatus]int{}}
	if !domain.ValidMonth(month) {
		return rep, domain.Errorf(domain.EInvalid, "month", "Tháng phải có dạng năm-tháng (ví dụ 2018-03).", "The month must be yyyy-mm.")
	}
	units, err := scoredUnits(ctx, s.db, month, month)
	if err != nil {
		return rep, err
	}
	ix, err := loadSetIndex(ctx, s.db)
	if err != nil {
		return rep, err
	}
	sheets, err := loadSheets(ctx, s.db, "month = ?", month)
	if err != nil {
		return rep, err
	}
	byUnit := make(map[string]*domain.ScoreSheet, len(sheets))
	for _, sh := range sheets {
		byUnit[sh.UnitID] = sh
	}
	keys := make(map[string][]byte, len(units))
	for _, u := range units {
		sh := byUnit[u.id]
		if sh == nil && !u.active {
			continue
		}
		row := domain.MonthRow{UnitID: u.id, UnitName: u.name, UnitKind: u.kind, CommuneID: u.communeID}
		row.Status, row.SelfTotal, row.Verified, row.Total, row.Grade = scored(sh, ix)
		if row.Status == domain.SheetDraft {
			row.Total, row.Grade = nil, "" // a draft does not rank
		}
		rep.ByStatus[row.Status]++
		if row.Status == domain.SheetApproved {
			rep.Distribution[row.Grade]++
		}
		keys[u.id] = textutil.SortKey(u.name)
		rep.Rows = append(rep.Rows, row)
	}
	sort.SliceStable(rep.Rows, func(i, j int) bool {
		a, b := rep.Rows[i], rep.Rows[j]
		if (a.Total == nil) != (b.Total == nil) {
			return a.Total != nil
		}
		if a.Total != nil && *a.Total != *b.Total {
			return *a.Total > *b.Total
		}
		return string(keys[a.UnitID]) < string(keys[b.UnitID])
	})
	rank := 0
	for i := range rep.Rows {
		r := &rep.Rows[i]
		if r.Total == nil {
			continue
		}
		// Equal totals share a rank (1, 2, 2, 4), as a ranking table is read.
		if i == 0 || rep.Rows[i-1].Total == nil || *rep.Rows[i-1].Total != *r.Total {
			rank = i + 1
		}
		r.Rank = rank
	}
	for _, r := range rep.Rows {
		if r.Status == domain.SheetNone || r.Status == domain.SheetDraft {
			rep.NotSubmitted = append(rep.NotSubmitted, r)
		}
	}
	sort.SliceStable(rep.NotSubmitted, func(i, j int) bool {
		return string(keys[rep.NotSubmitted[i].UnitID]) < string(keys[rep.NotSubmitted[j].UnitID])
	})
	return rep, nil
}

// UnitYear returns an organization's twelve months of year for its chart: the verified
// total of approved months, the self-assessment of submitted ones, nothing for the rest.
// Errors: EInvalid, ENotFound.
func (s *Store) UnitYear(ctx context.Context, unitID string, year int) (domain.UnitYear, error) {
	out := domain.UnitYear{UnitID: unitID, Year: year}
	if year < 2000 || year > 2100 {
		return out, domain.Errorf(domain.EInvalid, "year", "Năm không hợp lệ.", "Invalid year.")
	}
	u, err := getScoredUnit(ctx, s.db, unitID)
	if err != nil {
		return out, err
	}
	out.UnitName = u.name
	ix, err := loadSetIndex(ctx, s.db)
	if err != nil {
		return out, err
	}
	y := strconv.Itoa(year)
	sheets, err := loadSheets(ctx, s.db, "unit_id = ? AND month BETWEEN ? AND ?", unitID, y+"-01", y+"-12")
	if err != nil {
		return out, err
	}
	byMonth := map[string]*domain.ScoreSheet{}
	for _, sh := range sheets {
		byMonth[sh.Month] = sh
	}
	var last *domain.CriteriaSet
	for m := 1; m <= 12; m++ {
		month := fmt.Sprintf("%d-%02d", year, m)
		p := domain.ChartPoint{Month: month}
		sh := byMonth[month]
		p.Status, _, _, p.Total, p.Grade = scored(sh, ix)
		if p.Status == domain.SheetDraft {
			p.Total, p.Grade = nil, ""
		}
		if sh != nil && ix.byID[sh.CriteriaSetID] != nil {
			last = ix.byID[sh.CriteriaSetID]
		} else if set := setFor(ix.all, u.kind, month); set != nil && last == nil {
			last = set
		}
		out.Points = append(out.Points, p)
	}
	if last == nil {
		out.Thresholds, out.MaxTotal = domain.DefaultThresholds(), 100
	} else {
		out.Thresholds, out.MaxTotal = last.Thresholds, last.MaxBase()+last.BonusCap
	}
	return out, nil
}
