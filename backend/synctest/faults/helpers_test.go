// Package faults runs the sync fault scenarios of SYNC.md through faultproxy: a real
// server stack (synctest), several desktop stores, and the network broken on purpose.
package faults

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/faultproxy"
	"chibo/backend/hlc"
	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
	"chibo/backend/synctest"
)

var ctx = context.Background()

func TestMain(m *testing.M) {
	if os.Getenv("CHIBO_CHILD") == "1" {
		os.Exit(child())
	}
	os.Exit(m.Run())
}

// seedOf returns CHIBO_SEED if set, else a fresh seed, and logs it.
func seedOf(t *testing.T) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("CHIBO_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("CHIBO_SEED: %v", err)
		}
		seed = v
	}
	t.Logf("seed %d (replay with CHIBO_SEED=%d)", seed, seed)
	return seed
}

// proxied enrolls a device of username whose every request goes through a new proxy.
func proxied(t *testing.T, env *synctest.Env, username string, seed uint64) (*synctest.Device, *faultproxy.Proxy) {
	t.Helper()
	p := faultproxy.New(env.URL, seed)
	t.Cleanup(p.Close)
	d := env.Device(username) // enrol directly, then talk through the proxy
	d.Client = newClient(d, p.URL)
	return d, p
}

// board creates n standing-board accounts (they read and write everything).
func board(env *synctest.Env, n int) []string {
	var names []string
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("board%d", i)
		env.User(name, "standing_board", "", "")
		names = append(names, name)
	}
	return names
}

// importUnits loads n units into the server directly.
func importUnits(t *testing.T, env *synctest.Env, n int) {
	t.Helper()
	clock := hlc.Timestamp{Wall: time.Now().UnixMilli(), Node: "seed"}.String()
	recs := make([]syncproto.Record, n)
	for i := range recs {
		recs[i] = syncproto.Record{Kind: "unit", ID: fmt.Sprintf("u-%07d", i), HLC: clock,
			Fields: map[string]json.RawMessage{"kind": json.RawMessage(`"grassroots_cell"`), "name": json.RawMessage(fmt.Sprintf(`"Đơn vị %d"`, i)),
				"members": json.RawMessage(`17`), "status": json.RawMessage(`"active"`)},
			FieldHLC: map[string]string{"kind": clock, "name": clock, "members": clock, "status": clock}}
	}
	if _, err := env.Store.Import(ctx, recs); err != nil {
		t.Fatal(err)
	}
}

func newUnit(t testing.TB, st *store.Store, name string) domain.Unit {
	t.Helper()
	u, err := st.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func export(t *testing.T, st *store.Store) []store.Record {
	t.Helper()
	recs, err := st.ExportRecords(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// assertQuiet checks that a device's outbox has nothing pending (refused changes stay,
// with their reasons, for the user to see).
func assertQuiet(t *testing.T, name string, st *store.Store) {
	t.Helper()
	s, err := st.SyncStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Pending != 0 || s.Resyncing {
		t.Errorf("%s: outbox not empty after quiescence: %+v", name, s)
	}
}

// assertSame checks that every store holds exactly the records of the first.
func assertSame(t *testing.T, names []string, sts []*store.Store) {
	t.Helper()
	ref := export(t, sts[0])
	for i := 1; i < len(sts); i++ {
		got := export(t, sts[i])
		if !reflect.DeepEqual(normal(ref), normal(got)) {
			t.Errorf("%s and %s differ: %d vs %d records; first difference: %s", names[0], names[i], len(ref), len(got), firstDiff(ref, got))
		}
	}
}

// normal re-encodes live records so that equal JSON values compare equal. Tombstones are
// left out: a purged one is no longer sent, so whether a replica holds one depends on
// when it synced; the tests check separately that no deleted record is live anywhere.
func normal(rs []store.Record) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		if r.Deleted {
			continue
		}
		f := map[string]any{}
		for k, v := range r.Fields {
			var x any
			json.Unmarshal(v, &x)
			f[k] = x
		}
		b, _ := json.Marshal([]any{r.Kind, r.ID, f, r.FieldHLC})
		out = append(out, string(b))
	}
	return out
}

func firstDiff(a, b []store.Record) string {
	na, nb := normal(a), normal(b)
	for i := 0; i < len(na) && i < len(nb); i++ {
		if na[i] != nb[i] {
			return cut(na[i]) + "\n   vs " + cut(nb[i])
		}
	}
	return "(one is a prefix of the other)"
}

func integrityOK(t *testing.T, st *store.Store) {
	t.Helper()
	var res string
	if err := st.DB().QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
}

func countUnits(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT count(*) FROM units`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func newClient(d *synctest.Device, url string) *syncclient.Client {
	return syncclient.New(d.Store, url, d.Token, nil)
}

func cut(s string) string {
	if len(s) > 400 {
		return s[:200] + " … " + s[len(s)-200:]
	}
	return s
}

// assertHoldsServer checks that a device (whose scope is everything) holds exactly the
// server's live records: the same records, and in each the same fields with the same
// values and clocks. Columns the device has but no write ever set (no clock) are left out.
func assertHoldsServer(t *testing.T, name string, env *synctest.Env, st *store.Store) {
	t.Helper()
	rows, err := env.Store.DBForTest().Query(`SELECT kind, id, fields, field_hlc FROM records WHERE deleted = 0 ORDER BY kind, id`)
	if err != nil {
		t.Fatal(err)
	}
	var server []store.Record
	for rows.Next() {
		var r store.Record
		var fields, clocks string
		if err := rows.Scan(&r.Kind, &r.ID, &fields, &clocks); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal([]byte(fields), &r.Fields)
		json.Unmarshal([]byte(clocks), &r.FieldHLC)
		server = append(server, r)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	local := export(t, st)
	for i := range local {
		for f := range local[i].Fields {
			if _, set := local[i].FieldHLC[f]; !set {
				delete(local[i].Fields, f)
			}
		}
	}
	want, got := normal(server), normal(local)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("%s does not hold the server's records: %d vs %d; first difference: %s", name, len(want), len(got), firstDiff(server, local))
	}
}

// addBoards gives the server database at data (a folder or a PostgreSQL URL) one Standing
// Board account per name, password "mat-khau-thu".
func addBoards(t *testing.T, data string, names ...string) {
	t.Helper()
	ss, err := serverstore.OpenAt(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	for _, name := range names {
		if _, err := ss.AddUser(ctx, serverstore.User{Username: name, DisplayName: name, Role: "standing_board"}, "mat-khau-thu"); err != nil {
			t.Fatal(err)
		}
	}
}

// serverCounts opens the server database at data (a stopped server's) and counts the rows
// of each table, with its condition ("records WHERE kind = 'unit'").
func serverCounts(t *testing.T, data string, tables ...string) []int {
	t.Helper()
	ss, err := serverstore.OpenAt(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	out := make([]int, len(tables))
	for i, table := range tables {
		if err := ss.DBForTest().QueryRow(`SELECT count(*) FROM ` + table).Scan(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
