package domain

import (
	"strings"
	"testing"
)

func validSchedule() Schedule {
	return Schedule{CellID: "c1", Month: "2018-06", Date: "2018-06-05", StartTime: "07:30", Place: "Nhà văn hóa xóm 1", Kind: MeetingRegular, Status: ScheduleDraft}
}

func TestScheduleValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Schedule)
		field  string // "" when valid
	}{
		{"valid", func(s *Schedule) {}, ""},
		{"thematic", func(s *Schedule) { s.Kind = MeetingThematic }, ""},
		{"no cell", func(s *Schedule) { s.CellID = "" }, "cellId"},
		{"bad month", func(s *Schedule) { s.Month = "2018-13" }, "month"},
		{"no date", func(s *Schedule) { s.Date = "" }, "date"},
		{"date not a date", func(s *Schedule) { s.Date = "2018-06-31" }, "date"},
		{"date in the next month", func(s *Schedule) { s.Date = "2018-07-01" }, "date"},
		{"date in the same month of another year", func(s *Schedule) { s.Date = "2017-06-05" }, "date"},
		{"no start time", func(s *Schedule) { s.StartTime = "" }, "startTime"},
		{"bad start time", func(s *Schedule) { s.StartTime = "25:00" }, "startTime"},
		{"start time without minutes", func(s *Schedule) { s.StartTime = "7h" }, "startTime"},
		{"no place", func(s *Schedule) { s.Place = "   " }, "place"},
		{"unknown kind", func(s *Schedule) { s.Kind = "other" }, "kind"},
		{"unknown status", func(s *Schedule) { s.Status = "sent" }, "status"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := validSchedule()
			tc.change(&s)
			s.Normalize()
			err := s.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Code != EInvalid || e.Field != tc.field {
				t.Fatalf("got %#v, want invalid %s", err, tc.field)
			}
			if e.Message == "" || e.MessageEN == "" {
				t.Fatalf("messages missing: %#v", e)
			}
		})
	}
}

func TestScheduleDateMessageIsVietnamese(t *testing.T) {
	s := validSchedule()
	s.Date = "2018-07-02"
	got := s.Validate().Error()
	want := "Ngày sinh hoạt 02/07/2018 không thuộc tháng 06/2018."
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestScheduleNormalize(t *testing.T) {
	s := Schedule{CellID: "c", Date: "2018-06-05", StartTime: "7:30", Place: "  Nhà   văn hóa "}
	s.Normalize()
	if s.Month != "2018-06" || s.StartTime != "07:30" || s.Place != "Nhà văn hóa" || s.Kind != MeetingRegular || s.Status != ScheduleDraft {
		t.Fatalf("got %+v", s)
	}
}

func TestChangedForAttendees(t *testing.T) {
	pub := validSchedule()
	pub.Status = SchedulePublished
	tests := []struct {
		name   string
		old    Schedule
		change func(*Schedule)
		want   bool
	}{
		{"draft edits are not news", validSchedule(), func(s *Schedule) { s.Date = "2018-06-06" }, false},
		{"published: new date", pub, func(s *Schedule) { s.Date = "2018-06-06" }, true},
		{"published: new time", pub, func(s *Schedule) { s.StartTime = "14:00" }, true},
		{"published: new place", pub, func(s *Schedule) { s.Place = "Trụ sở" }, true},
		{"published: cancelled", pub, func(s *Schedule) { s.Status = ScheduleCancelled }, true},
		{"published: note only", pub, func(s *Schedule) { s.Note = "x" }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.old
			tc.change(&s)
			if got := s.ChangedForAttendees(tc.old); got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestLetterNumber(t *testing.T) {
	tests := []struct {
		seq    int
		symbol string
		want   string
	}{
		{0, "", ""},
		{1, "", "01-GGT/HU"},
		{15, "GGT/HU", "15-GGT/HU"},
		{123, "GGT/ĐU", "123-GGT/ĐU"},
	}
	for _, tc := range tests {
		v := Visit{LetterSeq: tc.seq, LetterSymbol: tc.symbol}
		if got := v.LetterNumber(); got != tc.want {
			t.Errorf("seq %d: got %q, want %q", tc.seq, got, tc.want)
		}
	}
}

func TestCanPlan(t *testing.T) {
	for _, tc := range []struct {
		status ScheduleStatus
		ok     bool
	}{{SchedulePublished, true}, {ScheduleDraft, false}, {ScheduleCancelled, false}} {
		err := CanPlan(Schedule{Status: tc.status})
		if (err == nil) != tc.ok {
			t.Errorf("%s: got %v", tc.status, err)
		}
	}
}

func TestMayAttend(t *testing.T) {
	tests := []struct {
		name string
		o    Official
		ok   bool
	}{
		{"standing board anywhere", Official{Role: RoleStandingBoard, Active: true}, true},
		{"org board anywhere", Official{Role: RoleOrgBoard, Active: true}, true},
		{"standing committee in his area", Official{Role: RoleStandingCommittee, AreaID: "a1", Active: true}, true},
		{"standing committee elsewhere", Official{Role: RoleStandingCommittee, AreaID: "a2", Active: true}, false},
		{"district committee in his commune", Official{Role: RoleDistrictCommittee, CommuneID: "x1", Active: true}, true},
		{"cadre in another commune", Official{Role: RoleDistrictCadre, CommuneID: "x2", Active: true}, false},
		{"cadre in his commune", Official{Role: RoleDistrictCadre, CommuneID: "x1", Active: true}, true},
		{"commune office never", Official{Role: RoleCommuneOffice, CommuneID: "x1", Active: true}, false},
		{"inactive official", Official{Role: RoleStandingBoard}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := MayAttend(tc.o, "x1", "a1"); (err == nil) != tc.ok {
				t.Fatalf("got %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

func TestLocalDate(t *testing.T) {
	for ts, want := range map[string]string{
		"2027-01-06T23:30:00Z":      "2027-01-07", // 06:30 in Vietnam
		"2027-01-07T16:59:59.5Z":    "2027-01-07",
		"2027-01-07T17:00:00Z":      "2027-01-08",
		"2027-01-07T06:30:00+07:00": "2027-01-07",
		"2027-01-07":                "2027-01-07",
	} {
		if got := LocalDate(ts); got != want {
			t.Errorf("LocalDate(%q) = %q, want %q", ts, got, want)
		}
	}
}

func TestUnitPlacement(t *testing.T) {
	committee := Unit{Kind: KindGrassrootsCommittee, Name: "Đảng bộ xã Kim Đông", Status: StatusActive}
	closed := Unit{Kind: KindGrassrootsCommittee, Name: "Đảng bộ cũ", Status: StatusClosed}
	cell := Unit{Kind: KindSubordinateCell, Name: "Chi bộ Xóm 1", Status: StatusActive}
	if err := cell.CheckParent(&committee); err != nil {
		t.Errorf("a cell under a committee: %v", err)
	}
	if err := cell.CheckParent(&closed); err == nil {
		t.Errorf("an active cell under a closed committee was accepted")
	}
	if err := cell.CheckParent(nil); err == nil || !strings.Contains(err.(*Error).MessageEN, "top level") {
		t.Errorf("a subordinate cell at the top level: %v", err)
	}
	if err := committee.CheckKindChange(Unit{Kind: KindGrassrootsCell}, 3); err == nil {
		t.Errorf("a kind change with children was accepted")
	}
	if err := (&Unit{Status: StatusClosed}).CheckNew(); err == nil {
		t.Errorf("a new closed unit was accepted")
	}
}
