package documents

import (
	"strings"
	"testing"

	"chibo/backend/domain"
)

// The periodic report prints the overview's figures in the party format, in DOCX and PDF,
// and asks for what the figures leave undone.
func TestPeriodicDocument(t *testing.T) {
	total := 91.0
	ov := domain.Overview{Period: domain.Period{Kind: domain.PeriodQuarter, Year: 2018, N: 2}, Label: "quý II năm 2018",
		Cells: 100, Scheduled: 290, Expected: 300, ScoringMonth: "2018-06",
		Visits:   domain.OverviewRow{Planned: 40, Attended: 38, Reported: 35},
		Communes: []domain.OverviewRow{{Name: "Đồng Hướng", Planned: 4, Attended: 4, Reported: 3}, {Name: "Kim Chính"}},
		Quality:  map[string]int{"Tốt": 20, "Khá": 10, "Trung bình": 4, "Kém": 1},
		Grades:   map[domain.Grade]int{domain.GradeGood: 50, domain.GradeFair: 20}, NotSubmitted: 6,
		Ranked:      []domain.MonthRow{{Rank: 1, UnitName: "Đảng bộ xã Kim Chính", Total: &total}},
		Matters:     []domain.MatterCounts{{Source: domain.SourceUrgent, Total: 127, Resolved: 60, Open: 67, Overdue: 5}, {Source: domain.SourceBriefing}},
		Remediation: domain.RemediationCounts{Items: 12, Reported: 8, Remedied: 6, Overdue: 2},
		Dialogues:   domain.DialogueCounts{Communes: 27, Held: 22, Dialogues: 25, Receptions: 100, Issues: 300, Answered: 280, ShortOfReceptions: 3},
		YearTheme:   "Trách nhiệm thực thi công vụ, lời nói thống nhất với kết quả công việc"}
	pp := PeriodicPaper{Header: KimSonHeader(), Symbol: "HU", Date: "2018-07-05", Overview: ov}
	b, err := Render(PeriodicDoc(pp), FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := docxParagraphs(t, b)
	want := []string{"BÁO CÁO", "Số        -BC/HU",
		"Kết quả công tác dự sinh hoạt chi bộ, chấm điểm tổ chức cơ sở đảng và theo dõi giải quyết các việc quý II năm 2018",
		"Thực hiện chủ đề năm 2018 “Trách nhiệm thực thi công vụ, lời nói thống nhất với kết quả công việc”, Huyện ủy Kim Sơn báo cáo kết quả quý II năm 2018 như sau:",
		"Các đảng bộ, chi bộ đã đăng ký 290/300 lượt lịch sinh hoạt của 100 chi bộ (đạt 97%).",
		"Các đồng chí được phân công đã lựa chọn dự 40 lượt sinh hoạt chi bộ; đã dự 38 lượt, có báo cáo kết quả 35 lượt.",
		"- Đồng Hướng: dự 4 lượt, báo cáo 3 lượt.",
		"Chất lượng các buổi sinh hoạt được dự: tốt 20, khá 10, trung bình 4, kém 1.",
		"Kết quả đã duyệt: tốt 50, khá 20, trung bình 0, kém 0; còn 6 tổ chức chưa gửi phiếu chấm điểm.",
		"Dẫn đầu: Đảng bộ xã Kim Chính (91 điểm).",
		"- Việc cấp bách, bức xúc đăng ký trong năm: 127 việc; đã giải quyết 60, giải quyết một phần 0, chưa giải quyết được 0, đang thực hiện 67 (quá hạn 5).",
		"Khắc phục thiếu sót theo thông báo kết luận: 12 nội dung; đã báo cáo khắc phục 8, đã kiểm tra xác nhận 6, quá hạn 2.",
		"22/27 xã, phường đã tổ chức đối thoại trực tiếp với nhân dân (25 cuộc) và 100 buổi tiếp công dân; tiếp nhận 300 ý kiến, kiến nghị, đã trả lời, giải quyết 280.",
		"Còn 3 xã, phường chưa bảo đảm người đứng đầu tiếp công dân ít nhất 02 ngày trong tháng.",
		"1. Đôn đốc các đảng bộ, chi bộ đăng ký đầy đủ lịch sinh hoạt (còn thiếu 10 lượt).",
		"2. Các đồng chí đã dự hoàn thành 3 báo cáo kết quả dự sinh hoạt còn thiếu.",
		"3. Nhắc 6 tổ chức cơ sở đảng gửi phiếu chấm điểm tháng 06/2018.",
		"4. Tập trung chỉ đạo giải quyết dứt điểm 7 việc đã quá hạn.",
		"T/M BAN THƯỜNG VỤ"}
	contains(t, "periodic docx", lines, want...)
	for _, l := range lines {
		if l == "- Kim Chính: dự 0 lượt, báo cáo 0 lượt." || l == "- Nội dung chỉ đạo tại giao ban cụm xã: 0 việc; đã giải quyết 0, giải quyết một phần 0, chưa giải quyết được 0, đang thực hiện 0 (quá hạn 0)." {
			t.Errorf("an empty line printed: %q", l)
		}
	}
	pdf, err := Render(PeriodicDoc(pp), FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "periodic pdf", pdfText(t, pdf), "BÁO CÁO", "T/M BAN THƯỜNG VỤ")
}

// The office's own words and margins: what the letter is for, how long it is valid, the
// page's margins — all from the committee's profile.
func TestTheOfficesWordsAndMargins(t *testing.T) {
	l := sampleLetter()
	l.Purpose, l.ValidDays = "Dự sinh hoạt chuyên đề tháng {thang} về công tác cán bộ.", 10
	d := LetterDoc(l)
	d.Margins = MarginsOf(domain.CommitteeProfile{MarginTop: 25, MarginLeft: 35})
	b, err := DOCX(d)
	if err != nil {
		t.Fatal(err)
	}
	lines, doc := docxParagraphs(t, b)
	contains(t, "letter", lines, "Về việc: Dự sinh hoạt chuyên đề tháng 06/2018 về công tác cán bộ.", "Giấy giới thiệu có giá trị đến hết ngày 11/06/2018.")
	for _, w := range []string{`w:top="1417"`, `w:left="1984"`, `w:bottom="1134"`, `w:right="850"`} {
		if !strings.Contains(doc, w) {
			t.Errorf("the page's margins lack %s", w)
		}
	}
	if _, err := PDF(d); err != nil {
		t.Fatal(err)
	}
}
