package serverstore

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"chibo/backend/kinds"
	"chibo/backend/syncproto"
)

// examples are one valid record of every kind, in an order where each one's references
// come first: the table test below breaks them one field at a time.
var examples = []struct{ kind, id, fields string }{
	{kinds.Area, "a1", `{"name":"Tiểu khu 1"}`},
	{kinds.Cluster, "k1", `{"name":"Cụm xã 1"}`},
	{kinds.Commune, "c1", `{"name":"Phát Diệm","kind":"thi_tran","areaId":"a1","clusterId":"k1","status":"active"}`},
	{kinds.Commune, "c2", `{"name":"Kim Đông","kind":"xa","status":"active"}`},
	{kinds.Unit, "u0", `{"kind":"supervising_committee","name":"Huyện ủy Kim Sơn","status":"active"}`},
	{kinds.Unit, "u1", `{"parentId":"u0","kind":"grassroots_cell","name":"Chi bộ Phố 1","communeId":"c1","members":17,"probationary":1,"religious":2,"status":"active","note":"Họp 19h"}`},
	{kinds.Unit, "u2", `{"parentId":"u0","kind":"grassroots_cell","name":"Chi bộ Xóm 2","communeId":"c2","members":9,"status":"active"}`},
	{kinds.Official, "o1", `{"name":"Nguyễn Văn An","title":"Huyện ủy viên","role":"district_committee","communeId":"c1","active":1}`},
	{kinds.Schedule, "m1", `{"cellId":"u1","communeId":"c1","month":"2026-01","date":"2026-01-07","startTime":"07:30","place":"Nhà văn hóa","kind":"regular","status":"published","restricted":0}`},
	{kinds.ReportTemplate, "t1", `{"name":"Mẫu báo cáo","version":1,"fields":"[{\"key\":\"a\",\"label\":\"Nội dung\",\"type\":\"text\"}]","checks":"[]"}`},
	{kinds.Visit, "v1", `{"scheduleId":"m1","cellId":"u1","communeId":"c1","officialId":"o1","date":"2026-01-07","status":"planned","letterYear":2026,"letterSeq":1,"restricted":1}`},
	{kinds.VisitReport, "r1", `{"visitId":"v1","templateId":"t1","templateVersion":1,"cellId":"u1","communeId":"c1","officialId":"o1","values":"{}","revision":1,"restricted":1}`},
	{kinds.VisitRelease, "l1", `{"reportId":"r1","cellId":"u1","communeId":"c1","date":"2026-01-07","feedback":"Đúng trình tự","restricted":0}`},
	{kinds.CriteriaSet, "cs1", `{"name":"Bộ tiêu chí 2026","version":1,"status":"draft","effectiveMonth":"2026-01","unitKinds":"[]","content":"{}"}`},
	{kinds.ScoreSheet, "s1", `{"unitId":"u1","communeId":"c1","month":"2026-01","self":"{}"}`},
	{kinds.ScoreReview, "w1", `{"sheetId":"s1","unitId":"u1","communeId":"c1","month":"2026-01","verified":"{}","restricted":1}`},
	{kinds.ScoringAudit, "x1", `{"communeId":"c1","unitId":"u1","action":"approve"}`},
	{kinds.CommitteeProfile, "u0", `{"committeeId":"u0","shortName":"Huyện ủy","parentBody":"ĐẢNG BỘ TỈNH NINH BÌNH","issuingBody":"HUYỆN ỦY KIM SƠN","place":"Kim Sơn","symbol":"HU","letterRecipients":"[\"Như trên,\"]"}`},
	{kinds.Conference, "f1", `{"month":"2026-01","date":"2026-02-03","chair":"Bí thư","present":"[]","remarks":"[]","restricted":1}`},
	{kinds.Notice, "n1", `{"month":"2026-01","status":"draft","assessment":"Đánh giá","didWell":"[]","shortcomings":"[]","recipients":"[]","restricted":1}`},
	{kinds.Remediation, "i1", `{"noticeId":"n1","unitId":"u1","communeId":"c1","shortcoming":"Chưa đúng trình tự","due":"2026-03-31"}`},
	{kinds.RemediationReport, "j1", `{"itemId":"i1","unitId":"u1","communeId":"c1","date":"2026-02-10","actions":"Đã sửa"}`},
	{kinds.RemediationCheck, "i1", `{"itemId":"i1","unitId":"u1","communeId":"c1","verdict":"remedied"}`},
	{kinds.YearTheme, "t2018", `{"year":2018,"theme":"Trách nhiệm thực thi công vụ"}`},
	{kinds.Dialogue, "g1", `{"communeId":"c1","kind":"dialogue","date":"2018-05-10","chair":"Bí thư"}`},
	{kinds.Briefing, "b1", `{"clusterId":"k1","date":"2018-08-15","chair":"Phó Bí thư","reports":"[]"}`},
	{kinds.Matter, "q1", `{"source":"urgent","unitId":"u1","communeId":"c1","year":2018,"title":"Xử lý rác thải","deadline":"2018-12-31","state":"registered"}`},
	{kinds.MatterReview, "q1", `{"matterId":"q1","unitId":"u1","communeId":"c1","decision":"accepted"}`},
	{kinds.MatterUpdate, "w2", `{"matterId":"q1","unitId":"u1","communeId":"c1","date":"2018-06-30","state":"in_progress","note":"Đã ký hợp đồng"}`},
	{kinds.YearClassification, "y1", `{"unitId":"u1","communeId":"c1","year":2026,"suggestion":"{}","restricted":1}`},
}

// pusher pushes as one actor with increasing seqs and clocks.
type pusher struct {
	t   *testing.T
	s   *Store
	a   Actor
	seq int64
	at  time.Time
}

func (p *pusher) push(kind, id, op string, fields string) syncproto.ChangeResult {
	p.t.Helper()
	p.seq++
	c := syncproto.Change{Seq: p.seq, ChangeID: fmt.Sprintf("%s-%d", p.a.Device.ID, p.seq), Kind: kind, RecordID: id, Op: op,
		Fields: json.RawMessage(fields), HLC: stamp(p.a, p.at.Add(time.Duration(p.seq)*time.Millisecond))}
	return pushOne(p.t, p.s, p.a, c)
}

// state is what a refused change must leave as it was: every record and the sequence.
func state(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.DBForTest().Query(`SELECT kind, id, fields, field_hlc, deleted, server_seq FROM records ORDER BY kind, id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var k, id, f, h string
		var del, seq int64
		rows.Scan(&k, &id, &f, &h, &del, &seq)
		fmt.Fprintf(&b, "%s/%s %s %s %d %d\n", k, id, f, h, del, seq)
	}
	return b.String()
}

func seedExamples(t *testing.T) (*Store, *pusher) {
	s := open(t)
	p := &pusher{t: t, s: s, a: actor(t, s, "board", "standing_board", "", "", "dev-board"), at: time.Now()}
	for _, e := range examples {
		if r := p.push(e.kind, e.id, "upsert", e.fields); r.Status != syncproto.StatusAcked {
			t.Fatalf("example %s %s refused: %s", e.kind, e.id, r.ReasonEN)
		}
	}
	return s, p
}

// For every kind of the registry and every field: a wrong type, a value past the field's
// limit and a missing required field are refused `invalid`, on a new record and on an
// existing one, and change nothing.
func TestEveryFieldOfEveryKindIsChecked(t *testing.T) {
	s, p := seedExamples(t)
	example := map[string]map[string]json.RawMessage{}
	exampleID := map[string]string{}
	for _, e := range examples {
		if _, done := example[e.kind]; done {
			continue
		}
		var f map[string]json.RawMessage
		json.Unmarshal([]byte(e.fields), &f)
		example[e.kind], exampleID[e.kind] = f, e.id
	}
	cases := 0
	for _, k := range kinds.All() {
		base, ok := example[k.Name]
		if !ok {
			t.Errorf("kind %s has no example in this test", k.Name)
			continue
		}
		for _, f := range k.Fields {
			bad := map[string]string{"wrong type": `"x"`}
			if !f.IsInt() {
				bad["wrong type"] = `5`
			}
			switch {
			case f.Name == "restricted":
				bad["past its limit"] = `2`
			case f.Type == kinds.Flag:
				bad["past its limit"] = `2`
			case f.Type == kinds.Int:
				bad["past its limit"] = fmt.Sprint(f.Max + 1)
				bad["below its limit"] = fmt.Sprint(f.Min - 1)
			case len(f.Enum) > 0:
				bad["past its limit"] = `"khong-co"`
			case f.Type == kinds.Text:
				bad["past its limit"] = `"` + strings.Repeat("ầ", f.Max+1) + `"`
			case f.Type == kinds.Ref:
				bad["past its limit"] = `"không phải mã"`
			case f.Type == kinds.Doc:
				bad["past its limit"] = `"không phải JSON"`
			}
			for what, v := range bad {
				with := cloneRaw(base)
				with[f.Name] = json.RawMessage(v)
				b, _ := json.Marshal(with)
				edits := []struct{ name, id, fields string }{{"new record", "new-" + k.Name, string(b)}}
				if !k.InsertOnly {
					edits = append(edits, struct{ name, id, fields string }{"edit", exampleID[k.Name], fmt.Sprintf(`{%q:%s}`, f.Name, v)})
				}
				for _, e := range edits {
					before := state(t, s)
					r := p.push(k.Name, e.id, "upsert", e.fields)
					cases++
					if r.Status != syncproto.StatusRefused || r.Code != syncproto.CodeInvalid || r.Reason == "" || r.ReasonEN == "" {
						t.Errorf("%s.%s %s (%s): %+v, want refused invalid with reasons", k.Name, f.Name, what, e.name, r)
					}
					if state(t, s) != before {
						t.Errorf("%s.%s %s (%s): the refused change changed the server", k.Name, f.Name, what, e.name)
					}
				}
			}
			if f.Required {
				without := cloneRaw(base)
				delete(without, f.Name)
				b, _ := json.Marshal(without)
				before := state(t, s)
				r := p.push(k.Name, "new-"+k.Name, "upsert", string(b))
				cases++
				if r.Status != syncproto.StatusRefused || r.Code != syncproto.CodeInvalid {
					t.Errorf("%s without %s: %+v, want refused invalid", k.Name, f.Name, r)
				}
				if state(t, s) != before {
					t.Errorf("%s without %s: the refused change changed the server", k.Name, f.Name)
				}
			}
		}
	}
	t.Logf("%d refusals checked over %d kinds", cases, len(kinds.All()))
}

// The rules a server can check across records: a score sheet's organization belongs to
// its commune, a unit's parent is in its commune or above it, a visit's meeting exists.
func TestCrossRecordRules(t *testing.T) {
	s, p := seedExamples(t)
	office := &pusher{t: t, s: s, a: actor(t, s, "vp.c1", "commune_office", "", "c1", "dev-office"), at: time.Now()}
	for _, tc := range []struct {
		name     string
		p        *pusher
		kind, id string
		fields   string
	}{
		{"a score sheet of another commune's organization", office, kinds.ScoreSheet, "s-u2", `{"unitId":"u2","communeId":"c1","month":"2026-02","self":"{}"}`},
		{"a cell whose parent is a cell of another commune", p, kinds.Unit, "u3", `{"parentId":"u2","kind":"subordinate_cell","name":"Chi bộ 3","communeId":"c1","members":3,"status":"active"}`},
		{"a visit to a meeting the server does not hold", p, kinds.Visit, "v9", `{"scheduleId":"m-none","cellId":"u1","communeId":"c1","officialId":"o1","status":"planned","restricted":1}`},
		{"a meeting of another commune's cell", office, kinds.Schedule, "m9", `{"cellId":"u2","communeId":"c1","month":"2026-01","date":"2026-01-08","startTime":"07:30","place":"Nhà văn hóa","kind":"regular","status":"draft"}`},
	} {
		before := state(t, s)
		r := tc.p.push(tc.kind, tc.id, "upsert", tc.fields)
		if r.Status != syncproto.StatusRefused || r.Code != syncproto.CodeInvalid {
			t.Errorf("%s: %+v, want refused invalid", tc.name, r)
		}
		if state(t, s) != before {
			t.Errorf("%s: the refused change changed the server", tc.name)
		}
	}
	// The rightful commune's sheet for u2 is not blocked by anything c1 tried.
	other := &pusher{t: t, s: s, a: actor(t, s, "vp.c2", "commune_office", "", "c2", "dev-office2"), at: time.Now()}
	if r := other.push(kinds.ScoreSheet, "s-u2", "upsert", `{"unitId":"u2","communeId":"c2","month":"2026-02","self":"{}"}`); r.Status != syncproto.StatusAcked {
		t.Errorf("the rightful commune's sheet: %+v", r)
	}
}

// Values no client could decode, or that would not be the same text everywhere, never get
// in: each change is refused with a reason (the request itself is answered 200).
func TestBadValuesAreRefused(t *testing.T) {
	s, p := seedExamples(t)
	for _, tc := range []struct{ name, fields string }{
		{"a number past float64 in an unknown field", `{"future":1e309}`},
		{"a number past float64 deep in an unknown field", `{"future":{"a":[1,-1e400]}}`},
		{"NUL in a known text field", `{"note":"a\u0000b"}`},
		{"NUL in an unknown field", `{"future":"a\u0000b"}`},
		{"fields null", `null`},
		{"fields an array", `[1]`},
		{"restricted null", `{"restricted":null}`},
		{"a known field null", `{"name":null}`},
	} {
		before := state(t, s)
		r := p.push(kinds.Unit, "u1", "upsert", tc.fields)
		if r.Status != syncproto.StatusRefused || r.Code != syncproto.CodeInvalid {
			t.Errorf("%s: %+v, want refused invalid", tc.name, r)
		}
		if state(t, s) != before {
			t.Errorf("%s: changed the server", tc.name)
		}
	}
	// Invalid UTF-8 is checked on the raw bytes, before a decoder replaces it.
	p.seq++
	c := syncproto.Change{Seq: p.seq, ChangeID: "dev-board-utf8", Kind: kinds.Unit, RecordID: "u1", Op: "upsert",
		Fields: json.RawMessage("{\"note\":\"a\xff\xfeb\"}"), HLC: stamp(p.a, time.Now())}
	if r := pushOne(t, s, p.a, c); r.Status != syncproto.StatusRefused || r.Code != syncproto.CodeInvalid {
		t.Errorf("invalid UTF-8: %+v, want refused invalid", r)
	}
	for _, clock := range []string{"-00000000000001:00000000:dev-board", "000000000000001:-0000001:dev-board", "00000000000000a:00000000:dev-board",
		"000000000000001:0000000G:dev-board", "000000000000001:00000000:", "0000000000000001:00000000:dev-board"} {
		p.seq++
		c := syncproto.Change{Seq: p.seq, ChangeID: fmt.Sprintf("dev-board-clock-%d", p.seq), Kind: kinds.Unit, RecordID: "u1", Op: "upsert",
			Fields: json.RawMessage(`{"note":"x"}`), HLC: clock}
		if r := pushOne(t, s, p.a, c); r.Status != syncproto.StatusRefused {
			t.Errorf("clock %q: %+v, want refused", clock, r)
		}
	}
	// NFD text is stored as NFC.
	nfd := "Chi bo\u0323\u0302 Pho\u0302\u0301 1" // "Chi bộ Phố 1" as base letters and combining marks
	if r := p.push(kinds.Unit, "u1", "upsert", fmt.Sprintf(`{"note":%q}`, nfd)); r.Status != syncproto.StatusAcked {
		t.Fatalf("NFD note: %+v", r)
	}
	if got := storedNote(t, s, "u1"); got != "Chi bộ Phố 1" {
		t.Errorf("note stored as %q (% x), want NFC", got, got)
	}
}
