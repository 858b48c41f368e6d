package store

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkApplyPullFirstSync applies a first sync's pages of district units to an empty
// store: the desktop's share of an initial pull (ns/op is per record).
func BenchmarkApplyPullFirstSync(b *testing.B) {
	st, err := Open(filepath.Join(b.TempDir(), "apply.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	clock := "001764237600000:00000000:0193a0c2-7d4e-7c1a-9f3b-5a2e8c1d4b60" // a device's clock, node and all
	recs := make([]Record, b.N)
	for i := range recs {
		recs[i] = Record{Kind: "unit", ID: fmt.Sprintf("u-%07d", i), HLC: clock,
			Fields: map[string]json.RawMessage{"kind": json.RawMessage(`"subordinate_cell"`), "name": json.RawMessage(fmt.Sprintf(`"Chi bộ Xóm %d"`, i)),
				"communeId": json.RawMessage(fmt.Sprintf(`"c-%02d"`, i%27)), "members": json.RawMessage(strconv.Itoa(5 + i%40)), "status": json.RawMessage(`"active"`),
				"parentId": json.RawMessage(fmt.Sprintf(`"p-%d"`, i/20)), "note": json.RawMessage(`"Sinh hoạt ngày 5 hằng tháng"`)},
			FieldHLC: map[string]string{"kind": clock, "name": clock, "communeId": clock, "members": clock, "status": clock, "parentId": clock, "note": clock}}
	}
	b.ResetTimer()
	for i := 0; i < len(recs); i += 2000 {
		page := PullPage{Records: recs[i:min(i+2000, len(recs))], Cursor: strconv.Itoa(i), Done: i+2000 >= len(recs)}
		if err := st.ApplyPull(context.Background(), page); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// The file's size per record: every byte of a row is written twice (the WAL, the file).
	var pages, size int64
	st.DB().QueryRow(`PRAGMA page_count`).Scan(&pages)
	st.DB().QueryRow(`PRAGMA page_size`).Scan(&size)
	b.ReportMetric(float64(pages*size)/float64(b.N), "bytes/record")
}
