package main

// chibo-bench load: a load generator in its own process. It speaks the sync protocol over
// HTTP as desktops do, but keeps each device's state in memory (token, cursor, change
// sequence) instead of a desktop database, so one process can be a thousand devices.
//
// With --url it drives servers that are already running (the Kim Sơn demo accounts, as
// `chibo-server demo-accounts` creates them). Without it, it prepares a database (the
// SQLite file in a temporary folder, or --db postgres://…), starts --procs chibo-server
// processes on it and spreads the requests over them in turn, as a load balancer would.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"chibo/backend/hlc"
	"chibo/backend/passwd"
	"chibo/backend/seed"
	"chibo/backend/serverstore"
	"chibo/backend/syncproto"
)

type loadConfig struct {
	urls     []string
	db       string // "" = a SQLite file in a temporary folder
	procs    int
	devices  int
	duration time.Duration
	think    time.Duration
	label    string
	bin      string   // chibo-server binary ("" = build it from this module)
	extra    []string // more arguments for the first server started (e.g. --pprof-addr)
}

func runLoad(args []string) {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	urls := fs.String("url", "", "comma-separated URLs of running servers (default: start them)")
	db := fs.String("db", "", "PostgreSQL URL for the servers it starts (default: a SQLite file)")
	procs := fs.Int("procs", 1, "server processes to start on the database")
	devices := fs.Int("devices", 1000, "concurrent devices")
	duration := fs.Duration("duration", 20*time.Second, "how long the devices sync")
	think := fs.Duration("think", 2*time.Second, "mean pause of a device between two syncs (the desktop syncs every 2 minutes: 2 s is 60 times as often)")
	bin := fs.String("server-bin", "", "chibo-server binary to start (default: build it; run from the source tree)")
	extra := fs.String("server-args", "", "space-separated arguments added to the first server started (e.g. --pprof-addr 127.0.0.1:6060)")
	fs.Parse(args)
	if *devices < 1 || *procs < 1 {
		fail(errors.New("load: --devices and --procs must be at least 1"))
	}
	if *procs > 1 && *db == "" && *urls == "" {
		fail(errors.New("load: several server processes share a PostgreSQL database (--db); a SQLite file is served by one"))
	}
	cfg := loadConfig{db: *db, procs: *procs, devices: *devices, duration: *duration, think: *think, bin: *bin, extra: strings.Fields(*extra)}
	if *urls != "" {
		cfg.urls, cfg.label = strings.Split(*urls, ","), "url"
	}
	for _, r := range loadRun(cfg) {
		print(r)
	}
}

// loadAccount is an account the devices sign in as; writers push new cells.
type loadAccount struct {
	username, password string
	writer             bool
}

// loadRun prepares (unless given URLs), runs the load and returns its figures.
func loadRun(cfg loadConfig) []Result {
	accounts := demoLoadAccounts()
	if len(cfg.urls) == 0 {
		dir, err := os.MkdirTemp("", "chibo-load-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(dir)
		atExit(func() { os.RemoveAll(dir) })
		where := filepath.Join(dir, "server")
		if cfg.db != "" {
			where = freshSchema(cfg.db)
		}
		accounts = prepareLoadDatabase(where)
		bin := cfg.bin
		if bin == "" {
			bin = buildServerBinary(dir)
		}
		for i := 0; i < cfg.procs; i++ {
			var extra []string
			if i == 0 {
				extra = cfg.extra
			}
			p := startServer(bin, where, extra...)
			defer p.Stop()
			cfg.urls = append(cfg.urls, p.URL)
		}
	}
	kind := "sqlite"
	switch {
	case cfg.db != "":
		kind = "postgres"
	case cfg.label == "url":
		kind = "url" // servers someone else started: the database is theirs to say
	}
	cfg.label = fmt.Sprintf("load_%s_%dproc_%ddev", kind, len(cfg.urls), cfg.devices)
	return generate(cfg, accounts)
}

// demoLoadAccounts are the demo's accounts (--url mode): the two commune offices and the
// commune's cadre read, the standing board writes.
func demoLoadAccounts() []loadAccount {
	return []loadAccount{
		{"vp.phatdiem", seed.DemoPassword, false}, {"vp.binhminh", seed.DemoPassword, false},
		{"canbo.phatdiem", seed.DemoPassword, false}, {"btv.tk1", seed.DemoPassword, false},
		{"bithu", seed.DemoPassword, true},
	}
}

// prepareLoadDatabase loads the Kim Sơn demo with its accounts and one office account per
// commune (the administrator's part, done on the database before any server starts). The
// passwords are hashed with low argon2 costs: a thousand sign-ins would otherwise take
// minutes of the machine, and sign-in is not what this measures.
func prepareLoadDatabase(where string) []loadAccount {
	ctx := context.Background()
	serverstore.PasswordParams = passwd.Fast
	st, err := serverstore.OpenAt(where)
	if err != nil {
		fail(err)
	}
	defer st.Close()
	if _, err := seed.Demo(ctx, st); err != nil {
		fail(err)
	}
	rows, err := st.DBForTest().Query(`SELECT id FROM records WHERE kind = 'commune' AND deleted = 0 ORDER BY id`)
	if err != nil {
		fail(err)
	}
	var communes []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		communes = append(communes, id)
	}
	rows.Close()
	accounts := []loadAccount{{"bithu", seed.DemoPassword, true}, {"btv.tk1", seed.DemoPassword, false}}
	for i, c := range communes {
		name := fmt.Sprintf("load.office%02d", i)
		if _, err := st.AddUser(ctx, serverstore.User{Username: name, DisplayName: name, Role: "commune_office", CommuneID: c}, seed.DemoPassword); err != nil && !errors.Is(err, serverstore.ErrExists) {
			fail(err)
		}
		accounts = append(accounts, loadAccount{name, seed.DemoPassword, false})
	}
	return accounts
}

// vdevice is one simulated desktop.
type vdevice struct {
	id, token, userID string
	writer            bool
	cursor            string
	seq               int64
	clock             *hlc.Clock
}

// sample is one request's timings.
type sample struct {
	kind           string // pull, push, initial
	client, server time.Duration
}

type loadGen struct {
	cfg  loadConfig
	hc   *http.Client
	turn atomic.Uint64

	mu      sync.Mutex
	samples []sample
	errs    map[string]int
	records int64
}

func (g *loadGen) url() string {
	return g.cfg.urls[int(g.turn.Add(1))%len(g.cfg.urls)]
}

// post sends one request; it returns the client's and the server's time.
func (g *loadGen) post(path, token, device string, body, into any) (time.Duration, time.Duration, error) {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", g.url()+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(syncproto.HeaderProtocol, strconv.Itoa(syncproto.ProtocolVersion))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set(syncproto.HeaderDevice, device)
	}
	start := time.Now()
	res, err := g.hc.Do(req)
	if err != nil {
		return time.Since(start), 0, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	took := time.Since(start)
	if err != nil {
		return took, 0, err
	}
	if res.StatusCode != http.StatusOK {
		return took, 0, fmt.Errorf("%s: HTTP %d %s", path, res.StatusCode, cut(string(data)))
	}
	// Without its own timing an answer would count as served in 0 ms and flatter the
	// p99: it counts as an error (a proxy in between that drops the header, say).
	v, ok := strings.CutPrefix(res.Header.Get("Server-Timing"), "app;dur=")
	f, perr := strconv.ParseFloat(v, 64)
	if !ok || perr != nil {
		return took, 0, fmt.Errorf("%s: HTTP %d without the server's timing (Server-Timing %q)", path, res.StatusCode, res.Header.Get("Server-Timing"))
	}
	served := time.Duration(f * float64(time.Millisecond))

	return took, served, json.Unmarshal(data, into)
}

func cut(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

func (g *loadGen) record(kind string, client, server time.Duration, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if err != nil {
		g.errs[kind+": "+cut(err.Error())]++
		return
	}
	g.samples = append(g.samples, sample{kind, client, server})
}

// pull brings the device up to date, page by page; initial pulls start from the beginning.
func (g *loadGen) pull(d *vdevice, kind string, measured bool) error {
	if kind == "initial" {
		d.cursor = ""
	}
	for {
		var resp syncproto.RawPullResponse
		client, server, err := g.post(syncproto.PathPull, d.token, d.id, syncproto.PullRequest{Protocol: syncproto.ProtocolVersion, Cursor: d.cursor}, &resp)
		if measured {
			g.record(kind, client, server, err)
		}
		if err != nil {
			return err
		}
		atomic.AddInt64(&g.records, int64(len(resp.Records)))
		if resp.Reset {
			d.cursor = ""
			continue
		}
		d.cursor = resp.Cursor
		if !resp.HasMore {
			return nil
		}
	}
}

// push sends 1–3 new cells (a writer's small edit), then pulls.
func (g *loadGen) push(d *vdevice, rng *rand.Rand) error {
	n := 1 + rng.IntN(3)
	changes := make([]syncproto.Change, n)
	for i := range changes {
		d.seq++
		fields, _ := json.Marshal(map[string]any{"kind": "grassroots_cell", "name": fmt.Sprintf("Chi bộ tải %s-%d", d.id[:8], d.seq), "members": 3 + rng.IntN(40), "status": "active"})
		changes[i] = syncproto.Change{Seq: d.seq, ChangeID: uuid.NewString(), Kind: "unit", RecordID: uuid.NewString(), Op: syncproto.OpUpsert,
			Fields: fields, HLC: d.clock.Now().String(), UserID: d.userID}
	}
	var resp syncproto.PushResponse
	client, server, err := g.post(syncproto.PathPush, d.token, d.id, syncproto.PushRequest{Protocol: syncproto.ProtocolVersion, Changes: changes}, &resp)
	if err == nil {
		for _, r := range resp.Results {
			if r.Status != syncproto.StatusAcked {
				err = fmt.Errorf("push refused: %s %s", r.Code, r.ReasonEN)
				break
			}
		}
	}
	g.record("push", client, server, err)
	if err != nil {
		return err
	}
	return g.pull(d, "pull", true)
}

func generate(cfg loadConfig, accounts []loadAccount) []Result {
	g := &loadGen{cfg: cfg, errs: map[string]int{},
		hc: &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConns: cfg.devices + 16, MaxIdleConnsPerHost: cfg.devices + 16}}}
	// Sign in and bring every device up to date (not measured: a desktop does this once).
	devs := make([]*vdevice, cfg.devices)
	var readers, writers []loadAccount
	for _, a := range accounts {
		if a.writer {
			writers = append(writers, a)
		} else {
			readers = append(readers, a)
		}
	}
	setupStart := time.Now()
	parallel(cfg.devices, 16, func(i int) {
		a := readers[i%len(readers)]
		if i%20 == 0 { // one device in twenty is the standing board's, which writes
			a = writers[i%len(writers)]
		}
		id := uuid.NewString()
		var resp syncproto.LoginResponse
		_, _, err := g.post(syncproto.PathLogin, "", "", syncproto.LoginRequest{Protocol: syncproto.ProtocolVersion, Username: a.username, Password: a.password, DeviceID: id, DeviceName: "load"}, &resp)
		if err != nil {
			fail(fmt.Errorf("sign in %s: %w", a.username, err))
		}
		d := &vdevice{id: id, token: resp.Token, userID: resp.Account.UserID, writer: a.writer}
		d.clock = hlc.New(id, time.Now, hlc.Timestamp{})
		if err := g.pull(d, "initial", false); err != nil {
			fail(fmt.Errorf("first pull of %s: %w", a.username, err))
		}
		devs[i] = d
	})
	setup := time.Since(setupStart)
	setupRecords := atomic.SwapInt64(&g.records, 0)

	// Alone: one device's incremental pulls, the baseline of the latencies under load.
	var alone []time.Duration
	last := devs[len(devs)-1]
	for i := 0; i < 50; i++ {
		var resp syncproto.RawPullResponse
		_, server, err := g.post(syncproto.PathPull, last.token, last.id, syncproto.PullRequest{Protocol: syncproto.ProtocolVersion, Cursor: last.cursor}, &resp)
		if err != nil {
			fail(err)
		}
		alone = append(alone, server)
	}

	// Under load: every device syncs after a random pause (exponential, mean --think):
	// an incremental pull most times, a small push and pull for writers one time in
	// three, and one time in a hundred a first sync from the beginning (a desktop
	// reinstalled or signed in anew).
	began := time.Now()
	deadline := began.Add(cfg.duration)
	var wg sync.WaitGroup
	for i, d := range devs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 11))
			time.Sleep(time.Duration(rng.Int64N(int64(cfg.think) + 1)))
			for time.Now().Before(deadline) {
				switch x := rng.IntN(100); {
				case x == 0:
					g.pull(d, "initial", true)
				case d.writer && x < 34:
					g.push(d, rng)
				default:
					g.pull(d, "pull", true)
				}
				pause := time.Duration(rng.ExpFloat64() * float64(cfg.think))
				if time.Until(deadline) < pause {
					return // no sleeping past the deadline: the rate divides by the time taken
				}
				time.Sleep(pause)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(began) // the last syncs end after the deadline

	var server, client []time.Duration
	count := map[string]int{}
	byKind := map[string][]time.Duration{}
	for _, s := range g.samples {
		server = append(server, s.server)
		client = append(client, s.client)
		count[s.kind]++
		byKind[s.kind] = append(byKind[s.kind], s.server)
	}
	var kinds []string
	for _, k := range []string{"pull", "push", "initial"} {
		if len(byKind[k]) > 0 {
			kinds = append(kinds, fmt.Sprintf("%s %.1f ms", k, p(byKind[k], 0.99)))
		}
	}
	errs := 0
	var errText []string
	for k, n := range g.errs {
		errs += n
		errText = append(errText, fmt.Sprintf("%d× %s", n, k))
	}
	sort.Strings(errText)
	base := p(alone, 0.99)
	p99 := p(server, 0.99)
	mix := fmt.Sprintf("%d pulls, %d pushes, %d first-sync pages; %d devices (1 in 20 writing), mean pause %s, over %s; %.0f requests/s; setup (sign-in and first sync of every device, %d records) %.1f s",
		count["pull"], count["push"], count["initial"], cfg.devices, cfg.think, cfg.duration, float64(len(g.samples))/elapsed.Seconds(), setupRecords, setup.Seconds())
	errNote := ""
	if len(errText) > 0 {
		errNote = strings.Join(errText[:min(5, len(errText))], "; ")
	}
	return []Result{
		{Name: cfg.label + "_server_p50_ms", Value: p(server, 0.5), Unit: "ms", Note: mix},
		{Name: cfg.label + "_server_p99_ms", Value: p99, Unit: "ms", Baseline: base,
			Target: "<= 100 ms: " + met(p99 <= 100), Note: "p99 by request: " + strings.Join(kinds, ", ") + "; baseline: the server's p99 for one device pulling alone, same run"},
		{Name: cfg.label + "_client_p99_ms", Value: p(client, 0.99), Unit: "ms", Note: "as the generator saw it: network, queues and the generator's own CPU on the same machine"},
		{Name: cfg.label + "_errors", Value: float64(errs), Unit: "errors", Target: "0: " + met(errs == 0), Note: errNote},
	}
}

// parallel runs fn(0…n-1) on width goroutines.
func parallel(n, width int, fn func(int)) {
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for w := 0; w < width; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
