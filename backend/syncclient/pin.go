package syncclient

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// A district runs chibo-server with its own certificate, not one a public authority
// signed. The desktop accepts it once, when the administrator enters the server address
// and compares the fingerprint read out by the server's operator, then pins it: every
// later connection must present the same certificate.

// Fingerprint is the SHA-256 of a certificate's DER bytes, as lowercase hex.
func Fingerprint(der []byte) string {
	h := sha256.Sum256(der)
	return hex.EncodeToString(h[:])
}

// FetchFingerprint connects to an https:// server without verifying it and returns the
// fingerprint of the certificate it presents, for the settings screen to show before the
// user accepts it.
func FetchFingerprint(ctx context.Context, serverURL string) (string, error) {
	u, err := url.Parse(serverURL)
	if err != nil || u.Scheme != "https" {
		return "", fmt.Errorf("syncclient: %q is not an https:// address", serverURL)
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "443")
	}
	d := tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}} // the user checks the fingerprint
	conn, err := d.DialContext(ctx, "tcp", host)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	certs := conn.(*tls.Conn).ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return "", errors.New("syncclient: the server presented no certificate")
	}
	return Fingerprint(certs[0].Raw), nil
}

// ErrPinMismatch means the server presented another certificate than the pinned one.
var ErrPinMismatch = errors.New("syncclient: the server's certificate is not the one accepted before")

// PinnedHTTPClient returns an HTTP client that trusts exactly the certificate with the
// given fingerprint (plain http:// addresses are allowed for a loopback or LAN server
// without TLS when fingerprint is empty).
func PinnedHTTPClient(fingerprint string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	want := strings.ToLower(strings.ReplaceAll(fingerprint, ":", ""))
	tr.TLSClientConfig = &tls.Config{
		InsecureSkipVerify: true, // replaced by the pin check below
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 || want == "" || Fingerprint(raw[0]) != want {
				return ErrPinMismatch
			}
			return nil
		},
	}
	return &http.Client{Transport: tr, Timeout: 5 * time.Minute}
}
