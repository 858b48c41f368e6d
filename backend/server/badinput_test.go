package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"chibo/backend/serverstore"
	"chibo/backend/syncproto"
	"chibo/backend/synctest"
)

// state fingerprints everything a request could change on the server.
func state(t *testing.T, env *synctest.Env) string {
	t.Helper()
	var parts []string
	for _, q := range []string{`SELECT count(*) || '/' || coalesce(max(server_seq), 0) FROM records`, `SELECT count(*) FROM applied_changes`,
		`SELECT count(*) FROM audit`, `SELECT coalesce(string_agg(id || ':' || last_seq || ':' || token_hash || ':' || revoked_at, ',' ORDER BY id), '') FROM devices`,
		`SELECT coalesce(string_agg(username || password_hash || disabled, ',' ORDER BY id), '') FROM users`, `SELECT value FROM server_meta WHERE key = 'next_seq'`} {
		var s string
		if err := env.Store.DBForTest().QueryRow(q).Scan(&s); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "|")
}

// Bad input to every endpoint gets a clear error (a status, a code, a message in both
// languages) and changes nothing.
func TestBadInputChangesNothing(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	dev := env.Device("bithu")
	dev.Sync(t)
	old := env.Device("vp.phatdiem")
	oldToken := old.Token
	// Re-enrolling the same desktop replaces its token: the old one is dead (a replayed token).
	relogin := synctest.Relogin(t, env, old)
	revoked := env.Device("bantochuc")
	if err := env.Store.RevokeDevice(ctxT, revoked.Store.DeviceID()); err != nil {
		t.Fatal(err)
	}
	valid := func(seq int64) string {
		return fmt.Sprintf(`{"changes":[{"seq":%d,"changeId":"c-%d","kind":"area","recordId":"a1","op":"upsert","fields":{"name":"X"},"hlc":%q}]}`,
			seq, seq, synctest.Stamp(dev, time.Now()))
	}
	big := `{"changes":[` + strings.Repeat(`{"seq":1,"changeId":"x","kind":"area","recordId":"a","op":"upsert","fields":{"name":"`+strings.Repeat("x", 1<<20)+`"},"hlc":"x"},`, 17) + `]}`
	sqlish := `Robert'); DROP TABLE records;--`
	cases := []struct {
		name    string
		method  string
		path    string
		token   string
		body    string
		headers map[string]string
		status  int
		code    string
	}{
		{"health by POST", "POST", "/healthz", "", "", nil, 405, syncproto.CodeMethod},
		{"unknown path", "POST", "/v1/nothing", dev.Token, "{}", nil, 404, syncproto.CodeNotFound},
		{"login malformed", "POST", syncproto.PathLogin, "", `{"username":`, nil, 400, syncproto.CodeBadRequest},
		{"login wrong types", "POST", syncproto.PathLogin, "", `{"username":1,"password":true,"deviceId":[]}`, nil, 400, syncproto.CodeBadRequest},
		{"login unknown field", "POST", syncproto.PathLogin, "", `{"username":"bithu","password":"kimson2018","deviceId":"d1","admin":true}`, nil, 400, syncproto.CodeBadRequest},
		{"login oversized", "POST", syncproto.PathLogin, "", `{"username":"` + strings.Repeat("a", 20000) + `"}`, nil, 413, syncproto.CodeTooLarge},
		{"login sql-looking user", "POST", syncproto.PathLogin, "", `{"username":` + js(sqlish) + `,"password":"x' OR '1'='1","deviceId":"d1"}`, nil, 401, syncproto.CodeUnauthorized},
		{"login sql-looking device", "POST", syncproto.PathLogin, "", `{"username":"bithu","password":"kimson2018","deviceId":` + js(sqlish) + `}`, nil, 400, syncproto.CodeBadRequest},
		{"login wrong password", "POST", syncproto.PathLogin, "", `{"username":"bithu","password":"wrong","deviceId":"d1"}`, nil, 401, syncproto.CodeUnauthorized},
		{"login GET", "GET", syncproto.PathLogin, "", "", nil, 405, syncproto.CodeMethod},
		{"login no protocol", "POST", syncproto.PathLogin, "", `{"username":"bithu","password":"kimson2018","deviceId":"d9"}`, map[string]string{syncproto.HeaderProtocol: ""}, 400, syncproto.CodeVersion},
		{"push without token", "POST", syncproto.PathPush, "", valid(100), nil, 401, syncproto.CodeUnauthorized},
		{"push with made-up token", "POST", syncproto.PathPush, "AAAA" + dev.Token[4:], valid(100), nil, 401, syncproto.CodeUnauthorized},
		{"push with replaced token", "POST", syncproto.PathPush, oldToken, valid(100), nil, 401, syncproto.CodeUnauthorized},
		{"push with revoked token", "POST", syncproto.PathPush, revoked.Token, valid(100), nil, 401, syncproto.CodeUnauthorized},
		{"push forged device", "POST", syncproto.PathPush, dev.Token, valid(100), map[string]string{syncproto.HeaderDevice: old.Store.DeviceID()}, 403, syncproto.CodeForged},
		{"push malformed", "POST", syncproto.PathPush, dev.Token, `{"changes":[{"seq":1,`, nil, 400, syncproto.CodeBadRequest},
		{"push wrong types", "POST", syncproto.PathPush, dev.Token, `{"changes":"all"}`, nil, 400, syncproto.CodeBadRequest},
		{"push seq as text", "POST", syncproto.PathPush, dev.Token, `{"changes":[{"seq":"1"}]}`, nil, 400, syncproto.CodeBadRequest},
		{"push unknown field", "POST", syncproto.PathPush, dev.Token, `{"changes":[],"scope":"all"}`, nil, 400, syncproto.CodeBadRequest},
		{"push unknown change field", "POST", syncproto.PathPush, dev.Token, `{"changes":[{"seq":1,"changeId":"c","kind":"area","recordId":"a","op":"upsert","fields":{},"hlc":"x","deviceId":"other"}]}`, nil, 400, syncproto.CodeBadRequest},
		{"push seq not increasing", "POST", syncproto.PathPush, dev.Token, `{"changes":[{"seq":2,"changeId":"a"},{"seq":2,"changeId":"b"}]}`, nil, 400, syncproto.CodeBadRequest},
		{"push sql-looking change id", "POST", syncproto.PathPush, dev.Token, `{"changes":[{"seq":5,"changeId":` + js(sqlish) + `}]}`, nil, 400, syncproto.CodeBadRequest},
		{"push trailing data", "POST", syncproto.PathPush, dev.Token, `{"changes":[]} {"changes":[]}`, nil, 400, syncproto.CodeBadRequest},
		{"push oversized", "POST", syncproto.PathPush, dev.Token, big, nil, 413, syncproto.CodeTooLarge},
		{"push future protocol", "POST", syncproto.PathPush, dev.Token, valid(100), map[string]string{syncproto.HeaderProtocol: "99"}, 400, syncproto.CodeVersion},
		{"push future schema", "POST", syncproto.PathPush, dev.Token, valid(100), map[string]string{syncproto.HeaderSchema: "99"}, 400, syncproto.CodeVersion},
		{"push GET", "GET", syncproto.PathPush, dev.Token, "", nil, 405, syncproto.CodeMethod},
		{"push forged cursor header", "POST", syncproto.PathPush, dev.Token, valid(100), map[string]string{syncproto.HeaderCursor: "c2.x.0 OR 1=1.y"}, 400, syncproto.CodeBadRequest},
		{"pull malformed", "POST", syncproto.PathPull, dev.Token, `{"cursor":`, nil, 400, syncproto.CodeBadRequest},
		{"pull wrong type", "POST", syncproto.PathPull, dev.Token, `{"cursor":5}`, nil, 400, syncproto.CodeBadRequest},
		{"pull forged cursor", "POST", syncproto.PathPull, dev.Token, `{"cursor":"c1.0 OR 1=1.x"}`, nil, 400, syncproto.CodeBadRequest},
		{"pull huge limit", "POST", syncproto.PathPull, dev.Token, `{"cursor":"","limit":1000000}`, nil, 400, syncproto.CodeBadRequest},
		{"pull scope parameter", "POST", syncproto.PathPull, relogin.Token, `{"cursor":"","communeId":"all"}`, nil, 400, syncproto.CodeBadRequest},
		{"pull empty body", "POST", syncproto.PathPull, dev.Token, ``, nil, 400, syncproto.CodeBadRequest},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := state(t, env)
			status, body := request(t, env, tc.method, tc.path, tc.token, tc.body, tc.headers)
			if status != tc.status {
				t.Errorf("status %d, want %d (%s)", status, tc.status, trim(body))
			}
			var e syncproto.Error
			if err := json.Unmarshal(body, &e); err != nil || e.Code != tc.code || e.Message == "" || e.MessageEN == "" {
				t.Errorf("error body %s, want code %q with messages in both languages", trim(body), tc.code)
			}
			if after := state(t, env); after != before {
				t.Errorf("the request changed the server:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// A push whose cursor is of another epoch (the server was restored from a copy) applies
// nothing and says restored, so the desktop resends what it had sent before the rest.
func TestPushFromAnotherEpochAppliesNothing(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	dev := env.Device("bithu")
	dev.Sync(t)
	change := fmt.Sprintf(`{"changes":[{"seq":100,"changeId":"c-100","kind":"area","recordId":"a1","op":"upsert","fields":{"name":"X"},"hlc":%q}]}`,
		synctest.Stamp(dev, time.Now()))
	before := state(t, env)
	status, body := request(t, env, "POST", syncproto.PathPush, dev.Token, change, map[string]string{syncproto.HeaderCursor: "c2.00000000deadbeef.7.x"})
	var resp syncproto.PushResponse
	if err := json.Unmarshal(body, &resp); status != 200 || err != nil || !resp.Restored || len(resp.Results) != 0 {
		t.Fatalf("status %d, %s: want 200 with restored and no results", status, trim(body))
	}
	if after := state(t, env); after != before {
		t.Errorf("the push changed the server:\nbefore %s\nafter  %s", before, after)
	}
	// A pull from the beginning with that mark (a device with no cursor) is told the same.
	status, body = request(t, env, "POST", syncproto.PathPull, dev.Token, `{"cursor":""}`, map[string]string{syncproto.HeaderCursor: "c2.00000000deadbeef.7."})
	var page syncproto.PullResponse
	if err := json.Unmarshal(body, &page); status != 200 || err != nil || !page.Reset || !page.Restored || len(page.Records) != 0 {
		t.Fatalf("pull: status %d, %s: want 200 with reset, restored and no records", status, trim(body))
	}
	// Without the header (the desktop has resent), the same push is applied, and its
	// answer carries the mark the desktop keeps until it has a cursor.
	status, body = request(t, env, "POST", syncproto.PathPush, dev.Token, change, nil)
	resp = syncproto.PushResponse{}
	if err := json.Unmarshal(body, &resp); status != 200 || err != nil || !strings.Contains(string(body), `"acked"`) {
		t.Fatalf("status %d, %s: want the change acked", status, trim(body))
	}
	if _, err := serverstore.ParseCursor(resp.Mark); err != nil || resp.Mark == "" {
		t.Errorf("the push's mark is %q (%v)", resp.Mark, err)
	}
	status, body = request(t, env, "POST", syncproto.PathPull, dev.Token, `{"cursor":""}`, map[string]string{syncproto.HeaderCursor: resp.Mark})
	if page = (syncproto.PullResponse{}); json.Unmarshal(body, &page) != nil || status != 200 || page.Reset || len(page.Records) == 0 {
		t.Errorf("pull with this server's own mark: status %d, %s: want the first page", status, trim(body))
	}
}

func TestLoginIsRateLimited(t *testing.T) {
	env := synctest.New(t)
	env.User("lan", "org_board", "", "")
	body := `{"username":"lan","password":"wrong-password","deviceId":"d1"}`
	for i := 0; i < 5; i++ {
		if status, _ := request(t, env, "POST", syncproto.PathLogin, "", body, nil); status != 401 {
			t.Fatalf("attempt %d: %d", i, status)
		}
	}
	good := `{"username":"lan","password":"` + synctest.Password + `","deviceId":"d1"}`
	status, b := request(t, env, "POST", syncproto.PathLogin, "", good, nil)
	if status != http.StatusTooManyRequests || !bytes.Contains(b, []byte(syncproto.CodeRateLimited)) {
		t.Errorf("6th attempt, right password: %d %s, want 429", status, b)
	}
	perUser, _ := env.Server.Limiters()
	perUser.SetNow(func() time.Time { return time.Now().Add(16 * time.Minute) })
	if status, b := request(t, env, "POST", syncproto.PathLogin, "", good, nil); status != 200 {
		t.Errorf("after the window: %d %s", status, b)
	}
}

func request(t *testing.T, env *synctest.Env, method, path, token, body string, headers map[string]string) (int, []byte) {
	t.Helper()
	if method == "POST" {
		return env.Post(path, token, []byte(body), headers)
	}
	req, _ := http.NewRequest(method, env.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set(syncproto.HeaderProtocol, "2")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	return res.StatusCode, b.Bytes()
}

func js(s string) string { b, _ := json.Marshal(s); return string(b) }

func trim(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}
