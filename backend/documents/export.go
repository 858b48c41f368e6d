package documents

import (
	"encoding/base64"
	"strings"

	"chibo/backend/domain"
)

// Formats of the papers.
const (
	FormatDOCX = "docx"
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
)

// LetterFromVisit makes the letter of a visit that has its number.
func LetterFromVisit(h Header, f domain.VisitFacts) Letter {
	v := f.Visit
	return Letter{Header: h, Number: v.LetterNumber(), Date: v.LetterDate, OfficialName: v.OfficialName,
		OfficialTitle: f.OfficialTitle, CellName: v.CellName, ParentName: f.ParentName, MeetingDate: v.Date}
}

// Render writes d in format (docx or pdf). Errors: EInvalid for another format.
func Render(d Doc, format string) ([]byte, error) {
	switch format {
	case FormatDOCX:
		return DOCX(d)
	case FormatPDF:
		return PDF(d)
	}
	return nil, domain.Errorf(domain.EInvalid, "format", "Định dạng “%s” không được hỗ trợ (docx, pdf).", "Unsupported format “%s” (docx, pdf).", format)
}

// Base64 encodes a file for the frontend; err passes through.
func Base64(b []byte, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// FileName makes a file name from a title: spaces to dashes, no path separators.
func FileName(title, format string) string {
	r := strings.NewReplacer("/", "-", "\\", "-", " ", "-", ":", "-")
	return r.Replace(title) + "." + format
}
