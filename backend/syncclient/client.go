// Package syncclient is the desktop's sync engine: it pushes the local change log to
// chibo-server and pulls what changed in the device's scope, page by page, each page
// applied with its cursor in one local transaction. It holds no state of its own beyond
// the store, so it can stop at any instant and resume.
//
// The HTTP transport is an interface, so tests and the fault proxy can put anything
// between the engine and the server.
package syncclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"chibo/backend/store"
	"chibo/backend/syncproto"
)

// Doer sends an HTTP request; *http.Client is one.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Client syncs one store with one server under one device token.
type Client struct {
	st    *store.Store
	base  string
	token string
	hc    Doer

	// PushBatch is how many changes go in one push; PageSize how many records one pull
	// page holds. Protocol is the protocol version sent (tests set the previous one).
	PushBatch int
	PageSize  int
	Protocol  int

	mu       sync.Mutex // one sync at a time
	progress func(Progress)
}

// New returns a client for st, talking to the server at baseURL with token. hc nil means
// http.DefaultClient.
func New(st *store.Store, baseURL, token string, hc Doer) *Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{st: st, base: strings.TrimRight(baseURL, "/"), token: token, hc: hc,
		PushBatch: 1000, PageSize: syncproto.DefaultPageSize, Protocol: syncproto.ProtocolVersion}
}

// Progress is reported during a sync: the phase ("push" or "pull"), how many changes or
// records are done and, when known, the total.
type Progress struct {
	Phase string `json:"phase"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// OnProgress sets the callback called after each push batch and each pull page.
func (c *Client) OnProgress(fn func(Progress)) { c.progress = fn }

func (c *Client) report(p Progress) {
	if c.progress != nil {
		c.progress(p)
	}
}

// Report summarises one SyncOnce.
type Report struct {
	Pushed   int           `json:"pushed"`
	Refused  int           `json:"refused"`
	Pulled   int           `json:"pulled"`
	Removed  int           `json:"removed"`
	Pages    int           `json:"pages"`
	Reset    bool          `json:"reset"`
	Duration time.Duration `json:"duration"`
}

// SyncOnce pushes every pending change, then pulls until the device is up to date. It is
// safe to call again after any error: nothing is applied twice, nothing is skipped.
// Errors: *StatusError for an answer of the server (IsUnauthorized tells a revoked
// device), or a transport error.
func (c *Client) SyncOnce(ctx context.Context) (Report, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	start := time.Now()
	var rep Report
	err := c.push(ctx, &rep)
	if err == nil {
		err = c.pull(ctx, &rep)
	}
	rep.Duration = time.Since(start)
	return rep, err
}

func (c *Client) push(ctx context.Context, rep *Report) error {
	for {
		batch, err := c.st.PendingChanges(ctx, c.PushBatch)
		if err != nil || len(batch) == 0 {
			return err
		}
		req := syncproto.PushRequest{Changes: make([]syncproto.Change, len(batch))}
		for i, ch := range batch {
			req.Changes[i] = syncproto.Change(ch)
		}
		var resp syncproto.PushResponse
		if err := c.call(ctx, syncproto.PathPush, req, &resp); err != nil {
			return err
		}
		if len(resp.Results) != len(batch) {
			return fmt.Errorf("syncclient: push answered %d of %d changes", len(resp.Results), len(batch))
		}
		results := make([]store.PushResult, len(resp.Results))
		for i, r := range resp.Results {
			if r.Seq != batch[i].Seq || r.ChangeID != batch[i].ChangeID {
				return fmt.Errorf("syncclient: push answer %d is for seq %d, not %d", i, r.Seq, batch[i].Seq)
			}
			results[i] = store.PushResult{Seq: r.Seq, ChangeID: r.ChangeID, Status: r.Status, Code: r.Code, Reason: r.Reason, ReasonEN: r.ReasonEN}
			if r.Current != nil {
				cur := store.Record(*r.Current)
				results[i].Current = &cur
			}
			if r.Status == syncproto.StatusRefused {
				rep.Refused++
			}
		}
		if err := c.st.MarkPushed(ctx, results); err != nil {
			return err
		}
		rep.Pushed += len(batch)
		c.report(Progress{Phase: "push", Done: int64(rep.Pushed)})
	}
}

// fetched is the answer to one pull request, fetched ahead while the page before it is
// being applied.
type fetched struct {
	resp syncproto.PullResponse
	err  error
}

// pull fetches pages until the device is up to date. While a page is applied (one local
// transaction with its cursor), the next page is already being fetched with that page's
// cursor: the server's work and the desktop's overlap. Nothing changes in what is stored
// or when: a page and its cursor are applied in order, all or nothing, and a page
// fetched ahead is simply dropped if anything fails first.
func (c *Client) pull(ctx context.Context, rep *Report) error {
	cursor, err := c.st.SyncCursor(ctx)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	var ahead chan fetched
	defer func() {
		cancel()
		if ahead != nil {
			<-ahead // never leave a fetch running behind a returned sync
		}
	}()
	fetch := func(req syncproto.PullRequest) chan fetched {
		ch := make(chan fetched, 1)
		go func() {
			var f fetched
			f.err = c.call(ctx, syncproto.PathPull, req, &f.resp)
			ch <- f
		}()
		return ch
	}
	var total int64
	first := true
	for resets := 0; ; {
		var resp syncproto.PullResponse
		if ahead != nil {
			f := <-ahead
			ahead = nil
			if f.err != nil {
				return f.err
			}
			resp = f.resp
		} else {
			req := syncproto.PullRequest{Cursor: cursor, Limit: c.PageSize, Estimate: first && c.Protocol >= 2}
			if err := c.call(ctx, syncproto.PathPull, req, &resp); err != nil {
				return err
			}
		}
		if resp.Reset {
			// Push first (so nothing unsynced is at stake), then resync from zero.
			if resets++; resets > 2 {
				return errors.New("syncclient: the server keeps asking for a reset")
			}
			if err := c.push(ctx, rep); err != nil {
				return err
			}
			if err := c.st.BeginResync(ctx); err != nil {
				return err
			}
			rep.Reset, cursor, first = true, "", true
			continue
		}
		if first {
			total = int64(len(resp.Records)) + resp.Remaining
			first = false
		}
		if resp.HasMore {
			ahead = fetch(syncproto.PullRequest{Cursor: resp.Cursor, Limit: c.PageSize})
		}
		page := store.PullPage{Cursor: resp.Cursor, Done: !resp.HasMore, Records: make([]store.Record, len(resp.Records)), Removes: make([]store.RecordRef, len(resp.Removes))}
		for i, r := range resp.Records {
			page.Records[i] = store.Record(r)
		}
		for i, r := range resp.Removes {
			page.Removes[i] = store.RecordRef(r)
		}
		if err := c.st.ApplyPull(ctx, page); err != nil {
			return err
		}
		rep.Pages++
		rep.Pulled += len(resp.Records)
		rep.Removed += len(resp.Removes)
		if int64(rep.Pulled) > total {
			total = int64(rep.Pulled)
		}
		c.report(Progress{Phase: "pull", Done: int64(rep.Pulled), Total: total})
		cursor = resp.Cursor
		if !resp.HasMore {
			return nil
		}
	}
}

// call POSTs req as JSON to path and decodes the answer into resp.
func (c *Client) call(ctx context.Context, path string, req, resp any) error {
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Authorization", "Bearer "+c.token)
	hr.Header.Set(syncproto.HeaderProtocol, strconv.Itoa(c.Protocol))
	hr.Header.Set(syncproto.HeaderSchema, strconv.Itoa(syncproto.SchemaVersion))
	hr.Header.Set(syncproto.HeaderDevice, c.st.DeviceID())
	return do(c.hc, hr, resp)
}

// StatusError is a server's error answer with its HTTP status.
type StatusError struct {
	Status int
	Body   syncproto.Error
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("server answered %d %s: %s", e.Status, e.Body.Code, e.Body.MessageEN)
}

// IsUnauthorized reports whether err means the device must sign in again (revoked device,
// disabled account, wrong password).
func IsUnauthorized(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Status == http.StatusUnauthorized
}

func do(hc Doer, hr *http.Request, resp any) error {
	res, err := hc.Do(hr)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		se := &StatusError{Status: res.StatusCode}
		if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&se.Body); err != nil {
			se.Body.Code, se.Body.MessageEN = "http", res.Status
		}
		return se
	}
	if err := json.NewDecoder(res.Body).Decode(resp); err != nil {
		return fmt.Errorf("syncclient: reading the answer: %w", err)
	}
	return nil
}

// Login enrolls deviceID with a first online login and returns the device token and the
// account. The password is not kept; the caller makes its offline verifier from it.
func Login(ctx context.Context, hc Doer, baseURL string, req syncproto.LoginRequest) (syncproto.LoginResponse, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	req.Protocol, req.Schema = syncproto.ProtocolVersion, syncproto.SchemaVersion
	body, err := json.Marshal(req)
	if err != nil {
		return syncproto.LoginResponse{}, err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(baseURL, "/")+syncproto.PathLogin, bytes.NewReader(body))
	if err != nil {
		return syncproto.LoginResponse{}, err
	}
	hr.Header.Set("Content-Type", "application/json")
	var resp syncproto.LoginResponse
	err = do(hc, hr, &resp)
	return resp, err
}

// Store is the local store this client syncs.
func (c *Client) Store() *store.Store { return c.st }
