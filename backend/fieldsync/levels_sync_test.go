package fieldsync_test

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"regexp"
	"strings"
	"testing"

	"chibo/backend/demo"
	"chibo/backend/documents"
	"chibo/backend/domain"
	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncproto"
	"chibo/backend/synctest"
)

// The 2025 structure through the real server (issue 9): a provincial cadre plans a visit
// to a Phát Diệm cell and a Phát Diệm committee member plans another. After every sync,
// querying each database: the Phát Diệm office holds neither plan; the Phát Diệm
// committee's desktops hold their own plan and never the province's; the province holds
// both; Kim Đông's committee and office hold nothing of Phát Diệm.
func TestTwoLevelsOfCommitteesThroughTheServer(t *testing.T) {
	env := synctest.New(t)
	env.SeedNinhBinh2025()
	pdOffice, pdMember, pdSecretary := env.Device("vp.phatdiem"), env.Device("duv.phatdiem"), env.Device("bithu.phatdiem")
	provCadre, provBoard := env.Device("cbtinh.phatdiem"), env.Device("tinhuy.bithu")
	kdSecretary, kdOffice := env.Device("bithu.kimdong"), env.Device("vp.kimdong")
	all := []*synctest.Device{pdOffice, pdMember, pdSecretary, provCadre, provBoard, kdSecretary, kdOffice}
	provBoard.Sync(t)
	pd := communeID(t, provBoard.Store, "Phát Diệm")
	var pdCommittee string
	units, err := provBoard.Store.ListUnits(ctx)
	must(t, err)
	for _, u := range units {
		if u.Kind == domain.KindSupervising && u.CommuneID == pd && u.Status == domain.StatusActive {
			pdCommittee = u.ID
		}
	}
	var provincePlan, communePlan, spoofed string
	check := func(step string) {
		t.Helper()
		for round := 0; round < 2; round++ {
			for _, d := range all {
				d.Sync(t)
			}
		}
		for _, d := range []*synctest.Device{pdOffice, kdOffice} {
			noPlans(t, d, step)
		}
		if n := rows(t, kdSecretary, `SELECT count(*) FROM visits`) + rows(t, kdSecretary, `SELECT count(*) FROM schedules WHERE commune_id = ?`, pd); n != 0 {
			t.Fatalf("%s: Kim Đông's secretary holds %d rows of Phát Diệm", step, n)
		}
		for _, d := range []*synctest.Device{pdMember, pdSecretary} {
			// (the plan the member made in the province's name below stays on his own
			// desktop, refused, with the reason)
			if n := rows(t, d, `SELECT count(*) FROM visits WHERE committee_id != ? AND id != ?`, pdCommittee, spoofed); n != 0 {
				t.Fatalf("%s: %s holds %d plans of the province", step, d.Account.Username, n)
			}
			if communePlan != "" && rows(t, d, `SELECT count(*) FROM visits WHERE id = ?`, communePlan) != 1 {
				t.Fatalf("%s: %s does not hold its committee's plan", step, d.Account.Username)
			}
		}
		for _, id := range []string{provincePlan, communePlan} {
			if id != "" && rows(t, provBoard, `SELECT count(*) FROM visits WHERE id = ?`, id) != 1 {
				t.Fatalf("%s: the province's Standing Board does not hold plan %s", step, id)
			}
		}
	}
	check("start")

	// The Phát Diệm office registers January 2027 and publishes it.
	g, err := pdOffice.Store.MonthGrid(ctx, pd, "2027-01")
	must(t, err)
	if len(g.Rows) < 40 {
		t.Fatalf("Phát Diệm's grid has %d cells; the merged commune should hold the cells of three", len(g.Rows))
	}
	var xs []domain.Schedule
	for i, r := range g.Rows {
		xs = append(xs, domain.Schedule{CellID: r.CellID, Date: "2027-01-" + twoDigits(1+i%28), StartTime: "07:30", Place: "Nhà văn hóa"})
	}
	_, err = pdOffice.Store.SaveSchedules(ctx, xs)
	must(t, err)
	_, err = pdOffice.Store.PublishMonth(ctx, pd, "2027-01")
	must(t, err)
	check("published")

	official := func(d *synctest.Device, role domain.Role, committee string) domain.Official {
		t.Helper()
		os, err := d.Store.ListOfficials(ctx)
		must(t, err)
		for _, o := range os {
			if o.Active && o.Role == role && o.CommuneID == pd && o.CommitteeID == committee {
				return o
			}
		}
		t.Fatalf("%s: no %s of committee %q in Phát Diệm", d.Account.Username, role, committee)
		return domain.Official{}
	}
	meetings := func(d *synctest.Device) []store.ScheduleItem {
		ms, err := d.Store.ListSchedules(ctx, store.ScheduleFilter{From: "2027-01-01", To: "2027-01-31"})
		must(t, err)
		if len(ms) != len(xs) {
			t.Fatalf("%s sees %d meetings, want %d", d.Account.Username, len(ms), len(xs))
		}
		return ms
	}

	// The province's cadre and a Phát Diệm committee member each choose a meeting.
	p1, err := provCadre.Store.PlanVisit(ctx, meetings(provCadre)[0].Schedule.ID, official(provCadre, domain.RoleDistrictCadre, "").ID, "")
	must(t, err)
	provincePlan = p1.Visit.ID
	check("province planned")
	p2, err := pdMember.Store.PlanVisit(ctx, meetings(pdMember)[1].Schedule.ID, official(pdMember, domain.RoleDistrictCommittee, pdCommittee).ID, "")
	must(t, err)
	communePlan = p2.Visit.ID
	if p2.Visit.CommitteeID != pdCommittee {
		t.Fatalf("the commune plan's committee is %q", p2.Visit.CommitteeID)
	}
	check("commune planned")

	// Each committee's office numbers its own letters, from 01, with its symbol, and the
	// paper carries the committee's heading.
	must(t, provBoard.Store.SetLetterSettings(ctx, store.LetterSettings{Issuer: true}))
	must(t, pdSecretary.Store.SetLetterSettings(ctx, store.LetterSettings{Issuer: true}))
	l1, err := provBoard.Store.IssueLetter(ctx, provincePlan, "2027-01-02")
	must(t, err)
	l2, err := pdSecretary.Store.IssueLetter(ctx, communePlan, "2027-01-02")
	must(t, err)
	if l1.LetterNumber() != "01-GGT/TU" || l2.LetterNumber() != "01-GGT/ĐU" {
		t.Fatalf("letter numbers %q and %q, want 01-GGT/TU and 01-GGT/ĐU", l1.LetterNumber(), l2.LetterNumber())
	}
	check("letters")
	// Only the committee's Standing Board numbers its letters, whatever a desktop's
	// setting says: a member who numbers his own plan is refused, with the reason kept.
	own, err := pdMember.Store.PlanVisit(ctx, meetings(pdMember)[3].Schedule.ID, official(pdMember, domain.RoleDistrictCommittee, pdCommittee).ID, "")
	must(t, err)
	must(t, pdMember.Store.SetLetterSettings(ctx, store.LetterSettings{Issuer: true}))
	_, err = pdMember.Store.IssueLetter(ctx, own.Visit.ID, "2027-01-03")
	must(t, err)
	check("a member numbered a letter")
	numbered := false
	refusedLetters, _ := pdMember.Store.RefusedChanges(ctx)
	for _, r := range refusedLetters {
		numbered = numbered || (r.RecordID == own.Visit.ID && r.Code == syncproto.CodeForbidden && strings.Contains(r.Reason, "cấp số giấy giới thiệu"))
	}
	if !numbered {
		t.Fatalf("a member's letter number was not refused: %+v", refusedLetters)
	}
	if n := rows(t, pdSecretary, `SELECT count(*) FROM visits WHERE id = ? AND letter_seq = 0`, own.Visit.ID); n != 1 {
		t.Fatal("the server took a letter number from a member")
	}
	for _, c := range []struct {
		d     *synctest.Device
		visit string
		want  []string
	}{
		{provBoard, provincePlan, []string{"TỈNH ỦY NINH BÌNH", "Số 01-GGT/TU", "Ban Thường vụ Tỉnh ủy Ninh Bình trân trọng giới thiệu", "Ninh Bình, ngày 02 tháng 01 năm 2027", "Lưu Văn phòng Tỉnh ủy."}},
		{pdSecretary, communePlan, []string{"ĐẢNG BỘ TỈNH NINH BÌNH", "ĐẢNG ỦY XÃ PHÁT DIỆM", "Số 01-GGT/ĐU", "Ban Thường vụ Đảng ủy xã Phát Diệm trân trọng giới thiệu", "Phát Diệm, ngày 02 tháng 01 năm 2027"}},
	} {
		text := letterText(t, c.d, c.visit)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s's letter lacks %q:\n%s", c.d.Account.Username, w, text)
			}
		}
		if strings.Contains(text, "HUYỆN") || strings.Contains(text, "Huyện ủy") {
			t.Errorf("%s's letter still speaks for the district:\n%s", c.d.Account.Username, text)
		}
	}

	// A commune committee member who plans as a provincial official (whose plan the
	// province keeps from the commune) is refused by the server, and the refusal stays on
	// his desktop with its reason.
	spoof, err := pdMember.Store.PlanVisit(ctx, meetings(pdMember)[2].Schedule.ID, official(pdMember, domain.RoleDistrictCadre, "").ID, "")
	must(t, err)
	spoofed = spoof.Visit.ID
	check("spoofed")
	refused, err := pdMember.Store.RefusedChanges(ctx)
	must(t, err)
	found := false
	for _, r := range refused {
		if r.RecordID == spoof.Visit.ID && r.Code == syncproto.CodeOutOfScope {
			found = true
		}
	}
	if !found {
		t.Fatalf("the spoofed plan was not refused out of scope: %+v", refused)
	}
	if rows(t, provBoard, `SELECT count(*) FROM visits WHERE id = ?`, spoof.Visit.ID) != 0 {
		t.Fatal("the server accepted a plan a commune committee made in the province's name")
	}

	// The Phát Diệm secretary becomes also a provincial committee member in charge of
	// Phát Diệm: one account, roles at two levels. His desktop resyncs and now holds the
	// province's plan too; the office still holds neither.
	must(t, env.Store.AddGrant(ctx, serverstore.User{Username: "bithu.phatdiem", Role: "district_committee", CommuneID: pd}))
	for round := 0; round < 2; round++ {
		for _, d := range all {
			d.Sync(t)
		}
	}
	noPlans(t, pdOffice, "granted")
	for _, id := range []string{provincePlan, communePlan} {
		if rows(t, pdSecretary, `SELECT count(*) FROM visits WHERE id = ?`, id) != 1 {
			t.Fatalf("with roles at both levels the secretary does not hold plan %s", id)
		}
	}
	if rows(t, pdMember, `SELECT count(*) FROM visits WHERE id = ?`, provincePlan) != 0 {
		t.Fatal("a commune committee member without the grant received the province's plan")
	}
}

// The merger applied to a live database (issue 9): the district's Standing Board turns the
// 2018 example into the 2025 structure on its desktop; every change goes through the
// server like any other; the Phát Diệm office's account follows its commune into the new
// Phát Diệm, and its desktop then holds exactly the new commune's units (those of the
// three old communes) and the old communes' names for history.
func TestMergerThroughTheServer(t *testing.T) {
	env := synctest.New(t)
	env.SeedDemo()
	board, pdOffice, bmOffice := env.Device("bithu"), env.Device("vp.phatdiem"), env.Device("vp.binhminh")
	all := []*synctest.Device{board, pdOffice, bmOffice}
	syncAll := func() {
		for round := 0; round < 2; round++ {
			for _, d := range all {
				d.Sync(t)
			}
		}
	}
	syncAll()
	before := rows(t, pdOffice, `SELECT count(*) FROM units`)
	results, err := demo.Restructure2025(ctx, board.Store)
	must(t, err)
	syncAll()
	if refused, err := board.Store.RefusedChanges(ctx); err != nil || len(refused) != 0 {
		t.Fatalf("the server refused %d changes of the merger (%v): %+v", len(refused), err, first(refused))
	}
	if st, err := board.Store.SyncStatus(ctx); err != nil || st.Pending != 0 {
		t.Fatalf("%d changes of the merger still pending (%v)", st.Pending, err)
	}
	pd := results[0].CommuneID // Merger2025 lists Phát Diệm first
	want := rows(t, board, `SELECT count(*) FROM units WHERE commune_id = ? AND deleted = 0`, pd)
	got := rows(t, pdOffice, `SELECT count(*) FROM units WHERE deleted = 0`)
	other := rows(t, pdOffice, `SELECT count(*) FROM units WHERE deleted = 0 AND commune_id != ? AND commune_id != ''`, pd)
	if got < 2*before || other != 0 {
		t.Fatalf("the Phát Diệm office holds %d units (%d of another commune); before the merger %d, the new commune has %d", got, other, before, want)
	}
	if merged := rows(t, pdOffice, `SELECT count(*) FROM communes WHERE status = 'merged' AND merged_into_id = ?`, pd); merged != 3 {
		t.Fatalf("the Phát Diệm office sees %d communes merged into it, want 3", merged)
	}
	if n := rows(t, bmOffice, `SELECT count(*) FROM units WHERE commune_id = ?`, pd); n != 0 {
		t.Fatalf("the Bình Minh office holds %d units of Phát Diệm", n)
	}
}

// letterText renders a visit's letter as the desktop does and returns its DOCX's text.
func letterText(t *testing.T, d *synctest.Device, visitID string) string {
	t.Helper()
	f, err := d.Store.VisitFacts(ctx, visitID)
	must(t, err)
	p, err := d.Store.PaperProfile(ctx, f.Visit.CommitteeID)
	must(t, err)
	l := documents.LetterFromVisit(p.Header(), f)
	if len(p.LetterRecipients) > 0 {
		l.Recipients = p.LetterRecipients
	}
	b, err := documents.Render(documents.LetterDoc(l), documents.FormatDOCX)
	must(t, err)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	for _, zf := range zr.File {
		if zf.Name != "word/document.xml" {
			continue
		}
		rc, err := zf.Open()
		must(t, err)
		x, _ := io.ReadAll(rc)
		rc.Close()
		x = regexp.MustCompile(`</w:p>`).ReplaceAll(x, []byte("\n"))
		return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(x), ""))
	}
	t.Fatal("no document.xml")
	return ""
}

func first[T any](xs []T) any {
	if len(xs) == 0 {
		return nil
	}
	return xs[0]
}
