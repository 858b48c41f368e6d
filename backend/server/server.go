// Package server is chibo-server's HTTP API: login (device enrollment), push, pull,
// whoami and a health check. It authenticates every sync request by its device token,
// computes the scope from the account (never from the request), checks protocol versions,
// limits body sizes and login attempts, and logs each request with log/slog. Storage is
// serverstore's.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"chibo/backend/domain"
	"chibo/backend/serverstore"
	"chibo/backend/syncproto"

	gojson "github.com/goccy/go-json"
)

// Server serves the sync API from one serverstore.
type Server struct {
	store   *serverstore.Store
	log     *slog.Logger
	limiter *Limiter // failed logins per username
	ipLimit *Limiter // failed logins per address: looser, a commune office shares one
	mux     *http.ServeMux

	seenMu sync.Mutex
	seen   map[string]time.Time // last time each device's last_seen_at was written
	// touches waiting to be written, and whether a writer is running (see touch)
	touchPending map[string]bool
	touchRunning bool

	// BodyStall is how long a request body may stop arriving before its connection is
	// cut (New sets 10 s).
	BodyStall time.Duration
}

// New returns a server over st; logs go to log.
func New(st *serverstore.Store, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{store: st, log: log, limiter: NewLimiter("user", 5, 15*time.Minute, time.Now, st), ipLimit: NewLimiter("ip", 30, 15*time.Minute, time.Now, st), mux: http.NewServeMux(), seen: map[string]time.Time{}, BodyStall: 10 * time.Second}
	s.mux.HandleFunc(syncproto.PathHealth, s.health)
	s.mux.HandleFunc(syncproto.PathLogin, s.login)
	s.mux.HandleFunc(syncproto.PathPush, s.authed(s.push))
	s.mux.HandleFunc(syncproto.PathPull, s.authed(s.pull))
	s.mux.HandleFunc(syncproto.PathWhoAmI, s.authed(s.whoami))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, syncproto.CodeNotFound, "Không có địa chỉ này.", "No such endpoint.")
	})
	return s
}

// Limiters expose the login limiters, per username and per address (tests set their clock).
func (s *Server) Limiters() (perUser, perAddress *Limiter) { return s.limiter, s.ipLimit }

// ServeHTTP logs the request and recovers from a panic as a 500, so one bad request
// cannot take the server down.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK, start: start}
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "path", r.URL.Path, "panic", p)
			writeError(rec, http.StatusInternalServerError, syncproto.CodeInternal, "Lỗi máy chủ.", "Internal server error.")
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"ms", time.Since(start).Milliseconds(), "device", rec.device, "remote", r.RemoteAddr)
	}()
	if headerBytes(r) > MaxHeaderBytes {
		writeError(rec, http.StatusRequestHeaderFieldsTooLarge, syncproto.CodeTooLarge,
			"Phần đầu của yêu cầu quá lớn.", "The request's headers are too large.")
		return
	}
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = &stallCutter{body: r.Body, rc: http.NewResponseController(w), stall: s.BodyStall}
	}
	s.mux.ServeHTTP(rec, r)
}

// MaxHeaderBytes is the largest request head answered, in the JSON error form above it.
// (The listener's own limit, serve.go's MaxHeaderBytes, is larger: past it Go's server
// answers 431 in plain text before any handler runs.)
const MaxHeaderBytes = 64 << 10

func headerBytes(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto)
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// stallCutter moves the connection's read deadline forward before every read of the
// body: a body that keeps coming may take as long as it needs (up to the server's
// ReadTimeout), one that stops for BodyStall is cut, and its connection freed.
type stallCutter struct {
	body  io.ReadCloser
	rc    *http.ResponseController
	stall time.Duration
}

func (c *stallCutter) Read(p []byte) (int, error) {
	if c.stall > 0 {
		c.rc.SetReadDeadline(time.Now().Add(c.stall)) // unsupported (a test recorder): no cut
	}
	return c.body.Read(p)
}

func (c *stallCutter) Close() error { return c.body.Close() }

type statusRecorder struct {
	http.ResponseWriter
	status int
	device string
	start  time.Time
	wrote  bool
}

// WriteHeader also says how long the server took to answer (Server-Timing, in ms): the
// load generator reads it to tell the server's time from the network's and its own.
func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.wrote = true
		r.Header().Set("Server-Timing", fmt.Sprintf("app;dur=%.2f", float64(time.Since(r.start).Microseconds())/1000))
	}
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.WriteHeader(http.StatusOK)
	}
	return r.ResponseWriter.Write(b)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusMethodNotAllowed, syncproto.CodeMethod, "Phương thức không được hỗ trợ.", "Method not allowed.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "protocol": syncproto.ProtocolVersion, "schema": syncproto.SchemaVersion,
		"time": time.Now().UTC().Format(time.RFC3339)})
}

// ctxKey carries the authenticated actor.
type ctxKey struct{}

// authed checks method, token, device header and protocol version before h runs.
func (s *Server) authed(h func(http.ResponseWriter, *http.Request, serverstore.Actor)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost && !(r.Method == http.MethodGet && r.URL.Path == syncproto.PathWhoAmI) {
			writeError(w, http.StatusMethodNotAllowed, syncproto.CodeMethod, "Phương thức không được hỗ trợ.", "Method not allowed.")
			return
		}
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || token == "" || len(token) > 200 {
			writeError(w, http.StatusUnauthorized, syncproto.CodeUnauthorized, "Thiết bị chưa đăng nhập.", "Missing device token.")
			return
		}
		dev, user, err := s.store.DeviceByToken(r.Context(), token)
		if errors.Is(err, serverstore.ErrRevoked) {
			writeError(w, http.StatusUnauthorized, syncproto.CodeUnauthorized, "Thiết bị đã bị thu hồi hoặc tài khoản bị khóa; hãy đăng nhập lại.", "Device revoked or account disabled; sign in again.")
			return
		} else if err != nil {
			s.internal(w, err)
			return
		}
		if rec, ok := w.(*statusRecorder); ok {
			rec.device = dev.ID
		}
		if hd := r.Header.Get(syncproto.HeaderDevice); hd != "" && hd != dev.ID {
			writeError(w, http.StatusForbidden, syncproto.CodeForged, "Mã thiết bị không khớp với thẻ đăng nhập.", "The device id does not match the token.")
			return
		}
		s.touch(r.Context(), dev.ID)
		h(w, r, serverstore.Actor{Device: dev, User: user})
	}
}

// touch records a device's last contact at most once a minute, so that pulls stay
// read-only in the common case. The write happens in the background, and touches that
// arrive while one is being written are written together in one transaction: a request
// never waits for it, and many devices syncing at once do not queue one write (and one
// fsync) each on the single writer.
func (s *Server) touch(ctx context.Context, id string) {
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	if time.Since(s.seen[id]) <= time.Minute {
		return
	}
	s.seen[id] = time.Now()
	if s.touchPending == nil {
		s.touchPending = map[string]bool{}
	}
	s.touchPending[id] = true
	if !s.touchRunning {
		s.touchRunning = true
		go s.flushTouches()
	}
}

func (s *Server) flushTouches() {
	for {
		s.seenMu.Lock()
		if len(s.touchPending) == 0 {
			s.touchRunning = false
			s.seenMu.Unlock()
			return
		}
		ids := make([]string, 0, len(s.touchPending))
		for id := range s.touchPending {
			ids = append(ids, id)
		}
		s.touchPending = map[string]bool{}
		s.seenMu.Unlock()
		s.store.TouchDevices(context.Background(), ids)
	}
}

// versions checks the protocol and schema of a request; it writes the error itself.
func versions(w http.ResponseWriter, r *http.Request, bodyProto, bodySchema int) (int, bool) {
	p, err := syncproto.CheckVersions(syncproto.HeaderInt(r.Header.Get(syncproto.HeaderProtocol)), bodyProto,
		syncproto.HeaderInt(r.Header.Get(syncproto.HeaderSchema)), bodySchema)
	if err != nil {
		writeError(w, http.StatusBadRequest, syncproto.CodeVersion, "Phiên bản ứng dụng không tương thích với máy chủ: "+err.Error(), err.Error())
		return 0, false
	}
	return p, true
}

// body limits r's body to n bytes.
func body(w http.ResponseWriter, r *http.Request, n int64) {
	r.Body = http.MaxBytesReader(w, r.Body, n)
}

// decodeError answers a request whose body could not be decoded.
func decodeError(w http.ResponseWriter, err error) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) || strings.Contains(err.Error(), "request body too large") {
		writeError(w, http.StatusRequestEntityTooLarge, syncproto.CodeTooLarge, "Yêu cầu quá lớn.", "Request body too large.")
		return
	}
	writeError(w, http.StatusBadRequest, syncproto.CodeBadRequest, "Yêu cầu không hợp lệ: "+err.Error(), "Bad request: "+err.Error())
}

func (s *Server) internal(w http.ResponseWriter, err error) {
	ref := domain.NewRef()
	s.log.Error("internal error", "ref", ref, "err", err)
	writeError(w, http.StatusInternalServerError, syncproto.CodeInternal, "Lỗi máy chủ; chưa có gì thay đổi. Mã lỗi "+ref+".",
		"Internal server error; nothing changed. Error reference "+ref+".")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	// goccy/go-json writes what encoding/json would, faster on a push's 5,000 answers.
	gojson.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, vi, en string) {
	writeJSON(w, status, syncproto.Error{Code: code, Message: vi, MessageEN: en})
}
