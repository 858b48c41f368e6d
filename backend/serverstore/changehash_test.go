package serverstore

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"chibo/backend/syncproto"
)

// encodingJSONHash is changeHash as it always was: the hashes stored must keep matching.
func encodingJSONHash(c syncproto.Change) string {
	var fields any
	if err := json.Unmarshal(c.Fields, &fields); err != nil {
		fields = string(c.Fields)
	}
	b, _ := json.Marshal([]any{c.Kind, c.RecordID, c.Op, fields, c.HLC, c.UserID})
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

var hashFields = []string{
	`{}`, `{"note":"ghi chú 5"}`, `{"b":1,"a":"x","c":true,"d":null,"e":false}`, `{"n":-12,"m":0,"z":123456789012345}`,
	`{"n":1234567890123456789}`, `{"n":-0}`, `{"n":1.5}`, `{"n":1e3}`, `{"s":"a<b"}`, `{"s":"a&b"}`, "{\"s\":\"\xe2\x80\xa8\"}",
	"{\"s\":\"\xff\"}", `{"s":"x\"y"}`, `{"a":{"b":1}}`, `{"<":1}`, `{"a":1,"a":2}`, `null`, ``, `[1]`, ` { "a" : 1 } `,
}

func TestChangeHashIsEncodingJSONs(t *testing.T) {
	for _, f := range hashFields {
		for _, kind := range []string{"unit", "u<nit", "\xff"} {
			c := syncproto.Change{Kind: kind, RecordID: "u-1", Op: "upsert", Fields: json.RawMessage(f), HLC: "001796207253906:00000000:dev", UserID: "user-1"}
			if got, want := changeHash(c), encodingJSONHash(c); got != want {
				t.Errorf("changeHash(%s, %q) = %s, want %s", kind, f, got, want)
			}
		}
	}
}

func FuzzChangeHash(f *testing.F) {
	for _, s := range hashFields {
		f.Add(s, "unit", "upsert")
	}
	f.Fuzz(func(t *testing.T, fields, kind, op string) {
		c := syncproto.Change{Kind: kind, RecordID: "r-1", Op: op, Fields: json.RawMessage(fields), HLC: "001796207253906:00000000:dev"}
		if got, want := changeHash(c), encodingJSONHash(c); got != want {
			t.Errorf("changeHash(%q, %q, %q) = %s, want %s", fields, kind, op, got, want)
		}
	})
}
