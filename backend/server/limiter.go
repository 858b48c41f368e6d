package server

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Limiter counts failed logins per key (a username, an address) in a sliding window and
// blocks a key that reached the limit until its oldest failure leaves the window. The
// failures are kept in the server's database (FailureLog), so that every chibo-server
// process on one database counts one allowance and a restart forgives nothing.
type Limiter struct {
	mu     sync.Mutex
	name   string // the keys' prefix in the log: one log serves several limiters
	limit  int
	window time.Duration
	now    func() time.Time
	log    FailureLog
}

// FailureLog keeps failed logins (serverstore.Store is one).
type FailureLog interface {
	LoginFailures(ctx context.Context, key string, since time.Time) (int, time.Time, error)
	AddLoginFailure(ctx context.Context, key string, at, forget time.Time) error
	ClearLoginFailures(ctx context.Context, key string) error
}

// NewLimiter allows limit failures per key within window, counted in log under name.
func NewLimiter(name string, limit int, window time.Duration, now func() time.Time, log FailureLog) *Limiter {
	return &Limiter{name: name, limit: limit, window: window, now: now, log: log}
}

// SetNow replaces the clock (tests).
func (l *Limiter) SetNow(now func() time.Time) { l.mu.Lock(); l.now = now; l.mu.Unlock() }

func (l *Limiter) clock() time.Time { l.mu.Lock(); defer l.mu.Unlock(); return l.now() }

func (l *Limiter) key(k string) string { return l.name + ":" + k }

// limiterTimeout bounds the database's part in a login: a slow database delays it, never
// hangs it.
const limiterTimeout = 5 * time.Second

// Blocked returns how long the most limited of keys must still wait (0: not blocked). A
// database that cannot count the failures is an error, not a pass: a limit that lifts
// whenever its table is slow is no limit against someone who can make it slow.
func (l *Limiter) Blocked(keys ...string) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limiterTimeout)
	defer cancel()
	var wait time.Duration
	now := l.clock()
	for _, k := range keys {
		n, oldest, err := l.log.LoginFailures(ctx, l.key(k), now.Add(-l.window))
		if err != nil {
			return 0, fmt.Errorf("count failed logins: %w", err)
		}
		if n < l.limit {
			continue
		}
		if w := oldest.Add(l.window).Sub(now); w > wait {
			wait = w
		}
	}
	return wait, nil
}

// Fail records a failed attempt for every key.
func (l *Limiter) Fail(keys ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), limiterTimeout)
	defer cancel()
	now := l.clock()
	for _, k := range keys {
		if err := l.log.AddLoginFailure(ctx, l.key(k), now, now.Add(-l.window)); err != nil {
			return err
		}
	}
	return nil
}

// Succeed forgets a key's failures.
func (l *Limiter) Succeed(key string) error {
	ctx, cancel := context.WithTimeout(context.Background(), limiterTimeout)
	defer cancel()
	return l.log.ClearLoginFailures(ctx, l.key(key))
}

// LoginKey is the name the per-username login limit counts under: however the name is
// written (case, Unicode case folding, composed or decomposed, surrounding spaces), one
// account gets one allowance.
func LoginKey(username string) string {
	return cases.Fold().String(norm.NFC.String(strings.TrimSpace(username)))
}
