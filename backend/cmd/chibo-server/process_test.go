package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/seed"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// startServer builds chibo-server, starts it on a free loopback port and returns its URL.
// The process is stopped with SIGTERM at the end of the test, which must exit cleanly.
func startServer(t *testing.T, extra ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the server binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chibo-server-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "chibo-server")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	bin := binPath
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", t.TempDir(), "--seed-demo"}, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`listening on (https?://\S+)`)
	sc := bufio.NewScanner(stdout)
	url := ""
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			url = m[1]
			break
		}
	}
	if url == "" {
		cmd.Process.Kill()
		t.Fatal("the server never said where it listens")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("server exited badly after SIGTERM: %v", err)
			}
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Error("server did not stop after SIGTERM")
		}
	})
	return url
}

func enroll(t *testing.T, url, username string, hc *http.Client) *syncclient.Client {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "desktop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	resp, err := syncclient.Login(context.Background(), hc, url, syncproto.LoginRequest{Username: username, Password: seed.DemoPassword, DeviceID: st.DeviceID()})
	if err != nil {
		t.Fatalf("login %s: %v", username, err)
	}
	st.SetUser(resp.Account.UserID)
	c := syncclient.New(st, url, resp.Token, hc)
	return c
}

func TestServerProcessSyncsTwoDesktops(t *testing.T) {
	url := startServer(t)
	ctx := context.Background()
	res, err := http.Get(url + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", res, err)
	}
	res.Body.Close()
	board, office := enroll(t, url, "bithu", http.DefaultClient), enroll(t, url, "vp.phatdiem", http.DefaultClient)
	if rep, err := board.SyncOnce(ctx); err != nil || rep.Pulled < 600 {
		t.Fatalf("board sync: %+v %v", rep, err)
	}
	if _, err := office.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	st := storeOf(board)
	var pd domain.Commune
	cs, _ := st.ListCommunes(ctx)
	for _, c := range cs {
		if c.Name == "Phát Diệm" {
			pd = c
		}
	}
	us, _ := st.ListUnits(ctx)
	var committee domain.Unit
	for _, u := range us {
		if u.CommuneID == pd.ID && u.Kind == domain.KindGrassrootsCommittee {
			committee = u
		}
	}
	u, err := st.SaveUnit(ctx, domain.Unit{ParentID: committee.ID, Kind: domain.KindSubordinateCell, Name: "Chi bộ qua tiến trình", Members: 8})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := board.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := office.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := storeOf(office).GetUnit(ctx, u.ID); err != nil || got.Members != 8 {
		t.Errorf("the office did not receive the new cell: %+v %v", got, err)
	}
}

func TestServerProcessServesHTTPSWithAPinnedCertificate(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, pool := selfSigned(t, dir)
	url := startServer(t, "--tls-cert", certFile, "--tls-key", keyFile)
	if url[:8] != "https://" {
		t.Fatalf("url %s", url)
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("an unpinned client trusted the self-signed certificate")
	}
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	c := enroll(t, url, "vp.phatdiem", hc)
	if rep, err := c.SyncOnce(context.Background()); err != nil || rep.Pulled == 0 {
		t.Fatalf("sync over TLS: %+v %v", rep, err)
	}
}

func selfSigned(t *testing.T, dir string) (string, string, *x509.CertPool) {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "chibo-server test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func storeOf(c *syncclient.Client) *store.Store { return c.Store() }
