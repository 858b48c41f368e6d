package access

import (
	"fmt"
	"testing"
)

// The 2025 structure as a table: a top committee (the province) over two communes, each
// with its own committee (Đảng ủy xã). Every role at both levels × every kind of record
// that matters for confidentiality × read and write. "pd" is Phát Diệm, the commune the
// accounts belong to; "kd" is Kim Đông, another commune.
func TestMatrixAtTwoLevels(t *testing.T) {
	areas := map[string]string{"pd": "area-1", "kd": "area-2"}
	areaOf := func(c string) string { return areas[c] }
	scopes := map[string]Scope{
		"province board":              {Role: StandingBoard},
		"province standing committee": {Role: StandingCommittee, AreaID: "area-1"},
		"province committee member":   {Role: DistrictCommittee, CommuneID: "pd"},
		"province cadre":              {Role: DistrictCadre, CommuneID: "pd"},
		"province cadre of kd":        {Role: DistrictCadre, CommuneID: "kd"},
		"pd standing board":           {Role: StandingBoard, CommitteeID: "pd-cmte", CommuneID: "pd"},
		"pd building board":           {Role: OrgBoard, CommitteeID: "pd-cmte", CommuneID: "pd"},
		"pd committee member":         {Role: DistrictCommittee, CommitteeID: "pd-cmte", CommuneID: "pd"},
		"pd office":                   {Role: CommuneOffice, CommuneID: "pd"},
		"kd standing board":           {Role: StandingBoard, CommitteeID: "kd-cmte", CommuneID: "kd"},
	}
	records := map[string]struct {
		kind string
		f    Fields
	}{
		"province plan in pd":  {"visit", Fields{"communeId": "pd", "restricted": int64(1)}},
		"pd plan in pd":        {"visit", Fields{"communeId": "pd", "restricted": int64(1), "committeeId": "pd-cmte"}},
		"pd report in pd":      {"visit_report", Fields{"communeId": "pd", "restricted": int64(1), "committeeId": "pd-cmte"}},
		"schedule in pd":       {"schedule", Fields{"communeId": "pd"}},
		"schedule in kd":       {"schedule", Fields{"communeId": "kd"}},
		"unapproved review pd": {"score_review", Fields{"communeId": "pd", "restricted": int64(1)}},
		"province agency cell": {"unit", Fields{"kind": "grassroots_cell"}},
		"province committee":   {"unit", Fields{"kind": "supervising_committee"}},
		"pd profile":           {"committee_profile", Fields{"communeId": "pd"}},
		"province profile":     {"committee_profile", Fields{}},
	}
	type rw struct{ read, write bool }
	R, RW, N := rw{true, false}, rw{true, true}, rw{false, false}
	want := map[string]map[string]rw{
		"province board": {"province plan in pd": RW, "pd plan in pd": RW, "pd report in pd": RW, "schedule in pd": RW, "schedule in kd": RW,
			"unapproved review pd": RW, "province agency cell": RW, "province committee": RW, "pd profile": RW, "province profile": RW},
		"province standing committee": {"province plan in pd": RW, "pd plan in pd": R, "pd report in pd": R, "schedule in pd": RW, "schedule in kd": N,
			"unapproved review pd": R, "province agency cell": R, "province committee": R, "pd profile": R, "province profile": R},
		"province committee member": {"province plan in pd": RW, "pd plan in pd": R, "pd report in pd": R, "schedule in pd": RW, "schedule in kd": N,
			"unapproved review pd": R, "province agency cell": R, "province committee": R, "pd profile": RW, "province profile": R},
		"province cadre": {"province plan in pd": RW, "pd plan in pd": R, "pd report in pd": R, "schedule in pd": RW, "schedule in kd": N,
			"unapproved review pd": R, "province agency cell": R, "province committee": R, "pd profile": R, "province profile": R},
		"province cadre of kd": {"province plan in pd": N, "pd plan in pd": N, "pd report in pd": N, "schedule in pd": N, "schedule in kd": RW,
			"unapproved review pd": N, "province agency cell": R, "province committee": R, "pd profile": N, "province profile": R},
		// The commune committee never reads the province's plan to its own cells.
		"pd standing board": {"province plan in pd": N, "pd plan in pd": RW, "pd report in pd": RW, "schedule in pd": RW, "schedule in kd": N,
			"unapproved review pd": N, "province agency cell": N, "province committee": R, "pd profile": RW, "province profile": R},
		"pd building board": {"province plan in pd": N, "pd plan in pd": RW, "pd report in pd": RW, "schedule in pd": RW, "schedule in kd": N,
			"unapproved review pd": N, "province agency cell": N, "province committee": R, "pd profile": RW, "province profile": R},
		"pd committee member": {"province plan in pd": N, "pd plan in pd": RW, "pd report in pd": RW, "schedule in pd": RW, "schedule in kd": N,
			"unapproved review pd": N, "province agency cell": N, "province committee": R, "pd profile": RW, "province profile": R},
		// The office of the commune reads neither plan.
		"pd office": {"province plan in pd": N, "pd plan in pd": N, "pd report in pd": N, "schedule in pd": RW, "schedule in kd": N,
			"unapproved review pd": N, "province agency cell": N, "province committee": R, "pd profile": RW, "province profile": R},
		"kd standing board": {"province plan in pd": N, "pd plan in pd": N, "pd report in pd": N, "schedule in pd": N, "schedule in kd": RW,
			"unapproved review pd": N, "province agency cell": N, "province committee": R, "pd profile": N, "province profile": R},
	}
	for who, row := range want {
		if len(row) != len(records) {
			t.Fatalf("%s: the table has %d of %d records", who, len(row), len(records))
		}
		for what, w := range row {
			t.Run(fmt.Sprintf("%s/%s", who, what), func(t *testing.T) {
				r := records[what]
				c := Classify(r.kind, r.f, areaOf)
				s := scopes[who]
				if got := s.Reads(c); got != w.read {
					t.Errorf("read = %v, want %v", got, w.read)
				}
				if got := s.Writes(r.kind, c); got != w.write {
					t.Errorf("write = %v, want %v", got, w.write)
				}
			})
		}
	}
}

// A commune committee's scope differs from the top committee's with the same role and
// commune, so an account moved between the levels resyncs.
func TestFingerprintFollowsTheCommittee(t *testing.T) {
	top := Scope{Role: DistrictCadre, CommuneID: "pd"}
	commune := Scope{Role: DistrictCadre, CommuneID: "pd", CommitteeID: "pd-cmte"}
	if top.Fingerprint() == commune.Fingerprint() {
		t.Error("the committee is not in the fingerprint")
	}
}

// An account with roles at two levels reads what either role reads, each with its own
// confidentiality, and the SQL of the union selects the same.
func TestGrantsAtTwoLevels(t *testing.T) {
	secretary := Scope{Role: StandingBoard, CommitteeID: "pd-cmte", CommuneID: "pd"}
	member := Scope{Role: DistrictCommittee, CommuneID: "pd"} // of the province, in charge of Phát Diệm
	both := Grants{secretary, member}
	province := Class{CommuneID: "pd", Audience: AudienceDistrict, Restricted: true}
	commune := Class{CommuneID: "pd", Audience: AudienceDistrict, Restricted: true, Planner: "pd-cmte"}
	other := Class{CommuneID: "kd", Audience: AudienceDistrict}
	if secretary.Reads(province) || !both.Reads(province) || !both.Reads(commune) || both.Reads(other) {
		t.Error("the union of the grants does not read what each grant reads")
	}
	if !both.Writes("visit", province) || !both.Writes("visit", commune) {
		t.Error("each grant writes its own plans")
	}
	if both.Fingerprint() == secretary.Fingerprint() || (Grants{secretary}).Fingerprint() != secretary.Fingerprint() {
		t.Error("adding a grant must change the fingerprint; one grant is the scope itself")
	}
	pred, args := both.SQLPredicate("")
	branches := both.Branches("")
	for _, c := range []Class{province, commune, other, {CommuneID: "", Audience: AudienceAll}, {CommuneID: "", Audience: AudienceDistrict}} {
		if got, want := evalPredicate(t, pred, args, c), both.Reads(c); got != want {
			t.Errorf("%+v: SQL %v, Reads %v", c, got, want)
		}
		matched := false
		for _, b := range branches {
			cond, args := b.SQL()
			matched = matched || evalPredicate(t, cond, args, c)
		}
		if matched != both.Reads(c) {
			t.Errorf("%+v: a branch matches %v, Reads %v (%+v)", c, matched, both.Reads(c), branches)
		}
	}
}
