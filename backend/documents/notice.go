package documents

import (
	"fmt"
	"strings"
	"time"

	"chibo/backend/domain"
)

// NoticePaper is a conclusion notice with the committee that issues it.
type NoticePaper struct {
	Header Header // the issuing committee's heading and signer
	Notice domain.Notice
	// Replaced is the number of the notice this one corrects ("" for none).
	Replaced string
}

// NoticeDoc lays out a conclusion notice (Thông báo kết luận) in the party format: the
// heading, THÔNG BÁO and its summary line, the general assessment, the organizations that
// did well, those with shortcomings with what each must fix and by when, the directions,
// and the signature with Nơi nhận.
func NoticeDoc(np NoticePaper) Doc {
	n := np.Notice
	month := n.Month
	if t, err := time.Parse("2006-01", n.Month); err == nil {
		month = fmt.Sprintf("%d/%d", int(t.Month()), t.Year())
	}
	number := n.NoticeNumber()
	if number == "" {
		number = "DỰ THẢO"
	}
	para := func(text string) []Block {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		return typed(text)
	}
	heading := func(text string) Block { return Para{Runs: []Run{b(text)}, Indent: true, After: 3} }
	doc := Doc{Title: "Thông báo kết luận số " + number}
	doc.Blocks = []Block{
		partyHeader(np.Header, number, n.Date),
		Para{Runs: []Run{{Text: "THÔNG BÁO", Bold: true, Size: 16}}, Align: Center},
		Para{Runs: []Run{b(fmt.Sprintf("Kết luận của Thường trực %s về kết quả dự sinh hoạt chi bộ tháng %s", np.Header.IssuerName, month))}, Align: Center, After: 3},
		Para{Runs: []Run{r("-----")}, Align: Center, After: 9},
	}
	if np.Replaced != "" {
		doc.Blocks = append(doc.Blocks, Para{Runs: []Run{i("Thông báo này thay thế Thông báo số " + np.Replaced + ".")}, Indent: true, After: 3})
	}
	doc.Blocks = append(doc.Blocks, heading("I. ĐÁNH GIÁ CHUNG"))
	doc.Blocks = append(doc.Blocks, para(n.Assessment)...)
	if len(n.DidWell) > 0 {
		doc.Blocks = append(doc.Blocks, heading("II. NHỮNG ĐẢNG BỘ, CHI BỘ LÀM TỐT"))
		for k, u := range n.DidWell {
			line := fmt.Sprintf("%d. %s", k+1, u.Name)
			if u.Note != "" {
				line += ": " + u.Note
			}
			doc.Blocks = append(doc.Blocks, Para{Runs: []Run{r(line)}, Align: Justify, Indent: true, After: 3})
		}
	}
	if len(n.Shortcomings) > 0 {
		doc.Blocks = append(doc.Blocks, heading("III. NHỮNG ĐƠN VỊ CÒN THIẾU SÓT, KHUYẾT ĐIỂM VÀ YÊU CẦU KHẮC PHỤC"))
		for k, u := range n.Shortcomings {
			doc.Blocks = append(doc.Blocks, Para{Runs: []Run{b(fmt.Sprintf("%d. %s", k+1, u.Name))}, Indent: true, After: 2})
			for _, it := range u.Items {
				runs := []Run{r("- " + it.Text)}
				if it.Fix != "" {
					runs = append(runs, r(" Yêu cầu: "+it.Fix))
				}
				if it.Due != "" {
					runs = append(runs, i(" (hoàn thành trước ngày "+formatDate(it.Due)+")"))
				}
				doc.Blocks = append(doc.Blocks, Para{Runs: runs, Align: Justify, Indent: true, After: 2})
			}
		}
	}
	if strings.TrimSpace(n.Directions) != "" {
		doc.Blocks = append(doc.Blocks, heading("IV. CHỈ ĐẠO"))
		doc.Blocks = append(doc.Blocks, para(n.Directions)...)
	}
	recipients := n.Recipients
	if len(recipients) == 0 {
		recipients = []string{"Như trên,", "Lưu."}
	}
	doc.Blocks = append(doc.Blocks, Para{After: 6}, signature(recipients, np.Header.SignerCapacity, np.Header.SignerTitle, np.Header.SignerName))
	return doc
}
