package syncclient_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/store"
	"chibo/backend/synctest"
)

var ctx = context.Background()

// demoCommune finds a demo commune by name on a device.
func demoCommune(t *testing.T, st *store.Store, name string) domain.Commune {
	t.Helper()
	cs, err := st.ListCommunes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no commune %s on this device", name)
	return domain.Commune{}
}

// committeeOf returns the grassroots committee of a commune on a device.
func committeeOf(t *testing.T, st *store.Store, communeID string) domain.Unit {
	t.Helper()
	us, err := st.ListUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range us {
		if u.CommuneID == communeID && u.Kind == domain.KindGrassrootsCommittee {
			return u
		}
	}
	t.Fatalf("no committee for commune %s", communeID)
	return domain.Unit{}
}

func unitsByCommune(t *testing.T, st *store.Store) map[string]int {
	t.Helper()
	us, err := st.ListUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int{}
	for _, u := range us {
		m[u.CommuneID]++
	}
	return m
}

func TestTwoDevicesExchangeAUnit(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	a, b := env.Device("bithu"), env.Device("bantochuc")
	rep := a.Sync(t)
	if rep.Pulled < 600 {
		t.Fatalf("first pull brought %d records, want the whole demo", rep.Pulled)
	}
	b.Sync(t)
	pd := demoCommune(t, a.Store, "Phát Diệm")
	committee := committeeOf(t, a.Store, pd.ID)
	u, err := a.Store.SaveUnit(ctx, domain.Unit{ParentID: committee.ID, Kind: domain.KindSubordinateCell, Name: "Chi bộ Phố 99", Members: 12})
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := a.Store.SyncStatus(ctx); st.Pending != 1 {
		t.Fatalf("pending = %d, want 1", st.Pending)
	}
	if rep := a.Sync(t); rep.Pushed != 1 || rep.Refused != 0 {
		t.Fatalf("push report %+v", rep)
	}
	if st, _ := a.Store.SyncStatus(ctx); st.Pending != 0 || st.LastSyncAt == "" {
		t.Fatalf("status after sync %+v", st)
	}
	b.Sync(t)
	got, err := b.Store.GetUnit(ctx, u.ID)
	if err != nil {
		t.Fatalf("device B does not have the new unit: %v", err)
	}
	if got.Name != "Chi bộ Phố 99" || got.Members != 12 || got.CommuneID != pd.ID || got.SyncState != domain.SyncSent {
		t.Errorf("B has %+v", got)
	}
}

// dropReply forwards requests to the server but, while armed, loses the reply: the
// server has committed, the client sees a network error.
type dropReply struct {
	armed atomic.Int32
	calls atomic.Int32
}

func (d *dropReply) Do(r *http.Request) (*http.Response, error) {
	d.calls.Add(1)
	res, err := http.DefaultClient.Do(r)
	if err == nil && d.armed.Load() > 0 {
		d.armed.Add(-1)
		res.Body.Close()
		return nil, errors.New("connection reset (reply lost)")
	}
	return res, err
}

func TestLostAckThenRetryTakesEffectOnce(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	tr := &dropReply{}
	a := env.DeviceWith("bithu", tr)
	a.Sync(t)
	pd := demoCommune(t, a.Store, "Phát Diệm")
	committee := committeeOf(t, a.Store, pd.ID)
	u, err := a.Store.SaveUnit(ctx, domain.Unit{ParentID: committee.ID, Kind: domain.KindSubordinateCell, Name: "Chi bộ mới", Members: 5})
	if err != nil {
		t.Fatal(err)
	}
	u.Members = 6
	if _, err := a.Store.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	tr.armed.Store(1)
	if _, err := a.Client.SyncOnce(ctx); err == nil {
		t.Fatal("sync with a lost reply succeeded")
	}
	if st, _ := a.Store.SyncStatus(ctx); st.Pending != 2 {
		t.Fatalf("after the lost reply pending = %d, want 2 (not acknowledged yet)", st.Pending)
	}
	rep := a.Sync(t)
	if rep.Pushed != 2 || rep.Refused != 0 {
		t.Fatalf("retry report %+v", rep)
	}
	var applied, audited int
	env.Store.DBForTest().QueryRow(`SELECT count(*) FROM applied_changes WHERE device_id = ?`, a.Store.DeviceID()).Scan(&applied)
	env.Store.DBForTest().QueryRow(`SELECT count(*) FROM audit WHERE record_id = ?`, u.ID).Scan(&audited)
	if applied != 2 || audited != 2 {
		t.Errorf("server holds %d applied changes and %d audit rows, want 2 and 2 (one effect each)", applied, audited)
	}
	var fields string
	env.Store.DBForTest().QueryRow(`SELECT fields FROM records WHERE id = ?`, u.ID).Scan(&fields)
	if want := `"members":6`; !contains(fields, want) {
		t.Errorf("server record %s lacks %s", fields, want)
	}
}

func contains(s, sub string) bool {
	return len(s) >= len(sub) && (s == sub || len(sub) == 0 || indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
