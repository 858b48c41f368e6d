package main

// The chibo-server processes the load generator and the national benchmark start: built
// from this module, each on its own loopback port, on a SQLite folder or a PostgreSQL
// schema of the run's own.

import (
	"bufio"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for the run's schema

	"chibo/backend/serverstore"
)

// freshSchema creates an empty schema in the PostgreSQL database at base and returns a
// URL whose connections use it: each run starts from the same empty database.
func freshSchema(base string) string {
	db, err := sql.Open("pgx", base)
	if err != nil {
		fail(err)
	}
	defer db.Close()
	schema := "load_" + strings.ReplaceAll(uuid.NewString()[:13], "-", "")
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		fail(fmt.Errorf("PostgreSQL at %s: %w", base, err))
	}
	u, err := url.Parse(base)
	if err != nil {
		fail(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func buildServerBinary(dir string) string {
	bin := filepath.Join(dir, "chibo-server")
	if out, err := exec.Command("go", "build", "-o", bin, "chibo/backend/cmd/chibo-server").CombinedOutput(); err != nil {
		fail(fmt.Errorf("build chibo-server: %v\n%s", err, out))
	}
	return bin
}

type serverProcess struct {
	cmd  *exec.Cmd
	url  string
	once sync.Once
}

func startServer(bin, where string, extra ...string) *serverProcess {
	flag := "--data"
	if serverstore.IsURL(where) {
		flag = "--db"
	}
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0", flag, where}, extra...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		fail(err)
	}
	if err := cmd.Start(); err != nil {
		fail(err)
	}
	re := regexp.MustCompile(`listening on (https?://\S+)`)
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			go io.Copy(io.Discard, out)
			p := &serverProcess{cmd: cmd, url: m[1]}
			atExit(p.stop)
			return p
		}
	}
	cmd.Process.Kill()
	fail(errors.New("chibo-server never said where it listens"))
	return nil
}

func (p *serverProcess) stop() {
	p.once.Do(func() {
		p.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			p.cmd.Process.Kill()
		}
	})
}
