package serverstore

import (
	"encoding/json"
	"unicode/utf8"

	"chibo/backend/syncproto"
)

// A record's fields and field clocks are flat JSON objects, read for every record a push
// touches; encoding/json spent more on them than SQLite on the rows. parseFields and
// parseClocks read the common case by hand and give exactly what json.Unmarshal gives;
// anything else (escapes, nested values, bad syntax) they leave to it.

func parseFields(b []byte) (map[string]json.RawMessage, error) {
	if m, ok := flatObject(b, true); ok {
		return m, nil
	}
	m := map[string]json.RawMessage{}
	err := json.Unmarshal(b, &m)
	return m, err
}

// decodeFields is syncproto.DecodeFields for a change of kind, with the raw object it
// read: a flat object is read once, by hand, instead of by the decoder and again here.
func decodeFields(kind string, b json.RawMessage) (map[string]any, map[string]json.RawMessage, error) {
	if obj, ok := flatObject(b, true); ok && utf8.Valid(b) {
		fields, err := syncproto.DecodeObject(Schema[kind], obj)
		return fields, obj, err
	}
	fields, err := syncproto.DecodeFields(Schema[kind], b)
	if err != nil {
		return nil, nil, err
	}
	raw, _ := parseFields(b)
	return fields, raw, nil
}

func parseClocks(b []byte) (map[string]string, error) {
	if raw, ok := flatObject(b, false); ok {
		m := make(map[string]string, len(raw))
		for k, v := range raw {
			m[k] = string(v[1 : len(v)-1]) // flatObject checked: a plain, valid string
		}
		return m, nil
	}
	m := map[string]string{}
	err := json.Unmarshal(b, &m)
	return m, err
}

// flatObject reads an object whose keys are plain strings and whose values are scalars
// (any scalar when anyScalar, else plain valid UTF-8 strings only). Values share b.
func flatObject(b []byte, anyScalar bool) (map[string]json.RawMessage, bool) {
	i := skipWS(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	m := map[string]json.RawMessage{}
	i = skipWS(b, i+1)
	if i < len(b) && b[i] == '}' {
		return m, skipWS(b, i+1) == len(b)
	}
	for {
		end, ok := plainStringEnd(b, i, true)
		if !ok {
			return nil, false
		}
		key := string(b[i+1 : end-1])
		i = skipWS(b, end)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i = skipWS(b, i+1)
		if end, ok = scalarEnd(b, i, anyScalar); !ok {
			return nil, false
		}
		m[key] = b[i:end:end]
		i = skipWS(b, end)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == '}' {
			return m, skipWS(b, i+1) == len(b)
		}
		if b[i] != ',' {
			return nil, false
		}
		i = skipWS(b, i+1)
	}
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// plainStringEnd returns the end of a string at b[i] with no escape and no control
// character (valid UTF-8 when utf8Only).
func plainStringEnd(b []byte, i int, utf8Only bool) (int, bool) {
	if i >= len(b) || b[i] != '"' {
		return 0, false
	}
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return j + 1, !utf8Only || utf8.Valid(b[i+1:j])
		case c == '\\' || c < 0x20:
			return 0, false
		}
	}
	return 0, false
}

// scalarEnd returns the end of a plain string, number, true, false or null at b[i].
func scalarEnd(b []byte, i int, anyScalar bool) (int, bool) {
	if i >= len(b) {
		return 0, false
	}
	if b[i] == '"' {
		return plainStringEnd(b, i, !anyScalar)
	}
	if !anyScalar {
		return 0, false
	}
	for _, lit := range []string{"true", "false", "null"} {
		if len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit {
			return i + len(lit), true
		}
	}
	return numberEnd(b, i)
}

// numberEnd reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func numberEnd(b []byte, i int) (int, bool) {
	digits := func(j int) int {
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		return j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = digits(i)
	default:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}
