package syncclient_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"chibo/backend/domain"
	"chibo/backend/syncproto"
	"chibo/backend/synctest"
)

// A commune office receives its own commune's units and the supervising committees above
// them, never another commune's units nor district agencies' units.
func TestCommuneOfficeReceivesOnlyItsCommune(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	board, vp := env.Device("bithu"), env.Device("vp.phatdiem")
	board.Sync(t)
	vp.Sync(t)
	pd := demoCommune(t, board.Store, "Phát Diệm")
	got := unitsByCommune(t, vp.Store)
	all := unitsByCommune(t, board.Store)
	for commune, n := range got {
		switch commune {
		case pd.ID:
			if n != all[pd.ID] {
				t.Errorf("office has %d of its %d units", n, all[pd.ID])
			}
		case "":
			us, _ := vp.Store.ListUnits(ctx)
			for _, u := range us {
				if u.CommuneID == "" && u.Kind != domain.KindSupervising {
					t.Errorf("office received district unit %s (%s)", u.Name, u.Kind)
				}
			}
		default:
			t.Errorf("office received %d units of another commune %s", n, commune)
		}
	}
	// It sees the list of communes and the district's leadership, not other communes' staff.
	if cs, _ := vp.Store.ListCommunes(ctx); len(cs) != 27 {
		t.Errorf("office sees %d communes, want 27", len(cs))
	}
	os, _ := vp.Store.ListOfficials(ctx)
	for _, o := range os {
		if o.CommuneID != "" && o.CommuneID != pd.ID {
			t.Errorf("office received official %s of another commune", o.Name)
		}
	}
}

func TestForgedParametersGetNothingExtra(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	vp, board := env.Device("vp.phatdiem"), env.Device("bithu")
	vp.Sync(t)
	board.Sync(t)
	boardCursor, _ := board.Store.SyncCursor(ctx)
	// The board's cursor (another scope) is not a key to the board's records: reset.
	status, body := env.Post(syncproto.PathPull, vp.Token, syncproto.Encode(syncproto.PullRequest{Cursor: boardCursor}), nil)
	var resp syncproto.PullResponse
	json.Unmarshal(body, &resp)
	if status != http.StatusOK || !resp.Reset || len(resp.Records) != 0 {
		t.Errorf("office with the board's cursor: %d reset=%v records=%d", status, resp.Reset, len(resp.Records))
	}
	// A cursor from zero with the office's token gives the office's scope, whatever else is claimed.
	status, body = env.Post(syncproto.PathPull, vp.Token, []byte(`{"cursor":"","limit":10000}`), map[string]string{syncproto.HeaderDevice: board.Store.DeviceID()})
	if status != http.StatusForbidden {
		t.Errorf("office claiming the board's device id: %d %s, want 403", status, body)
	}
	for _, forged := range []string{`{"cursor":"","role":"standing_board"}`, `{"cursor":"","communeId":"x"}`} {
		status, body = env.Post(syncproto.PathPull, vp.Token, []byte(forged), nil)
		if status != http.StatusBadRequest {
			t.Errorf("pull %s: %d %s, want 400", forged, status, body)
		}
	}
	status, body = env.Post(syncproto.PathPull, vp.Token, []byte(`{"cursor":"","limit":10000}`), nil)
	json.Unmarshal(body, &resp)
	pd := demoCommune(t, board.Store, "Phát Diệm")
	for _, r := range resp.Records {
		var c string
		json.Unmarshal(r.Fields["communeId"], &c)
		if r.Kind == "unit" && c != pd.ID {
			var kind string
			json.Unmarshal(r.Fields["kind"], &kind)
			if kind != string(domain.KindSupervising) {
				t.Errorf("office pulled unit %s of commune %q", r.ID, c)
			}
		}
	}
}

// A unit moved to another commune is removed from the old commune's office and appears
// at the new one's.
func TestMovedUnitIsRemovedFromTheOldCommune(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	board, vpPD, vpBM := env.Device("bithu"), env.Device("vp.phatdiem"), env.Device("vp.binhminh")
	for _, d := range []*synctest.Device{board, vpPD, vpBM} {
		d.Sync(t)
	}
	pd, bm := demoCommune(t, board.Store, "Phát Diệm"), demoCommune(t, board.Store, "Bình Minh")
	cell, err := board.Store.SaveUnit(ctx, domain.Unit{ParentID: committeeOf(t, board.Store, pd.ID).ID, Kind: domain.KindSubordinateCell, Name: "Chi bộ Xóm Mới", Members: 9})
	if err != nil {
		t.Fatal(err)
	}
	board.Sync(t)
	vpPD.Sync(t)
	if _, err := vpPD.Store.GetUnit(ctx, cell.ID); err != nil {
		t.Fatalf("office of Phát Diệm lacks its cell before the move: %v", err)
	}
	if _, err := board.Store.MoveUnit(ctx, cell.ID, committeeOf(t, board.Store, bm.ID).ID); err != nil {
		t.Fatal(err)
	}
	board.Sync(t)
	rep := vpPD.Sync(t)
	if rep.Removed != 1 {
		t.Errorf("old office: %d removes, want 1", rep.Removed)
	}
	if _, err := vpPD.Store.GetUnit(ctx, cell.ID); domain.ErrorCode(err) != domain.ENotFound {
		t.Errorf("old office still has the moved cell: %v", err)
	}
	vpBM.Sync(t)
	if got, err := vpBM.Store.GetUnit(ctx, cell.ID); err != nil || got.CommuneID != bm.ID {
		t.Errorf("new office: %+v, %v", got, err)
	}
}

// A record classified restricted reaches district roles only until it is released.
func TestRestrictedRecordReachesOnlyDistrictRolesUntilReleased(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	board, huv, vp := env.Device("bithu"), env.Device("huv.phatdiem"), env.Device("vp.phatdiem")
	for _, d := range []*synctest.Device{board, huv, vp} {
		d.Sync(t)
	}
	pd := demoCommune(t, board.Store, "Phát Diệm")
	cell := committeeOf(t, board.Store, pd.ID)
	raw := env.Device("bithu") // a second board desktop, to push by hand
	now := nowFor(t)
	restrict := func(v int, at int) {
		resp := env.Push(raw, syncproto.Change{Seq: int64(at), ChangeID: "restrict-" + string(rune('a'+at)), Kind: "unit", RecordID: cell.ID,
			Op: "upsert", Fields: json.RawMessage(`{"restricted":` + string(rune('0'+v)) + `}`), HLC: synctest.Stamp(raw, now.Add(time32(at)))})
		if resp.Results[0].Status != syncproto.StatusAcked {
			t.Fatalf("restrict=%d: %+v", v, resp.Results[0])
		}
	}
	restrict(1, 1)
	if rep := vp.Sync(t); rep.Removed != 1 {
		t.Errorf("office: %d removes after restriction, want 1", rep.Removed)
	}
	if _, err := vp.Store.GetUnit(ctx, cell.ID); err == nil {
		t.Error("office still sees the restricted unit")
	}
	huv.Sync(t)
	if _, err := huv.Store.GetUnit(ctx, cell.ID); err != nil {
		t.Errorf("district committee member lost the restricted unit: %v", err)
	}
	// The office may not classify or write a restricted record.
	office := env.Device("vp.phatdiem")
	resp := env.Push(office, syncproto.Change{Seq: 1, ChangeID: "office-try", Kind: "unit", RecordID: cell.ID, Op: "upsert",
		Fields: json.RawMessage(`{"note":"x"}`), HLC: synctest.Stamp(office, now)})
	if resp.Results[0].Status != syncproto.StatusRefused || resp.Results[0].Code != syncproto.CodeOutOfScope {
		t.Errorf("office writing a restricted unit: %+v", resp.Results[0])
	}
	restrict(0, 2)
	vp.Sync(t)
	if _, err := vp.Store.GetUnit(ctx, cell.ID); err != nil {
		t.Errorf("office does not see the released unit: %v", err)
	}
}

// A refused edit is replaced by the server's state, so the device shows what stands and
// converges with the others, while the refusal stays listed with its reason.
func TestRefusedEditIsReplacedByTheServerState(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	vp := env.Device("vp.phatdiem")
	vp.Sync(t)
	us, _ := vp.Store.ListUnits(ctx)
	var cell domain.Unit
	for _, u := range us {
		if u.Kind == domain.KindSubordinateCell {
			cell = u
			break
		}
	}
	before := cell
	cell.Members += 3 // allowed
	if _, err := vp.Store.SaveUnit(ctx, cell); err != nil {
		t.Fatal(err)
	}
	// Hand the committee to another commune: out of the office's scope.
	committee, _ := vp.Store.GetUnit(ctx, cell.ParentID)
	other := demoCommune(t, vp.Store, "Bình Minh")
	committee.CommuneID = other.ID
	if _, err := vp.Store.SaveUnit(ctx, committee); err != nil {
		t.Fatal(err)
	}
	rep := vp.Sync(t)
	if rep.Pushed != 2 || rep.Refused != 1 {
		t.Fatalf("report %+v, want 2 pushed, 1 refused", rep)
	}
	got, _ := vp.Store.GetUnit(ctx, committee.ID)
	if got.CommuneID == other.ID || got.SyncState != domain.SyncRefused || got.SyncReason == "" {
		t.Errorf("after the refusal the committee is %+v: want its commune back, state refused with a reason", got)
	}
	if c, _ := vp.Store.GetUnit(ctx, cell.ID); c.Members != before.Members+3 {
		t.Errorf("the accepted edit was lost: %d members", c.Members)
	}
	ref, _ := vp.Store.RefusedChanges(ctx)
	if len(ref) != 1 || ref[0].Code != syncproto.CodeOutOfScope {
		t.Errorf("refused list %+v", ref)
	}
}
