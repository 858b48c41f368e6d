package main

import (
	"os"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// saveWithDialog asks where to save a file with the desktop's save dialog, titled in the
// UI's language, and writes it there. It returns the path, or "" when the person
// cancelled. Only the app touches the Wails runtime: the document packages render bytes.
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
	path, err := runtime.SaveFileDialog(a.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: name,
		Filters: []runtime.FileFilter{{DisplayName: strings.ToUpper(ext), Pattern: "*." + ext}}})
	if err != nil || path == "" {
		return "", err
	}
	return path, os.WriteFile(path, b, 0o644)
}
