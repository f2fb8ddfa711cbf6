// Package quiet keeps a command-line run of Feedtakt to its own messages.
//
// Fyne's lang package parses the user's locale while it is initialised and
// logs through the standard logger when it cannot ("Fyne error: Error
// parsing user locale C" under LANG=C.UTF-8, the default of many Linux
// machines). That happens before main runs, so the logger must be silenced
// in an init that runs earlier: this package imports only the standard
// library and its import path sorts before fyne.io, and Go initialises
// ready packages in import-path order. main imports it first.
package quiet

import (
	"io"
	"log"
	"os"
)

// Commands lists the words that make Feedtakt run as a command instead of
// opening its window.
var Commands = []string{"demo", "check", "backup", "export", "import", "help", "erase-person", "count", "bundle", "unbundle", "report", "akte", "share", "share-import"}

// IsCommand reports whether args start with a command word.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, c := range Commands {
		if args[0] == c {
			return true
		}
	}
	return args[0] == "-h" || args[0] == "--help"
}

func init() {
	if IsCommand(os.Args[1:]) {
		// Commands write their messages to stdout/stderr themselves; what
		// libraries log is not for the person at the terminal.
		log.SetOutput(io.Discard)
	}
}
