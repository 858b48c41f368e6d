// Package synctest starts a real chibo-server stack (serverstore on a SQLite file in a
// temporary folder, the HTTP API on an httptest server) and enrolls desktop stores
// against it. The sync tests use it, and so can the fault proxy and benchmarks: every
// piece is a real component, only the network is loopback.
package synctest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"chibo/backend/hlc"
	"chibo/backend/passwd"
	"chibo/backend/seed"
	"chibo/backend/server"
	"chibo/backend/serverstore"
	"chibo/backend/serverstore/pgtest"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
)

// Password is the password of every account made by Env.User.
const Password = "mat-khau-thu"

// Env is one running server.
type Env struct {
	t      testing.TB
	Dir    string
	Where  string // the server database: a data folder, or a PostgreSQL URL (pgtest)
	Store  *serverstore.Store
	Server *server.Server
	HTTP   *httptest.Server
	URL    string

	current atomic.Pointer[server.Server] // the server answering (Restart replaces it)
}

// New starts a server with an empty database in a temporary folder.
func New(t testing.TB) *Env {
	t.Helper()
	serverstore.PasswordParams = passwd.Fast
	dir := t.TempDir()
	where := pgtest.Where(t, filepath.Join(dir, "server"))
	st, err := serverstore.OpenAt(where)
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(st, nil)
	e := &Env{t: t, Dir: dir, Where: where, Store: st, Server: srv}
	e.current.Store(srv)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { e.current.Load().ServeHTTP(w, r) }))
	e.HTTP, e.URL = hs, hs.URL
	t.Cleanup(func() { hs.Close(); e.Store.Close() })
	return e
}

// Restart stops the server and starts a new one on the same database and address, as a
// restart of chibo-server would: nothing in memory survives (the clock, the login
// limits), only what the database holds. Requests must not be in flight.
func (e *Env) Restart() {
	e.t.Helper()
	if err := e.Store.Close(); err != nil {
		e.t.Fatal(err)
	}
	st, err := serverstore.OpenAt(e.Where)
	if err != nil {
		e.t.Fatal(err)
	}
	e.Store, e.Server = st, server.New(st, nil)
	e.current.Store(e.Server)
}

// SeedDemo loads the Kim Sơn demo into the server and creates its demo accounts.
func (e *Env) SeedDemo() []seed.Account {
	e.t.Helper()
	accts, err := seed.Demo(context.Background(), e.Store)
	if err != nil {
		e.t.Fatal(err)
	}
	return accts
}

// SeedNinhBinh2025 loads the 2025 preset (the province over the communes formed from Kim
// Sơn's) into the server and creates its accounts at both levels.
func (e *Env) SeedNinhBinh2025() []seed.Account {
	e.t.Helper()
	accts, err := seed.NinhBinh2025(context.Background(), e.Store)
	if err != nil {
		e.t.Fatal(err)
	}
	return accts
}

// User creates an account with Password.
func (e *Env) User(username, role, areaID, communeID string) serverstore.User {
	e.t.Helper()
	u, err := e.Store.AddUser(context.Background(), serverstore.User{Username: username, DisplayName: username, Role: role, AreaID: areaID, CommuneID: communeID}, Password)
	if err != nil {
		e.t.Fatal(err)
	}
	return u
}

// Device is an enrolled desktop: its local store and its sync client.
type Device struct {
	Store   *store.Store
	Client  *syncclient.Client
	Token   string
	Account syncproto.Account
}

// Device opens a new local store and enrolls it as username (with Password, or
// seed.DemoPassword for demo accounts: both are tried).
func (e *Env) Device(username string) *Device {
	e.t.Helper()
	return e.DeviceWith(username, http.DefaultClient)
}

// DeviceWith enrolls a device whose client sends through hc.
func (e *Env) DeviceWith(username string, hc syncclient.Doer) *Device {
	e.t.Helper()
	st, err := store.Open(filepath.Join(e.t.TempDir(), "desktop.db"))
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { st.Close() })
	var resp syncproto.LoginResponse
	for _, pw := range []string{Password, seed.DemoPassword} {
		resp, err = syncclient.Login(context.Background(), hc, e.URL, syncproto.LoginRequest{Username: username, Password: pw, DeviceID: st.DeviceID(), DeviceName: "test"})
		if err == nil {
			break
		}
	}
	if err != nil {
		e.t.Fatalf("login %s: %v", username, err)
	}
	st.SetUser(resp.Account.UserID)
	return &Device{Store: st, Client: syncclient.New(st, e.URL, resp.Token, hc), Token: resp.Token, Account: resp.Account}
}

// Sync runs one SyncOnce and fails the test on error.
func (d *Device) Sync(t testing.TB) syncclient.Report {
	t.Helper()
	rep, err := d.Client.SyncOnce(context.Background())
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return rep
}

// Post sends body to path as a device with token would (current protocol headers unless
// headers overrides them) and returns the status and the body of the answer.
func (e *Env) Post(path, token string, body []byte, headers map[string]string) (int, []byte) {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.URL+path, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set(syncproto.HeaderProtocol, strconv.Itoa(syncproto.ProtocolVersion))
	req.Header.Set(syncproto.HeaderSchema, strconv.Itoa(syncproto.SchemaVersion))
	for k, v := range headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// Push sends changes as device d, bypassing its store: tests use it to forge or race.
func (e *Env) Push(d *Device, changes ...syncproto.Change) syncproto.PushResponse {
	e.t.Helper()
	status, body := e.Post(syncproto.PathPush, d.Token, syncproto.Encode(syncproto.PushRequest{Changes: changes}), nil)
	if status != http.StatusOK {
		e.t.Fatalf("push: %d %s", status, body)
	}
	var resp syncproto.PushResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		e.t.Fatal(err)
	}
	return resp
}

// Stamp returns an HLC of device d at wall time t.
func Stamp(d *Device, t time.Time) string {
	return hlc.Timestamp{Wall: t.UnixMilli(), Node: d.Store.DeviceID()}.String()
}

// Relogin enrolls d's desktop again with the same password: the server issues a new token
// and the old one stops working. It returns the device with its new token.
func Relogin(t testing.TB, e *Env, d *Device) *Device {
	t.Helper()
	var resp syncproto.LoginResponse
	var err error
	for _, pw := range []string{Password, seed.DemoPassword} {
		resp, err = syncclient.Login(context.Background(), nil, e.URL, syncproto.LoginRequest{Username: d.Account.Username, Password: pw, DeviceID: d.Store.DeviceID()})
		if err == nil {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return &Device{Store: d.Store, Client: syncclient.New(d.Store, e.URL, resp.Token, nil), Token: resp.Token, Account: resp.Account}
}

// OnPull is a transport (syncclient.Doer) that calls fn before each pull request: fn may
// act as a user typing while the sync runs, or return an error to fail the request as a
// link that drops. Other requests go straight through.
type OnPull func() error

// Do sends r after fn, for a pull request.
func (fn OnPull) Do(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, syncproto.PathPull) {
		if err := fn(); err != nil {
			return nil, err
		}
	}
	return http.DefaultClient.Do(r)
}
