package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"chibo/backend/domain"
	"chibo/backend/store"
)

// The 2025 structure (Quy định 294-QĐ/TW, in force 1 July 2025): no district level; the
// communes formed by the merger sit directly under the provincial committee.
//
// Merger2025 is how Kim Sơn's 27 communes and towns became eight communes. Phát Diệm =
// Phát Diệm town + Thượng Kiệm + Kim Chính is as Resolution 1674/NQ-UBTVQH15 has it; the
// other seven groupings are an example that keeps each new commune's namesake and puts
// neighbours with it: unofficial lists disagree in detail, so check them against the
// resolution before relying on them. It is data: a province edits the table, not code.
var Merger2025 = []struct {
	Name    string
	Sources []string
}{
	{"Phát Diệm", []string{"Phát Diệm", "Thượng Kiệm", "Kim Chính"}},
	{"Kim Sơn", []string{"Hồi Ninh", "Ân Hòa", "Kim Định"}},
	{"Chất Bình", []string{"Chất Bình", "Xuân Thiện", "Chính Tâm", "Hùng Tiến"}},
	{"Quang Thiện", []string{"Quang Thiện", "Như Hòa", "Đồng Hướng", "Yên Mật"}},
	{"Lai Thành", []string{"Lai Thành", "Lưu Phương", "Tân Thành", "Yên Lộc"}},
	{"Định Hóa", []string{"Định Hóa", "Văn Hải", "Kim Tân"}},
	{"Bình Minh", []string{"Bình Minh", "Kim Mỹ", "Cồn Thoi"}},
	{"Kim Đông", []string{"Kim Đông", "Kim Trung", "Kim Hải"}},
}

// The preset's clock: the day the 2025 structure took effect.
var reorganizedAt = time.Date(2025, 7, 1, 1, 0, 0, 0, time.UTC)

// Ids of the 2025 preset, the same on every machine.
func ninhBinhIDs() *ids { return &ids{prefix: "chibo-demo-ninhbinh-2025/"} }

// Province2025 names the preset's provincial committee: its unit and profile.
func Province2025() (domain.Unit, domain.CommitteeProfile) {
	g := ninhBinhIDs()
	u := domain.Unit{ID: g.next("unit/tinh-uy"), Kind: domain.KindSupervising, Name: "Đảng bộ tỉnh Ninh Bình", Status: domain.StatusActive}
	return u, domain.CommitteeProfile{CommitteeID: u.ID, ShortName: "Tỉnh ủy Ninh Bình", IssuingBody: "TỈNH ỦY NINH BÌNH", Place: "Ninh Bình",
		Symbol: "TU", OrgBoard: "Ban Tổ chức Tỉnh ủy", SignerCapacity: "T/M BAN THƯỜNG VỤ", SignerTitle: "PHÓ BÍ THƯ",
		LetterRecipients: []string{"Như trên,", "Lưu Văn phòng Tỉnh ủy."},
		ReportRecipients: []string{"Thường trực Tỉnh ủy,", "Ban Tổ chức Tỉnh ủy,", "Lưu."}}
}

// Restructure2025 turns a store holding the Kim Sơn 2018 example into the 2025 structure,
// with the same operations an office would use on its live database (so that they sync):
// the province above the former district; the eight mergers of Merger2025, each with its
// commune committee (Đảng ủy xã) and its paper profile; the former district's officials
// inactive; and the officials of both levels for the new communes. It is deterministic:
// two machines that run it on the example get the same ids.
func Restructure2025(ctx context.Context, st *store.Store) ([]store.MergeResult, error) {
	g := ninhBinhIDs()
	province, profile := Province2025()
	g.next("unit/tinh-uy") // the id Province2025 took
	units, err := st.ListUnits(ctx)
	if err != nil {
		return nil, err
	}
	var district domain.Unit
	for _, u := range units {
		if u.ParentID == "" && u.Kind == domain.KindSupervising && u.ID != province.ID {
			district = u
		}
	}
	if district.ID == "" {
		return nil, fmt.Errorf("demo: the Kim Sơn 2018 example is not loaded")
	}
	if _, err := st.AddUnit(ctx, province); err != nil {
		return nil, fmt.Errorf("demo: province: %w", err)
	}
	if _, err := st.SaveCommitteeProfile(ctx, profile); err != nil {
		return nil, err
	}
	kimSon := domain.KimSonProfile()
	kimSon.CommitteeID = district.ID
	if _, err := st.SaveCommitteeProfile(ctx, kimSon); err != nil {
		return nil, err
	}
	// The former district stays in the tree, under the province, for its history.
	if _, err := st.MoveUnit(ctx, district.ID, province.ID); err != nil {
		return nil, fmt.Errorf("demo: district under the province: %w", err)
	}
	communes, err := st.ListCommunes(ctx)
	if err != nil {
		return nil, err
	}
	byName := map[string]string{}
	for _, c := range communes {
		if c.Status == domain.StatusActive {
			byName[c.Name] = c.ID
		}
	}
	// The former district's officials are no longer in office.
	officials, err := st.ListOfficials(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range officials {
		if o.Active {
			o.Active = false
			if _, err := st.SaveOfficial(ctx, o); err != nil {
				return nil, err
			}
		}
	}
	var results []store.MergeResult
	for _, m := range Merger2025 {
		var sources []string
		for _, n := range m.Sources {
			id, ok := byName[n]
			if !ok {
				return nil, fmt.Errorf("demo: no commune %s in the example", n)
			}
			sources = append(sources, id)
		}
		res, err := st.MergeCommunes(ctx, store.CommuneMerger{Name: m.Name, Kind: domain.CommuneXa, Sources: sources, UnderID: province.ID,
			CommuneID: g.next("commune/" + m.Name), CommitteeID: g.next("unit/dang-uy/" + m.Name),
			Profile: domain.CommitteeProfile{SignerCapacity: "T/M BAN THƯỜNG VỤ", SignerTitle: "PHÓ BÍ THƯ"}})
		if err != nil {
			return nil, fmt.Errorf("demo: merging into %s: %w", m.Name, err)
		}
		results = append(results, res)
	}
	if err := officials2025(ctx, st, g, results); err != nil {
		return nil, err
	}
	return results, nil
}

// officials2025 adds the supervisors of both levels: the province's Standing Board, its
// Organization Board, one Standing Committee member per group (area) of communes, and per
// new commune a provincial committee member and a provincial cadre; in each commune its
// committee's secretary (standing board), its Ban Xây dựng Đảng, a committee member and
// the office. Names are invented.
func officials2025(ctx context.Context, st *store.Store, g *ids, merged []store.MergeResult) error {
	rng := rand.New(rand.NewPCG(2025, 7))
	name := func() string {
		return surnames[rng.IntN(len(surnames))] + " " + middles[rng.IntN(len(middles))] + " " + givens[rng.IntN(len(givens))]
	}
	add := func(key string, o domain.Official) error {
		o.ID, o.Name, o.Active = g.next("official/"+key), name(), true
		_, err := st.SaveOfficial(ctx, o)
		return err
	}
	for _, o := range []struct {
		key string
		o   domain.Official
	}{
		{"bi-thu", domain.Official{Title: "Bí thư Tỉnh ủy", Role: domain.RoleStandingBoard}},
		{"pho-bi-thu", domain.Official{Title: "Phó Bí thư Thường trực Tỉnh ủy", Role: domain.RoleStandingBoard}},
		{"ban-to-chuc", domain.Official{Title: "Trưởng Ban Tổ chức Tỉnh ủy", Role: domain.RoleOrgBoard}},
	} {
		if err := add(o.key, o.o); err != nil {
			return err
		}
	}
	areas, err := st.ListAreas(ctx)
	if err != nil {
		return err
	}
	for _, a := range areas {
		if err := add("btv/"+a.Name, domain.Official{Title: "Ủy viên Ban Thường vụ Tỉnh ủy, phụ trách " + a.Name, Role: domain.RoleStandingCommittee, AreaID: a.ID}); err != nil {
			return err
		}
	}
	communes, err := st.ListCommunes(ctx)
	if err != nil {
		return err
	}
	nameOf := map[string]string{}
	for _, c := range communes {
		nameOf[c.ID] = c.Name
	}
	for _, m := range merged {
		n := nameOf[m.CommuneID]
		for _, o := range []struct {
			key string
			o   domain.Official
		}{
			{"tuv/" + n, domain.Official{Title: "Tỉnh ủy viên, phụ trách xã " + n, Role: domain.RoleDistrictCommittee, CommuneID: m.CommuneID}},
			{"cbt/" + n, domain.Official{Title: "Chuyên viên cấp tỉnh, dự sinh hoạt tại xã " + n, Role: domain.RoleDistrictCadre, CommuneID: m.CommuneID}},
			{"bt/" + n, domain.Official{Title: "Bí thư Đảng ủy xã " + n, Role: domain.RoleStandingBoard, CommuneID: m.CommuneID, CommitteeID: m.CommitteeID}},
			{"xdd/" + n, domain.Official{Title: "Trưởng Ban Xây dựng Đảng Đảng ủy xã " + n, Role: domain.RoleOrgBoard, CommuneID: m.CommuneID, CommitteeID: m.CommitteeID}},
			{"duv/" + n, domain.Official{Title: "Đảng ủy viên, phụ trách khu dân cư", Role: domain.RoleDistrictCommittee, CommuneID: m.CommuneID, CommitteeID: m.CommitteeID}},
			{"vp/" + n, domain.Official{Title: "Văn phòng Đảng ủy xã " + n, Role: domain.RoleCommuneOffice, CommuneID: m.CommuneID}},
		} {
			if err := add(o.key, o.o); err != nil {
				return err
			}
		}
	}
	return nil
}

// NinhBinh2025 builds the preset in a scratch store at dbPath: the Kim Sơn example turned
// into the 2025 structure, as full record states for a desktop or the server to import.
func NinhBinh2025(ctx context.Context, dbPath string) ([]store.Record, error) {
	st, err := store.Open(dbPath)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	st.SetClock(func() time.Time { return reorganizedAt })
	if err := st.ImportSnapshot(ctx, KimSon2018()); err != nil {
		return nil, err
	}
	if _, err := Restructure2025(ctx, st); err != nil {
		return nil, err
	}
	return st.ExportRecords(ctx)
}
