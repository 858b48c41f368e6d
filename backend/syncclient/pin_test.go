package syncclient_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"time"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"chibo/backend/syncclient"
)

func TestCertificatePinning(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }))
	defer srv.Close()
	// httptest's servers share one certificate: give the impostor its own.
	other := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	other.TLS = &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
	other.StartTLS()
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

func selfSigned(t *testing.T) tls.Certificate {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "impostor"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}
