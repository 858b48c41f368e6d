package syncproto

import (
	"strings"
	"testing"
)

func TestDecodeErrorsNameTheProblem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"changes":"x"}`, `field "changes"`},
		{`{"changes":[],"extra":1}`, `unknown field "extra"`},
		{`{"changes":[{"seq":1,"changeId":"a"}]`, "truncated"},
		{``, "empty body"},
		{`{"changes":[]} x`, "trailing"},
		{`{"changes":[{"seq":0,"changeId":"a"}]}`, "positive"},
	} {
		_, err := DecodePush(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("DecodePush(%q) = %v, want an error mentioning %q", tc.in, err, tc.want)
		}
	}
}

func TestDecodeFieldsTypes(t *testing.T) {
	v, err := DecodeFields(unitSchema, []byte(`{"name":"Chi bộ","members":7,"future":{"x":1}}`))
	if err != nil || v["name"] != "Chi bộ" || v["members"] != int64(7) {
		t.Fatalf("%v %v", v, err)
	}
	for _, bad := range []string{`{"members":"7"}`, `{"members":7.5}`, `{"name":3}`, `{"restricted":2}`, `[1]`, `{"":1}`} {
		if _, err := DecodeFields(unitSchema, []byte(bad)); err == nil {
			t.Errorf("DecodeFields(%s) accepted", bad)
		}
	}
}

func TestCheckVersions(t *testing.T) {
	for _, tc := range []struct {
		hp, bp, hs, bs int
		ok             bool
	}{{2, 0, 1, 0, true}, {0, 1, 0, 0, true}, {1, 2, 0, 0, true}, {0, 0, 1, 1, false}, {3, 0, 0, 0, false}, {2, 0, 2, 0, false}} {
		if _, err := CheckVersions(tc.hp, tc.bp, tc.hs, tc.bs); (err == nil) != tc.ok {
			t.Errorf("%+v: %v", tc, err)
		}
	}
}
