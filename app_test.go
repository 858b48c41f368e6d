package main

import (
	"errors"
	"path/filepath"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/store"
)

func newTestApp(t *testing.T) *App {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "app.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return NewApp(st)
}

func TestFormatErrorSpeaksTheUILanguage(t *testing.T) {
	a := newTestApp(t)
	_, err := a.SaveUnit(domain.Unit{Kind: domain.KindSupervising, Name: ""})
	got := a.formatError(err).(ErrorPayload)
	if got.Code != domain.EInvalid || got.Field != "name" || got.Message != "Tên tổ chức đảng không được để trống." {
		t.Errorf("vi payload = %+v", got)
	}
	if err := a.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	got = a.formatError(err).(ErrorPayload)
	if got.Message != "The name of the party organization must not be empty." {
		t.Errorf("en payload = %+v", got)
	}
	// Internal errors never leak their text to the screen.
	got = a.formatError(errors.New("sql: database is locked at 0xdeadbeef")).(ErrorPayload)
	if got.Code != domain.EInternal || got.Message != "An internal error occurred; nothing was saved." {
		t.Errorf("internal payload = %+v", got)
	}
	if err := a.SetLanguage("fr"); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("SetLanguage(fr) = %v", err)
	}
}

func TestFirstRunLoadsTheDemo(t *testing.T) {
	a := newTestApp(t)
	st, err := a.Status()
	if err != nil || !st.Empty {
		t.Fatalf("fresh status = %+v, %v; want empty", st, err)
	}
	stats, err := a.LoadDemo()
	if err != nil {
		t.Fatal(err)
	}
	if stats.SubordinateCells != 462 || stats.Members != 7575 {
		t.Errorf("demo stats = %+v", stats)
	}
	if st, _ := a.Status(); st.Empty {
		t.Error("still empty after loading the demo")
	}
	if ok, err := a.CheckDatabase(); ok != "ok" || err != nil {
		t.Errorf("CheckDatabase = %q, %v", ok, err)
	}
}

func TestServerFlagPresetsTheAddressOnce(t *testing.T) {
	a := newTestApp(t)
	if err := a.presetServer([]string{"--db", "x.db", "--server", "http://127.0.0.1:8443"}, ""); err != nil {
		t.Fatal(err)
	}
	if err := a.presetServer(nil, "http://other:1"); err != nil {
		t.Fatal(err)
	}
	got, err := a.SyncSettings()
	if err != nil || got.ServerURL != "http://127.0.0.1:8443" {
		t.Errorf("server = %+v, %v; want the first preset kept", got, err)
	}
	if err := newTestApp(t).presetServer([]string{"--server", "not a url"}, ""); err == nil {
		t.Error("a bad --server was accepted")
	}
}
