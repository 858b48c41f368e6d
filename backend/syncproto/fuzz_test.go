package syncproto

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// The decoders face the network: whatever the bytes, they return a value or an error,
// never panic, and what they accept obeys their rules and survives a round trip.

func FuzzDecodePush(f *testing.F) {
	f.Add([]byte(`{"changes":[{"seq":1,"changeId":"c1","kind":"unit","recordId":"u1","op":"upsert","fields":{"name":"Chi bộ"},"hlc":"001700000000000:00000000:dev"}]}`))
	f.Add([]byte(`{"protocol":2,"schema":1,"changes":[]}`))
	f.Add([]byte(`{"changes":[{"seq":2},{"seq":1}]}`))
	f.Add([]byte(`{"changes":null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		req, err := DecodePush(bytes.NewReader(b))
		if err != nil {
			return
		}
		var last int64
		for _, c := range req.Changes {
			if c.Seq <= last || !ValidID(c.ChangeID) {
				t.Fatalf("accepted a bad change %+v after seq %d", c, last)
			}
			last = c.Seq
		}
		again, err := DecodePush(bytes.NewReader(Encode(req)))
		if err != nil {
			t.Fatalf("re-encoded request rejected: %v", err)
		}
		if len(again.Changes) != len(req.Changes) {
			t.Fatal("round trip lost changes")
		}
	})
}

func FuzzDecodePull(f *testing.F) {
	f.Add([]byte(`{"cursor":"c1.42.abcdef","limit":500,"estimate":true}`))
	f.Add([]byte(`{"cursor":""}`))
	f.Add([]byte(`{"cursor":"","limit":-1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		req, err := DecodePull(bytes.NewReader(b))
		if err != nil {
			return
		}
		if req.Limit < 0 || req.Limit > MaxPageSize || len(req.Cursor) > 200 {
			t.Fatalf("accepted %+v", req)
		}
		again, err := DecodePull(bytes.NewReader(Encode(req)))
		if err != nil || !reflect.DeepEqual(again, req) {
			t.Fatalf("round trip: %+v %v", again, err)
		}
	})
}

func FuzzDecodeLogin(f *testing.F) {
	f.Add([]byte(`{"username":"vp.phatdiem","password":"kimson2018","deviceId":"0190a1b2-c3d4","deviceName":"Máy văn phòng"}`))
	f.Add([]byte(`{"username":"a","password":"b","deviceId":"../x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		req, err := DecodeLogin(bytes.NewReader(b))
		if err != nil {
			return
		}
		if !ValidID(req.DeviceID) || req.Username == "" || req.Password == "" {
			t.Fatalf("accepted %+v", req)
		}
		again, err := DecodeLogin(bytes.NewReader(Encode(req)))
		if err != nil || !reflect.DeepEqual(again, req) {
			t.Fatalf("round trip: %+v %v", again, err)
		}
	})
}

var unitSchema = map[string]FieldType{"name": TypeString, "members": TypeInt, "kind": TypeString}

func FuzzDecodeFields(f *testing.F) {
	f.Add([]byte(`{"name":"Chi bộ Xóm 1","members":12,"futureField":{"a":[1,2]},"restricted":1}`))
	f.Add([]byte(`{"members":"12"}`))
	f.Add([]byte(`{"members":1e400}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		vals, err := DecodeFields(unitSchema, b)
		if err != nil {
			return
		}
		for name, v := range vals {
			switch {
			case name == FieldRestricted:
				if n, ok := v.(int64); !ok || (n != 0 && n != 1) {
					t.Fatalf("restricted = %#v", v)
				}
			case unitSchema[name] == TypeInt && !strings.EqualFold(name, ""):
				if _, ok := v.(int64); !ok && unitSchema[name] == TypeInt {
					if _, known := unitSchema[name]; known {
						t.Fatalf("%s = %#v, want int64", name, v)
					}
				}
			}
			if raw, ok := v.(json.RawMessage); ok && !json.Valid(raw) {
				t.Fatalf("%s kept invalid JSON %q", name, raw)
			}
		}
	})
}
