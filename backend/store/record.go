package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"chibo/backend/domain"
	"chibo/backend/hlc"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// A field of a synced record: its name on the wire and its column here.
type field struct {
	name   string
	column string
	isInt  bool
}

// kindSpec is what the store needs of one kind of the registry (backend/kinds): its table
// and columns.
type kindSpec struct {
	kind   string
	table  string
	fields []field
	byName map[string]field
	decl   *kinds.Kind
}

// kindsByName holds every kind of the registry, as the store sees it.
var kindsByName = func() map[string]*kindSpec {
	out := map[string]*kindSpec{}
	for _, d := range kinds.All() {
		k := &kindSpec{kind: d.Name, table: d.Table, byName: map[string]field{}, decl: d}
		for _, f := range d.Fields {
			fl := field{name: f.Name, column: f.Column, isInt: f.IsInt()}
			k.fields = append(k.fields, fl)
			k.byName[f.Name] = fl
		}
		out[d.Name] = k
	}
	return out
}()

// validate checks a record as it will be stored, its current values with changed over
// them, by the registry's rules: the same check the server makes.
func (k *kindSpec) validate(current, changed Values) error {
	if len(current) == 0 {
		return k.decl.Validate(kinds.Values(changed)) // a new record: nothing to merge (Validate only reads)
	}
	merged := make(kinds.Values, len(current)+len(changed))
	for name, v := range current {
		merged[name] = v
	}
	for name, v := range changed {
		merged[name] = v
	}
	return k.decl.Validate(merged)
}

func spec(kind string) *kindSpec {
	k, ok := kindsByName[kind]
	if !ok {
		panic("store: kind " + kind + " is not in the registry")
	}
	return k
}

var (
	kindArea     = spec(kinds.Area)
	kindCluster  = spec(kinds.Cluster)
	kindCommune  = spec(kinds.Commune)
	kindUnit     = spec(kinds.Unit)
	kindOfficial = spec(kinds.Official)
)

// Values are a record's field values by wire name: string or int64.
type Values map[string]any

// Change is one entry of the change log: the fields one write set, stamped with its clock.
type Change struct {
	Seq      int64           `json:"seq"`
	ChangeID string          `json:"changeId"`
	Kind     string          `json:"kind"`
	RecordID string          `json:"recordId"`
	Op       string          `json:"op"` // "upsert" or "delete"
	Fields   json.RawMessage `json:"fields"`
	HLC      string          `json:"hlc"`
	UserID   string          `json:"userId,omitempty"`
	// Resent marks a change sent again to a server that lost history (restored from
	// a backup): its seq may be at or below the device's last one there.
	Resent bool `json:"resent,omitempty"`
}

// Change operations.
const (
	OpUpsert = "upsert"
	OpDelete = "delete"
)

// NewID returns a new record id: a UUIDv7, time-ordered so that new rows append to indexes.
func NewID() string { return uuid.Must(uuid.NewV7()).String() }

// write runs fn in one immediate transaction; any error rolls everything back.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		s.logged.Store(false)
		return err
	}
	if err := tx.Commit(); err != nil {
		s.logged.Store(false)
		return err
	}
	if s.logged.Swap(false) {
		if fn := s.onLocalChange.Load(); fn != nil {
			(*fn)() // after the commit, so a sync it starts sees the change
		}
	}
	return nil
}

// OnLocalChange sets fn to be called after every committed transaction that appended to
// the change log; the app uses it to start a sync after a local write. fn must not block.
func (s *Store) OnLocalChange(fn func()) { s.onLocalChange.Store(&fn) }

// current is a record's stored state as the sync layer sees it.
type current struct {
	exists   bool
	deleted  bool
	values   Values
	fieldHLC map[string]string
	extra    map[string]any
}

func loadCurrent(tx *sql.Tx, k *kindSpec, id string) (current, error) {
	cols := make([]string, len(k.fields))
	for i, f := range k.fields {
		cols[i] = f.column
	}
	q := fmt.Sprintf("SELECT %s, field_hlc, extra, deleted FROM %s WHERE id = ?", strings.Join(cols, ", "), k.table)
	dest := make([]any, len(k.fields)+3)
	raw := make([]any, len(k.fields))
	for i := range k.fields {
		dest[i] = &raw[i]
	}
	var fieldHLC, extra string
	var deleted int
	dest[len(k.fields)], dest[len(k.fields)+1], dest[len(k.fields)+2] = &fieldHLC, &extra, &deleted
	err := tx.QueryRow(q, id).Scan(dest...)
	if err == sql.ErrNoRows {
		return current{values: Values{}, fieldHLC: map[string]string{}, extra: map[string]any{}}, nil
	} else if err != nil {
		return current{}, err
	}
	c := current{exists: true, deleted: deleted != 0, values: Values{}, fieldHLC: map[string]string{}, extra: map[string]any{}}
	for i, f := range k.fields {
		c.values[f.name] = canonical(f, raw[i])
	}
	if err := decodeClocks(fieldHLC, c.fieldHLC); err != nil {
		return current{}, fmt.Errorf("%s %s: field clocks: %w", k.kind, id, err)
	}
	if err := json.Unmarshal([]byte(extra), &c.extra); err != nil {
		return current{}, fmt.Errorf("%s %s: extra fields: %w", k.kind, id, err)
	}
	return c, nil
}

// canonical converts a value from SQLite or JSON to the one Go type used for its field,
// so that equal values compare equal whatever their source.
func canonical(f field, v any) any {
	if f.isInt {
		switch x := v.(type) {
		case int64:
			return x
		case int:
			return int64(x)
		case float64:
			return int64(x)
		case bool:
			if x {
				return int64(1)
			}
			return int64(0)
		case json.Number:
			n, _ := x.Int64()
			return n
		}
		return int64(0)
	}
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// stamp issues a timestamp and remembers it, so that the clock resumes past it after a
// restart even if the wall clock went back meanwhile.
func (s *Store) stamp(tx *sql.Tx) (hlc.Timestamp, error) {
	ts := s.clock.Now()
	_, err := tx.Exec(`INSERT INTO meta(key, value) VALUES ('hlc_last', ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE excluded.value > meta.value`, ts.String())
	return ts, err
}

// putRecord writes the given field values of one record as a local change: fields that
// differ from the stored ones are updated, stamped with a fresh HLC and appended to the
// change log, all in tx. It returns false when nothing changed (no change-log row).
func (s *Store) putRecord(tx *sql.Tx, k *kindSpec, id string, vals Values) (bool, error) {
	cur, err := loadCurrent(tx, k, id)
	if err != nil {
		return false, err
	}
	if cur.deleted {
		return false, errDeleted(k.kind)
	}
	changed := Values{}
	for name, v := range vals {
		f, ok := k.byName[name]
		if !ok {
			return false, fmt.Errorf("store: %s has no field %q", k.kind, name)
		}
		v = canonical(f, v)
		if text, ok := v.(string); ok {
			v = textutil.NFC(text) // NFD from some input methods and pasted text is stored as NFC
		}
		if !cur.exists || cur.values[name] != v {
			changed[name] = v
		}
	}
	if len(changed) == 0 {
		return false, nil
	}
	// The registry's rules, as the server applies them: what the desktop writes, the
	// server accepts.
	if err := k.validate(cur.values, changed); err != nil {
		return false, err
	}
	ts, err := s.stamp(tx)
	if err != nil {
		return false, err
	}
	for name := range changed {
		cur.fieldHLC[name] = ts.String()
	}
	if err := writeRow(tx, k, id, cur.exists, changed, cur.fieldHLC, cur.extra, ts.String(), false); err != nil {
		return false, err
	}
	return true, s.appendChange(tx, k.kind, id, OpUpsert, changed, ts)
}

// deleteRecord makes a tombstone of one record and logs the deletion.
func (s *Store) deleteRecord(tx *sql.Tx, k *kindSpec, id string) error {
	cur, err := loadCurrent(tx, k, id)
	if err != nil || !cur.exists || cur.deleted {
		return err
	}
	ts, err := s.stamp(tx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf("UPDATE %s SET deleted = 1, hlc = ? WHERE id = ?", k.table), ts.String(), id); err != nil {
		return err
	}
	return s.appendChange(tx, k.kind, id, OpDelete, Values{}, ts)
}

func (s *Store) appendChange(tx *sql.Tx, kind, id, op string, changed Values, ts hlc.Timestamp) error {
	s.logged.Store(true)
	fields, err := json.Marshal(changed)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO outbox(change_id, kind, record_id, op, fields, hlc, user_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		NewID(), kind, id, op, string(fields), ts.String(), s.userID, s.nowNano())
	return err
}

// writeRow inserts or updates the columns in changed, with the row's clocks and extras.
func writeRow(tx execer, k *kindSpec, id string, exists bool, changed Values, fieldHLC map[string]string, extra map[string]any, rowHLC string, deleted bool) error {
	wr, err := rowWriteOf(k, id, exists, changed, fieldHLC, extra, rowHLC, deleted)
	if err != nil {
		return err
	}
	return wr.exec(tx)
}

func errDeleted(kind string) error {
	return domain.Errorf(domain.ENotFound, "", "Bản ghi đã bị xóa.", "The %s record was deleted.", kind)
}

// marshalClocks encodes a record's field clocks as a JSON object with its keys sorted. The
// clock that several fields share (shared: the row's, which on a first sync every field
// carries) is written once, under the key "", and each of those fields as "": the clocks
// were more than half of a synced database's bytes, every one written twice (the WAL,
// then the file). decodeClocks undoes it. No field is named "" (it marks a pending delete).
// Without reflection when every key and clock is plain ASCII that JSON does not escape:
// every record written by a pull goes through here, so it allocates once.
func marshalClocks(m map[string]string, shared string) (string, error) {
	var buf [24]string
	keys := buf[:0]
	size, sharers := 2, 0
	plain := plainJSON(shared)
	for k, v := range m {
		if k == "" || v == "" {
			shared = "" // nothing to mark a shared clock with
		}
		if v == shared {
			sharers++
		}
		plain = plain && plainJSON(k) && plainJSON(v)
		keys = append(keys, k)
		size += len(k) + len(v) + 6
	}
	if shared == "" || sharers < 2 {
		shared = ""
	}
	if !plain {
		if shared == "" {
			b, err := json.Marshal(m)
			return string(b), err
		}
		short := make(map[string]string, len(m)+1)
		for k, v := range m {
			short[k] = clockOrShared(v, shared)
		}
		short[""] = shared
		b, err := json.Marshal(short)
		return string(b), err
	}
	if shared != "" {
		keys = append(keys, "")
		size += len(shared) + 6
	}
	slices.Sort(keys)
	var b strings.Builder
	b.Grow(size)
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(k)
		b.WriteString(`":"`)
		if k == "" {
			b.WriteString(shared)
		} else {
			b.WriteString(clockOrShared(m[k], shared))
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String(), nil
}

// clockOrShared is how marshalClocks writes clock: "" when it is the shared one.
func clockOrShared(clock, shared string) string {
	if clock == shared {
		return ""
	}
	return clock
}

// decodeClocks reads a row's field clocks as marshalClocks wrote them, or as versions
// before the shared clock wrote them (every clock in full), into m.
func decodeClocks(s string, m map[string]string) error {
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return err
	}
	shared, ok := m[""]
	if !ok {
		return nil
	}
	delete(m, "")
	for k, v := range m {
		if v == "" {
			m[k] = shared
		}
	}
	return nil
}

// plainJSON reports whether s is written verbatim inside a JSON string by json.Marshal.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}
