package documents

import (
	"fmt"
	"strings"
	"testing"

	"chibo/backend/domain"
)

func sampleYear(n int) domain.YearReport {
	rep := domain.YearReport{Year: 2018, Counts: map[domain.YearGrade]int{domain.YearNotDone: 1},
		Warnings: []domain.ShareWarning{{Message: "Có 2 tổ chức đảng xếp loại “Hoàn thành xuất sắc nhiệm vụ”, vượt quá 20%"}}}
	rep.Rows = append(rep.Rows,
		domain.YearClassification{UnitName: "Đảng bộ xã Đồng Hướng", Suggestion: domain.YearSuggestion{Grade: domain.YearExcellent, Mean: 94.2, Lowest: 85, Months: 12},
			Override: domain.YearNotDone, OverrideReason: "Mất đoàn kết <nội bộ> & kỷ luật", Final: domain.YearNotDone},
		domain.YearClassification{UnitName: "Chi bộ Phòng Nội vụ", Suggestion: domain.YearSuggestion{Months: 11, Mean: 95, Lowest: 95}})
	for i := len(rep.Rows); i < n; i++ {
		rep.Rows = append(rep.Rows, domain.YearClassification{UnitName: fmt.Sprintf("Đảng bộ xã số %d", i),
			Suggestion: domain.YearSuggestion{Grade: domain.YearGood, Mean: 88, Lowest: 80, Months: 12}, Final: domain.YearGood})
	}
	return rep
}

// The classification table is signable: the issuing committee's heading (not the example
// district's) with a number line, the signer, Nơi nhận; the warnings stay on screen; 76
// organizations fit on about three pages.
func TestClassificationPaper(t *testing.T) {
	h := Header{ParentBody: "ĐẢNG BỘ TỈNH NINH BÌNH", IssuingBody: "ĐẢNG ỦY XÃ PHÁT DIỆM", IssuerName: "Đảng ủy xã Phát Diệm", Place: "Phát Diệm",
		SignerCapacity: "T/M BAN THƯỜNG VỤ", SignerTitle: "BÍ THƯ", SignerName: "Nguyễn Văn An"}
	cp := ClassificationPaper{Header: h, Symbol: "ĐU", Date: "2018-12-26", Report: sampleYear(76)}
	b, err := Render(ClassificationDoc(cp), FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	lines, doc := docxParagraphs(t, b)
	contains(t, "classification docx", lines, "ĐẢNG ỦY XÃ PHÁT DIỆM", "Số        -BC/ĐU", "Phát Diệm, ngày 26 tháng 12 năm 2018", "BẢNG TỔNG HỢP",
		"Đảng bộ xã Đồng Hướng", "94,2", "KHTNV", "HTXSNV", "Mất đoàn kết <nội bộ> & kỷ luật", "11/12 tháng đã duyệt",
		"T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An", "Nơi nhận:",
		"Ghi chú: HTXSNV: Hoàn thành xuất sắc nhiệm vụ; HTTNV: Hoàn thành tốt nhiệm vụ; HTNV: Hoàn thành nhiệm vụ; KHTNV: Không hoàn thành nhiệm vụ.")
	if strings.Contains(doc, "KIM SƠN") || strings.Contains(doc, "vượt quá 20%") {
		t.Error("the example district's heading or the on-screen warning is on the paper")
	}
	pdf, err := Render(ClassificationDoc(cp), FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	if n := pdfPages(t, pdf); n > 3 {
		t.Errorf("76 organizations take %d pages", n)
	}
}
