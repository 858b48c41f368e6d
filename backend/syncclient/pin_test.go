package syncclient_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"chibo/backend/syncclient"
)

func TestCertificatePinning(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }))
	defer srv.Close()
	other := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer other.Close()
	fp, err := syncclient.FetchFingerprint(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if want := syncclient.Fingerprint(srv.Certificate().Raw); fp != want {
		t.Fatalf("fingerprint %s, want %s", fp, want)
	}
	hc := syncclient.PinnedHTTPClient(fp)
	if res, err := hc.Get(srv.URL); err != nil {
		t.Fatalf("pinned server refused: %v", err)
	} else {
		res.Body.Close()
	}
	if _, err := hc.Get(other.URL); err == nil || !errors.Is(err, syncclient.ErrPinMismatch) {
		t.Errorf("another certificate accepted: %v", err)
	}
	if _, err := syncclient.FetchFingerprint(context.Background(), "http://x"); err == nil {
		t.Error("an http:// address has a fingerprint")
	}
}
