package store

import (
	"context"
	"strconv"

	"chibo/backend/domain"
)

// CommunePage is one commune in one place (issue 11): its organizations, the month's
// published schedules, the visit results this device holds, the month's scores, the
// year's matters and the notices that name its organizations.
type CommunePage struct {
	Commune   domain.Commune         `json:"commune"`
	Units     []domain.Unit          `json:"units"`
	Schedules []ScheduleItem         `json:"schedules"`
	Reports   []domain.ReportSummary `json:"reports"`  // the committee's: the whole reports
	Releases  []domain.VisitRelease  `json:"releases"` // what the visits released to the commune
	Scores    []domain.MonthRow      `json:"scores"`
	Matters   []domain.Matter        `json:"matters"`
	Notices   []domain.Notice        `json:"notices"`
}

// CommunePage gathers a commune's page for a month (yyyy-mm) from the same lists the
// other screens show; what the device does not hold (another commune, for an office) is
// simply not there.
func (s *Store) CommunePage(ctx context.Context, communeID, month string) (CommunePage, error) {
	var pg CommunePage
	t, err := domain.ParseMonth(month)
	if err != nil {
		return pg, err
	}
	communes, err := s.ListCommunes(ctx)
	if err != nil {
		return pg, err
	}
	found := false
	for _, c := range communes {
		if c.ID == communeID {
			pg.Commune, found = c, true
		}
	}
	if !found {
		return pg, domain.Errorf(domain.ENotFound, "communeId", "Không có xã này trên máy.", "This commune is not on this desktop.")
	}
	units, err := s.ListUnits(ctx)
	if err != nil {
		return pg, err
	}
	ours := map[string]bool{}
	pg.Units = []domain.Unit{}
	for _, u := range units {
		if u.CommuneID == communeID {
			pg.Units = append(pg.Units, u)
			ours[u.ID] = true
		}
	}
	last := t.AddDate(0, 1, -1).Format("2006-01-02")
	if pg.Schedules, err = s.ListSchedules(ctx, ScheduleFilter{From: month + "-01", To: last, CommuneID: communeID}); err != nil {
		return pg, err
	}
	ov, err := s.RoundOverview(ctx, month)
	if err != nil {
		return pg, err
	}
	pg.Reports = []domain.ReportSummary{}
	for _, r := range ov.Reports {
		if r.CommuneID == communeID {
			pg.Reports = append(pg.Reports, r)
		}
	}
	if pg.Releases, err = s.ListReleases(ctx, communeID); err != nil {
		return pg, err
	}
	rep, err := s.MonthReport(ctx, month)
	if err != nil {
		return pg, err
	}
	pg.Scores = []domain.MonthRow{}
	for _, r := range rep.Rows {
		if r.CommuneID == communeID {
			pg.Scores = append(pg.Scores, r)
		}
	}
	if pg.Matters, err = s.ListMatters(ctx, MatterFilter{CommuneID: communeID, Year: t.Year()}); err != nil {
		return pg, err
	}
	notices, err := s.ListNotices(ctx, "")
	if err != nil {
		return pg, err
	}
	pg.Notices = []domain.Notice{}
	year := strconv.Itoa(t.Year())
	for _, n := range notices {
		if len(n.Month) < 4 || n.Month[:4] != year {
			continue
		}
		names := n.CommuneID == communeID
		for _, u := range n.DidWell {
			names = names || ours[u.UnitID]
		}
		for _, u := range n.Shortcomings {
			names = names || ours[u.UnitID]
		}
		if names {
			pg.Notices = append(pg.Notices, n)
		}
	}
	return pg, nil
}
