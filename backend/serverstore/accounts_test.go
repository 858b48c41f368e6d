package serverstore

import (
	"context"
	"sync"
	"testing"
)

// Two sign-ins of a new device at once (the desktop retried before the first answer came
// back) both succeed, and the device is enrolled once.
func TestConcurrentEnrollOfANewDevice(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	u, err := s.AddUser(ctx, User{Username: "lan", Role: "org_board"}, "password1")
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	tokens := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tokens[i], errs[i] = s.Enroll(ctx, u, "dev-new", "máy văn phòng")
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("sign-in %d: %v", i, err)
		}
	}
	var devices int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM devices WHERE id = 'dev-new'`).Scan(&devices); err != nil || devices != 1 {
		t.Fatalf("%d device rows (%v), want 1", devices, err)
	}
	valid := 0
	for _, tok := range tokens {
		if _, _, err := s.DeviceByToken(ctx, tok); err == nil {
			valid++
		}
	}
	if valid != 1 {
		t.Errorf("%d tokens valid, want the last sign-in's only", valid)
	}
	other, _ := s.AddUser(ctx, User{Username: "other", Role: "org_board"}, "password1")
	if _, err := s.Enroll(ctx, other, "dev-new", ""); err != ErrDeviceTaken {
		t.Errorf("another account enrolling the device: %v", err)
	}
}

// Usernames match ignoring ASCII case only, on SQLite (COLLATE NOCASE) and PostgreSQL
// alike: "Đức" and "đức" are two spellings a server must not treat differently by database.
func TestUsernamesFoldASCIIOnlyOnEveryDatabase(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.AddUser(ctx, User{Username: "ĐứcAnh", Role: "org_board"}, "password1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "Đứcanh", "password1"); err != nil {
		t.Errorf("ASCII letters in another case: %v", err)
	}
	if _, err := s.Authenticate(ctx, "đứcanh", "password1"); err != ErrBadLogin {
		t.Errorf("Đ folded to đ: %v", err)
	}
	if _, err := s.AddUser(ctx, User{Username: "đứcanh", Role: "org_board"}, "password1"); err != nil {
		t.Errorf("a username differing in a non-ASCII letter's case was refused: %v", err)
	}
	if _, err := s.AddUser(ctx, User{Username: "ĐỨCANH", Role: "org_board"}, "password1"); err != nil {
		t.Errorf("ĐỨCANH differs from both in Ứ: %v", err)
	}
	if _, err := s.AddUser(ctx, User{Username: "Đứcanh", Role: "org_board"}, "password1"); err == nil {
		t.Error("a username differing only in ASCII case was accepted")
	}
}
