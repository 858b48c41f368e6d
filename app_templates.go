package main

import (
	"encoding/base64"
	"sort"
	"strings"

	"chibo/backend/documents"
	"chibo/backend/domain"
)

// An office's own Word layout for its letters and conclusion notices (issue 13). The
// template is kept on the desktop that numbers and issues them (the committee office's),
// as its own setting; the built-in layout stays the default and the PDF's.

// PaperTemplate says which layout a paper's Word file uses.
type PaperTemplate struct {
	Kind         string   `json:"kind"` // letter or notice
	Name         string   `json:"name"` // the file's name; "" for the built-in layout
	Placeholders []string `json:"placeholders"`
	Known        []string `json:"known"` // the placeholders the app fills for this paper
}

var paperKinds = map[string]func() map[string]string{
	"letter": func() map[string]string { return documents.LetterValues(documents.Letter{}) },
	"notice": func() map[string]string { return documents.NoticeValues(documents.NoticePaper{}) },
}

func badPaperKind() error {
	return domain.Errorf(domain.EInvalid, "kind", "Chỉ giấy giới thiệu và thông báo kết luận dùng được mẫu Word riêng.",
		"Only the introduction letter and the conclusion notice take an office's own Word template.")
}

// PaperTemplates lists the layout of each paper that can take an office's template.
func (a *App) PaperTemplates() ([]PaperTemplate, error) {
	var out []PaperTemplate
	for _, kind := range []string{"letter", "notice"} {
		t, err := a.paperTemplate(kind)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

func (a *App) paperTemplate(kind string) (PaperTemplate, error) {
	values, ok := paperKinds[kind]
	if !ok {
		return PaperTemplate{}, badPaperKind()
	}
	t := PaperTemplate{Kind: kind, Placeholders: []string{}}
	for k := range values() {
		t.Known = append(t.Known, "{"+k+"}")
	}
	sort.Strings(t.Known)
	name, err := a.store().Setting(a.ctx, "template/"+kind+"/name")
	if err != nil || name == "" {
		return t, err
	}
	b, err := a.templateBytes(kind)
	if err != nil {
		return t, err
	}
	t.Name = name
	t.Placeholders, err = documents.Placeholders(b)
	return t, err
}

func (a *App) templateBytes(kind string) ([]byte, error) {
	s, err := a.store().Setting(a.ctx, "template/"+kind)
	if err != nil || s == "" {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(s)
}

// SetPaperTemplate makes a .docx (base64) the office's layout of a paper. Errors: EInvalid
// (not a Word document, or without any placeholder the app fills).
func (a *App) SetPaperTemplate(kind, name, data string) (PaperTemplate, error) {
	values, ok := paperKinds[kind]
	if !ok {
		return PaperTemplate{}, badPaperKind()
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return PaperTemplate{}, domain.Errorf(domain.EInvalid, "template", "Không đọc được tệp.", "The file could not be read.")
	}
	found, err := documents.Placeholders(b)
	if err != nil {
		return PaperTemplate{}, err
	}
	known := values()
	usable := false
	for _, f := range found {
		_, ok := known[strings.Trim(f, "{}")]
		usable = usable || ok
	}
	if !usable {
		return PaperTemplate{}, domain.Errorf(domain.EInvalid, "template", "Mẫu chưa có ô nào phần mềm điền được (ví dụ {so}, {ho_ten}).",
			"The template has no placeholder the app fills (e.g. {so}, {ho_ten}).")
	}
	if err := a.store().SetSetting(a.ctx, "template/"+kind, data); err != nil {
		return PaperTemplate{}, err
	}
	if err := a.store().SetSetting(a.ctx, "template/"+kind+"/name", name); err != nil {
		return PaperTemplate{}, err
	}
	return a.paperTemplate(kind)
}

// ClearPaperTemplate goes back to the built-in layout of a paper.
func (a *App) ClearPaperTemplate(kind string) error {
	if _, ok := paperKinds[kind]; !ok {
		return badPaperKind()
	}
	if err := a.store().SetSetting(a.ctx, "template/"+kind, ""); err != nil {
		return err
	}
	return a.store().SetSetting(a.ctx, "template/"+kind+"/name", "")
}

// withTemplate fills the office's template of kind when it has one and the file is Word;
// else it renders the built-in layout.
func (a *App) withTemplate(kind, format string, values map[string]string, doc documents.Doc) ([]byte, error) {
	if format == documents.FormatDOCX {
		tpl, err := a.templateBytes(kind)
		if err != nil {
			return nil, err
		}
		if len(tpl) > 0 {
			return documents.FillDOCX(tpl, values)
		}
	}
	return documents.Render(doc, format)
}
