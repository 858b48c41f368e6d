package main

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
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

// A commune's month schedule as Excel, PDF and a print.
func TestScheduleFiles(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	a := newTestApp(t)
	if _, err := a.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	communes, _ := a.ListCommunes()
	for format, magic := range map[string]string{"xlsx": "PK", "pdf": "%PDF", "docx": "PK"} {
		s, err := a.ExportSchedule(communes[0].ID, "2018-06", format)
		b, _ := base64.StdEncoding.DecodeString(s)
		if err != nil || !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s: %v", format, err)
		}
	}
	if p, err := a.PrintDocument("schedule", communes[0].ID+"|2018-06"); err != nil || !strings.HasSuffix(p, ".pdf") {
		t.Errorf("print: %q %v", p, err)
	}
}
