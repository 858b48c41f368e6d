package syncclient_test

import (
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/synctest"
)

// BenchmarkPush10kOffline is the bench's push_10k_offline_changes end to end: 10,000
// edits of 500 units' notes made offline, then one sync (push and the pull after it).
func BenchmarkPush10kOffline(b *testing.B) {
	env := synctest.New(b)
	env.User("board", "standing_board", "", "")
	dev := env.DeviceWith("board", timingDoer{})
	fmt.Sscan(os.Getenv("PUSHBATCH"), &dev.Client.PushBatch)
	var parents []domain.Unit
	for i := 0; i < 500; i++ {
		p, err := dev.Store.SaveUnit(ctx, domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị %d", i)})
		if err != nil {
			b.Fatal(err)
		}
		parents = append(parents, p)
	}
	dev.Sync(b)
	var total, served time.Duration
	n := 0
	for b.Loop() {
		b.StopTimer()
		for i := 0; i < 10000; i++ {
			p := parents[i%len(parents)]
			p.Note = fmt.Sprintf("ghi chú %d-%d", i, time.Now().UnixNano())
			p2, err := dev.Store.SaveUnit(ctx, p)
			if err != nil {
				b.Fatal(err)
			}
			parents[i%len(parents)] = p2
		}
		b.StartTimer()
		serverTime = 0
		start := time.Now()
		rep := dev.Sync(b)
		total, served, n = total+time.Since(start), served+serverTime, n+1
		if rep.Pushed != 10000 || rep.Refused != 0 {
			b.Fatalf("push report %+v", rep)
		}
	}
	b.ReportMetric(total.Seconds()/float64(n), "s/sync")
	b.ReportMetric(served.Seconds()/float64(n), "server-s/sync")
	b.ReportMetric(10000*float64(n)/total.Seconds(), "changes/s")
}

var serverTime time.Duration

type timingDoer struct{}

func (timingDoer) Do(r *http.Request) (*http.Response, error) {
	res, err := http.DefaultClient.Do(r)
	if err == nil {
		var ms float64
		fmt.Sscanf(res.Header.Get("Server-Timing"), "app;dur=%f", &ms)
		serverTime += time.Duration(ms * float64(time.Millisecond))
	}
	return res, err
}
