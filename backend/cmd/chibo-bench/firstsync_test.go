package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
)

// TestFirstSync is the national benchmark's province first sync at a size to iterate on
// (CHIBO_FIRSTSYNC=months, e.g. 3; 12 is the full province), with the server in this
// process, and the SQLite insert limit of the same run as a yardstick.
func TestFirstSync(t *testing.T) {
	months, _ := strconv.Atoi(os.Getenv("CHIBO_FIRSTSYNC"))
	if months <= 0 {
		t.Skip("set CHIBO_FIRSTSYNC=months")
	}
	ctx := context.Background()
	dir := t.TempDir()
	env := newSyncEnv(filepath.Join(dir, "sync"), "")
	defer env.close()
	area := "area-p00"
	recs := []syncproto.Record{{Kind: "area", ID: area, HLC: hlcNow(), Fields: raw(map[string]any{"name": "Tỉnh 0"})}}
	recs[0].FieldHLC = clocksOf(recs[0].Fields, recs[0].HLC)
	recs = append(recs, provinceOf("p00-", area, months)...)
	recs = append(recs, scoreSheets(recs, months)...)
	user := serverstore.User{Username: "tinh", DisplayName: "tinh", Role: "standing_committee", AreaID: area}
	if n, _ := strconv.Atoi(os.Getenv("CHIBO_FIRSTSYNC_UNITS")); n > 0 {
		// The sync benchmark's district instead: n units, a standing board.
		recs, user.Role, user.AreaID = districtRecords(n), "standing_board", ""
	}
	if _, err := env.st.Import(ctx, recs); err != nil {
		t.Fatal(err)
	}
	// Other provinces after this one's, as in the national dataset: records the pull
	// reads past and does not send.
	others, _ := strconv.Atoi(os.Getenv("CHIBO_FIRSTSYNC_PROVINCES"))
	for p := 1; p < others; p++ {
		prefix, area := fmt.Sprintf("p%02d-", p), fmt.Sprintf("area-p%02d", p)
		more := []syncproto.Record{{Kind: "area", ID: area, HLC: hlcNow(), Fields: raw(map[string]any{"name": "Tỉnh " + strconv.Itoa(p)})}}
		more[0].FieldHLC = clocksOf(more[0].Fields, more[0].HLC)
		more = append(more, provinceOf(prefix, area, months)...)
		more = append(more, scoreSheets(more, months)...)
		if _, err := env.st.Import(ctx, more); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := env.st.AddUser(ctx, user, "mat-khau-bench"); err != nil {
		t.Fatal(err)
	}
	limit := sqliteLimit(filepath.Join(dir, "limit.db"), districtRecords(50000))
	ds, err := store.Open(filepath.Join(dir, "desktop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ds.Close()
	resp, err := syncclient.Login(ctx, nil, env.hs.URL, syncproto.LoginRequest{Username: "tinh", Password: "mat-khau-bench", DeviceID: ds.DeviceID()})
	if err != nil {
		t.Fatal(err)
	}
	ds.SetUser(resp.Account.UserID)
	if path := os.Getenv("CHIBO_FIRSTSYNC_PROF"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		pprof.StartCPUProfile(f)
	}
	cpu0, t0 := cpuTime(), time.Now()
	tl := &timeline{t0: t0}
	c := syncclient.New(ds, env.hs.URL, resp.Token, tl)
	c.OnProgress(func(syncclient.Progress) { tl.mark("applied") })
	if n, _ := strconv.Atoi(os.Getenv("CHIBO_FIRSTSYNC_PAGE")); n > 0 {
		c.PageSize = n
	}
	rep, err := c.SyncOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d, cpu := time.Since(t0), cpuTime()-cpu0
	pprof.StopCPUProfile()
	if os.Getenv("CHIBO_FIRSTSYNC_TIMELINE") != "" {
		for _, e := range tl.events {
			fmt.Println(e)
		}
	}
	rate := float64(rep.Pulled) / d.Seconds()
	fmt.Printf("first sync: %d of %d records, %d pages in %.2f s (cpu %.2f s): %.0f records/s; sqlite limit %.0f rows/s; ratio %.3f\n",
		rep.Pulled, len(recs), rep.Pages, d.Seconds(), cpu.Seconds(), rate, limit, rate/limit)

	var rows int
	for _, table := range []string{"areas", "communes", "units", "officials", "schedules", "visits", "score_sheets"} {
		var n int
		if err := ds.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		rows += n
	}
	if rows != rep.Pulled || rep.Pulled < len(recs) {
		t.Fatalf("the desktop holds %d rows of %d records pulled, %d of its province", rows, rep.Pulled, len(recs))
	}

	// The desktop's share alone: the same records applied page by page, no network.
	// CHIBO_FIRSTSYNC_PRAGMAS lists settings to compare ("a;b|c"), each applied to a fresh
	// database in turn, CHIBO_FIRSTSYNC_ROUNDS rounds, so that the machine's drift falls on all alike.
	configs := strings.Split(os.Getenv("CHIBO_FIRSTSYNC_PRAGMAS"), "|")
	rounds, _ := strconv.Atoi(os.Getenv("CHIBO_FIRSTSYNC_ROUNDS"))
	if rounds <= 0 {
		rounds = 1
	}
	if path := os.Getenv("CHIBO_FIRSTSYNC_APPLYPROF"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	for round := 0; round < rounds; round++ {
		for ci, ps := range configs {
			d := applyOnly(t, filepath.Join(dir, fmt.Sprintf("apply-%d-%d.db", round, ci)), ps, recs, c.PageSize)
			fmt.Printf("apply only [%s]: %.2f s: %.0f records/s\n", ps, d.Seconds(), float64(len(recs))/d.Seconds())
		}
	}
}

// applyOnly applies recs to a new desktop database at path, page by page, with the
// pragmas ps ("a;b") set first, and returns how long the pages took.
func applyOnly(t *testing.T, path, ps string, recs []syncproto.Record, size int) time.Duration {
	ctx := context.Background()
	as, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer as.Close()
	if ps != "" {
		as.DB().SetMaxOpenConns(1)
		for _, p := range strings.Split(ps, ";") {
			if _, err := as.DB().Exec("PRAGMA " + p); err != nil {
				t.Fatal(err)
			}
		}
	}
	t0 := time.Now()
	for i := 0; i < len(recs); i += size {
		page := store.PullPage{Cursor: strconv.Itoa(i), Done: i+size >= len(recs)}
		for _, r := range recs[i:min(i+size, len(recs))] {
			page.Records = append(page.Records, store.Record(r))
		}
		if err := as.ApplyPull(ctx, page); err != nil {
			t.Fatal(err)
		}
	}
	return time.Since(t0)
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// timeline notes when each request starts and ends, and each page is applied.
type timeline struct {
	t0     time.Time
	mu     sync.Mutex
	events []string
}

func (tl *timeline) mark(what string) {
	tl.mu.Lock()
	tl.events = append(tl.events, fmt.Sprintf("%7.1f ms %s", float64(time.Since(tl.t0).Microseconds())/1000, what))
	tl.mu.Unlock()
}

func (tl *timeline) Do(r *http.Request) (*http.Response, error) {
	tl.mark("request " + r.URL.Path)
	res, err := http.DefaultClient.Do(r)
	tl.mark("answer headers")
	if err == nil {
		b, _ := io.ReadAll(res.Body)
		res.Body = io.NopCloser(bytes.NewReader(b))
		tl.mark(fmt.Sprintf("answer body %d bytes", len(b)))
	}
	return res, err
}
