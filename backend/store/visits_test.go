package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"testing"

	"chibo/backend/domain"
)

func TestPlanVisit(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	draft, err := st.SaveSchedules(ctx, []domain.Schedule{sched(f.cell2, "2018-07-08")})
	must(t, err)
	if _, err := st.PlanVisit(ctx, draft[0].ID, f.cadre, ""); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("planning a draft: got %v", err)
	}
	x := publishedSchedule(t, st, f.cell, "2018-06-05")
	res, err := st.PlanVisit(ctx, x.ID, f.cadre, "")
	must(t, err)
	v := res.Visit
	if v.CellID != f.cell || v.CommuneID != f.commune || v.Date != "2018-06-05" || v.Status != domain.VisitPlanned ||
		v.OfficialName != "Trần Thị Lan" || v.CellName != "Chi bộ Xóm 1" || len(res.AlsoPlanned) != 0 {
		t.Fatalf("got %+v", res)
	}
	// The plan is restricted in the row and in the change that carries it to the server.
	if n := countRows(t, st, `SELECT count(*) FROM visits WHERE id = ? AND restricted = 1`, v.ID); n != 1 {
		t.Fatal("visit row is not restricted")
	}
	var fields string
	must(t, st.db.QueryRow(`SELECT fields FROM outbox WHERE kind = 'visit' AND record_id = ?`, v.ID).Scan(&fields))
	var m map[string]any
	must(t, json.Unmarshal([]byte(fields), &m))
	if m["restricted"] != float64(1) || m["communeId"] != f.commune {
		t.Fatalf("visit change lacks its classification: %s", fields)
	}

	t.Run("the same official twice", func(t *testing.T) {
		if _, err := st.PlanVisit(ctx, x.ID, f.cadre, ""); domain.ErrorCode(err) != domain.EInvalid {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a cadre of another commune", func(t *testing.T) {
		if _, err := st.PlanVisit(ctx, x.ID, f.otherCadre, ""); domain.ErrorCode(err) != domain.EForbidden {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a second official is warned, and the board sees the clash", func(t *testing.T) {
		res, err := st.PlanVisit(ctx, x.ID, f.board, "")
		must(t, err)
		if len(res.AlsoPlanned) != 1 || res.AlsoPlanned[0] != "Trần Thị Lan" {
			t.Fatalf("also planned: %v", res.AlsoPlanned)
		}
		clashes, err := st.VisitClashes(ctx, "2018-06")
		must(t, err)
		if len(clashes) != 1 || len(clashes[0].OfficialNames) != 2 || clashes[0].CellName != "Chi bộ Xóm 1" {
			t.Fatalf("clashes: %+v", clashes)
		}
	})
	t.Run("a cancelled meeting cannot be chosen", func(t *testing.T) {
		y := publishedSchedule(t, st, f.otherCell, "2018-06-09")
		_, err := st.CancelSchedule(ctx, y.ID)
		must(t, err)
		if _, err := st.PlanVisit(ctx, y.ID, f.board, ""); domain.ErrorCode(err) != domain.EInvalid {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("schedules in the planning list", func(t *testing.T) {
		items, err := st.ListSchedules(ctx, ScheduleFilter{From: "2018-06-01", To: "2018-06-30"})
		must(t, err)
		if len(items) != 2 { // the draft is not shown; the cancelled one is
			t.Fatalf("got %d items", len(items))
		}
		if items[0].Schedule.ID != x.ID || len(items[0].Planners) != 2 || !items[0].VisitedThisYear || items[0].Schedule.CommuneName != "Đồng Hướng" {
			t.Fatalf("first item: %+v", items[0])
		}
		items, err = st.ListSchedules(ctx, ScheduleFilter{NotVisitedThisYear: true})
		must(t, err)
		if len(items) != 1 || items[0].Schedule.CellID != f.otherCell {
			t.Fatalf("not visited: %+v", items)
		}
	})
	t.Run("a meeting moved after planning shows on the visit", func(t *testing.T) {
		moved := x
		moved.Date = "2018-06-12"
		_, err := st.SaveSchedules(ctx, []domain.Schedule{moved})
		must(t, err)
		got, err := st.GetVisit(ctx, v.ID)
		must(t, err)
		if got.Date != "2018-06-05" || got.MeetingDate != "2018-06-12" || !got.MeetingChanged || got.MeetingStatus != domain.SchedulePublished {
			t.Fatalf("got %+v", got)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		c, err := st.CancelVisit(ctx, v.ID)
		must(t, err)
		if c.Status != domain.VisitCancelled {
			t.Fatalf("got %+v", c)
		}
	})
}

func TestLetterNumbering(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	x := publishedSchedule(t, st, f.cell, "2018-06-05")
	y := publishedSchedule(t, st, f.otherCell, "2018-06-07")
	v1, err := st.PlanVisit(ctx, x.ID, f.cadre, "")
	must(t, err)
	v2, err := st.PlanVisit(ctx, y.ID, f.board, "")
	must(t, err)
	v3, err := st.PlanVisit(ctx, x.ID, f.board, "")
	must(t, err)

	if _, err := st.IssueLetter(ctx, v1.Visit.ID, "2018-06-01"); domain.ErrorCode(err) != domain.EForbidden {
		t.Fatalf("a device that is not the issuer: got %v", err)
	}
	must(t, st.SetLetterSettings(ctx, LetterSettings{Issuer: true}))
	tests := []struct {
		visit, date, want string
	}{
		{v1.Visit.ID, "2018-06-01", "01-GGT/HU"},
		{v2.Visit.ID, "2018-06-02", "02-GGT/HU"},
		{v1.Visit.ID, "2018-06-03", "01-GGT/HU"}, // issued once
		{v3.Visit.ID, "2019-01-02", "01-GGT/HU"}, // a new year starts from 01
	}
	for _, tc := range tests {
		got, err := st.IssueLetter(ctx, tc.visit, tc.date)
		must(t, err)
		if got.LetterNumber() != tc.want {
			t.Errorf("%s: got %q, want %q", tc.date, got.LetterNumber(), tc.want)
		}
	}
	if cl, err := st.LetterClashes(ctx, 2018); err != nil || len(cl) != 0 {
		t.Fatalf("clashes on one issuer: %v %v", cl, err)
	}
	if err := st.SetLetterSettings(ctx, LetterSettings{Issuer: true, Symbol: "GGT HU"}); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("bad symbol: %v", err)
	}
	// Signed in, the account decides, not the device setting: a cadre's desktop set as the
	// issuer still does not number; the Standing Board numbers its own committee's plans only.
	v4, err := st.PlanVisit(ctx, y.ID, f.otherCadre, "")
	must(t, err)
	st.SetNumbersPapers(false)
	if _, err := st.IssueLetter(ctx, v4.Visit.ID, "2018-06-04"); domain.ErrorCode(err) != domain.EForbidden {
		t.Errorf("an account that does not number papers numbered: %v", err)
	}
	if ls, _ := st.LetterSettings(ctx); ls.Issuer || !ls.ByAccount {
		t.Errorf("settings signed in: %+v", ls)
	}
	st.SetNumbersPapers(true)
	st.SetCommittee("another-committee")
	if _, err := st.IssueLetter(ctx, v4.Visit.ID, "2018-06-04"); domain.ErrorCode(err) != domain.EForbidden {
		t.Errorf("another committee's plan numbered: %v", err)
	}
	st.SetCommittee("")
	if got, err := st.IssueLetter(ctx, v4.Visit.ID, "2018-06-04"); err != nil || got.LetterNumber() != "03-GGT/HU" {
		t.Errorf("the Standing Board's own plan: %q %v", got.LetterNumber(), err)
	}
}

// Two devices wrongly both set as issuers number offline; after they exchange records the
// duplicate is found, not hidden.
func TestLetterClashAcrossDevices(t *testing.T) {
	ctx := context.Background()
	a, f := newVisitStore(t)
	b, err := Open(filepath.Join(t.TempDir(), "b.db"))
	must(t, err)
	defer b.Close()
	x := publishedSchedule(t, a, f.cell, "2018-06-05")
	va, err := a.PlanVisit(ctx, x.ID, f.cadre, "")
	must(t, err)
	vb, err := a.PlanVisit(ctx, x.ID, f.board, "")
	must(t, err)
	copyAll(t, a, b) // b now holds the registry and both visits
	for _, st := range []*Store{a, b} {
		must(t, st.SetLetterSettings(ctx, LetterSettings{Issuer: true}))
	}
	_, err = a.IssueLetter(ctx, va.Visit.ID, "2018-06-01")
	must(t, err)
	_, err = b.IssueLetter(ctx, vb.Visit.ID, "2018-06-01")
	must(t, err)
	copyAll(t, b, a)
	cl, err := a.LetterClashes(ctx, 2018)
	must(t, err)
	if len(cl) != 1 || cl[0].Number != "01-GGT/HU" || len(cl[0].VisitIDs) != 2 {
		t.Fatalf("clashes: %+v", cl)
	}
}

// Two devices register the same cell's regular meeting offline; after the exchange the
// grid counts the duplicate instead of hiding one of them.
func TestDuplicateRegularMeetingAfterSync(t *testing.T) {
	ctx := context.Background()
	a, f := newVisitStore(t)
	b, err := Open(filepath.Join(t.TempDir(), "b.db"))
	must(t, err)
	defer b.Close()
	copyAll(t, a, b)
	_, err = a.SaveSchedules(ctx, []domain.Schedule{sched(f.cell, "2018-06-05")})
	must(t, err)
	_, err = b.SaveSchedules(ctx, []domain.Schedule{sched(f.cell, "2018-06-06")})
	must(t, err)
	copyAll(t, b, a)
	g, err := a.MonthGrid(ctx, f.commune, "2018-06")
	must(t, err)
	if g.Coverage.Duplicates != 1 || g.Coverage.Scheduled != 1 {
		t.Fatalf("coverage: %+v", g.Coverage)
	}
}

// copyAll merges every record of from into to, as a sync would.
func copyAll(t *testing.T, from, to *Store) {
	t.Helper()
	var recs []Record
	err := from.write(context.Background(), func(tx *sql.Tx) error {
		for kind, k := range kindsByName {
			ids, err := queryIDs(tx, `SELECT id FROM `+k.table)
			if err != nil {
				return err
			}
			for _, id := range ids {
				r, ok, err := recordState(tx, kind, id)
				if err != nil {
					return err
				}
				if ok {
					recs = append(recs, r)
				}
			}
		}
		return nil
	})
	must(t, err)
	must(t, to.write(context.Background(), func(tx *sql.Tx) error {
		for _, r := range recs {
			if err := to.mergeRecord(tx, r); err != nil {
				return err
			}
		}
		return nil
	}))
}
