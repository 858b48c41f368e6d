package documents

import (
	"github.com/xuri/excelize/v2"

	"chibo/backend/domain"
)

// RemediationXLSX writes the remediation items as a print-ready workbook: one row per
// shortcoming with its notice, what to fix, the due date, what the organization reported,
// the verdict and whether it is overdue.
func RemediationXLSX(items []domain.RemediationItem) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Khắc phục hạn chế"
	f.SetSheetName("Sheet1", sheet)
	verdicts := map[domain.Verdict]string{domain.Remedied: "Đã khắc phục", domain.PartlyRemedied: "Khắc phục một phần", domain.NotRemedied: "Chưa khắc phục", "": "Chưa xác nhận"}
	rows := make([][]any, 0, len(items))
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
		rows = append(rows, []any{n + 1, it.UnitName, it.NoticeNumber, it.Shortcoming, it.Fix, formatDate(it.Due), reported, verdicts[it.Verdict], it.Comment, overdue})
	}
	err := trackingSheet(f, sheet, "Theo dõi khắc phục hạn chế, khuyết điểm theo thông báo kết luận",
		[]any{"TT", "Đơn vị", "Thông báo", "Hạn chế", "Yêu cầu khắc phục", "Hạn", "Đơn vị đã báo cáo", "Kết quả", "Nhận xét", "Quá hạn"},
		[]float64{5, 26, 12, 40, 32, 12, 40, 16, 28, 9}, rows)
	if err != nil {
		return nil, err
	}
	return workbook(f)
}
