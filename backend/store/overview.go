package store

import (
	"context"
	"database/sql"
	"strings"

	"chibo/backend/domain"
)

// ScheduleFilter selects the meetings an official can choose from. The device holds only
// the schedules of its account's scope (the server decides), so scope is not a filter here.
type ScheduleFilter struct {
	From               string `json:"from"` // yyyy-mm-dd, inclusive; "" for no bound
	To                 string `json:"to"`   // yyyy-mm-dd, inclusive
	CommuneID          string `json:"communeId"`
	NotVisitedThisYear bool   `json:"notVisitedThisYear"` // only cells with no visit yet in the year of the meeting
}

// ScheduleItem is a published (or since cancelled) meeting with who chose to attend it.
type ScheduleItem struct {
	Schedule        domain.Schedule `json:"schedule"`
	Planners        []string        `json:"planners"` // officials' names
	VisitedThisYear bool            `json:"visitedThisYear"`
}

// ListSchedules returns the published and cancelled meetings of the filter by date: the
// calendar and list a district official plans visits from. Drafts are the commune
// office's own work and are not shown.
func (s *Store) ListSchedules(ctx context.Context, f ScheduleFilter) ([]ScheduleItem, error) {
	q := `SELECT ` + scheduleColumns + `, coalesce(u.name, ''), coalesce(c.name, '') FROM schedules s
		LEFT JOIN units u ON u.id = s.cell_id LEFT JOIN communes c ON c.id = s.commune_id
		WHERE s.deleted = 0 AND s.status IN ('published', 'cancelled')`
	var args []any
	if f.From != "" {
		q += ` AND s.date >= ?`
		args = append(args, f.From)
	}
	if f.To != "" {
		q += ` AND s.date <= ?`
		args = append(args, f.To)
	}
	if f.CommuneID != "" {
		q += ` AND s.commune_id = ?`
		args = append(args, f.CommuneID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY s.date, s.start_time`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	items := []ScheduleItem{}
	for rows.Next() {
		var it ScheduleItem
		var cell, commune string
		if it.Schedule, err = scanSchedule(rows, &cell, &commune); err != nil {
			return nil, err
		}
		it.Schedule.CellName, it.Schedule.CommuneName = cell, commune
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	// Who chose each meeting, and which cells were visited in which year.
	planners := map[string][]string{}
	visited := map[string]bool{} // cellId|yyyy
	vrows, err := s.db.QueryContext(ctx, `SELECT v.schedule_id, v.cell_id, substr(v.date, 1, 4), coalesce(o.name, '')
		FROM visits v LEFT JOIN officials o ON o.id = v.official_id WHERE v.deleted = 0 AND v.status != 'cancelled'`)
	if err != nil {
		return nil, err
	}
	defer vrows.Close()
	for vrows.Next() {
		var sid, cell, year, name string
		if err := vrows.Scan(&sid, &cell, &year, &name); err != nil {
			return nil, err
		}
		planners[sid] = append(planners[sid], name)
		visited[cell+"|"+year] = true
	}
	if err := vrows.Err(); err != nil {
		return nil, err
	}
	out := items[:0]
	for _, it := range items {
		it.Planners = planners[it.Schedule.ID]
		if it.Planners == nil {
			it.Planners = []string{}
		}
		it.VisitedThisYear = len(it.Schedule.Date) >= 4 && visited[it.Schedule.CellID+"|"+it.Schedule.Date[:4]]
		if f.NotVisitedThisYear && it.VisitedThisYear {
			continue
		}
		out = append(out, it)
	}
	return out, nil
}

// RoundOverview counts, for a month, the schedules registered and the visits planned,
// attended and reported, by commune and by official, with the month's reports. It reads
// everything with four grouped queries, whatever the number of visits.
func (s *Store) RoundOverview(ctx context.Context, month string) (domain.RoundOverview, error) {
	if _, err := domain.ParseMonth(month); err != nil {
		return domain.RoundOverview{}, err
	}
	ov := domain.RoundOverview{Month: month, Total: domain.OverviewRow{Name: "Tổng cộng"}}
	communes := map[string]*domain.OverviewRow{}
	commune := func(id, name string) *domain.OverviewRow {
		if r, ok := communes[id]; ok {
			return r
		}
		r := &domain.OverviewRow{ID: id, Name: name}
		communes[id] = r
		return r
	}
	err := queryEach(ctx, s.db, `SELECT c.id, c.name,
		(SELECT count(*) FROM units u WHERE u.commune_id = c.id AND u.deleted = 0 AND u.status = 'active' AND u.kind IN ('subordinate_cell', 'grassroots_cell')),
		(SELECT count(*) FROM schedules s WHERE s.commune_id = c.id AND s.month = ? AND s.deleted = 0 AND s.status != 'cancelled')
		FROM communes c WHERE c.deleted = 0 AND c.status = 'active'`, []any{month}, func(rows *sql.Rows) error {
		var id, name string
		var cells, scheduled int
		if err := rows.Scan(&id, &name, &cells, &scheduled); err != nil {
			return err
		}
		r := commune(id, name)
		r.Cells, r.Scheduled = cells, scheduled
		return nil
	})
	if err != nil {
		return ov, err
	}
	officials := map[string]*domain.OverviewRow{}
	err = queryEach(ctx, s.db, `SELECT v.commune_id, coalesce(c.name, ''), v.official_id, coalesce(o.name, ''), v.status, count(*)
		FROM visits v LEFT JOIN communes c ON c.id = v.commune_id LEFT JOIN officials o ON o.id = v.official_id
		WHERE v.deleted = 0 AND v.status != 'cancelled' AND v.date LIKE ? GROUP BY 1, 3, 5`, []any{month + "-%"}, func(rows *sql.Rows) error {
		var cid, cname, oid, oname, status string
		var n int
		if err := rows.Scan(&cid, &cname, &oid, &oname, &status, &n); err != nil {
			return err
		}
		o, ok := officials[oid]
		if !ok {
			o = &domain.OverviewRow{ID: oid, Name: oname}
			officials[oid] = o
		}
		for _, r := range []*domain.OverviewRow{commune(cid, cname), o, &ov.Total} {
			r.Planned += n
			if status == string(domain.VisitAttended) || status == string(domain.VisitReported) {
				r.Attended += n
			}
			if status == string(domain.VisitReported) {
				r.Reported += n
			}
		}
		return nil
	})
	if err != nil {
		return ov, err
	}
	for _, r := range communes {
		ov.Total.Cells += r.Cells
		ov.Total.Scheduled += r.Scheduled
		ov.Communes = append(ov.Communes, *r)
	}
	for _, r := range officials {
		ov.Officials = append(ov.Officials, *r)
	}
	sortByName(ov.Communes, func(r domain.OverviewRow) string { return r.Name })
	sortByName(ov.Officials, func(r domain.OverviewRow) string { return lastName(r.Name) })
	reports, err := s.ListReports(ctx, month)
	if err != nil {
		return ov, err
	}
	visits, err := s.ListVisits(ctx, VisitFilter{Month: month})
	if err != nil {
		return ov, err
	}
	byID := make(map[string]domain.Visit, len(visits))
	for _, v := range visits {
		byID[v.ID] = v
	}
	ov.Reports = make([]domain.ReportSummary, 0, len(reports))
	for _, r := range reports {
		v := byID[r.VisitID]
		ov.Reports = append(ov.Reports, domain.ReportSummary{Report: r, Date: v.Date, CellName: v.CellName, CommuneID: v.CommuneID, CommuneName: v.CommuneName, OfficialName: v.OfficialName})
	}
	return ov, nil
}

// lastName puts a Vietnamese name's given name first, the order people are listed in.
func lastName(full string) string {
	parts := strings.Fields(full)
	if len(parts) < 2 {
		return full
	}
	return parts[len(parts)-1] + " " + strings.Join(parts[:len(parts)-1], " ")
}
