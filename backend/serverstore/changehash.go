package serverstore

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"unicode/utf8"

	"chibo/backend/syncproto"
)

// changeHash identifies a change's content, to tell a replay from a different change that
// reuses an id. Stored hashes must keep matching: the text hashed is encoding/json's of
// [kind, recordId, op, fields decoded, hlc, userId]. hashText writes the same text by hand
// for the common change (flat fields of plain strings and small integers) and leaves the
// rest to encoding/json.
func changeHash(c syncproto.Change) string {
	b, ok := hashText(c)
	if !ok {
		var fields any
		if err := json.Unmarshal(c.Fields, &fields); err != nil {
			fields = string(c.Fields)
		}
		b, _ = json.Marshal([]any{c.Kind, c.RecordID, c.Op, fields, c.HLC, c.UserID})
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

func hashText(c syncproto.Change) ([]byte, bool) {
	obj, ok := flatObject(c.Fields, true)
	if !ok {
		return nil, false
	}
	for _, s := range []string{c.Kind, c.RecordID, c.Op, c.HLC, c.UserID} {
		if !asIsString(s) {
			return nil, false
		}
	}
	names := make([]string, 0, len(obj))
	for k, v := range obj {
		if !asIsString(k) || !asIsValue(v) {
			return nil, false
		}
		names = append(names, k)
	}
	sort.Strings(names)
	b := make([]byte, 0, 64+len(c.Fields)+len(c.Kind)+len(c.RecordID)+len(c.HLC)+len(c.UserID))
	b = append(append(append(b, `["`...), c.Kind...), `","`...)
	b = append(append(append(b, c.RecordID...), `","`...), c.Op...)
	b = append(b, `",{`...)
	for i, k := range names {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(append(b, '"'), k...), `":`...), obj[k]...)
	}
	b = append(append(append(b, `},"`...), c.HLC...), `","`...)
	return append(append(b, c.UserID...), `"]`...), true
}

// asIsString reports whether encoding/json writes s as its bytes between quotes: valid
// UTF-8 without quotes, backslashes, control characters, HTML's <, > and &, U+2028 and
// U+2029.
func asIsString(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			return false
		}
	}
	return utf8.ValidString(s)
}

// asIsValue reports whether encoding/json writes a decoded v back as the same bytes: a
// string as above, true, false, null, or an integer of at most 15 digits (exact as a
// float64), not -0.
func asIsValue(v json.RawMessage) bool {
	switch {
	case len(v) >= 2 && v[0] == '"':
		return asIsString(string(v[1 : len(v)-1]))
	case string(v) == "true", string(v) == "false", string(v) == "null":
		return true
	}
	d := v
	if len(d) > 0 && d[0] == '-' {
		d = d[1:]
	}
	if len(d) == 0 || len(d) > 15 || (d[0] == '0' && (len(d) > 1 || len(v) > 1)) {
		return false
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
