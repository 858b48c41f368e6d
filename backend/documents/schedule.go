package documents

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// ScheduleLine is one meeting of a commune's month schedule, as printed.
type ScheduleLine struct {
	Cell   string
	Parent string // the cell's committee
	Date   string // yyyy-mm-dd ("" when the cell has no meeting yet)
	Time   string
	Place  string
	Kind   string // regular or thematic
	Status string // draft, published, cancelled
	Note   string
}

// SchedulePaper is a commune's month of cell meetings (lịch sinh hoạt chi bộ).
type SchedulePaper struct {
	Commune string
	Month   string // yyyy-mm
	Lines   []ScheduleLine
}

var meetingKinds = map[string]string{"regular": "Thường kỳ", "thematic": "Chuyên đề"}
var scheduleStates = map[string]string{"draft": "Chưa gửi", "published": "Đã gửi", "cancelled": "Đã hủy", "": "Chưa có lịch"}

func (l ScheduleLine) cells(n int) []string {
	kind := meetingKinds[l.Kind]
	if l.Date == "" {
		kind = ""
	}
	note := scheduleStates[l.Status]
	if l.Note != "" {
		note += "; " + l.Note
	}
	return []string{fmt.Sprint(n), l.Cell, formatDate(l.Date), l.Time, l.Place, kind, note}
}

// ScheduleDoc lays out the month schedule as a table to print: the commune, the month,
// a row per meeting (a cell without one says so), the header repeated on every page.
func ScheduleDoc(sp SchedulePaper) Doc {
	rows := make([][]string, len(sp.Lines))
	for i, l := range sp.Lines {
		rows[i] = l.cells(i + 1)
	}
	return Doc{Title: "Lịch sinh hoạt chi bộ tháng " + monthLabel(sp.Month), Blocks: []Block{
		Para{Runs: []Run{{Text: "LỊCH SINH HOẠT CHI BỘ THÁNG " + monthLabel(sp.Month), Bold: true, Size: 15}}, Align: Center},
		Para{Runs: []Run{b(sp.Commune)}, Align: Center, After: 9},
		Table{Header: []string{"TT", "Chi bộ", "Ngày", "Giờ", "Địa điểm", "Loại", "Ghi chú"}, Widths: []int{6, 25, 13, 8, 23, 11, 14},
			Align: []Align{Center, Left, Center, Center, Left, Left, Left}, Rows: rows},
	}}
}

// ScheduleXLSX writes the month schedule as a print-ready workbook.
func ScheduleXLSX(sp SchedulePaper) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Lịch sinh hoạt"
	f.SetSheetName("Sheet1", sheet)
	rows := make([][]any, len(sp.Lines))
	for i, l := range sp.Lines {
		c := l.cells(i + 1)
		rows[i] = []any{i + 1, l.Parent, c[1], c[2], c[3], c[4], c[5], c[6]}
	}
	err := trackingSheet(f, sheet, fmt.Sprintf("Lịch sinh hoạt chi bộ tháng %s — %s", monthLabel(sp.Month), sp.Commune),
		[]any{"TT", "Đảng bộ", "Chi bộ", "Ngày", "Giờ", "Địa điểm", "Loại", "Ghi chú"},
		[]float64{5, 26, 26, 12, 8, 30, 12, 20}, rows)
	if err != nil {
		return nil, err
	}
	return workbook(f)
}
