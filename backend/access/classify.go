package access

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

var district = []string{StandingCommittee, DistrictCommittee, DistrictCadre}

// Policies lists every synced kind. A kind missing here gets the closed default: read by
// district roles, written by the boards only (a test fails until it is listed).
var Policies = map[string]Policy{
	"area":     {Public: true},
	"cluster":  {Public: true},
	"commune":  {Public: true},
	"official": {Public: true},
	"unit":     {Writers: []string{StandingCommittee, DistrictCommittee, CommuneOffice}},
	// The field workflow: a commune office registers its cells' meeting schedules and
	// self-assesses; district officials plan visits, report and release.
	"schedule":      {Writers: []string{StandingCommittee, DistrictCommittee, DistrictCadre, CommuneOffice}},
	"visit":         {Writers: district, Sealed: true},
	"visit_report":  {Writers: district, Sealed: true, InsertOnly: true},
	"visit_release": {Writers: district},
	// Scoring (docs/access.md, "Scoring"): a commune office self-assesses; the boards
	// verify, lock, classify and audit.
	"score_sheet":         {Writers: []string{CommuneOffice}},
	"score_review":        {},
	"scoring_audit":       {InsertOnly: true},
	"year_classification": {Sealed: true},
	// District-wide reference data the Organization Board maintains.
	"report_template": {Public: true},
	"criteria_set":    {Public: true, FrozenStatus: "published"},
}

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
//   - commune: a commune record itself is district-wide (every role sees the list).
func Classify(kind string, f Fields, areaOf func(communeID string) string) Class {
	p := PolicyOf(kind)
	c := Class{Audience: AudienceDistrict, Restricted: f.int("restricted") == 1 || p.Sealed, Locked: f.int("locked") == 1}
	if kind != "commune" {
		c.CommuneID = f.str("communeId")
	}
	if p.Public || (kind == "unit" && f.str("kind") == "supervising_committee") {
		c.Audience = AudienceAll
	}
	if c.CommuneID != "" && areaOf != nil {
		c.AreaID = areaOf(c.CommuneID)
	}
	return c
}
