package server

import (
	"strings"
	"sync"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Limiter counts failed logins per key (a username, an address) in a sliding window and
// blocks a key that reached the limit until its oldest failure leaves the window. It
// lives in memory: a restart forgives, which is acceptable for a district server behind
// its own network, and keeps logins free of disk writes.
type Limiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	now    func() time.Time
	fails  map[string][]time.Time
}

// NewLimiter allows limit failures per key within window.
func NewLimiter(limit int, window time.Duration, now func() time.Time) *Limiter {
	return &Limiter{limit: limit, window: window, now: now, fails: map[string][]time.Time{}}
}

// SetNow replaces the clock (tests).
func (l *Limiter) SetNow(now func() time.Time) { l.mu.Lock(); l.now = now; l.mu.Unlock() }

// Blocked returns how long the most limited of keys must still wait (0: not blocked).
func (l *Limiter) Blocked(keys ...string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	var wait time.Duration
	now := l.now()
	for _, k := range keys {
		fs := l.prune(k, now)
		if len(fs) >= l.limit {
			if w := fs[0].Add(l.window).Sub(now); w > wait {
				wait = w
			}
		}
	}
	return wait
}

// Fail records a failed attempt for every key.
func (l *Limiter) Fail(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for _, k := range keys {
		l.fails[k] = append(l.prune(k, now), now)
	}
}

// Succeed forgets a key's failures.
func (l *Limiter) Succeed(key string) {
	l.mu.Lock()
	delete(l.fails, key)
	l.mu.Unlock()
}

func (l *Limiter) prune(k string, now time.Time) []time.Time {
	fs := l.fails[k]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) >= l.window {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(l.fails, k)
		return nil
	}
	l.fails[k] = fs
	return fs
}

// LoginKey is the name the per-username login limit counts under: however the name is
// written (case, Unicode case folding, composed or decomposed, surrounding spaces), one
// account gets one allowance.
func LoginKey(username string) string {
	return cases.Fold().String(norm.NFC.String(strings.TrimSpace(username)))
}
