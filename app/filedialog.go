package app

import (
	"path/filepath"
	"strings"
	"unicode/utf16"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// fileKind is what an open dialog lists: Windows' dialog offers it first
// and "All files" second; Fyne's dialog, which has no such choice, lists
// only these files when strict (a handover bundle, an exchange file) and
// every file otherwise.
type fileKind struct {
	name   string   // a lang key, e.g. "Handover bundles"
	exts   []string // with the dot
	strict bool
}

var (
	mediaFiles = fileKind{name: "Pictures, videos and documents",
		exts: []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".tif", ".tiff", ".mp4", ".mov", ".m4v", ".pdf"}}
	textFiles   = fileKind{name: "Text files", exts: []string{".txt", ".csv"}}
	bundleFiles = fileKind{name: "Feedtakt handover bundles", exts: []string{".feedtakt"}, strict: true}
	shareFiles  = fileKind{name: "Feedtakt exchange files", exts: []string{".json"}, strict: true}
)

// label names the kind in Windows' list of file types, with its patterns
// when they are few: "Feedtakt-Übergabepakete (*.feedtakt)".
func (k fileKind) label() string {
	if len(k.exts) > 3 {
		return lang.L(k.name)
	}
	return lang.L(k.name) + " (" + strings.ReplaceAll(k.patterns(), ";", ", ") + ")"
}

// patterns is the kind's Windows filter pattern, "*.jpg;*.jpeg".
func (k fileKind) patterns() string {
	return "*" + strings.Join(k.exts, ";*")
}

// openFiles asks for files to import and hands their paths to done (not
// called when she cancels). On Windows it is the system's own dialog, the
// one she knows from every other program, with multi-select
// (filedialog_windows.go); elsewhere Fyne's dialog, one file at a time.
// startDir is where the dialog opens ("" for its default); kind is what
// it lists.
func (u *UI) openFiles(title, startDir string, kind fileKind, done func(paths []string)) {
	if nativeFileDialog {
		owner := u.nativeHandle()
		go func() {
			paths, err := nativeOpenFiles(owner, title, startDir, kind)
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
	if kind.strict {
		d.SetFilter(storage.NewExtensionFileFilter(kind.exts))
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
