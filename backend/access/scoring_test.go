package access

import (
	"fmt"
	"testing"
)

// The scoring kinds' rows of the matrix (docs/access.md, "Scoring"): a commune office
// writes its own organizations' self-assessments, reads every published criteria set,
// and reads its verification only once approved (restricted = 0); the Organization Board
// and the Standing Board write everything; other district roles read within their scope.
func TestScoringMatrix(t *testing.T) {
	type cell struct{ read, write bool }
	R, RW, N := cell{true, false}, cell{true, true}, cell{false, false}
	type where struct {
		communeID  string
		restricted bool
		locked     bool
	}
	own, other, district := where{"c-own", false, false}, where{"c-other", false, false}, where{"", false, false}
	ownHidden := where{"c-own", true, false} // a review before approval, any classification
	ownLocked := where{"c-own", false, true} // an approved month's sheet
	rows := []struct {
		role, kind string
		want       map[where]cell
	}{
		{OrgBoard, "criteria_set", map[where]cell{district: RW}},
		{StandingBoard, "criteria_set", map[where]cell{district: RW}},
		{DistrictCommittee, "criteria_set", map[where]cell{district: R}},
		{CommuneOffice, "criteria_set", map[where]cell{district: R}},

		{OrgBoard, "score_sheet", map[where]cell{own: RW, other: RW, district: RW, ownLocked: RW}},
		{StandingBoard, "score_sheet", map[where]cell{ownLocked: RW}},
		{CommuneOffice, "score_sheet", map[where]cell{own: RW, other: N, district: N, ownLocked: R}},
		{DistrictCommittee, "score_sheet", map[where]cell{own: R, other: N, district: R}},
		{DistrictCadre, "score_sheet", map[where]cell{own: R, other: N, district: R}},
		{StandingCommittee, "score_sheet", map[where]cell{own: R, other: N, district: R}},

		{OrgBoard, "score_review", map[where]cell{own: RW, ownHidden: RW, district: RW}},
		{CommuneOffice, "score_review", map[where]cell{own: R, ownHidden: N, other: N, district: N}},
		{DistrictCommittee, "score_review", map[where]cell{own: R, ownHidden: R, other: N}},

		{OrgBoard, "year_classification", map[where]cell{ownHidden: RW, district: RW}},
		{CommuneOffice, "year_classification", map[where]cell{ownHidden: N, own: N, district: N}}, // sealed: never, whatever restricted says
		{StandingCommittee, "year_classification", map[where]cell{ownHidden: R, other: N}},
	}
	areas := map[string]string{"c-own": "a-own", "c-other": "a-other"}
	scopes := map[string]Scope{
		StandingBoard: {Role: StandingBoard}, OrgBoard: {Role: OrgBoard},
		StandingCommittee: {Role: StandingCommittee, AreaID: "a-own"},
		DistrictCommittee: {Role: DistrictCommittee, CommuneID: "c-own"},
		DistrictCadre:     {Role: DistrictCadre, CommuneID: "c-own"},
		CommuneOffice:     {Role: CommuneOffice, CommuneID: "c-own"},
	}
	for _, row := range rows {
		for w, want := range row.want {
			t.Run(fmt.Sprintf("%s/%s/%q/restricted=%v/locked=%v", row.role, row.kind, w.communeID, w.restricted, w.locked), func(t *testing.T) {
				f := Fields{}
				if w.communeID != "" {
					f["communeId"] = w.communeID
				}
				if w.restricted {
					f["restricted"] = int64(1)
				}
				if w.locked {
					f["locked"] = int64(1)
				}
				c := Classify(row.kind, f, func(id string) string { return areas[id] })
				s := scopes[row.role]
				if got := s.Reads(c); got != want.read {
					t.Errorf("read = %v, want %v", got, want.read)
				}
				if got := s.Writes(row.kind, c); got != want.write {
					t.Errorf("write = %v, want %v", got, want.write)
				}
			})
		}
	}
}
