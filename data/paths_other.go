//go:build !windows

package data

import (
	"os"
	"path/filepath"
)

// DocumentsDir is the user's documents folder (XDG_DOCUMENTS_DIR, else
// ~/Documents).
func DocumentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	if p := xdgDocuments(home); p != "" {
		return p
	}
	return filepath.Join(home, "Documents")
}
