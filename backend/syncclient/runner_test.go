package syncclient_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/syncclient"
	"chibo/backend/synctest"
)

func TestRunnerSyncsOnKickAndBacksOffWhileOffline(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	dev := env.Device("vp.phatdiem")
	var mu sync.Mutex
	var states []syncclient.Status
	r := syncclient.NewRunner(dev.Client, func(s syncclient.Status) { mu.Lock(); states = append(states, s); mu.Unlock() })
	r.Interval, r.MinBackoff = time.Hour, 20*time.Millisecond
	last := func() syncclient.Status {
		mu.Lock()
		defer mu.Unlock()
		if len(states) == 0 {
			return syncclient.Status{}
		}
		return states[len(states)-1]
	}
	waitFor := func(what string, ok func(syncclient.Status) bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok(last()) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; last status %+v", what, last())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	waitFor("the first sync", func(s syncclient.Status) bool { return s.State == "idle" && s.LastSyncAt != "" })

	us, _ := dev.Store.ListUnits(ctx)
	var committee domain.Unit
	for _, u := range us {
		if u.Kind == domain.KindGrassrootsCommittee {
			committee = u
		}
	}
	if _, err := dev.Store.SaveUnit(ctx, domain.Unit{ParentID: committee.ID, Kind: domain.KindSubordinateCell, Name: "Chi bộ nền"}); err != nil {
		t.Fatal(err)
	}
	r.Kick()
	waitFor("the kicked sync", func(s syncclient.Status) bool {
		return s.State == "idle" && s.Pending == 0 && s.LastReport != nil && s.LastReport.Pushed == 1
	})

	env.HTTP.CloseClientConnections()
	env.HTTP.Listener.Close() // the server goes away
	r.Kick()
	waitFor("offline", func(s syncclient.Status) bool { return s.State == "offline" && !s.NextAttempt.IsZero() })
	cancel()
	<-done
}
