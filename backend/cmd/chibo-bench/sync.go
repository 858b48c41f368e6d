package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"chibo/backend/domain"
	"chibo/backend/hlc"
	"chibo/backend/passwd"
	"chibo/backend/server"
	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
)

// syncEnv is a real server stack on loopback HTTP, as the sync tests use.
type syncEnv struct {
	st  *serverstore.Store
	hs  *httptest.Server
	dir string
	n   int

	mu     sync.Mutex
	timing bool            // record how long the server takes per request
	served []time.Duration // server-side time of each request while timing
}

// newSyncEnv serves a SQLite file in dir, or with pg a fresh schema of that PostgreSQL
// database.
func newSyncEnv(dir, pg string) *syncEnv {
	serverstore.PasswordParams = passwd.Fast
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	where := filepath.Join(dir, "server")
	if pg != "" {
		where = freshSchema(pg)
	}
	st, err := serverstore.OpenAt(where)
	if err != nil {
		fail(err)
	}
	e := &syncEnv{st: st, dir: dir}
	srv := server.New(st, nil)
	e.hs = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		srv.ServeHTTP(w, r)
		e.mu.Lock()
		if e.timing {
			e.served = append(e.served, time.Since(start))
		}
		e.mu.Unlock()
	}))
	return e
}

func (e *syncEnv) close() { e.hs.Close(); e.st.Close() }

// districtRecords makes n unit records shaped like a district's: cells of 27 communes
// under their committees, with members and a note.
func districtRecords(n int) []syncproto.Record {
	clock := hlc.Timestamp{Wall: time.Now().UnixMilli(), Node: "seed"}.String()
	recs := make([]syncproto.Record, n)
	for i := range recs {
		recs[i] = syncproto.Record{Kind: "unit", ID: fmt.Sprintf("u-%07d", i), HLC: clock,
			Fields: map[string]json.RawMessage{"kind": json.RawMessage(`"subordinate_cell"`), "name": json.RawMessage(fmt.Sprintf(`"Chi bộ Xóm %d"`, i)),
				"communeId": json.RawMessage(fmt.Sprintf(`"c-%02d"`, i%27)), "members": json.RawMessage(strconv.Itoa(5 + i%40)), "status": json.RawMessage(`"active"`),
				"parentId": json.RawMessage(fmt.Sprintf(`"p-%d"`, i/20)), "note": json.RawMessage(`"Sinh hoạt ngày 5 hằng tháng"`)},
			FieldHLC: map[string]string{"kind": clock, "name": clock, "communeId": clock, "members": clock, "status": clock, "parentId": clock, "note": clock}}
	}
	return recs
}

// device enrols a new desktop store of a standing-board account.
func (e *syncEnv) device() *syncclient.Client {
	ctx := context.Background()
	e.n++
	name := fmt.Sprintf("board%d", e.n)
	u, err := e.st.AddUser(ctx, serverstore.User{Username: name, DisplayName: name, Role: "standing_board"}, "mat-khau-bench")
	if err != nil {
		fail(err)
	}
	st, err := store.Open(filepath.Join(e.dir, name+".db"))
	if err != nil {
		fail(err)
	}
	resp, err := syncclient.Login(ctx, nil, e.hs.URL, syncproto.LoginRequest{Username: name, Password: "mat-khau-bench", DeviceID: st.DeviceID(), DeviceName: "bench"})
	if err != nil {
		fail(err)
	}
	st.SetUser(u.ID)
	return syncclient.New(st, e.hs.URL, resp.Token, nil)
}

func p(ds []time.Duration, q float64) float64 {
	if len(ds) == 0 {
		return 0 // no sample (every request failed): the errors line says so
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	i := int(float64(len(ds)-1) * q)
	return round(float64(ds[i].Microseconds()) / 1000)
}

func syncOnce(c *syncclient.Client) syncclient.Report {
	rep, err := c.SyncOnce(context.Background())
	if err != nil {
		fail(err)
	}
	return rep
}

// syncBenchmarks measures the sync engine end to end over loopback HTTP against a real
// server, against the SQLite insert limit of the same run; quick scales the record counts
// down for CI. With pg the server runs on that PostgreSQL database: the figures are named
// postgres_…, without pouchdb's and the 200 devices' (which measure the machine).
func syncBenchmarks(dir, pg string, quick bool) []Result {
	if os.Getenv("CHIBO_BENCH_ONLY_DEVICES") != "" {
		return devices200(filepath.Join(dir, "devices"))
	}
	prefix := ""
	if pg != "" {
		prefix = "postgres_"
	}
	ctx := context.Background()
	n := 100000
	if quick {
		n = 10000
	}
	var out []Result
	recs := districtRecords(n)

	// The physical limit: the same rows straight into SQLite in one transaction, measured
	// just before each of the three pulls (pairedRuns).
	limitRun := func(name string) func(int) float64 {
		return func(i int) float64 { return sqliteLimit(filepath.Join(dir, fmt.Sprintf("%s%d.db", name, i)), recs) }
	}

	env := newSyncEnv(filepath.Join(dir, "sync"), pg)
	defer env.close()
	if _, err := env.st.Import(ctx, recs); err != nil {
		fail(err)
	}
	// The initial pull: three desktops' first syncs (the last one goes on).
	var dev *syncclient.Client
	pulls, mid := pairedRuns(limitRun("limit"), func(int) float64 {
		dev = env.device()
		start := time.Now()
		rep := syncOnce(dev)
		if rep.Pulled != n {
			fail(fmt.Errorf("initial pull brought %d of %d records", rep.Pulled, n))
		}
		return float64(rep.Pulled) / time.Since(start).Seconds()
	}, func(q pair) float64 { return q.value / q.limit })
	pull, limit := mid.value, mid.limit
	var pouch float64
	var note string
	if pg == "" {
		pouch, note = pouchPull(dir, n)
	}
	out = append(out,
		Result{Name: "sqlite_insert_limit_records_per_s", Value: round(limit), Unit: "records/s"},
		Result{Name: prefix + "initial_pull_records_per_s", Value: round(pull), Unit: "records/s", Baseline: round(limit),
			Target: ">= 0.6 of the SQLite insert limit and >= 10x pouchdb: " + met(pull >= 0.6*limit && (pouch == 0 || pull >= 10*pouch)),
			Note: fmt.Sprintf("median of three pulls, each against the limit measured just before it: %.0f / %.0f, %.0f / %.0f, %.0f / %.0f records/s",
				pulls[0].value, pulls[0].limit, pulls[1].value, pulls[1].limit, pulls[2].value, pulls[2].limit)})
	if pg == "" {
		pr := Result{Name: "pouchdb_pull_records_per_s", Value: round(pouch), Unit: "records/s", Note: note}
		if pouch > 0 {
			pr.Baseline = round(pull)
			pr.Target = fmt.Sprintf("ours >= 10x: %s", met(pull >= 10*pouch))
		}
		out = append(out, pr)
	}

	// No-op sync.
	var lat []time.Duration
	for i := 0; i < 50; i++ {
		s := time.Now()
		syncOnce(dev)
		lat = append(lat, time.Since(s))
	}
	noop := p(lat, 0.5)
	out = append(out, Result{Name: prefix + "noop_sync_p50_ms", Value: noop, Unit: "ms", Target: "<= 20 ms: " + met(noop <= 20)})

	// 100 changes, then 10,000 offline changes.
	st := dev.Store()
	var parents []domain.Unit
	for i := 0; i < 500; i++ {
		u, err := st.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị %d", i)})
		if err != nil {
			fail(err)
		}
		parents = append(parents, u)
	}
	syncOnce(dev)
	edit := func(k int) {
		for i := 0; i < k; i++ {
			u := parents[i%len(parents)]
			u.Note = fmt.Sprintf("ghi chú %d-%d", k, time.Now().UnixNano())
			u2, err := st.SaveUnit(ctx, u)
			if err != nil {
				fail(err)
			}
			parents[i%len(parents)] = u2
		}
	}
	lat = lat[:0]
	for r := 0; r < 15; r++ {
		edit(100)
		s := time.Now()
		syncOnce(dev)
		lat = append(lat, time.Since(s))
	}
	out = append(out, Result{Name: prefix + "sync_100_changes_p50_ms", Value: p(lat, 0.5), Unit: "ms"})
	share := func(q pair) float64 { return 10000 / q.value / q.limit } // of the limit
	pushes, mid := pairedRuns(limitRun("pushlimit"), func(int) float64 {
		edit(10000)
		start := time.Now()
		rep := syncOnce(dev)
		if rep.Pushed != 10000 || rep.Refused != 0 {
			fail(fmt.Errorf("10k push: %+v", rep))
		}
		return time.Since(start).Seconds()
	}, share)
	// Baseline: the time the limit takes for 10,000 rows (ratio = push/that, so 0.2 of the
	// limit is a ratio of 5 or less).
	out = append(out, Result{Name: prefix + "push_10k_offline_changes_s", Value: round(mid.value), Unit: "s", Baseline: math.Round(1e5*10000/mid.limit) / 1e5,
		Target: ">= 0.2 of the SQLite insert limit: " + met(share(mid) >= 0.2),
		Note: fmt.Sprintf("%.0f changes/s, %.3f of the limit; median of three pushes, each against the limit measured just before it: %.3f s / %.0f rows/s (%.3f), %.3f s / %.0f (%.3f), %.3f s / %.0f (%.3f)",
			10000/mid.value, share(mid), pushes[0].value, pushes[0].limit, share(pushes[0]), pushes[1].value, pushes[1].limit, share(pushes[1]), pushes[2].value, pushes[2].limit, share(pushes[2]))})
	if pg != "" {
		// The targets are the SQLite server's; PostgreSQL's figures stand beside them.
		for i := range out {
			out[i].Target = ""
		}
		return out
	}
	return append(out, devices200(filepath.Join(dir, "devices"))...)
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// devices200 enrols 200 desktops on one server (2,000 records), brings each up to date,
// makes 100 changes on the server side through one of them, then has all 200 sync at
// once and reports the 99th percentile of their sync times and how many failed.
func devices200(dir string) []Result {
	ctx := context.Background()
	env := newSyncEnv(dir, "")
	defer env.close()
	if _, err := env.st.Import(ctx, districtRecords(2000)); err != nil {
		fail(err)
	}
	devs := make([]*syncclient.Client, 200)
	for i := range devs {
		devs[i] = env.device()
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for _, d := range devs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			syncOnce(d)
		}()
	}
	wg.Wait()
	w := devs[0].Store()
	for i := 0; i < 100; i++ {
		if _, err := w.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị mới %d", i)}); err != nil {
			fail(err)
		}
	}
	syncOnce(devs[0])
	env.mu.Lock()
	env.timing = true
	env.mu.Unlock()
	lat := make([]time.Duration, len(devs))
	var errs int
	var mu sync.Mutex
	for i, d := range devs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := time.Now()
			_, err := d.SyncOnce(ctx)
			lat[i] = time.Since(s)
			if err != nil {
				mu.Lock()
				errs++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	p99 := p(lat, 0.99)
	env.mu.Lock()
	served := p(env.served, 0.99)
	env.mu.Unlock()
	for _, d := range devs {
		d.Store().Close()
	}
	return []Result{
		{Name: "devices_200_incremental_p99_ms", Value: p99, Unit: "ms", Target: "<= 250 ms: " + met(p99 <= 250),
			Note: "end to end, all 200 desktops (each applying 100 records to its own SQLite file) and the server on this one machine"},
		{Name: "devices_200_server_p99_ms", Value: served, Unit: "ms", Note: "time the server spent per request in the same run"},
		{Name: "devices_200_errors", Value: float64(errs), Unit: "errors", Target: "0: " + met(errs == 0)},
	}
}

// pair is one measurement and the insert limit measured just before it.
type pair struct{ value, limit float64 }

// pairedRuns measures three times, each right after a limit of its own, and returns the
// pairs and the one whose share of its limit is the median. On this shared machine the
// speed drifts by a third within an hour, and one run of either side can be off by a
// quarter: a limit measured minutes before divided a figure measured under other load.
func pairedRuns(limit, measure func(i int) float64, share func(pair) float64) ([]pair, pair) {
	var pairs []pair
	for i := 0; i < 3; i++ {
		l := limit(i)
		pairs = append(pairs, pair{measure(i), l})
	}
	sorted := slices.Clone(pairs)
	slices.SortFunc(sorted, func(a, b pair) int { return cmp.Compare(share(a), share(b)) })
	return pairs, sorted[1]
}

// sqliteLimit inserts the records' rows into a plain table of a store file (same driver
// and settings as the desktop) in one transaction and returns rows per second.
func sqliteLimit(path string, recs []syncproto.Record) float64 {
	st, err := store.Open(path)
	if err != nil {
		fail(err)
	}
	defer st.Close()
	db := st.DB()
	if _, err := db.Exec(`CREATE TABLE bench_units (id TEXT PRIMARY KEY, parent_id TEXT, kind TEXT, name TEXT, commune_id TEXT, members INTEGER, status TEXT, note TEXT, field_hlc TEXT, hlc TEXT)`); err != nil {
		fail(err)
	}
	str := func(r json.RawMessage) string { var s string; json.Unmarshal(r, &s); return s }
	start := time.Now()
	tx, err := db.Begin()
	if err != nil {
		fail(err)
	}
	stmt, err := tx.Prepare(`INSERT INTO bench_units VALUES (?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		fail(err)
	}
	for _, r := range recs {
		fh, _ := json.Marshal(r.FieldHLC)
		m, _ := strconv.Atoi(string(r.Fields["members"]))
		if _, err := stmt.Exec(r.ID, str(r.Fields["parentId"]), str(r.Fields["kind"]), str(r.Fields["name"]), str(r.Fields["communeId"]), m, str(r.Fields["status"]), str(r.Fields["note"]), string(fh), r.HLC); err != nil {
			fail(err)
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		fail(err)
	}
	return float64(len(recs)) / time.Since(start).Seconds()
}

// pouchPull installs pouchdb-server 4.2.0 into its own folder, loads n documents of the
// same shape into it and times a replication to a client on loopback. It returns 0 and
// why when that cannot be done here.
func pouchPull(dir string, n int) (float64, string) {
	if _, err := exec.LookPath("npm"); err != nil {
		return 0, "npm is not installed here"
	}
	pdir := filepath.Join(os.TempDir(), "chibo-pouch")
	os.MkdirAll(pdir, 0o755)
	if _, err := os.Stat(filepath.Join(pdir, "node_modules", "pouchdb-server")); err != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund", "--prefix", pdir, "pouchdb-server@4.2.0", "pouchdb@7.3.1", "pouchdb-adapter-memory@7.3.1")
		if out, err := cmd.CombinedOutput(); err != nil {
			return 0, "npm install pouchdb-server@4.2.0 failed: " + lastLine(string(out), err)
		}
	}
	script := filepath.Join(pdir, "bench.js")
	if err := os.WriteFile(script, []byte(pouchScript), 0o644); err != nil {
		return 0, err.Error()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", script, strconv.Itoa(n))
	cmd.Dir = pdir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, "pouchdb run failed: " + lastLine(string(out), err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "RESULT "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err == nil && f > 0 {
				return f, fmt.Sprintf("pouchdb-server 4.2.0 (in memory) replicated %d documents to a PouchDB client on loopback", n)
			}
		}
	}
	return 0, "pouchdb run printed no result: " + lastLine(string(out), errors.New("no RESULT line"))
}

func lastLine(s string, err error) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, "\n"); i >= 0 {
		s = s[i+1:]
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return fmt.Sprintf("%v: %s", err, s)
}

// pouchScript starts pouchdb-server in memory on a free loopback port, loads the documents
// in bulk, and replicates them to an in-memory PouchDB client, timing the replication.
const pouchScript = `
const { spawn } = require('child_process');
const net = require('net');
const path = require('path');
const n = +process.argv[2];
const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-memory'));
function freePort() { return new Promise(r => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); }); }
(async () => {
  const port = await freePort();
  const srv = spawn(path.join(__dirname, 'node_modules', '.bin', 'pouchdb-server'), ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  const url = 'http://127.0.0.1:' + port + '/district';
  let remote;
  for (let i = 0; i < 150; i++) { try { remote = new PouchDB(url); await remote.info(); break; } catch (e) { remote = null; await new Promise(r => setTimeout(r, 200)); } }
  if (!remote) { srv.kill(); throw new Error('pouchdb-server did not start'); }
  for (let i = 0; i < n; i += 1000) {
    const docs = [];
    for (let j = i; j < Math.min(n, i + 1000); j++) docs.push({ _id: 'u-' + String(j).padStart(7, '0'), kind: 'subordinate_cell', name: 'Chi bộ Xóm ' + j, communeId: 'c-' + String(j % 27).padStart(2, '0'), members: 5 + j % 40, status: 'active', parentId: 'p-' + Math.floor(j / 20), note: 'Sinh hoạt ngày 5 hằng tháng' });
    await remote.bulkDocs(docs);
  }
  const local = new PouchDB('client', { adapter: 'memory' });
  const t0 = Date.now();
  const res = await PouchDB.replicate(remote, local, { batch_size: 1000 });
  const s = (Date.now() - t0) / 1000;
  console.log('RESULT', res.docs_written / s);
  srv.kill();
  process.exit(0);
})().catch(e => { console.error(String(e)); process.exit(1); });
` + "\n"
