//go:build !windows

package main

// knownDocuments: outside Windows, the Documents folder under the home folder is used.
func knownDocuments() string { return "" }
