package documents

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"chibo/backend/domain"
)

// MattersXLSX writes followed matters as a print-ready workbook: source, organization,
// content, who leads, deadline, state, the last step, the result; landscape, one page
// wide, header repeated and frozen, filters.
func MattersXLSX(ms []domain.Matter) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Theo dõi"
	f.SetSheetName("Sheet1", sheet)
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return nil, err
	}
	body, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	f.SetCellValue(sheet, "A1", "Theo dõi việc cấp bách, ý kiến của nhân dân và các việc cần giải quyết")
	cols := []any{"TT", "Nguồn", "Đơn vị", "Nội dung", "Chủ trì / chuyển đến", "Thời hạn", "Tình hình", "Diễn biến gần nhất", "Kết quả", "Quá hạn"}
	f.SetSheetRow(sheet, "A3", &cols)
	f.SetCellStyle(sheet, "A3", "J3", head)
	sources := map[domain.MatterSource]string{domain.SourceUrgent: "Việc cấp bách", domain.SourceDialogue: "Đối thoại, tiếp dân",
		domain.SourceBriefing: "Giao ban cụm", domain.SourceConcern: "Kiến nghị"}
	states := map[domain.MatterState]string{domain.MatterRegistered: "Đã đăng ký", domain.MatterInProgress: "Đang thực hiện",
		domain.MatterResolved: "Đã giải quyết", domain.MatterPartly: "Giải quyết một phần", domain.MatterNotResolved: "Chưa giải quyết"}
	for n, m := range ms {
		who := m.Lead
		if m.ForwardedTo != "" {
			who = strings.TrimSpace(who + " " + m.ForwardedTo)
		}
		last := ""
		if k := len(m.Updates); k > 0 {
			last = formatDate(m.Updates[k-1].Date) + ": " + m.Updates[k-1].Note
		}
		org := m.UnitName
		if org == "" {
			org = m.CommuneName
		}
		overdue := ""
		if m.Overdue {
			overdue = "Quá hạn"
		}
		vals := []any{n + 1, sources[m.Source], org, m.Title, who, formatDate(m.Deadline), states[m.State], last, m.Result, overdue}
		cell, _ := excelize.CoordinatesToCellName(1, n+4)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return nil, err
		}
	}
	if len(ms) > 0 {
		end, _ := excelize.CoordinatesToCellName(10, len(ms)+3)
		f.SetCellStyle(sheet, "A4", end, body)
		if err := f.AutoFilter(sheet, "A3:"+end, nil); err != nil {
			return nil, err
		}
	}
	for col, w := range map[string]float64{"A": 5, "B": 16, "C": 26, "D": 40, "E": 22, "F": 12, "G": 16, "H": 36, "I": 30, "J": 9} {
		f.SetColWidth(sheet, col, col, w)
	}
	orientation, fit, one := "landscape", true, 1
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &one, FitToHeight: new(int)}); err != nil {
		return nil, err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$3:$3", Scope: sheet}); err != nil {
		return nil, err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
