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
	"schedule":      {Writers: []string{StandingCommittee, DistrictCommittee, CommuneOffice}},
	"visit":         {Writers: district},
	"visit_report":  {Writers: district},
	"visit_release": {Writers: district},
	"score_sheet":   {Writers: []string{CommuneOffice}},
	"score_review":  {},
	"scoring_audit": {Writers: []string{StandingCommittee, DistrictCommittee, DistrictCadre, CommuneOffice}},
	// District-wide reference data the Organization Board maintains.
	"report_template":     {Public: true},
	"criteria_set":        {Public: true},
	"year_classification": {},
}

// PolicyOf returns the policy of kind (the closed default for an unknown kind).
func PolicyOf(kind string) Policy { return Policies[kind] }

// Classify returns the class of a record of kind with fields. areaOf gives a commune's
// area, so that a standing committee member's scope follows communes moved between areas.
//
//   - any kind: its communeId field ("" = district-wide), restricted when its
//     "restricted" field is 1; a district-wide record is read by all roles when the kind's
//     policy is Public, else by district roles only;
//   - area, cluster, commune, official (district leadership), report templates and
//     criteria sets are Public: a commune office needs the list of communes and who
//     supervises it;
//   - unit: a unit of no commune is read by all only when it is a supervising committee
//     (the ancestors of the commune's tree); district agencies' units are district-only.
//   - commune: a commune record itself is district-wide (every role sees the list).
func Classify(kind string, f Fields, areaOf func(communeID string) string) Class {
	c := Class{Audience: AudienceDistrict, Restricted: f.int("restricted") == 1}
	if kind != "commune" {
		c.CommuneID = f.str("communeId")
	}
	if PolicyOf(kind).Public || (kind == "unit" && f.str("kind") == "supervising_committee") {
		c.Audience = AudienceAll
	}
	if c.CommuneID != "" && areaOf != nil {
		c.AreaID = areaOf(c.CommuneID)
	}
	return c
}
