package app

import (
	"path/filepath"
	"unicode/utf16"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
)

// openFiles asks for files to import and hands their paths to done (not
// called when she cancels). On Windows it is the system's own dialog, the
// one she knows from every other program, with multi-select
// (filedialog_windows.go); elsewhere Fyne's dialog, one file at a time.
// startDir is where the dialog opens ("" for its default).
func (u *UI) openFiles(title, startDir string, done func(paths []string)) {
	if nativeFileDialog {
		owner := u.nativeHandle()
		go func() {
			paths, err := nativeOpenFiles(owner, title, startDir)
			fyne.Do(func() {
				if err != nil {
					u.showError(title, err)
					return
				}
				if len(paths) > 0 {
					done(paths)
				}
			})
		}()
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		p := r.URI().Path()
		r.Close()
		done([]string{p})
	}, u.win)
	if startDir != "" {
		if l, err := listableDir(startDir); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// nativeHandle is the window's system handle (HWND on Windows), so a
// system dialog opens modal to it; 0 where there is none (tests).
func (u *UI) nativeHandle() uintptr {
	var h uintptr
	if nw, ok := u.win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if c, ok := ctx.(driver.WindowsWindowContext); ok {
				h = c.HWND
			}
		})
	}
	return h
}

// splitSelection reads what a multi-select file dialog wrote into its
// buffer: one full path, or a folder followed by file names, each ended by
// a NUL and the list by a second NUL.
func splitSelection(buf []uint16) []string {
	var parts []string
	start := 0
	for i, c := range buf {
		if c != 0 {
			continue
		}
		if i == start {
			break // the second NUL: the end of the list
		}
		parts = append(parts, string(utf16.Decode(buf[start:i])))
		start = i + 1
	}
	if len(parts) <= 1 {
		return parts
	}
	dir, names := parts[0], parts[1:]
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = filepath.Join(dir, n)
	}
	return out
}
