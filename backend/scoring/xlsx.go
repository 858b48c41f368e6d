// Package scoring turns scoring data into the files offices keep and exchange: a criteria
// set as an XLSX table (export and import, so a board can prepare its set in Excel), the
// month ranking and the year-end classification as XLSX, and the classification table as
// DOCX. It speaks domain types only and does no I/O besides the bytes it returns, so
// everything is testable without a database.
package scoring

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"chibo/backend/domain"
	"chibo/backend/textutil"
)

// Sheet names and labels of the criteria-set workbook. Import finds rows by these labels,
// matched without case or diacritics, so an office may reorder rows or retype a label.
const (
	sheetCriteria = "Bộ tiêu chí"
	sheetGrades   = "Xếp loại"

	labelName       = "Tên bộ tiêu chí"
	labelVersion    = "Phiên bản"
	labelEffective  = "Áp dụng từ tháng"
	labelKinds      = "Áp dụng cho"
	labelBonusCap   = "Trần điểm thưởng"
	labelPenaltyCap = "Trần điểm trừ"
	labelGuidance   = "Hướng dẫn chung"
	labelNote       = "Ghi chú"
	labelExample    = "Bộ tiêu chí mẫu"
	labelType       = "Loại"

	typeGroup     = "Nhóm"
	typeCriterion = "Tiêu chí"
	typeBonus     = "Điểm thưởng"
	typePenalty   = "Điểm trừ"

	labelMonthGrade = "Xếp loại tháng"
	labelYearGrade  = "Xếp loại cuối năm"
	labelMinMonths  = "Số tháng đã duyệt tối thiểu"
	labelDecimals   = "Làm tròn điểm trung bình (chữ số thập phân)"
	labelShare      = "Tỷ lệ tối đa"
)

// workbook wraps excelize with the few styles the exports share.
type workbook struct {
	f                           *excelize.File
	bold, title, wrap, n, count int
	err                         error
}

func newWorkbook(first string) *workbook {
	w := &workbook{f: excelize.NewFile()}
	w.err = w.f.SetSheetName("Sheet1", first)
	w.bold = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Border: borders(), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}}})
	w.title = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 14}})
	w.wrap = w.style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: borders()})
	w.n = w.style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, Border: borders(), CustomNumFmt: ptr("0.0")}) // one decimal: 91.0 and 65.4 align
	w.count = w.style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, Border: borders(), NumFmt: 1})
	return w
}

func ptr[T any](v T) *T { return &v }

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "999999", Style: 1})
	}
	return b
}

func (w *workbook) style(s *excelize.Style) int {
	id, err := w.f.NewStyle(s)
	if w.err == nil {
		w.err = err
	}
	return id
}

// row writes values from column A of row r, with style (0: none).
func (w *workbook) row(sheet string, r int, style int, values ...any) {
	if w.err != nil {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(1, r)
	if w.err = w.f.SetSheetRow(sheet, cell, &values); w.err != nil || style == 0 {
		return
	}
	last, _ := excelize.CoordinatesToCellName(len(values), r)
	w.err = w.f.SetCellStyle(sheet, cell, last, style)
}

// cellStyle styles one cell (1-based column).
func (w *workbook) cellStyle(sheet string, col, r, style int) {
	if w.err != nil {
		return
	}
	c, _ := excelize.CoordinatesToCellName(col, r)
	w.err = w.f.SetCellStyle(sheet, c, c, style)
}

func (w *workbook) widths(sheet string, widths ...float64) {
	for i, wd := range widths {
		if w.err != nil {
			return
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.err = w.f.SetColWidth(sheet, col, col, wd)
	}
}

// printable sets a table sheet up for paper and screen: landscape, one page wide, the
// header row (row header) repeated on every printed page, frozen on screen, as tall as
// its wrapped labels, and filters over the table.
func (w *workbook) printable(sheet string, header, cols, lastRow int) {
	if w.err != nil {
		return
	}
	orientation, fit, one := "landscape", true, 1
	steps := []func() error{
		func() error {
			return w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &one, FitToHeight: new(int)})
		},
		func() error { return w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}) },
		func() error {
			return w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, header, header), Scope: sheet})
		},
		func() error { return w.f.SetRowHeight(sheet, header, 32) },
		func() error {
			top, _ := excelize.CoordinatesToCellName(1, header+1)
			return w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: header, TopLeftCell: top, ActivePane: "bottomLeft"})
		},
		func() error {
			if lastRow <= header {
				return nil
			}
			first, _ := excelize.CoordinatesToCellName(1, header)
			last, _ := excelize.CoordinatesToCellName(cols, lastRow)
			return w.f.AutoFilter(sheet, first+":"+last, nil)
		},
	}
	for _, step := range steps {
		if w.err = step(); w.err != nil {
			return
		}
	}
}

func (w *workbook) bytes() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func kindsLabel(kinds []domain.UnitKind) string {
	var names []string
	for _, k := range kinds {
		names = append(names, capitalize(k.Label()))
	}
	return strings.Join(names, "; ")
}

func capitalize(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func yesNo(b bool) string {
	if b {
		return "Có"
	}
	return "Không"
}

// ExportCriteriaSet writes set as a workbook: the set's details, its criteria table
// (groups, criteria, bonus and penalty items with their points and guidance) and a second
// sheet of grade thresholds and year-end rules. ImportCriteriaSet reads it back.
func ExportCriteriaSet(set domain.CriteriaSet) ([]byte, error) {
	w := newWorkbook(sheetCriteria)
	s := sheetCriteria
	w.row(s, 1, w.title, "BỘ TIÊU CHÍ CHẤM ĐIỂM HÀNG THÁNG TỔ CHỨC CƠ SỞ ĐẢNG")
	meta := [][2]any{
		{labelName, set.Name}, {labelVersion, set.Version}, {labelEffective, set.EffectiveMonth},
		{labelKinds, kindsLabel(set.UnitKinds)}, {labelBonusCap, set.BonusCap}, {labelPenaltyCap, set.PenaltyCap},
		{labelGuidance, set.Guidance}, {labelNote, set.Note}, {labelExample, yesNo(set.Example)},
	}
	r := 3
	for _, m := range meta {
		w.row(s, r, w.wrap, m[0], m[1])
		w.cellStyle(s, 1, r, w.bold)
		// The value spans the table's columns: long guidance reads as a paragraph, not
		// over the next cells.
		if w.err == nil {
			w.err = w.f.MergeCell(s, fmt.Sprintf("B%d", r), fmt.Sprintf("E%d", r))
		}
		if text, ok := m[1].(string); ok && len([]rune(text)) > 110 && w.err == nil {
			w.err = w.f.SetRowHeight(s, r, float64(16*(1+len([]rune(text))/110)))
		}
		r++
	}
	r++
	w.row(s, r, w.bold, labelType, "Mã", "Nội dung", "Điểm chuẩn", "Hướng dẫn, minh chứng")
	tableHeader := r
	r++
	line := func(typ, code, title string, pts float64, guidance string) {
		w.row(s, r, w.wrap, typ, code, title, pts, guidance)
		w.cellStyle(s, 4, r, w.n)
		if typ == typeGroup {
			w.cellStyle(s, 1, r, w.bold)
			w.cellStyle(s, 2, r, w.bold)
			w.cellStyle(s, 3, r, w.bold)
		}
		r++
	}
	for _, g := range set.Groups {
		var sum int64
		for _, c := range g.Criteria {
			x, _ := domain.Cents(c.MaxPoints)
			sum += x
		}
		line(typeGroup, g.Code, g.Title, domain.Points(sum), "")
		for _, c := range g.Criteria {
			line(typeCriterion, c.Code, c.Title, c.MaxPoints, c.Guidance)
		}
	}
	for _, a := range set.Bonuses {
		line(typeBonus, a.Code, a.Title, a.MaxPoints, a.Guidance)
	}
	for _, a := range set.Penalties {
		line(typePenalty, a.Code, a.Title, a.MaxPoints, a.Guidance)
	}
	w.widths(s, 22, 8, 60, 12, 40)
	w.printable(s, tableHeader, 5, r-1)

	g := sheetGrades
	if _, err := w.f.NewSheet(g); err != nil {
		return nil, err
	}
	w.row(g, 1, w.bold, labelMonthGrade, "Từ điểm")
	r = 2
	for _, t := range set.Thresholds {
		w.row(g, r, w.wrap, t.Grade.Label(), t.Min)
		r++
	}
	r++
	w.row(g, r, w.bold, labelYearGrade, "Điểm trung bình tối thiểu", "Tháng thấp nhất tối thiểu")
	r++
	for _, x := range set.YearRules.Rules {
		w.row(g, r, w.wrap, x.Grade.Label(), x.MinMean, x.MinLowest)
		r++
	}
	r++
	w.row(g, r, w.wrap, labelMinMonths, set.YearRules.MinMonths)
	w.row(g, r+1, w.wrap, labelDecimals, set.YearRules.Decimals)
	r += 3
	w.row(g, r, w.bold, labelShare, "Mức", "Trong số các mức", "Tỷ lệ tối đa (%)")
	r++
	for _, x := range set.YearRules.ShareRules {
		var of []string
		for _, o := range x.OfGrades {
			of = append(of, o.Label())
		}
		w.row(g, r, w.wrap, "", x.Grade.Label(), strings.Join(of, "; "), x.MaxPercent)
		r++
	}
	w.widths(g, 46, 30, 40, 18)
	return w.bytes()
}

// importError is a refused import, naming the sheet and row in Vietnamese.
func importError(sheet string, row int, vi, en string, args ...any) error {
	where := fmt.Sprintf("Trang “%s”, dòng %d: ", sheet, row)
	whereEn := fmt.Sprintf("Sheet “%s”, row %d: ", sheet, row)
	return domain.Errorf(domain.EInvalid, "file", where+vi, whereEn+en, args...)
}

// key folds a label for matching: no case, no diacritics, single spaces, no colon.
func key(s string) string {
	return strings.Join(strings.Fields(strings.TrimRight(textutil.Fold(s), ": ")), " ")
}

// number reads a points cell: a number, or text with a decimal comma ("4,5").
func number(s string) (float64, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	if s == "" {
		return 0, true
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

func cell(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(textutil.NFC(row[i]))
	}
	return ""
}

// ImportCriteriaSet reads a workbook written by ExportCriteriaSet, or typed by an office in
// the same layout, into a draft set (no id: the store gives it one). A row it cannot read
// is refused with its sheet and row number; the set is then validated as a whole.
// Errors: EInvalid.
func ImportCriteriaSet(data []byte) (domain.CriteriaSet, error) {
	var set domain.CriteriaSet
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return set, domain.Errorf(domain.EInvalid, "file", "Tệp không phải bảng tính Excel (.xlsx) đọc được.", "The file is not a readable XLSX workbook.")
	}
	defer f.Close()
	sheets := map[string]string{}
	for _, name := range f.GetSheetList() {
		sheets[key(name)] = name
	}
	main, ok := sheets[key(sheetCriteria)]
	if !ok {
		return set, domain.Errorf(domain.EInvalid, "file", "Không thấy trang “%s” trong tệp.", "The workbook has no sheet “%s”.", sheetCriteria)
	}
	rows, err := f.GetRows(main, excelize.Options{RawCellValue: true})
	if err != nil {
		return set, err
	}
	if err := readCriteria(&set, main, rows); err != nil {
		return set, err
	}
	set.Thresholds = domain.DefaultThresholds()
	set.YearRules = domain.DefaultYearRules()
	if g, ok := sheets[key(sheetGrades)]; ok {
		rows, err := f.GetRows(g, excelize.Options{RawCellValue: true})
		if err != nil {
			return set, err
		}
		if err := readGrades(&set, g, rows); err != nil {
			return set, err
		}
	}
	set.Status = domain.SetDraft
	set.Normalize()
	if err := set.Validate(); err != nil {
		return set, err
	}
	return set, nil
}
