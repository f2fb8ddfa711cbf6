package data

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// DocumentsDir is the user's Documents folder as Windows knows it, which
// follows OneDrive or a redirected H:\ drive.
func DocumentsDir() string {
	if p, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0); err == nil && p != "" {
		return p
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, "Documents")
}
