package documents

import (
	"fmt"
	"strings"

	"chibo/backend/domain"
)

// ClassificationPaper is the year-end classification table (bảng tổng hợp kết quả xếp
// loại) of the committee that issues it.
type ClassificationPaper struct {
	Header     Header
	Symbol     string // the committee's symbol: the number line reads "Số    -BC/HU"
	Date       string // yyyy-mm-dd; empty leaves the date line to fill in by hand
	Report     domain.YearReport
	Recipients []string
}

// ClassificationDoc lays out the classification table as a paper the committee signs:
// its heading with a number line, the title, one row per organization (never split
// across pages, the header repeated), the counts, and the signature with Nơi nhận. The
// share-rule warnings are for the screen, not the paper.
func ClassificationDoc(cp ClassificationPaper) Doc {
	rep := cp.Report
	number := ""
	if cp.Symbol != "" {
		number = "       -BC/" + cp.Symbol
	}
	rows := make([][]string, 0, len(rep.Rows))
	for i, c := range rep.Rows {
		mean, low := "", ""
		if c.Suggestion.Months > 0 {
			mean, low = domain.FormatPoints(c.Suggestion.Mean), domain.FormatPoints(c.Suggestion.Lowest)
		}
		note := c.OverrideReason
		if c.Suggestion.Grade == "" && note == "" {
			note = fmt.Sprintf("%d/12 tháng đã duyệt", c.Suggestion.Months)
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), c.UnitName, mean, low, short(c.Suggestion.Grade), short(c.Final), note})
	}
	var counts, legend []string
	for _, g := range domain.YearGrades {
		counts = append(counts, fmt.Sprintf("%s: %d", g.Label(), rep.Counts[g]))
		legend = append(legend, g.Short()+": "+g.Label())
	}
	recipients := cp.Recipients
	if len(recipients) == 0 {
		recipients = []string{"Cấp ủy cấp trên (để báo cáo),", "Các tổ chức cơ sở đảng,", "Lưu."}
	}
	h := cp.Header
	return Doc{Title: fmt.Sprintf("Bảng tổng hợp kết quả xếp loại tổ chức cơ sở đảng năm %d", rep.Year), Blocks: []Block{
		partyHeader(h, number, cp.Date),
		Para{Runs: []Run{{Text: "BẢNG TỔNG HỢP", Bold: true, Size: 16}}, Align: Center},
		Para{Runs: []Run{b(fmt.Sprintf("Kết quả xếp loại tổ chức cơ sở đảng năm %d", rep.Year))}, Align: Center, After: 3},
		Para{Runs: []Run{r("-----")}, Align: Center, After: 6},
		Table{Header: []string{"TT", "Tổ chức cơ sở đảng", "Điểm TB", "Tháng thấp nhất", "Đề xuất theo điểm", "Xếp loại", "Ghi chú"},
			Widths: []int{6, 33, 9, 10, 11, 11, 20}, Align: []Align{Center, Left, Center, Center, Center, Center, Left}, Rows: rows, Size: 11},
		Para{Runs: []Run{{Text: "Ghi chú: " + strings.Join(legend, "; ") + ".", Italic: true, Size: 11}}, Align: Justify, After: 3},
		Para{Runs: []Run{r(fmt.Sprintf("Tổng số: %d tổ chức cơ sở đảng. %s.", len(rep.Rows), strings.Join(counts, "; ")))}, Align: Justify, Indent: true, After: 6},
		signature(recipients, h.SignerCapacity, h.SignerTitle, h.SignerName),
	}}
}

// short is a grade abbreviated for the table ("" stays "").
func short(g domain.YearGrade) string {
	if g == "" {
		return ""
	}
	return g.Short()
}
