package syncproto

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The fast paths of DecodeValue give what the JSON decoder gives.
func TestPlainValuesMatchTheDecoder(t *testing.T) {
	ints := []string{"0", "7", "-0", "-12", "123456789012345678", "9223372036854775807", "01", "1.0", "1e3", "-", "", " 5", `"5"`, "12a"}
	for _, in := range ints {
		if n, ok := plainInt([]byte(in)); ok {
			var num json.Number
			if err := json.Unmarshal([]byte(in), &num); err != nil {
				t.Errorf("plainInt(%q) took what the decoder refuses", in)
			} else if m, err := num.Int64(); err != nil || m != n {
				t.Errorf("plainInt(%q) = %d, decoder %d %v", in, n, m, err)
			}
		}
	}
	strs := []string{`""`, `"Chi bộ Xóm 5"`, `"a\"b"`, `"a\\b"`, `"\u00e9"`, "\"a\x01\"", "\"\xff\"", `"<&>"`, `"`, `x`}
	for _, in := range strs {
		if s, ok := plainString([]byte(in)); ok {
			var want string
			if err := json.Unmarshal([]byte(in), &want); err != nil || want != s {
				t.Errorf("plainString(%q) = %q, decoder %q %v", in, s, want, err)
			}
		}
	}
	schema := map[string]FieldType{"n": TypeInt, "s": TypeString}
	for _, c := range []struct{ name, raw string }{{"n", "42"}, {"s", `"Sinh hoạt"`}} {
		got, err := DecodeValue(schema, c.name, json.RawMessage(c.raw))
		var want any
		if c.name == "n" {
			want = int64(42)
		} else {
			want = "Sinh hoạt"
		}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("DecodeValue(%s) = %v %v", c.raw, got, err)
		}
	}
}
