package server

import (
	"errors"
	"net"
	"net/http"
	"strconv"
	"time"

	"chibo/backend/serverstore"
	"chibo/backend/syncproto"
)

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, syncproto.CodeMethod, "Phương thức không được hỗ trợ.", "Method not allowed.")
		return
	}
	body(w, r, syncproto.MaxLoginBodyBytes)
	req, err := syncproto.DecodeLogin(r.Body)
	if err != nil {
		decodeError(w, err)
		return
	}
	if _, ok := versions(w, r, req.Protocol, req.Schema); !ok {
		return
	}
	ip, _, _ := net.SplitHostPort(r.RemoteAddr)
	who := LoginKey(req.Username)
	byName, err1 := s.limiter.Blocked(who)
	byIP, err2 := s.ipLimit.Blocked(ip)
	if err := errors.Join(err1, err2); err != nil {
		s.internal(w, err)
		return
	}
	if wait := max(byName, byIP); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		writeError(w, http.StatusTooManyRequests, syncproto.CodeRateLimited,
			"Đăng nhập sai quá nhiều lần; hãy thử lại sau "+strconv.Itoa(int(wait.Minutes())+1)+" phút.", "Too many failed logins; try again later.")
		return
	}
	user, err := s.store.Authenticate(r.Context(), req.Username, req.Password)
	if errors.Is(err, serverstore.ErrBadLogin) {
		if err := errors.Join(s.limiter.Fail(who), s.ipLimit.Fail(ip)); err != nil {
			s.log.Error("record a failed login", "err", err)
		}
		writeError(w, http.StatusUnauthorized, syncproto.CodeUnauthorized, "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")
		return
	} else if err != nil {
		s.internal(w, err)
		return
	}
	if err := s.limiter.Succeed(who); err != nil {
		s.log.Error("forget failed logins", "err", err)
	}
	token, err := s.store.Enroll(r.Context(), user, req.DeviceID, req.DeviceName)
	if errors.Is(err, serverstore.ErrDeviceTaken) {
		writeError(w, http.StatusForbidden, syncproto.CodeForged, "Mã thiết bị này thuộc về một tài khoản khác.", "This device id belongs to another account.")
		return
	} else if err != nil {
		s.internal(w, err)
		return
	}
	s.log.Info("device enrolled", "user", user.Username, "device", req.DeviceID)
	writeJSON(w, http.StatusOK, syncproto.LoginResponse{Token: token, DeviceID: req.DeviceID, Account: account(user),
		ServerTime: time.Now().UTC().Format(time.RFC3339Nano)})
}

func account(u serverstore.User) syncproto.Account {
	a := syncproto.Account{UserID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: u.Role, AreaID: u.AreaID, CommuneID: u.CommuneID, CommitteeID: u.CommitteeID}
	for _, g := range u.Grants {
		a.Grants = append(a.Grants, syncproto.Account{Role: g.Role, AreaID: g.AreaID, CommuneID: g.CommuneID, CommitteeID: g.CommitteeID})
	}
	return a
}

func (s *Server) whoami(w http.ResponseWriter, r *http.Request, a serverstore.Actor) {
	if _, ok := versions(w, r, 0, 0); !ok {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"account": account(a.User), "deviceId": a.Device.ID, "lastSeq": a.Device.LastSeq})
}

func (s *Server) push(w http.ResponseWriter, r *http.Request, a serverstore.Actor) {
	body(w, r, syncproto.MaxBodyBytes)
	req, err := syncproto.DecodePush(r.Body)
	if err != nil {
		decodeError(w, err)
		return
	}
	proto, ok := versions(w, r, req.Protocol, req.Schema)
	if !ok {
		return
	}
	if lost, ok := s.historyLost(w, r); !ok {
		return
	} else if lost {
		writeJSON(w, http.StatusOK, syncproto.PushResponse{Results: []syncproto.ChangeResult{}, Restored: true})
		return
	}
	resp, err := s.store.Push(r.Context(), a, req.Changes)
	if errors.Is(err, serverstore.ErrRevoked) {
		writeError(w, http.StatusUnauthorized, syncproto.CodeUnauthorized, "Thiết bị đã bị thu hồi; hãy đăng nhập lại.", "Device revoked; sign in again.")
		return
	} else if err != nil {
		s.internal(w, err)
		return
	}
	if r.Header.Get(syncproto.HeaderCursor) == "" {
		// A device with no cursor yet keeps the mark to tell a restore by (HeaderCursor).
		if resp.Mark, err = s.store.Mark(r.Context()); err != nil {
			s.internal(w, err)
			return
		}
	}
	if proto == 1 {
		// Protocol 1 answered a refusal with a reason only.
		for i := range resp.Results {
			resp.Results[i].ReasonEN, resp.Results[i].Current = "", nil
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) pull(w http.ResponseWriter, r *http.Request, a serverstore.Actor) {
	body(w, r, 64<<10)
	req, err := syncproto.DecodePull(r.Body)
	if err != nil {
		decodeError(w, err)
		return
	}
	proto, ok := versions(w, r, req.Protocol, req.Schema)
	if !ok {
		return
	}
	cur, err := serverstore.ParseCursor(req.Cursor)
	if err != nil {
		writeError(w, http.StatusBadRequest, syncproto.CodeBadRequest, "Con trỏ đồng bộ không hợp lệ.", "Malformed cursor.")
		return
	}
	if cur.Seq == 0 {
		// A pull from the beginning by a device that has seen history (its mark): a
		// restored server says so, as to a cursor it cannot continue.
		if lost, ok := s.historyLost(w, r); !ok {
			return
		} else if lost {
			s.writePage(w, &syncproto.RawPullResponse{Records: []syncproto.RawRecord{}, Removes: []syncproto.RecordRef{}, Reset: true, Restored: true})
			return
		}
	}
	resp, err := s.store.Pull(r.Context(), a.User.Scope(), cur, req.Limit, req.Estimate && proto >= 2)
	if err != nil {
		s.internal(w, err)
		return
	}
	s.writePage(w, &resp)
}

// historyLost says whether the request's X-Chibo-Cursor (a device's cursor or history
// mark) holds history this server lost; ok is false when it answered an error instead.
func (s *Server) historyLost(w http.ResponseWriter, r *http.Request) (lost, ok bool) {
	h := r.Header.Get(syncproto.HeaderCursor)
	if h == "" {
		return false, true
	}
	cur, err := serverstore.ParseCursor(h)
	if err != nil {
		writeError(w, http.StatusBadRequest, syncproto.CodeBadRequest, "Con trỏ đồng bộ không hợp lệ.", "Malformed cursor.")
		return false, false
	}
	lost, err = s.store.HistoryLost(r.Context(), cur)
	if err != nil {
		s.internal(w, err)
		return false, false
	}
	return lost, true
}

// writePage sends a pull page as writeJSON would, with its length, so the desktop reads
// it into one buffer (a page is most of what a first sync costs the server; see
// syncproto.MarshalPage).
func (s *Server) writePage(w http.ResponseWriter, resp *syncproto.RawPullResponse) {
	b, err := syncproto.MarshalPage(resp)
	if err != nil {
		s.internal(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	w.Write(b)
}
