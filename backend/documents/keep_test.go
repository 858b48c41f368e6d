package documents

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"chibo/backend/domain"
)

// pdfPagesText is each page's text (pdftotext separates pages with a form feed).
func pdfPagesText(t *testing.T, b []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sweep.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(out), "\f"), "\f")
}

// A sweep of lengths: whatever the length of the notice before it, the signature block
// (Nơi nhận, the signer's capacity and name) is on one page, never split; pages from the
// second are numbered.
func TestSignatureBlockNeverSplits(t *testing.T) {
	h := KimSonHeader()
	h.SignerName = "Nguyễn Đức Phương"
	pages := map[int]bool{}
	for n := 0; n <= 36; n++ {
		np := NoticePaper{Header: h, Notice: domain.Notice{Month: "2018-06", Status: domain.NoticeIssued, Number: 3, Symbol: "TB/HU", Date: "2018-07-05",
			Assessment: "Các chi bộ sinh hoạt đúng quy định.", Recipients: []string{"Các chi bộ có tên,", "Ban Tổ chức Huyện ủy,", "Lưu Văn phòng Huyện ủy."}}}
		if n > 0 {
			u := domain.NoticeShortcomings{Name: "Chi bộ Xóm 5"}
			for i := 0; i < n; i++ {
				u.Items = append(u.Items, domain.Shortcoming{Text: "Chưa kiểm điểm việc thực hiện nghị quyết tháng trước; nội dung sinh hoạt còn chung chung.", Fix: "Kiểm điểm trong buổi sinh hoạt tháng sau.", Due: "2018-07-31"})
			}
			u.Items[n-1].Text = "Mục cuối cùng."
			np.Notice.Shortcomings = []domain.NoticeShortcomings{u}
		}
		b, err := Render(NoticeDoc(np), FormatPDF)
		if err != nil {
			t.Fatal(err)
		}
		texts := pdfPagesText(t, b)
		pages[len(texts)] = true
		found := false
		for i, text := range texts {
			has := func(s string) bool { return strings.Contains(text, s) }
			if has("T/M BAN THƯỜNG VỤ") || has("Nơi nhận:") || has("Nguyễn Đức Phương") || has("Lưu Văn phòng Huyện ủy.") {
				if !(has("T/M BAN THƯỜNG VỤ") && has("Nơi nhận:") && has("Nguyễn Đức Phương") && has("Lưu Văn phòng Huyện ủy.")) {
					t.Errorf("%d items: the signature block is split on page %d", n, i+1)
				}
				// The paragraph before it goes with it.
				if n > 0 && !has("Mục cuối cùng.") || n == 0 && !has("đúng quy định") {
					t.Errorf("%d items: the signature's page %d does not hold the paragraph before it", n, i+1)
				}
				found = true
			}
			if i > 0 && !strings.Contains(text, "\n"+strconv.Itoa(i+1)) && !strings.HasPrefix(strings.TrimSpace(text), strconv.Itoa(i+1)) && !strings.HasSuffix(strings.TrimSpace(text), strconv.Itoa(i+1)) {
				t.Errorf("%d items: page %d has no page number", n, i+1)
			}
		}
		if !found {
			t.Errorf("%d items: no signature", n)
		}
	}
	if len(pages) < 2 {
		t.Errorf("the sweep never crossed a page: %v", pages)
	}
}
