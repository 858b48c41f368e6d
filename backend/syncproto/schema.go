package syncproto

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// FieldType is the JSON type of a known field.
type FieldType int

const (
	TypeString FieldType = iota
	TypeInt
)

// Schema is the record schema: kind → field → type. The server takes it from the local
// store's registry of kinds (one source of truth). Fields not listed are still accepted and
// kept, as any JSON value: that is how a newer client's fields survive an older server or
// client.
type Schema map[string]map[string]FieldType

// FieldRestricted is the classification field any record may carry: 1 while the record is
// visible only to district roles, 0 (or absent) once released. See docs/access.md.
const FieldRestricted = "restricted"

// ValidID reports whether id may name a record or a device: 1–64 characters of letters,
// digits, '-' and '_'. Ids are client-made UUIDs; the limit keeps file names and logs safe.
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLen {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// DecodeFields parses a change's fields object and checks every value against the schema
// of the record's kind: known fields must have their type, any field must be valid JSON under the size
// limit. Integers come back as int64, strings as string, unknown fields as raw JSON.
func DecodeFields(schema map[string]FieldType, raw json.RawMessage) (map[string]any, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return map[string]any{}, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("fields must be a JSON object: %v", err)
	}
	if obj == nil {
		obj = map[string]json.RawMessage{}
	}
	if len(obj) > MaxFieldsPerRec {
		return nil, fmt.Errorf("too many fields (%d > %d)", len(obj), MaxFieldsPerRec)
	}
	out := make(map[string]any, len(obj))
	for name, v := range obj {
		if name == "" || len(name) > MaxIDLen || !utf8.ValidString(name) || strings.ContainsAny(name, "\x00") {
			return nil, fmt.Errorf("bad field name %q", name)
		}
		if len(v) > MaxFieldBytes {
			return nil, fmt.Errorf("field %s is larger than %d bytes", name, MaxFieldBytes)
		}
		x, err := DecodeValue(schema, name, v)
		if err != nil {
			return nil, err
		}
		out[name] = x
	}
	return out, nil
}

// DecodeValue decodes one field value by the schema.
func DecodeValue(schema map[string]FieldType, name string, v json.RawMessage) (any, error) {
	t, known := schema[name]
	switch {
	case name == FieldRestricted:
		var n int64
		if err := json.Unmarshal(v, &n); err != nil || (n != 0 && n != 1) {
			return nil, fmt.Errorf("field %s must be 0 or 1", name)
		}
		return n, nil
	case !known:
		if !json.Valid(v) {
			return nil, fmt.Errorf("field %s is not valid JSON", name)
		}
		return json.RawMessage(append([]byte(nil), v...)), nil
	case t == TypeInt:
		if t := bytes.TrimSpace(v); len(t) == 0 || t[0] == '"' {
			return nil, fmt.Errorf("field %s must be an integer", name)
		}
		var n int64
		d := json.NewDecoder(bytes.NewReader(v))
		d.UseNumber()
		var num json.Number
		if err := d.Decode(&num); err != nil {
			return nil, fmt.Errorf("field %s must be an integer", name)
		}
		n, err := num.Int64()
		if err != nil {
			return nil, fmt.Errorf("field %s must be an integer", name)
		}
		return n, nil
	default:
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, fmt.Errorf("field %s must be a string", name)
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("field %s is not valid UTF-8", name)
		}
		return s, nil
	}
}
