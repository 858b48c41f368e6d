// Package desktopsync is the desktop's side of sync as the window sees it: the server
// address and its pinned certificate, who is signed in (one local database per user, see
// backend/session), and the background runner that keeps that database in step with the
// server. It reports status through a callback, so the app can forward it as an event.
package desktopsync

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"chibo/backend/domain"
	"chibo/backend/session"
	"chibo/backend/store"
	"chibo/backend/syncclient"
)

// Meta keys in the base database.
const (
	metaServerURL = "server_url"
	metaServerPin = "server_pin"
)

// Status is what the sync screen and the header show.
type Status struct {
	syncclient.Status
	// Seq grows with every change of status. Events may reach the window out of order
	// (Wails' browser mode sends each on its own goroutine), and a call's answer may
	// arrive after a later event: the window keeps the status with the highest Seq.
	Seq       uint64           `json:"seq"`
	SignedIn  bool             `json:"signedIn"`
	Account   *session.Account `json:"account,omitempty"`
	ServerURL string           `json:"serverUrl"`
}

// Settings are the server address and the pinned certificate fingerprint.
type Settings struct {
	ServerURL   string `json:"serverUrl"`
	Fingerprint string `json:"fingerprint"`
}

// ServerCheck is the answer of CheckServer.
type ServerCheck struct {
	Reachable   bool   `json:"reachable"`
	Untrusted   bool   `json:"untrusted"`   // the certificate must be accepted first
	Fingerprint string `json:"fingerprint"` // of the certificate the server showed
}

// Service is the desktop's sync. It is safe for concurrent use.
type Service struct {
	base     *store.Store
	mgr      *session.Manager
	doer     *swapDoer
	onStatus func(Status)

	mu     sync.Mutex
	sess   *session.Session
	runner *syncclient.Runner
	stop   context.CancelFunc
	done   chan struct{}
	last   syncclient.Status
	seq    uint64 // see Status.Seq
}

// New returns the sync service of the desktop whose base (signed-out) database is base.
// onStatus (may be nil) receives every change of status, from a background goroutine.
func New(base *store.Store, onStatus func(Status)) *Service {
	d := &swapDoer{}
	s := &Service{base: base, doer: d, onStatus: onStatus, last: syncclient.Status{State: "signed_out"}}
	s.mgr = session.New(base.Path(), d)
	pin, _ := base.Meta(context.Background(), metaServerPin)
	d.set(httpClient(pin))
	return s
}

// swapDoer lets the pinned certificate change without rebuilding the session manager.
type swapDoer struct {
	mu sync.RWMutex
	c  *http.Client
}

func (d *swapDoer) set(c *http.Client) { d.mu.Lock(); d.c = c; d.mu.Unlock() }
func (d *swapDoer) Do(r *http.Request) (*http.Response, error) {
	d.mu.RLock()
	c := d.c
	d.mu.RUnlock()
	return c.Do(r)
}

// Store is the database the app works on: the signed-in user's, else the base one.
func (s *Service) Store() *store.Store {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sess != nil {
		return s.sess.Store()
	}
	return s.base
}

// Settings returns the server address and the pinned fingerprint.
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	u, err := s.base.Meta(ctx, metaServerURL)
	if err != nil {
		return Settings{}, err
	}
	pin, err := s.base.Meta(ctx, metaServerPin)
	return Settings{ServerURL: u, Fingerprint: pin}, err
}

// SaveServer sets the server address. A new host forgets the pinned certificate.
// Errors: EInvalid.
func (s *Service) SaveServer(ctx context.Context, raw string) (Settings, error) {
	u, err := parseServerURL(raw)
	if err != nil {
		return Settings{}, err
	}
	old, err := s.Settings(ctx)
	if err != nil {
		return Settings{}, err
	}
	if err := s.base.SetMeta(ctx, metaServerURL, u); err != nil {
		return Settings{}, err
	}
	if hostOf(old.ServerURL) != hostOf(u) && old.Fingerprint != "" {
		if err := s.setPin(ctx, ""); err != nil {
			return Settings{}, err
		}
	}
	return s.Settings(ctx)
}

func parseServerURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", domain.Errorf(domain.EInvalid, "serverUrl",
			"Địa chỉ máy chủ không hợp lệ; ví dụ: https://may-chu.huyen.vn:8443",
			"Invalid server address; for example https://server.district.vn:8443")
	}
	return strings.TrimRight(u.String(), "/"), nil
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}

func (s *Service) setPin(ctx context.Context, fp string) error {
	if err := s.base.SetMeta(ctx, metaServerPin, fp); err != nil {
		return err
	}
	s.doer.set(httpClient(fp))
	return nil
}

// CheckServer asks the server at the saved address for its health, reporting an
// untrusted certificate with its fingerprint so that the user can accept it.
func (s *Service) CheckServer(ctx context.Context) (ServerCheck, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return ServerCheck{}, err
	}
	if set.ServerURL == "" {
		return ServerCheck{}, errNoServer()
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, set.ServerURL+"/healthz", nil)
	if err != nil {
		return ServerCheck{}, err
	}
	res, err := s.doer.Do(req)
	var ue *UntrustedCertError
	switch {
	case errors.As(err, &ue):
		return ServerCheck{Untrusted: true, Fingerprint: ue.Fingerprint}, nil
	case err != nil:
		return ServerCheck{}, errUnreachable(set.ServerURL)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return ServerCheck{}, errUnreachable(set.ServerURL)
	}
	return ServerCheck{Reachable: true, Fingerprint: set.Fingerprint}, nil
}

// TrustCertificate pins the certificate with this fingerprint for the saved server.
func (s *Service) TrustCertificate(ctx context.Context, fingerprint string) error {
	if len(fingerprint) != 95 { // 32 bytes as AA:BB:…
		return domain.Errorf(domain.EInvalid, "fingerprint", "Dấu vân tay chứng chỉ không hợp lệ.", "Invalid certificate fingerprint.")
	}
	return s.setPin(ctx, strings.ToUpper(fingerprint))
}

// Accounts lists the users who signed in on this desktop before.
func (s *Service) Accounts() ([]session.Account, error) { return s.mgr.Accounts() }

// SignIn signs a user in (online the first time, offline after) and starts syncing their
// database in the background. The previous user's database is closed, never deleted.
// Errors: EInvalid (wrong password, first sign-in offline, server unreachable or its
// certificate untrusted), EForbidden (account disabled).
func (s *Service) SignIn(ctx context.Context, username, password string) (session.Account, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return session.Account{}, err
	}
	sess, err := s.mgr.Login(ctx, set.ServerURL, strings.TrimSpace(username), password)
	if err != nil {
		return session.Account{}, signInError(err, set.ServerURL)
	}
	s.SignOut()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sess = sess
	// The runner starts with a sync: say so at once, not the "signed_out" of before, to a
	// window that asks before the runner's first report.
	s.last = syncclient.Status{State: "syncing"}
	s.seq++
	sess.Store().OnLocalChange(s.SyncNow)
	runCtx, stop := context.WithCancel(context.Background())
	s.runner = syncclient.NewRunner(sess.Client(), s.emit)
	// A desktop has no push channel from the server: retrying every minute at most is how
	// it notices the connection is back (a failed attempt is one cheap request).
	s.runner.MaxBackoff = time.Minute
	s.stop, s.done = stop, make(chan struct{})
	go func(r *syncclient.Runner, done chan struct{}) {
		defer close(done)
		r.Run(runCtx)
	}(s.runner, s.done)
	return sess.Account(), nil
}

// SignOut stops syncing and closes the signed-in user's database. Unsynced changes stay in
// it for the next sign-in.
func (s *Service) SignOut() error {
	s.mu.Lock()
	sess, stop, done := s.sess, s.stop, s.done
	s.sess, s.runner, s.stop, s.done = nil, nil, nil, nil
	s.last = syncclient.Status{State: "signed_out"}
	s.seq++
	s.mu.Unlock()
	if sess == nil {
		return nil
	}
	stop()
	<-done // the runner has finished its sync step: closing the database is safe now
	err := sess.Close()
	s.emit(syncclient.Status{State: "signed_out"})
	return err
}

// SyncNow asks for a sync at once; it never blocks.
func (s *Service) SyncNow() {
	s.mu.Lock()
	r := s.runner
	s.mu.Unlock()
	if r != nil {
		r.Kick()
	}
}

// Status returns the latest status.
func (s *Service) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.statusLocked()
}

func (s *Service) statusLocked() Status {
	st := Status{Status: s.last, Seq: s.seq, SignedIn: s.sess != nil}
	if s.sess != nil {
		a := s.sess.Account()
		st.Account, st.ServerURL = &a, a.ServerURL
		if ss, err := s.sess.Store().SyncStatus(context.Background()); err == nil {
			st.Pending, st.Refused = ss.Pending, ss.Refused
			if st.LastSyncAt == "" {
				st.LastSyncAt = ss.LastSyncAt
			}
		}
	}
	return st
}

// Refused lists the signed-in user's changes that the server refused, with reasons.
func (s *Service) Refused(ctx context.Context) ([]store.RefusedChange, error) {
	return s.Store().RefusedChanges(ctx)
}

// Close signs out; the app calls it on shutdown.
func (s *Service) Close() error { return s.SignOut() }

func (s *Service) emit(st syncclient.Status) {
	s.mu.Lock()
	s.last = st
	s.seq++
	cur := s.statusLocked() // with its own Seq: two emits never send the same number
	s.mu.Unlock()
	if s.onStatus != nil {
		s.onStatus(cur)
	}
}

func errNoServer() error {
	return domain.Errorf(domain.EInvalid, "serverUrl", "Chưa nhập địa chỉ máy chủ đồng bộ.", "No sync server address has been set.")
}

func errUnreachable(u string) error {
	return domain.Errorf(domain.EInvalid, "serverUrl", "Không kết nối được máy chủ %s. Kiểm tra mạng và địa chỉ máy chủ.",
		"Cannot reach the server %s. Check the network and the address.", u)
}

// signInError turns a sign-in failure into a message a person can act on.
func signInError(err error, serverURL string) error {
	var ue *UntrustedCertError
	var se *syncclient.StatusError
	var ne net.Error
	switch {
	case errors.Is(err, session.ErrWrongPassword):
		return domain.Errorf(domain.EInvalid, "password", "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")
	case errors.Is(err, session.ErrOffline):
		return domain.Errorf(domain.EInvalid, "username", "Người dùng này chưa từng đăng nhập trên máy này: lần đăng nhập đầu tiên cần kết nối máy chủ.",
			"This user has never signed in on this computer: the first sign-in needs the server.")
	case errors.As(err, &ue):
		return domain.Errorf(domain.EInvalid, "serverUrl", "Chứng chỉ của máy chủ chưa được chấp nhận (%s). Kiểm tra máy chủ trong phần Cài đặt.",
			"The server's certificate has not been accepted (%s). Check the server in Settings.", ue.Fingerprint)
	case errors.As(err, &se):
		switch se.Status {
		case http.StatusUnauthorized:
			return domain.Errorf(domain.EInvalid, "password", "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")
		case http.StatusForbidden:
			return domain.Errorf(domain.EForbidden, "username", "Tài khoản đã bị khóa. Liên hệ quản trị viên.", "The account is disabled. Contact the administrator.")
		case http.StatusTooManyRequests:
			return domain.Errorf(domain.EInvalid, "password", "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.", "Too many failed sign-ins. Try again in a few minutes.")
		}
		return &domain.Error{Code: domain.EInvalid, Message: se.Body.Message, MessageEN: se.Body.MessageEN}
	case errors.As(err, &ne), serverURL == "":
		return errUnreachable(serverURL)
	}
	if serverURL != "" && strings.Contains(err.Error(), "connect") {
		return errUnreachable(serverURL)
	}
	return err
}
