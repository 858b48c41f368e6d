// Package serverproc runs chibo-server as a process of its own, on a loopback port, for the
// tests and benchmarks that need real HTTP between real processes (a server to kill
// mid-request, several servers on one database, a load generator outside the server).
package serverproc

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"time"

	"chibo/backend/serverstore"
)

// Build compiles chibo-server from this module into dir and returns the binary's path.
func Build(dir string) (string, error) {
	bin := filepath.Join(dir, "chibo-server")
	if out, err := exec.Command("go", "build", "-o", bin, "chibo/backend/cmd/chibo-server").CombinedOutput(); err != nil {
		return "", fmt.Errorf("build chibo-server: %v\n%s", err, out)
	}
	return bin, nil
}

// Process is a running chibo-server. URL is where it listens.
type Process struct {
	Cmd  *exec.Cmd
	URL  string
	once sync.Once
}

var listening = regexp.MustCompile(`listening on (https?://\S+)`)

// Start runs bin serve on where (a data folder, or a PostgreSQL URL) with extra arguments,
// and returns once the server says where it listens.
func Start(bin, where string, extra ...string) (*Process, error) {
	flag := "--data"
	if serverstore.IsURL(where) {
		flag = "--db"
	}
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0", flag, where}, extra...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if m := listening.FindStringSubmatch(sc.Text()); m != nil {
			go io.Copy(io.Discard, out) // a server blocked on a full pipe would stall
			return &Process{Cmd: cmd, URL: m[1]}, nil
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	return nil, errors.New("chibo-server never said where it listens")
}

// Kill ends the process at once (SIGKILL: no shutdown, as a crash or a lost host).
func (p *Process) Kill() {
	p.end(syscall.SIGKILL)
}

// Stop asks the process to shut down (SIGINT), and kills it after 10 s.
func (p *Process) Stop() {
	p.end(os.Interrupt)
}

// end sends sig and waits for the process to exit; only the first end counts.
func (p *Process) end(sig os.Signal) {
	p.once.Do(func() {
		p.Cmd.Process.Signal(sig)
		done := make(chan struct{})
		go func() { p.Cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			p.Cmd.Process.Kill()
			<-done
		}
	})
}

// Terminate sends SIGTERM and waits (a graceful stop, as a service manager does).
func (p *Process) Terminate() {
	p.end(syscall.SIGTERM)
}
