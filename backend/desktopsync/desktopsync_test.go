package desktopsync

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/passwd"
	"chibo/backend/seed"
	"chibo/backend/server"
	"chibo/backend/store"
	"chibo/backend/synctest"
)

func newService(t *testing.T) (*Service, chan Status) {
	t.Helper()
	base, err := store.Open(filepath.Join(t.TempDir(), "chibo.db"))
	if err != nil {
		t.Fatal(err)
	}
	statuses := make(chan Status, 100)
	s := New(base, func(st Status) {
		select {
		case statuses <- st:
		default:
		}
	})
	s.mgr.Params = passwd.Fast
	t.Cleanup(func() { s.Close(); base.Close() })
	return s, statuses
}

// waitFor waits until the service's status satisfies ok.
func waitFor(t *testing.T, s *Service, what string, ok func(Status) bool) Status {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if st := s.Status(); ok(st) {
			return st
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s; status %+v", what, s.Status())
	return Status{}
}

func TestServerAddressIsValidated(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	for _, bad := range []string{"", "may-chu", "ftp://x", "https://"} {
		if _, err := s.SaveServer(ctx, bad); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("SaveServer(%q) = %v, want invalid", bad, err)
		}
	}
	got, err := s.SaveServer(ctx, " https://may-chu.kimson.vn:8443/ ")
	if err != nil || got.ServerURL != "https://may-chu.kimson.vn:8443" {
		t.Errorf("SaveServer = %+v, %v", got, err)
	}
}

func TestSignInSyncsInTheBackgroundAndWorksOfflineLater(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	s, _ := newService(t)
	ctx := context.Background()
	if _, err := s.SignIn(ctx, "vp.phatdiem", seed.DemoPassword); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("first sign-in without a server = %v, want invalid", err)
	}
	if _, err := s.SaveServer(ctx, env.URL); err != nil {
		t.Fatal(err)
	}
	if chk, err := s.CheckServer(ctx); err != nil || !chk.Reachable {
		t.Fatalf("CheckServer = %+v, %v", chk, err)
	}
	if _, err := s.SignIn(ctx, "vp.phatdiem", "sai-mat-khau"); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("wrong password = %v, want invalid", err)
	}
	acct, err := s.SignIn(ctx, "vp.phatdiem", seed.DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	if acct.Role != string(domain.RoleCommuneOffice) || acct.Verifier != "" {
		t.Errorf("account = %+v (secrets must not reach the window)", acct)
	}
	waitFor(t, s, "the first pull", func(st Status) bool { return st.LastSyncAt != "" && st.State == "idle" })
	if s.Store() == s.base {
		t.Fatal("signed in, but the app still works on the base database")
	}
	units, err := s.Store().ListUnits(ctx)
	if err != nil || len(units) == 0 {
		t.Fatalf("pulled units = %d, %v", len(units), err)
	}

	// A local write is pushed without anyone asking.
	var cell domain.Unit
	for _, u := range units {
		if u.Kind == domain.KindSubordinateCell && u.CommuneID == acct.CommuneID {
			cell = u
			break
		}
	}
	cell.Note = "Ghi chú từ máy của cán bộ"
	if _, err := s.Store().SaveUnit(ctx, cell); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s, "the write to be pushed", func(st Status) bool { return st.Pending == 0 && st.State == "idle" })
	if u, _ := s.Store().GetUnit(ctx, cell.ID); u.SyncState != domain.SyncSent {
		t.Errorf("unit after the push: %s %s, want sent", u.SyncState, u.SyncReason)
	}

	// Signed out, the user's database is closed but kept; offline, the same password
	// opens it again.
	path := s.mgr.DBPath(acct.UserID)
	if err := s.SignOut(); err != nil {
		t.Fatal(err)
	}
	if s.Store() != s.base {
		t.Error("signed out, but the app does not work on the base database")
	}
	env.HTTP.Close()
	if _, err := s.SignIn(ctx, "vp.phatdiem", seed.DemoPassword); err != nil {
		t.Fatalf("offline sign-in: %v", err)
	}
	if got := s.Store().Path(); got != path {
		t.Errorf("offline sign-in opened %s, want %s", got, path)
	}
	u, err := s.Store().GetUnit(ctx, cell.ID)
	if err != nil || u.Note != cell.Note {
		t.Errorf("offline unit = %+v, %v", u, err)
	}
	waitFor(t, s, "offline state", func(st Status) bool { return st.State == "offline" })
}

func TestSelfSignedCertificateIsAcceptedOnceThenPinned(t *testing.T) {
	env := synctest.New(t)
	tlsSrv := httptest.NewTLSServer(server.New(env.Store, nil))
	defer tlsSrv.Close()
	s, _ := newService(t)
	ctx := context.Background()
	if _, err := s.SaveServer(ctx, tlsSrv.URL); err != nil {
		t.Fatal(err)
	}
	chk, err := s.CheckServer(ctx)
	if err != nil || !chk.Untrusted || len(chk.Fingerprint) != 95 {
		t.Fatalf("first check = %+v, %v; want untrusted with a fingerprint", chk, err)
	}
	if want := Fingerprint(tlsSrv.Certificate().Raw); chk.Fingerprint != want {
		t.Fatalf("fingerprint %s, want %s", chk.Fingerprint, want)
	}
	if err := s.TrustCertificate(ctx, chk.Fingerprint); err != nil {
		t.Fatal(err)
	}
	if chk, err = s.CheckServer(ctx); err != nil || !chk.Reachable {
		t.Fatalf("check after trusting = %+v, %v", chk, err)
	}
	// Another server on the same address with another certificate is not trusted.
	other := newTLSServerWithOwnCert(t, server.New(env.Store, nil))
	s.doer.set(httpClient(chk.Fingerprint))
	req, _ := httptestRequest(other.URL + "/healthz")
	if _, err := s.doer.Do(req); err == nil {
		t.Error("a different certificate was accepted under the pin")
	}
}

// The window reads the status as soon as SignIn returns (it reloads on the user's
// database): it must say signed in and syncing, never "signed_out" from before.
func TestStatusRightAfterSignInSaysSyncing(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	s, _ := newService(t)
	ctx := context.Background()
	if _, err := s.SaveServer(ctx, env.URL); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := s.SignIn(ctx, "vp.phatdiem", seed.DemoPassword); err != nil {
			t.Fatal(err)
		}
		if st := s.Status(); !st.SignedIn || st.State == "signed_out" {
			t.Fatalf("sign-in %d: status right after = %+v, want signed in and not signed_out", i, st)
		}
		waitFor(t, s, "idle", func(st Status) bool { return st.State == "idle" })
		if err := s.SignOut(); err != nil {
			t.Fatal(err)
		}
		if st := s.Status(); st.SignedIn || st.State != "signed_out" {
			t.Fatalf("status after sign-out = %+v", st)
		}
	}
}

// Every status sent to the window carries its own, growing Seq, and Status() reports the
// latest: the window can then drop an event or an answer that arrives late.
func TestStatusesCarryAGrowingSeq(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	s, statuses := newService(t)
	ctx := context.Background()
	if _, err := s.SaveServer(ctx, env.URL); err != nil {
		t.Fatal(err)
	}
	before := s.Status().Seq
	if _, err := s.SignIn(ctx, "vp.phatdiem", seed.DemoPassword); err != nil {
		t.Fatal(err)
	}
	if got := s.Status().Seq; got <= before {
		t.Errorf("Seq after SignIn = %d, want > %d", got, before)
	}
	waitFor(t, s, "idle", func(st Status) bool { return st.State == "idle" })
	if err := s.SignOut(); err != nil {
		t.Fatal(err)
	}
	seen := map[uint64]string{}
	var max uint64
	for len(statuses) > 0 {
		st := <-statuses
		if prev, dup := seen[st.Seq]; dup {
			t.Errorf("two statuses with Seq %d: %s and %s", st.Seq, prev, st.State)
		}
		seen[st.Seq] = st.State
		if st.Seq > max {
			max = st.Seq
		}
	}
	if len(seen) < 3 {
		t.Fatalf("only %d statuses sent: %v", len(seen), seen)
	}
	if seen[max] != "signed_out" {
		t.Errorf("the status with the highest Seq (%d) is %q, want signed_out; all: %v", max, seen[max], seen)
	}
	if got := s.Status().Seq; got != max {
		t.Errorf("Status().Seq = %d, want the last sent %d", got, max)
	}
}
