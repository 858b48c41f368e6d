package documents

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chibo/backend/domain"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func sampleLetter() Letter {
	h := KimSonHeader()
	h.SignerName = "Nguyễn Đức Phương"
	return Letter{Header: h, Number: "15-GGT/HU", Date: "2018-06-01", OfficialName: "Trần Thị Lan",
		OfficialTitle: "Chuyên viên Ban Tổ chức Huyện ủy", CellName: "Chi bộ Xóm 1", ParentName: "Đảng bộ xã Đồng Hướng",
		MeetingDate: "2018-06-05"}
}

func sampleReport() ReportPaper {
	t := domain.DefaultReportTemplate()
	return ReportPaper{Header: KimSonHeader(), Template: t, Date: "2018-06-06", Report: domain.Report{
		TemplateVersion: 1, Revision: 1, Reason: "Bổ sung ý kiến góp ý",
		Values: map[string]any{
			"cellName": "Chi bộ Xóm 1", "parentName": "Đảng bộ xã Đồng Hướng", "meetingDate": "2018-06-05",
			"startTime": "07:30", "endTime": "10:00", "place": "Nhà văn hóa xóm 1", "meetingKind": "Thường kỳ",
			"officialName": "Trần Thị Lan", "letterNumber": "15-GGT/HU", "unannounced": true,
			"membersTotal": 20.0, "membersFull": 18.0, "membersProbationary": 2.0, "membersExempted": 1.0,
			"present": 16.0, "absentExcused": 2.0, "absentUnexcused": 1.0, "absentExcusedNames": "Đỗ Văn Long, Mai Thị Nga",
			"chair": "Nguyễn Văn Bình", "secretary": "Lê Thị Hoa",
			"procedureOpening": []any{"Giới thiệu đại biểu", "Cử thư ký"},
			"quality":          "Khá", "strengths": "Đúng trình tự; đảng viên phát biểu sôi nổi.",
			"feedback": "Cần bám sát nghị quyết tháng trước & chuẩn bị dự thảo <kỹ hơn>.", "signer": "Trần Thị Lan",
		}}}
}

// docxParagraphs unzips a DOCX, checks every part is well-formed XML, and returns the text
// of each paragraph of word/document.xml, with the XML itself.
func docxParagraphs(t *testing.T, b []byte) ([]string, string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
		if f.Name == "word/document.xml" {
			doc = string(data)
		}
	}
	if doc == "" {
		t.Fatal("no word/document.xml")
	}
	var paras []string
	var cur strings.Builder
	dec := xml.NewDecoder(strings.NewReader(doc))
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inText = x.Name.Local == "t"
			if x.Name.Local == "br" {
				cur.WriteString("\n")
			}
		case xml.EndElement:
			inText = false
			if x.Name.Local == "p" {
				if s := cur.String(); s != "" {
					paras = append(paras, s)
				}
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(x)
			}
		}
	}
	return paras, doc
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./backend/documents -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is intended, run with -update and review the diff", name)
	}
}

func contains(t *testing.T, what string, lines []string, want ...string) {
	t.Helper()
	all := strings.Join(lines, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

var letterLines = []string{
	"ĐẢNG BỘ TỈNH NINH BÌNH", "HUYỆN ỦY KIM SƠN", "Số 15-GGT/HU", "ĐẢNG CỘNG SẢN VIỆT NAM",
	"Kim Sơn, ngày 01 tháng 6 năm 2018", "GIẤY GIỚI THIỆU", "Ban Thường vụ Huyện ủy Kim Sơn trân trọng giới thiệu:",
	"Đồng chí: Trần Thị Lan", "Chức vụ: Chuyên viên Ban Tổ chức Huyện ủy", "Được cử đến: Chi bộ Xóm 1, Đảng bộ xã Đồng Hướng",
	"Về việc: Dự sinh hoạt chi bộ tháng 06/2018.", "Giấy giới thiệu có giá trị đến hết ngày 30/06/2018.",
	"Nơi nhận:", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Đức Phương",
}

var reportLines = []string{
	"HUYỆN ỦY KIM SƠN", "Kim Sơn, ngày 06 tháng 6 năm 2018", "BÁO CÁO", "Kết quả dự sinh hoạt chi bộ",
	"Chi bộ Xóm 1, Đảng bộ xã Đồng Hướng", "Bản đính chính lần 1. Lý do: Bổ sung ý kiến góp ý",
	"I. Thông tin chung", "Ngày sinh hoạt: 05/06/2018", "Dự không báo trước: Có", "Tổng số đảng viên: 20",
	"Vắng không có lý do: 1", "- Giới thiệu đại biểu: có", "- Thông qua chương trình sinh hoạt: không",
	"Chất lượng buổi sinh hoạt: Khá", "Ý kiến góp ý tại buổi sinh hoạt:",
	"Cần bám sát nghị quyết tháng trước & chuẩn bị dự thảo <kỹ hơn>.", "NGƯỜI BÁO CÁO", "Trần Thị Lan",
}

func TestDateLine(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"2017-12-26", "Kim Sơn, ngày 26 tháng 12 năm 2017"},
		{"2018-02-05", "Kim Sơn, ngày 05 tháng 02 năm 2018"},
		{"2018-06-01", "Kim Sơn, ngày 01 tháng 6 năm 2018"},
	} {
		if got := DateLine("Kim Sơn", tc.date); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.date, got, tc.want)
		}
	}
}

func TestLetterDOCX(t *testing.T) {
	b, err := LetterDOCX(sampleLetter())
	if err != nil {
		t.Fatal(err)
	}
	paras, doc := docxParagraphs(t, b)
	contains(t, "letter DOCX", paras, letterLines...)
	// A4, the party margins, the title's rule as a bottom border (not an underline through
	// the dots of Ộ), page numbers in the footer from the second page.
	for _, w := range []string{`w:w="11906" w:h="16838"`, `w:left="1701"`, `<w:pBdr><w:bottom w:val="single"`, `<w:footerReference w:type="default"`, `<w:titlePg/>`} {
		if !strings.Contains(doc, w) {
			t.Errorf("document.xml lacks %s", w)
		}
	}
	if strings.Contains(doc, `<w:u `) {
		t.Error("the title is underlined")
	}
	golden(t, "letter.document.xml", []byte(doc))
	again, _ := LetterDOCX(sampleLetter())
	if !bytes.Equal(b, again) {
		t.Error("the same letter gave different bytes")
	}
}

func TestReportDOCX(t *testing.T) {
	b, err := ReportDOCX(sampleReport())
	if err != nil {
		t.Fatal(err)
	}
	paras, doc := docxParagraphs(t, b)
	contains(t, "report DOCX", paras, reportLines...)
	golden(t, "report.document.xml", []byte(doc))
}

// pdfText extracts a PDF's text with poppler's pdftotext and checks that its fonts are
// embedded with pdffonts.
func pdfText(t *testing.T, b []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; `make deps` installs it")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(string(fonts), "\n")[2:] {
		f := strings.Fields(l)
		if len(f) < 5 {
			continue
		}
		n++
		if !strings.Contains(strings.ToLower(f[0]), "liberationserif") || f[len(f)-5] != "yes" {
			t.Errorf("font not Liberation Serif, embedded: %s", l)
		}
	}
	if n == 0 {
		t.Error("no font in the PDF")
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestLetterPDF(t *testing.T) {
	b, err := LetterPDF(sampleLetter())
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := LetterPDF(sampleLetter()); !bytes.Equal(b, again) {
		t.Error("the same letter gave different PDF bytes")
	}
	lines := pdfText(t, b)
	contains(t, "letter PDF", lines, letterLines...)
	golden(t, "letter.pdf.txt", []byte(strings.Join(lines, "\n")+"\n"))
}

func TestReportPDF(t *testing.T) {
	b, err := ReportPDF(sampleReport())
	if err != nil {
		t.Fatal(err)
	}
	lines := pdfText(t, b)
	contains(t, "report PDF", lines, reportLines...)
	golden(t, "report.pdf.txt", []byte(strings.Join(lines, "\n")+"\n"))
}

func TestOverviewXLSX(t *testing.T) {
	rp := sampleReport()
	ov := domain.RoundOverview{Month: "2018-06",
		Communes:  []domain.OverviewRow{{Name: "Đồng Hướng", Cells: 17, Scheduled: 17, Planned: 2, Attended: 1, Reported: 1}},
		Officials: []domain.OverviewRow{{Name: "Trần Thị Lan", Planned: 2, Attended: 1, Reported: 1}},
		Total:     domain.OverviewRow{Name: "Tổng cộng", Cells: 17, Scheduled: 17, Planned: 2, Attended: 1, Reported: 1},
		Reports:   []domain.ReportSummary{{Report: rp.Report, Date: "2018-06-05", CellName: "Chi bộ Xóm 1", CommuneName: "Đồng Hướng", OfficialName: "Trần Thị Lan"}},
	}
	b, err := OverviewXLSX(ov, map[int]domain.ReportTemplate{1: rp.Template})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != "Theo xã|Theo cán bộ|Báo cáo" {
		t.Fatalf("sheets: %v", got)
	}
	for _, tc := range []struct{ sheet, cell, want string }{
		{"Theo xã", "A1", "Tổng hợp dự sinh hoạt chi bộ tháng 06/2018"},
		{"Theo xã", "C3", "Lịch đã đăng ký"},
		{"Theo xã", "A4", "Đồng Hướng"},
		{"Theo xã", "F4", "1"},
		{"Theo xã", "A5", "Tổng cộng"},
		{"Theo cán bộ", "A4", "Trần Thị Lan"},
		{"Báo cáo", "A2", "05/06/2018"},
		{"Báo cáo", "F1", "Chi bộ"},
	} {
		if got, _ := f.GetCellValue(tc.sheet, tc.cell); got != tc.want {
			t.Errorf("%s!%s: got %q, want %q", tc.sheet, tc.cell, got, tc.want)
		}
	}
	rows, _ := f.GetRows("Báo cáo")
	contains(t, "report sheet", rows[1], "Cần bám sát nghị quyết tháng trước & chuẩn bị dự thảo <kỹ hơn>.", "Khá")
}

// A conclusion notice in the party format, in DOCX and PDF.
func TestNoticeDocument(t *testing.T) {
	np := NoticePaper{Header: KimSonHeader(), Replaced: "01-TB/HU", Notice: domain.Notice{Month: "2017-09", Status: domain.NoticeIssued, Number: 45, Symbol: "TB/HU",
		Date: "2017-10-05", Assessment: "Các chi bộ sinh hoạt đúng quy định.\nMột số nơi còn hình thức.",
		DidWell:      []domain.NoticeUnit{{Name: "Chi bộ Xóm 1", Note: "chuẩn bị chu đáo"}},
		Shortcomings: []domain.NoticeShortcomings{{Name: "Chi bộ Xóm 5", Items: []domain.Shortcoming{{ID: "a", Text: "Chưa kiểm điểm nghị quyết.", Fix: "Kiểm điểm trong tháng 10.", Due: "2017-10-31"}}}},
		Recipients:   []string{"Các chi bộ có tên,", "Lưu Văn phòng Huyện ủy."}}}
	b, err := Render(NoticeDoc(np), FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := docxParagraphs(t, b)
	contains(t, "notice docx", lines, "Số 45-TB/HU", "THÔNG BÁO", "Kết luận của Thường trực Huyện ủy Kim Sơn về kết quả dự sinh hoạt chi bộ tháng 9/2017",
		"Thông báo này thay thế Thông báo số 01-TB/HU.", "Một số nơi còn hình thức.", "1. Chi bộ Xóm 1: chuẩn bị chu đáo",
		"- Chưa kiểm điểm nghị quyết. Yêu cầu: Kiểm điểm trong tháng 10. (hoàn thành trước ngày 31/10/2017)", "T/M BAN THƯỜNG VỤ", "- Lưu Văn phòng Huyện ủy.")
	pdf, err := Render(NoticeDoc(np), FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "notice pdf", pdfText(t, pdf), "THÔNG BÁO", "Số 45-TB/HU")
}

// The remediation workbook: a row per item, print set-up, filters.
func TestRemediationXLSX(t *testing.T) {
	b, err := RemediationXLSX([]domain.RemediationItem{{UnitName: "Chi bộ Xóm 5", NoticeNumber: "01-TB/HU", Shortcoming: "Chưa kiểm điểm", Due: "2018-07-31",
		Overdue: true, Reports: []domain.RemediationReport{{Date: "2018-07-15", Actions: "Đã kiểm điểm"}}, Verdict: domain.PartlyRemedied, Comment: "Còn thiếu"}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Khắc phục hạn chế")
	if len(rows) != 4 || rows[3][1] != "Chi bộ Xóm 5" || rows[3][5] != "31/07/2018" || rows[3][6] != "15/07/2018: Đã kiểm điểm" || rows[3][7] != "Khắc phục một phần" || rows[3][9] != "Quá hạn" {
		t.Fatalf("rows: %q", rows)
	}
	layout, _ := f.GetPageLayout("Khắc phục hạn chế")
	if layout.Orientation == nil || *layout.Orientation != "landscape" {
		t.Errorf("not landscape: %+v", layout)
	}
}

// pdfPages counts a PDF's pages with poppler's pdfinfo.
func pdfPages(t *testing.T, b []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pages.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(l, "Pages:"); ok {
			var n int
			fmt.Sscan(strings.TrimSpace(rest), &n)
			return n
		}
	}
	t.Fatal("pdfinfo gave no page count")
	return 0
}

// With no recipients passed, the papers name the issuing committee's own office, as a
// profile's defaults do, never the demo district's.
func TestRecipientsFollowTheIssuer(t *testing.T) {
	commune := Header{ParentBody: "ĐẢNG BỘ TỈNH NINH BÌNH", IssuingBody: "ĐẢNG ỦY XÃ PHÁT DIỆM", IssuerName: "Đảng ủy xã Phát Diệm",
		Place: "Phát Diệm", SignerCapacity: "T/M BAN THƯỜNG VỤ", SignerTitle: "BÍ THƯ"}
	l := sampleLetter()
	l.Header, l.Recipients = commune, nil
	b, err := LetterDOCX(l)
	if err != nil {
		t.Fatal(err)
	}
	paras, _ := docxParagraphs(t, b)
	contains(t, "letter", paras, "- Lưu Văn phòng Đảng ủy xã Phát Diệm.")
	rp := sampleReport()
	rp.Header, rp.Recipients = commune, nil
	if b, err = ReportDOCX(rp); err != nil {
		t.Fatal(err)
	}
	paras, _ = docxParagraphs(t, b)
	contains(t, "report", paras, "- Thường trực Đảng ủy xã Phát Diệm,", "- Lưu.")
	for _, p := range paras {
		if strings.Contains(p, "Huyện ủy") {
			t.Errorf("a commune's report names the district: %q", p)
		}
	}
}
