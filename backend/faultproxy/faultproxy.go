// Package faultproxy is a loopback HTTP reverse proxy for tests that breaks the network on
// purpose: per rule and probability, drawn from a seeded random source so that a run can
// be replayed, it drops a request (the connection is closed before anything is
// forwarded), delays it, truncates the answer's body, forwards the request twice, answers
// 5xx without forwarding, or forwards the request and then closes the connection without
// sending the answer (the server has committed, the client never hears it). Partition
// refuses every request for a while.
package faultproxy

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fault is what the proxy does to one request.
type Fault int

const (
	None      Fault = iota // forward normally
	Drop                   // close the connection before forwarding
	Delay                  // wait Rule.Delay, then forward
	Truncate               // forward, send the status and half the body, then close
	Duplicate              // forward the request twice, answer with the second answer
	Error5xx               // answer 503 without forwarding
	CutReply               // forward (the server commits), then close without answering
	Refused                // refused by a partition (counted in Stats only)
)

var faultNames = [...]string{"none", "drop", "delay", "truncate", "duplicate", "5xx", "cut_reply", "partition"}

func (f Fault) String() string {
	if int(f) < len(faultNames) {
		return faultNames[f]
	}
	return "fault(" + strconv.Itoa(int(f)) + ")"
}

// Rule applies Fault to requests whose path starts with Path ("" for all) with
// probability Prob (0 or 1 means always). Count > 0 limits how many times it fires.
// Rules are tried in order; the first that fires decides.
type Rule struct {
	Path  string
	Fault Fault
	Prob  float64
	Delay time.Duration // for Delay: how long (default 50 ms)
	Count int
}

// Proxy is a running fault proxy. URL is where clients send their requests.
type Proxy struct {
	URL     string
	target  string
	targets []string // when set, requests go to each in turn (a load balancer)
	turn    int
	hs      *httptest.Server
	hc      *http.Client

	mu        sync.Mutex
	rng       *rand.Rand
	rules     []Rule
	fired     []int
	partUntil time.Time
	partOn    bool
	stats     map[Fault]int
	requests  int
	inFlight  map[string]int // target+path → requests forwarded and not yet answered
	lost      map[string]int // target+path → forwards the target never answered
}

// New starts a proxy in front of target (a base URL such as http://127.0.0.1:1234) whose
// random choices come from seed.
func New(target string, seed uint64) *Proxy {
	p := &Proxy{target: strings.TrimRight(target, "/"), rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		stats: map[Fault]int{}, inFlight: map[string]int{}, lost: map[string]int{}, hc: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
	p.hs = httptest.NewServer(http.HandlerFunc(p.serve))
	p.URL = p.hs.URL
	return p
}

// Close stops the proxy.
func (p *Proxy) Close() {
	p.hs.CloseClientConnections()
	p.hs.Close()
	p.hc.CloseIdleConnections()
}

// SetTarget points the proxy at another server (a restarted one on a new port).
func (p *Proxy) SetTarget(target string) {
	p.mu.Lock()
	p.target, p.targets = strings.TrimRight(target, "/"), nil
	p.mu.Unlock()
}

// SetTargets spreads the requests over several servers, each in turn, as a round-robin
// load balancer in front of server processes on one database would.
func (p *Proxy) SetTargets(targets ...string) {
	p.mu.Lock()
	p.targets = p.targets[:0]
	for _, t := range targets {
		p.targets = append(p.targets, strings.TrimRight(t, "/"))
	}
	if len(p.targets) > 0 {
		p.target = p.targets[0]
	}
	p.mu.Unlock()
}

// SetRules replaces the rules (nil: forward everything).
func (p *Proxy) SetRules(rules ...Rule) {
	p.mu.Lock()
	p.rules = append([]Rule(nil), rules...)
	p.fired = make([]int, len(rules))
	p.mu.Unlock()
}

// Partition refuses every request for d (d ≤ 0: until Heal).
func (p *Proxy) Partition(d time.Duration) {
	p.mu.Lock()
	p.partOn = true
	if d > 0 {
		p.partUntil = time.Now().Add(d)
	} else {
		p.partUntil = time.Time{}
	}
	p.mu.Unlock()
}

// Heal ends a partition and removes every rule.
func (p *Proxy) Heal() {
	p.mu.Lock()
	p.partOn = false
	p.rules, p.fired = nil, nil
	p.mu.Unlock()
}

// Stats returns how many requests each fault took (None: forwarded untouched).
func (p *Proxy) Stats() map[Fault]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[Fault]int, len(p.stats))
	for k, v := range p.stats {
		out[k] = v
	}
	return out
}

// Requests returns how many requests reached the proxy.
func (p *Proxy) Requests() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.requests
}

// Float returns a number in [0,1) from the proxy's random source (tests share it to stay
// replayable from one seed).
func (p *Proxy) Float() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rng.Float64()
}

func (p *Proxy) decide(path string) (Rule, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.requests++
	if len(p.targets) > 0 {
		p.target = p.targets[p.turn%len(p.targets)]
		p.turn++
	}
	if p.partOn && (p.partUntil.IsZero() || time.Now().Before(p.partUntil)) {
		p.stats[Refused]++
		return Rule{Fault: Refused}, p.target
	}
	p.partOn = false
	for i, r := range p.rules {
		if r.Path != "" && !strings.HasPrefix(path, r.Path) {
			continue
		}
		if r.Count > 0 && p.fired[i] >= r.Count {
			continue
		}
		if r.Prob > 0 && r.Prob < 1 && p.rng.Float64() >= r.Prob {
			continue
		}
		p.fired[i]++
		p.stats[r.Fault]++
		return r, p.target
	}
	p.stats[None]++
	return Rule{Fault: None}, p.target
}

// hangUp closes the client's connection without an answer.
func hangUp(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if c, _, err := hj.Hijack(); err == nil {
			c.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

// InFlight reports how many requests for path are at target now: forwarded, not answered.
func (p *Proxy) InFlight(target, path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.inFlight[strings.TrimRight(target, "/")+path]
}

// Lost reports how many requests for path target took and never answered (it died with
// them): a kill that landed mid-request.
func (p *Proxy) Lost(target, path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.lost[strings.TrimRight(target, "/")+path]
}

func (p *Proxy) forward(target string, r *http.Request, body []byte) (a answer, err error) {
	key := target + r.URL.Path
	p.mu.Lock()
	p.inFlight[key]++
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.inFlight[key]--
		if err != nil && r.Context().Err() == nil {
			p.lost[key]++
		}
		p.mu.Unlock()
	}()
	req, err := http.NewRequestWithContext(r.Context(), r.Method, target+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return answer{}, err
	}
	for k, vs := range r.Header {
		if k == "Connection" || k == "Keep-Alive" || k == "Proxy-Connection" || k == "Te" || k == "Trailer" || k == "Transfer-Encoding" || k == "Upgrade" {
			continue
		}
		req.Header[k] = vs
	}
	res, err := p.hc.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return answer{}, err
	}
	return answer{status: res.StatusCode, header: res.Header, body: b}, nil
}

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	rule, target := p.decide(r.URL.Path)
	body, err := io.ReadAll(r.Body)
	if err != nil {
		hangUp(w)
		return
	}
	switch rule.Fault {
	case Refused, Drop:
		hangUp(w)
		return
	case Error5xx:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, `{"code":"internal","message":"faultproxy","messageEn":"injected by faultproxy"}`)
		return
	case Delay:
		d := rule.Delay
		if d <= 0 {
			d = 50 * time.Millisecond
		}
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	case Duplicate:
		if _, err := p.forward(target, r, body); err != nil {
			hangUp(w)
			return
		}
	}
	a, err := p.forward(target, r, body)
	if err != nil {
		// The server is down or went away: the client sees a connection failure.
		hangUp(w)
		return
	}
	switch rule.Fault {
	case CutReply:
		hangUp(w)
		return
	case Truncate:
		copyHeader(w.Header(), a.header)
		w.Header().Set("Content-Length", strconv.Itoa(len(a.body)))
		w.WriteHeader(a.status)
		w.Write(a.body[:len(a.body)/2])
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		panic(http.ErrAbortHandler)
	}
	copyHeader(w.Header(), a.header)
	w.Header().Set("Content-Length", strconv.Itoa(len(a.body)))
	w.WriteHeader(a.status)
	w.Write(a.body)
}

func copyHeader(dst, src http.Header) {
	for k, vs := range src {
		if k == "Content-Length" || k == "Connection" || k == "Transfer-Encoding" {
			continue
		}
		dst[k] = vs
	}
}

// String describes the proxy's counters, for test logs.
func (p *Proxy) String() string {
	st := p.Stats()
	var b strings.Builder
	fmt.Fprintf(&b, "faultproxy %d requests:", p.Requests())
	for f := None; f <= Refused; f++ {
		if st[f] > 0 {
			fmt.Fprintf(&b, " %s=%d", f, st[f])
		}
	}
	return b.String()
}
