package syncclient

import (
	"context"
	"errors"
	"net"
	"time"
)

// Status is what the app shows about background sync.
type Status struct {
	State       string    `json:"state"` // "idle", "syncing", "offline", "error", "signed_out"
	LastSyncAt  string    `json:"lastSyncAt"`
	LastError   string    `json:"lastError,omitempty"`
	Pending     int       `json:"pending"`
	Refused     int       `json:"refused"`
	Progress    *Progress `json:"progress,omitempty"`
	NextAttempt time.Time `json:"nextAttempt"`
	LastReport  *Report   `json:"lastReport,omitempty"`
}

// Runner syncs in the background: at once when kicked (after a local write, on the
// "Đồng bộ ngay" button, on reconnect), every Interval otherwise, and after a failure with
// a backoff that doubles from MinBackoff to MaxBackoff. A revoked device or disabled
// account stops the automatic retries until the next Kick (the user must sign in again).
type Runner struct {
	c                                *Client
	Interval, MinBackoff, MaxBackoff time.Duration
	kick                             chan struct{}
	onStatus                         func(Status)
}

// NewRunner returns a runner for c; onStatus (may be nil) is called on every change of
// state and on progress, from the runner's goroutine.
func NewRunner(c *Client, onStatus func(Status)) *Runner {
	return &Runner{c: c, Interval: 2 * time.Minute, MinBackoff: 2 * time.Second, MaxBackoff: 5 * time.Minute,
		kick: make(chan struct{}, 1), onStatus: onStatus}
}

// Kick asks for a sync now; it never blocks.
func (r *Runner) Kick() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

func (r *Runner) emit(st Status) {
	if r.onStatus == nil {
		return
	}
	if ss, err := r.c.st.SyncStatus(context.Background()); err == nil {
		st.Pending, st.Refused = ss.Pending, ss.Refused
		if st.LastSyncAt == "" {
			st.LastSyncAt = ss.LastSyncAt
		}
	}
	r.onStatus(st)
}

// Run syncs until ctx ends. It starts with a sync.
func (r *Runner) Run(ctx context.Context) {
	backoff := time.Duration(0)
	r.c.OnProgress(func(p Progress) { r.emit(Status{State: "syncing", Progress: &p}) })
	for {
		r.emit(Status{State: "syncing"})
		rep, err := r.c.SyncOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		wait := r.Interval
		st := Status{State: "idle", LastReport: &rep}
		switch {
		case err == nil:
			backoff = 0
		case IsUnauthorized(err):
			st.State, st.LastError, wait = "signed_out", err.Error(), -1
		default:
			if backoff == 0 {
				backoff = r.MinBackoff
			} else if backoff *= 2; backoff > r.MaxBackoff {
				backoff = r.MaxBackoff
			}
			st.State, st.LastError, wait = stateOf(err), err.Error(), backoff
		}
		var timer <-chan time.Time
		var t *time.Timer
		if wait >= 0 {
			st.NextAttempt = time.Now().Add(wait)
			t = time.NewTimer(wait)
			timer = t.C
		}
		r.emit(st)
		select {
		case <-ctx.Done():
		case <-r.kick:
		case <-timer:
		}
		if t != nil {
			t.Stop()
		}
		if ctx.Err() != nil {
			return
		}
	}
}

// stateOf tells a network failure (offline: nothing to fix) from a server's refusal.
func stateOf(err error) string {
	var ne net.Error
	var se *StatusError
	switch {
	case errors.As(err, &se):
		return "error"
	case errors.As(err, &ne), errors.Is(err, context.DeadlineExceeded):
		return "offline"
	}
	return "offline"
}
