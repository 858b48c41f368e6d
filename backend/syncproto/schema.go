package syncproto

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
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
	// On the raw bytes: the decoder would replace invalid UTF-8 with U+FFFD unseen.
	if !utf8.Valid(raw) {
		return nil, errors.New("fields are not valid UTF-8")
	}
	if t := bytes.TrimSpace(raw); t[0] != '{' {
		return nil, errors.New("fields must be a JSON object")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("fields must be a JSON object: %v", err)
	}
	if obj == nil {
		obj = map[string]json.RawMessage{}
	}
	return DecodeObject(schema, obj)
}

// DecodeObject is DecodeFields on an object already read (valid UTF-8, one value per
// name): a caller that parsed the fields by other means checks them the same way.
func DecodeObject(schema map[string]FieldType, obj map[string]json.RawMessage) (map[string]any, error) {
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

// DecodeValue decodes one field value by the schema. A known field is never null; a
// value of a field the schema does not know may be any JSON whose numbers are finite
// float64s and whose strings hold no NUL, so that every client can decode it.
func DecodeValue(schema map[string]FieldType, name string, v json.RawMessage) (any, error) {
	t, known := schema[name]
	if tv := bytes.TrimSpace(v); known && bytes.Equal(tv, []byte("null")) {
		return nil, fmt.Errorf("field %s must not be null", name)
	}
	switch {
	case name == FieldRestricted:
		switch string(bytes.TrimSpace(v)) {
		case "0":
			return int64(0), nil
		case "1":
			return int64(1), nil
		}
		return nil, fmt.Errorf("field %s must be 0 or 1", name)
	case !known:
		if err := checkOpaque(v); err != nil {
			return nil, fmt.Errorf("field %s: %v", name, err)
		}
		return json.RawMessage(append([]byte(nil), v...)), nil
	case t == TypeInt:
		if n, ok := plainInt(v); ok {
			return n, nil
		}
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
		if s, ok := plainString(v); ok {
			return s, nil
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, fmt.Errorf("field %s must be a string", name)
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("field %s is not valid UTF-8", name)
		}
		if strings.ContainsRune(s, 0) {
			return nil, fmt.Errorf("field %s holds a NUL character", name)
		}
		return s, nil
	}
}

// plainInt and plainString decode the common values (a plain integer, a string with no
// escape) without the JSON decoder, to the same result; anything else is left to it.
func plainInt(v []byte) (int64, bool) {
	d := v
	if len(d) > 0 && d[0] == '-' {
		d = d[1:]
	}
	if len(d) == 0 || len(d) > 18 || (d[0] == '0' && len(d) > 1) {
		return 0, false
	}
	for _, b := range d {
		if b < '0' || b > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	return n, err == nil
}

func plainString(v []byte) (string, bool) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", false
	}
	in := v[1 : len(v)-1]
	for _, b := range in {
		if b == '"' || b == '\\' || b < 0x20 {
			return "", false
		}
	}
	if !utf8.Valid(in) {
		return "", false
	}
	return string(in), true
}

// checkOpaque checks a value the schema does not know: valid JSON, every number a finite
// float64 (1e309 would stop every client that decodes it), no NUL in any string.
func checkOpaque(v json.RawMessage) error {
	if !json.Valid(v) {
		return errors.New("not valid JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		switch x := tok.(type) {
		case json.Number:
			if f, err := strconv.ParseFloat(string(x), 64); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
				return fmt.Errorf("number %s is out of range", x)
			}
		case string:
			if strings.ContainsRune(x, 0) {
				return errors.New("a string holds a NUL character")
			}
		}
	}
}
