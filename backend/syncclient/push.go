package syncclient

import (
	"context"
	"fmt"

	gojson "github.com/goccy/go-json"

	"chibo/backend/store"
	"chibo/backend/syncproto"
)

// push sends the pending changes batch by batch. The answers to one batch are stored
// while the next one is sent, and the batch after a sent one is read and encoded while
// the server works on it (the desktop's work and the server's overlap); still only one
// push is on the wire at a time, the batches are answered and stored in order, each in
// one local transaction, and a failure leaves the rest pending, to be sent again and
// answered from the server's stored answers.
func (c *Client) push(ctx context.Context, rep *Report) error {
	var marking chan error // the previous batch's MarkPushed, running
	var marked int
	settle := func() error {
		if marking == nil {
			return nil
		}
		err := <-marking
		marking = nil
		if err == nil {
			rep.Pushed += marked
			c.report(Progress{Phase: "push", Done: int64(rep.Pushed)})
		}
		return err
	}
	var next chan queuedBatch // the batch after the one on the wire, being read
	drop := func() {
		if next != nil {
			<-next // never leave a read running behind a returned sync
			next = nil
		}
	}
	fail := func(err error) error {
		drop()
		settle() // never leave a write running behind a returned sync
		return err
	}
	// The stored cursor goes with every batch of the push, so that a
	// server restored from a backup says so before it applies anything: an edit of a
	// record it lost would be refused (the edit carries only its fields), a delete would
	// do nothing and the resent create would bring the record back.
	cursor, err := c.historyCursor(ctx)
	if err != nil {
		return err
	}
	b := c.readBatch(ctx, 0)
	for {
		if b.err != nil {
			return fail(b.err)
		}
		if len(b.changes) == 0 {
			return settle()
		}
		batch := b.changes
		next = make(chan queuedBatch, 1)
		go func(after int64) { next <- c.readBatch(ctx, after) }(batch[len(batch)-1].Seq)
		var resp syncproto.PushResponse
		var hdr []string
		if cursor != "" && !rep.restored {
			hdr = []string{syncproto.HeaderCursor, cursor}
		}
		if err := c.send(ctx, syncproto.PathPush, b.body, &resp, hdr...); err != nil {
			return fail(err)
		}
		if resp.Restored && !rep.restored {
			// Nothing was applied. Queue the acknowledged changes again and push the whole
			// queue from its start, in its order.
			drop()
			if err := settle(); err != nil {
				return err
			}
			if err := c.resend(ctx, rep); err != nil {
				return err
			}
			b = c.readBatch(ctx, 0)
			continue
		}
		if resp.Mark != "" {
			// Answered to a push without the header: the first history this device has
			// seen (or the restored server's), kept to hear of a restore by.
			if err := c.st.SetHistoryMark(ctx, resp.Mark); err != nil {
				return fail(err)
			}
			cursor = resp.Mark
		}
		if len(resp.Results) != len(batch) {
			return fail(fmt.Errorf("syncclient: push answered %d of %d changes", len(resp.Results), len(batch)))
		}
		results := make([]store.PushResult, len(resp.Results))
		for i, r := range resp.Results {
			if r.Seq != batch[i].Seq || r.ChangeID != batch[i].ChangeID {
				return fail(fmt.Errorf("syncclient: push answer %d is for seq %d, not %d", i, r.Seq, batch[i].Seq))
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
		if err := settle(); err != nil {
			drop()
			return err
		}
		marking, marked = make(chan error, 1), len(batch)
		go func() { marking <- c.st.MarkPushed(ctx, results) }()
		b, next = <-next, nil
	}
}

// queuedBatch is one push's changes, read from the queue, and its encoded request.
type queuedBatch struct {
	changes []store.Change
	body    []byte
	err     error
}

// readBatch reads the pending changes after seq after, up to one push, and encodes them.
// A change queued while it runs is either in it or in a later batch: the queue is read
// by sequence.
func (c *Client) readBatch(ctx context.Context, after int64) queuedBatch {
	changes, err := c.st.PendingChangesAfter(ctx, after, c.PushBatch, c.PushBytes)
	if err != nil || len(changes) == 0 {
		return queuedBatch{err: err}
	}
	req := syncproto.PushRequest{Changes: make([]syncproto.Change, len(changes))}
	for i, ch := range changes {
		req.Changes[i] = syncproto.Change(ch)
	}
	body, err := gojson.Marshal(req) // encoding/json's output, faster on a push of 5,000 changes
	return queuedBatch{changes: changes, body: body, err: err}
}

// historyCursor is what a push sends as X-Chibo-Cursor: the pull cursor, or when there
// is none the history mark (store.HistoryMark).
func (c *Client) historyCursor(ctx context.Context) (string, error) {
	cursor, err := c.st.SyncCursor(ctx)
	if err != nil || cursor != "" {
		return cursor, err
	}
	return c.st.HistoryMark(ctx)
}
