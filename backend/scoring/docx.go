package scoring

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"

	"chibo/backend/domain"
)

// The classification table is written as WordprocessingML by hand and zipped with
// archive/zip rather than through a DOCX library: the document is one heading, one table
// and a signature block; no dependency is needed for that, the output is exactly the party
// document layout we choose (A4, Times New Roman, the margins of Guidance 36), and the
// bytes are deterministic (fixed zip times), so a golden test catches any change.

// Page geometry in twentieths of a point: A4; margins top and bottom 20 mm, left 30 mm,
// right 15 mm.
const (
	pageW, pageH            = 11906, 16838
	marginTB, marginL, marR = 1134, 1701, 851
	textWidth               = pageW - marginL - marR
)

// run is a piece of text with its formatting; size in points.
type run struct {
	text                    string
	size                    int
	bold, italic, underline bool
}

func (r run) xml() string {
	var p strings.Builder
	p.WriteString(`<w:r><w:rPr>`)
	if r.bold {
		p.WriteString(`<w:b/>`)
	}
	if r.italic {
		p.WriteString(`<w:i/>`)
	}
	fmt.Fprintf(&p, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.size*2, r.size*2)
	if r.underline { // the schema orders u after sz: Word refuses a file that breaks the order
		p.WriteString(`<w:u w:val="single"/>`)
	}
	fmt.Fprintf(&p, `</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, xmlEscape(r.text))
	return p.String()
}

// para is a paragraph: "center", "left", "right" or "both" alignment.
func para(align string, runs ...run) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<w:p><w:pPr><w:spacing w:before="0" w:after="60"/><w:jc w:val="%s"/></w:pPr>`, align)
	for _, r := range runs {
		b.WriteString(r.xml())
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

// tableCell is one cell of a width in twips holding paragraphs.
func tableCell(width int, paras ...string) string {
	return fmt.Sprintf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>%s</w:tc>`, width, strings.Join(paras, ""))
}

func table(widths []int, borders bool, rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + fmt.Sprint(textWidth) + `" w:type="dxa"/>`)
	if borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, cells := range rows {
		b.WriteString(`<w:tr>`)
		if i == 0 && borders {
			b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`) // repeat the header on every page
		}
		for j, c := range cells {
			b.WriteString(tableCell(widths[j], c))
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// ClassificationDOCX writes the year-end classification table as a party document:
// heading, title, one row per organization (mean, lowest month, suggestion, decided grade
// and the reason of an override), the counts, the share-rule warnings and the signature
// block.
func ClassificationDOCX(rep domain.YearReport, h Header) ([]byte, error) {
	var body strings.Builder
	left := para("center", run{text: strings.ToUpper(h.ParentBody), size: 14}) +
		para("center", run{text: strings.ToUpper(h.IssuingBody), size: 14, bold: true}) +
		para("center", run{text: "*", size: 14})
	right := para("center", run{text: "ĐẢNG CỘNG SẢN VIỆT NAM", size: 15, bold: true, underline: true}) +
		para("center", run{text: h.dateLine(), size: 14, italic: true})
	body.WriteString(table([]int{textWidth * 45 / 100, textWidth - textWidth*45/100}, false, []string{left, right}))
	body.WriteString(para("center", run{text: "", size: 14}))
	body.WriteString(para("center", run{text: "BẢNG TỔNG HỢP", size: 16, bold: true}))
	body.WriteString(para("center", run{text: fmt.Sprintf("kết quả xếp loại tổ chức cơ sở đảng năm %d", rep.Year), size: 14, bold: true}))
	body.WriteString(para("center", run{text: "", size: 12}))

	widths := []int{600, 3000, 900, 900, 1300, 1300}
	widths = append(widths, textWidth-sum(widths))
	cellText := func(s string, bold bool, align string) string { return para(align, run{text: s, size: 12, bold: bold}) }
	rows := [][]string{{
		cellText("STT", true, "center"), cellText("Tổ chức cơ sở đảng", true, "center"), cellText("Điểm TB", true, "center"),
		cellText("Tháng thấp nhất", true, "center"), cellText("Đề xuất theo điểm", true, "center"),
		cellText("Xếp loại", true, "center"), cellText("Ghi chú", true, "center"),
	}}
	for i, c := range rep.Rows {
		mean, low := "", ""
		if c.Suggestion.Months > 0 {
			mean, low = domain.FormatPoints(c.Suggestion.Mean), domain.FormatPoints(c.Suggestion.Lowest)
		}
		note := c.OverrideReason
		if c.Suggestion.Grade == "" && note == "" {
			note = fmt.Sprintf("%d/12 tháng đã duyệt", c.Suggestion.Months)
		}
		rows = append(rows, []string{
			cellText(fmt.Sprint(i+1), false, "center"), cellText(c.UnitName, false, "left"), cellText(mean, false, "center"),
			cellText(low, false, "center"), cellText(c.Suggestion.Grade.Label(), false, "center"),
			cellText(c.Final.Label(), c.Override != "", "center"), cellText(note, false, "left"),
		})
	}
	body.WriteString(table(widths, true, rows...))
	body.WriteString(para("left", run{text: "", size: 14}))
	var counts []string
	for _, g := range domain.YearGrades {
		counts = append(counts, fmt.Sprintf("%s: %d", g.Label(), rep.Counts[g]))
	}
	body.WriteString(para("both", run{text: fmt.Sprintf("Tổng số: %d tổ chức cơ sở đảng. ", len(rep.Rows)), size: 14}, run{text: strings.Join(counts, "; ") + ".", size: 14}))
	for _, w := range rep.Warnings {
		body.WriteString(para("both", run{text: "Lưu ý: ", size: 14, bold: true}, run{text: w.Message, size: 14, italic: true}))
	}
	sign := para("center", run{text: "T/M BAN THƯỜNG VỤ", size: 14, bold: true})
	body.WriteString(table([]int{textWidth / 2, textWidth - textWidth/2}, false, []string{para("left", run{text: "", size: 12}), sign}))

	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body.String() +
		fmt.Sprintf(`<w:sectPr><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`,
			pageW, pageH, marginTB, marR, marginTB, marginL) +
		`</w:body></w:document>`
	return zipParts(map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  rootRels,
		"word/_rels/document.xml.rels": documentRels,
		"word/styles.xml":              styles,
		"word/document.xml":            doc,
	})
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// zipParts writes the package with its parts in a fixed order and a fixed time.
func zipParts(parts map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	when := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml"} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: when})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

// styles sets Times New Roman for every script, Vietnamese proofing, 14 pt body.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`
