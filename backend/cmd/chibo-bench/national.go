package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"chibo/backend/hlc"
	"chibo/backend/passwd"
	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
)

// The nation: 24 provinces like the 2025 one (each 129 communes, 3,000 grassroots
// organizations, 14,000 cells, a year of meetings and plans), so about 72,000
// organizations and 336,000 cells, plus a year of monthly score sheets of every
// grassroots organization: about 5.3 million records on one server. The server runs as a
// process of its own (its peak resident memory is the figure); one province's standing
// committee member then makes a first sync into a real desktop database through it.
// With a PostgreSQL URL the same data goes into a schema of the run's own there, and the
// figures are named national_postgres_…: the server process's memory is then its own,
// PostgreSQL's processes apart.
const nationalProvinces = 24

func nationalBenchmarks(dir, pg string, quick bool) []Result {
	ctx := context.Background()
	provinces, months := nationalProvinces, 12
	if quick {
		provinces, months = 2, 1
	}
	where, name := filepath.Join(dir, "national"), "national_"
	if pg != "" {
		where, name = freshSchema(pg), "national_postgres_"
	}
	serverstore.PasswordParams = passwd.Fast
	st, err := serverstore.OpenAt(where)
	if err != nil {
		fail(err)
	}
	start := time.Now()
	total := 0
	for p := 0; p < provinces; p++ {
		prefix, area := fmt.Sprintf("p%02d-", p), fmt.Sprintf("area-p%02d", p)
		recs := []syncproto.Record{{Kind: "area", ID: area, HLC: hlcNow(), Fields: raw(map[string]any{"name": "Tỉnh " + strconv.Itoa(p)})}}
		recs[0].FieldHLC = clocksOf(recs[0].Fields, recs[0].HLC)
		recs = append(recs, provinceOf(prefix, area, months)...)
		recs = append(recs, scoreSheets(recs, months)...)
		for i := 0; i < len(recs); i += 50000 { // bounded transactions, as an administrator's import would run
			if _, err := st.Import(ctx, recs[i:min(i+50000, len(recs))]); err != nil {
				fail(err)
			}
		}
		total += len(recs)
	}
	load := time.Since(start)
	if _, err := st.AddUser(ctx, serverstore.User{Username: "tinh.p00", DisplayName: "Ủy viên BTV phụ trách tỉnh 0", Role: "standing_committee", AreaID: "area-p00"}, rssPassword); err != nil {
		fail(err)
	}
	st.Close()
	size, held := databaseMB(where)

	// The server in a process of its own.
	bin := buildServerBinary(dir)
	srv := startServer(bin, where)
	defer srv.Stop()
	idle, _ := vmHWM(strconv.Itoa(srv.Cmd.Process.Pid))

	ds, err := store.Open(filepath.Join(dir, "national-desktop.db"))
	if err != nil {
		fail(err)
	}
	defer ds.Close()
	resp, err := syncclient.Login(ctx, nil, srv.URL, syncproto.LoginRequest{Username: "tinh.p00", Password: rssPassword, DeviceID: ds.DeviceID()})
	if err != nil {
		fail(err)
	}
	ds.SetUser(resp.Account.UserID)
	t0 := time.Now()
	rep, err := syncclient.New(ds, srv.URL, resp.Token, nil).SyncOnce(ctx)
	if err != nil {
		fail(err)
	}
	pull := time.Since(t0)
	peak, err := vmHWM(strconv.Itoa(srv.Cmd.Process.Pid))
	if err != nil {
		fail(err)
	}
	note := fmt.Sprintf("%d records (%d provinces: %d organizations, %d cells, %d months of meetings and score sheets), %.0f MB %s, imported in %.0f s",
		total, provinces, provinces*provGrassroots, provinces*provCells, months, size, held, load.Seconds())
	return []Result{
		{Name: name + "server_peak_rss_mb", Value: round(peak), Unit: "MB", Baseline: round(idle), Target: "<= 300 MB: " + met(peak <= 300),
			Note: note + "; peak resident memory of the server process after serving one province's first sync; baseline: the same process idle after start"},
		{Name: name + "province_initial_pull_s", Value: round(pull.Seconds()), Unit: "s", Target: "< 10 s: " + met(pull < 10*time.Second),
			Note: fmt.Sprintf("one province's standing committee member: %d records into a desktop database, %.0f records/s", rep.Pulled, float64(rep.Pulled)/pull.Seconds())},
	}
}

// databaseMB is the size of the server's data and what holds it: the SQLite file, or the
// PostgreSQL database (its tables and indexes, on disk).
func databaseMB(where string) (float64, string) {
	if !serverstore.IsURL(where) {
		return fileMB(filepath.Join(where, serverstore.FileName)), "in a SQLite file"
	}
	db, err := sql.Open("pgx", where)
	if err != nil {
		fail(err)
	}
	defer db.Close()
	var bytes int64
	// The run's schema alone: earlier runs of make bench leave theirs in the same database.
	if err := db.QueryRow(`SELECT coalesce(sum(pg_total_relation_size(oid)), 0)::bigint FROM pg_class
		WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'`).Scan(&bytes); err != nil {
		fail(err)
	}
	return float64(bytes) / (1 << 20), "in PostgreSQL (tables and indexes)"
}

// scoreSheets gives every grassroots organization of recs a score sheet for each month.
func scoreSheets(recs []syncproto.Record, months int) []syncproto.Record {
	var out []syncproto.Record
	clock := hlcNow()
	for _, r := range recs {
		if r.Kind != "unit" {
			continue
		}
		if k := string(r.Fields["kind"]); k != `"grassroots_committee"` && k != `"grassroots_cell"` {
			continue
		}
		var commune string
		if c, ok := r.Fields["communeId"]; ok {
			commune = string(c[1 : len(c)-1])
		}
		for m := 1; m <= months; m++ {
			month := fmt.Sprintf("2026-%02d", m)
			f := raw(map[string]any{"unitId": r.ID, "communeId": commune, "month": month, "self": `{"1":9,"2":8,"3":9}`, "submitted": 1, "submittedAt": month + "-28"})
			out = append(out, syncproto.Record{Kind: "score_sheet", ID: "ss-" + r.ID + "-" + month, HLC: clock, Fields: f, FieldHLC: clocksOf(f, clock)})
		}
	}
	return out
}

func fileMB(path string) float64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return float64(fi.Size()) / (1 << 20)
}

func hlcNow() string { return hlc.Timestamp{Wall: time.Now().UnixMilli(), Node: "seed"}.String() }

// raw encodes a record's fields.
func raw(m map[string]any) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		b, _ := json.Marshal(v)
		out[k] = b
	}
	return out
}

func clocksOf(f map[string]json.RawMessage, clock string) map[string]string {
	out := make(map[string]string, len(f))
	for k := range f {
		out[k] = clock
	}
	return out
}
