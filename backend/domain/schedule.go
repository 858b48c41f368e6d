package domain

import (
	"strings"
	"time"
)

// MeetingKind is the kind of a cell meeting.
type MeetingKind string

const (
	MeetingRegular  MeetingKind = "regular"  // sinh hoạt thường kỳ (định kỳ hàng tháng)
	MeetingThematic MeetingKind = "thematic" // sinh hoạt chuyên đề
)

// Label is the Vietnamese name of the kind.
func (k MeetingKind) Label() string {
	switch k {
	case MeetingRegular:
		return "Thường kỳ"
	case MeetingThematic:
		return "Chuyên đề"
	}
	return string(k)
}

// ScheduleStatus is where a schedule stands. A draft is the commune office's own work; a
// published schedule has been sent to the attendees in scope; a cancelled one stays so
// that the attendees see the cancellation instead of a silent disappearance.
type ScheduleStatus string

const (
	ScheduleDraft     ScheduleStatus = "draft"
	SchedulePublished ScheduleStatus = "published"
	ScheduleCancelled ScheduleStatus = "cancelled"
)

// Schedule is one registered meeting of a cell (lịch sinh hoạt): a commune office writes
// it, the district officials in scope choose from it the meetings they attend.
type Schedule struct {
	ID        string         `json:"id"`
	CellID    string         `json:"cellId"`
	CommuneID string         `json:"communeId"`
	Month     string         `json:"month"`     // yyyy-mm
	Date      string         `json:"date"`      // yyyy-mm-dd, within Month
	StartTime string         `json:"startTime"` // HH:MM, 24 h
	Place     string         `json:"place"`
	Kind      MeetingKind    `json:"kind"`
	Status    ScheduleStatus `json:"status"`
	// ChangedAfterPublish is set when the date, time or place of a published schedule
	// changes or it is cancelled, so that attendees who planned on it are warned.
	ChangedAfterPublish bool      `json:"changedAfterPublish"`
	Note                string    `json:"note"`
	CellName            string    `json:"cellName,omitempty"`    // read-only, for display
	CommuneName         string    `json:"communeName,omitempty"` // read-only, for display
	SyncState           SyncState `json:"syncState"`
}

// Normalize trims s's text and fills defaults: a new schedule is a regular draft, and the
// month follows the date when only the date was given.
func (s *Schedule) Normalize() {
	s.Place = clean(s.Place)
	s.Note = strings.TrimSpace(s.Note)
	s.StartTime = strings.TrimSpace(s.StartTime)
	if len(s.StartTime) == 4 && s.StartTime[1] == ':' { // 7:30 → 07:30
		s.StartTime = "0" + s.StartTime
	}
	if s.Kind == "" {
		s.Kind = MeetingRegular
	}
	if s.Status == "" {
		s.Status = ScheduleDraft
	}
	if s.Month == "" && len(s.Date) >= 7 {
		s.Month = s.Date[:7]
	}
}

// ParseMonth parses yyyy-mm. Errors: EInvalid.
func ParseMonth(month string) (time.Time, error) {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return t, Errorf(EInvalid, "month", "Tháng “%s” không hợp lệ (cần dạng yyyy-mm).", "Invalid month “%s” (want yyyy-mm).", month)
	}
	return t, nil
}

// PrevMonth returns the month before month (yyyy-mm).
func PrevMonth(month string) (string, error) {
	t, err := ParseMonth(month)
	if err != nil {
		return "", err
	}
	return t.AddDate(0, -1, 0).Format("2006-01"), nil
}

// FormatDateVN writes yyyy-mm-dd as dd/mm/yyyy, the way dates are written on screen and paper.
func FormatDateVN(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return t.Format("02/01/2006")
}

// Validate checks the rules that concern s alone: a cell, a date that lies in the month,
// a start time and a place. The rule "one regular meeting per cell per month" needs the
// other schedules and is checked by the store in the transaction that writes s.
func (s *Schedule) Validate() error {
	if s.CellID == "" {
		return Errorf(EInvalid, "cellId", "Chưa chọn chi bộ.", "No cell chosen.")
	}
	m, err := ParseMonth(s.Month)
	if err != nil {
		return err
	}
	if s.Date == "" {
		return Errorf(EInvalid, "date", "Chưa nhập ngày sinh hoạt.", "The meeting date is required.")
	}
	d, err := time.Parse("2006-01-02", s.Date)
	if err != nil {
		return Errorf(EInvalid, "date", "Ngày sinh hoạt “%s” không hợp lệ.", "Invalid meeting date “%s”.", s.Date)
	}
	if d.Year() != m.Year() || d.Month() != m.Month() {
		return Errorf(EInvalid, "date", "Ngày sinh hoạt %s không thuộc tháng %s.", "The meeting date %s is not in month %s.",
			FormatDateVN(s.Date), m.Format("01/2006"))
	}
	if s.StartTime == "" {
		return Errorf(EInvalid, "startTime", "Chưa nhập giờ bắt đầu.", "The start time is required.")
	}
	if _, err := time.Parse("15:04", s.StartTime); err != nil || len(s.StartTime) != 5 {
		return Errorf(EInvalid, "startTime", "Giờ bắt đầu “%s” không hợp lệ (cần dạng 07:30).", "Invalid start time “%s” (want 07:30).", s.StartTime)
	}
	if s.Place == "" {
		return Errorf(EInvalid, "place", "Chưa nhập địa điểm sinh hoạt.", "The meeting place is required.")
	}
	if len([]rune(s.Place)) > 300 {
		return Errorf(EInvalid, "place", "Địa điểm dài quá 300 ký tự.", "The place is longer than 300 characters.")
	}
	switch s.Kind {
	case MeetingRegular, MeetingThematic:
	default:
		return Errorf(EInvalid, "kind", "Loại sinh hoạt phải là thường kỳ hoặc chuyên đề.", "The meeting kind must be regular or thematic.")
	}
	switch s.Status {
	case ScheduleDraft, SchedulePublished, ScheduleCancelled:
	default:
		return Errorf(EInvalid, "status", "Trạng thái lịch không hợp lệ.", "Unknown schedule status.")
	}
	return nil
}

// ChangedForAttendees reports whether going from old to s is a change the attendees of a
// published schedule must be told about: a new date, time or place, or a cancellation.
func (s *Schedule) ChangedForAttendees(old Schedule) bool {
	if old.Status != SchedulePublished && !old.ChangedAfterPublish {
		return false
	}
	return s.Date != old.Date || s.StartTime != old.StartTime || s.Place != old.Place ||
		(s.Status == ScheduleCancelled && old.Status != ScheduleCancelled)
}

// ErrSecondRegular is the error for a second regular meeting of a cell in one month.
func ErrSecondRegular(cellName, month string) *Error {
	return Errorf(EInvalid, "kind", "Chi bộ “%s” đã có lịch sinh hoạt thường kỳ trong tháng %s; mỗi tháng chỉ một buổi thường kỳ.",
		"Cell “%s” already has a regular meeting in %s; one regular meeting a month.", cellName, month)
}

// Coverage counts, for one month, the cells that have a schedule and those that do not.
type Coverage struct {
	Cells     int `json:"cells"`
	Scheduled int `json:"scheduled"` // cells with a regular meeting that is not cancelled
	Published int `json:"published"`
	Missing   int `json:"missing"`
	// Duplicates counts cells with two regular meetings in the month: the store refuses
	// that, but two devices that registered offline can both have done it before a sync.
	Duplicates int `json:"duplicates"`
}

// Vietnam is the zone of every date a user sees: UTC+7 all year (no daylight saving), so a
// fixed zone is exact and needs no time zone database (Windows PCs may lack one).
var Vietnam = time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)

// LocalDate returns the day, yyyy-mm-dd in Vietnam, of an RFC 3339 timestamp stored in
// UTC: a report submitted at 06:30 local time (23:30 UTC the day before) is dated that day.
// A value that is not a timestamp is returned cut to its first ten characters.
func LocalDate(ts string) string {
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return ts[:min(10, len(ts))]
	}
	return t.In(Vietnam).Format("2006-01-02")
}
