// Command chibo-bench measures Chi Bộ's performance targets and prints one JSON object per
// line: name, value, unit and, where a baseline applies, the baseline measured in the same
// run and the ratio value/baseline. `make bench` runs it; -quick makes a run small enough
// for CI. `chibo-bench load` is the load generator (load.go).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sync"
	"testing"

	"chibo/backend/demo"
	"chibo/backend/domain"
	"chibo/backend/store"
)

// Result is one printed figure.
type Result struct {
	Name     string  `json:"name"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Baseline float64 `json:"baseline,omitempty"`
	Ratio    float64 `json:"ratio,omitempty"`
	Target   string  `json:"target,omitempty"`
	Note     string  `json:"note,omitempty"`
}

var cpuProfile = flag.String("cpuprofile", "", "write a CPU profile of the run to this file")

var only = flag.String("only", "", "run one group: registry, scoring, visits, sync, rss, province, overview or national")

var quick = flag.Bool("quick", false, "smaller sizes, for CI (10,000 records instead of 100,000)")

var dbURL = flag.String("db", "", "run the sync and national groups only, their server on the PostgreSQL database at this URL (in a schema of the run's own) instead of a SQLite file")

func main() {
	if len(os.Args) > 1 && os.Args[1] == "load" {
		runLoad(os.Args[2:])
		return
	}
	flag.Parse()
	if *childMode != "" {
		runChild()
	}
	dir, err := os.MkdirTemp("", "chibo-bench-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	groups := []struct {
		name string
		run  func() []Result
	}{
		{"registry", func() []Result { return registryBenchmarks(dir) }},
		{"scoring", func() []Result { return scoringBenchmarks(dir) }},
		{"visits", func() []Result { return visitBenchmarks(dir) }},
		{"sync", func() []Result { return syncBenchmarks(dir, *dbURL, *quick) }},
		{"rss", func() []Result { return rssResults(*quick) }},
		{"province", func() []Result { return provinceBenchmarks(dir, *quick) }},
		{"overview", func() []Result { return overviewBenchmarks(dir, *quick) }},
		{"national", func() []Result { return nationalBenchmarks(dir, *dbURL, *quick) }},
	}
	for _, g := range groups {
		if *only != "" && *only != g.name {
			continue
		}
		if *dbURL != "" && g.name != "sync" && g.name != "national" {
			continue // the groups with a server; the others measure the desktop alone
		}
		for _, r := range g.run() {
			print(r)
		}
	}
}

func print(r Result) {
	if r.Baseline > 0 {
		r.Ratio = round(r.Value / r.Baseline)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.Encode(r)
}

func round(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

func ms(res testing.BenchmarkResult) float64 { return round(float64(res.NsPerOp()) / 1e6) }

// fail ends the run; what atExit registered (server processes, temporary folders) is
// undone first, since deferred calls do not run past os.Exit.
func fail(err error) {
	fmt.Fprintln(os.Stderr, "chibo-bench:", err)
	exitMu.Lock()
	hooks := exitHooks
	exitHooks = nil
	exitMu.Unlock()
	for i := len(hooks) - 1; i >= 0; i-- {
		hooks[i]()
	}
	os.Exit(1)
}

var (
	exitMu    sync.Mutex
	exitHooks []func()
)

// atExit registers f to run if the run fails.
func atExit(f func()) {
	exitMu.Lock()
	exitHooks = append(exitHooks, f)
	exitMu.Unlock()
}

// registryBenchmarks measures the unit registry over the Kim Sơn demo (539 units): opening
// the store, loading the tree and one search keystroke, each against the cost of a bare
// scan of the units table in the same run.
func registryBenchmarks(dir string) []Result {
	ctx := context.Background()
	path := filepath.Join(dir, "registry.db")
	st, err := store.Open(path)
	if err != nil {
		fail(err)
	}
	if err := st.ImportSnapshot(ctx, demo.KimSon2018()); err != nil {
		fail(err)
	}
	st.Close()

	open := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			s, err := store.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	st, err = store.Open(path)
	if err != nil {
		fail(err)
	}
	defer st.Close()
	scan := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			rows, err := st.DB().QueryContext(ctx, `SELECT id, parent_id, name FROM units WHERE deleted = 0`)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				var id, parent, name string
				rows.Scan(&id, &parent, &name)
			}
			rows.Close()
		}
	})
	list := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			if _, err := st.ListUnits(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	const query = "dong huong"
	search := testing.Benchmark(func(b *testing.B) {
		i := 0
		for b.Loop() {
			i = i%len(query) + 1
			if _, err := st.SearchUnits(ctx, query[:i], 200); err != nil {
				b.Fatal(err)
			}
		}
	})
	return []Result{
		{Name: "store_open_demo_ms", Value: ms(open), Unit: "ms"},
		{Name: "units_raw_scan_ms", Value: ms(scan), Unit: "ms"},
		{Name: "unit_tree_load_ms", Value: ms(list), Unit: "ms", Baseline: ms(scan)},
		{Name: "unit_search_keystroke_ms", Value: ms(search), Unit: "ms", Baseline: ms(scan), Target: "< 20 ms"},
	}
}

// scoredDistrict opens a store in dir holding the Kim Sơn demo, the example criteria set
// and a year of its 76 organizations' score sheets: the data the scoring and overview
// groups measure.
func scoredDistrict(dir, name string) *store.Store {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(dir, name))
	if err != nil {
		fail(err)
	}
	if err := st.ImportSnapshot(ctx, demo.KimSon2018()); err != nil {
		fail(err)
	}
	if _, err := st.LoadExampleCriteriaSet(ctx, ""); err != nil {
		fail(err)
	}
	if err := st.ImportScoreSheets(ctx, demo.ScoringHLC, demo.ScoringYear(2018)); err != nil {
		fail(err)
	}
	return st
}

// boardOfficials are the ids of the Standing Board's and the Organization Board's
// officials, who plan the benchmarks' visits.
func boardOfficials(ctx context.Context, st *store.Store) []string {
	officials, err := st.ListOfficials(ctx)
	if err != nil {
		fail(err)
	}
	var board []string
	for _, o := range officials {
		if o.Role == domain.RoleStandingBoard || o.Role == domain.RoleOrgBoard {
			board = append(board, o.ID)
		}
	}
	return board
}

// memberCells are the store's units that hold members (the cells visits and matters go to).
func memberCells(ctx context.Context, st *store.Store) []domain.Unit {
	units, err := st.ListUnits(ctx)
	if err != nil {
		fail(err)
	}
	var cells []domain.Unit
	for _, u := range units {
		if u.Kind.HoldsMembers() {
			cells = append(cells, u)
		}
	}
	return cells
}
