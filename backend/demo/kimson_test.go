package demo

import (
	"context"
	"path/filepath"
	"testing"

	"chibo/backend/store"
)

func TestKimSon2018MatchesTheArticle(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.ImportSnapshot(ctx, KimSon2018()); err != nil {
		t.Fatal(err)
	}
	got, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{
		"communes":               {got.Communes, 27},
		"grassroots_committees":  {got.GrassrootsCommittees, 30},
		"grassroots_cells":       {got.GrassrootsCells, 46},
		"subordinate_cells":      {got.SubordinateCells, 462},
		"members":                {got.Members, 7575},
		"religious_members":      {got.ReligiousMembers, 780},
		"district_cadres":        {got.DistrictCadres, 27},
		"units (root+30+46+462)": {got.Units, 539},
	}
	for name, gw := range want {
		if gw[0] != gw[1] {
			t.Errorf("%s = %d, want %d", name, gw[0], gw[1])
		}
	}
	units, err := st.ListUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if err := u.Validate(); err != nil {
			t.Errorf("demo unit %q breaks a rule: %v", u.Name, err)
		}
	}
	// Loading twice changes nothing and writes no change-log row: the demo is a baseline.
	if err := st.ImportSnapshot(ctx, KimSon2018()); err != nil {
		t.Fatal(err)
	}
	var pending int
	st.DB().QueryRow(`SELECT count(*) FROM outbox`).Scan(&pending)
	again, _ := st.Stats(ctx)
	if again != got || pending != 0 {
		t.Errorf("second import changed stats (%+v) or wrote %d change-log rows", again, pending)
	}
}

func TestKimSon2018IsDeterministic(t *testing.T) {
	a, b := KimSon2018(), KimSon2018()
	if len(a.Units) != len(b.Units) || len(a.Officials) != len(b.Officials) {
		t.Fatal("sizes differ between two builds")
	}
	for i := range a.Units {
		if a.Units[i] != b.Units[i] {
			t.Fatalf("unit %d differs: %+v vs %+v", i, a.Units[i], b.Units[i])
		}
	}
	for i := range a.Officials {
		if a.Officials[i] != b.Officials[i] {
			t.Fatalf("official %d differs", i)
		}
	}
}
