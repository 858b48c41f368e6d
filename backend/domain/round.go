package domain

import (
	"fmt"
	"strings"
	"time"
)

// The round's results (issue 10): after each round of visits the committee holds a
// conference, issues a conclusion notice naming the organizations that did well and those
// with shortcomings, and follows every shortcoming until it is remedied (Quy định 366:
// an organization is rated Xuất sắc only if every earlier shortcoming was remedied).

// Remark is one official's remarks and proposed solutions at the conference.
type Remark struct {
	Official  string `json:"official"`
	Remarks   string `json:"remarks"`
	Solutions string `json:"solutions"`
}

// Conference is the committee's conference after a round (hội nghị).
type Conference struct {
	ID          string    `json:"id"`
	CommitteeID string    `json:"committeeId"`
	CommuneID   string    `json:"communeId"`
	Month       string    `json:"month"`
	Date        string    `json:"date"`
	Place       string    `json:"place"`
	Chair       string    `json:"chair"`
	Present     []string  `json:"present"`
	Remarks     []Remark  `json:"remarks"`
	Note        string    `json:"note"`
	SyncState   SyncState `json:"syncState"`
}

// NoticeStatus is a notice's state: a draft within the committee, or issued (frozen).
type NoticeStatus string

const (
	NoticeDraft  NoticeStatus = "draft"
	NoticeIssued NoticeStatus = "issued"
)

// NoticeUnit is an organization the notice names as having done well.
type NoticeUnit struct {
	UnitID string `json:"unitId"`
	Name   string `json:"name"`
	Note   string `json:"note"`
}

// Shortcoming is one thing an organization must fix, and by when.
type Shortcoming struct {
	ID   string `json:"id"` // stable within the notice: the remediation item's id derives from it
	Text string `json:"text"`
	Fix  string `json:"fix"`
	Due  string `json:"due"` // yyyy-mm-dd
}

// NoticeShortcomings are an organization's shortcomings in a notice.
type NoticeShortcomings struct {
	UnitID string        `json:"unitId"`
	Name   string        `json:"name"`
	Items  []Shortcoming `json:"items"`
}

// Notice is the conclusion notice of a round (Thông báo kết luận).
type Notice struct {
	ID           string               `json:"id"`
	CommitteeID  string               `json:"committeeId"`
	CommuneID    string               `json:"communeId"`
	Month        string               `json:"month"`
	Status       NoticeStatus         `json:"status"`
	Number       int                  `json:"number"`    // from 01 within the committee's term, at issue
	TermStart    int                  `json:"termStart"` // the year the term began
	Symbol       string               `json:"symbol"`    // TB/HU
	Date         string               `json:"date"`      // yyyy-mm-dd, local, at issue
	Assessment   string               `json:"assessment"`
	DidWell      []NoticeUnit         `json:"didWell"`
	Shortcomings []NoticeShortcomings `json:"shortcomings"`
	Directions   string               `json:"directions"`
	Recipients   []string             `json:"recipients"`
	Replaces     string               `json:"replaces"` // the notice this one corrects
	IssuedAt     string               `json:"issuedAt"`
	IssuedBy     string               `json:"issuedBy"`
	SyncState    SyncState            `json:"syncState"`
}

// NoticeNumber is the notice's number as printed: "45-TB/HU", from 01.
func (n Notice) NoticeNumber() string {
	if n.Number == 0 {
		return ""
	}
	return fmt.Sprintf("%02d-%s", n.Number, n.Symbol)
}

// TermStart is the first year of the party term a date falls in: local congresses open
// the terms 2015–2020, 2020–2025, 2025–2030, so a term starts in a year divisible by five.
// A committee whose congress fell otherwise sets its own (the profile's termStart).
func TermStart(date string) int {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return 0
	}
	return t.Year() - t.Year()%5
}

// Validate checks the notice alone.
func (n *Notice) Validate() error {
	if _, err := ParseMonth(n.Month); err != nil {
		return err
	}
	switch n.Status {
	case NoticeDraft:
	case NoticeIssued:
		if n.Number < 1 {
			return Errorf(EInvalid, "number", "Thông báo đã ban hành phải có số.", "An issued notice must have a number.")
		}
	default:
		return Errorf(EInvalid, "status", "Trạng thái thông báo không hợp lệ.", "Unknown notice status.")
	}
	seen := map[string]bool{}
	for _, u := range n.Shortcomings {
		if u.UnitID == "" {
			return Errorf(EInvalid, "shortcomings", "Mỗi đơn vị còn hạn chế phải là một tổ chức đảng.", "Each organization with shortcomings must be a party organization.")
		}
		for _, it := range u.Items {
			if strings.TrimSpace(it.Text) == "" {
				return Errorf(EInvalid, "shortcomings", "Hạn chế của “%s” không được để trống.", "A shortcoming of “%s” must not be empty.", u.Name)
			}
			if it.ID == "" || seen[it.ID] {
				return Errorf(EInvalid, "shortcomings", "Mỗi hạn chế phải có mã riêng.", "Each shortcoming needs its own id.")
			}
			seen[it.ID] = true
			if it.Due != "" {
				if _, err := time.Parse("2006-01-02", it.Due); err != nil {
					return Errorf(EInvalid, "shortcomings", "Hạn khắc phục “%s” không hợp lệ (ngày/tháng/năm).", "The due date “%s” is invalid.", it.Due)
				}
			}
		}
	}
	return nil
}

// CanIssue: a draft with an assessment is issued; an issued notice never changes (a
// correction is a new notice that replaces it).
func (n Notice) CanIssue() error {
	if n.Status == NoticeIssued {
		return Errorf(EConflict, "status", "Thông báo đã ban hành, không sửa được; hãy lập thông báo mới thay thế.",
			"The notice is issued and cannot change; make a new notice that replaces it.")
	}
	if strings.TrimSpace(n.Assessment) == "" {
		return Errorf(EInvalid, "assessment", "Cần ghi đánh giá chung trước khi ban hành.", "Write the general assessment before issuing.")
	}
	return nil
}

// Verdict is the official's verification of a remedy.
type Verdict string

const (
	Remedied       Verdict = "remedied"
	PartlyRemedied Verdict = "partly"
	NotRemedied    Verdict = "not_remedied"
)

// RemediationReport is what the organization's office reports it did.
type RemediationReport struct {
	ID       string `json:"id"`
	ItemID   string `json:"itemId"`
	Date     string `json:"date"`
	Actions  string `json:"actions"`
	Evidence string `json:"evidence"`
	By       string `json:"by"`
	At       string `json:"at"`
}

// RemediationItem is one shortcoming followed to its remedy, with what was reported and
// the official's verdict.
type RemediationItem struct {
	ID           string              `json:"id"`
	NoticeID     string              `json:"noticeId"`
	NoticeNumber string              `json:"noticeNumber"`
	UnitID       string              `json:"unitId"`
	UnitName     string              `json:"unitName"`
	CommuneID    string              `json:"communeId"`
	CommitteeID  string              `json:"committeeId"`
	Shortcoming  string              `json:"shortcoming"`
	Fix          string              `json:"fix"`
	Due          string              `json:"due"`
	Reports      []RemediationReport `json:"reports"`
	Verdict      Verdict             `json:"verdict"` // "" until verified
	Comment      string              `json:"comment"`
	VerifiedBy   string              `json:"verifiedBy"`
	VerifiedAt   string              `json:"verifiedAt"`
	Overdue      bool                `json:"overdue"`
	SyncState    SyncState           `json:"syncState"`
}

// Open reports whether the item still waits for its remedy.
func (it RemediationItem) Open() bool { return it.Verdict != Remedied }

// IsOverdue: open after its due date (today is yyyy-mm-dd in Vietnam).
func (it RemediationItem) IsOverdue(today string) bool {
	return it.Open() && it.Due != "" && it.Due < today
}

// ValidVerdict reports whether v is known.
func (v Verdict) Valid() bool { return v == Remedied || v == PartlyRemedied || v == NotRemedied }
