package serverstore

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"chibo/backend/hlc"
	"chibo/backend/syncproto"
)

func benchRecords(n int) []syncproto.Record {
	clock := hlc.Timestamp{Wall: time.Now().UnixMilli(), Node: "seed"}.String()
	recs := make([]syncproto.Record, n)
	for i := range recs {
		recs[i] = syncproto.Record{Kind: "unit", ID: fmt.Sprintf("u-%07d", i), HLC: clock,
			Fields: map[string]json.RawMessage{"kind": json.RawMessage(`"subordinate_cell"`), "name": json.RawMessage(fmt.Sprintf(`"Chi bộ Xóm %d"`, i)),
				"communeId": json.RawMessage(fmt.Sprintf(`"c-%02d"`, i%27)), "members": json.RawMessage(`17`), "status": json.RawMessage(`"active"`)},
			FieldHLC: map[string]string{"kind": clock, "name": clock, "communeId": clock, "members": clock, "status": clock}}
	}
	return recs
}

func BenchmarkImport10k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		s := open(&testing.T{})
		start := time.Now()
		if _, err := s.Import(ctx, benchRecords(10000)); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(10000/time.Since(start).Seconds(), "records/s")
		s.Close()
	}
}

func BenchmarkPush1k(b *testing.B) {
	t := &testing.T{}
	s := open(t)
	a := actor(t, s, "board", "standing_board", "", "", "dev-a")
	seq := int64(0)
	now := time.Now()
	for i := 0; i < b.N; i++ {
		batch := make([]syncproto.Change, 1000)
		for j := range batch {
			seq++
			batch[j] = unitChange(a, seq, fmt.Sprintf("u%d", seq), cell, now.Add(time.Duration(seq)*time.Microsecond))
		}
		start := time.Now()
		if _, err := s.Push(ctx, a, batch); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(1000/time.Since(start).Seconds(), "changes/s")
	}
}

// BenchmarkPushEdits10k is the bench's push_10k_offline_changes on the server side: 10,000
// edits of 500 units' notes in batches of 1,000, as a desktop back online sends them.
func BenchmarkPushEdits10k(b *testing.B) {
	t := &testing.T{}
	s := open(t)
	a := actor(t, s, "board", "standing_board", "", "", "dev-a")
	seq := int64(0)
	now := time.Now()
	var batch []syncproto.Change
	for i := 0; i < 500; i++ {
		seq++
		batch = append(batch, unitChange(a, seq, fmt.Sprintf("p%d", i), `{"kind":"supervising_committee","name":"Đơn vị `+fmt.Sprint(i)+`","status":"active"}`, now))
	}
	if _, err := s.Push(ctx, a, batch); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		start := time.Now()
		for k := 0; k < 10; k++ {
			batch = batch[:0]
			for j := 0; j < 1000; j++ {
				seq++
				batch = append(batch, unitChange(a, seq, fmt.Sprintf("p%d", j%500), fmt.Sprintf(`{"note":"ghi chú %d"}`, seq), now.Add(time.Duration(seq)*time.Microsecond)))
			}
			if _, err := s.Push(ctx, a, batch); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(10000/time.Since(start).Seconds(), "changes/s")
	}
}
