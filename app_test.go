package main

import (
	"bytes"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
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
	if got.Code != domain.EInternal || got.Message != "An internal error occurred; nothing was saved. Error reference "+got.Ref+"." || strings.Contains(got.Message, "0xdeadbeef") {
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

// An internal error is never swallowed: the log line and the message carry one reference.
func TestInternalErrorHasAReferenceInTheLog(t *testing.T) {
	var logged bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, nil)))
	defer slog.SetDefault(old)
	a := &App{lang: "vi"}
	p := a.formatError(errors.New("disk I/O error")).(ErrorPayload)
	if p.Code != "internal" || p.Ref == "" || !strings.Contains(p.Message, p.Ref) {
		t.Fatalf("payload %+v, want an internal error whose message names its reference", p)
	}
	if !strings.Contains(logged.String(), "ref="+p.Ref) || !strings.Contains(logged.String(), "disk I/O error") {
		t.Errorf("log %q does not hold the reference and the cause", logged.String())
	}
	if q := a.formatError(domain.Errorf(domain.EInvalid, "name", "Thiếu tên.", "No name.")).(ErrorPayload); q.Ref != "" {
		t.Errorf("a domain error got a reference: %+v", q)
	}
}
