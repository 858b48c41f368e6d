// Package documents writes Chi Bộ's papers: the introduction letter (giấy giới thiệu) and
// the visit report as DOCX and PDF in the party document format (Guidance 36-HD/VPTW,
// DOMAIN.md "Documents"), and the round overview as XLSX.
//
// Each paper is first laid out once in a small model (paragraphs of styled runs, a
// two-column header, a signature block), then rendered by two writers: DOCX as
// WordprocessingML written with encoding/xml escaping into a zip, PDF with fpdf and an
// embedded Liberation Serif (metric-compatible with Times New Roman, SIL OFL). One layout
// for both formats keeps the DOCX that offices edit and the PDF they file identical in
// content, and leaves every text (header, signer, place) as data a district sets without a
// release. Generating the XML ourselves rather than through a DOCX library keeps the
// output byte-stable for golden tests and free of features Word flags on opening.
package documents

import (
	"fmt"
	"strings"
	"time"

	"chibo/backend/domain"
)

// Align is a paragraph's alignment.
type Align int

const (
	Left Align = iota
	Center
	Right
	Justify
)

// Run is text in one style. Size is in points (0: the body size, 14).
type Run struct {
	Text      string
	Bold      bool
	Italic    bool
	Underline bool
	Size      float64
	// Rule draws a line of the text's length under it (the party's name in the heading):
	// an underline would cut through the dots under Ộ and Ệ.
	Rule bool
}

// Para is a paragraph. Indent indents its first line (body text); After is the space
// after it in points.
type Para struct {
	Runs   []Run
	Align  Align
	Indent bool
	After  float64

	keepNext bool // set by the writer: the block after it keeps together
}

// Columns is two side-by-side stacks of paragraphs without borders: the document header
// (issuing body left, national motto right) and the signature block (recipients left,
// signer right). LeftWidth is the left column's share of the text width in percent.
type Columns struct {
	Left, Right []Para
	LeftWidth   int
	// Keep holds the block on one page with the paragraph before it (the signature).
	Keep bool
}

// Table is a bordered table of text cells: a header row repeated on every page, and
// rows that never split across pages. Widths are the columns' shares of the text width in
// percent (they add up to 100); Align sets each column's alignment (Left when absent).
type Table struct {
	Header []string
	Widths []int
	Align  []Align
	Rows   [][]string
	Size   float64 // text size in points (0: 12, a table's usual size)
}

func (t Table) size() float64 {
	if t.Size > 0 {
		return t.Size
	}
	return 12
}

func (t Table) align(col int) Align {
	if col < len(t.Align) {
		return t.Align[col]
	}
	return Left
}

// Block is a Para, a Columns or a Table.
type Block interface{ block() }

func (Para) block()    {}
func (Columns) block() {}
func (Table) block()   {}

// Doc is a laid-out paper.
type Doc struct {
	Title   string // document properties
	Blocks  []Block
	Margins Margins // zero: the party format's usual margins
}

// Margins are a page's margins in millimetres. Guidance 36-HD/VPTW gives ranges (top and
// bottom 20–25, left 30–35, right 15–20); an office sets its own in its committee profile.
type Margins struct {
	Top, Bottom, Left, Right float64
}

// DefaultMargins are the party format's common choice.
var DefaultMargins = Margins{Top: 20, Bottom: 20, Left: 30, Right: 15}

// or gives each side left at 0 its default.
func (m Margins) or() Margins {
	d := DefaultMargins
	for _, x := range []struct{ v, def *float64 }{{&m.Top, &d.Top}, {&m.Bottom, &d.Bottom}, {&m.Left, &d.Left}, {&m.Right, &d.Right}} {
		if *x.v <= 0 {
			*x.v = *x.def
		}
	}
	return m
}

// MarginsOf are the margins a committee's profile sets (its zeros: the defaults).
func MarginsOf(p domain.CommitteeProfile) Margins {
	return Margins{Top: float64(p.MarginTop), Bottom: float64(p.MarginBottom), Left: float64(p.MarginLeft), Right: float64(p.MarginRight)}.or()
}

// BodySize is the body text size in points (14, the party format's body size).
const BodySize = 14

// Header is the issuing body and signer printed on every paper (domain.DocumentHeader).
type Header = domain.DocumentHeader

// KimSonHeader is the header of the demo district.
func KimSonHeader() Header { return domain.KimSonHeader() }

func p(align Align, runs ...Run) Para { return Para{Runs: runs, Align: align} }
func r(text string) Run               { return Run{Text: text} }
func b(text string) Run               { return Run{Text: text, Bold: true} }
func i(text string) Run               { return Run{Text: text, Italic: true} }

// DateLine writes "Kim Sơn, ngày 05 tháng 6 năm 2018": day below 10 and months 1 and 2 with
// a leading zero, as administrative documents write them so that no digit can be added.
func DateLine(place, date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return place + ", ngày     tháng     năm     "
	}
	month := fmt.Sprint(int(t.Month()))
	if t.Month() < 3 {
		month = "0" + month
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", place, t.Day(), month, t.Year())
}

// partyHeader is the two-column heading of a party document: parent and issuing bodies,
// a star and the number on the left; the party's name and the place and date on the right.
func partyHeader(h Header, number, date string) Columns {
	left := []Para{
		p(Center, Run{Text: strings.ToUpper(h.ParentBody)}),
		p(Center, Run{Text: strings.ToUpper(h.IssuingBody), Bold: true}),
		p(Center, r("*")),
	}
	if number != "" {
		left = append(left, p(Center, r("Số "+number)))
	}
	right := []Para{
		p(Center, Run{Text: "ĐẢNG CỘNG SẢN VIỆT NAM", Bold: true, Rule: true, Size: 15}),
		p(Center, r("")),
		p(Center, i(DateLine(h.Place, date))),
	}
	return Columns{Left: left, Right: right, LeftWidth: 45}
}

// signature is the recipients (Nơi nhận) on the left and the signer on the right.
func signature(recipients []string, capacity, title, name string) Columns {
	left := []Para{p(Left, Run{Text: "Nơi nhận:", Bold: true, Italic: true, Size: 12})}
	for _, x := range recipients {
		left = append(left, p(Left, Run{Text: "- " + x, Size: 12}))
	}
	var right []Para
	if capacity != "" {
		right = append(right, p(Center, b(strings.ToUpper(capacity))))
	}
	if title != "" {
		right = append(right, p(Center, b(strings.ToUpper(title))))
	}
	right = append(right, p(Center, r("")), p(Center, r("")), p(Center, r("")), p(Center, b(name)))
	return Columns{Left: left, Right: right, LeftWidth: 50, Keep: true}
}

// typed lays out free text as a clerk types it: each line a paragraph, its first line
// indented, justified ("…" when nothing was written).
func typed(text string) []Block {
	var out []Block
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, Para{Runs: []Run{r(line)}, Align: Justify, Indent: true, After: 3})
		}
	}
	if len(out) == 0 {
		out = append(out, Para{Runs: []Run{r("…")}, Indent: true, After: 3})
	}
	return out
}

// keepsWithNext reports whether block i must stay on the page of the block that keeps
// together after it: the paragraph just before a signature, and an empty spacer between.
func keepsWithNext(blocks []Block, i int) bool {
	if _, ok := blocks[i].(Para); !ok {
		return false
	}
	for j := i + 1; j < len(blocks) && j <= i+2; j++ {
		switch x := blocks[j].(type) {
		case Columns:
			return x.Keep
		case Para:
			if len(x.Runs) > 0 && x.Runs[0].Text != "" {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// OnPaper gives a laid-out paper its committee's margins.
func OnPaper(d Doc, p domain.CommitteeProfile) Doc {
	d.Margins = MarginsOf(p)
	return d
}
