package server_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"chibo/backend/synctest"
)

// Many devices syncing at once all get their last contact recorded (written in the
// background, several per transaction), and none of their syncs waits for it.
func TestLastContactOfConcurrentDevicesIsRecorded(t *testing.T) {
	env := synctest.New(t)
	enrolled := time.Now().Add(-time.Hour)
	env.Store.SetNow(func() time.Time { return enrolled })
	var devs []*synctest.Device
	for i := 0; i < 30; i++ {
		name := fmt.Sprintf("board%d", i)
		env.User(name, "standing_board", "", "")
		devs = append(devs, env.Device(name))
	}
	env.Store.SetNow(time.Now)
	var wg sync.WaitGroup
	for _, d := range devs {
		wg.Add(1)
		go func() { defer wg.Done(); d.Sync(t) }()
	}
	wg.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ds, err := env.Store.ListDevices(ctxT, "")
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, d := range ds {
			if at, _ := time.Parse(time.RFC3339Nano, d.LastSeenAt); at.After(enrolled.Add(30 * time.Minute)) {
				seen++
			}
		}
		if seen == len(devs) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d devices have a last contact", seen, len(devs))
		}
		time.Sleep(20 * time.Millisecond)
	}
}
