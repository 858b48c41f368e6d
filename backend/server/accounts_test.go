package server_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"chibo/backend/server"
	"chibo/backend/serverstore"
	"chibo/backend/syncproto"
	"chibo/backend/synctest"
)

// The per-username limit counts the account however its name is written: five wrong
// guesses in all, not five per case variant.
func TestLoginLimitCountsEveryWayOfWritingTheName(t *testing.T) {
	env := synctest.New(t)
	env.User("lan", "org_board", "", "")
	variants := []string{"lan", "LAN", " Lan ", "lAn", "LaN"}
	for i, name := range variants {
		status, _ := request(t, env, "POST", syncproto.PathLogin, "", fmt.Sprintf(`{"username":%s,"password":"wrong-password","deviceId":"d1"}`, js(name)), nil)
		if status != http.StatusUnauthorized {
			t.Fatalf("guess %d (%q): %d", i+1, name, status)
		}
	}
	status, b := request(t, env, "POST", syncproto.PathLogin, "", `{"username":"Lan","password":"another-guess","deviceId":"d1"}`, nil)
	if status != http.StatusTooManyRequests {
		t.Errorf("a sixth guess under another case: %d %s, want 429", status, b)
	}
}

// A password change, and a disable (even once enabled again), end every token of the
// account: its desktops must sign in again.
func TestTokensEndWithAPasswordChangeOrADisable(t *testing.T) {
	env := synctest.New(t)
	env.User("lan", "org_board", "", "")
	whoami := func(token string) int {
		status, _ := request(t, env, "GET", syncproto.PathWhoAmI, token, "", nil)
		return status
	}
	d := env.Device("lan")
	if got := whoami(d.Token); got != http.StatusOK {
		t.Fatalf("a fresh token: %d", got)
	}
	if err := env.Store.SetPassword(ctxT, "lan", "mat-khau-moi-2026"); err != nil {
		t.Fatal(err)
	}
	if got := whoami(d.Token); got != http.StatusUnauthorized {
		t.Errorf("after a password change: %d, want 401", got)
	}
	if err := env.Store.SetPassword(ctxT, "lan", synctest.Password); err != nil {
		t.Fatal(err)
	}
	d = synctest.Relogin(t, env, d)
	if err := env.Store.SetDisabled(ctxT, "lan", true); err != nil {
		t.Fatal(err)
	}
	if err := env.Store.SetDisabled(ctxT, "lan", false); err != nil {
		t.Fatal(err)
	}
	if got := whoami(d.Token); got != http.StatusUnauthorized {
		t.Errorf("after disable and enable: %d, want 401", got)
	}
	if d = synctest.Relogin(t, env, d); whoami(d.Token) != http.StatusOK {
		t.Errorf("signing in again does not give a working token")
	}
}

// A body that stops arriving is cut within seconds; an oversized head is answered in the
// JSON error form.
func TestStalledBodyIsCutAndOversizedHeadersAnswerJSON(t *testing.T) {
	env := synctest.New(t)
	env.Server.BodyStall = 300 * time.Millisecond
	conn, err := net.Dial("tcp", strings.TrimPrefix(env.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nX-Chibo-Protocol: 2\r\n\r\n{\"username\":", syncproto.PathLogin)
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err == nil {
		res.Body.Close()
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("a stalled body held its connection for %v", waited)
	}

	status, b := request(t, env, "POST", syncproto.PathLogin, "", `{}`, map[string]string{"X-Padding": strings.Repeat("a", 70<<10)})
	var e syncproto.Error
	if status != http.StatusRequestHeaderFieldsTooLarge || json.Unmarshal(b, &e) != nil || e.Code != syncproto.CodeTooLarge || e.MessageEN == "" {
		t.Errorf("oversized headers: %d %s, want 431 in the JSON error form", status, trim(b))
	}
}

// Two server processes on one database count one login allowance: three wrong guesses
// through one and two through the other block the sixth attempt at either.
func TestLoginLimitIsSharedByServersOnOneDatabase(t *testing.T) {
	env := synctest.New(t)
	env.User("lan", "org_board", "", "")
	st2, err := serverstore.OpenAt(env.Where)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	other := httptest.NewServer(server.New(st2, nil))
	defer other.Close()
	login := func(url, password string) int {
		req, _ := http.NewRequest("POST", url+syncproto.PathLogin, strings.NewReader(`{"username":"lan","password":"`+password+`","deviceId":"d1"}`))
		req.Header.Set(syncproto.HeaderProtocol, "2")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for i, url := range []string{env.URL, other.URL, env.URL, other.URL, env.URL} {
		if status := login(url, "wrong-password"); status != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i+1, status)
		}
	}
	if status := login(other.URL, synctest.Password); status != http.StatusTooManyRequests {
		t.Errorf("the sixth attempt, at the second server: %d, want 429", status)
	}
}

// A login limit the database cannot count refuses the sign-in: it does not wave through
// every guess while the failures' table is unreachable.
func TestLoginLimitFailsClosed(t *testing.T) {
	env := synctest.New(t)
	env.User("lan", "org_board", "", "")
	if _, err := env.Store.DBForTest().Exec(`DROP TABLE login_failures`); err != nil {
		t.Fatal(err)
	}
	status, b := request(t, env, "POST", syncproto.PathLogin, "", `{"username":"lan","password":"`+synctest.Password+`","deviceId":"d1"}`, nil)
	if status != http.StatusInternalServerError || !strings.Contains(string(b), "chưa có gì thay đổi") {
		t.Errorf("login without a failure count: %d %s, want 500", status, b)
	}
	if devices, err := env.Store.ListDevices(ctxT, "lan"); err != nil || len(devices) != 0 {
		t.Errorf("the refused login enrolled %d devices (%v)", len(devices), err)
	}
}
