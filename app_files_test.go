package main

import (
	"os"
	"path/filepath"
	"testing"

	"chibo/backend/domain"
)

// Exports open in Documents/ChiBo until the person saves elsewhere, then there; only
// files the app saved can be opened from it; a print renders the paper's PDF.
func TestFilesGoWhereUsersLook(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	a := newTestApp(t)
	want := filepath.Join(home, "Documents", "ChiBo")
	if got := a.exportDir(); got != want {
		t.Fatalf("export folder %q, want %q", got, want)
	}
	if st, err := os.Stat(want); err != nil || !st.IsDir() {
		t.Fatalf("Documents/ChiBo not created: %v", err)
	}
	other := filepath.Join(home, "Công văn")
	os.MkdirAll(other, 0o755)
	saved := filepath.Join(other, "Giay-gioi-thieu.pdf")
	a.rememberSaved(saved)
	if got := a.exportDir(); got != other {
		t.Errorf("the folder last saved to is not remembered: %q", got)
	}
	os.RemoveAll(other)
	if got := a.exportDir(); got != want {
		t.Errorf("a removed folder is still offered: %q", got)
	}
	for _, open := range []func(string) error{a.OpenFile, a.ShowInFolder} {
		if err := open("/etc/passwd"); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("a file the app did not save was opened: %v", err)
		}
	}
	if _, err := a.PrintDocument("poster", "x"); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("an unknown paper printed: %v", err)
	}
}
