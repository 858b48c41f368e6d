package scoring

import (
	"bytes"
	"flag"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chibo/backend/domain"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestCriteriaSetXLSXRoundTrip(t *testing.T) {
	want := domain.ExampleCriteriaSet()
	data, err := ExportCriteriaSet(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ImportCriteriaSet(data)
	if err != nil {
		t.Fatal(err)
	}
	// What the import cannot know: ids and the life cycle; it always yields a draft.
	want.ID, want.SeriesID, want.Status, want.PublishedAt, want.PublishedBy = "", "", domain.SetDraft, "", ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
	}
}

// edit changes cells of an exported example and returns the workbook's bytes.
func edit(t *testing.T, cells map[string]any) []byte {
	t.Helper()
	data, err := ExportCriteriaSet(domain.ExampleCriteriaSet())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for ref, v := range cells {
		sheet, cell, _ := strings.Cut(ref, "!")
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Rows of the exported example: details on 3–11, the table header on 13, group I on 14,
// criterion 1.1 on 15.
func TestImportCriteriaSetRefusesWithRowNumbers(t *testing.T) {
	cases := []struct {
		name  string
		cells map[string]any
		want  string // part of the Vietnamese message; "" when accepted
	}{
		{"decimal comma in text", map[string]any{"Bộ tiêu chí!D15": "4,5"}, ""},
		{"labels retyped without diacritics", map[string]any{"Bộ tiêu chí!A3": "ten bo tieu chi", "Bộ tiêu chí!B3": "Bộ mới"}, ""},
		{"points not a number", map[string]any{"Bộ tiêu chí!D15": "năm"}, "dòng 15: điểm chuẩn “năm” phải là một số"},
		{"unknown row type", map[string]any{"Bộ tiêu chí!A15": "Khác"}, "dòng 15: cột “Loại”"},
		{"unknown unit kind", map[string]any{"Bộ tiêu chí!B6": "Chi bộ trực thuộc"}, "dòng 6: loại tổ chức"},
		{"duplicate code", map[string]any{"Bộ tiêu chí!B16": "1.1"}, "bị trùng"},
		{"bad month", map[string]any{"Bộ tiêu chí!B5": "01/2018"}, "Tháng bắt đầu áp dụng"},
		{"unknown grade", map[string]any{"Xếp loại!A2": "Xuất sắc"}, "Trang “Xếp loại”, dòng 2"},
		{"thresholds out of order", map[string]any{"Xếp loại!B3": 95}, "phải thấp hơn"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ImportCriteriaSet(edit(t, c.cells))
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
	if _, err := ImportCriteriaSet([]byte("not a workbook")); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("garbage: %v", err)
	}
}

func sampleYear() domain.YearReport {
	return domain.YearReport{
		Year: 2018,
		Rows: []domain.YearClassification{
			{UnitName: "Đảng bộ xã Đồng Hướng", UnitKind: domain.KindGrassrootsCommittee, CommuneID: "c1",
				Suggestion: domain.YearSuggestion{Grade: domain.YearExcellent, Mean: 94.2, Lowest: 85, Months: 12},
				Override:   domain.YearNotDone, OverrideReason: "Mất đoàn kết <nội bộ> & kỷ luật", Final: domain.YearNotDone},
			{UnitName: "Chi bộ Phòng Nội vụ", UnitKind: domain.KindGrassrootsCell,
				Suggestion: domain.YearSuggestion{Months: 11, Mean: 95, Lowest: 95}},
		},
		Counts:   map[domain.YearGrade]int{domain.YearNotDone: 1},
		Warnings: []domain.ShareWarning{{Message: "Có 2 tổ chức đảng xếp loại “Hoàn thành xuất sắc nhiệm vụ”, vượt quá 20%"}},
	}
}

func TestYearAndMonthXLSX(t *testing.T) {
	data, err := ExportYearReport(sampleYear(), map[string]string{"c1": "Đồng Hướng"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Xếp loại")
	if got := strings.Join(rows[3], "|"); !strings.Contains(got, "1|Đảng bộ xã Đồng Hướng|Đảng bộ cơ sở|Đồng Hướng|12|94.2|85.0|Hoàn thành xuất sắc nhiệm vụ|Không hoàn thành nhiệm vụ") {
		t.Errorf("row 4 = %q", got)
	}
	// Print-ready: landscape, one page wide, the header repeated and frozen, filters.
	if opts, err := f.GetPageLayout("Xếp loại"); err != nil || opts.Orientation == nil || *opts.Orientation != "landscape" || opts.FitToWidth == nil || *opts.FitToWidth != 1 {
		t.Errorf("page layout: %+v %v", opts, err)
	}
	if panes, err := f.GetPanes("Xếp loại"); err != nil || !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes: %+v %v", panes, err)
	}
	if names := f.GetDefinedName(); len(names) == 0 || !strings.Contains(names[0].RefersTo, "$3:$3") {
		t.Errorf("print titles: %+v", names)
	}
	v := 91.5
	month := domain.MonthReport{Month: "2018-03", Rows: []domain.MonthRow{
		{Rank: 1, UnitName: "Chi bộ Phòng Nội vụ", UnitKind: domain.KindGrassrootsCell, Status: domain.SheetApproved, SelfTotal: &v, Verified: &v, Total: &v, Grade: domain.GradeGood},
		{UnitName: "Đảng bộ xã Kim Hải", UnitKind: domain.KindGrassrootsCommittee, Status: domain.SheetNone},
	}, Distribution: map[domain.Grade]int{domain.GradeGood: 1}, ByStatus: map[domain.SheetStatus]int{domain.SheetApproved: 1, domain.SheetNone: 1},
		NotSubmitted: []domain.MonthRow{{UnitName: "Đảng bộ xã Kim Hải", Status: domain.SheetNone}}}
	data, err = ExportMonthReport(month, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err = excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ = f.GetRows("Xếp hạng")
	if rows[0][0] != "KẾT QUẢ CHẤM ĐIỂM TỔ CHỨC CƠ SỞ ĐẢNG THÁNG 03/2018" || rows[3][1] != "Chi bộ Phòng Nội vụ" || rows[3][8] != "Tốt" {
		t.Errorf("ranking rows = %q", rows)
	}
	dist, _ := f.GetRows("Phân bố xếp loại")
	if dist[3][0] != "Tốt" || dist[3][1] != "1" || dist[len(dist)-1][0] != "Đảng bộ xã Kim Hải" {
		t.Errorf("distribution rows = %q", dist)
	}
}
