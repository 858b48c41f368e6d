package access

import (
	"chibo/backend/domain"
	"chibo/backend/kinds"
)

// Fields is a record's field values as the server holds them: strings, int64 and raw JSON.
type Fields map[string]any

func (f Fields) str(name string) string {
	s, _ := f[name].(string)
	return s
}

func (f Fields) int(name string) int64 {
	n, _ := f[name].(int64)
	return n
}

// Policy is what access knows of one record kind.
type Policy struct {
	// Public: a record of no commune is read by every role, commune offices included
	// (else by district roles only).
	Public bool
	// Writers are the roles, besides the Standing Board and the Organization Board (who
	// write everything), that write records of the kind within their own scope.
	Writers []string
	// Sealed: restricted for good, whatever the record says (planned visits, reports,
	// year classifications); a change that sets restricted to 0 is refused.
	Sealed bool
	// InsertOnly: a record is written once; a later change with other content is refused
	// (conflict), an identical resend is a no-op. Corrections are new records.
	InsertOnly bool
	// FrozenStatus: once the stored "status" field has this value the record never
	// changes again (a published criteria set; a new version is a new record).
	FrozenStatus string
}

// Policies lists every synced kind, as the registry (backend/kinds) declares it. A kind
// missing here gets the closed default: read by district roles, written by the boards.
var Policies = func() map[string]Policy {
	out := map[string]Policy{}
	for _, k := range kinds.All() {
		out[k.Name] = Policy{Public: k.Public, Writers: k.Writers, Sealed: k.Sealed, InsertOnly: k.InsertOnly, FrozenStatus: k.FrozenStatus}
	}
	return out
}()

// PolicyOf returns the policy of kind (the closed default for an unknown kind).
func PolicyOf(kind string) Policy { return Policies[kind] }

// Classify returns the class of a record of kind with fields. areaOf gives a commune's
// area, so that a standing committee member's scope follows communes moved between areas.
//
//   - any kind: its communeId field ("" = district-wide), restricted when its
//     "restricted" field is 1; a district-wide record is read by all roles when the kind's
//     policy is Public, else by district roles only; restricted when its "restricted"
//     field is 1 or the kind is Sealed; locked when its "locked" field is 1;
//   - area, cluster, commune, official (district leadership), report templates and
//     criteria sets are Public: a commune office needs the list of communes and who
//     supervises it;
//   - unit: a unit of no commune is read by all only when it is a supervising committee
//     (the ancestors of the commune's tree); district agencies' units are district-only.
//   - commune: a commune record itself is district-wide (every role sees the list);
//   - a restricted record's planner is its committeeId field: the commune committee whose
//     official planned the visit, or "" for the top committee.
func Classify(kind string, f Fields, areaOf func(communeID string) string) Class {
	p := PolicyOf(kind)
	c := Class{Audience: AudienceDistrict, Restricted: f.int("restricted") == 1 || p.Sealed, Locked: f.int("locked") == 1}
	if kind != kinds.Commune {
		c.CommuneID = f.str("communeId")
	}
	if p.Public || (kind == kinds.Unit && f.str("kind") == string(domain.KindSupervising)) {
		c.Audience = AudienceAll
	}
	if c.Restricted {
		// The committee whose plan a visit or report is ("" = the top committee's).
		c.Planner = f.str("committeeId")
	}
	if c.CommuneID != "" && areaOf != nil {
		c.AreaID = areaOf(c.CommuneID)
	}
	return c
}
