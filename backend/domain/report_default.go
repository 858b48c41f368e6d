package domain

// DefaultTemplateID is the id of the built-in template's first version. It is fixed so
// that every device that ships it agrees on it without a sync.
const DefaultTemplateID = "00000000-0000-7000-8000-00000000b001"

// The standard order of a regular meeting (Guidance 12-HD/BTCTW, 2018), as checklists.
var (
	procedureOpening = []string{"Giới thiệu đại biểu", "Báo cáo số đảng viên có mặt", "Thông qua chương trình sinh hoạt", "Cử thư ký"}
	procedureMain    = []string{
		"Đánh giá kết quả thực hiện nghị quyết tháng trước", "Phân tích nguyên nhân", "Đề ra nhiệm vụ tháng tới",
		"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05)", "Thảo luận",
	}
	procedureClosing = []string{"Chủ trì kết luận", "Biểu quyết thông qua nghị quyết", "Tự chấm điểm buổi sinh hoạt", "Thông qua biên bản"}
)

// DefaultReportTemplate is version 1 of the visit report, the default of DOMAIN.md ("The
// visit report"). No official template is public, so a district edits it as data.
func DefaultReportTemplate() ReportTemplate {
	sec := func(label string) TemplateField { return TemplateField{Key: "", Label: label, Type: FieldSection} }
	f := func(key, label string, t FieldType, req bool) TemplateField {
		return TemplateField{Key: key, Label: label, Type: t, Required: req}
	}
	fields := []TemplateField{
		sec("I. Thông tin chung"),
		{Key: "cellName", Label: "Chi bộ", Type: FieldText, Required: true, Prefill: "cellName"},
		{Key: "parentName", Label: "Đảng bộ cấp trên", Type: FieldText, Prefill: "parentName"},
		{Key: "meetingDate", Label: "Ngày sinh hoạt", Type: FieldDate, Required: true, Prefill: "date"},
		{Key: "startTime", Label: "Giờ bắt đầu", Type: FieldTime, Required: true, Prefill: "startTime"},
		f("endTime", "Giờ kết thúc", FieldTime, true),
		{Key: "place", Label: "Địa điểm", Type: FieldText, Required: true, Prefill: "place"},
		{Key: "meetingKind", Label: "Loại sinh hoạt", Type: FieldChoice, Required: true, Options: []string{"Thường kỳ", "Chuyên đề"}, Prefill: "kind"},
		{Key: "officialName", Label: "Cán bộ dự sinh hoạt", Type: FieldText, Required: true, Prefill: "officialName"},
		{Key: "letterNumber", Label: "Số giấy giới thiệu", Type: FieldText, Prefill: "letterNumber"},
		f("unannounced", "Dự không báo trước", FieldYesNo, true),
		sec("II. Đảng viên"),
		f("membersTotal", "Tổng số đảng viên", FieldNumber, true),
		f("membersFull", "Đảng viên chính thức", FieldNumber, true),
		f("membersProbationary", "Đảng viên dự bị", FieldNumber, true),
		f("membersExempted", "Đảng viên miễn sinh hoạt", FieldNumber, true),
		f("present", "Có mặt", FieldNumber, true),
		f("absentExcused", "Vắng có lý do", FieldNumber, true),
		f("absentExcusedNames", "Họ tên đảng viên vắng có lý do", FieldTextarea, false),
		f("absentUnexcused", "Vắng không có lý do", FieldNumber, true),
		f("absentUnexcusedNames", "Họ tên đảng viên vắng không có lý do", FieldTextarea, false),
		f("chair", "Chủ trì", FieldText, true),
		f("secretary", "Thư ký", FieldText, true),
		sec("III. Trình tự sinh hoạt"),
		{Key: "procedureOpening", Label: "Phần mở đầu", Type: FieldChecklist, Options: procedureOpening},
		{Key: "procedureMain", Label: "Phần nội dung", Type: FieldChecklist, Options: procedureMain},
		{Key: "procedureClosing", Label: "Phần kết thúc", Type: FieldChecklist, Options: procedureClosing},
		f("contentNotes", "Nội dung sinh hoạt", FieldTextarea, false),
		sec("IV. Nhận xét, đánh giá"),
		{Key: "quality", Label: "Chất lượng buổi sinh hoạt", Type: FieldChoice, Required: true, Options: []string{"Tốt", "Khá", "Trung bình", "Kém"}, Release: ReleaseAssessment},
		{Key: "strengths", Label: "Ưu điểm", Type: FieldTextarea, Release: ReleaseAssessment},
		{Key: "weaknesses", Label: "Hạn chế", Type: FieldTextarea, Release: ReleaseAssessment},
		{Key: "feedback", Label: "Ý kiến góp ý tại buổi sinh hoạt", Type: FieldTextarea, Required: true, Release: ReleaseFeedback},
		f("concerns", "Kiến nghị của đảng viên cần chuyển cấp có thẩm quyền", FieldTextarea, false),
		f("recommendations", "Đề xuất", FieldTextarea, false),
		f("signer", "Người báo cáo", FieldText, true),
	}
	// Section headings hold no value but need a unique key too.
	n := 0
	for i := range fields {
		if fields[i].Type == FieldSection {
			n++
			fields[i].Key = "section" + string(rune('0'+n))
		}
	}
	return ReportTemplate{
		ID:      DefaultTemplateID,
		Name:    "Báo cáo kết quả dự sinh hoạt chi bộ",
		Version: 1,
		Fields:  fields,
		Checks: []TemplateCheck{
			{Sum: []string{"membersFull", "membersProbationary"}, Equals: "membersTotal"},
			{Sum: []string{"present", "absentExcused", "absentUnexcused", "membersExempted"}, Equals: "membersTotal"},
		},
		CreatedAt: "2018-01-01T00:00:00Z",
	}
}
