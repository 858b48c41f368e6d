package serverstore

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"chibo/backend/syncproto"
)

// The per-kind rules of docs/access.md ("Visits", "Scoring") that the server keeps
// because a device is not trusted.
func TestPerKindRules(t *testing.T) {
	s := open(t)
	board := actor(t, s, "board", "org_board", "", "", "dev-board")
	huv := actor(t, s, "huv", "district_committee", "", "c1", "dev-huv")
	office := actor(t, s, "office", "commune_office", "", "c1", "dev-office")
	now := time.Now()
	seqs := map[string]int64{}
	push := func(a Actor, kind, id, op, fields string) syncproto.ChangeResult {
		t.Helper()
		seqs[a.Device.ID]++
		c := syncproto.Change{Seq: seqs[a.Device.ID], ChangeID: a.Device.ID + "-" + id + "-" + string(rune('a'+seqs[a.Device.ID])), Kind: kind, RecordID: id, Op: op,
			Fields: json.RawMessage(fields), HLC: stamp(a, now.Add(time.Duration(seqs[a.Device.ID])*time.Millisecond))}
		r, err := s.Push(ctx, a, []syncproto.Change{c})
		if err != nil {
			t.Fatal(err)
		}
		return r.Results[0]
	}
	expect := func(name string, r syncproto.ChangeResult, code string) {
		t.Helper()
		if (code == "" && r.Status != syncproto.StatusAcked) || (code != "" && r.Code != code) {
			t.Errorf("%s: %+v, want %q", name, r, code)
		}
	}
	// The records a visit refers to: a cell of c1 and its published meeting.
	expect("a cell", push(board, "unit", "cell1", "upsert", `{"kind":"grassroots_cell","name":"Chi bộ A","communeId":"c1","members":3,"status":"active"}`), "")
	expect("its meeting", push(office, "schedule", "m1", "upsert", `{"cellId":"cell1","communeId":"c1","month":"2026-01","date":"2026-01-07","startTime":"07:30","place":"Hội trường","kind":"regular","status":"published"}`), "")
	visit := `{"scheduleId":"m1","cellId":"cell1","communeId":"c1","officialId":"o1","status":"planned","restricted":1}`
	// A planned visit is restricted for good.
	expect("plan a visit", push(huv, "visit", "v1", "upsert", visit), "")
	expect("unseal a visit", push(huv, "visit", "v1", "upsert", `{"restricted":0}`), syncproto.CodeForbidden)
	expect("a visit created unrestricted", push(huv, "visit", "v2", "upsert", strings.Replace(visit, `"restricted":1`, `"restricted":0`, 1)), syncproto.CodeForbidden)
	page, _ := s.Pull(ctx, office.User.Scope(), Cursor{}, 100, false)
	for _, r := range page.Records {
		if r.Kind == "visit" {
			t.Errorf("the commune office received visit %s", r.ID)
		}
	}
	// A report is written once.
	rep := `{"communeId":"c1","visitId":"v1","values":"{}","restricted":1}`
	expect("submit a report", push(huv, "visit_report", "r1", "upsert", rep), "")
	expect("resend it", push(huv, "visit_report", "r1", "upsert", rep), "")
	expect("change it", push(huv, "visit_report", "r1", "upsert", `{"values":"{\"x\":1}"}`), syncproto.CodeConflict)
	expect("delete it", push(huv, "visit_report", "r1", "delete", `{}`), syncproto.CodeConflict)
	// A published criteria set never changes.
	expect("draft criteria", push(board, "criteria_set", "cs1", "upsert", `{"name":"Bộ tiêu chí 2018","status":"draft"}`), "")
	expect("publish", push(board, "criteria_set", "cs1", "upsert", `{"status":"published"}`), "")
	expect("edit published", push(board, "criteria_set", "cs1", "upsert", `{"name":"Khác"}`), syncproto.CodeConflict)
	// A locked sheet is the boards' only.
	expect("self-assess", push(office, "score_sheet", "s1", "upsert", `{"unitId":"cell1","communeId":"c1","month":"2026-01","self":"{}"}`), "")
	expect("office locks", push(office, "score_sheet", "s1", "upsert", `{"locked":1}`), syncproto.CodeForbidden)
	expect("board locks", push(board, "score_sheet", "s1", "upsert", `{"locked":1}`), "")
	expect("office edits a locked sheet", push(office, "score_sheet", "s1", "upsert", `{"self":"{\"a\":1}"}`), syncproto.CodeForbidden)
	expect("board unlocks", push(board, "score_sheet", "s1", "upsert", `{"locked":0}`), "")
	expect("office edits again", push(office, "score_sheet", "s1", "upsert", `{"self":"{\"a\":2}"}`), "")
	// The audit of scoring is the boards' and insert-only.
	expect("office audits", push(office, "scoring_audit", "a1", "upsert", `{"communeId":"c1","action":"x"}`), syncproto.CodeForbidden)
	expect("board audits", push(board, "scoring_audit", "a1", "upsert", `{"communeId":"c1","action":"approve"}`), "")
	expect("board rewrites the audit", push(board, "scoring_audit", "a1", "upsert", `{"action":"other"}`), syncproto.CodeConflict)
}

// A published record never changes, but the same published record written by a second
// device (two boards that both loaded the shipped example) is no change, not a conflict.
func TestTheSamePublishedRecordFromTwoDevicesIsNoChange(t *testing.T) {
	s := open(t)
	a := actor(t, s, "board-a", "org_board", "", "", "dev-a")
	b := actor(t, s, "board-b", "org_board", "", "", "dev-b")
	set := `{"name":"Bộ tiêu chí mẫu","version":1,"status":"published","unitKinds":"[]","content":"{}","example":1}`
	now := time.Now()
	for i, who := range []Actor{a, b} {
		r := pushOne(t, s, who, syncproto.Change{Seq: 1, ChangeID: who.Device.ID + "-1", Kind: "criteria_set", RecordID: "example", Op: "upsert",
			Fields: json.RawMessage(set), HLC: stamp(who, now.Add(time.Duration(i)*time.Second))})
		if r.Status != syncproto.StatusAcked {
			t.Errorf("device %d: %+v, want acked", i, r)
		}
	}
	r := pushOne(t, s, b, syncproto.Change{Seq: 2, ChangeID: "dev-b-2", Kind: "criteria_set", RecordID: "example", Op: "upsert",
		Fields: json.RawMessage(`{"name":"Khác"}`), HLC: stamp(b, now.Add(2*time.Second))})
	if r.Code != syncproto.CodeConflict {
		t.Errorf("a change to the published set: %+v, want conflict", r)
	}
}
