//go:build !windows

package app

import "errors"

// nativeFileDialog says whether openFiles uses the system's dialog.
const nativeFileDialog = false

func nativeOpenFiles(owner uintptr, title, startDir string, kind fileKind) ([]string, error) {
	return nil, errors.ErrUnsupported
}
