package faults

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/synctest"
)

// child is the helper process: it opens the store CHIBO_STORE, writes units, printing
// "W <id>" once each write has committed, and syncs with the server CHIBO_URL in between,
// until its parent kills it.
func child() int {
	st, err := store.Open(os.Getenv("CHIBO_STORE"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	st.SetUser(os.Getenv("CHIBO_USER"))
	c := syncclient.New(st, os.Getenv("CHIBO_URL"), os.Getenv("CHIBO_TOKEN"), nil)
	c.PageSize, c.PushBatch = 100, 50
	tag := os.Getenv("CHIBO_TAG")
	for i := 0; ; i++ {
		if i < 400 {
			u, err := st.SaveUnit(context.Background(), domain.Unit{Kind: domain.KindSupervising, Name: fmt.Sprintf("Đơn vị %s-%d", tag, i)})
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 2
			}
			fmt.Printf("W %s\n", u.ID)
		}
		if i%40 == 39 || i >= 400 {
			c.SyncOnce(context.Background())
			fmt.Printf("S %d\n", i)
		}
	}
}

// A desktop process is killed with SIGKILL at random moments while it writes, pushes and
// pulls. After each kill the store opens intact, holds every write it confirmed, holds
// whole pull pages only with a cursor that matches them, and a sync completes; at the end
// the server has every confirmed write, each applied once.
func TestFaultClientKilledDuringPushAndPull(t *testing.T) {
	if testing.Short() {
		t.Skip("runs helper processes")
	}
	seed := seedOf(t)
	rng := rand.New(rand.NewPCG(seed, 2))
	env := synctest.New(t)
	names := board(env, 1)
	const imported = 8000
	importUnits(t, env, imported)
	d := env.Device(names[0])
	path := filepath.Join(t.TempDir(), "desktop.db")
	// The device's store must be the file the child opens: enrol a store at path.
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	dev := synctest.Relogin(t, env, &synctest.Device{Store: st, Account: d.Account})
	st.Close()

	confirmed := map[string]bool{}
	kills := 6
	for k := 0; k < kills; k++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "CHIBO_CHILD=1", "CHIBO_STORE="+path, "CHIBO_URL="+env.URL,
			"CHIBO_TOKEN="+dev.Token, "CHIBO_USER="+dev.Account.UserID, "CHIBO_TAG="+strconv.Itoa(k))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		syncs := 0
		done := make(chan struct{})
		go func() {
			defer close(done)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				line := sc.Text()
				mu.Lock()
				if id, ok := strings.CutPrefix(line, "W "); ok {
					confirmed[id] = true
				} else if strings.HasPrefix(line, "S ") {
					syncs++
				}
				mu.Unlock()
			}
		}()
		time.Sleep(time.Duration(150+rng.IntN(900)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		<-done

		st, err := store.Open(path)
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", k, err)
		}
		integrityOK(t, st)
		for id := range confirmed {
			if _, err := st.GetUnit(ctx, id); err != nil {
				t.Fatalf("kill %d: confirmed write %s lost: %v", k, id, err)
			}
		}
		var whole int
		st.DB().QueryRow(`SELECT count(*) FROM units WHERE id LIKE 'u-%'`).Scan(&whole)
		cur, _ := st.SyncCursor(ctx)
		if whole%100 != 0 && whole != imported {
			t.Fatalf("kill %d: %d imported units on the device: part of a page applied", k, whole)
		}
		if whole > 0 && cur == "" {
			t.Fatalf("kill %d: %d units pulled but no cursor", k, whole)
		}
		s, _ := st.SyncStatus(ctx)
		t.Logf("kill %d: %d confirmed writes so far, %d pending, %d imported units pulled, %d syncs in this run", k, len(confirmed), s.Pending, whole, syncs)
		st.Close()
	}

	st, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetUser(dev.Account.UserID)
	c := syncclient.New(st, env.URL, dev.Token, nil)
	for i := 0; i < 2; i++ {
		if _, err := c.SyncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	assertQuiet(t, "killed desktop", st)
	if n := countUnits(t, st); n != imported+len(confirmed) && n < imported+len(confirmed) {
		t.Errorf("desktop holds %d units, want at least %d", n, imported+len(confirmed))
	}
	var outbox, applied int
	st.DB().QueryRow(`SELECT count(*) FROM outbox`).Scan(&outbox)
	env.Store.DBForTest().QueryRow(`SELECT count(*) FROM applied_changes WHERE device_id = ?`, st.DeviceID()).Scan(&applied)
	if applied != outbox {
		t.Errorf("server applied %d changes of this device, its outbox holds %d", applied, outbox)
	}
	for id := range confirmed {
		var n int
		env.Store.DBForTest().QueryRow(`SELECT count(*) FROM records WHERE id = ?`, id).Scan(&n)
		if n != 1 {
			t.Errorf("server holds %d copies of confirmed write %s", n, id)
		}
	}
	fresh := env.Device(names[0])
	fresh.Sync(t)
	assertSame(t, []string{"fresh", "killed"}, []*store.Store{fresh.Store, st})
}
