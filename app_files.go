package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	wails "github.com/wailsapp/wails/v2/pkg/runtime"

	"chibo/backend/documents"
	"chibo/backend/domain"
)

// Files where users look (issue 14): exports go to Documents\ChiBo by default, the
// folder last chosen is remembered on this device, and a saved file can be opened, shown
// in its folder, or printed from the system's viewer.

// exportDir is where the save dialog opens: the folder last saved to, else the user's
// Documents\ChiBo (created on first use).
func (a *App) exportDir() string {
	if dir, err := a.store().Setting(a.ctx, "export_dir"); err == nil && dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return documentsDir()
}

// documentsDir is the user's Documents folder's ChiBo subfolder ("" when there is no
// home folder to put it in).
func documentsDir() string {
	docs := knownDocuments() // Windows: the Documents folder wherever it is (OneDrive, D:)
	if docs == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		docs = filepath.Join(home, "Documents")
	}
	dir := filepath.Join(docs, "ChiBo")
	if os.MkdirAll(dir, 0o755) != nil {
		return ""
	}
	return dir
}

// saveWithDialog asks where to save a file with the desktop's save dialog, titled in the
// UI's language and opening in the export folder, and writes it there. It returns the
// path, or "" when the person cancelled. Only the app touches the Wails runtime: the
// document packages render bytes.
func (a *App) saveWithDialog(name string, b []byte, err error) (string, error) {
	if err != nil {
		return "", err
	}
	a.mu.RLock()
	title := "Lưu tệp"
	if a.lang == "en" {
		title = "Save file"
	}
	a.mu.RUnlock()
	ext := name[strings.LastIndex(name, ".")+1:]
	path, err := wails.SaveFileDialog(a.ctx, wails.SaveDialogOptions{Title: title, DefaultFilename: name, DefaultDirectory: a.exportDir(),
		Filters: []wails.FileFilter{{DisplayName: strings.ToUpper(ext), Pattern: "*." + ext}}})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return "", err
	}
	a.rememberSaved(path)
	return path, nil
}

// rememberSaved notes a file this app wrote: only those can be opened from the app, and
// its folder becomes the export folder.
func (a *App) rememberSaved(path string) {
	a.mu.Lock()
	if a.saved == nil {
		a.saved = map[string]bool{}
	}
	a.saved[path] = true
	a.mu.Unlock()
	a.store().SetSetting(a.ctx, "export_dir", filepath.Dir(path))
}

func (a *App) wasSaved(path string) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.saved[path]
}

var errNotSaved = domain.Errorf(domain.EInvalid, "path", "Chỉ mở được tệp vừa lưu từ ứng dụng.", "Only a file this app saved can be opened.")

// OpenFile opens a file this app saved with the program the system uses for it.
func (a *App) OpenFile(path string) error {
	if !a.wasSaved(path) {
		return errNotSaved
	}
	return openWithSystem(path, false)
}

// ShowInFolder opens the folder of a file this app saved, the file selected where the
// system can.
func (a *App) ShowInFolder(path string) error {
	if !a.wasSaved(path) {
		return errNotSaved
	}
	return openWithSystem(path, true)
}

// PrintDocument renders a paper as PDF into a folder of its own under the system's
// temporary folder (two prints never overwrite each other, nor a PDF still open) and opens
// it in the system's viewer, where it is printed: kind letter (a visit id), report (a
// report id), notice (a notice id), schedule ("communeId|yyyy-mm"). It returns the PDF's path.
func (a *App) PrintDocument(kind, id string) (string, error) {
	var name string
	var b []byte
	var err error
	switch kind {
	case "letter":
		name, b, err = a.letterFile(id, "pdf")
	case "report":
		name, b, err = a.reportFile(id, "pdf")
	case "notice":
		name, b, err = a.noticeFile(id, "pdf")
	case "schedule": // id is "communeId|yyyy-mm"
		commune, month, _ := strings.Cut(id, "|")
		name, b, err = a.scheduleFile(commune, month, "pdf")
	default:
		return "", domain.Errorf(domain.EInvalid, "kind", "Không in được loại giấy tờ này.", "This paper cannot be printed.")
	}
	if err != nil {
		return "", err
	}
	base := filepath.Join(os.TempDir(), "ChiBo-in")
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(base, "in-")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return "", err
	}
	a.mu.Lock()
	if a.saved == nil {
		a.saved = map[string]bool{}
	}
	a.saved[path] = true
	a.mu.Unlock()
	if !a.wails {
		return path, nil // browser mode (tests): the file is written, nothing to open it with
	}
	return path, openWithSystem(path, false)
}

// openWithSystem hands a path to the desktop: the default program of a file, or its
// folder in the file manager.
func openWithSystem(path string, folder bool) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		if folder {
			cmd = exec.Command("explorer", "/select,", path)
		} else {
			cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
		}
	case "darwin":
		if folder {
			cmd = exec.Command("open", "-R", path)
		} else {
			cmd = exec.Command("open", path)
		}
	default:
		target := path
		if folder {
			target = filepath.Dir(path)
		}
		cmd = exec.Command("xdg-open", target)
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return domain.Errorf(domain.EInvalid, "path", "Máy này không có chương trình mở tệp: %s", "No program on this computer opens the file: %s", path)
		}
		return err
	}
	go cmd.Wait()
	return nil
}

// scheduleFile renders a commune's month schedule as docx, pdf or xlsx.
func (a *App) scheduleFile(communeID, month, format string) (string, []byte, error) {
	g, err := a.store().MonthGrid(a.ctx, communeID, month)
	if err != nil {
		return "", nil, err
	}
	sp := documents.SchedulePaper{Month: month}
	parents := map[string]bool{}
	for _, r := range g.Rows {
		parents[r.ParentName] = true
		if len(r.Schedules) == 0 {
			sp.Lines = append(sp.Lines, documents.ScheduleLine{Cell: r.CellName, Parent: r.ParentName})
		}
		for _, x := range r.Schedules {
			sp.Lines = append(sp.Lines, documents.ScheduleLine{Cell: r.CellName, Parent: r.ParentName, Date: x.Date, Time: x.StartTime,
				Place: x.Place, Kind: string(x.Kind), Status: string(x.Status), Note: x.Note})
		}
	}
	for p := range parents {
		sp.Commune = p // one committee: its name heads the paper
	}
	if len(parents) != 1 {
		communes, _ := a.store().ListCommunes(a.ctx)
		for _, c := range communes {
			if c.ID == communeID {
				sp.Commune = c.Name
			}
		}
	}
	name := documents.FileName("Lich-sinh-hoat-"+month, format)
	if format == documents.FormatXLSX {
		b, err := documents.ScheduleXLSX(sp)
		return name, b, err
	}
	b, err := documents.Render(documents.ScheduleDoc(sp), format)
	return name, b, err
}

// SaveSchedule writes a commune's month schedule (docx, pdf or xlsx) where the person
// chooses; "" when cancelled.
func (a *App) SaveSchedule(communeID, month, format string) (string, error) {
	name, b, err := a.scheduleFile(communeID, month, format)
	return a.saveWithDialog(name, b, err)
}

// ExportSchedule returns a commune's month schedule as base64.
func (a *App) ExportSchedule(communeID, month, format string) (string, error) {
	_, b, err := a.scheduleFile(communeID, month, format)
	return documents.Base64(b, err)
}
