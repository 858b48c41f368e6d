package domain

import (
	"strings"
	"time"
)

// Matters followed to a result (issue 11): "76 đảng bộ, chi bộ đã lựa chọn, đăng ký 127
// việc cấp bách, bức xúc"; "22 xã, thị trấn tổ chức đối thoại với các tầng lớp nhân dân".

// MatterSource is where a matter comes from.
type MatterSource string

const (
	SourceUrgent   MatterSource = "urgent"   // việc cấp bách, bức xúc registered for the year
	SourceDialogue MatterSource = "dialogue" // an issue raised at a dialogue or reception
	SourceBriefing MatterSource = "briefing" // a direction of a cluster briefing
	SourceConcern  MatterSource = "concern"  // members' concerns forwarded from a visit report
)

// MatterState is where a matter stands.
type MatterState string

const (
	MatterRegistered  MatterState = "registered"
	MatterInProgress  MatterState = "in_progress"
	MatterResolved    MatterState = "resolved"
	MatterPartly      MatterState = "partly"
	MatterNotResolved MatterState = "not_resolved"
)

// Final reports whether the state is a result.
func (s MatterState) Final() bool {
	return s == MatterResolved || s == MatterPartly || s == MatterNotResolved
}

// MatterDecision is the committee's decision on a registered matter.
type MatterDecision string

const (
	MatterAccepted MatterDecision = "accepted"
	MatterReturned MatterDecision = "returned"
)

// Milestone is a dated step of a matter's plan.
type Milestone struct {
	Date string `json:"date"`
	What string `json:"what"`
}

// MatterUpdate is one recorded step of a matter.
type MatterUpdate struct {
	ID    string      `json:"id"`
	Date  string      `json:"date"`
	State MatterState `json:"state"`
	Note  string      `json:"note"`
	By    string      `json:"by"`
	At    string      `json:"at"`
}

// Matter is one followed matter.
type Matter struct {
	ID          string       `json:"id"`
	Source      MatterSource `json:"source"`
	UnitID      string       `json:"unitId"`
	UnitName    string       `json:"unitName,omitempty"`
	CommuneID   string       `json:"communeId"`
	CommuneName string       `json:"communeName,omitempty"`
	Year        int          `json:"year"`
	Title       string       `json:"title"`
	Expected    string       `json:"expected"`
	Lead        string       `json:"lead"`
	Deadline    string       `json:"deadline"`
	Milestones  []Milestone  `json:"milestones"`
	Topic       string       `json:"topic"`
	RaisedBy    string       `json:"raisedBy"`
	ForwardedTo string       `json:"forwardedTo"`
	DialogueID  string       `json:"dialogueId"`
	BriefingID  string       `json:"briefingId"`
	ReportID    string       `json:"reportId"` // the visit report whose members' concern it is
	// NoticeNumber is, for a remediation item shown in the tracker, its notice's number.
	NoticeNumber string         `json:"noticeNumber,omitempty"`
	State        MatterState    `json:"state"`
	Result       string         `json:"result"`
	Evidence     string         `json:"evidence"`
	CreatedAt    string         `json:"createdAt"`
	Decision     MatterDecision `json:"decision"` // "" until the committee decides
	Comment      string         `json:"comment"`
	DecidedBy    string         `json:"decidedBy"`
	Updates      []MatterUpdate `json:"updates"`
	Overdue      bool           `json:"overdue"`
	SyncState    SyncState      `json:"syncState"`
}

// Validate checks the matter alone.
func (m *Matter) Validate() error {
	switch m.Source {
	case SourceUrgent, SourceDialogue, SourceBriefing, SourceConcern:
	default:
		return Errorf(EInvalid, "source", "Nguồn của việc không hợp lệ.", "Unknown source of the matter.")
	}
	if strings.TrimSpace(m.Title) == "" {
		return Errorf(EInvalid, "title", "Cần ghi nội dung của việc.", "The matter needs its content.")
	}
	if m.Deadline != "" {
		if _, err := time.Parse("2006-01-02", m.Deadline); err != nil {
			return Errorf(EInvalid, "deadline", "Thời hạn không hợp lệ (ngày/tháng/năm).", "Invalid deadline.")
		}
	}
	return nil
}

// IsOverdue: not yet resolved after its deadline (today is yyyy-mm-dd in Vietnam).
func (m Matter) IsOverdue(today string) bool {
	return !m.State.Final() && m.Deadline != "" && m.Deadline < today
}

// DialogueKind tells a dialogue from a citizen reception.
type DialogueKind string

const (
	DialogueMeeting DialogueKind = "dialogue"  // đối thoại trực tiếp với nhân dân
	Reception       DialogueKind = "reception" // tiếp công dân
)

// Dialogue is a dialogue with the people or a citizen reception of a commune.
type Dialogue struct {
	ID           string       `json:"id"`
	CommuneID    string       `json:"communeId"`
	Kind         DialogueKind `json:"kind"`
	Date         string       `json:"date"`
	Place        string       `json:"place"`
	Chair        string       `json:"chair"`
	Participants string       `json:"participants"`
	Note         string       `json:"note"`
	SyncState    SyncState    `json:"syncState"`
}

// Validate checks the dialogue alone.
func (d *Dialogue) Validate() error {
	if d.Kind != DialogueMeeting && d.Kind != Reception {
		return Errorf(EInvalid, "kind", "Chọn đối thoại hoặc tiếp công dân.", "Choose a dialogue or a reception.")
	}
	if _, err := time.Parse("2006-01-02", d.Date); err != nil {
		return Errorf(EInvalid, "date", "Ngày không hợp lệ (ngày/tháng/năm).", "Invalid date.")
	}
	return nil
}

// DialogueTopics is the configurable list of topics the article names, in its order.
var DialogueTopics = []string{"Bảo vệ môi trường", "An toàn vệ sinh thực phẩm", "Tái cơ cấu ngành nông nghiệp", "Xây dựng nông thôn mới",
	"Đất đai", "Chính sách xã hội", "Khác"}

// ReceptionDaysPerMonth is Kết luận 215 (2025): the commune head receives citizens at
// least two days a month.
const ReceptionDaysPerMonth = 2

// BriefingReport is what one commune present reported at a cluster briefing.
type BriefingReport struct {
	CommuneID string `json:"communeId"`
	Text      string `json:"text"`
}

// Briefing is a cluster briefing (giao ban cụm xã).
type Briefing struct {
	ID        string           `json:"id"`
	ClusterID string           `json:"clusterId"`
	Date      string           `json:"date"`
	Place     string           `json:"place"`
	Chair     string           `json:"chair"`
	Reports   []BriefingReport `json:"reports"`
	Note      string           `json:"note"`
}
