package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"chibo/backend/access"
	"chibo/backend/hlc"
	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncproto"
)

// The 2025 province (issue 9): 129 communes, each with its committee, about 3,000
// grassroots organizations and 14,000 cells, a year of meetings and a few planned visits
// at both levels.
const (
	provCommunes   = 129
	provGrassroots = 3000
	provCells      = 14000
)

type provinceGen struct {
	clock  string
	prefix string // before every id: several provinces in one national dataset
	recs   []syncproto.Record
}

func (g *provinceGen) add(kind, id string, fields map[string]any) {
	for _, ref := range []string{"communeId", "parentId", "cellId", "scheduleId", "officialId", "committeeId", "unitId"} {
		if v, ok := fields[ref].(string); ok && v != "" {
			fields[ref] = g.prefix + v
		}
	}
	r := syncproto.Record{Kind: kind, ID: g.prefix + id, HLC: g.clock, Fields: map[string]json.RawMessage{}, FieldHLC: map[string]string{}}
	for k, v := range fields {
		b, _ := json.Marshal(v)
		r.Fields[k], r.FieldHLC[k] = b, g.clock
	}
	g.recs = append(g.recs, r)
}

// provinceRecords builds the province with months of schedules (12 for the full run).
func provinceRecords(months int) []syncproto.Record { return provinceOf("", "", months) }

// provinceOf builds one province whose ids start with prefix and whose communes lie in
// area (none: the province is the whole server).
func provinceOf(prefix, area string, months int) []syncproto.Record {
	g := &provinceGen{clock: hlc.Timestamp{Wall: time.Now().UnixMilli(), Node: "seed"}.String(), prefix: prefix}
	g.add("unit", "prov", map[string]any{"kind": "supervising_committee", "name": "Đảng bộ tỉnh " + prefix + "Ninh Bình", "status": "active"})
	cellsOf := map[int][]string{}
	for c := 0; c < provCommunes; c++ {
		cid, com := fmt.Sprintf("c-%03d", c), fmt.Sprintf("dc-%03d", c)
		commune := map[string]any{"name": fmt.Sprintf("Xã %s%d", prefix, c), "kind": "xa", "status": "active"}
		if area != "" {
			commune["areaId"] = area
		}
		g.add("commune", cid, commune)
		g.add("unit", com, map[string]any{"kind": "supervising_committee", "name": fmt.Sprintf("Đảng bộ xã %d", c), "communeId": cid, "parentId": "prov", "status": "active"})
		g.add("official", "tc-"+cid, map[string]any{"name": "Cán bộ tỉnh " + cid, "role": "district_cadre", "communeId": cid, "active": 1})
		g.add("official", "dc-"+cid, map[string]any{"name": "Đảng ủy viên " + cid, "role": "district_committee", "communeId": cid, "committeeId": com, "active": 1})
	}
	// A third of the grassroots organizations are committees holding the cells below them,
	// spread so that every commune has some.
	cell := 0
	var committees []int
	for o := 0; o < provGrassroots; o++ {
		c := o % provCommunes
		cid, oid := fmt.Sprintf("c-%03d", c), fmt.Sprintf("g-%05d", o)
		if (o/provCommunes)%3 == 0 {
			g.add("unit", oid, map[string]any{"kind": "grassroots_committee", "name": "Đảng bộ " + oid, "communeId": cid, "parentId": fmt.Sprintf("dc-%03d", c), "status": "active"})
			committees = append(committees, o)
			continue
		}
		g.add("unit", oid, map[string]any{"kind": "grassroots_cell", "name": "Chi bộ " + oid, "communeId": cid, "parentId": fmt.Sprintf("dc-%03d", c), "members": 20, "status": "active"})
		cellsOf[c] = append(cellsOf[c], oid)
		cell++
	}
	for i := 0; cell < provCells; i, cell = i+1, cell+1 {
		parent := committees[i%len(committees)]
		c := parent % provCommunes
		id := fmt.Sprintf("s-%05d", i)
		g.add("unit", id, map[string]any{"kind": "subordinate_cell", "name": "Chi bộ " + id, "communeId": fmt.Sprintf("c-%03d", c),
			"parentId": fmt.Sprintf("g-%05d", parent), "members": 15 + i%30, "status": "active"})
		cellsOf[c] = append(cellsOf[c], id)
	}
	for m := 1; m <= months; m++ {
		month := fmt.Sprintf("2026-%02d", m)
		for c := 0; c < provCommunes; c++ {
			cid := fmt.Sprintf("c-%03d", c)
			for k, cellID := range cellsOf[c] {
				sid := "m-" + month + "-" + cellID
				g.add("schedule", sid, map[string]any{"cellId": cellID, "communeId": cid, "month": month, "date": month + "-" + fmt.Sprintf("%02d", 1+k%28),
					"startTime": "07:30", "place": "Nhà văn hóa", "kind": "regular", "status": "published", "restricted": 0})
				if k < 2 { // one plan of the province and one of the commune's committee
					official, committee := "tc-"+cid, ""
					if k == 1 {
						official, committee = "dc-"+cid, fmt.Sprintf("dc-%03d", c)
					}
					g.add("visit", "v-"+sid, map[string]any{"scheduleId": sid, "cellId": cellID, "communeId": cid, "officialId": official,
						"committeeId": committee, "date": month + "-" + fmt.Sprintf("%02d", 1+k%28), "status": "planned", "restricted": 1})
				}
			}
		}
	}
	return g.recs
}

// provinceBenchmarks: the initial pull of one commune committee's scope and of the whole
// province (server side, pages of the largest size), the scope filter's cost per page
// against an unfiltered page of the same size in the same run, and the month grid and
// round overview on a desktop holding the whole province.
func provinceBenchmarks(dir string, quick bool) []Result {
	ctx := context.Background()
	months := 12
	if quick {
		months = 1
	}
	recs := provinceRecords(months)
	st, err := serverstore.Open(filepath.Join(dir, "province"))
	if err != nil {
		fail(err)
	}
	defer st.Close()
	start := time.Now()
	if _, err := st.Import(ctx, recs); err != nil {
		fail(err)
	}
	var out []Result
	out = append(out, Result{Name: "province_import", Value: round(time.Since(start).Seconds()), Unit: "s",
		Note: fmt.Sprintf("%d records: %d communes, %d grassroots organizations, %d cells, %d months of meetings, plans at both levels", len(recs), provCommunes, provGrassroots, provCells, months)})

	pullAll := func(scope access.Scope) (int, time.Duration) {
		n, cur := 0, serverstore.Cursor{}
		t0 := time.Now()
		for {
			resp, err := st.Pull(ctx, scope, cur, syncproto.MaxPageSize, false)
			if err != nil {
				fail(err)
			}
			n += len(resp.Records)
			c, err := serverstore.ParseCursor(resp.Cursor)
			if err != nil {
				fail(err)
			}
			cur = c
			if !resp.HasMore {
				return n, time.Since(t0)
			}
		}
	}
	board := access.Scope{Role: access.StandingBoard}
	commune := access.Scope{Role: access.StandingBoard, CommitteeID: "dc-064", CommuneID: "c-064"}
	cadre := access.Scope{Role: access.DistrictCadre, CommuneID: "c-064"}
	nb, tb := pullAll(board)
	out = append(out, Result{Name: "province_initial_pull_whole_province", Value: round(float64(nb) / tb.Seconds()), Unit: "records/s",
		Note: fmt.Sprintf("the province's Standing Board: %d records in %.2f s", nb, tb.Seconds())})
	nc, tc := pullAll(commune)
	out = append(out, Result{Name: "province_initial_pull_one_commune_committee", Value: round(tc.Seconds() * 1000), Unit: "ms",
		Note: fmt.Sprintf("a commune committee's Standing Board: %d records (its commune, its own plans only)", nc)})

	// The scope filter's cost: a scope's whole first page against an unfiltered page of
	// as many records, so that both return the same amount and only the filter differs.
	page := func(scope access.Scope, limit int) func(*testing.B) {
		return func(b *testing.B) {
			for range b.N {
				if _, err := st.Pull(ctx, scope, serverstore.Cursor{}, limit, false); err != nil {
					fail(err)
				}
			}
		}
	}
	for _, s := range []struct {
		name  string
		scope access.Scope
	}{{"commune_committee", commune}, {"province_cadre_of_one_commune", cadre}} {
		resp, err := st.Pull(ctx, s.scope, serverstore.Cursor{}, syncproto.MaxPageSize, false)
		if err != nil {
			fail(err)
		}
		n := len(resp.Records)
		r := testing.Benchmark(page(s.scope, syncproto.MaxPageSize))
		base := testing.Benchmark(page(board, n))
		out = append(out, Result{Name: "province_pull_page_" + s.name, Value: ms(r), Unit: "ms/page", Baseline: ms(base),
			Note: fmt.Sprintf("the scope's first page (%d records of %d) through the filter; baseline: an unfiltered page of as many records", n, len(recs))})
	}

	// The desktop of the province's Standing Board, holding everything.
	ds, err := store.Open(filepath.Join(dir, "province-desktop.db"))
	if err != nil {
		fail(err)
	}
	defer ds.Close()
	local := make([]store.Record, len(recs))
	for i, r := range recs {
		local[i] = store.Record(r)
	}
	if err := ds.ImportRecords(ctx, local); err != nil {
		fail(err)
	}
	grid := testing.Benchmark(func(b *testing.B) {
		for range b.N {
			if _, err := ds.MonthGrid(ctx, "c-064", "2026-01"); err != nil {
				fail(err)
			}
		}
	})
	out = append(out, Result{Name: "province_month_grid", Value: ms(grid), Unit: "ms", Note: "one commune's month grid on a desktop holding the whole province"})
	ov := testing.Benchmark(func(b *testing.B) {
		for range b.N {
			if _, err := ds.RoundOverview(ctx, "2026-01"); err != nil {
				fail(err)
			}
		}
	})
	out = append(out, Result{Name: "province_round_overview", Value: ms(ov), Unit: "ms", Note: "the month's round overview over the whole province"})
	return out
}
