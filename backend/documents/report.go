package documents

import (
	"fmt"
	"strings"

	"chibo/backend/domain"
)

// ReportPaper is a submitted visit report with what its paper needs around it.
type ReportPaper struct {
	Header   Header
	Template domain.ReportTemplate // the version the report was written on
	Report   domain.Report
	Date     string // yyyy-mm-dd, the date the paper carries
	Signer   string // the reporting official
	// Recipients (Nơi nhận): the committee's; when empty, the issuer's standing body.
	Recipients []string
}

// ReportDoc lays out a visit report: the party header, the title, then every field of the
// report's own template version in order, sections as headings, and the signature.
func ReportDoc(rp ReportPaper) Doc {
	cell, _ := rp.Report.Values["cellName"].(string)
	if parent, _ := rp.Report.Values["parentName"].(string); parent != "" && cell != "" {
		cell += ", " + parent
	}
	summary := []rune(strings.TrimPrefix(rp.Template.Name, "Báo cáo "))
	if len(summary) > 0 {
		summary[0] = []rune(strings.ToUpper(string(summary[0])))[0]
	}
	doc := Doc{Title: rp.Template.Name}
	doc.Blocks = append(doc.Blocks,
		partyHeader(rp.Header, "", rp.Date),
		Para{Runs: []Run{{Text: "BÁO CÁO", Bold: true, Size: 16}}, Align: Center},
		Para{Runs: []Run{b(string(summary))}, Align: Center},
		Para{Runs: []Run{b(cell)}, Align: Center, After: 12},
	)
	if rp.Report.Revision > 0 {
		doc.Blocks = append(doc.Blocks, Para{Runs: []Run{i(fmt.Sprintf("Bản đính chính lần %d. Lý do: %s", rp.Report.Revision, rp.Report.Reason))}, Align: Center, After: 6})
	}
	for _, f := range rp.Template.Fields {
		v := rp.Report.Values[f.Key]
		switch f.Type {
		case domain.FieldSection:
			doc.Blocks = append(doc.Blocks, Para{Runs: []Run{b(f.Label)}, After: 3})
		case domain.FieldTextarea:
			doc.Blocks = append(doc.Blocks, Para{Runs: []Run{r(f.Label + ":")}, Indent: true})
			doc.Blocks = append(doc.Blocks, typed(domain.DisplayValue(f, v))...)
		case domain.FieldChecklist:
			doc.Blocks = append(doc.Blocks, Para{Runs: []Run{r(f.Label + ":")}, Indent: true})
			checked := map[string]bool{}
			for _, x := range strings.Split(domain.DisplayValue(f, v), "; ") {
				checked[x] = true
			}
			for _, o := range f.Options {
				mark := "không"
				if checked[o] {
					mark = "có"
				}
				doc.Blocks = append(doc.Blocks, Para{Runs: []Run{r("- " + o + ": "), b(mark)}, Indent: true})
			}
		default:
			doc.Blocks = append(doc.Blocks, Para{Runs: []Run{r(f.Label + ": "), b(domain.DisplayValue(f, v))}, Indent: true, After: 2})
		}
	}
	signer := rp.Signer
	if s, ok := rp.Report.Values["signer"].(string); ok && s != "" {
		signer = s
	}
	to := rp.Recipients
	if len(to) == 0 {
		to = domain.ReportRecipientsOf(rp.Header.IssuerName, "") // as a profile's defaults
	}
	doc.Blocks = append(doc.Blocks, Para{After: 6}, signature(to, "NGƯỜI BÁO CÁO", "", signer))
	return doc
}

// ReportDOCX writes the report as a Word document.
func ReportDOCX(rp ReportPaper) ([]byte, error) { return DOCX(ReportDoc(rp)) }

// ReportPDF writes the report as a PDF.
func ReportPDF(rp ReportPaper) ([]byte, error) { return PDF(ReportDoc(rp)) }
