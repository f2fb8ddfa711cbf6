package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// AttachConsole connects a GUI-subsystem exe to the console it was started
// from, so "Feedtakt.exe check H:\Feedtakt" prints its report there.
func AttachConsole() {
	const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := proc.Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	if h, err := windows.Open("CONOUT$", windows.O_RDWR, 0); err == nil {
		windows.SetStdHandle(windows.STD_OUTPUT_HANDLE, h)
		windows.SetStdHandle(windows.STD_ERROR_HANDLE, h)
		// os.Stdout and os.Stderr were made from the (empty) handles at
		// start-up; point them at the console now.
		os.Stdout = os.NewFile(uintptr(h), "CONOUT$")
		os.Stderr = os.Stdout
	}
}
