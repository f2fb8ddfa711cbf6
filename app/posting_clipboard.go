package app

import "strings"

// clipboardText is s as the clipboard of goos should get it: line breaks
// as that system's programs expect them. On Windows that is CRLF — Notepad
// before Windows 10 1809 and many form fields show a bare LF as nothing, so
// a caption's paragraphs would run together; elsewhere LF. A CR alone (an
// old Mac text pasted in) counts as a line break too, and CRLF already
// there stays one break, never two.
//
// Everything else passes unchanged: Fyne hands the clipboard UTF-8, and
// GLFW's Windows backend (_glfwPlatformSetClipboardString) converts it with
// MultiByteToWideChar(CP_UTF8) to CF_UNICODETEXT, so emoji (as surrogate
// pairs), ZWJ sequences and umlauts arrive intact.
func clipboardText(s, goos string) string {
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if goos == "windows" {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return s
}
