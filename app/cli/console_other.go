//go:build !windows

package cli

// AttachConsole does nothing outside Windows: the process has its terminal.
func AttachConsole() {}
