package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"chibo/backend/passwd"
	"chibo/backend/serverstore"
)

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(context.Background(), args, &out, &errb); err != nil {
		t.Fatalf("%v: %v (%s)", args, err, errb.String())
	}
	return out.String()
}

func TestAdminCommands(t *testing.T) {
	serverstore.PasswordParams = passwd.Fast
	data := t.TempDir()
	out := runOK(t, "demo-accounts", "--data", data)
	for _, want := range []string{"bithu", "vp.phatdiem", "standing_committee", "kimson2018", "539 units"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo-accounts output lacks %q:\n%s", want, out)
		}
	}
	out = runOK(t, "user", "add", "--data", data, "--username", "lan", "--role", "commune_office", "--commune", "Kim Hải", "--name", "Văn phòng Kim Hải")
	if !strings.Contains(out, "password: ") {
		t.Errorf("no generated password printed: %s", out)
	}
	runOK(t, "user", "add", "--data", data, "--username", "hoa", "--role", "standing_committee", "--area", "Tiểu khu 2", "--password", "mat-khau-1")
	out = runOK(t, "user", "list", "--data", data)
	if !strings.Contains(out, "lan") || !strings.Contains(out, "hoa") {
		t.Errorf("user list: %s", out)
	}
	runOK(t, "user", "disable", "lan", "--data", data)
	runOK(t, "user", "enable", "--data", data, "lan")
	runOK(t, "user", "passwd", "hoa", "--data", data, "--password", "mat-khau-2")
	st, err := serverstore.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.Authenticate(context.Background(), "hoa", "mat-khau-2")
	if err != nil {
		t.Fatalf("new password: %v", err)
	}
	tok, _ := st.Enroll(context.Background(), u, "dev-hoa", "laptop")
	st.Close()
	out = runOK(t, "device", "list", "--data", data)
	if !strings.Contains(out, "dev-hoa") {
		t.Errorf("device list: %s", out)
	}
	runOK(t, "device", "revoke", "dev-hoa", "--data", data)
	st, _ = serverstore.Open(data)
	defer st.Close()
	if _, _, err := st.DeviceByToken(context.Background(), tok); err == nil {
		t.Error("the revoked device's token still works")
	}
	for _, bad := range [][]string{
		{"user", "add", "--data", data, "--username", "x", "--role", "king"},
		{"user", "add", "--data", data, "--username", "y", "--role", "commune_office", "--commune", "Nowhere"},
		{"user", "add", "--data", data, "--username", "lan", "--role", "org_board"},
		{"user", "disable", "--data", data, "ghost"},
		{"device", "revoke", "--data", data, "ghost"},
		{"user", "frobnicate", "--data", data},
		{"serve", "--data", data, "--tls-cert", "x"},
	} {
		var o, e bytes.Buffer
		if err := run(context.Background(), bad, &o, &e); err == nil {
			t.Errorf("%v succeeded", bad)
		}
	}
}

// An online backup, taken while a store has the database open and after writes, is a
// server database holding them; a second backup into the same file is refused.
func TestBackupWhileServing(t *testing.T) {
	serverstore.PasswordParams = passwd.Fast
	data := t.TempDir()
	runOK(t, "demo-accounts", "--data", data)
	st, err := serverstore.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.AddUser(context.Background(), serverstore.User{Username: "sau-sao-luu", Role: "standing_board"}, "mat-khau-1"); err != nil {
		t.Fatal(err)
	}
	copyDir := t.TempDir()
	to := filepath.Join(copyDir, serverstore.FileName)
	runOK(t, "backup", "--data", data, "--to", to)
	if err := run(context.Background(), []string{"backup", "--data", data, "--to", to}, io.Discard, io.Discard); err == nil {
		t.Error("a backup over an existing file was not refused")
	}
	cp, err := serverstore.Open(copyDir)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if _, err := cp.UserByName(context.Background(), "sau-sao-luu"); err != nil {
		t.Errorf("the copy lacks the account made before it: %v", err)
	}
	counts, _ := cp.Counts(context.Background())
	if counts["unit"] != 539 {
		t.Errorf("the copy holds %d units, want 539", counts["unit"])
	}
}

// A --data on the command line is the database, whatever CHIBO_SERVER_DB says: an
// administrator backing up a province's file on a machine set up for PostgreSQL must not
// be sent to the other database.
func TestExplicitDataBeatsTheEnvironmentsDatabase(t *testing.T) {
	serverstore.PasswordParams = passwd.Fast
	t.Setenv("CHIBO_SERVER_DB", "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=1")
	data := t.TempDir()
	runOK(t, "user", "add", "--data", data, "--username", "lan", "--role", "org_board", "--password", "mat-khau-1")
	if out := runOK(t, "user", "list", "--data", data); !strings.Contains(out, "lan") {
		t.Errorf("user list --data: %s", out)
	}
	runOK(t, "backup", "--data", data, "--to", filepath.Join(t.TempDir(), serverstore.FileName))
	runOK(t, "new-epoch", "--data", data)
	if err := run(context.Background(), []string{"user", "list"}, io.Discard, io.Discard); err == nil {
		t.Error("without --data, CHIBO_SERVER_DB's unreachable database was not used")
	}
}
