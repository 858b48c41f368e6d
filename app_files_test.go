package main

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"chibo/backend/documents"
	"chibo/backend/domain"
)

// Exports open in Documents/ChiBo until the person saves elsewhere, then there; only
// files the app saved can be opened from it; a print renders the paper's PDF.
func TestFilesGoWhereUsersLook(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	a := newTestApp(t)
	want := filepath.Join(home, "Documents", "ChiBo")
	if got := a.exportDir(); got != want {
		t.Fatalf("export folder %q, want %q", got, want)
	}
	if st, err := os.Stat(want); err != nil || !st.IsDir() {
		t.Fatalf("Documents/ChiBo not created: %v", err)
	}
	other := filepath.Join(home, "Công văn")
	os.MkdirAll(other, 0o755)
	saved := filepath.Join(other, "Giay-gioi-thieu.pdf")
	a.rememberSaved(saved)
	if got := a.exportDir(); got != other {
		t.Errorf("the folder last saved to is not remembered: %q", got)
	}
	os.RemoveAll(other)
	if got := a.exportDir(); got != want {
		t.Errorf("a removed folder is still offered: %q", got)
	}
	for _, open := range []func(string) error{a.OpenFile, a.ShowInFolder} {
		if err := open("/etc/passwd"); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("a file the app did not save was opened: %v", err)
		}
	}
	if _, err := a.PrintDocument("poster", "x"); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("an unknown paper printed: %v", err)
	}
}

// A commune's month schedule as Excel, PDF and a print.
func TestScheduleFiles(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	a := newTestApp(t)
	if _, err := a.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	communes, _ := a.ListCommunes()
	for format, magic := range map[string]string{"xlsx": "PK", "pdf": "%PDF", "docx": "PK"} {
		s, err := a.ExportSchedule(communes[0].ID, "2018-06", format)
		b, _ := base64.StdEncoding.DecodeString(s)
		if err != nil || !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s: %v", format, err)
		}
	}
	if p, err := a.PrintDocument("schedule", communes[0].ID+"|2018-06"); err != nil || !strings.HasSuffix(p, ".pdf") {
		t.Errorf("print: %q %v", p, err)
	}
}

// An office's Word template for its letters: refused when it is no Word file or fills
// nothing; used for the Word file (placeholders filled) while the PDF stays built in;
// cleared back to the built-in layout.
func TestAnOfficesLetterTemplate(t *testing.T) {
	a := newTestApp(t)
	if _, err := a.SetPaperTemplate("letter", "x.docx", base64.StdEncoding.EncodeToString([]byte("no"))); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("not a docx: %v", err)
	}
	empty, _ := documents.DOCX(documents.Doc{Blocks: []documents.Block{documents.Para{Runs: []documents.Run{{Text: "Không có ô nào"}}}}})
	if _, err := a.SetPaperTemplate("letter", "x.docx", base64.StdEncoding.EncodeToString(empty)); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("a template with nothing to fill: %v", err)
	}
	if _, err := a.SetPaperTemplate("poster", "x.docx", ""); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("an unknown paper: %v", err)
	}
	tpl, _ := documents.DOCX(documents.Doc{Blocks: []documents.Block{documents.Para{Runs: []documents.Run{{Text: "Số {so}: đồng chí {ho_ten} đến {chi_bo}"}}}}})
	pt, err := a.SetPaperTemplate("letter", "Mau-GGT.docx", base64.StdEncoding.EncodeToString(tpl))
	if err != nil || pt.Name != "Mau-GGT.docx" || strings.Join(pt.Placeholders, " ") != "{so} {ho_ten} {chi_bo}" || len(pt.Known) < 10 {
		t.Fatalf("set: %+v %v", pt, err)
	}
	out, err := a.withTemplate("letter", documents.FormatDOCX, map[string]string{"so": "01-GGT/HU", "ho_ten": "Trần Thị Lan", "chi_bo": "Chi bộ Xóm 1"}, documents.Doc{})
	if err != nil || !strings.Contains(docxText(t, out), "Số 01-GGT/HU: đồng chí Trần Thị Lan đến Chi bộ Xóm 1") {
		t.Errorf("the office's layout was not used: %v", err)
	}
	pdf, err := a.withTemplate("letter", documents.FormatPDF, nil, documents.LetterDoc(documents.Letter{Number: "01-GGT/HU"}))
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Errorf("the PDF is the built-in layout: %v", err)
	}
	if err := a.ClearPaperTemplate("letter"); err != nil {
		t.Fatal(err)
	}
	if ts, _ := a.PaperTemplates(); ts[0].Name != "" {
		t.Errorf("cleared: %+v", ts[0])
	}
}

// docxText is the text of a DOCX's document part.
func docxText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(data), "")
		}
	}
	return ""
}

// The order of the year's files is this desktop's choice, party order by default.
func TestPaperOrder(t *testing.T) {
	a := newTestApp(t)
	if o, _ := a.PaperOrder(); o != "party" {
		t.Errorf("default %q", o)
	}
	if err := a.SetPaperOrder("random"); domain.ErrorCode(err) != domain.EInvalid {
		t.Errorf("an unknown order: %v", err)
	}
	rows := []domain.YearClassification{{UnitName: "Chi bộ A", UnitKind: domain.KindGrassrootsCell}, {UnitName: "Đảng bộ B", UnitKind: domain.KindGrassrootsCommittee}}
	if got := a.paperOrder(rows); got[0].UnitName != "Đảng bộ B" {
		t.Errorf("party order: %v", got)
	}
	if err := a.SetPaperOrder("name"); err != nil {
		t.Fatal(err)
	}
	if got := a.paperOrder(rows); got[0].UnitName != "Chi bộ A" {
		t.Errorf("name order: %v", got)
	}
}
