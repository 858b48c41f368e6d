package domain

import (
	"encoding/json"
	"strings"
	"testing"
)

// completeReport is a report of the default template that passes every rule.
func completeReport() map[string]any {
	return map[string]any{
		"cellName": "Chi bộ Xóm 1", "meetingDate": "2018-06-05", "startTime": "07:30", "endTime": "10:00",
		"place": "Nhà văn hóa", "meetingKind": "Thường kỳ", "officialName": "Trần Văn An", "unannounced": true,
		"membersTotal": float64(20), "membersFull": float64(18), "membersProbationary": float64(2),
		"membersExempted": float64(1), "present": float64(16), "absentExcused": float64(2), "absentUnexcused": float64(1),
		"chair": "Nguyễn Văn Bình", "secretary": "Lê Thị Hoa", "quality": "Khá",
		"procedureOpening": []any{"Cử thư ký"},
		"feedback":         "Cần chuẩn bị nghị quyết kỹ hơn.", "signer": "Trần Văn An",
	}
}

func TestDefaultTemplateIsValid(t *testing.T) {
	tpl := DefaultReportTemplate()
	if err := tpl.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := ValidateReport(&tpl, completeReport()); err != nil {
		t.Fatalf("complete report refused: %v", err)
	}
}

func TestValidateReport(t *testing.T) {
	tpl := DefaultReportTemplate()
	tests := []struct {
		name   string
		change func(map[string]any)
		field  string
		msg    string // part of the Vietnamese message
	}{
		{"complete", func(v map[string]any) {}, "", ""},
		{"numbers as strings from a form", func(v map[string]any) { v["present"] = "16" }, "", ""},
		{"required text missing", func(v map[string]any) { delete(v, "chair") }, "chair", "Chưa điền mục bắt buộc “Chủ trì”"},
		{"required text blank", func(v map[string]any) { v["feedback"] = "  " }, "feedback", "Ý kiến góp ý"},
		{"required yes/no missing", func(v map[string]any) { delete(v, "unannounced") }, "unannounced", "Chưa chọn"},
		{"yes/no false is an answer", func(v map[string]any) { v["unannounced"] = false }, "", ""},
		{"attendance does not add up", func(v map[string]any) { v["present"] = float64(17) }, "membersTotal",
			"Có mặt + Vắng có lý do + Vắng không có lý do + Đảng viên miễn sinh hoạt = 21, nhưng Tổng số đảng viên = 20"},
		{"full + probationary != total", func(v map[string]any) { v["membersProbationary"] = float64(3) }, "membersTotal", "Đảng viên dự bị"},
		{"negative number", func(v map[string]any) { v["absentExcused"] = float64(-1); v["present"] = float64(19) }, "absentExcused", "không được là số âm"},
		{"fraction", func(v map[string]any) { v["present"] = 16.5 }, "present", "số nguyên"},
		{"bad time", func(v map[string]any) { v["endTime"] = "10h" }, "endTime", "không hợp lệ"},
		{"bad date", func(v map[string]any) { v["meetingDate"] = "05/06/2018" }, "meetingDate", "không hợp lệ"},
		{"choice not an option", func(v map[string]any) { v["quality"] = "Xuất sắc" }, "quality", "không có trong danh sách"},
		{"checklist item unknown", func(v map[string]any) { v["procedureMain"] = []any{"Hát"} }, "procedureMain", "không hợp lệ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := completeReport()
			tc.change(v)
			err := ValidateReport(&tpl, v)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Field != tc.field || !strings.Contains(e.Message, tc.msg) {
				t.Fatalf("got %#v, want field %s with %q", err, tc.field, tc.msg)
			}
		})
	}
}

func TestTemplateValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ReportTemplate)
		ok     bool
	}{
		{"default", func(t *ReportTemplate) {}, true},
		{"added field", func(t *ReportTemplate) {
			t.Fields = append(t.Fields, TemplateField{Key: "guests", Label: "Đại biểu dự", Type: FieldText})
		}, true},
		{"renamed field keeps key", func(t *ReportTemplate) { t.Fields[1].Label = "Tên chi bộ" }, true},
		{"no name", func(t *ReportTemplate) { t.Name = "" }, false},
		{"version 0", func(t *ReportTemplate) { t.Version = 0 }, false},
		{"duplicate key", func(t *ReportTemplate) { t.Fields[2].Key = t.Fields[1].Key }, false},
		{"key with diacritics", func(t *ReportTemplate) { t.Fields[1].Key = "chiBộ" }, false},
		{"no label", func(t *ReportTemplate) { t.Fields[1].Label = " " }, false},
		{"unknown type", func(t *ReportTemplate) { t.Fields[1].Type = "photo" }, false},
		{"choice without options", func(t *ReportTemplate) {
			t.Fields = append(t.Fields, TemplateField{Key: "x", Label: "X", Type: FieldChoice})
		}, false},
		{"check over a text field", func(t *ReportTemplate) { t.Checks[0].Equals = "chair" }, false},
		{"check over a missing field", func(t *ReportTemplate) { t.Checks[0].Sum = []string{"nope"} }, false},
		{"unknown release", func(t *ReportTemplate) { t.Fields[1].Release = "public" }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tpl := DefaultReportTemplate()
			tc.change(&tpl)
			if err := tpl.Validate(); (err == nil) != tc.ok {
				t.Fatalf("got %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

func TestTemplateRoundTripsAsJSON(t *testing.T) {
	tpl := DefaultReportTemplate()
	fj, _ := json.Marshal(tpl.Fields)
	cj, _ := json.Marshal(tpl.Checks)
	fs, cs, err := ParseTemplateFields(string(fj), string(cj))
	if err != nil || len(fs) != len(tpl.Fields) || len(cs) != 2 || fs[1].Key != "cellName" {
		t.Fatalf("got %d fields %d checks, %v", len(fs), len(cs), err)
	}
}

func TestReleased(t *testing.T) {
	tpl := DefaultReportTemplate()
	v := completeReport()
	v["strengths"] = "Đúng trình tự"
	if got, want := Released(&tpl, v, ReleaseFeedback), "Cần chuẩn bị nghị quyết kỹ hơn."; got != want {
		t.Errorf("feedback: got %q, want %q", got, want)
	}
	if got, want := Released(&tpl, v, ReleaseAssessment), "Chất lượng buổi sinh hoạt: Khá\nƯu điểm: Đúng trình tự"; got != want {
		t.Errorf("assessment: got %q, want %q", got, want)
	}
}

func TestDisplayValue(t *testing.T) {
	tpl := DefaultReportTemplate()
	tests := []struct {
		key  string
		v    any
		want string
	}{
		{"unannounced", true, "Có"},
		{"unannounced", false, "Không"},
		{"meetingDate", "2018-06-05", "05/06/2018"},
		{"present", float64(16), "16"},
		{"procedureOpening", []any{"Cử thư ký", "Thông qua chương trình sinh hoạt"}, "Cử thư ký; Thông qua chương trình sinh hoạt"},
		{"chair", nil, ""},
	}
	for _, tc := range tests {
		f, _ := tpl.Field(tc.key)
		if got := DisplayValue(f, tc.v); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.key, got, tc.want)
		}
	}
}

// An office's margins and letter validity: within the party format's ranges, or 0 for
// the usual ones.
func TestCommitteeProfileMargins(t *testing.T) {
	base := CommitteeProfile{ShortName: "Đảng ủy xã Phát Diệm", IssuingBody: "ĐẢNG ỦY XÃ PHÁT DIỆM", Symbol: "ĐU"}
	for _, c := range []struct {
		p     func(*CommitteeProfile)
		field string
	}{
		{func(p *CommitteeProfile) {}, ""},
		{func(p *CommitteeProfile) { p.MarginTop, p.MarginLeft, p.MarginRight = 25, 35, 20 }, ""},
		{func(p *CommitteeProfile) { p.MarginTop = 5 }, "marginTop"},
		{func(p *CommitteeProfile) { p.MarginLeft = 60 }, "marginLeft"},
		{func(p *CommitteeProfile) { p.LetterValidDays = 365 }, "letterValidDays"},
	} {
		p := base
		c.p(&p)
		err := p.Validate()
		if c.field == "" && err != nil || c.field != "" && (err == nil || err.(*Error).Field != c.field) {
			t.Errorf("%+v: %v, want field %q", p, err, c.field)
		}
	}
}
