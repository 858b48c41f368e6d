package documents

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The month schedule prints as a table whose header repeats and whose rows never split,
// in DOCX and PDF, and exports as a print-ready workbook.
func TestScheduleDocuments(t *testing.T) {
	sp := SchedulePaper{Commune: "Đảng bộ xã Đồng Hướng", Month: "2018-06"}
	for i := 1; i <= 60; i++ {
		l := ScheduleLine{Cell: fmt.Sprintf("Chi bộ Xóm %d", i), Parent: "Đảng bộ xã Đồng Hướng", Date: fmt.Sprintf("2018-06-%02d", 1+i%28),
			Time: "07:30", Place: "Nhà văn hóa xóm, đường liên thôn số " + fmt.Sprint(i), Kind: "regular", Status: "published"}
		if i == 60 {
			l = ScheduleLine{Cell: "Chi bộ Xóm 60", Parent: "Đảng bộ xã Đồng Hướng"}
		}
		sp.Lines = append(sp.Lines, l)
	}
	b, err := Render(ScheduleDoc(sp), FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	lines, doc := docxParagraphs(t, b)
	contains(t, "schedule docx", lines, "LỊCH SINH HOẠT CHI BỘ THÁNG 06/2018", "Đảng bộ xã Đồng Hướng", "Chi bộ Xóm 10", "02/06/2018", "Chưa có lịch")
	if !bytes.Contains([]byte(doc), []byte("<w:tblHeader/>")) || bytes.Count([]byte(doc), []byte("<w:cantSplit/>")) != 61 {
		t.Error("the DOCX table does not repeat its header or lets rows split")
	}
	pdf, err := Render(ScheduleDoc(sp), FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	contains(t, "schedule pdf", text, "LỊCH SINH HOẠT CHI BỘ THÁNG 06/2018")
	headers := 0
	for _, l := range text {
		if bytes.Contains([]byte(l), []byte("Địa điểm")) {
			headers++
		}
	}
	if headers < 2 {
		t.Errorf("the header row is printed %d times over %d lines: not repeated on the next page", headers, len(text))
	}
	x, err := ScheduleXLSX(sp)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Lịch sinh hoạt", "C4"); v != "Chi bộ Xóm 1" {
		t.Errorf("first row: %q", v)
	}
	if v, _ := f.GetCellValue("Lịch sinh hoạt", "H63"); v != "Chưa có lịch" {
		t.Errorf("a cell without a meeting: %q", v)
	}
}
