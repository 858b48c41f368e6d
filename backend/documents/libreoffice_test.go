package documents

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"chibo/backend/domain"
)

// tool finds a program the document tests need: missing, the test skips when run by hand
// and fails under `make test` (CHIBO_REQUIRE_TOOLS=1), which installs it.
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CHIBO_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is not installed (make deps installs it)", name)
		}
		t.Skipf("%s is not installed; `make deps` installs it", name)
	}
	return path
}

// Every DOCX and XLSX the app writes opens in LibreOffice (headless): converted to PDF,
// its text holds what the paper says. A file LibreOffice cannot read, or reads wrong,
// fails here rather than on an office's desk.
func TestLibreOfficeOpensEveryFile(t *testing.T) {
	soffice := tool(t, "soffice")
	tool(t, "pdftotext")
	dir := t.TempDir()
	files := map[string]struct {
		bytes []byte
		want  []string
	}{}
	add := func(name string, b []byte, err error, want ...string) {
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		files[name] = struct {
			bytes []byte
			want  []string
		}{b, want}
	}
	b, err := LetterDOCX(sampleLetter())
	add("letter.docx", b, err, "GIẤY GIỚI THIỆU", "Trần Thị Lan", "ĐẢNG CỘNG SẢN VIỆT NAM")
	b, err = ReportDOCX(sampleReport())
	add("report.docx", b, err, "BÁO CÁO", "NGƯỜI BÁO CÁO", "Khá")
	b, err = DOCX(NoticeDoc(NoticePaper{Header: KimSonHeader(), Notice: domain.Notice{Month: "2018-06", Number: 4, Symbol: "TB/HU", Assessment: "Các chi bộ sinh hoạt đúng quy định."}}))
	add("notice.docx", b, err, "THÔNG BÁO", "Số 04-TB/HU", "đúng quy định")
	b, err = DOCX(ClassificationDoc(ClassificationPaper{Header: KimSonHeader(), Symbol: "HU", Report: sampleYear(40)}))
	add("classification.docx", b, err, "BẢNG TỔNG HỢP", "Đảng bộ xã Đồng Hướng", "HTXSNV")
	b, err = DOCX(ScheduleDoc(SchedulePaper{Commune: "Đảng bộ xã Đồng Hướng", Month: "2018-06", Lines: []ScheduleLine{{Cell: "Chi bộ Xóm 1", Date: "2018-06-05", Time: "07:30", Place: "Nhà văn hóa"}}}))
	add("schedule-paper.docx", b, err, "LỊCH SINH HOẠT CHI BỘ THÁNG 06/2018", "Chi bộ Xóm 1", "05/06/2018")
	b, err = ScheduleXLSX(SchedulePaper{Commune: "Đồng Hướng", Month: "2018-06", Lines: []ScheduleLine{{Cell: "Chi bộ Xóm 1", Date: "2018-06-05", Time: "07:30", Place: "Nhà văn hóa"}}})
	add("schedule-sheet.xlsx", b, err, "Chi bộ Xóm 1", "Nhà văn hóa")
	b, err = RemediationXLSX([]domain.RemediationItem{{UnitName: "Chi bộ Xóm 5", NoticeNumber: "01-TB/HU", Shortcoming: "Chưa kiểm điểm", Due: "2018-07-31"}})
	add("remediation.xlsx", b, err, "Chi bộ Xóm 5", "Chưa kiểm điểm")
	b, err = MattersXLSX([]domain.Matter{{Source: domain.SourceUrgent, UnitName: "Đảng bộ thị trấn Phát Diệm", Title: "Xử lý rác thải", Deadline: "2018-06-30", State: domain.MatterInProgress}})
	add("matters.xlsx", b, err, "Xử lý rác thải", "Phát Diệm")
	var names []string
	for name, f := range files {
		if err := os.WriteFile(filepath.Join(dir, name), f.bytes, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Join(dir, name))
	}
	// One LibreOffice run converts them all (its start-up is most of the cost); its own
	// profile in the temporary folder keeps it from a user's and from other runs.
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}, names...)
	cmd := exec.Command(soffice, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out.String())
	}
	for name, f := range files {
		pdf := filepath.Join(dir, "pdf", strings.TrimSuffix(name, filepath.Ext(name))+".pdf")
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Errorf("%s: LibreOffice made no readable PDF (%v)\n%s", name, err, out.String())
			continue
		}
		// A title that wraps in LibreOffice is a defect too: lines are compared whole.
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, w := range f.want {
			if !strings.Contains(string(text), w) {
				t.Errorf("%s opened in LibreOffice lacks the line %q (text: %.300s)", name, w, flat)
			}
		}
	}
}
