package syncclient_test

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/hlc"
	"chibo/backend/syncproto"
	"chibo/backend/synctest"
)

// TestMeasure prints rough figures (CHIBO_MEASURE=1; CHIBO_MEASURE_N sets the record
// count). The benchmark suite proper lives elsewhere; this is the engine's own yardstick.
func TestMeasure(t *testing.T) {
	if os.Getenv("CHIBO_MEASURE") == "" {
		t.Skip("set CHIBO_MEASURE=1")
	}
	n := 100000
	fmt.Sscan(os.Getenv("CHIBO_MEASURE_N"), &n)
	env := synctest.New(t)
	clock := hlc.Timestamp{Wall: time.Now().UnixMilli(), Node: "seed"}.String()
	recs := make([]syncproto.Record, n)
	for i := range recs {
		recs[i] = syncproto.Record{Kind: "unit", ID: fmt.Sprintf("u-%07d", i), HLC: clock,
			Fields: map[string]json.RawMessage{"kind": json.RawMessage(`"subordinate_cell"`), "name": json.RawMessage(fmt.Sprintf(`"Chi bộ Xóm %d"`, i)),
				"communeId": json.RawMessage(fmt.Sprintf(`"c-%02d"`, i%27)), "members": json.RawMessage(`17`), "status": json.RawMessage(`"active"`), "parentId": json.RawMessage(fmt.Sprintf(`"p-%d"`, i/20))},
			FieldHLC: map[string]string{"kind": clock, "name": clock, "communeId": clock, "members": clock, "status": clock, "parentId": clock}}
	}
	start := time.Now()
	if _, err := env.Store.Import(ctx, recs); err != nil {
		t.Fatal(err)
	}
	emit := func(name string, v float64, unit string) {
		fmt.Printf("{\"name\":%q,\"value\":%.1f,\"unit\":%q}\n", name, v, unit)
	}
	emit("server_import_records_per_s", float64(n)/time.Since(start).Seconds(), "records/s")
	env.User("board", "standing_board", "", "")
	dev := env.Device("board")
	dev.Client.PageSize = 5000
	start = time.Now()
	rep := dev.Sync(t)
	emit("initial_pull_records_per_s", float64(rep.Pulled)/time.Since(start).Seconds(), "records/s")

	var lat []time.Duration
	for i := 0; i < 50; i++ {
		s := time.Now()
		dev.Sync(t)
		lat = append(lat, time.Since(s))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	emit("noop_sync_p50_ms", float64(lat[len(lat)/2].Microseconds())/1000, "ms")

	if os.Getenv("CHIBO_MEASURE_PUSH") == "" {
		return
	}
	var parents []domain.Unit
	for i := 0; i < 500; i++ {
		p, err := dev.Store.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị %d", i)})
		if err != nil {
			t.Fatal(err)
		}
		parents = append(parents, p)
	}
	dev.Sync(t)
	for i := 0; i < 10000; i++ {
		p := parents[i%len(parents)]
		p.Note = fmt.Sprintf("ghi chú %d", i)
		if _, err := dev.Store.SaveUnit(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	start = time.Now()
	rep = dev.Sync(t)
	emit("push_10k_offline_changes_s", time.Since(start).Seconds(), "s")
	if rep.Pushed != 10000 || rep.Refused != 0 {
		t.Errorf("push report %+v", rep)
	}
}
