//go:build windows

package app

import (
	"fmt"
	"runtime"
	"unsafe"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/sys/windows"
)

// nativeFileDialog says whether openFiles uses the system's dialog.
const nativeFileDialog = true

var (
	comdlg32                 = windows.NewLazySystemDLL("comdlg32.dll")
	procGetOpenFileNameW     = comdlg32.NewProc("GetOpenFileNameW")
	procCommDlgExtendedError = comdlg32.NewProc("CommDlgExtendedError")
)

// openFileName is OPENFILENAMEW (commdlg.h); Go lays the fields out as the
// C compiler does on both 386 and amd64.
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	hook          uintptr
	templateName  *uint16
	reserved      uintptr
	reserved2     uint32
	flagsEx       uint32
}

const (
	ofnNoChangeDir       = 0x00000008
	ofnHideReadOnly      = 0x00000004
	ofnAllowMultiSelect  = 0x00000200
	ofnPathMustExist     = 0x00000800
	ofnFileMustExist     = 0x00001000
	ofnExplorer          = 0x00080000
	fnerrBufferTooSmall  = 0x3003
	selectionBufferChars = 1 << 20 // room for thousands of names
)

// nativeOpenFiles shows Windows' own open dialog (without a hook it is the
// Explorer-style dialog of the running Windows version) with
// multi-select. It blocks until she closes it, so openFiles calls it off
// the UI goroutine; owner makes it modal to the Feedtakt window.
func nativeOpenFiles(owner uintptr, title, startDir string, kind fileKind) ([]string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// The dialog uses COM (shell folders, previews) on this thread.
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED); err == nil {
		defer windows.CoUninitialize()
	}
	filter := utf16Pairs(
		kind.label(), kind.patterns(),
		lang.L("All files")+" (*.*)", "*.*",
	)
	buf := make([]uint16, selectionBufferChars)
	ofn := openFileName{
		owner:   owner,
		filter:  &filter[0],
		file:    &buf[0],
		maxFile: uint32(len(buf)),
		flags:   ofnExplorer | ofnAllowMultiSelect | ofnFileMustExist | ofnPathMustExist | ofnNoChangeDir | ofnHideReadOnly,
	}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	ofn.filterIndex = 1
	if t, err := windows.UTF16PtrFromString(title); err == nil {
		ofn.title = t
	}
	if startDir == "" {
		// Without a folder Windows starts in the current one, which is
		// Feedtakt's own; the first import starts in her pictures.
		startDir, _ = windows.KnownFolderPath(windows.FOLDERID_Pictures, 0)
	}
	if startDir != "" {
		if d, err := windows.UTF16PtrFromString(startDir); err == nil {
			ofn.initialDir = d
		}
	}
	ok, _, _ := procGetOpenFileNameW.Call(uintptr(unsafe.Pointer(&ofn)))
	runtime.KeepAlive(filter)
	runtime.KeepAlive(buf)
	if ok == 0 {
		code, _, _ := procCommDlgExtendedError.Call()
		switch code {
		case 0:
			return nil, nil // cancelled
		case fnerrBufferTooSmall:
			return nil, fmt.Errorf("%s", lang.L("Too many files chosen at once. Choose fewer files or import their folder."))
		}
		return nil, fmt.Errorf("file dialog: error %#x", code)
	}
	return splitSelection(buf), nil
}

// utf16Pairs builds a filter list: NUL-separated pairs ending in two NULs.
func utf16Pairs(s ...string) []uint16 {
	var out []uint16
	for _, x := range s {
		u, _ := windows.UTF16FromString(x) // ends in NUL
		out = append(out, u...)
	}
	return append(out, 0)
}
