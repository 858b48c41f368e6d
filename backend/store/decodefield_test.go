package store

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// decodeField gives exactly what the JSON decoder (with UseNumber) gives, fast path or not.
func TestDecodeFieldMatchesTheDecoder(t *testing.T) {
	for _, raw := range []string{
		`"Chi bộ Xóm 3"`, `""`, `"a\"b"`, `"tab\there"`, `"\u00e9"`, "\"bad \xff utf8\"", `"x\\y"`,
		`0`, `17`, `-5`, `-0`, `007`, `1.5`, `1e3`, `123456789012345678`, `12345678901234567890`, `-`,
		`null`, `true`, `{"x":1}`, `[1,2]`, `"a" `, `17 `,
	} {
		var want any
		dec := json.NewDecoder(bytes.NewReader([]byte(raw)))
		dec.UseNumber()
		werr := dec.Decode(&want)
		got, err := decodeField([]byte(raw))
		if (err != nil) != (werr != nil) {
			t.Errorf("%s: error %v, the decoder says %v", raw, err, werr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %#v, the decoder gives %#v", raw, got, want)
		}
	}
}

// marshalClocks writes what json.Marshal writes.
func TestMarshalClocksMatchesJSON(t *testing.T) {
	for _, m := range []map[string]string{
		nil, {}, {"name": "001764237600000:00000000:0193a0c2-aa"},
		{"z": "1", "a": "2", "members": "001764237600000:0000000a:dev_1"},
		{"tên": "x"}, {"a": "<b>"}, {"q\"": "1"}, {"a": "tab\t"}, {"a": "é"}, {"a&b": "c"},
	} {
		want, _ := json.Marshal(m)
		if m == nil {
			want = []byte("{}") // a nil map of clocks is stored as an empty object
		}
		got, err := marshalClocks(m)
		if err != nil || string(got) != string(want) {
			t.Errorf("%v: got %s (%v), json.Marshal gives %s", m, got, err, want)
		}
	}
}
