package domain

import (
	"strings"
	"unicode"
)

// CommuneKind is the administrative kind of a commune-level locality.
type CommuneKind string

const (
	CommuneXa      CommuneKind = "xa"       // xã
	CommuneThiTran CommuneKind = "thi_tran" // thị trấn
	CommunePhuong  CommuneKind = "phuong"   // phường
	CommuneDacKhu  CommuneKind = "dac_khu"  // đặc khu: an island commune-level unit since 2025
)

// Word is the kind as names write it ("Đảng bộ đặc khu …"), "" for a kind that is none.
func (k CommuneKind) Word() string {
	switch k {
	case CommuneXa:
		return "xã"
	case CommunePhuong:
		return "phường"
	case CommuneDacKhu:
		return "đặc khu"
	case CommuneThiTran:
		return "thị trấn"
	}
	return ""
}

// Commune is a commune-level unit (xã, phường, đặc khu; before 2025 also thị trấn) with its area and cluster.
type Commune struct {
	ID        string      `json:"id"`
	Name      string      `json:"name"`
	Kind      CommuneKind `json:"kind"`
	AreaID    string      `json:"areaId"`    // tiểu khu
	ClusterID string      `json:"clusterId"` // cụm xã
	Status    UnitStatus  `json:"status"`
	// MergedIntoID is the commune this one became part of (status merged), kept so that
	// its records stay readable under its old name.
	MergedIntoID string    `json:"mergedIntoId,omitempty"`
	SyncState    SyncState `json:"syncState"`
}

// Area is a group of communes (tiểu khu) that one Standing Committee member is in charge of.
type Area struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Cluster is a group of communes (cụm xã) that meets for cluster briefings.
type Cluster struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Role is what an official does, which decides what the official sees and writes.
type Role string

const (
	RoleStandingBoard     Role = "standing_board"     // Thường trực Huyện ủy
	RoleStandingCommittee Role = "standing_committee" // Ủy viên Ban Thường vụ, in charge of an area
	RoleDistrictCommittee Role = "district_committee" // Huyện ủy viên, in charge of a commune
	RoleOrgBoard          Role = "org_board"          // Ban Tổ chức Huyện ủy
	RoleDistrictCadre     Role = "district_cadre"     // cán bộ, chuyên viên cấp huyện, assigned to a commune
	RoleCommuneOffice     Role = "commune_office"     // văn phòng đảng ủy xã, thị trấn
)

// Roles lists every role in display order.
var Roles = []Role{RoleStandingBoard, RoleStandingCommittee, RoleDistrictCommittee, RoleOrgBoard, RoleDistrictCadre, RoleCommuneOffice}

// NeedsArea and NeedsCommune say which assignment a role requires.
func (r Role) NeedsArea() bool { return r == RoleStandingCommittee }
func (r Role) NeedsCommune() bool {
	return r == RoleDistrictCommittee || r == RoleDistrictCadre || r == RoleCommuneOffice
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Official is a person who supervises or is supervised, with a role and an assignment.
type Official struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Title     string `json:"title"` // chức vụ, free text
	Role      Role   `json:"role"`
	AreaID    string `json:"areaId"`
	CommuneID string `json:"communeId"`
	// CommitteeID is the commune committee (a unit) the role is held in: its standing
	// members and members attend that commune's cells. "" = the top committee.
	CommitteeID string    `json:"committeeId"`
	Active      bool      `json:"active"`
	SyncState   SyncState `json:"syncState"`
}

// clean collapses each run of white space to one space and trims both ends. Text that is
// clean already comes back as it is, without allocating: every pulled record is checked.
func clean(s string) string {
	space := true // at the start, a space would be trimmed
	for _, r := range s {
		isSpace := unicode.IsSpace(r)
		if isSpace && (r != ' ' || space) {
			return strings.Join(strings.Fields(s), " ")
		}
		space = isSpace
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// Normalize trims c's text; Validate checks the rules that concern c alone.
func (c *Commune) Normalize() {
	c.Name = clean(c.Name)
	if c.Status == "" {
		c.Status = StatusActive
	}
}

func (c *Commune) Validate() error {
	if c.Name == "" {
		return Errorf(EInvalid, "name", "Tên xã, phường không được để trống.", "The commune name must not be empty.")
	}
	if c.Kind.Word() == "" {
		return Errorf(EInvalid, "kind", "Loại đơn vị hành chính phải là xã, phường, đặc khu hoặc thị trấn.", "The kind must be commune, ward, special zone or town.")
	}
	return nil
}

// Normalize trims o's text; Validate checks the rules that concern o alone.
func (o *Official) Normalize() {
	o.Name = clean(o.Name)
	o.Title = clean(o.Title)
}

func (o *Official) Validate() error {
	if o.Name == "" {
		return Errorf(EInvalid, "name", "Họ tên cán bộ không được để trống.", "The official's name must not be empty.")
	}
	if !o.Role.Valid() {
		return Errorf(EInvalid, "role", "Vai trò không hợp lệ.", "Unknown role.")
	}
	if o.CommitteeID != "" {
		// A commune committee's roles are all bound to its commune, and to no area.
		if o.CommuneID == "" {
			return Errorf(EInvalid, "communeId", "Cán bộ của đảng ủy xã phải thuộc xã của đảng ủy đó.", "A commune committee's official belongs to its commune.")
		}
		return nil
	}
	if o.Role.NeedsArea() && o.AreaID == "" {
		return Errorf(EInvalid, "areaId", "Ủy viên Ban Thường vụ phải được phân công phụ trách một tiểu khu.", "A Standing Committee member must be assigned an area.")
	}
	if o.Role.NeedsCommune() && o.CommuneID == "" {
		return Errorf(EInvalid, "communeId", "Vai trò này phải được phân công một xã, phường.", "This role must be assigned a commune.")
	}
	return nil
}

// ValidateName checks the name of an area or a cluster; whatVi and whatEn name the thing.
func ValidateName(name, whatVi, whatEn string) error {
	if clean(name) == "" {
		return &Error{Code: EInvalid, Field: "name", Message: "Tên " + whatVi + " không được để trống.",
			MessageEN: "The " + whatEn + " name must not be empty."}
	}
	return nil
}
