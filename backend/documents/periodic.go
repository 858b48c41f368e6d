package documents

import (
	"fmt"
	"strings"

	"chibo/backend/domain"
)

// PeriodicPaper is the committee's periodic report (báo cáo tháng, quý, năm) with the
// figures of the leadership's overview.
type PeriodicPaper struct {
	Header     Header
	Symbol     string // the committee's symbol: HU, ĐU, TU (the number is left for the office)
	Date       string // yyyy-mm-dd
	Overview   domain.Overview
	Recipients []string
}

// sourceNames are the tracker's sources as a report names them.
var sourceNames = map[domain.MatterSource]string{
	domain.SourceUrgent:      "Việc cấp bách, bức xúc đăng ký trong năm",
	domain.SourceDialogue:    "Ý kiến, kiến nghị của nhân dân qua đối thoại, tiếp công dân",
	domain.SourceBriefing:    "Nội dung chỉ đạo tại giao ban cụm xã",
	domain.SourceConcern:     "Kiến nghị của đảng viên qua dự sinh hoạt chi bộ",
	domain.SourceRemediation: "Thiếu sót phải khắc phục theo thông báo kết luận",
}

var gradeNames = map[domain.Grade]string{domain.GradeGood: "Tốt", domain.GradeFair: "Khá", domain.GradeAverage: "Trung bình", domain.GradePoor: "Kém"}

// PeriodicDoc lays out the periodic report in the party format: the heading, BÁO CÁO and
// its subject, the results section by section with the overview's figures, the tasks the
// figures call for, and the signature. The office edits the DOCX before it signs.
func PeriodicDoc(pp PeriodicPaper) Doc {
	ov := pp.Overview
	number := ""
	if pp.Symbol != "" {
		number = "       -BC/" + pp.Symbol
	}
	body := func(text string) Block { return Para{Runs: []Run{r(text)}, Align: Justify, Indent: true, After: 3} }
	heading := func(text string) Block { return Para{Runs: []Run{b(text)}, Indent: true, After: 3} }
	doc := Doc{Title: "Báo cáo " + ov.Label}
	doc.Blocks = []Block{
		partyHeader(pp.Header, number, pp.Date),
		Para{Runs: []Run{{Text: "BÁO CÁO", Bold: true, Size: 16}}, Align: Center},
		Para{Runs: []Run{b("Kết quả công tác dự sinh hoạt chi bộ, chấm điểm tổ chức cơ sở đảng và theo dõi giải quyết các việc " + ov.Label)}, Align: Center, After: 3},
		Para{Runs: []Run{r("-----")}, Align: Center, After: 9},
	}
	if ov.YearTheme != "" {
		doc.Blocks = append(doc.Blocks, body(fmt.Sprintf("Thực hiện chủ đề năm %d “%s”, %s báo cáo kết quả %s như sau:", ov.Period.Year, ov.YearTheme, pp.Header.IssuerName, ov.Label)))
	} else {
		doc.Blocks = append(doc.Blocks, body(fmt.Sprintf("%s báo cáo kết quả %s như sau:", pp.Header.IssuerName, ov.Label)))
	}
	doc.Blocks = append(doc.Blocks, heading("I. KẾT QUẢ THỰC HIỆN"), heading("1. Đăng ký lịch sinh hoạt chi bộ"),
		body(fmt.Sprintf("Các đảng bộ, chi bộ đã đăng ký %d/%d lượt lịch sinh hoạt của %d chi bộ (đạt %d%%).", ov.Scheduled, ov.Expected, ov.Cells, ov.CoveragePercent())),
		heading("2. Dự sinh hoạt chi bộ"),
		body(fmt.Sprintf("Các đồng chí được phân công đã lựa chọn dự %d lượt sinh hoạt chi bộ; đã dự %d lượt, có báo cáo kết quả %d lượt.", ov.Visits.Planned, ov.Visits.Attended, ov.Visits.Reported)))
	for _, c := range ov.Communes {
		if c.Planned > 0 {
			doc.Blocks = append(doc.Blocks, body(fmt.Sprintf("- %s: dự %d lượt, báo cáo %d lượt.", c.Name, c.Attended, c.Reported)))
		}
	}
	var q []string
	for _, g := range domain.QualityGrades {
		q = append(q, fmt.Sprintf("%s %d", strings.ToLower(g), ov.Quality[g]))
	}
	doc.Blocks = append(doc.Blocks, body("Chất lượng các buổi sinh hoạt được dự: "+strings.Join(q, ", ")+"."))

	doc.Blocks = append(doc.Blocks, heading(fmt.Sprintf("3. Chấm điểm tổ chức cơ sở đảng tháng %s", monthLabel(ov.ScoringMonth))))
	var g []string
	for _, x := range domain.Grades {
		g = append(g, fmt.Sprintf("%s %d", strings.ToLower(gradeNames[x]), ov.Grades[x]))
	}
	doc.Blocks = append(doc.Blocks, body(fmt.Sprintf("Kết quả đã duyệt: %s; còn %d tổ chức chưa gửi phiếu chấm điểm.", strings.Join(g, ", "), ov.NotSubmitted)))
	if len(ov.Ranked) > 0 {
		top := ov.Ranked[:min(3, len(ov.Ranked))]
		var names []string
		for _, r := range top {
			names = append(names, fmt.Sprintf("%s (%s điểm)", r.UnitName, points(r.Total)))
		}
		doc.Blocks = append(doc.Blocks, body("Dẫn đầu: "+strings.Join(names, "; ")+"."))
	}

	doc.Blocks = append(doc.Blocks, heading(fmt.Sprintf("4. Theo dõi giải quyết các việc năm %d", ov.Period.Year)))
	for _, m := range ov.Matters {
		if m.Total == 0 || m.Source == domain.SourceRemediation { // remediation has its own line below
			continue
		}
		doc.Blocks = append(doc.Blocks, body(fmt.Sprintf("- %s: %d việc; đã giải quyết %d, giải quyết một phần %d, chưa giải quyết được %d, đang thực hiện %d (quá hạn %d).",
			sourceNames[m.Source], m.Total, m.Resolved, m.Partly, m.NotDone, m.Open, m.Overdue)))
	}
	rm := ov.Remediation
	doc.Blocks = append(doc.Blocks, body(fmt.Sprintf("Khắc phục thiếu sót theo thông báo kết luận: %d nội dung; đã báo cáo khắc phục %d, đã kiểm tra xác nhận %d, quá hạn %d.",
		rm.Items, rm.Reported, rm.Remedied, rm.Overdue)))

	dc := ov.Dialogues
	doc.Blocks = append(doc.Blocks, heading(fmt.Sprintf("5. Đối thoại với nhân dân, tiếp công dân năm %d", ov.Period.Year)),
		body(fmt.Sprintf("%d/%d xã, phường đã tổ chức đối thoại trực tiếp với nhân dân (%d cuộc) và %d buổi tiếp công dân; tiếp nhận %d ý kiến, kiến nghị, đã trả lời, giải quyết %d.",
			dc.Held, dc.Communes, dc.Dialogues, dc.Receptions, dc.Issues, dc.Answered)))
	if dc.ShortOfReceptions > 0 {
		doc.Blocks = append(doc.Blocks, body(fmt.Sprintf("Còn %d xã, phường chưa bảo đảm người đứng đầu tiếp công dân ít nhất 02 ngày trong tháng.", dc.ShortOfReceptions)))
	}

	doc.Blocks = append(doc.Blocks, heading("II. NHIỆM VỤ THỜI GIAN TỚI"))
	var tasks []string
	if ov.Scheduled < ov.Expected {
		tasks = append(tasks, fmt.Sprintf("Đôn đốc các đảng bộ, chi bộ đăng ký đầy đủ lịch sinh hoạt (còn thiếu %d lượt).", ov.Expected-ov.Scheduled))
	}
	if ov.Visits.Attended > ov.Visits.Reported {
		tasks = append(tasks, fmt.Sprintf("Các đồng chí đã dự hoàn thành %d báo cáo kết quả dự sinh hoạt còn thiếu.", ov.Visits.Attended-ov.Visits.Reported))
	}
	if ov.NotSubmitted > 0 {
		tasks = append(tasks, fmt.Sprintf("Nhắc %d tổ chức cơ sở đảng gửi phiếu chấm điểm tháng %s.", ov.NotSubmitted, monthLabel(ov.ScoringMonth)))
	}
	overdue := rm.Overdue
	for _, m := range ov.Matters {
		if m.Source != domain.SourceRemediation {
			overdue += m.Overdue
		}
	}
	if overdue > 0 {
		tasks = append(tasks, fmt.Sprintf("Tập trung chỉ đạo giải quyết dứt điểm %d việc đã quá hạn.", overdue))
	}
	tasks = append(tasks, "Tiếp tục thực hiện nghiêm túc việc dự sinh hoạt chi bộ, nâng cao chất lượng sinh hoạt chi bộ.")
	for k, x := range tasks {
		doc.Blocks = append(doc.Blocks, body(fmt.Sprintf("%d. %s", k+1, x)))
	}
	recipients := pp.Recipients
	if len(recipients) == 0 {
		recipients = []string{"Cấp ủy cấp trên (để báo cáo),", "Lưu."}
	}
	doc.Blocks = append(doc.Blocks, Para{After: 6}, signature(recipients, pp.Header.SignerCapacity, pp.Header.SignerTitle, pp.Header.SignerName))
	return doc
}

// monthLabel writes yyyy-mm as mm/yyyy.
func monthLabel(m string) string {
	if len(m) != 7 {
		return m
	}
	return m[5:] + "/" + m[:4]
}

// points writes a total with one decimal at most, with a decimal comma.
func points(x *float64) string {
	if x == nil {
		return "–"
	}
	s := strings.TrimSuffix(fmt.Sprintf("%.1f", *x), ".0")
	return strings.Replace(s, ".", ",", 1)
}
