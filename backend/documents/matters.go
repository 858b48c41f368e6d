package documents

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"chibo/backend/domain"
)

// MattersXLSX writes followed matters as a print-ready workbook: source, organization,
// content, who leads, deadline, state, the last step, the result, whether overdue.
func MattersXLSX(ms []domain.Matter) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Theo dõi"
	f.SetSheetName("Sheet1", sheet)
	sources := map[domain.MatterSource]string{domain.SourceUrgent: "Việc cấp bách", domain.SourceDialogue: "Đối thoại, tiếp dân",
		domain.SourceBriefing: "Giao ban cụm", domain.SourceConcern: "Kiến nghị", domain.SourceRemediation: "Khắc phục theo thông báo"}
	states := map[domain.MatterState]string{domain.MatterRegistered: "Đã đăng ký", domain.MatterInProgress: "Đang thực hiện",
		domain.MatterResolved: "Đã giải quyết", domain.MatterPartly: "Giải quyết một phần", domain.MatterNotResolved: "Chưa giải quyết"}
	rows := make([][]any, 0, len(ms))
	for n, m := range ms {
		who := strings.TrimSpace(m.Lead + " " + m.ForwardedTo)
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
		rows = append(rows, []any{n + 1, sources[m.Source], org, m.Title, who, formatDate(m.Deadline), states[m.State], last, m.Result, overdue})
	}
	err := trackingSheet(f, sheet, "Theo dõi việc cấp bách, ý kiến của nhân dân và các việc cần giải quyết",
		[]any{"TT", "Nguồn", "Đơn vị", "Nội dung", "Chủ trì / chuyển đến", "Thời hạn", "Tình hình", "Diễn biến gần nhất", "Kết quả", "Quá hạn"},
		[]float64{5, 16, 26, 40, 22, 12, 16, 36, 30, 9}, rows)
	if err != nil {
		return nil, err
	}
	return workbook(f)
}
