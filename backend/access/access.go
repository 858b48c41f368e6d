// Package access decides what an account may read and write. The server computes an
// account's Scope from the account alone (role and assignment), never from request
// parameters, and classifies every record into a Class; a record is sent to a device iff
// the device's scope Reads its class, and a change is applied iff the scope Writes the
// record's class both before and after the change. docs/access.md is the matrix in words.
//
// The package is pure (no I/O) so the whole matrix is tested as a table.
package access

import (
	"crypto/sha256"
	"encoding/hex"
)

// Roles, as domain.Role (kept as strings here so this package depends on nothing).
const (
	StandingBoard     = "standing_board"
	StandingCommittee = "standing_committee"
	DistrictCommittee = "district_committee"
	OrgBoard          = "org_board"
	DistrictCadre     = "district_cadre"
	CommuneOffice     = "commune_office"
)

// Roles lists every role.
var Roles = []string{StandingBoard, StandingCommittee, DistrictCommittee, OrgBoard, DistrictCadre, CommuneOffice}

// ValidRole reports whether role is known.
func ValidRole(role string) bool {
	for _, r := range Roles {
		if r == role {
			return true
		}
	}
	return false
}

// NeedsArea and NeedsCommune say which assignment a role requires.
func NeedsArea(role string) bool { return role == StandingCommittee }
func NeedsCommune(role string) bool {
	return role == DistrictCommittee || role == DistrictCadre || role == CommuneOffice
}

// Audience says who may see a record that belongs to no commune.
const (
	AudienceAll      = "all"      // every role: the commune list, areas, clusters, supervising committees
	AudienceDistrict = "district" // district roles only: district agencies' units and cells
)

// Class is what access needs to know of a record: the commune it belongs to ("" for a
// district-wide record), that commune's area, its audience and whether it is restricted.
type Class struct {
	CommuneID  string
	AreaID     string
	Audience   string
	Restricted bool
	Locked     bool // written by the boards only (a locked month's score sheet)
}

// Visibility is the part of a class that decides who reads the record: a change of it is
// what sends REMOVE to devices that lose the record.
func (c Class) Visibility() Class { c.Locked = false; return c }

// Scope is what one account may read and write.
type Scope struct {
	Role      string
	AreaID    string // standing_committee
	CommuneID string // district_committee, district_cadre, commune_office
}

// District reports whether the role belongs to the district committee's side (every role
// but the commune office). Restricted records are visible to district roles only.
func (s Scope) District() bool { return s.Role != CommuneOffice && s.Role != "" }

// Fingerprint identifies the scope. A pull cursor carries it: when an account's role or
// assignment changes, its old cursors no longer match and the device is told to reset.
func (s Scope) Fingerprint() string {
	h := sha256.Sum256([]byte(s.Role + "|" + s.AreaID + "|" + s.CommuneID))
	return hex.EncodeToString(h[:6])
}

// covers reports whether a commune-bound record of class c is within the scope's communes.
func (s Scope) covers(c Class) bool {
	switch s.Role {
	case StandingBoard, OrgBoard:
		return true
	case StandingCommittee:
		return s.AreaID != "" && c.AreaID == s.AreaID
	case DistrictCommittee, DistrictCadre, CommuneOffice:
		return s.CommuneID != "" && c.CommuneID == s.CommuneID
	}
	return false
}

// Reads reports whether the scope may receive a record of class c.
func (s Scope) Reads(c Class) bool {
	if !ValidRole(s.Role) {
		return false
	}
	if c.Restricted && !s.District() {
		return false
	}
	if c.CommuneID == "" {
		return c.Audience == AudienceAll || s.District()
	}
	return s.covers(c)
}

// Writes reports whether the scope may write a record of kind with class c. A write must
// be allowed for the record's class before the change (unless new) and after it, so no
// one can move a record into or out of their scope.
func (s Scope) Writes(kind string, c Class) bool {
	if !s.Reads(c) {
		return false
	}
	if s.Role == StandingBoard || s.Role == OrgBoard {
		return true
	}
	if c.Locked {
		return false
	}
	p := PolicyOf(kind)
	for _, r := range p.Writers {
		if r == s.Role {
			// Others write only commune-bound records of their own scope; a commune
			// office never writes a restricted one.
			return c.CommuneID != "" && s.covers(c) && !(c.Restricted && !s.District())
		}
	}
	return false
}

// SQLPredicate returns a WHERE condition over the columns commune_id, area_id, audience
// and restricted (each prefixed with prefix, e.g. "r.") that selects exactly the records
// Reads accepts, with its arguments. It is the same rule as Reads, written for the page
// query; a test checks that the two agree.
func (s Scope) SQLPredicate(prefix string) (string, []any) {
	if !ValidRole(s.Role) {
		return "0", nil
	}
	commune, area, audience := prefix+"commune_id", prefix+"area_id", prefix+"audience"
	restricted := ""
	if !s.District() {
		restricted = " AND " + prefix + "restricted = 0"
	}
	communeless := commune + " = ''"
	if !s.District() {
		communeless = "(" + commune + " = '' AND " + audience + " = 'all')"
	}
	switch s.Role {
	case StandingBoard, OrgBoard:
		return "1", nil
	case StandingCommittee:
		if s.AreaID == "" {
			return communeless + restricted, nil
		}
		return "(" + communeless + " OR (" + commune + " != '' AND " + area + " = ?))" + restricted, []any{s.AreaID}
	default:
		if s.CommuneID == "" {
			return communeless + restricted, nil
		}
		return "(" + communeless + " OR " + commune + " = ?)" + restricted, []any{s.CommuneID}
	}
}
