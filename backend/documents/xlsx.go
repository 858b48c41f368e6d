package documents

import "github.com/xuri/excelize/v2"

// trackingSheet writes a print-ready table of rows under a title: the header row on row
// 3 in the party's Times New Roman, wrapped, filled; the body wrapped at the top; column
// widths; filters; landscape, one page wide, the header repeated on every page and
// frozen on screen. The tracking workbooks (remediation, matters) share it.
func trackingSheet(f *excelize.File, sheet, title string, cols []any, widths []float64, rows [][]any) error {
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 14}})
	if err != nil {
		return err
	}
	f.SetCellValue(sheet, "A1", title)
	f.SetCellStyle(sheet, "A1", "A1", bold)
	f.SetSheetRow(sheet, "A3", &cols)
	last, _ := excelize.CoordinatesToCellName(len(cols), 3)
	f.SetCellStyle(sheet, "A3", last, head)
	f.SetRowHeight(sheet, 3, 32)
	for n, vals := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, n+4)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	if len(rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(cols), len(rows)+3)
		f.SetCellStyle(sheet, "A4", end, body)
		if err := f.AutoFilter(sheet, "A3:"+end, nil); err != nil {
			return err
		}
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sheet, col, col, w)
	}
	orientation, fit, one := "landscape", true, 1
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &one, FitToHeight: new(int)}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$3:$3", Scope: sheet}); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
}

// workbook returns the bytes of f.
func workbook(f *excelize.File) ([]byte, error) {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
