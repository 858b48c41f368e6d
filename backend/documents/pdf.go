package documents

import (
	"bytes"
	"embed"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-pdf/fpdf"
)

// Liberation Serif has the metrics of Times New Roman, the party format's face, and every
// Vietnamese precomposed letter; it is embedded (subset) in each PDF so that the text shows
// the same on any machine. Licence: fonts/OFL.txt.
//
//go:embed fonts/*.ttf
var fontFS embed.FS

const fontFamily = "LiberationSerif"

var fontStyles = map[string]string{
	"":   "fonts/LiberationSerif-Regular.ttf",
	"B":  "fonts/LiberationSerif-Bold.ttf",
	"I":  "fonts/LiberationSerif-Italic.ttf",
	"BI": "fonts/LiberationSerif-BoldItalic.ttf",
}

var (
	fontOnce  sync.Once
	fontBytes map[string][]byte
)

func fonts() map[string][]byte {
	fontOnce.Do(func() {
		fontBytes = map[string][]byte{}
		for style, name := range fontStyles {
			b, err := fontFS.ReadFile(name)
			if err != nil {
				panic(err) // embedded at build time: cannot be missing
			}
			fontBytes[style] = b
		}
	})
	return fontBytes
}

// geometry is where text goes on a page of this document, in millimetres: the left
// margin, the text width and the bottom margin, from the document's margins (docx.go
// uses the same).
type geometry struct{ left, width, bottom float64 }

func geometryOf(pdf *fpdf.Fpdf) geometry {
	left, _, right, bottom := pdf.GetMargins()
	w, _ := pdf.GetPageSize()
	return geometry{left: left, width: w - left - right, bottom: bottom}
}

// pdfTime is the creation date written into every PDF, so the same document gives the
// same bytes.
var pdfTime = time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)

// PDF renders d as a PDF with Liberation Serif embedded.
func PDF(d Doc) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	m := d.Margins.or()
	pdf.SetMargins(m.Left, m.Top, m.Right)
	pdf.SetAutoPageBreak(true, m.Bottom)
	pdf.SetCreationDate(pdfTime)
	pdf.SetModificationDate(pdfTime)
	pdf.SetCatalogSort(true)
	pdf.SetTitle(d.Title, true)
	pdf.SetCreator("Chi Bộ", true)
	for style, b := range fonts() {
		pdf.AddUTF8FontFromBytes(fontFamily, style, b)
	}
	// Page numbers from the second page, centred at the foot, as the party format asks.
	pdf.SetFooterFunc(func() {
		if pdf.PageNo() < 2 {
			return
		}
		pdf.SetY(-12)
		setFont(pdf, Run{Size: 13})
		pdf.CellFormat(0, 5, strconv.Itoa(pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	_, pageH := pdf.GetPageSize()
	g := geometryOf(pdf)
	for i, bl := range d.Blocks {
		switch x := bl.(type) {
		case Para:
			// The paragraph before a signature goes with it to the next page when the two
			// do not fit together on this one.
			if keepsWithNext(d.Blocks, i) && !keptAlready(d.Blocks, i) {
				h := 0.0
				for j := i; j < len(d.Blocks) && j <= i+2; j++ {
					switch y := d.Blocks[j].(type) {
					case Para:
						h += parasHeight(pdf, []Para{y}, g.width) - 3
					case Columns:
						lw := g.width * float64(y.LeftWidth) / 100
						h += max(parasHeight(pdf, y.Left, lw), parasHeight(pdf, y.Right, g.width-lw))
					}
				}
				if pdf.GetY()+h > pageH-g.bottom {
					pdf.AddPage()
				}
			}
			pdfPara(pdf, x, g.left, g.width)
		case Columns:
			pdfColumns(pdf, x)
		case Table:
			pdfTable(pdf, x)
		}
	}
	if err := pdf.Error(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func setFont(pdf *fpdf.Fpdf, r Run) float64 {
	style := ""
	if r.Bold {
		style += "B"
	}
	if r.Italic {
		style += "I"
	}
	if r.Underline {
		style += "U"
	}
	size := r.Size
	if size == 0 {
		size = BodySize
	}
	pdf.SetFont(fontFamily, style, size)
	return size * 0.3528 * 1.25 // line height: 1.25 × the size, in mm
}

// pdfPara writes a paragraph within [x, x+w]. A paragraph of one style is one MultiCell
// (any alignment); mixed styles flow with Write, left-aligned, as "Label: value" lines are.
func pdfPara(pdf *fpdf.Fpdf, p Para, x, w float64) {
	if len(p.Runs) == 0 {
		p.Runs = []Run{{}}
	}
	indent := 0.0
	if p.Indent {
		indent = 10
	}
	same := true
	for _, r := range p.Runs[1:] {
		if r.Bold != p.Runs[0].Bold || r.Italic != p.Runs[0].Italic || r.Underline != p.Runs[0].Underline || r.Size != p.Runs[0].Size {
			same = false
		}
	}
	if same {
		var text strings.Builder
		for _, r := range p.Runs {
			text.WriteString(r.Text)
		}
		lh := setFont(pdf, p.Runs[0])
		pdf.SetX(x)
		align := [...]string{"L", "C", "R", "J"}[p.Align]
		s := text.String()
		if indent > 0 && !strings.Contains(s, "\n") {
			// One first-line indent, not spaces: the first line, narrower, is set word by
			// word (justified when the paragraph goes on), the rest as usual.
			first := pdf.SplitText(s, w-indent)
			if len(first) > 0 {
				rest := strings.TrimSpace(strings.TrimPrefix(s, first[0]))
				justify := p.Align == Justify && rest != ""
				pdfLine(pdf, first[0], x+indent, w-indent, lh, justify, align)
				if rest != "" {
					pdf.SetX(x)
					pdf.MultiCell(w, lh, rest, "", align, false)
				}
				if p.After > 0 {
					pdf.Ln(p.After * 0.3528)
				} else {
					pdf.Ln(0.8)
				}
				return
			}
		}
		if p.Runs[0].Rule && p.Align == Center {
			// A line of the title's length under it, clear of the dots under Ộ and Ệ.
			tw := pdf.GetStringWidth(s)
			x0, y0 := x+(w-tw)/2, pdf.GetY()
			pdf.SetX(x0)
			pdf.CellFormat(tw, lh, s, "", 1, "L", false, 0, "")
			pdf.SetLineWidth(0.3)
			pdf.Line(x0, y0+lh+0.4, x0+tw, y0+lh+0.4)
			pdf.SetY(y0 + lh + 0.8)
		} else if p.Runs[0].Underline && p.Align == Center {
			// Underline to the text's length only.
			pdf.SetX(x + (w-pdf.GetStringWidth(s))/2)
			pdf.CellFormat(pdf.GetStringWidth(s), lh, s, "", 1, "L", false, 0, "")
		} else {
			pdf.MultiCell(w, lh, s, "", align, false)
		}
	} else {
		left, _, right, _ := pdf.GetMargins()
		pdf.SetLeftMargin(x)
		pdf.SetRightMargin(210 - x - w)
		pdf.SetX(x + indent)
		lh := 0.0
		for _, r := range p.Runs {
			lh = max(lh, setFont(pdf, r))
			pdf.Write(lh, r.Text)
		}
		pdf.Ln(lh)
		pdf.SetLeftMargin(left)
		pdf.SetRightMargin(right)
	}
	if p.After > 0 {
		pdf.Ln(p.After * 0.3528)
	} else {
		pdf.Ln(0.8)
	}
}

// pdfColumns writes the two columns side by side from the same height. A block that
// keeps together (the signature) starts the next page when it does not fit on this one.
func pdfColumns(pdf *fpdf.Fpdf, c Columns) {
	g := geometryOf(pdf)
	lw := g.width * float64(c.LeftWidth) / 100
	if c.Keep {
		_, pageH := pdf.GetPageSize()
		if h := max(parasHeight(pdf, c.Left, lw), parasHeight(pdf, c.Right, g.width-lw)); pdf.GetY()+h > pageH-g.bottom {
			pdf.AddPage()
		}
	}
	y0 := pdf.GetY()
	for _, p := range c.Left {
		pdfPara(pdf, p, g.left, lw)
	}
	yl := pdf.GetY()
	pdf.SetY(y0)
	for _, p := range c.Right {
		pdfPara(pdf, p, g.left+lw, g.width-lw)
	}
	pdf.SetY(max(yl, pdf.GetY()))
	pdf.Ln(3)
}

// pdfTable draws a bordered table: a row that does not fit on the page starts the next
// one, under the header row drawn again, so no row splits across pages.
func pdfTable(pdf *fpdf.Fpdf, t Table) {
	g := geometryOf(pdf)
	size := t.size()
	lh := size * 0.3528 * 1.2
	widths := make([]float64, len(t.Widths))
	for i, p := range t.Widths {
		widths[i] = g.width * float64(p) / 100
	}
	const pad = 1.0
	_, pageH := pdf.GetPageSize()
	height := func(cells []string, bold bool) (float64, [][]string) {
		style := ""
		if bold {
			style = "B"
		}
		pdf.SetFont(fontFamily, style, size)
		lines := make([][]string, len(cells))
		n := 1
		for i, c := range cells {
			w := 10.0
			if i < len(widths) {
				w = widths[i]
			}
			for _, l := range pdf.SplitText(c, w-2*pad) {
				lines[i] = append(lines[i], l)
			}
			if len(lines[i]) == 0 {
				lines[i] = []string{""}
			}
			n = max(n, len(lines[i]))
		}
		return float64(n)*lh + 2*pad, lines
	}
	var draw func(cells []string, bold bool)
	draw = func(cells []string, bold bool) {
		h, lines := height(cells, bold)
		if pdf.GetY()+h > pageH-g.bottom {
			pdf.AddPage()
			if !bold {
				draw(t.Header, true) // the header again on the new page
			}
		}
		y, x := pdf.GetY(), g.left
		for i := range cells {
			w := widths[min(i, len(widths)-1)]
			pdf.Rect(x, y, w, h, "D")
			align := [...]string{"L", "C", "R", "L"}[t.align(i)]
			if bold {
				align = "C"
			}
			for k, l := range lines[i] {
				pdf.SetXY(x+pad, y+pad+float64(k)*lh)
				pdf.CellFormat(w-2*pad, lh, l, "", 0, align, false, 0, "")
			}
			x += w
		}
		pdf.SetXY(g.left, y+h)
	}
	draw(t.Header, true)
	for _, r := range t.Rows {
		draw(r, false)
	}
	pdf.Ln(3)
}

// parasHeight is the height the paragraphs take in a column w mm wide, as pdfPara
// writes them (lines of the paragraph's first style, and the space after).
func parasHeight(pdf *fpdf.Fpdf, ps []Para, w float64) float64 {
	h := 0.0
	for _, p := range ps {
		r := Run{}
		var text strings.Builder
		for i, x := range p.Runs {
			if i == 0 {
				r = x
			}
			text.WriteString(x.Text)
		}
		lh := setFont(pdf, r)
		lines := max(1, len(pdf.SplitText(text.String(), w)))
		after := 0.8
		if p.After > 0 {
			after = p.After * 0.3528
		}
		h += float64(lines)*lh + after
	}
	return h + 3
}

// measurer sizes text for the DOCX writer (the title rule's length) with the PDF's
// fonts, loaded once per process.
var measurer struct {
	sync.Mutex
	pdf *fpdf.Fpdf
}

// textTwips is the width of a run's text in twentieths of a point.
func textTwips(r Run) int {
	measurer.Lock()
	defer measurer.Unlock()
	if measurer.pdf == nil {
		m := fpdf.New("P", "mm", "A4", "")
		for style, b := range fonts() {
			m.AddUTF8FontFromBytes(fontFamily, style, b)
		}
		m.AddPage()
		measurer.pdf = m
	}
	setFont(measurer.pdf, r)
	return int(measurer.pdf.GetStringWidth(r.Text) / 25.4 * 1440)
}

// pdfLine writes one line at x in width w: justified (the words spread to both edges) or
// aligned as align says; then moves to the next line.
func pdfLine(pdf *fpdf.Fpdf, line string, x, w, lh float64, justify bool, align string) {
	words := strings.Fields(line)
	y := pdf.GetY()
	if !justify || len(words) < 2 {
		pdf.SetXY(x, y)
		if align == "J" {
			align = "L"
		}
		pdf.CellFormat(w, lh, line, "", 1, align, false, 0, "")
		return
	}
	total := 0.0
	for _, wd := range words {
		total += pdf.GetStringWidth(wd)
	}
	gap := (w - total) / float64(len(words)-1)
	at := x
	for _, wd := range words {
		pdf.SetXY(at, y)
		ww := pdf.GetStringWidth(wd)
		pdf.CellFormat(ww, lh, wd, "", 0, "L", false, 0, "")
		at += ww + gap
	}
	pdf.SetXY(x, y+lh)
}

// keptAlready: block i is the spacer after a paragraph that already moved the group.
func keptAlready(blocks []Block, i int) bool {
	return i > 0 && keepsWithNext(blocks, i-1)
}
