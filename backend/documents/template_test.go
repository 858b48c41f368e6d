package documents

import (
	"strings"
	"testing"

	"chibo/backend/domain"
)

// An office's Word template: placeholders found, filled even when Word split one over
// runs of different formatting, the runs around them kept, an unknown one left as typed,
// line breaks kept; a file that is not a .docx refused in words.
func TestFillAnOfficesTemplate(t *testing.T) {
	tpl, err := DOCX(Doc{Blocks: []Block{
		Para{Runs: []Run{b("GIẤY GIỚI THIỆU số {so}")}},
		Para{Runs: []Run{r("Đồng chí: {ho"), b("_t"), i("en}"), r(", chức vụ {chuc_vu}.")}},
		Para{Runs: []Run{r("Nơi đến: "), b("{chi_bo}"), r(" — {khong_co}")}},
		Para{Runs: []Run{r("Nội dung: {noi_dung}")}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Placeholders(tpl)
	if err != nil || strings.Join(got, " ") != "{so} {ho_ten} {chuc_vu} {chi_bo} {khong_co} {noi_dung}" {
		t.Fatalf("placeholders %v %v", got, err)
	}
	out, err := FillDOCX(tpl, map[string]string{"so": "15-GGT/HU", "ho_ten": "Trần Thị Lan", "chuc_vu": "Chuyên viên <Ban Tổ chức> & Huyện ủy",
		"chi_bo": "Chi bộ Xóm 1", "noi_dung": "Dòng một\nDòng hai"})
	if err != nil {
		t.Fatal(err)
	}
	lines, doc := docxParagraphs(t, out)
	contains(t, "filled", lines, "GIẤY GIỚI THIỆU số 15-GGT/HU", "Đồng chí: Trần Thị Lan, chức vụ Chuyên viên <Ban Tổ chức> & Huyện ủy.",
		"Nơi đến: Chi bộ Xóm 1 — {khong_co}")
	if !strings.Contains(doc, `<w:b/></w:rPr><w:t xml:space="preserve">Chi bộ Xóm 1</w:t>`) {
		t.Error("the bold run around a placeholder lost its formatting")
	}
	if !strings.Contains(doc, `Dòng một</w:t><w:br/><w:t xml:space="preserve">Dòng hai`) {
		t.Error("a value's line break is not a line break")
	}
	checkWMLOrder(t, "filled", []byte(doc))
	if _, err := FillDOCX([]byte("not a zip"), nil); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("not a docx: %v", err)
	}
}
