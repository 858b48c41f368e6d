package syncclient_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"chibo/backend/domain"
	"chibo/backend/hlc"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
	"chibo/backend/synctest"
)

// A device whose cursor is older than the tombstone horizon is told to reset: it pushes
// its pending work first, then resyncs from zero, and the record deleted meanwhile does not
// survive on it.
func TestResetPastTheTombstoneHorizon(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	dev := env.Device("bithu")
	dev.Sync(t)
	pd := demoCommune(t, dev.Store, "Phát Diệm")
	committee := committeeOf(t, dev.Store, pd.ID)
	us, _ := dev.Store.ListUnits(ctx)
	var victim domain.Unit
	for _, u := range us {
		if u.ParentID == committee.ID {
			victim = u
			break
		}
	}
	deleter := env.Device("bithu")
	env.Push(deleter, syncproto.Change{Seq: 1, ChangeID: "del-victim", Kind: "unit", RecordID: victim.ID, Op: "delete", Fields: json.RawMessage(`{}`), HLC: synctest.Stamp(deleter, time.Now())})
	if n, err := env.Store.PurgeTombstones(ctx, "9999"); err != nil || n != 1 {
		t.Fatalf("purge: %d, %v", n, err)
	}
	// Offline work made before the reset must reach the server.
	committee.Note = "ghi chú trước khi đặt lại"
	if _, err := dev.Store.SaveUnit(ctx, committee); err != nil {
		t.Fatal(err)
	}
	rep := dev.Sync(t)
	if !rep.Reset || rep.Pushed != 1 {
		t.Fatalf("report %+v, want a reset after pushing 1 change", rep)
	}
	if _, err := dev.Store.GetUnit(ctx, victim.ID); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("the deleted unit survived the reset: %v", err)
	}
	if u, _ := dev.Store.GetUnit(ctx, committee.ID); u.Note != committee.Note {
		t.Errorf("the offline note was lost: %q", u.Note)
	}
	if st, _ := dev.Store.SyncStatus(ctx); st.Resyncing || st.Pending != 0 {
		t.Errorf("status after reset %+v", st)
	}
	// And the next sync is incremental again.
	if rep := dev.Sync(t); rep.Reset || rep.Pulled != 0 {
		t.Errorf("sync after the reset: %+v", rep)
	}
}

// flaky loses the reply of every nth pull, after the server answered, and counts the pulls
// that start from the beginning.
type flaky struct {
	n, pulls, fromZero atomic.Int32
}

func (f *flaky) Do(r *http.Request) (*http.Response, error) {
	if r.URL.Path == syncproto.PathPull {
		b, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(b))
		var req syncproto.PullRequest
		json.Unmarshal(b, &req)
		if req.Cursor == "" {
			f.fromZero.Add(1)
		}
		if f.pulls.Add(1)%f.n.Load() == 0 {
			res, err := http.DefaultClient.Do(r)
			if err == nil {
				res.Body.Close()
			}
			return nil, errors.New("connection reset mid-page")
		}
	}
	return http.DefaultClient.Do(r)
}

// An initial sync of many records, cut every few pages, resumes where it stopped.
func TestInterruptedInitialSyncResumes(t *testing.T) {
	env := synctest.New(t)
	const n = 5000
	recs := make([]syncproto.Record, n)
	clock := hlc.Timestamp{Wall: time.Now().UnixMilli(), Node: "seed"}.String()
	for i := range recs {
		recs[i] = syncproto.Record{Kind: "unit", ID: fmt.Sprintf("u-%05d", i), HLC: clock,
			Fields:   map[string]json.RawMessage{"kind": json.RawMessage(`"grassroots_cell"`), "name": json.RawMessage(fmt.Sprintf(`"Chi bộ %d"`, i)), "members": json.RawMessage(`7`), "status": json.RawMessage(`"active"`)},
			FieldHLC: map[string]string{"kind": clock, "name": clock, "members": clock, "status": clock}}
	}
	if _, err := env.Store.Import(ctx, recs); err != nil {
		t.Fatal(err)
	}
	env.User("board", "standing_board", "", "")
	tr := &flaky{}
	tr.n.Store(4)
	dev := env.DeviceWith("board", tr)
	dev.Client.PageSize = 250
	var progress []int64
	var lastTotal int64
	dev.Client.OnProgress(func(p syncclient.Progress) {
		if p.Phase == "pull" {
			progress = append(progress, p.Done)
			lastTotal = p.Total
		}
	})
	attempts := 0
	for ; attempts < 50; attempts++ {
		if _, err := dev.Client.SyncOnce(ctx); err == nil {
			break
		}
	}
	us, _ := dev.Store.ListUnits(ctx)
	if len(us) != n {
		t.Fatalf("after %d attempts the device has %d units, want %d", attempts, len(us), n)
	}
	if z := tr.fromZero.Load(); z != 1 {
		t.Errorf("%d pulls started from zero, want 1: an interruption restarted the sync", z)
	}
	if pages := tr.pulls.Load(); pages > int32(n/250)*4/3+3 {
		t.Errorf("%d pull requests for %d pages: pages were fetched again", pages, n/250)
	}
	if attempts < 3 {
		t.Errorf("only %d interruptions: the test did not interrupt", attempts)
	}
	if len(progress) == 0 || lastTotal < progress[len(progress)-1] || progress[0] <= 0 {
		t.Errorf("progress %v with total %d", progress, lastTotal)
	}
}

// A client of the previous protocol version syncs with the current server.
func TestPreviousProtocolClientSyncs(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	old := env.Device("bithu")
	old.Client.Protocol = syncproto.ProtocolPrevious
	if rep := old.Sync(t); rep.Pulled < 600 {
		t.Fatalf("old client pulled %d", rep.Pulled)
	}
	pd := demoCommune(t, old.Store, "Phát Diệm")
	if _, err := old.Store.SaveUnit(ctx, domain.Unit{ParentID: committeeOf(t, old.Store, pd.ID).ID, Kind: domain.KindSubordinateCell, Name: "Chi bộ cũ"}); err != nil {
		t.Fatal(err)
	}
	if rep := old.Sync(t); rep.Pushed != 1 || rep.Refused != 0 {
		t.Errorf("old client push: %+v", rep)
	}
	for _, v := range []string{"0", "3", "x"} {
		status, body := env.Post(syncproto.PathPull, old.Token, []byte(`{"cursor":""}`), map[string]string{syncproto.HeaderProtocol: v})
		if status != http.StatusBadRequest || !bytes.Contains(body, []byte(syncproto.CodeVersion)) {
			t.Errorf("protocol %q: %d %s", v, status, body)
		}
	}
	// The body field works for clients that cannot set headers.
	status, _ := env.Post(syncproto.PathPull, old.Token, []byte(`{"protocol":1,"cursor":""}`), map[string]string{syncproto.HeaderProtocol: ""})
	if status != http.StatusOK {
		t.Errorf("protocol in the body: %d", status)
	}
}
