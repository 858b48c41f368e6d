package documents

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"chibo/backend/domain"
)

// OverviewXLSX writes a month's round overview as a workbook of three sheets: by commune,
// by official, and the reports with the fields the Standing Office reads side by side.
// tpl gives the labels of report fields by template version (missing versions fall back
// to the keys).
func OverviewXLSX(ov domain.RoundOverview, tpl map[int]domain.ReportTemplate) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	month := ov.Month
	if t, err := domain.ParseMonth(ov.Month); err == nil {
		month = t.Format("01/2006")
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return nil, err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 14}})
	if err != nil {
		return nil, err
	}
	counts := func(sheet, first string, rows []domain.OverviewRow, withCells bool) error {
		cols := []any{first, "Kế hoạch dự", "Đã dự", "Đã báo cáo"}
		if withCells {
			cols = []any{first, "Số chi bộ", "Lịch đã đăng ký", "Kế hoạch dự", "Đã dự", "Đã báo cáo"}
		}
		f.SetCellValue(sheet, "A1", "Tổng hợp dự sinh hoạt chi bộ tháng "+month)
		f.SetCellStyle(sheet, "A1", "A1", title)
		f.SetSheetRow(sheet, "A3", &cols)
		end, _ := excelize.CoordinatesToCellName(len(cols), 3)
		f.SetCellStyle(sheet, "A3", end, head)
		all := append(append([]domain.OverviewRow{}, rows...), ov.Total)
		for n, x := range all {
			vals := []any{x.Name, x.Planned, x.Attended, x.Reported}
			if withCells {
				vals = []any{x.Name, x.Cells, x.Scheduled, x.Planned, x.Attended, x.Reported}
			}
			cell, _ := excelize.CoordinatesToCellName(1, n+4)
			if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
				return err
			}
		}
		f.SetColWidth(sheet, "A", "A", 32)
		f.SetColWidth(sheet, "B", "F", 14)
		return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	}
	f.SetSheetName("Sheet1", "Theo xã")
	if err := counts("Theo xã", "Xã, phường", ov.Communes, true); err != nil {
		return nil, err
	}
	f.NewSheet("Theo cán bộ")
	if err := counts("Theo cán bộ", "Cán bộ", ov.Officials, false); err != nil {
		return nil, err
	}
	// Reports: fixed columns, then one column per field key in first-seen order.
	const sheet = "Báo cáo"
	f.NewSheet(sheet)
	cols := []any{"Ngày", "Xã, phường", "Chi bộ", "Cán bộ dự", "Lần đính chính"}
	var keys []string
	seen := map[string]bool{}
	labels := map[string]string{}
	for _, rs := range ov.Reports {
		t := tpl[rs.Report.TemplateVersion]
		for _, fd := range t.Fields {
			if fd.Type == domain.FieldSection || seen[fd.Key] {
				continue
			}
			seen[fd.Key] = true
			keys = append(keys, fd.Key)
			labels[fd.Key] = fd.Label
		}
	}
	for _, k := range keys {
		cols = append(cols, labels[k])
	}
	f.SetSheetRow(sheet, "A1", &cols)
	end, _ := excelize.CoordinatesToCellName(len(cols), 1)
	f.SetCellStyle(sheet, "A1", end, head)
	for n, rs := range ov.Reports {
		t := tpl[rs.Report.TemplateVersion]
		vals := []any{domain.FormatDateVN(rs.Date), rs.CommuneName, rs.CellName, rs.OfficialName, rs.Report.Revision}
		for _, k := range keys {
			fd, ok := t.Field(k)
			if !ok {
				vals = append(vals, "")
				continue
			}
			vals = append(vals, domain.DisplayValue(fd, rs.Report.Values[k]))
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return nil, err
		}
	}
	f.SetColWidth(sheet, "A", "E", 16)
	if len(cols) > 5 {
		last, _ := excelize.ColumnNumberToName(len(cols))
		f.SetColWidth(sheet, "F", last, 24)
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("overview workbook: %w", err)
	}
	return buf.Bytes(), nil
}
