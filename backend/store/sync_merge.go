package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"chibo/backend/domain"
)

// PreparePull does ahead the part of applying page that needs no database: each
// record's statement as if the device held no row of it, which on a first sync is every
// record. The client calls it while the page before is still being applied, so decoding
// and checking fields runs beside the writes instead of before them. ApplyPull uses a
// prepared statement only for a record it finds absent and without pending changes (the
// very case it was made for), and merges every other record itself. After a page of
// records held already (a resync), nothing is prepared: it would go unused.
func (s *Store) PreparePull(page *PullPage) {
	if page.prepared != nil || s.pulledExisting.Load() {
		return
	}
	page.prepared = make([]prepared, len(page.Records))
	for i, r := range page.Records {
		if k, ok := kindsByName[r.Kind]; ok {
			wr, err := mergeInto(k, r, current{fieldHLC: make(map[string]string, len(r.Fields))}, nil)
			page.prepared[i] = prepared{wr: wr, err: err, ok: true}
		}
	}
}

// prepared is one record's statement for an absent row, or why it cannot be taken.
type prepared struct {
	wr  *rowWrite
	err error
	ok  bool
}

// mergePulled merges one pulled record whose clock is observed already; absent says the
// device holds no row of it (absentRecords), so there is nothing to read.
func (s *Store) mergePulled(w *stmts, r Record, pending map[string]bool, absent bool) error {
	k, ok := kindsByName[r.Kind]
	if !ok {
		return nil
	}
	cur := current{fieldHLC: make(map[string]string, len(r.Fields))} // values and extra stay nil until needed
	if !absent {
		var err error
		if cur, err = loadCurrent(w.tx, k, r.ID); err != nil {
			return err
		}
	}
	wr, err := mergeInto(k, r, cur, pending)
	if err != nil || wr == nil {
		return err
	}
	return wr.exec(w)
}

// mergeInto is the statement that merges r into the row cur (nil: nothing to write), or
// a *badRecord. It reads no database: for a row the device does not hold, it can be made
// ahead of the page's transaction (PullPage.Prepare).
func mergeInto(k *kindSpec, r Record, cur current, pending map[string]bool) (*rowWrite, error) {
	resurrect := false
	if cur.deleted {
		if r.Deleted || pending[""] {
			return nil, nil
		}
		// The server holds the record alive and this device has no pending delete: its
		// delete was refused. Put the record back as the server has it.
		cur.deleted, resurrect = false, true
		for name := range r.Fields {
			delete(cur.fieldHLC, name)
		}
	}
	if r.Deleted {
		if !cur.exists {
			return rowWriteOf(k, r.ID, false, Values{}, map[string]string{}, map[string]any{}, r.HLC, true)
		}
		return &rowWrite{query: fmt.Sprintf("UPDATE %s SET deleted = 1, hlc = max(hlc, ?) WHERE id = ?", k.table), args: []any{r.HLC, r.ID}}, nil
	}
	changed := make(Values, len(r.Fields))
	touched := !cur.exists || resurrect
	for name, raw := range r.Fields {
		if pending[name] {
			continue // unsynced local work wins until the server has answered it
		}
		clock := r.FieldHLC[name]
		if clock == "" {
			clock = r.HLC
		}
		if cur.fieldHLC[name] == clock {
			continue // already the server's
		}
		cur.fieldHLC[name], touched = clock, true
		f, known := k.byName[name]
		if !known {
			if cur.extra == nil {
				cur.extra = map[string]any{}
			}
			cur.extra[name] = json.RawMessage(raw)
			continue
		}
		v, err := decodeField(raw)
		if _, isText := v.(string); err == nil && !f.isInt && !isText {
			err = fmt.Errorf("not a string")
		}
		if err == nil && f.isInt {
			// canonical's value: the integer itself, parsed once.
			num, isNum := v.(json.Number)
			var n int64
			if n, err = strconv.ParseInt(string(num), 10, 64); !isNum || err != nil {
				err = fmt.Errorf("not an integer")
			}
			v = n
		}
		if err != nil {
			return nil, &badRecord{vi: fmt.Sprintf("Trường “%s” không đọc được: %v.", name, err), en: fmt.Sprintf("Field “%s” cannot be read: %v.", name, err)}
		}
		changed[name] = v
	}
	if !touched {
		return nil, nil
	}
	if !r.Deleted {
		var de *domain.Error
		if err := k.validate(cur.values, changed); errors.As(err, &de) {
			return nil, &badRecord{vi: de.Message, en: de.MessageEN}
		} else if err != nil {
			return nil, err
		}
	}
	rowHLC := ""
	for _, c := range cur.fieldHLC {
		if c > rowHLC {
			rowHLC = c
		}
	}
	if rowHLC == "" {
		rowHLC = r.HLC
	}
	return rowWriteOf(k, r.ID, cur.exists, changed, cur.fieldHLC, cur.extra, rowHLC, false)
}
