package documents

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// A4 in twentieths of a point (twips); the margins are the document's (Doc.Margins, the
// same millimetres the PDF writer uses).
const (
	pageWidthTw  = 11906
	pageHeightTw = 16838
)

// twips converts millimetres.
func twips(mm float64) int { return int(mm/25.4*1440 + 0.5) }

// docxWriter writes one document's body within its text width.
type docxWriter struct {
	strings.Builder
	textW int // twips
}

// zipTime is the modification time of every part, so that the same document gives the
// same bytes (golden files, and a document that does not change is not "modified").
var zipTime = time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)

// DOCX renders d as a Word document.
func DOCX(d Doc) ([]byte, error) {
	m := d.Margins.or()
	body := &docxWriter{textW: pageWidthTw - twips(m.Left) - twips(m.Right)}
	for i, bl := range d.Blocks {
		switch x := bl.(type) {
		case Para:
			// The paragraph before a block that keeps together stays on its page.
			x.keepNext = keepsWithNext(d.Blocks, i)
			body.para(x)
		case Columns:
			body.columns(x)
		case Table:
			body.table(x)
		}
	}
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", fmt.Sprintf(coreXML, esc(d.Title))},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/footer1.xml", footerXML},
		{"word/document.xml", xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>` + body.String() +
			fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>`,
				pageWidthTw, pageHeightTw, twips(m.Top), twips(m.Right), twips(m.Bottom), twips(m.Left)) +
			`</w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(part.content)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// esc escapes text for XML character data: every text of a document passes here.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (w *docxWriter) para(p Para) { writeParaIn(&w.Builder, p, w.textW) }

// writeParaIn writes a paragraph in a column width twips wide (a rule under a centred
// title is as long as the title: the paragraph's bottom border, indented on both sides).
func writeParaIn(w *strings.Builder, p Para, width int) {
	w.WriteString(`<w:p><w:pPr>`)
	if p.keepNext {
		w.WriteString(`<w:keepNext/>`)
	}
	rule := len(p.Runs) == 1 && p.Runs[0].Rule
	if rule {
		w.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	}
	if p.After > 0 {
		fmt.Fprintf(w, `<w:spacing w:after="%d"/>`, int(p.After*20))
	}
	if p.Indent {
		w.WriteString(`<w:ind w:firstLine="567"/>`)
	} else if rule {
		// A tenth more than the text: Word and LibreOffice set it a little wider than
		// the PDF's metrics say, and the rule must not wrap the title.
		side := max(0, (width-textTwips(p.Runs[0])*11/10)/2)
		fmt.Fprintf(w, `<w:ind w:left="%d" w:right="%d"/>`, side, side)
	}
	w.WriteString(`<w:jc w:val="` + [...]string{"left", "center", "right", "both"}[p.Align] + `"/></w:pPr>`)
	for _, r := range p.Runs {
		w.WriteString(`<w:r>`)
		var props strings.Builder
		if r.Bold {
			props.WriteString(`<w:b/>`)
		}
		if r.Italic {
			props.WriteString(`<w:i/>`)
		}
		if r.Size > 0 && r.Size != BodySize {
			fmt.Fprintf(&props, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(r.Size*2), int(r.Size*2))
		}
		if r.Underline { // after sz: the schema's order, which Word enforces
			props.WriteString(`<w:u w:val="single"/>`)
		}
		if props.Len() > 0 {
			w.WriteString(`<w:rPr>` + props.String() + `</w:rPr>`)
		}
		for n, line := range strings.Split(r.Text, "\n") {
			if n > 0 {
				w.WriteString(`<w:br/>`)
			}
			w.WriteString(`<w:t xml:space="preserve">` + esc(line) + `</w:t>`)
		}
		w.WriteString(`</w:r>`)
	}
	w.WriteString(`</w:p>`)
}

// columns writes a borderless two-column table of fixed widths.
func (w *docxWriter) columns(c Columns) {
	lw := w.textW * c.LeftWidth / 100
	rw := w.textW - lw
	fmt.Fprintf(w, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid><w:tr>`, w.textW, lw, rw)
	if c.Keep {
		w.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`) // a signature block never splits
	}
	for n, col := range [][]Para{c.Left, c.Right} {
		width := lw
		if n == 1 {
			width = rw
		}
		fmt.Fprintf(w, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, width)
		if len(col) == 0 {
			col = []Para{{}}
		}
		for _, p := range col {
			writeParaIn(&w.Builder, p, width)
		}
		w.WriteString(`</w:tc>`)
	}
	w.WriteString(`</w:tr></w:tbl>`)
	w.para(Para{}) // Word needs a paragraph between a table and what follows
}

// table writes a bordered table: the header row repeats on each page (tblHeader) and no
// row splits across pages (cantSplit).
func (w *docxWriter) table(t Table) {
	widths := make([]int, len(t.Widths))
	for i, p := range t.Widths {
		widths[i] = w.textW * p / 100
	}
	border := `w:val="single" w:sz="4" w:space="0" w:color="000000"`
	fmt.Fprintf(w, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders><w:top %s/><w:left %s/><w:bottom %s/><w:right %s/><w:insideH %s/><w:insideV %s/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`,
		w.textW, border, border, border, border, border, border)
	for _, x := range widths {
		fmt.Fprintf(w, `<w:gridCol w:w="%d"/>`, x)
	}
	w.WriteString(`</w:tblGrid>`)
	row := func(cells []string, header bool) {
		w.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			w.WriteString(`<w:tblHeader/>`)
		}
		w.WriteString(`</w:trPr>`)
		for i, text := range cells {
			width := 0
			if i < len(widths) {
				width = widths[i]
			}
			fmt.Fprintf(w, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, width)
			align := t.align(i)
			if header {
				align = Center
			}
			w.para(Para{Runs: []Run{{Text: text, Bold: header, Size: t.size()}}, Align: align})
			w.WriteString(`</w:tc>`)
		}
		w.WriteString(`</w:tr>`)
	}
	row(t.Header, true)
	for _, r := range t.Rows {
		row(r, false)
	}
	w.WriteString(`</w:tbl>`)
	w.para(Para{})
}

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

	contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`</Types>`

	rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`</Relationships>`

	documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
		`</Relationships>`

	// The page number, centred at the foot of every page but the first (titlePg gives the
	// first page its own, empty footer), as the party format numbers pages.
	footerXML = xmlHeader + `<w:ftr xmlns:w="` + nsW + `"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
		`<w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:ftr>`

	coreXML = xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>%s</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>`

	settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>`

	// Times New Roman 14 for everything, as the party format asks; single spacing with a
	// little space after each paragraph.
	stylesXML = xmlHeader + `<w:styles xmlns:w="` + nsW + `"><w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
		`<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
)
