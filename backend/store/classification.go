package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/google/uuid"

	"chibo/backend/domain"
	"chibo/backend/kinds"
)

// A year classification record holds the decision of people (override and its reason)
// and the suggestion as it stood when they decided, for the audit; the suggestion shown
// on screen is always computed afresh from the approved months. restricted = 1: district
// roles only.
var kindYearClassification = spec(kinds.YearClassification)

// ClassificationID is the id of an organization's classification for a year, derived like
// SheetID so that two devices deciding offline write one record.
func ClassificationID(unitID string, year int) string {
	return uuid.NewSHA1(scoringNS, []byte("year_classification/"+unitID+"/"+strconv.Itoa(year))).String()
}

// yearRulesFor returns the year rules of the set that scores kind in December of year, or
// the defaults when no set applies.
func yearRulesFor(ix setIndex, kind domain.UnitKind, year int) domain.YearRules {
	if set := setFor(ix.all, kind, fmt.Sprintf("%d-12", year)); set != nil {
		return set.YearRules
	}
	return domain.DefaultYearRules()
}

// YearReport classifies every grassroots organization for year: a suggestion from its
// approved months by the rules of its set, the override of people if any, and the
// warnings of the share rules over the final grades. Errors: EInvalid (year).
func (s *Store) YearReport(ctx context.Context, year int) (domain.YearReport, error) {
	rep := domain.YearReport{Year: year, Counts: map[domain.YearGrade]int{}}
	if year < 2000 || year > 2100 {
		return rep, domain.Errorf(domain.EInvalid, "year", "Năm không hợp lệ.", "Invalid year.")
	}
	y := strconv.Itoa(year)
	units, err := scoredUnits(ctx, s.db, y+"-01", y+"-12")
	if err != nil {
		return rep, err
	}
	ix, err := loadSetIndex(ctx, s.db)
	if err != nil {
		return rep, err
	}
	totals, err := approvedTotals(ctx, s.db, ix, y+"-01", y+"-12")
	if err != nil {
		return rep, err
	}
	saved, err := loadClassifications(ctx, s.db, year)
	if err != nil {
		return rep, err
	}
	states, err := s.syncStatesOfKinds(ctx, kinds.YearClassification)
	if err != nil {
		return rep, err
	}
	open, err := s.openRemediations(ctx, year)
	if err != nil {
		return rep, err
	}
	var rules *domain.YearRules
	for _, u := range units {
		if !u.active && len(totals[u.id]) == 0 {
			continue
		}
		r := yearRulesFor(ix, u.kind, year)
		if rules == nil {
			rules = &r
		}
		c := domain.YearClassification{ID: ClassificationID(u.id, year), UnitID: u.id, UnitName: u.name, UnitKind: u.kind, CommuneID: u.communeID, Committee: u.committee, Year: year}
		if x, ok := saved[u.id]; ok {
			c.Override, c.OverrideReason, c.OverriddenBy, c.OverriddenAt = x.Override, x.OverrideReason, x.OverriddenBy, x.OverriddenAt
		}
		c.Suggestion = r.Suggest(totals[u.id]).WithOpenShortcomings(open[u.id])
		c.Final = c.FinalGrade()
		c.SyncState, _ = states.of(c.ID)
		if c.Final != "" {
			rep.Counts[c.Final]++
		}
		rep.Rows = append(rep.Rows, c)
	}
	sortByName(rep.Rows, func(c domain.YearClassification) string { return c.UnitName })
	if rules == nil {
		r := domain.DefaultYearRules()
		rules = &r
	}
	rep.Warnings = rules.CheckShares(rep.Counts)
	return rep, nil
}

func loadClassifications(ctx context.Context, q querier, year int) (map[string]domain.YearClassification, error) {
	out := map[string]domain.YearClassification{}
	err := queryEach(ctx, q, `SELECT `+kindYearClassification.columns("")+` FROM year_classifications WHERE year = ? AND deleted = 0`, []any{year},
		func(rows *sql.Rows) error {
			r, err := kindYearClassification.scan(rows)
			if err != nil {
				return err
			}
			c := domain.YearClassification{ID: r.id, UnitID: r.str("unitId"), CommuneID: r.str("communeId"), Year: year,
				Override: domain.YearGrade(r.str("override")), OverrideReason: r.str("overrideReason"), OverriddenBy: r.str("overriddenBy"),
				OverriddenAt: r.str("overriddenAt")}
			_ = json.Unmarshal([]byte(r.str("suggestion")), &c.Suggestion)
			out[c.UnitID] = c
			return nil
		})
	return out, err
}

// OverrideClassification records the decision of people on an organization's year grade
// (grade "" withdraws an earlier override), with the reason, the current suggestion and
// who decided; the decision is audited. Errors: EInvalid (no reason, unknown grade),
// ENotFound.
func (s *Store) OverrideClassification(ctx context.Context, unitID string, year int, grade domain.YearGrade, reason string) (domain.YearClassification, error) {
	reason = trimText(reason)
	if err := domain.ValidateOverride(grade, reason); err != nil {
		return domain.YearClassification{}, err
	}
	if grade == "" {
		reason = ""
	}
	rep, err := s.YearReport(ctx, year)
	if err != nil {
		return domain.YearClassification{}, err
	}
	var cur *domain.YearClassification
	for i := range rep.Rows {
		if rep.Rows[i].UnitID == unitID {
			cur = &rep.Rows[i]
		}
	}
	if cur == nil {
		return domain.YearClassification{}, errUnitNotFound()
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		u, err := getScoredUnit(ctx, txq{tx}, unitID)
		if err != nil {
			return err
		}
		at := s.nowUTC()
		changed, err := s.putRecord(tx, kindYearClassification, cur.ID, Values{"unitId": unitID, "communeId": u.communeID, "year": year,
			"suggestion": jsonText(cur.Suggestion), "override": string(grade), "overrideReason": reason,
			"overriddenBy": s.userID, "overriddenAt": at, "restricted": 1})
		if err != nil || !changed {
			return err
		}
		detail := fmt.Sprintf("%d: đề xuất “%s”, quyết định “%s”", year, cur.Suggestion.Grade.Label(), grade.Label())
		if grade == "" {
			detail = fmt.Sprintf("%d: bỏ điều chỉnh, theo đề xuất “%s”", year, cur.Suggestion.Grade.Label())
		}
		return s.audit(tx, u, kinds.YearClassification, cur.ID, "override", reason, detail, at)
	})
	if err != nil {
		return domain.YearClassification{}, err
	}
	rep, err = s.YearReport(ctx, year)
	if err != nil {
		return domain.YearClassification{}, err
	}
	for _, c := range rep.Rows {
		if c.UnitID == unitID {
			return c, nil
		}
	}
	return domain.YearClassification{}, errUnitNotFound()
}

// approvedTotals returns the verified totals of the approved months in [from, to] by
// organization. Only approved months count for the year, so only their verifications are
// read and decoded: half the work of loading whole sheets.
func approvedTotals(ctx context.Context, q querier, ix setIndex, from, to string) (map[string][]float64, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.unit_id, s.criteria_set_id, r.verified
		FROM score_reviews r JOIN score_sheets s ON s.id = r.sheet_id AND s.deleted = 0
		WHERE r.deleted = 0 AND r.approved = 1 AND r.month BETWEEN ? AND ?`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]float64{}
	for rows.Next() {
		var unit, setID, verified string
		if err := rows.Scan(&unit, &setID, &verified); err != nil {
			return nil, err
		}
		set := ix.byID[setID]
		if set == nil {
			continue // a set not (yet) on this device: the month cannot be totalled here
		}
		var sc domain.Scores
		_ = json.Unmarshal([]byte(verified), &sc)
		out[unit] = append(out[unit], set.Total(sc).Total)
	}
	return out, rows.Err()
}
