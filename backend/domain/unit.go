package domain

import "strings"

// UnitKind is the kind of a party organization in the tree.
type UnitKind string

const (
	// KindSupervising is a committee above grassroots level (Huyện ủy, Tỉnh ủy …). It may nest.
	KindSupervising UnitKind = "supervising_committee"
	// KindGrassrootsCommittee is a đảng bộ cơ sở: it has subordinate cells.
	KindGrassrootsCommittee UnitKind = "grassroots_committee"
	// KindGrassrootsCell is a chi bộ cơ sở: a grassroots organization with members, no cells.
	KindGrassrootsCell UnitKind = "grassroots_cell"
	// KindSubordinateCell is a chi bộ trực thuộc đảng bộ cơ sở.
	KindSubordinateCell UnitKind = "subordinate_cell"
)

// UnitStatus says whether a unit still exists.
type UnitStatus string

const (
	StatusActive UnitStatus = "active"
	StatusClosed UnitStatus = "closed" // dissolved; kept so past records still name it
	StatusMerged UnitStatus = "merged" // merged into MergedIntoID; kept for history
)

// SyncState tells a person whether a record has reached the server.
type SyncState string

const (
	SyncLocal   SyncState = "local"   // changed here, not yet acknowledged by the server
	SyncSent    SyncState = "sent"    // every change acknowledged
	SyncRefused SyncState = "refused" // the server refused the last change; see SyncReason
)

// Unit is a party organization: a committee or a cell.
type Unit struct {
	ID           string     `json:"id"`
	ParentID     string     `json:"parentId"`
	Kind         UnitKind   `json:"kind"`
	Name         string     `json:"name"`
	CommuneID    string     `json:"communeId"` // the commune/town the unit belongs to, if any
	Members      int        `json:"members"`   // own members (cells); committees sum their cells
	Probationary int        `json:"probationary"`
	Religious    int        `json:"religious"`
	Status       UnitStatus `json:"status"`
	MergedIntoID string     `json:"mergedIntoId"`
	ClosedOn     string     `json:"closedOn"` // yyyy-mm-dd
	Note         string     `json:"note"`
	SyncState    SyncState  `json:"syncState"`
	SyncReason   string     `json:"syncReason"`
}

// HoldsMembers reports whether members are counted on this kind of unit itself.
func (k UnitKind) HoldsMembers() bool {
	return k == KindGrassrootsCell || k == KindSubordinateCell
}

// Valid reports whether k is a known kind.
func (k UnitKind) Valid() bool {
	switch k {
	case KindSupervising, KindGrassrootsCommittee, KindGrassrootsCell, KindSubordinateCell:
		return true
	}
	return false
}

// Label is the Vietnamese name of the kind.
func (k UnitKind) Label() string {
	switch k {
	case KindSupervising:
		return "cấp ủy cấp trên"
	case KindGrassrootsCommittee:
		return "đảng bộ cơ sở"
	case KindGrassrootsCell:
		return "chi bộ cơ sở"
	case KindSubordinateCell:
		return "chi bộ trực thuộc"
	}
	return string(k)
}

// AllowedParent reports whether a unit of kind child may sit under a unit of kind parent
// ("" for the root).
func AllowedParent(child, parent UnitKind) bool {
	switch child {
	case KindSupervising:
		return parent == "" || parent == KindSupervising
	case KindGrassrootsCommittee, KindGrassrootsCell:
		return parent == KindSupervising
	case KindSubordinateCell:
		return parent == KindGrassrootsCommittee
	}
	return false
}

// Normalize trims the text fields of u.
func (u *Unit) Normalize() {
	u.Name = clean(u.Name)
	u.Note = strings.TrimSpace(u.Note)
	if u.Status == "" {
		u.Status = StatusActive
	}
}

// Validate checks the rules that concern u alone. Rules that need other units (a cycle,
// a duplicate name under one parent, the parent's kind) are checked by the store inside
// the transaction that writes u.
func (u *Unit) Validate() error {
	if !u.Kind.Valid() {
		return Errorf(EInvalid, "kind", "Loại tổ chức đảng không hợp lệ.", "Unknown kind of party organization.")
	}
	if u.Name == "" {
		return Errorf(EInvalid, "name", "Tên tổ chức đảng không được để trống.", "The name of the party organization must not be empty.")
	}
	if len([]rune(u.Name)) > 200 {
		return Errorf(EInvalid, "name", "Tên tổ chức đảng dài quá 200 ký tự.", "The name is longer than 200 characters.")
	}
	if u.Members < 0 || u.Probationary < 0 || u.Religious < 0 {
		return Errorf(EInvalid, "members", "Số đảng viên không được là số âm.", "Member counts must not be negative.")
	}
	if u.Probationary > u.Members {
		return Errorf(EInvalid, "probationary", "Số đảng viên dự bị (%d) không được lớn hơn tổng số đảng viên (%d).",
			"Probationary members (%d) must not exceed the total (%d).", u.Probationary, u.Members)
	}
	if u.Religious > u.Members {
		return Errorf(EInvalid, "religious", "Số đảng viên là người có đạo (%d) không được lớn hơn tổng số đảng viên (%d).",
			"Religious members (%d) must not exceed the total (%d).", u.Religious, u.Members)
	}
	if !u.Kind.HoldsMembers() && (u.Members != 0 || u.Probationary != 0 || u.Religious != 0) {
		return Errorf(EInvalid, "members", "Chỉ chi bộ mới ghi số đảng viên; đảng bộ tính tổng từ các chi bộ.",
			"Only cells hold member counts; committees add up their cells.")
	}
	switch u.Status {
	case StatusActive, StatusClosed, StatusMerged:
	default:
		return Errorf(EInvalid, "status", "Trạng thái không hợp lệ.", "Unknown status.")
	}
	return nil
}

// The rules of a unit's place in the tree that need its stored version, its parent or
// its children: the store reads those inside the transaction that writes u and asks here.

// CheckNew: a new organization starts active.
func (u *Unit) CheckNew() error {
	if u.Status != StatusActive {
		return Errorf(EInvalid, "status", "Tổ chức đảng mới phải ở trạng thái hoạt động.", "A new party organization must be active.")
	}
	return nil
}

// CheckKindChange: an organization with units under it keeps its kind.
func (u *Unit) CheckKindChange(old Unit, children int) error {
	if old.Kind != u.Kind && children > 0 {
		return Errorf(EInvalid, "kind", "Không thể đổi loại của tổ chức đảng đang có đơn vị trực thuộc.", "Cannot change the kind of an organization that has units under it.")
	}
	return nil
}

// CheckParent: an active unit sits under an active parent of an allowed kind (parent nil:
// at the top level).
func (u *Unit) CheckParent(parent *Unit) error {
	var parentKind UnitKind
	if parent != nil {
		if u.Status == StatusActive && parent.Status != StatusActive {
			return Errorf(EInvalid, "parentId", "Tổ chức đảng cấp trên “%s” đã giải thể hoặc sáp nhập.", "The parent organization “%s” is closed or merged.", parent.Name)
		}
		parentKind = parent.Kind
	}
	if AllowedParent(u.Kind, parentKind) {
		return nil
	}
	under, underEN := "cấp cao nhất", "the top level"
	if parentKind != "" {
		under, underEN = parentKind.Label(), string(parentKind)
	}
	label := []rune(u.Kind.Label())
	if len(label) > 0 {
		label = append([]rune(strings.ToUpper(string(label[0]))), label[1:]...)
	}
	return &Error{Code: EInvalid, Field: "parentId", Message: string(label) + " không thể trực thuộc " + under + ".",
		MessageEN: "A " + string(u.Kind) + " cannot sit under " + underEN + "."}
}
