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
		got, err := marshalClocks(m, "")
		if err != nil || string(got) != string(want) {
			t.Errorf("%v: got %s (%v), json.Marshal gives %s", m, got, err, want)
		}
	}
}

// A clock that fields share is written once, and reads back as every field's.
func TestSharedClockWrittenOnce(t *testing.T) {
	const c, d = "001764237600000:00000000:0193a0c2-aa", "001764237600001:00000000:0193a0c2-aa"
	for _, tc := range []struct {
		m      map[string]string
		shared string
		want   string
	}{
		{map[string]string{"name": c, "kind": c, "note": d}, c, `{"":"` + c + `","kind":"","name":"","note":"` + d + `"}`},
		{map[string]string{"tên": c, "kind": c}, c, `{"":"` + c + `","kind":"","tên":""}`},
		{map[string]string{"name": c, "note": d}, c, `{"name":"` + c + `","note":"` + d + `"}`}, // one sharer: nothing saved
		{map[string]string{"name": c, "kind": c}, "", `{"kind":"` + c + `","name":"` + c + `"}`},
		{map[string]string{"name": c, "kind": c, "note": ""}, c, `{"kind":"` + c + `","name":"` + c + `","note":""}`}, // a missing clock stays missing
		{map[string]string{}, c, `{}`},
	} {
		got, err := marshalClocks(tc.m, tc.shared)
		if err != nil || got != tc.want {
			t.Errorf("%v shared %q: got %s (%v), want %s", tc.m, tc.shared, got, err, tc.want)
			continue
		}
		back := map[string]string{}
		if err := decodeClocks(got, back); err != nil || !reflect.DeepEqual(back, tc.m) {
			t.Errorf("%s reads back as %v (%v), want %v", got, back, err, tc.m)
		}
	}
	// A row written before the shared clock reads as it always did.
	old := map[string]string{}
	if err := decodeClocks(`{"kind":"`+c+`","name":"`+d+`"}`, old); err != nil || old["kind"] != c || old["name"] != d || len(old) != 2 {
		t.Errorf("an older row's clocks read as %v (%v)", old, err)
	}
}
