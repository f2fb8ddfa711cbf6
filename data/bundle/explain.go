package bundle

import (
	"context"
	"errors"

	"feedtakt/data"
	"feedtakt/data/fsx"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Explain turns an error of Write, Verify or Unpack into a sentence key
// (an English sentence that is the translation key, as data.Explain's).
// Errors that are not about bundles fall back to data.Explain.
func Explain(err error) data.Explanation {
	var held *fsx.HeldError
	switch {
	case errors.As(err, &held):
		return explainHeld(held.Owner)
	case errors.Is(err, ErrFolderBusy):
		return data.Explanation{Key: "The workspace folder could not be renamed: perhaps a file in it is open in another program, or the folder is open in Explorer. Nothing was changed. Close it and try again."}
	}
	return explainBundle(err)
}

func explainBundle(err error) data.Explanation {
	var ee *EntryError
	entry := ""
	if errors.As(err, &ee) {
		entry = ee.Entry
	}
	args := map[string]any{"Entry": entry}
	switch {
	case err == nil:
		return data.Explanation{}
	case errors.Is(err, context.Canceled):
		return data.Explanation{Key: "Cancelled. Nothing incomplete was left behind."}
	case errors.Is(err, ErrReadBack):
		return data.Explanation{Key: "What was written could not be read back correctly (is the drive all right?). It was removed again. Please try again or choose another drive."}
	case errors.Is(err, ErrBundleNewer):
		return data.Explanation{Key: "This handover bundle was made by a newer Feedtakt. Please install the newer Feedtakt. Nothing was unpacked."}
	case errors.Is(err, ErrNotABundle):
		return data.Explanation{Key: "This file is not a Feedtakt handover bundle. Nothing was unpacked."}
	case errors.Is(err, ErrBundleUnsafe) && entry != "":
		return data.Explanation{Key: "The handover bundle contains an entry that is not allowed (“{{.Entry}}”) and was refused for safety. Nothing was unpacked.", Args: args}
	case errors.Is(err, ErrBundleUnsafe):
		return data.Explanation{Key: "The handover bundle is built in a way that is not allowed and was refused for safety. Nothing was unpacked."}
	case isDiskFull(err):
		return data.Explanation{Key: "The disk is full. Nothing incomplete was left behind. Free some space or choose another drive, then try again."}
	case errors.Is(err, ErrBundleDamaged) && entry != "":
		return data.Explanation{Key: "The handover bundle is damaged or incomplete (at “{{.Entry}}”). Nothing was unpacked. Please ask for the bundle again.", Args: args}
	case errors.Is(err, ErrBundleDamaged):
		return data.Explanation{Key: "The handover bundle is damaged or incomplete. Nothing was unpacked. Please ask for the bundle again."}
	case errors.Is(err, ErrTargetNotEmpty):
		return data.Explanation{Key: "The target folder is not empty. Choose a new or empty folder for the workspace."}
	}
	return data.Explain(err)
}

// isDiskFull recognises a full disk whether the OS said so or SQLite did
// (SQLITE_FULL from VACUUM INTO comes without an errno).
func isDiskFull(err error) bool {
	var se *sqlite.Error
	return fsx.IsDiskFull(err) || errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL
}

// explainHeld names who has the workspace open that was to be replaced.
func explainHeld(o fsx.Owner) data.Explanation {
	if o.Person == "" && o.PC == "" {
		return data.Explanation{Key: "The workspace is open in another Feedtakt (on this or another PC). It can only be replaced when it is closed there. Nothing was changed."}
	}
	since := ""
	if !o.Since.IsZero() {
		since = o.Since.Local().Format("02.01.2006 15:04")
	}
	return data.Explanation{Key: "The workspace is open by {{.Person}} on {{.PC}} (since {{.Since}}). It can only be replaced when it is closed there. Nothing was changed.",
		Args: map[string]any{"Person": nonEmpty(o.Person, "?"), "PC": nonEmpty(o.PC, "?"), "Since": nonEmpty(since, "?")}}
}
