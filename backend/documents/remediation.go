package documents

import (
	"github.com/xuri/excelize/v2"

	"chibo/backend/domain"
)

// RemediationXLSX writes the remediation items as a print-ready workbook: one row per
// shortcoming with its notice, what to fix, the due date, what the organization reported,
// the verdict and whether it is overdue; landscape, one page wide, the header repeated
// and frozen, with filters.
func RemediationXLSX(items []domain.RemediationItem) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Khắc phục hạn chế"
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
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 14}})
	if err != nil {
		return nil, err
	}
	f.SetCellValue(sheet, "A1", "Theo dõi khắc phục hạn chế, khuyết điểm theo thông báo kết luận")
	f.SetCellStyle(sheet, "A1", "A1", title)
	cols := []any{"TT", "Đơn vị", "Thông báo", "Hạn chế", "Yêu cầu khắc phục", "Hạn", "Đơn vị đã báo cáo", "Kết quả", "Nhận xét", "Quá hạn"}
	f.SetSheetRow(sheet, "A3", &cols)
	f.SetCellStyle(sheet, "A3", "J3", head)
	f.SetRowHeight(sheet, 3, 32)
	verdicts := map[domain.Verdict]string{domain.Remedied: "Đã khắc phục", domain.PartlyRemedied: "Khắc phục một phần", domain.NotRemedied: "Chưa khắc phục", "": "Chưa xác nhận"}
	for n, it := range items {
		reported := ""
		for _, r := range it.Reports {
			if reported != "" {
				reported += "\n"
			}
			reported += formatDate(r.Date) + ": " + r.Actions
		}
		overdue := ""
		if it.Overdue {
			overdue = "Quá hạn"
		}
		vals := []any{n + 1, it.UnitName, it.NoticeNumber, it.Shortcoming, it.Fix, formatDate(it.Due), reported, verdicts[it.Verdict], it.Comment, overdue}
		cell, _ := excelize.CoordinatesToCellName(1, n+4)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return nil, err
		}
	}
	if len(items) > 0 {
		end, _ := excelize.CoordinatesToCellName(10, len(items)+3)
		f.SetCellStyle(sheet, "A4", end, body)
		if err := f.AutoFilter(sheet, "A3:"+end, nil); err != nil {
			return nil, err
		}
	}
	for col, w := range map[string]float64{"A": 5, "B": 26, "C": 12, "D": 40, "E": 32, "F": 12, "G": 40, "H": 16, "I": 28, "J": 9} {
		f.SetColWidth(sheet, col, col, w)
	}
	orientation, fit := "landscape", true
	one := 1
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
