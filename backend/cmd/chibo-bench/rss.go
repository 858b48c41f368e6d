package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"chibo/backend/passwd"
	"chibo/backend/server"
	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
)

// Child modes: chibo-bench re-executes itself so that the server and the desktop each
// run in a process of their own, whose peak resident memory (VmHWM) is measured.
var (
	childMode = flag.String("child", "", "internal: seed, serve or pull (memory measurements)")
	childData = flag.String("child-data", "", "internal: data folder or store file")
	childURL  = flag.String("child-url", "", "internal: server URL for pull")
	childN    = flag.Int("child-n", 0, "internal: record count for seed")
)

const rssUser, rssPassword = "rss-board", "mat-khau-bench"

// vmHWM returns the peak resident set of pid in MB, from /proc/PID/status.
func vmHWM(pid string) (float64, error) {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%s/status", pid)
}

// runChild runs a child mode and exits.
func runChild() {
	ctx := context.Background()
	serverstore.PasswordParams = passwd.Fast
	switch *childMode {
	case "seed": // load n district records and the account, in bounded batches
		st, err := serverstore.Open(*childData)
		if err != nil {
			fail(err)
		}
		if _, err := st.AddUser(ctx, serverstore.User{Username: rssUser, DisplayName: rssUser, Role: "standing_board"}, rssPassword); err != nil {
			fail(err)
		}
		all := *childN
		for i := 0; i < all; i += 20000 {
			recs := districtRecords(min(all, i+20000))[i:]
			if _, err := st.Import(ctx, recs); err != nil {
				fail(err)
			}
		}
		st.Close()
	case "serve": // serve the data folder until SIGTERM
		st, err := serverstore.Open(*childData)
		if err != nil {
			fail(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fail(err)
		}
		hs := &http.Server{Handler: server.New(st, nil)}
		go hs.Serve(ln)
		fmt.Printf("URL http://%s\n", ln.Addr())
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
		<-sig
		hs.Close()
		st.Close()
	case "pull": // a new desktop store pulls everything, then reports its own peak
		st, err := store.Open(*childData)
		if err != nil {
			fail(err)
		}
		resp, err := syncclient.Login(ctx, nil, *childURL, syncproto.LoginRequest{Username: rssUser, Password: rssPassword, DeviceID: st.DeviceID(), DeviceName: "rss"})
		if err != nil {
			fail(err)
		}
		st.SetUser(resp.Account.UserID)
		rep, err := syncclient.New(st, *childURL, resp.Token, nil).SyncOnce(ctx)
		if err != nil {
			fail(err)
		}
		st.Close()
		hwm, err := vmHWM("self")
		if err != nil {
			fail(err)
		}
		fmt.Printf("PULLED %d HWM %.1f\n", rep.Pulled, hwm)
	default:
		fail(fmt.Errorf("unknown child mode %q", *childMode))
	}
	os.Exit(0)
}

// rssResults measures, with 1,000,000 records, the server's peak memory while it serves a
// full pull, and the desktop's peak memory during that pull, each in its own process.
// Full runs only.
func rssResults(quick bool) []Result {
	if quick {
		return nil
	}
	const n = 1000000
	res := func(server, client float64, note string) []Result {
		return []Result{
			{Name: "server_rss_mb_1m_records", Value: round(server), Unit: "MB", Target: "<= 200 MB: " + met(server > 0 && server <= 200), Note: note},
			{Name: "client_peak_rss_mb_1m_pull", Value: round(client), Unit: "MB", Target: "<= 150 MB: " + met(client > 0 && client <= 150), Note: note},
		}
	}
	self, err := os.Executable()
	if err != nil {
		return res(0, 0, "cannot re-execute chibo-bench: "+err.Error())
	}
	dir, err := os.MkdirTemp("", "chibo-bench-rss-")
	if err != nil {
		return res(0, 0, err.Error())
	}
	defer os.RemoveAll(dir)
	data := filepath.Join(dir, "server")
	if out, err := exec.Command(self, "-child", "seed", "-child-data", data, "-child-n", strconv.Itoa(n)).CombinedOutput(); err != nil {
		return res(0, 0, fmt.Sprintf("seeding 1M records failed: %v %s", err, out))
	}
	srv := exec.Command(self, "-child", "serve", "-child-data", data)
	out, err := srv.StdoutPipe()
	if err != nil {
		return res(0, 0, err.Error())
	}
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		return res(0, 0, err.Error())
	}
	defer func() { srv.Process.Signal(syscall.SIGTERM); srv.Wait() }()
	sc := bufio.NewScanner(out)
	url := ""
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "URL "); ok {
			url = u
			break
		}
	}
	if url == "" {
		return res(0, 0, "the server child never said where it listens")
	}
	start := time.Now()
	pout, err := exec.Command(self, "-child", "pull", "-child-data", filepath.Join(dir, "desktop.db"), "-child-url", url).CombinedOutput()
	if err != nil {
		return res(0, 0, fmt.Sprintf("pull child failed: %v %s", err, pout))
	}
	var pulled int
	var client float64
	if _, err := fmt.Sscanf(strings.TrimSpace(string(pout)), "PULLED %d HWM %f", &pulled, &client); err != nil || pulled != n {
		return res(0, 0, fmt.Sprintf("pull child said %q", pout))
	}
	server, err := vmHWM(strconv.Itoa(srv.Process.Pid))
	if err != nil {
		return res(0, 0, err.Error())
	}
	return res(server, client, fmt.Sprintf("1M records pulled in %.0f s; VmHWM of each process", time.Since(start).Seconds()))
}
