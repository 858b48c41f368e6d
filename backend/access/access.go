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
	"strings"
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

// NeedsArea and NeedsCommune say which assignment a role requires. A role held in a
// commune's committee always needs the commune (its whole scope); at the top committee
// the standing committee member needs his group (area) and the roles bound to one unit
// need their commune.
func NeedsArea(role string) bool { return role == StandingCommittee }
func NeedsCommune(role string) bool {
	return role == DistrictCommittee || role == DistrictCadre || role == CommuneOffice
}

// Audience says who may see a record that belongs to no commune.
const (
	AudienceAll      = "all"      // every role: the commune list, areas, clusters, supervising committees
	AudienceDistrict = "district" // the top committee's roles only: its agencies' units and cells
)

// Class is what access needs to know of a record: the commune it belongs to ("" for a
// record of the top committee), that commune's area, its audience, whether it is
// restricted and, when it is, the committee whose plan it is.
type Class struct {
	CommuneID  string
	AreaID     string
	Audience   string
	Restricted bool
	// Planner is the committee whose official planned a restricted record ("" = the top
	// committee). A restricted record is read by that committee's supervising roles and by
	// the top committee's, never by a committee, office or unit below the planner.
	Planner string
	Locked  bool // written by the top committee's boards only (a locked month's score sheet)
}

// Visibility is the part of a class that decides who reads the record: a change of it is
// what sends REMOVE to devices that lose the record.
func (c Class) Visibility() Class { c.Locked = false; return c }

// Scope is what one account may read and write: a role held in a committee, with its
// assignment. Committees nest two deep on one server: the top committee (a province, or
// a former district) supervises communes, and each commune's own committee (Đảng ủy xã)
// supervises the organizations of that commune.
type Scope struct {
	Role string
	// CommitteeID is the unit id of the commune committee the role is held in; "" = the
	// top committee. CommuneID then is that committee's commune.
	CommitteeID string
	AreaID      string // standing_committee of the top committee
	CommuneID   string // the commune a role is bound to; every role of a commune committee
}

// Supervises reports whether the role is a supervising committee's (every role but a
// commune office): only those read restricted records, and only their planner's.
func (s Scope) Supervises() bool { return s.Role != CommuneOffice && s.Role != "" }

// Top reports whether the role is held in the top committee.
func (s Scope) Top() bool { return s.CommitteeID == "" }

// topBoard: the top committee's Standing Board and Organization Board write everything.
func (s Scope) topBoard() bool { return s.Top() && (s.Role == StandingBoard || s.Role == OrgBoard) }

// Fingerprint identifies the scope. A pull cursor carries it: when an account's role or
// assignment changes, its old cursors no longer match and the device is told to reset.
func (s Scope) Fingerprint() string {
	key := s.Role + "|" + s.AreaID + "|" + s.CommuneID
	if s.CommitteeID != "" {
		key += "|" + s.CommitteeID // unchanged for the top committee's accounts of before
	}
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:6])
}

// covers reports whether a commune-bound record of class c is within the scope's communes.
func (s Scope) covers(c Class) bool {
	if !s.Top() {
		return s.CommuneID != "" && c.CommuneID == s.CommuneID
	}
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

// readsRestricted: a restricted record reaches the supervising roles of its planner and
// of the top committee only.
func (s Scope) readsRestricted(c Class) bool {
	return s.Supervises() && (s.Top() || c.Planner == s.CommitteeID)
}

// Reads reports whether the scope may receive a record of class c.
func (s Scope) Reads(c Class) bool {
	if !ValidRole(s.Role) {
		return false
	}
	if c.Restricted && !s.readsRestricted(c) {
		return false
	}
	if c.CommuneID == "" {
		return c.Audience == AudienceAll || (s.Supervises() && s.Top())
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
	if s.topBoard() {
		return true
	}
	if c.Locked {
		return false
	}
	// A restricted record is written by its planner's roles: the top committee's cadres
	// never write a commune committee's plan, nor does one commune's committee another's.
	if c.Restricted && c.Planner != s.CommitteeID {
		return false
	}
	role := s.Role
	if !s.Top() && (role == StandingBoard || role == OrgBoard || role == StandingCommittee) {
		// A commune committee's leadership writes what a committee member in charge of
		// the commune writes; the top committee's boards' powers (approving scores,
		// publishing criteria) are not theirs.
		role = DistrictCommittee
	}
	p := PolicyOf(kind)
	for _, r := range p.Writers {
		if r == role {
			// Others write only commune-bound records of their own scope.
			return c.CommuneID != "" && s.covers(c)
		}
	}
	return false
}

// NumbersPapers reports whether the scope gives a paper of a record of class c its
// number (an introduction letter): the Standing Board of the committee that planned it,
// whose office numbers the committee's papers — one numbering desktop per committee, so
// two desktops never give the same number. The server decides, not a device setting.
func (s Scope) NumbersPapers(c Class) bool {
	return s.Role == StandingBoard && c.Planner == s.CommitteeID
}

// A Branch is one disjoint part of a scope's predicate: an equality on one indexed
// column (Key = Value: an empty commune_id for the records every scope sees, commune_id
// or area_id for the rest) and the other conditions, with their arguments. A page is read
// branch by branch, each walked in sequence order through the index on its key and
// server_seq (serverstore.pageQuery), instead of testing every record in sequence order.
// Key is empty for a branch that is not cut by a column ("1 = 1": every record).
type Branch struct {
	Key, Value string
	Rest       string // "" when the key is the whole condition
	Args       []any  // Rest's
}

// SQL is the branch's whole condition and its arguments.
func (b Branch) SQL() (string, []any) {
	switch {
	case b.Key == "":
		return b.Rest, b.Args
	case b.Rest == "":
		return b.Key + " = ?", []any{b.Value}
	}
	return b.Key + " = ? AND " + b.Rest, append([]any{b.Value}, b.Args...)
}

// Branches is SQLPredicate cut into disjoint branches. A test checks that exactly the
// records Reads accepts match one branch each.
func (s Scope) Branches(prefix string) []Branch {
	if !ValidRole(s.Role) {
		return []Branch{{Rest: "1 = 0"}}
	}
	if s.topBoard() {
		return []Branch{{Rest: "1 = 1"}}
	}
	commune, area := prefix+"commune_id", prefix+"area_id"
	restricted, rargs := "", []any(nil)
	switch {
	case !s.Supervises():
		restricted = prefix + "restricted = 0"
	case !s.Top():
		restricted, rargs = "("+prefix+"restricted = 0 OR "+prefix+"planner = ?)", []any{s.CommitteeID}
	}
	and := func(conds ...string) string {
		var out []string
		for _, c := range conds {
			if c != "" {
				out = append(out, c)
			}
		}
		return strings.Join(out, " AND ")
	}
	communeless := Branch{Key: commune, Rest: restricted, Args: rargs}
	if !(s.Supervises() && s.Top()) {
		communeless.Rest = and(prefix+"audience = 'all'", restricted)
	}
	out := []Branch{communeless}
	switch {
	case s.Top() && s.Role == StandingCommittee:
		if s.AreaID != "" {
			out = append(out, Branch{Key: area, Value: s.AreaID, Rest: and(commune+" != ''", restricted), Args: rargs})
		}
	case s.CommuneID != "":
		out = append(out, Branch{Key: commune, Value: s.CommuneID, Rest: restricted, Args: rargs})
	}
	return out
}

// SQLPredicate returns a WHERE condition over the columns commune_id, area_id, audience,
// restricted and planner (each prefixed with prefix, e.g. "r.") that selects exactly the
// records Reads accepts, with its arguments. It is the same rule as Reads, written for
// the page query; a test checks that the two agree.
func (s Scope) SQLPredicate(prefix string) (string, []any) {
	if !ValidRole(s.Role) {
		return "1 = 0", nil
	}
	commune, area, audience := prefix+"commune_id", prefix+"area_id", prefix+"audience"
	var args []any
	restricted := ""
	switch {
	case !s.Supervises():
		restricted = " AND " + prefix + "restricted = 0"
	case !s.Top():
		restricted = " AND (" + prefix + "restricted = 0 OR " + prefix + "planner = ?)"
	}
	communeless := commune + " = ''"
	if !(s.Supervises() && s.Top()) {
		communeless = "(" + commune + " = '' AND " + audience + " = 'all')"
	}
	var cond string
	switch {
	case s.topBoard():
		return "1 = 1", nil
	case s.Top() && s.Role == StandingCommittee:
		if s.AreaID == "" {
			cond = communeless
		} else {
			cond, args = "("+communeless+" OR ("+commune+" != '' AND "+area+" = ?))", []any{s.AreaID}
		}
	default:
		if s.CommuneID == "" {
			cond = communeless
		} else {
			cond, args = "("+communeless+" OR "+commune+" = ?)", []any{s.CommuneID}
		}
	}
	if !s.Top() && s.Supervises() {
		args = append(args, s.CommitteeID)
	}
	return cond + restricted, args
}
