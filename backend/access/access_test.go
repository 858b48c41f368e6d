package access

import (
	"fmt"
	"testing"
)

// The matrix of docs/access.md, as a table: every role × record kind × own/other scope ×
// read/write. "own" is a record of the account's commune (or area); "other" one of a
// commune outside it; "district" a record of no commune.
func TestMatrix(t *testing.T) {
	const (
		own      = "own"
		other    = "other"
		district = "district"
	)
	type cell struct{ read, write bool }
	// want[role][kind][where]
	R, RW, N := cell{true, false}, cell{true, true}, cell{false, false}
	boardRow := map[string]map[string]cell{
		"area": {district: RW}, "cluster": {district: RW}, "commune": {district: RW},
		"unit":     {own: RW, other: RW, district: RW},
		"official": {own: RW, other: RW, district: RW},
	}
	want := map[string]map[string]map[string]cell{
		StandingBoard: boardRow,
		OrgBoard:      boardRow,
		StandingCommittee: {
			"area": {district: R}, "cluster": {district: R}, "commune": {district: R},
			"unit":     {own: RW, other: N, district: R},
			"official": {own: R, other: N, district: R},
		},
		DistrictCommittee: {
			"area": {district: R}, "cluster": {district: R}, "commune": {district: R},
			"unit":     {own: RW, other: N, district: R},
			"official": {own: R, other: N, district: R},
		},
		DistrictCadre: {
			"area": {district: R}, "cluster": {district: R}, "commune": {district: R},
			"unit":     {own: R, other: N, district: R},
			"official": {own: R, other: N, district: R},
		},
		CommuneOffice: {
			"area": {district: R}, "cluster": {district: R}, "commune": {district: R},
			"unit":     {own: RW, other: N, district: N}, // district: an agency's unit
			"official": {own: R, other: N, district: R},
		},
	}
	areas := map[string]string{"c-own": "a-own", "c-other": "a-other"}
	areaOf := func(c string) string { return areas[c] }
	scopes := map[string]Scope{
		StandingBoard: {Role: StandingBoard}, OrgBoard: {Role: OrgBoard},
		StandingCommittee: {Role: StandingCommittee, AreaID: "a-own"},
		DistrictCommittee: {Role: DistrictCommittee, CommuneID: "c-own"},
		DistrictCadre:     {Role: DistrictCadre, CommuneID: "c-own"},
		CommuneOffice:     {Role: CommuneOffice, CommuneID: "c-own"},
	}
	fieldsFor := func(kind, where string) Fields {
		f := Fields{"kind": "grassroots_cell"}
		switch where {
		case own:
			f["communeId"] = "c-own"
		case other:
			f["communeId"] = "c-other"
		}
		return f
	}
	for role, kinds := range want {
		for kind, wheres := range kinds {
			for where, w := range wheres {
				for _, restricted := range []bool{false, true} {
					t.Run(fmt.Sprintf("%s/%s/%s/restricted=%v", role, kind, where, restricted), func(t *testing.T) {
						f := fieldsFor(kind, where)
						if restricted {
							f["restricted"] = int64(1)
							if role == CommuneOffice {
								w = N // restricted: district roles only
							}
						}
						c := Classify(kind, f, areaOf)
						s := scopes[role]
						if got := s.Reads(c); got != w.read {
							t.Errorf("read = %v, want %v", got, w.read)
						}
						if got := s.Writes(kind, c); got != w.write {
							t.Errorf("write = %v, want %v", got, w.write)
						}
					})
				}
			}
		}
	}
}

// The SQL predicate selects exactly what Reads accepts.
func TestSQLPredicateAgreesWithReads(t *testing.T) {
	classes := []Class{}
	for _, commune := range []string{"", "c-own", "c-other"} {
		for _, area := range []string{"", "a-own", "a-other"} {
			for _, aud := range []string{AudienceAll, AudienceDistrict} {
				for _, r := range []bool{false, true} {
					for _, planner := range []string{"", "pd-cmte", "kd-cmte"} {
						if planner != "" && !r {
							continue // Classify keeps a planner on restricted records only
						}
						classes = append(classes, Class{CommuneID: commune, AreaID: area, Audience: aud, Restricted: r, Planner: planner})
					}
				}
			}
		}
	}
	scopes := []Scope{{Role: StandingBoard}, {Role: OrgBoard}, {Role: StandingCommittee, AreaID: "a-own"}, {Role: StandingCommittee},
		{Role: DistrictCommittee, CommuneID: "c-own"}, {Role: DistrictCadre, CommuneID: "c-own"}, {Role: CommuneOffice, CommuneID: "c-own"},
		{Role: CommuneOffice}, {Role: "king"}, {},
		{Role: StandingBoard, CommitteeID: "pd-cmte", CommuneID: "c-own"}, {Role: OrgBoard, CommitteeID: "pd-cmte", CommuneID: "c-own"},
		{Role: StandingCommittee, CommitteeID: "pd-cmte", CommuneID: "c-own"}, {Role: DistrictCadre, CommitteeID: "pd-cmte", CommuneID: "c-own"},
		{Role: CommuneOffice, CommitteeID: "pd-cmte", CommuneID: "c-own"}}
	for _, s := range scopes {
		pred, args := s.SQLPredicate("")
		branches := s.Branches("")
		for _, c := range classes {
			if got, want := evalPredicate(t, pred, args, c), s.Reads(c); got != want {
				t.Errorf("%+v on %+v: SQL %v, Reads %v (%s %v)", s, c, got, want, pred, args)
			}
			matched := 0
			for _, b := range branches {
				if cond, args := b.SQL(); evalPredicate(t, cond, args, c) {
					matched++
				}
			}
			if want := s.Reads(c); matched > 1 || (matched == 1) != want {
				t.Errorf("%+v on %+v: %d branches match, Reads %v (%+v)", s, c, matched, want, branches)
			}
		}
	}
}

func TestFingerprintFollowsTheAssignment(t *testing.T) {
	a := Scope{Role: CommuneOffice, CommuneID: "x"}
	b := Scope{Role: CommuneOffice, CommuneID: "y"}
	if a.Fingerprint() == b.Fingerprint() || a.Fingerprint() != (Scope{Role: CommuneOffice, CommuneID: "x"}).Fingerprint() {
		t.Error("fingerprints do not follow the scope")
	}
}
