package desktopsync

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// UntrustedCertError says the server's certificate is not signed by an authority this
// machine trusts (a district's own certificate) or differs from the one pinned. The user
// is shown the fingerprint and may accept it once; it is then pinned.
type UntrustedCertError struct {
	Fingerprint string // SHA-256 of the leaf certificate, hex with colons
	Pinned      string // the fingerprint pinned before, if any (a changed certificate)
}

func (e *UntrustedCertError) Error() string {
	if e.Pinned != "" {
		return fmt.Sprintf("the server's certificate %s differs from the pinned %s", e.Fingerprint, e.Pinned)
	}
	return "the server's certificate is not trusted: " + e.Fingerprint
}

// Fingerprint formats the SHA-256 of a DER certificate as AA:BB:….
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	var b strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(h[i : i+2])
	}
	return b.String()
}

// httpClient returns a client that trusts the system's authorities, or, when pin is set,
// exactly the certificate with that fingerprint (trust on first use, then pinned).
func httpClient(pin string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // verification is done below, by the system roots or the pin
		VerifyConnection: func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 {
				return errors.New("no server certificate")
			}
			leaf := cs.PeerCertificates[0]
			fp := Fingerprint(leaf.Raw)
			if pin != "" {
				if fp != pin {
					return &UntrustedCertError{Fingerprint: fp, Pinned: pin}
				}
				return nil
			}
			opts := x509.VerifyOptions{DNSName: cs.ServerName, Intermediates: x509.NewCertPool()}
			for _, c := range cs.PeerCertificates[1:] {
				opts.Intermediates.AddCert(c)
			}
			if _, err := leaf.Verify(opts); err != nil {
				return &UntrustedCertError{Fingerprint: fp}
			}
			return nil
		},
	}
	return &http.Client{Transport: tr, Timeout: 60 * time.Second}
}
