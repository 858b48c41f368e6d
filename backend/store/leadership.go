package store

import (
	"context"
	"database/sql"
	"strconv"

	"chibo/backend/domain"
)

// Overview is the leadership's overview of a period (issue 11), counted from the same
// lists the screen opens: the round overview of each month, the scoring report of the
// period's last month, the tracker of the period's year and the dialogues' statistics.
// The device holds only its account's scope, so the figures are that scope's.
func (s *Store) Overview(ctx context.Context, p domain.Period) (domain.Overview, error) {
	if err := p.Validate(); err != nil {
		return domain.Overview{}, err
	}
	months := p.Months()
	ov := domain.Overview{Period: p, Label: p.Label(), Quality: map[string]int{}, Grades: map[domain.Grade]int{}}
	for _, q := range domain.QualityGrades {
		ov.Quality[q] = 0
	}
	if err := s.periodCounts(ctx, &ov, months[0], months[len(months)-1]); err != nil {
		return ov, err
	}
	// One meeting per cell for each month that has begun (a period still to come: all
	// its months, the office registering ahead).
	begun := 0
	for _, m := range months {
		if m <= s.thisMonth() {
			begun++
		}
	}
	if begun == 0 {
		begun = len(months)
	}
	ov.Expected = ov.Cells * begun
	ov.Visits.Name, ov.Visits.Cells, ov.Visits.Scheduled = "Tổng cộng", ov.Cells, ov.Scheduled

	// Scoring: the period's last month that has begun (a year's report is read in
	// December, or in the current month while the year runs).
	ov.ScoringMonth = months[len(months)-1]
	if now := s.thisMonth(); ov.ScoringMonth > now && months[0] <= now {
		ov.ScoringMonth = now
	}
	rep, err := s.MonthReport(ctx, ov.ScoringMonth)
	if err != nil {
		return ov, err
	}
	for g, n := range rep.Distribution {
		ov.Grades[g] = n
	}
	ov.NotSubmitted = len(rep.NotSubmitted)
	ov.Ranked = []domain.MonthRow{}
	for _, r := range rep.Rows {
		if r.Rank > 0 {
			ov.Ranked = append(ov.Ranked, r)
		}
	}

	matters, err := s.ListMatters(ctx, MatterFilter{Year: p.Year})
	if err != nil {
		return ov, err
	}
	counts := map[domain.MatterSource]*domain.MatterCounts{}
	for _, src := range domain.MatterSources {
		counts[src] = &domain.MatterCounts{Source: src}
	}
	for _, m := range matters {
		if c, ok := counts[m.Source]; ok {
			c.Add(m)
		}
	}
	for _, src := range domain.MatterSources {
		ov.Matters = append(ov.Matters, *counts[src])
	}
	items, err := s.ListRemediation(ctx, RemediationFilter{})
	if err != nil {
		return ov, err
	}
	for _, it := range items {
		if !inYear(it.Due, p.Year) {
			continue
		}
		ov.Remediation.Items++
		if len(it.Reports) > 0 {
			ov.Remediation.Reported++
		}
		switch it.Verdict {
		case domain.Remedied:
			ov.Remediation.Remedied++
		case domain.NotRemedied:
			ov.Remediation.NotRemedied++
		}
		if it.Overdue {
			ov.Remediation.Overdue++
		}
	}

	if ov.Dialogues, err = s.dialogueCounts(ctx, p); err != nil {
		return ov, err
	}
	ov.YearTheme, err = s.YearTheme(ctx, p.Year)
	return ov, err
}

// periodCounts counts, over the months from–to, what RoundOverview counts for one month
// (cells and schedules by commune, visits planned, attended and reported) and the
// submitted reports by quality, each with one grouped query over the whole period.
func (s *Store) periodCounts(ctx context.Context, ov *domain.Overview, from, to string) error {
	byCommune := map[string]*domain.OverviewRow{}
	err := queryEach(ctx, s.db, `SELECT c.id, c.name,
		(SELECT count(*) FROM units u WHERE u.commune_id = c.id AND u.deleted = 0 AND u.status = 'active' AND u.kind IN ('subordinate_cell', 'grassroots_cell')),
		(SELECT count(*) FROM schedules s WHERE s.commune_id = c.id AND s.month BETWEEN ? AND ? AND s.deleted = 0 AND s.status != 'cancelled')
		FROM communes c WHERE c.deleted = 0 AND c.status = 'active'`, []any{from, to}, func(rows *sql.Rows) error {
		r := &domain.OverviewRow{}
		if err := rows.Scan(&r.ID, &r.Name, &r.Cells, &r.Scheduled); err != nil {
			return err
		}
		byCommune[r.ID] = r
		ov.Cells += r.Cells
		ov.Scheduled += r.Scheduled
		return nil
	})
	if err != nil {
		return err
	}
	err = queryEach(ctx, s.db, `SELECT v.commune_id, coalesce(c.name, ''), v.status, count(*) FROM visits v LEFT JOIN communes c ON c.id = v.commune_id
		WHERE v.deleted = 0 AND v.status != 'cancelled' AND v.date >= ? AND v.date < ? GROUP BY 1, 3`, []any{from + "-01", to + "-32"}, func(rows *sql.Rows) error {
		var cid, name, status string
		var n int
		if err := rows.Scan(&cid, &name, &status, &n); err != nil {
			return err
		}
		r, ok := byCommune[cid]
		if !ok {
			r = &domain.OverviewRow{ID: cid, Name: name}
			byCommune[cid] = r
		}
		for _, x := range []*domain.OverviewRow{r, &ov.Visits} {
			x.Planned += n
			if status == string(domain.VisitAttended) || status == string(domain.VisitReported) {
				x.Attended += n
			}
			if status == string(domain.VisitReported) {
				x.Reported += n
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// A commune with no cell and no visit on this device is outside the account's scope
	// (the commune list itself is every device's): it is not listed with zeros.
	for _, r := range byCommune {
		if r.Cells > 0 || r.Planned > 0 || r.Scheduled > 0 {
			ov.Communes = append(ov.Communes, *r)
		}
	}
	sortByName(ov.Communes, func(r domain.OverviewRow) string { return r.Name })
	// The newest revision of each report of the period's visits, as ListReports picks it.
	return queryEach(ctx, s.db, `SELECT coalesce(json_extract(r.values_json, '$.quality'), ''), count(*) FROM visit_reports r
		WHERE r.deleted = 0 AND r.visit_id IN (SELECT id FROM visits WHERE date >= ? AND date < ?)
		AND NOT EXISTS (SELECT 1 FROM visit_reports n WHERE n.deleted = 0 AND n.amends = coalesce(nullif(r.amends, ''), r.id) AND n.revision > r.revision)
		GROUP BY 1`, []any{from + "-01", to + "-32"}, func(rows *sql.Rows) error {
		var q string
		var n int
		if err := rows.Scan(&q, &n); err != nil {
			return err
		}
		if _, known := ov.Quality[q]; known {
			ov.Quality[q] += n
		}
		return nil
	})
}

// inYear: a remediation item belongs to the year of its due date (none: every year).
func inYear(date string, year int) bool {
	return len(date) < 4 || date[:4] == strconv.Itoa(year)
}

// dialogueCounts sums the year's dialogue statistics; the reception rule is checked on
// the period's months that have begun.
func (s *Store) dialogueCounts(ctx context.Context, p domain.Period) (domain.DialogueCounts, error) {
	var dc domain.DialogueCounts
	stats, held, err := s.DialogueStats(ctx, p.Year)
	if err != nil {
		return dc, err
	}
	communes, err := s.ListCommunes(ctx)
	if err != nil {
		return dc, err
	}
	inPeriod := map[string]bool{}
	begun := 0
	for _, m := range p.Months() {
		inPeriod[m] = true
		if m <= s.thisMonth() {
			begun++
		}
	}
	seen := map[string]bool{}
	dc.Held = held
	for _, st := range stats {
		seen[st.CommuneID] = true
		dc.Dialogues += st.Dialogues
		dc.Receptions += st.Receptions
		dc.Issues += st.Issues
		dc.Answered += st.Issues - st.Open
		for _, m := range st.ShortMonths {
			if inPeriod[m] {
				dc.ShortOfReceptions++
				break
			}
		}
	}
	cells := map[string]int{}
	err = queryEach(ctx, s.db, `SELECT commune_id, count(*) FROM units WHERE deleted = 0 AND status = 'active' AND kind IN ('subordinate_cell', 'grassroots_cell') GROUP BY 1`, nil,
		func(rows *sql.Rows) error {
			var id string
			var n int
			err := rows.Scan(&id, &n)
			cells[id] = n
			return err
		})
	if err != nil {
		return dc, err
	}
	for _, c := range communes {
		if c.Status != domain.StatusActive || (cells[c.ID] == 0 && !seen[c.ID]) {
			continue // not in this account's scope
		}
		dc.Communes++
		if !seen[c.ID] && begun > 0 {
			dc.ShortOfReceptions++ // no reception recorded at all
		}
	}
	return dc, nil
}

// PeriodicPaper is the periodic report of the signed-in committee for a period: its
// overview and how its papers are signed, dated today.
func (s *Store) PeriodicPaper(ctx context.Context, p domain.Period) (domain.Overview, domain.CommitteeProfile, string, error) {
	ov, err := s.Overview(ctx, p)
	if err != nil {
		return ov, domain.CommitteeProfile{}, "", err
	}
	prof, err := s.OwnPaperProfile(ctx)
	return ov, prof, s.today(), err
}

// OwnPaperProfile is how the signed-in committee signs its papers.
func (s *Store) OwnPaperProfile(ctx context.Context) (domain.CommitteeProfile, error) {
	return s.PaperProfile(ctx, s.committeeID)
}
