package documents

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"chibo/backend/domain"
)

// An office's own Word layout (issue 13): a .docx made in Word with placeholders such as
// {so}, {ho_ten}, {chi_bo}, {ngay}, filled with the paper's values. Word often splits a
// placeholder over several runs ("{ho" in one, "_ten}" in the next, when the text was
// typed in two goes or spell-checked); the filler joins the runs a placeholder spans and
// leaves every other run, with its formatting, as it was. No module served here fills
// DOCX templates, so this is the small filler the issue allows.

var (
	paraRe  = regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	textRe  = regexp.MustCompile(`(?s)(<w:t(?: [^>]*)?>)(.*?)(</w:t>)`)
	fieldRe = regexp.MustCompile(`\{[a-z_]+\}`)
)

// templateParts are the parts of a document that hold its text.
func templatePart(name string) bool {
	return name == "word/document.xml" || strings.HasPrefix(name, "word/header") || strings.HasPrefix(name, "word/footer")
}

// Placeholders lists the placeholders a template holds, in order, once each. Errors:
// EInvalid when the file is not a Word document.
func Placeholders(docx []byte) ([]string, error) {
	parts, err := readParts(docx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range parts {
		if !templatePart(p.name) {
			continue
		}
		for _, para := range paraRe.FindAllString(string(p.data), -1) {
			for _, f := range fieldRe.FindAllString(paraText(para), -1) {
				if !seen[f] {
					seen[f] = true
					out = append(out, f)
				}
			}
		}
	}
	return out, nil
}

// FillDOCX fills a template's placeholders with values (keys without braces: "so");
// a placeholder with no value is left as typed, so the clerk sees what is missing. A line
// break in a value becomes a line break in Word.
func FillDOCX(docx []byte, values map[string]string) ([]byte, error) {
	parts, err := readParts(docx)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		data := p.data
		if templatePart(p.name) {
			data = paraRe.ReplaceAllFunc(data, func(para []byte) []byte { return fillPara(para, values) })
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type part struct {
	name string
	data []byte
}

func readParts(docx []byte) ([]part, error) {
	bad := domain.Errorf(domain.EInvalid, "template", "Tệp không phải văn bản Word (.docx).", "The file is not a Word document (.docx).")
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, bad
	}
	var out []part
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, bad
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, bad
		}
		found = found || f.Name == "word/document.xml"
		out = append(out, part{f.Name, data})
	}
	if !found {
		return nil, bad
	}
	return out, nil
}

// paraText is a paragraph's text, its w:t nodes joined (XML-escaped as stored).
func paraText(para string) string {
	var b strings.Builder
	for _, m := range textRe.FindAllStringSubmatch(para, -1) {
		b.WriteString(m[2])
	}
	return b.String()
}

// fillPara replaces the placeholders of one paragraph. The text of each placeholder goes
// into the w:t node where it starts; what it took from the following nodes is removed
// from them, so their runs keep their formatting and their other text.
func fillPara(para []byte, values map[string]string) []byte {
	nodes := textRe.FindAllSubmatchIndex(para, -1)
	if len(nodes) == 0 {
		return para
	}
	texts := make([]string, len(nodes))
	starts := make([]int, len(nodes)) // each node's offset in the joined text
	var joined strings.Builder
	for i, n := range nodes {
		starts[i] = joined.Len()
		texts[i] = string(para[n[4]:n[5]])
		joined.WriteString(texts[i])
	}
	full := joined.String()
	matches := fieldRe.FindAllStringIndex(full, -1)
	if len(matches) == 0 {
		return para
	}
	nodeAt := func(off int) int {
		return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	}
	// From the last placeholder back, so earlier offsets stay valid.
	for k := len(matches) - 1; k >= 0; k-- {
		from, to := matches[k][0], matches[k][1]
		key := strings.Trim(full[from:to], "{}")
		v, ok := values[key]
		if !ok {
			continue
		}
		a, z := nodeAt(from), nodeAt(to-1)
		repl := escapeValue(v)
		if a == z {
			t := texts[a]
			texts[a] = t[:from-starts[a]] + repl + t[to-starts[a]:]
			continue
		}
		texts[a] = texts[a][:from-starts[a]] + repl
		for i := a + 1; i < z; i++ {
			texts[i] = ""
		}
		texts[z] = texts[z][to-starts[z]:]
	}
	var out bytes.Buffer
	last := 0
	for i, n := range nodes {
		out.Write(para[last:n[2]])
		open := string(para[n[2]:n[3]])
		if !strings.Contains(open, "xml:space") {
			open = `<w:t xml:space="preserve">`
		}
		out.WriteString(open)
		out.WriteString(texts[i])
		out.Write(para[n[6]:n[7]])
		last = n[1]
	}
	out.Write(para[last:])
	return out.Bytes()
}

// escapeValue escapes a value for a w:t node; its line breaks close the text node, break
// the line and open another.
func escapeValue(v string) string {
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		lines[i] = esc(l)
	}
	return strings.Join(lines, `</w:t><w:br/><w:t xml:space="preserve">`)
}

// LetterValues are a letter's placeholders for an office's template.
func LetterValues(l Letter) map[string]string {
	valid, purpose, month := letterTerms(l) // as the built-in layout decides them
	return map[string]string{
		"so": l.Number, "ngay": formatDate(l.Date), "ngay_thang_nam": DateLine(l.Header.Place, l.Date), "ho_ten": l.OfficialName,
		"chuc_vu": l.OfficialTitle, "chi_bo": l.CellName, "dang_bo": l.ParentName, "thang": month, "ngay_sinh_hoat": formatDate(l.MeetingDate),
		"co_gia_tri_den": formatDate(valid), "ve_viec": purpose, "nguoi_ky": l.Header.SignerName, "chuc_vu_nguoi_ky": l.Header.SignerTitle,
		"cap_uy": l.Header.IssuerName,
	}
}

// NoticeValues are a conclusion notice's placeholders for an office's template.
func NoticeValues(np NoticePaper) map[string]string {
	n := np.Notice
	var well, short []string
	for k, u := range n.DidWell {
		line := strings.TrimSpace(u.Name + ": " + u.Note)
		well = append(well, strings.TrimSuffix(itoa(k+1)+". "+line, ":"))
	}
	for k, u := range n.Shortcomings {
		short = append(short, itoa(k+1)+". "+u.Name)
		for _, it := range u.Items {
			s := "- " + it.Text
			if it.Fix != "" {
				s += " Yêu cầu: " + it.Fix
			}
			if it.Due != "" {
				s += " (hoàn thành trước ngày " + formatDate(it.Due) + ")"
			}
			short = append(short, s)
		}
	}
	return map[string]string{
		"so": n.NoticeNumber(), "ngay": formatDate(n.Date), "ngay_thang_nam": DateLine(np.Header.Place, n.Date), "thang": monthLabel(n.Month),
		"danh_gia": n.Assessment, "lam_tot": strings.Join(well, "\n"), "thieu_sot": strings.Join(short, "\n"), "chi_dao": n.Directions,
		"nguoi_ky": np.Header.SignerName, "chuc_vu_nguoi_ky": np.Header.SignerTitle, "cap_uy": np.Header.IssuerName,
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
