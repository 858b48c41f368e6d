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

	gojson "github.com/goccy/go-json"

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

	// PushBatch is how many changes go in one push, PushBytes about how many bytes at
	// most (under the server's body limit); PageSize how many records one pull page
	// holds. Protocol is the protocol version sent (tests set the previous one).
	PushBatch int
	PushBytes int
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
		PushBatch: pushBatch, PushBytes: syncproto.MaxBodyBytes / 4, PageSize: syncproto.DefaultPageSize, Protocol: syncproto.ProtocolVersion}
}

// pushBatch is the server's most per push: a batch is one server transaction, which
// reads and writes each record it edits once however many of its changes it holds, and
// commits once. A batch of 5,000 holds the server's write lock about 0.15 s.
const pushBatch = syncproto.MaxChangesPerPush

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
	Resent   int           `json:"resent,omitempty"` // acknowledged changes sent again to a restored server
	Duration time.Duration `json:"duration"`

	restored bool // the server said it lost history, and the acknowledged changes were queued again
}

// resend queues the acknowledged changes again, once per sync, for a server that lost
// history: what it had acknowledged from this desktop may exist only here now.
func (c *Client) resend(ctx context.Context, rep *Report) error {
	if rep.restored {
		return nil
	}
	n, err := c.st.ResendAcknowledged(ctx)
	if err != nil {
		return err
	}
	rep.Resent, rep.restored = rep.Resent+n, true
	return nil
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

// fetched is the answer to one pull request, fetched and prepared while the pages before
// it are being applied.
type fetched struct {
	resp syncproto.PullResponse
	page store.PullPage // resp as the store applies it, prepared (PreparePull)
	err  error
}

// pull fetches pages until the device is up to date. Pages go through three stages at
// once: the server cuts page n+2 while page n+1 is decoded and prepared (PreparePull)
// and page n is applied (one local transaction with its cursor), so the server's work,
// the decoding and the writes overlap. Nothing changes in what is stored or when: pages
// and their cursors are applied in order, each all or nothing, and pages fetched ahead
// are simply dropped if anything fails first.
func (c *Client) pull(ctx context.Context, rep *Report) error {
	cursor, err := c.st.SyncCursor(ctx)
	if err != nil {
		return err
	}
	mark := ""
	if cursor == "" && !rep.restored {
		if mark, err = c.st.HistoryMark(ctx); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	pages := c.pages(ctx, cursor, mark, c.Protocol >= 2)
	defer func() {
		cancel()
		for range pages {
			// never leave a fetch running behind a returned sync
		}
	}()
	var total int64
	first := true
	for resets := 0; ; {
		f, ok := <-pages
		if !ok {
			return ctx.Err() // the pipeline stops early only when cancelled
		}
		if f.err != nil {
			return f.err
		}
		resp, page := f.resp, f.page
		if resp.Reset {
			// Push first (so nothing unsynced is at stake), then resync from zero.
			if resets++; resets > 2 {
				return errors.New("syncclient: the server keeps asking for a reset")
			}
			if resp.Restored {
				// The server lost history (and the push did not hear of it: nothing was
				// pending, or the server predates the cursor header). Send it all again.
				if err := c.resend(ctx, rep); err != nil {
					return err
				}
			}
			if err := c.push(ctx, rep); err != nil {
				return err
			}
			if err := c.st.BeginResync(ctx); err != nil {
				return err
			}
			for range pages {
				// the pipeline stops after a reset
			}
			pages = c.pages(ctx, "", "", c.Protocol >= 2)
			rep.Reset, first = true, true
			continue
		}
		if first {
			total = int64(len(resp.Records)) + resp.Remaining
			first = false
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
		if !resp.HasMore {
			return nil
		}
	}
}

// pages fetches the pages from cursor on, each with the cursor of the page before, and
// prepares them; the channel is closed after the last page, a reset, an error, or when
// ctx is cancelled. Besides the page being applied, at most one page waits fetched and
// one prepared. mark, if any, goes with the first request (see store.HistoryMark).
func (c *Client) pages(ctx context.Context, cursor, mark string, estimate bool) <-chan fetched {
	got, out := make(chan fetched), make(chan fetched)
	go func() {
		defer close(got)
		req := syncproto.PullRequest{Cursor: cursor, Limit: c.PageSize, Estimate: estimate}
		for {
			var f fetched
			var hdr []string
			if mark != "" {
				hdr, mark = []string{syncproto.HeaderCursor, mark}, ""
			}
			f.err = c.call(ctx, syncproto.PathPull, req, &f.resp, hdr...)
			select {
			case got <- f:
			case <-ctx.Done():
				return
			}
			if f.err != nil || f.resp.Reset || !f.resp.HasMore {
				return
			}
			req = syncproto.PullRequest{Cursor: f.resp.Cursor, Limit: c.PageSize}
		}
	}()
	go func() {
		defer close(out)
		for f := range got {
			if f.err == nil && !f.resp.Reset {
				f.page = pageOf(f.resp)
				c.st.PreparePull(&f.page)
			}
			select {
			case out <- f:
			case <-ctx.Done():
				for range got {
					// until the fetcher has stopped
				}
				return
			}
		}
	}()
	return out
}

// pageOf is a pull answer as the store applies it.
func pageOf(resp syncproto.PullResponse) store.PullPage {
	page := store.PullPage{Cursor: resp.Cursor, Done: !resp.HasMore, Records: make([]store.Record, len(resp.Records)), Removes: make([]store.RecordRef, len(resp.Removes))}
	for i, r := range resp.Records {
		page.Records[i] = store.Record(r)
	}
	for i, r := range resp.Removes {
		page.Removes[i] = store.RecordRef(r)
	}
	return page
}

// maxPageBytes bounds what one pull answer may take in memory (a page of 10,000 records
// of the demo's kinds is about 9 MB).
const maxPageBytes = 512 << 20

// call POSTs req as JSON to path and decodes the answer into resp; header holds extra
// header names and values, in pairs.
func (c *Client) call(ctx context.Context, path string, req, resp any, header ...string) error {
	body, err := gojson.Marshal(req)
	if err != nil {
		return err
	}
	return c.send(ctx, path, body, resp, header...)
}

// send posts an encoded request and decodes its answer into resp (see call).
func (c *Client) send(ctx context.Context, path string, body []byte, resp any, header ...string) error {
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Authorization", "Bearer "+c.token)
	hr.Header.Set(syncproto.HeaderProtocol, strconv.Itoa(c.Protocol))
	hr.Header.Set(syncproto.HeaderSchema, strconv.Itoa(syncproto.SchemaVersion))
	hr.Header.Set(syncproto.HeaderDevice, c.st.DeviceID())
	for i := 0; i+1 < len(header); i += 2 {
		hr.Header.Set(header[i], header[i+1])
	}
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
	if page, ok := resp.(*syncproto.PullResponse); ok {
		// A page is read whole and decoded in one call, the bulk of a first sync's reading.
		// Its stated length sizes the buffer, within reason: a broken proxy could state any.
		buf := bytes.NewBuffer(make([]byte, 0, min(max(res.ContentLength, 0), 16<<20)+bytes.MinRead))
		_, err := buf.ReadFrom(io.LimitReader(res.Body, maxPageBytes+1))
		if err == nil && buf.Len() > maxPageBytes {
			err = fmt.Errorf("a page of more than %d MiB", maxPageBytes>>20)
		}
		if err == nil {
			*page, err = syncproto.DecodePullResponse(buf.Bytes())
		}
		if err != nil {
			return fmt.Errorf("syncclient: reading the answer: %w", err)
		}
		return nil
	}
	if err := gojson.NewDecoder(res.Body).Decode(resp); err != nil {
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
