package domain

import (
	"fmt"
	"strings"
)

// VisitStatus is where a planned visit stands.
type VisitStatus string

const (
	VisitPlanned   VisitStatus = "planned"   // chosen; the cell is not told
	VisitAttended  VisitStatus = "attended"  // the official went; the report is being written
	VisitReported  VisitStatus = "reported"  // the report was submitted
	VisitCancelled VisitStatus = "cancelled" // the official will not go
)

// Visit is a district official's plan to attend one scheduled cell meeting unannounced
// (dự sinh hoạt chi bộ, không báo trước). It is confidential for good: it carries
// restricted = 1 and is never sent to any commune office, even after the report; what a
// commune receives is a separate VisitRelease.
//
// The introduction letter's number lives on the visit so that the letter and its visit
// cannot be split by a sync; only the district Standing Office's device assigns it (see
// LetterNumber and docs/access.md, "Visits").
type Visit struct {
	ID         string `json:"id"`
	ScheduleID string `json:"scheduleId"`
	CellID     string `json:"cellId"`
	CommuneID  string `json:"communeId"`
	OfficialID string `json:"officialId"`
	// CommitteeID is the committee whose plan this is: the official's commune committee,
	// or "" for the top committee's. Only that committee's and the top's roles read it.
	CommitteeID  string      `json:"committeeId"`
	Date         string      `json:"date"` // the meeting's date when planned, yyyy-mm-dd
	Status       VisitStatus `json:"status"`
	Note         string      `json:"note"`
	LetterYear   int         `json:"letterYear"`   // 0 until a letter is issued
	LetterSeq    int         `json:"letterSeq"`    // 1, 2, … per year
	LetterSymbol string      `json:"letterSymbol"` // GGT/HU
	LetterDate   string      `json:"letterDate"`   // yyyy-mm-dd
	// Read-only, for display.
	CellName     string `json:"cellName,omitempty"`
	CommuneName  string `json:"communeName,omitempty"`
	OfficialName string `json:"officialName,omitempty"`
	StartTime    string `json:"startTime,omitempty"`
	Place        string `json:"place,omitempty"`
	// The meeting as its schedule now stands, so that a visit planned before the commune
	// moved or cancelled the meeting shows the change.
	MeetingDate    string         `json:"meetingDate,omitempty"`
	MeetingStatus  ScheduleStatus `json:"meetingStatus,omitempty"`
	MeetingChanged bool           `json:"meetingChanged,omitempty"`
	SyncState      SyncState      `json:"syncState"`
}

// DefaultLetterSymbol is the document symbol of an introduction letter of a district
// committee (GGT: giấy giới thiệu, HU: Huyện ủy). A district can set its own.
const DefaultLetterSymbol = "GGT/HU"

// LetterNumber is the letter's number and symbol as printed: "15-GGT/HU", numbers below 10
// with a leading zero ("01-GGT/HU") as party documents are numbered from 01. "" when no
// letter was issued.
func (v Visit) LetterNumber() string {
	if v.LetterSeq == 0 {
		return ""
	}
	return FormatLetterNumber(v.LetterSeq, v.LetterSymbol)
}

// FormatLetterNumber formats a letter's sequence number with its symbol.
func FormatLetterNumber(seq int, symbol string) string {
	if symbol == "" {
		symbol = DefaultLetterSymbol
	}
	return fmt.Sprintf("%02d-%s", seq, symbol)
}

// Normalize trims v's text and fills the default status.
func (v *Visit) Normalize() {
	v.Note = strings.TrimSpace(v.Note)
	if v.Status == "" {
		v.Status = VisitPlanned
	}
}

// Validate checks the rules that concern v alone.
func (v *Visit) Validate() error {
	if v.ScheduleID == "" {
		return Errorf(EInvalid, "scheduleId", "Chưa chọn buổi sinh hoạt.", "No meeting chosen.")
	}
	if v.OfficialID == "" {
		return Errorf(EInvalid, "officialId", "Chưa chọn cán bộ dự sinh hoạt.", "No attending official chosen.")
	}
	switch v.Status {
	case VisitPlanned, VisitAttended, VisitReported, VisitCancelled:
	default:
		return Errorf(EInvalid, "status", "Trạng thái không hợp lệ.", "Unknown visit status.")
	}
	return nil
}

// CanPlan says whether an official may plan a visit to a schedule: only a published,
// not cancelled meeting can be chosen.
func CanPlan(s Schedule) error {
	switch s.Status {
	case SchedulePublished:
		return nil
	case ScheduleCancelled:
		return Errorf(EInvalid, "scheduleId", "Buổi sinh hoạt này đã bị hủy.", "This meeting was cancelled.")
	}
	return Errorf(EInvalid, "scheduleId", "Lịch sinh hoạt này chưa được gửi.", "This schedule has not been published.")
}

// VisitClash is two or more officials who chose the same meeting: the Standing Board and
// the Organization Board are warned so that they can spread the visits.
type VisitClash struct {
	ScheduleID    string   `json:"scheduleId"`
	Date          string   `json:"date"`
	CellName      string   `json:"cellName"`
	CommuneName   string   `json:"communeName"`
	OfficialNames []string `json:"officialNames"`
}

// VisitRelease is the part of a visit that its commune office may see, written when the
// report is submitted: the date, the official and the feedback given on the spot; the
// internal assessment only after the district releases it.
type VisitRelease struct {
	ID           string    `json:"id"`
	ReportID     string    `json:"reportId"`
	CellID       string    `json:"cellId"`
	CommuneID    string    `json:"communeId"`
	Date         string    `json:"date"`
	OfficialName string    `json:"officialName"`
	Feedback     string    `json:"feedback"`   // ý kiến góp ý tại buổi sinh hoạt
	Assessment   string    `json:"assessment"` // "" until the district releases it
	CellName     string    `json:"cellName,omitempty"`
	SyncState    SyncState `json:"syncState"`
}

// MayAttend says whether official o may choose a meeting of a cell of the commune
// communeID in area areaID: the Standing Board (and the Organization Board, which runs the
// rounds) any cell, a Standing Committee member the communes of his area, a District
// Committee member and a district cadre their commune; an official of a commune's own
// committee (Đảng ủy xã, since 2025) that commune's cells; a commune office never.
func MayAttend(o Official, communeID, areaID string) error {
	if !o.Active {
		return Errorf(EInvalid, "officialId", "Cán bộ “%s” không còn hoạt động.", "Official “%s” is no longer active.", o.Name)
	}
	ok := false
	switch {
	case o.Role == RoleCommuneOffice:
	case o.CommitteeID != "":
		// A commune committee's standing members and members attend its own cells.
		ok = o.CommuneID != "" && o.CommuneID == communeID
	default:
		ok = mayAttendForTop(o, communeID, areaID)
	}
	if !ok {
		return Errorf(EForbidden, "officialId", "Cán bộ “%s” không phụ trách chi bộ này nên không thể chọn dự sinh hoạt.",
			"Official “%s” is not in charge of this cell and cannot choose to attend it.", o.Name)
	}
	return nil
}

func mayAttendForTop(o Official, communeID, areaID string) bool {
	ok := false
	switch o.Role {
	case RoleStandingBoard, RoleOrgBoard:
		ok = true
	case RoleStandingCommittee:
		ok = o.AreaID != "" && o.AreaID == areaID
	case RoleDistrictCommittee, RoleDistrictCadre:
		ok = o.CommuneID != "" && o.CommuneID == communeID
	}
	return ok
}

// DocumentHeader is the identity of the issuing body printed at the top of every paper,
// and the letters' signer. All of it is data: a district sets its own.
type DocumentHeader struct {
	ParentBody     string `json:"parentBody"`     // ĐẢNG BỘ TỈNH NINH BÌNH
	IssuingBody    string `json:"issuingBody"`    // HUYỆN ỦY KIM SƠN
	IssuerName     string `json:"issuerName"`     // Huyện ủy Kim Sơn, as running text writes it
	Place          string `json:"place"`          // Kim Sơn (for "Kim Sơn, ngày …")
	SignerCapacity string `json:"signerCapacity"` // T/M BAN THƯỜNG VỤ
	SignerTitle    string `json:"signerTitle"`    // PHÓ BÍ THƯ
	SignerName     string `json:"signerName"`
}

// KimSonHeader is the header of the demo district, the default until a district sets its own.
func KimSonHeader() DocumentHeader {
	return DocumentHeader{ParentBody: "ĐẢNG BỘ TỈNH NINH BÌNH", IssuingBody: "HUYỆN ỦY KIM SƠN", IssuerName: "Huyện ủy Kim Sơn",
		Place: "Kim Sơn", SignerCapacity: "T/M BAN THƯỜNG VỤ", SignerTitle: "PHÓ BÍ THƯ"}
}

// VisitFacts is what the papers of a visit need besides the visit itself.
type VisitFacts struct {
	Visit         Visit  `json:"visit"`
	OfficialTitle string `json:"officialTitle"`
	ParentName    string `json:"parentName"` // the cell's committee
}

// MeetingDay is the day of the meeting the visit attends: the schedule's date, else the
// date the visit was planned for.
func (v Visit) MeetingDay() string {
	if v.MeetingDate != "" {
		return v.MeetingDate
	}
	return v.Date
}

// HasHappened reports whether the meeting's day has come (today is yyyy-mm-dd in Vietnam).
func (v Visit) HasHappened(today string) bool { return v.MeetingDay() == "" || v.MeetingDay() <= today }

// CanReport: a visit is reported once its meeting has taken place, never before.
func (v Visit) CanReport(today string) error {
	if !v.HasHappened(today) {
		return Errorf(EInvalid, "", "Buổi sinh hoạt ngày %s chưa diễn ra; chỉ nộp báo cáo sau khi đã dự.",
			"The meeting of %s has not taken place yet; a report is submitted after attending it.", FormatDateVN(v.MeetingDay()))
	}
	return nil
}
