package main

import "golang.org/x/sys/windows"

// knownDocuments is the user's Documents folder as Windows knows it, also when it is
// redirected (OneDrive, another drive).
func knownDocuments() string {
	dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	return dir
}
