package scoring

import (
	"fmt"

	"chibo/backend/domain"
)

func monthLabel(m string) string {
	if len(m) == 7 {
		return m[5:] + "/" + m[:4]
	}
	return m
}

func opt(p *float64) any {
	if p == nil {
		return ""
	}
	return *p
}

// ExportMonthReport writes a month's ranking, its grade distribution and the list of
// organizations that have not submitted. communes names the communes by id.
func ExportMonthReport(rep domain.MonthReport, communes map[string]string) ([]byte, error) {
	const s = "Xếp hạng"
	w := newWorkbook(s)
	w.row(s, 1, w.title, "KẾT QUẢ CHẤM ĐIỂM TỔ CHỨC CƠ SỞ ĐẢNG THÁNG "+monthLabel(rep.Month))
	w.row(s, 3, w.bold, "Hạng", "Tổ chức cơ sở đảng", "Loại", "Xã, phường", "Trạng thái", "Tự chấm", "Thẩm định", "Tổng điểm", "Xếp loại")
	r := 4
	for _, x := range rep.Rows {
		rank := any("")
		if x.Rank > 0 {
			rank = x.Rank
		}
		w.row(s, r, w.wrap, rank, x.UnitName, capitalize(x.UnitKind.Label()), communes[x.CommuneID], x.Status.Label(),
			opt(x.SelfTotal), opt(x.Verified), opt(x.Total), x.Grade.Label())
		w.cellStyle(s, 1, r, w.count)
		for _, c := range []int{6, 7, 8} {
			w.cellStyle(s, c, r, w.n)
		}
		r++
	}
	w.widths(s, 7, 44, 18, 18, 22, 10, 11, 11, 12)
	w.printable(s, 3, 9, r-1)

	const d = "Phân bố xếp loại"
	if _, err := w.f.NewSheet(d); err != nil {
		return nil, err
	}
	w.row(d, 1, w.title, "PHÂN BỐ XẾP LOẠI (PHIẾU ĐÃ DUYỆT) THÁNG "+monthLabel(rep.Month))
	w.row(d, 3, w.bold, "Xếp loại", "Số tổ chức")
	r = 4
	for _, g := range domain.Grades {
		w.row(d, r, w.wrap, g.Label(), rep.Distribution[g])
		r++
	}
	r++
	w.row(d, r, w.bold, "Trạng thái phiếu", "Số tổ chức")
	r++
	for _, st := range []domain.SheetStatus{domain.SheetApproved, domain.SheetSubmitted, domain.SheetDraft, domain.SheetNone} {
		w.row(d, r, w.wrap, st.Label(), rep.ByStatus[st])
		r++
	}
	r++
	w.row(d, r, w.bold, "Chưa gửi phiếu", "Trạng thái")
	r++
	for _, x := range rep.NotSubmitted {
		w.row(d, r, w.wrap, x.UnitName, x.Status.Label())
		r++
	}
	w.widths(d, 44, 22)
	return w.bytes()
}

// ExportYearReport writes the year-end classification table with the grade counts and
// the share-rule warnings.
func ExportYearReport(rep domain.YearReport, communes map[string]string) ([]byte, error) {
	const s = "Xếp loại"
	w := newWorkbook(s)
	w.row(s, 1, w.title, fmt.Sprintf("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM %d", rep.Year))
	w.row(s, 3, w.bold, "STT", "Tổ chức cơ sở đảng", "Loại", "Xã, phường", "Số tháng đã duyệt", "Điểm trung bình",
		"Tháng thấp nhất", "Đề xuất theo điểm", "Xếp loại", "Lý do điều chỉnh")
	r := 4
	for i, c := range rep.Rows {
		w.row(s, r, w.wrap, i+1, c.UnitName, capitalize(c.UnitKind.Label()), communes[c.CommuneID], c.Suggestion.Months,
			meanOrBlank(c.Suggestion), lowestOrBlank(c.Suggestion), c.Suggestion.Grade.Label(), c.Final.Label(), c.OverrideReason)
		w.cellStyle(s, 1, r, w.count)
		w.cellStyle(s, 5, r, w.count)
		for _, col := range []int{6, 7} {
			w.cellStyle(s, col, r, w.n)
		}
		r++
	}
	tableEnd := r - 1
	r++
	w.row(s, r, w.bold, "", "Xếp loại", "Số tổ chức")
	r++
	for _, g := range domain.YearGrades {
		w.row(s, r, 0, "", g.Label(), rep.Counts[g])
		r++
	}
	for _, warn := range rep.Warnings {
		r++
		w.row(s, r, 0, "", "Cảnh báo: "+warn.Message)
	}
	w.widths(s, 6, 40, 16, 16, 10, 11, 11, 26, 26, 36)
	w.printable(s, 3, 10, tableEnd)
	return w.bytes()
}

func meanOrBlank(s domain.YearSuggestion) any {
	if s.Months == 0 {
		return ""
	}
	return s.Mean
}

func lowestOrBlank(s domain.YearSuggestion) any {
	if s.Months == 0 {
		return ""
	}
	return s.Lowest
}
