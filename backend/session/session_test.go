package session_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/passwd"
	"chibo/backend/seed"
	"chibo/backend/session"
	"chibo/backend/synctest"
)

var ctx = context.Background()

func manager(t *testing.T) (*session.Manager, string) {
	base := filepath.Join(t.TempDir(), "chibo.db")
	m := session.New(base, nil)
	m.Params = passwd.Fast
	return m, base
}

func TestFirstSignInIsOnlineThenOffline(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	m, base := manager(t)
	if _, err := m.Login(ctx, "", "vp.phatdiem", seed.DemoPassword); !errors.Is(err, session.ErrOffline) {
		t.Fatalf("first sign-in without a server: %v, want ErrOffline", err)
	}
	if _, err := m.Login(ctx, env.URL, "vp.phatdiem", "wrong-password"); !errors.Is(err, session.ErrWrongPassword) {
		t.Fatalf("wrong password online: %v", err)
	}
	s, err := m.Login(ctx, env.URL, "vp.phatdiem", seed.DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(filepath.Dir(base), "users", s.Account().UserID+".db"); s.Store().Path() != want {
		t.Errorf("user database %s, want %s", s.Store().Path(), want)
	}
	if _, err := s.Client().SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	index, _ := os.ReadFile(filepath.Join(filepath.Dir(base), "users", "accounts.json"))
	if strings.Contains(string(index), seed.DemoPassword) {
		t.Error("the password is stored in clear")
	}
	accts, _ := m.Accounts()
	if len(accts) != 1 || accts[0].Username != "vp.phatdiem" || accts[0].Verifier != "" || accts[0].SealedToken != "" {
		t.Errorf("accounts %+v", accts)
	}
	if _, err := m.Login(ctx, "", "vp.phatdiem", "wrong-password"); !errors.Is(err, session.ErrWrongPassword) {
		t.Errorf("wrong password offline: %v", err)
	}
	// Offline sign-in: no server named; the sealed token still opens and syncs.
	s, err = m.Login(ctx, "", "VP.PhatDiem", seed.DemoPassword)
	if err != nil {
		t.Fatalf("offline sign-in: %v", err)
	}
	defer s.Close()
	if _, err := s.Client().SyncOnce(ctx); err != nil {
		t.Errorf("sync with the token recovered offline: %v", err)
	}
}

// Two users share a desktop: each has their own database; switching never deletes the
// other's unsynced work, and the office never sees what the district user pulled.
func TestUsersOfOneDesktopKeepTheirOwnData(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	m, _ := manager(t)
	office, err := m.Login(ctx, env.URL, "vp.phatdiem", seed.DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := office.Client().SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	var committee domain.Unit
	us, _ := office.Store().ListUnits(ctx)
	for _, u := range us {
		if u.Kind == domain.KindGrassrootsCommittee {
			committee = u
		}
	}
	cell, err := office.Store().SaveUnit(ctx, domain.Unit{ParentID: committee.ID, Kind: domain.KindSubordinateCell, Name: "Chi bộ chưa gửi", Members: 4})
	if err != nil {
		t.Fatal(err)
	}
	office.Close() // sign out with one unsynced change

	board, err := m.Login(ctx, env.URL, "bithu", seed.DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := board.Client().SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if board.Store().Path() == office.Store().Path() || board.Store().DeviceID() == office.Store().DeviceID() {
		t.Fatal("two users share one database")
	}
	boardUnits, _ := board.Store().ListUnits(ctx)
	board.Close()

	office, err = m.Login(ctx, "", "vp.phatdiem", seed.DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	defer office.Close()
	if st, _ := office.Store().SyncStatus(ctx); st.Pending != 1 {
		t.Errorf("the office's unsynced change: pending %d, want 1", st.Pending)
	}
	officeUnits, _ := office.Store().ListUnits(ctx)
	if len(officeUnits) >= len(boardUnits) {
		t.Errorf("the office database holds %d units, the board's %d: the office sees district data", len(officeUnits), len(boardUnits))
	}
	if _, err := office.Client().SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := office.Store().GetUnit(ctx, cell.ID); err != nil || got.SyncState != domain.SyncSent {
		t.Errorf("after sync: %+v %v", got, err)
	}
}

func TestNewPasswordOnTheServerReenrolls(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	m, _ := manager(t)
	s, err := m.Login(ctx, env.URL, "bithu", seed.DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	path := s.Store().Path()
	s.Close()
	if err := env.Store.SetPassword(ctx, "bithu", "mat-khau-moi"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Login(ctx, "", "bithu", "mat-khau-moi"); !errors.Is(err, session.ErrWrongPassword) {
		t.Errorf("new password offline: %v", err)
	}
	s, err = m.Login(ctx, env.URL, "bithu", "mat-khau-moi")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Store().Path() != path {
		t.Errorf("re-enrolling opened %s, not the user's database %s", s.Store().Path(), path)
	}
	if _, err := s.Client().SyncOnce(ctx); err != nil {
		t.Errorf("sync after re-enrolling: %v", err)
	}
}
