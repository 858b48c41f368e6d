package serverstore

import (
	"encoding/json"
	"reflect"
	"testing"
)

var flatCases = []string{
	`{}`, ` { } `, `{"a":1}`, `{"a": "x", "b" : -0.5e+3 ,"c":true,"d":null,"e":false}`, `{"a":"Chi bộ Xóm 5"}`,
	`{"a":"x\"y"}`, `{"a":{"b":1}}`, `{"a":[1]}`, `{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":1e}`, `{"a":tru}`,
	`{"a":1,}`, `{"a":1}x`, `{"a" 1}`, `{a:1}`, `{"a":1 "b":2}`, `{"a":1,"a":2}`, "{\"a\":\"\xff\"}", "{\"\xff\":1}",
	`{"a":"2026-01-01T00:00:00.000Z-0001-dev"}`, `[]`, ``, `{`, `{"a":"x`, "{\"a\":\"\x01\"}", `{"é":"ü"}`, `{"a":nullx}`,
}

// parseFields and parseClocks give what json.Unmarshal gives, fast path or not.
func TestFlatJSONMatchesEncodingJSON(t *testing.T) {
	for _, c := range flatCases {
		want := map[string]json.RawMessage{}
		werr := json.Unmarshal([]byte(c), &want)
		got, err := parseFields([]byte(c))
		if (err == nil) != (werr == nil) || (err == nil && !reflect.DeepEqual(got, want)) {
			t.Errorf("parseFields(%q) = %q %v, want %q %v", c, got, err, want, werr)
		}
		wantC := map[string]string{}
		werr = json.Unmarshal([]byte(c), &wantC)
		gotC, err := parseClocks([]byte(c))
		if (err == nil) != (werr == nil) || (err == nil && !reflect.DeepEqual(gotC, wantC)) {
			t.Errorf("parseClocks(%q) = %q %v, want %q %v", c, gotC, err, wantC, werr)
		}
	}
}

func FuzzFlatJSON(f *testing.F) {
	for _, c := range flatCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) {
		want := map[string]json.RawMessage{}
		werr := json.Unmarshal([]byte(c), &want)
		if got, ok := flatObject([]byte(c), true); ok && (werr != nil || !reflect.DeepEqual(got, want)) {
			t.Errorf("flatObject(%q) = %q, json %q %v", c, got, want, werr)
		}
		wantC := map[string]string{}
		werr = json.Unmarshal([]byte(c), &wantC)
		if got, err := parseClocks([]byte(c)); err == nil && (werr != nil || !reflect.DeepEqual(got, wantC)) {
			t.Errorf("parseClocks(%q) = %q, json %q %v", c, got, wantC, werr)
		}
	})
}
