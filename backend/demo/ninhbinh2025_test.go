package demo

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/store"
)

// The merger applied to the live 2018 example: every record kept, 27 communes merged into
// eight, each with its own committee directly under the province, every grassroots
// organization of a merged commune under its new committee, the members unchanged.
func TestRestructure2025(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "nb.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.ImportSnapshot(ctx, KimSon2018()); err != nil {
		t.Fatal(err)
	}
	before, _ := st.ListUnits(ctx)
	results, err := Restructure2025(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	units, _ := st.ListUnits(ctx)
	communes, _ := st.ListCommunes(ctx)
	province, _ := Province2025()
	if len(units) != len(before)+1+len(Merger2025) {
		t.Errorf("%d units, want the %d of 2018 + the province + %d commune committees", len(units), len(before), len(Merger2025))
	}
	byID := map[string]domain.Unit{}
	members := 0
	for _, u := range units {
		byID[u.ID] = u
		members += u.Members
	}
	if members != Members {
		t.Errorf("%d members after the merger, want %d", members, Members)
	}
	active, merged := 0, 0
	nameOf := map[string]string{}
	for _, c := range communes {
		nameOf[c.ID] = c.Name
		switch c.Status {
		case domain.StatusActive:
			active++
		case domain.StatusMerged:
			merged++
			if c.MergedIntoID == "" {
				t.Errorf("%s merged into nothing", c.Name)
			}
		}
	}
	if active != 8 || merged != Communes {
		t.Errorf("%d active and %d merged communes, want 8 and %d", active, merged, Communes)
	}
	for _, r := range results {
		c := byID[r.CommitteeID]
		if c.Kind != domain.KindSupervising || c.ParentID != province.ID || c.CommuneID != r.CommuneID {
			t.Errorf("committee of %s: %+v", nameOf[r.CommuneID], c)
		}
	}
	// Every unit of a commune sits, through its parents, under its commune's committee.
	committeeOf := map[string]string{}
	for _, r := range results {
		committeeOf[r.CommuneID] = r.CommitteeID
	}
	for _, u := range units {
		if u.CommuneID == "" || u.ID == committeeOf[u.CommuneID] {
			continue
		}
		if nameOf[u.CommuneID] == "" || committeeOf[u.CommuneID] == "" {
			t.Fatalf("%s is in commune %q, not one of the eight", u.Name, u.CommuneID)
		}
		p := byID[u.ParentID]
		if p.ID != committeeOf[u.CommuneID] && byID[p.ParentID].ID != committeeOf[u.CommuneID] {
			t.Errorf("%s (%s) is not under the committee of %s", u.Name, p.Name, nameOf[u.CommuneID])
		}
	}
	// Phát Diệm is the three the resolution names.
	var pd []string
	for _, c := range communes {
		if c.MergedIntoID != "" && nameOf[c.MergedIntoID] == "Phát Diệm" {
			pd = append(pd, c.Name)
		}
	}
	slices.Sort(pd)
	if !slices.Equal(pd, []string{"Kim Chính", "Phát Diệm", "Thượng Kiệm"}) {
		t.Errorf("Phát Diệm was formed from %v", pd)
	}
	p, ok, err := st.CommitteeProfile(ctx, committeeOf[results[0].CommuneID])
	if err != nil || !ok || p.ParentBody != "ĐẢNG BỘ TỈNH NINH BÌNH" || p.IssuingBody != "ĐẢNG ỦY XÃ PHÁT DIỆM" || p.LetterSymbol() != "GGT/ĐU" {
		t.Errorf("Phát Diệm's profile: %+v %v %v", p, ok, err)
	}
	if top, ok, _ := st.CommitteeProfile(ctx, ""); !ok || top.IssuingBody != "TỈNH ỦY NINH BÌNH" {
		t.Errorf("the top committee's profile: %+v", top)
	}
}

// A merger that would break a rule is refused and changes nothing.
func TestMergerRefusals(t *testing.T) {
	ctx := context.Background()
	st, communes, root, cell := kimSon2018Store(t)
	stats, _ := st.Stats(ctx)
	for name, m := range map[string]store.CommuneMerger{
		"no sources":       {Name: "Mới", Kind: domain.CommuneXa, UnderID: root.ID},
		"twice":            {Name: "Mới", Kind: domain.CommuneXa, UnderID: root.ID, Sources: []string{communes[0].ID, communes[0].ID}},
		"under a cell":     {Name: "Mới", Kind: domain.CommuneXa, UnderID: cell.ID, Sources: []string{communes[0].ID}},
		"name taken":       {Name: communes[5].Name, Kind: domain.CommuneXa, UnderID: root.ID, Sources: []string{communes[0].ID, communes[1].ID}},
		"unknown commune":  {Name: "Mới", Kind: domain.CommuneXa, UnderID: root.ID, Sources: []string{"nope"}},
		"kind not allowed": {Name: "Mới", Kind: "huyen", UnderID: root.ID, Sources: []string{communes[0].ID}},
	} {
		_, err := st.MergeCommunes(ctx, m)
		var de *domain.Error
		if !asDomain(err, &de) || de.Code != domain.EInvalid || de.Message == "" {
			t.Errorf("%s: %v, want a clear refusal", name, err)
		}
	}
	if after, _ := st.Stats(ctx); after != stats {
		t.Errorf("a refused merger changed the registry: %+v → %+v", stats, after)
	}
}

// Two machines that build the preset get the same records.
func TestNinhBinh2025IsDeterministic(t *testing.T) {
	ctx := context.Background()
	ids := func() []string {
		recs, err := NinhBinh2025(ctx, filepath.Join(t.TempDir(), "p.db"))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			out = append(out, r.Kind+"/"+r.ID)
		}
		slices.Sort(out)
		return out
	}
	if a, b := ids(), ids(); !slices.Equal(a, b) {
		t.Error("the preset's ids differ between two builds")
	}
}

func asDomain(err error, de **domain.Error) bool {
	e, ok := err.(*domain.Error)
	*de = e
	return ok
}

// Since 2025 a commune-level unit may be an đặc khu (an island district made one unit):
// the register takes it, a merger names its committee after it, and a kind the
// registry does not know is refused with the kinds of today in the message.
func TestSpecialZoneIsACommuneKind(t *testing.T) {
	ctx := context.Background()
	st, communes, root, _ := kimSon2018Store(t)
	res, err := st.MergeCommunes(ctx, store.CommuneMerger{Name: "Bạch Long Vĩ", Kind: domain.CommuneDacKhu, UnderID: root.ID, Sources: []string{communes[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	units, _ := st.ListUnits(ctx)
	name := ""
	for _, u := range units {
		if u.ID == res.CommitteeID {
			name = u.Name
		}
	}
	if name != "Đảng bộ đặc khu Bạch Long Vĩ" {
		t.Errorf("the merger's committee is named %q", name)
	}
	_, err = st.SaveCommune(ctx, domain.Commune{Name: "Mới", Kind: "huyen"})
	var de *domain.Error
	if !asDomain(err, &de) || de.Message != "Loại đơn vị hành chính phải là xã, phường, đặc khu hoặc thị trấn." {
		t.Errorf("a district as a commune's kind: %v", err)
	}
}

// kimSon2018Store is a new store holding the 2018 demo, with its communes, its top
// committee and one of its cells.
func kimSon2018Store(t *testing.T) (st *store.Store, communes []domain.Commune, root, cell domain.Unit) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "nb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.ImportSnapshot(ctx, KimSon2018()); err != nil {
		t.Fatal(err)
	}
	communes, _ = st.ListCommunes(ctx)
	units, _ := st.ListUnits(ctx)
	for _, u := range units {
		if u.ParentID == "" {
			root = u
		} else if u.Kind == domain.KindSubordinateCell && cell.ID == "" {
			cell = u
		}
	}
	return st, communes, root, cell
}
