package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// The field workflow's synced kinds. Each carries communeId and restricted, the two fields
// the server classifies a record by (docs/access.md, "Visits").
var (
	kindSchedule = spec(kinds.Schedule)
)

var scheduleColumns = kindSchedule.columns("s.")

func scanSchedule(sc interface{ Scan(...any) error }, extra ...any) (domain.Schedule, error) {
	r, err := kindSchedule.scan(sc, extra...)
	return domain.Schedule{ID: r.id, CellID: r.str("cellId"), CommuneID: r.str("communeId"), Month: r.str("month"), Date: r.str("date"),
		StartTime: r.str("startTime"), Place: r.str("place"), Kind: domain.MeetingKind(r.str("kind")), Status: domain.ScheduleStatus(r.str("status")),
		ChangedAfterPublish: r.flag("changedAfterPublish"), Note: r.str("note")}, err
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
		scheduled, published, regular := false, false, 0
		for _, x := range r.Schedules {
			if x.Kind == domain.MeetingRegular && x.Status != domain.ScheduleCancelled {
				scheduled = true
				regular++
				published = published || x.Status == domain.SchedulePublished
			}
		}
		if regular > 1 {
			c.Duplicates++
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

var scheduleByIDQuery = `SELECT ` + scheduleColumns + `, coalesce(u.name, '') FROM schedules s
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
		b, err := loadScheduleBatch(tx, xs)
		if err != nil {
			return err
		}
		for i := range xs {
			if err := s.saveScheduleIn(tx, b, &xs[i]); err != nil {
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

// scheduleBatch is what saving a batch of schedules needs to know, read with one query
// each instead of several per row (a district grid is 500 rows): the cells, the stored
// versions of the rows, and each cell's regular meetings by month, kept up to date as the
// batch is written.
type scheduleBatch struct {
	cells   map[string]cellInfo
	old     map[string]domain.Schedule
	regular map[string]map[string]bool // cellId|month → ids of regular, not cancelled meetings
}

type cellInfo struct{ name, kind, status, communeID string }

func loadScheduleBatch(tx *sql.Tx, xs []domain.Schedule) (*scheduleBatch, error) {
	b := &scheduleBatch{cells: map[string]cellInfo{}, old: map[string]domain.Schedule{}, regular: map[string]map[string]bool{}}
	var cellIDs, ids []string
	for _, x := range xs {
		cellIDs = append(cellIDs, x.CellID)
		if x.ID != "" {
			ids = append(ids, x.ID)
		}
	}
	cj, _ := json.Marshal(cellIDs)
	ij, _ := json.Marshal(ids)
	rows, err := tx.Query(`SELECT id, name, kind, status, commune_id FROM units WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))`, string(cj))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		var c cellInfo
		if err := rows.Scan(&id, &c.name, &c.kind, &c.status, &c.communeID); err != nil {
			rows.Close()
			return nil, err
		}
		b.cells[id] = c
	}
	rows.Close()
	rows, err = tx.Query(`SELECT `+scheduleColumns+`, coalesce(u.name, '') FROM schedules s LEFT JOIN units u ON u.id = s.cell_id
		WHERE s.deleted = 0 AND s.id IN (SELECT value FROM json_each(?))`, string(ij))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var name string
		x, err := scanSchedule(rows, &name)
		if err != nil {
			rows.Close()
			return nil, err
		}
		x.CellName = name
		b.old[x.ID] = x
	}
	rows.Close()
	rows, err = tx.Query(`SELECT id, cell_id, month FROM schedules WHERE deleted = 0 AND kind = 'regular' AND status != 'cancelled'
		AND cell_id IN (SELECT value FROM json_each(?))`, string(cj))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, cell, month string
		if err := rows.Scan(&id, &cell, &month); err != nil {
			return nil, err
		}
		b.mark(cell, month, id, true)
	}
	return b, rows.Err()
}

func (b *scheduleBatch) mark(cell, month, id string, on bool) {
	k := cell + "|" + month
	if b.regular[k] == nil {
		b.regular[k] = map[string]bool{}
	}
	if on {
		b.regular[k][id] = true
	} else {
		delete(b.regular[k], id)
	}
}

// saveScheduleTx checks and writes one schedule.
func (s *Store) saveScheduleTx(tx *sql.Tx, x *domain.Schedule) error {
	b, err := loadScheduleBatch(tx, []domain.Schedule{*x})
	if err != nil {
		return err
	}
	return s.saveScheduleIn(tx, b, x)
}

// saveScheduleIn checks x against its cell and the cell's other schedules and writes it.
// A published schedule stays published when edited, and is flagged when its date, time or
// place changes, so the attendees who planned on it are warned.
func (s *Store) saveScheduleIn(tx *sql.Tx, b *scheduleBatch, x *domain.Schedule) error {
	x.Place = textutil.NFC(x.Place)
	x.Note = textutil.NFC(x.Note)
	x.Normalize()
	cell, ok := b.cells[x.CellID]
	if !ok || !domain.UnitKind(cell.kind).HoldsMembers() {
		return domain.Errorf(domain.EInvalid, "cellId", "Không tìm thấy chi bộ đã chọn.", "The selected cell does not exist.")
	}
	x.CellName, x.CommuneID = cell.name, cell.communeID
	old, exists := b.old[x.ID]
	if x.ID == "" {
		x.ID = NewID()
		if cell.status != string(domain.StatusActive) {
			return errInactive(domain.Unit{Name: cell.name})
		}
		x.Status = domain.ScheduleDraft // a new schedule is published with its month
	} else if !exists {
		return errScheduleNotFound()
	} else {
		if old.Status != domain.ScheduleDraft && x.Status == domain.ScheduleDraft {
			x.Status = old.Status // once sent, it cannot be unsent
		}
		x.ChangedAfterPublish = old.ChangedAfterPublish || x.ChangedForAttendees(old)
	}
	if err := x.Validate(); err != nil {
		return err
	}
	if exists {
		b.mark(old.CellID, old.Month, x.ID, false)
	}
	if x.Kind == domain.MeetingRegular && x.Status != domain.ScheduleCancelled {
		if len(b.regular[x.CellID+"|"+x.Month]) > 0 {
			t, _ := domain.ParseMonth(x.Month)
			return domain.ErrSecondRegular(cell.name, t.Format("01/2006"))
		}
		b.mark(x.CellID, x.Month, x.ID, true)
	}
	_, err := s.putRecord(tx, kindSchedule, x.ID, scheduleValues(*x))
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
	cur, err := s.MonthGrid(ctx, communeID, month)
	if err != nil {
		return MonthGrid{}, err
	}
	has := map[string]bool{}
	for _, r := range cur.Rows {
		for _, x := range r.Schedules {
			has[r.CellID] = has[r.CellID] || (x.Kind == domain.MeetingRegular && x.Status != domain.ScheduleCancelled)
		}
	}
	m, _ := domain.ParseMonth(month)
	daysIn := m.AddDate(0, 1, -1).Day()
	var xs []domain.Schedule
	meetings := 0 // last month's regular meetings
	for _, r := range last.Rows {
		for _, old := range r.Schedules {
			if old.Kind != domain.MeetingRegular || old.Status == domain.ScheduleCancelled {
				continue
			}
			meetings++
			if has[r.CellID] {
				continue
			}
			has[r.CellID] = true
			d, _ := time.Parse("2006-01-02", old.Date)
			xs = append(xs, domain.Schedule{CellID: r.CellID, CellName: r.CellName, Month: month, Date: fmt.Sprintf("%s-%02d", month, min(d.Day(), daysIn)),
				StartTime: old.StartTime, Place: old.Place, Kind: domain.MeetingRegular})
		}
	}
	if len(xs) == 0 {
		// Say why nothing was copied, rather than report a copy that did not happen.
		p, _ := domain.ParseMonth(prev)
		if meetings > 0 {
			return MonthGrid{}, domain.Errorf(domain.EInvalid, "month", "Không có gì để chép: các chi bộ có lịch tháng %s đều đã có lịch tháng này.",
				"Nothing to copy: every cell with a meeting in %s already has one this month.", p.Format("01/2006"))
		}
		return MonthGrid{}, domain.Errorf(domain.EInvalid, "month", "Tháng %s chưa có lịch sinh hoạt nào để chép.",
			"%s has no meeting to copy.", p.Format("01/2006"))
	}
	if _, err := s.SaveSchedules(ctx, xs); err != nil {
		return MonthGrid{}, err
	}
	return s.MonthGrid(ctx, communeID, month)
}
