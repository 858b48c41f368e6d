package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"chibo/backend/domain"
	"chibo/backend/textutil"
)

// The field workflow's synced kinds. Each carries communeId and restricted, the two fields
// the server classifies a record by (docs/access.md, "Visits").
var (
	kindSchedule = register(newKind("schedule", "schedules", str("cellId", "cell_id"), str("communeId", "commune_id"),
		str("month", "month"), str("date", "date"), str("startTime", "start_time"), str("place", "place"), str("kind", "kind"),
		str("status", "status"), num("changedAfterPublish", "changed_after_publish"), str("note", "note"), num("restricted", "restricted")))
)

const scheduleColumns = `s.id, s.cell_id, s.commune_id, s.month, s.date, s.start_time, s.place, s.kind, s.status, s.changed_after_publish, s.note`

func scanSchedule(sc interface{ Scan(...any) error }, extra ...any) (domain.Schedule, error) {
	var x domain.Schedule
	dest := append([]any{&x.ID, &x.CellID, &x.CommuneID, &x.Month, &x.Date, &x.StartTime, &x.Place, &x.Kind, &x.Status,
		&x.ChangedAfterPublish, &x.Note}, extra...)
	err := sc.Scan(dest...)
	return x, err
}

func scheduleValues(x domain.Schedule) Values {
	return Values{"cellId": x.CellID, "communeId": x.CommuneID, "month": x.Month, "date": x.Date, "startTime": x.StartTime,
		"place": x.Place, "kind": string(x.Kind), "status": string(x.Status), "changedAfterPublish": x.ChangedAfterPublish,
		"note": x.Note, "restricted": 0}
}

// GridRow is one cell of a month grid with the schedules registered for it that month.
type GridRow struct {
	CellID     string            `json:"cellId"`
	CellName   string            `json:"cellName"`
	ParentName string            `json:"parentName"`
	CommuneID  string            `json:"communeId"`
	Members    int               `json:"members"`
	Schedules  []domain.Schedule `json:"schedules"`
}

// MonthGrid is a commune's (or, with no commune, the district's) cells for one month.
type MonthGrid struct {
	Month     string          `json:"month"`
	CommuneID string          `json:"communeId"`
	Rows      []GridRow       `json:"rows"`
	Coverage  domain.Coverage `json:"coverage"`
}

// MonthGrid returns every active cell of a commune ("" for every cell) with its schedules of
// month, and the coverage: which cells have no regular meeting yet. Errors: EInvalid.
func (s *Store) MonthGrid(ctx context.Context, communeID, month string) (MonthGrid, error) {
	if _, err := domain.ParseMonth(month); err != nil {
		return MonthGrid{}, err
	}
	g := MonthGrid{Month: month, CommuneID: communeID, Rows: []GridRow{}}
	q := `SELECT c.id, c.name, coalesce(p.name, ''), c.commune_id, c.members FROM units c LEFT JOIN units p ON p.id = c.parent_id
		WHERE c.deleted = 0 AND c.status = 'active' AND c.kind IN ('subordinate_cell', 'grassroots_cell')`
	args := []any{}
	if communeID != "" {
		q += ` AND c.commune_id = ?`
		args = append(args, communeID)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return g, err
	}
	index := map[string]int{}
	for rows.Next() {
		var r GridRow
		if err := rows.Scan(&r.CellID, &r.CellName, &r.ParentName, &r.CommuneID, &r.Members); err != nil {
			rows.Close()
			return g, err
		}
		r.Schedules = []domain.Schedule{}
		index[r.CellID] = len(g.Rows)
		g.Rows = append(g.Rows, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return g, err
	}
	q = `SELECT ` + scheduleColumns + ` FROM schedules s WHERE s.deleted = 0 AND s.month = ?`
	args = []any{month}
	if communeID != "" {
		q += ` AND s.commune_id = ?`
		args = append(args, communeID)
	}
	rows, err = s.db.QueryContext(ctx, q+` ORDER BY s.date, s.start_time`, args...)
	if err != nil {
		return g, err
	}
	defer rows.Close()
	for rows.Next() {
		x, err := scanSchedule(rows)
		if err != nil {
			return g, err
		}
		if i, ok := index[x.CellID]; ok {
			x.CellName = g.Rows[i].CellName
			g.Rows[i].Schedules = append(g.Rows[i].Schedules, x)
		}
	}
	if err := rows.Err(); err != nil {
		return g, err
	}
	sortByName(g.Rows, func(r GridRow) string { return r.ParentName + "\x00" + r.CellName })
	g.Coverage = coverageOf(g.Rows)
	return g, nil
}

func coverageOf(rows []GridRow) domain.Coverage {
	c := domain.Coverage{Cells: len(rows)}
	for _, r := range rows {
		scheduled, published := false, false
		for _, x := range r.Schedules {
			if x.Kind == domain.MeetingRegular && x.Status != domain.ScheduleCancelled {
				scheduled = true
				published = published || x.Status == domain.SchedulePublished
			}
		}
		if scheduled {
			c.Scheduled++
		} else {
			c.Missing++
		}
		if published {
			c.Published++
		}
	}
	return c
}

// GetSchedule returns one schedule with its cell's name. Errors: ENotFound.
func (s *Store) GetSchedule(ctx context.Context, id string) (domain.Schedule, error) {
	return scheduleByID(s.db.QueryRowContext(ctx, scheduleByIDQuery, id))
}

func getScheduleTx(tx *sql.Tx, id string) (domain.Schedule, error) {
	return scheduleByID(tx.QueryRow(scheduleByIDQuery, id))
}

const scheduleByIDQuery = `SELECT ` + scheduleColumns + `, coalesce(u.name, '') FROM schedules s
	LEFT JOIN units u ON u.id = s.cell_id WHERE s.id = ? AND s.deleted = 0`

func scheduleByID(row *sql.Row) (domain.Schedule, error) {
	var cellName string
	x, err := scanSchedule(row, &cellName)
	x.CellName = cellName
	if err == sql.ErrNoRows {
		return x, errScheduleNotFound()
	}
	return x, err
}

func errScheduleNotFound() error {
	return domain.Errorf(domain.ENotFound, "", "Không tìm thấy lịch sinh hoạt.", "Schedule not found.")
}

// SaveSchedules creates (empty id) or updates every schedule of xs in one transaction: a
// grid's bulk edit is saved whole or not at all. A field error names the row as
// "index.field" and the cell in its message. Errors: EInvalid, ENotFound.
func (s *Store) SaveSchedules(ctx context.Context, xs []domain.Schedule) ([]domain.Schedule, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		for i := range xs {
			if err := s.saveScheduleTx(tx, &xs[i]); err != nil {
				return rowError(err, i, xs[i].CellName)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return xs, nil
}

// rowError prefixes a domain error with the row it concerns.
func rowError(err error, i int, cellName string) error {
	e, ok := err.(*domain.Error)
	if !ok {
		return err
	}
	out := *e
	out.Field = fmt.Sprintf("%d.%s", i, e.Field)
	if cellName != "" {
		out.Message = cellName + ": " + e.Message
		out.MessageEN = cellName + ": " + e.MessageEN
	}
	return &out
}

// saveScheduleTx checks x against its cell and the cell's other schedules and writes it.
// A published schedule stays published when edited, and is flagged when its date, time or
// place changes, so the attendees who planned on it are warned.
func (s *Store) saveScheduleTx(tx *sql.Tx, x *domain.Schedule) error {
	x.Place = textutil.NFC(x.Place)
	x.Note = textutil.NFC(x.Note)
	x.Normalize()
	var cellName, cellKind, cellStatus string
	err := tx.QueryRow(`SELECT name, kind, status, commune_id FROM units WHERE id = ? AND deleted = 0`, x.CellID).
		Scan(&cellName, &cellKind, &cellStatus, &x.CommuneID)
	if err == sql.ErrNoRows || (err == nil && !domain.UnitKind(cellKind).HoldsMembers()) {
		return domain.Errorf(domain.EInvalid, "cellId", "Không tìm thấy chi bộ đã chọn.", "The selected cell does not exist.")
	} else if err != nil {
		return err
	}
	x.CellName = cellName
	if x.ID == "" {
		x.ID = NewID()
		if cellStatus != string(domain.StatusActive) {
			return errInactive(domain.Unit{Name: cellName})
		}
		if x.Status != domain.ScheduleDraft {
			x.Status = domain.ScheduleDraft // a new schedule is published with its month
		}
	} else {
		old, err := getScheduleTx(tx, x.ID)
		if err != nil {
			return err
		}
		if old.Status != domain.ScheduleDraft && x.Status == domain.ScheduleDraft {
			x.Status = old.Status // once sent, it cannot be unsent
		}
		x.ChangedAfterPublish = old.ChangedAfterPublish || x.ChangedForAttendees(old)
	}
	if err := x.Validate(); err != nil {
		return err
	}
	if x.Kind == domain.MeetingRegular && x.Status != domain.ScheduleCancelled {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM schedules WHERE cell_id = ? AND month = ? AND kind = 'regular'
			AND status != 'cancelled' AND id != ? AND deleted = 0`, x.CellID, x.Month, x.ID).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			t, _ := domain.ParseMonth(x.Month)
			return domain.ErrSecondRegular(cellName, t.Format("01/2006"))
		}
	}
	_, err = s.putRecord(tx, kindSchedule, x.ID, scheduleValues(*x))
	return err
}

// DeleteSchedule removes a draft schedule. A published one is cancelled instead, so that
// attendees see the cancellation. Errors: EInvalid, ENotFound.
func (s *Store) DeleteSchedule(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		x, err := getScheduleTx(tx, id)
		if err != nil {
			return err
		}
		if x.Status != domain.ScheduleDraft {
			return domain.Errorf(domain.EInvalid, "status", "Lịch đã gửi không xóa được; hãy hủy lịch để người dự được báo.",
				"A published schedule cannot be deleted; cancel it so that attendees are told.")
		}
		return s.deleteRecord(tx, kindSchedule, id)
	})
}

// CancelSchedule cancels a schedule; a published one is flagged as changed. Errors: ENotFound.
func (s *Store) CancelSchedule(ctx context.Context, id string) (domain.Schedule, error) {
	var x domain.Schedule
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if x, err = getScheduleTx(tx, id); err != nil {
			return err
		}
		x.Status = domain.ScheduleCancelled
		return s.saveScheduleTx(tx, &x)
	})
	return x, err
}

// PublishMonth sends every draft schedule of a commune's month to its attendees and
// returns how many were published. Errors: EInvalid.
func (s *Store) PublishMonth(ctx context.Context, communeID, month string) (int, error) {
	if _, err := domain.ParseMonth(month); err != nil {
		return 0, err
	}
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		ids, err := queryIDs(tx, `SELECT id FROM schedules WHERE commune_id = ? AND month = ? AND status = 'draft' AND deleted = 0`, communeID, month)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return domain.Errorf(domain.EInvalid, "month", "Không có lịch nháp nào để gửi.", "There is no draft schedule to publish.")
		}
		for _, id := range ids {
			if _, err := s.putRecord(tx, kindSchedule, id, Values{"status": string(domain.SchedulePublished)}); err != nil {
				return err
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

func queryIDs(tx *sql.Tx, q string, args ...any) ([]string, error) {
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// CopyLastMonth gives every cell of a commune that has no regular meeting in month a draft
// copied from its regular meeting of the month before: the same day of the month (the
// last day when the month is shorter), time, place. It returns the new grid.
func (s *Store) CopyLastMonth(ctx context.Context, communeID, month string) (MonthGrid, error) {
	prev, err := domain.PrevMonth(month)
	if err != nil {
		return MonthGrid{}, err
	}
	last, err := s.MonthGrid(ctx, communeID, prev)
	if err != nil {
		return MonthGrid{}, err
	}
	m, _ := domain.ParseMonth(month)
	daysIn := m.AddDate(0, 1, -1).Day()
	err = s.write(ctx, func(tx *sql.Tx) error {
		for _, r := range last.Rows {
			for _, old := range r.Schedules {
				if old.Kind != domain.MeetingRegular || old.Status == domain.ScheduleCancelled {
					continue
				}
				var n int
				if err := tx.QueryRow(`SELECT count(*) FROM schedules WHERE cell_id = ? AND month = ? AND kind = 'regular'
					AND status != 'cancelled' AND deleted = 0`, r.CellID, month).Scan(&n); err != nil {
					return err
				} else if n > 0 {
					continue
				}
				d, _ := time.Parse("2006-01-02", old.Date)
				day := min(d.Day(), daysIn)
				x := domain.Schedule{CellID: r.CellID, Month: month, Date: fmt.Sprintf("%s-%02d", month, day),
					StartTime: old.StartTime, Place: old.Place, Kind: domain.MeetingRegular}
				if err := s.saveScheduleTx(tx, &x); err != nil {
					return rowError(err, 0, r.CellName)
				}
			}
		}
		return nil
	})
	if err != nil {
		return MonthGrid{}, err
	}
	return s.MonthGrid(ctx, communeID, month)
}
