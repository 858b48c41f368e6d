package syncproto

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func samplePage() RawPullResponse {
	return RawPullResponse{
		Records: []RawRecord{
			{Kind: "unit", ID: "u-1", Fields: json.RawMessage(`{"name":"Chi bộ Xóm 1","members":17,"x":{"a":[1,2.5e3,-0.1,true,false,null]}}`), FieldHLC: json.RawMessage(`{"name":"0001.a","members":"0002.b"}`), HLC: "0002.b"},
			{Kind: "unit", ID: "u-2", Deleted: true, Fields: json.RawMessage(`{}`), FieldHLC: json.RawMessage(`{}`), HLC: "0003"},
			{Kind: "unit", ID: "u-4", Fields: json.RawMessage(`{"note":"Sinh hoạt ngày 5","q":"a\" b \\"}`), FieldHLC: json.RawMessage(`{}`), HLC: "0005"},
			{Kind: "note", ID: "n<&>\"\\\u00e9", Fields: json.RawMessage(`{ "t" : "a<b & c>\u2028 \"q\" \\ \u00e9" }`), FieldHLC: json.RawMessage("{\"t\":\n\"1\"}"), HLC: "0004"},
			{Kind: "unit", ID: "u-3"},
		},
		Removes:   []RecordRef{{Kind: "unit", ID: "u-9"}, {Kind: "x\u2029", ID: "\x01"}},
		Cursor:    "c1.42.abc",
		HasMore:   true,
		Reset:     true,
		Remaining: 1234,
		Scope:     "abc",
	}
}

// Desktops of an older release decode pages with encoding/json: the page must be its
// output, byte for byte.
func TestMarshalPageIsMarshalOutput(t *testing.T) {
	for _, r := range []RawPullResponse{samplePage(), {}, {Records: []RawRecord{}, Removes: []RecordRef{}, Cursor: "c1.1.x"}} {
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := MarshalPage(&r); err != nil || !bytes.Equal(got, want) {
			t.Errorf("MarshalPage: %v\n got %s\nwant %s", err, got, want)
		}
	}
}

// decodeSame checks that DecodePullResponse accepts what json.Unmarshal accepts and gives
// the same page.
func decodeSame(t *testing.T, data []byte) {
	t.Helper()
	var want PullResponse
	werr := json.Unmarshal(data, &want)
	got, gerr := DecodePullResponse(data)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%q: error %v, want %v", data, gerr, werr)
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got %#v\nwant %#v", data, got, want)
	}
}

func TestDecodePullResponseIsDecoderResult(t *testing.T) {
	page := samplePage()
	valid, _ := MarshalPage(&page)
	docs := []string{
		string(valid),
		`{"records":null,"removes":null,"cursor":null,"hasMore":null,"remaining":null}`,
		`{"records":[],"removes":[],"cursor":"","hasMore":false}`,
		` { "records" : [ { "kind" : "a" , "fields" : { "x" : 1 , "x" : 2 } , "fieldHlc" : { "x" : null } } ] } trailing`,
		`{"records":[{"Kind":"a"}]}`, `{"records":[{"Kind":"a","fieldhlc":{}}]}`, `{"recordſ":[]}`, "{\"records\":[{\"\u212aind\":\"a\"}]}",
		`{"records":[{"kind":"a","kind":"b"}]}`,
		`{"records":[{"kind":"a"}],"records":[{"id":"b"}]}`,
		`{"records":[{"kind":"a\u00e9","id":"\u0041"}]}`,
		`{"records":[{"kind":1}]}`,
		`{"records":[null]}`,
		`{"records":[{"fields":null,"fieldHlc":null,"deleted":null,"other":{"a":[{}]}}]}`,
		`{"remaining":1.5}`, `{"remaining":-0}`, `{"remaining":99999999999999999999}`, `{"remaining":"1"}`,
		`{"records":[{"fields":{"a":01}}]}`, `{"records":[{"fields":{"a":1.}}]}`, `{"records":[{"fields":{"a":-}}]}`,
		`{"records":[{"fields":{"a":1e}}]}`, `{"records":[{"fields":{"a":"\x"}}]}`, `{"records":[{"fields":{"a":"\u12"}}]}`,
		`{"records":[{"fields":{"a":"` + "\x01" + `"}}]}`, `{"records":[{"fields":{"a":tru}}]}`, `{"records":[{"fields":{"a":[1,]}}]}`,
		`{"records":[{"fields":{"a":{"b"}}}]}`, `{"records":[{"kind":"\xff"}]}`, `{"records":[{"fields":{"a":"\xff"}}]}`,
		`{"records":[{"fields":{"a":` + strings.Repeat("[", 1200) + strings.Repeat("]", 1200) + `}}]}`,
		`null`, ``, `[]`, `{}`, `{"hasMore":true,"reset":false,"scope":"s"}`, `{"removes":[{"kind":"a","id":"b","x":1}]}`,
	}
	for _, d := range docs {
		decodeSame(t, []byte(d))
	}
	for i := range valid { // every truncation of a valid page
		decodeSame(t, valid[:i])
	}
}

func FuzzDecodePullResponse(f *testing.F) {
	page := samplePage()
	valid, _ := MarshalPage(&page)
	f.Add(valid)
	f.Add([]byte(`{"records":[{"kind":"a","fields":{"x":[1,{"y":"\u00e9"}]}}],"remaining":3}`))
	f.Fuzz(func(t *testing.T, data []byte) { decodeSame(t, data) })
}

func TestValidJSONIsValid(t *testing.T) {
	page := samplePage()
	valid, _ := MarshalPage(&page)
	docs := []string{"", " ", "1", " 1 ", "1 2", "{}", `{"a":1}x`, `[1,2,]`, `"\u00"`, `{"a":` + strings.Repeat("[", 1200) + strings.Repeat("]", 1200) + `}`, string(valid)}
	for _, d := range docs {
		if got, want := ValidJSON([]byte(d)), json.Valid([]byte(d)); got != want {
			t.Errorf("ValidJSON(%q) = %v, want %v", d, got, want)
		}
	}
}

func FuzzValidJSON(f *testing.F) {
	f.Add([]byte(`{"a":[1,-2.5e+3,"x\n",true,null,{}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := ValidJSON(b), json.Valid(b); got != want {
			t.Fatalf("ValidJSON(%q) = %v, want %v", b, got, want)
		}
	})
}
