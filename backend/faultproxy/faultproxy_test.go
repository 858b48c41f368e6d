package faultproxy

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// backend counts the requests it processed and answers a fixed body.
func backend(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		n.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"echo":"` + string(b) + `","pad":"` + strings.Repeat("x", 1000) + `"}`))
	}))
	t.Cleanup(hs.Close)
	return hs, &n
}

func post(p *Proxy) (int, []byte, error) {
	res, err := http.Post(p.URL+"/v1/push", "application/json", bytes.NewReader([]byte("hi")))
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

func TestFaults(t *testing.T) {
	hs, n := backend(t)
	p := New(hs.URL, 1)
	defer p.Close()

	check := func(name string, rule Rule, wantErr bool, wantStatus int, wantProcessed int32) {
		t.Helper()
		p.SetRules(rule)
		n.Store(0)
		status, body, err := post(p)
		if (err != nil) != wantErr {
			t.Errorf("%s: err = %v, want error %v", name, err, wantErr)
		}
		if !wantErr && status != wantStatus {
			t.Errorf("%s: status %d, want %d (%s)", name, status, wantStatus, body)
		}
		if got := n.Load(); got != wantProcessed {
			t.Errorf("%s: backend processed %d requests, want %d", name, got, wantProcessed)
		}
	}
	check("none", Rule{Fault: None}, false, 200, 1)
	check("drop", Rule{Fault: Drop}, true, 0, 0)
	check("5xx", Rule{Fault: Error5xx}, false, 503, 0)
	check("duplicate", Rule{Fault: Duplicate}, false, 200, 2)
	check("cut reply", Rule{Fault: CutReply}, true, 0, 1)
	check("truncate", Rule{Fault: Truncate}, true, 0, 1)
	start := time.Now()
	check("delay", Rule{Fault: Delay, Delay: 120 * time.Millisecond}, false, 200, 1)
	if time.Since(start) < 120*time.Millisecond {
		t.Error("delay did not wait")
	}
	check("other path", Rule{Path: "/v1/pull", Fault: Drop}, false, 200, 1)
	check("count", Rule{Fault: Drop, Count: 0}, true, 0, 0)

	p.SetRules(Rule{Fault: Drop, Count: 1})
	if _, _, err := post(p); err == nil {
		t.Error("count 1: first request not dropped")
	}
	if _, _, err := post(p); err != nil {
		t.Errorf("count 1: second request dropped: %v", err)
	}

	p.Heal()
	p.Partition(150 * time.Millisecond)
	n.Store(0)
	if _, _, err := post(p); err == nil {
		t.Error("partition let a request through")
	}
	time.Sleep(200 * time.Millisecond)
	if _, _, err := post(p); err != nil {
		t.Errorf("partition did not heal by itself: %v", err)
	}
	p.Partition(0)
	if _, _, err := post(p); err == nil {
		t.Error("open partition let a request through")
	}
	p.Heal()
	if _, _, err := post(p); err != nil {
		t.Errorf("after Heal: %v", err)
	}
	if n.Load() != 2 {
		t.Errorf("backend saw %d requests through the partitions, want 2", n.Load())
	}
	if st := p.Stats(); st[Refused] != 2 {
		t.Errorf("stats %v", st)
	}
	t.Log(p)
}

// The same seed makes the same choices.
func TestSeedReplays(t *testing.T) {
	hs, _ := backend(t)
	run := func(seed uint64) string {
		p := New(hs.URL, seed)
		defer p.Close()
		p.SetRules(Rule{Fault: Error5xx, Prob: 0.5})
		var b strings.Builder
		for i := 0; i < 40; i++ {
			status, _, _ := post(p)
			if status == 503 {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		return b.String()
	}
	a, b, c := run(7), run(7), run(8)
	if a != b {
		t.Errorf("seed 7 gave %s then %s", a, b)
	}
	if a == c {
		t.Errorf("seeds 7 and 8 gave the same %s", a)
	}
	if !strings.Contains(a, "x") || !strings.Contains(a, ".") {
		t.Errorf("probability 0.5 gave %s", a)
	}
}
