package documents

import (
	"fmt"
	"strings"
	"time"

	"chibo/backend/domain"
)

// Letter is an introduction letter (giấy giới thiệu) for one visit.
type Letter struct {
	Header        Header
	Number        string // "15-GGT/HU"
	Date          string // yyyy-mm-dd, the letter's date
	OfficialName  string
	OfficialTitle string
	CellName      string
	ParentName    string // the cell's committee
	MeetingDate   string // yyyy-mm-dd
	ValidUntil    string // yyyy-mm-dd; when empty, ValidDays after the letter's date, else the end of the meeting's month
	ValidDays     int
	// Purpose is what the letter is for, the office's words ("{thang}" is the meeting's
	// month); "Dự sinh hoạt chi bộ tháng {thang}." when empty.
	Purpose    string
	Recipients []string
}

// LetterDoc lays out an introduction letter in the party format.
func LetterDoc(l Letter) Doc {
	valid, purpose, _ := letterTerms(l)
	if l.Recipients == nil {
		// Callers pass the committee's profile's; this is the same rule for one without.
		l.Recipients = domain.LetterRecipientsOf(l.Header.IssuerName)
	}
	to := l.CellName
	if l.ParentName != "" {
		to += ", " + l.ParentName
	}
	line := func(label, value string) Para {
		return Para{Runs: []Run{r(label), b(value)}, Indent: true, After: 3}
	}
	doc := Doc{Title: "Giấy giới thiệu số " + l.Number}
	doc.Blocks = []Block{
		partyHeader(l.Header, l.Number, l.Date),
		Para{Runs: []Run{{Text: "GIẤY GIỚI THIỆU", Bold: true, Size: 16}}, Align: Center, After: 12},
		Para{Runs: []Run{r(fmt.Sprintf("Ban Thường vụ %s trân trọng giới thiệu:", l.Header.IssuerName))}, Indent: true, After: 3},
		line("Đồng chí: ", l.OfficialName),
		line("Chức vụ: ", l.OfficialTitle),
		line("Được cử đến: ", to),
		Para{Runs: []Run{r("Về việc: " + purpose)}, Align: Justify, Indent: true, After: 3},
		Para{Runs: []Run{r("Đề nghị chi bộ và các đồng chí có liên quan tạo điều kiện để đồng chí " + l.OfficialName + " hoàn thành nhiệm vụ.")}, Align: Justify, Indent: true, After: 3},
		Para{Runs: []Run{r("Giấy giới thiệu có giá trị đến hết ngày " + formatDate(valid) + ".")}, Indent: true, After: 12},
		signature(l.Recipients, l.Header.SignerCapacity, l.Header.SignerTitle, l.Header.SignerName),
	}
	return doc
}

// formatDate writes yyyy-mm-dd as dd/mm/yyyy.
func formatDate(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return t.Format("02/01/2006")
}

// LetterDOCX writes the letter as a Word document.
func LetterDOCX(l Letter) ([]byte, error) { return DOCX(LetterDoc(l)) }

// LetterPDF writes the letter as a PDF.
func LetterPDF(l Letter) ([]byte, error) { return PDF(LetterDoc(l)) }

// letterTerms are the letter's validity date, its purpose in the office's words and the
// meeting's month (mm/yyyy).
func letterTerms(l Letter) (valid, purpose, month string) {
	valid = l.ValidUntil
	if t, err := time.Parse("2006-01-02", l.MeetingDate); err == nil {
		month = t.Format("01/2006")
		if valid == "" {
			valid = t.AddDate(0, 1, -t.Day()).Format("2006-01-02")
		}
	}
	if d, err := time.Parse("2006-01-02", l.Date); err == nil && l.ValidUntil == "" && l.ValidDays > 0 {
		valid = d.AddDate(0, 0, l.ValidDays).Format("2006-01-02")
	}
	purpose = strings.TrimSpace(l.Purpose)
	if purpose == "" {
		purpose = "Dự sinh hoạt chi bộ tháng {thang}."
	}
	return valid, strings.ReplaceAll(purpose, "{thang}", month), month
}
