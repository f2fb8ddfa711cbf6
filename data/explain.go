package data

import (
	"errors"
	"io/fs"

	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
	"feedtakt/data/mediainfo"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Explanation is an error put into words for a person: Key is an English
// sentence that is also the translation key (assets/lang/*.json), Args fill
// its {{.Name}} fields. The UI shows lang.L(Key, Args); the command line
// reads the same files, so there is one wording for both.
type Explanation struct {
	Key  string
	Args map[string]any
}

// isDiskFull recognises a full disk whether the OS said so (ENOSPC) or
// SQLite did (SQLITE_FULL, which it reports without an errno).
func isDiskFull(err error) bool {
	if fsx.IsDiskFull(err) {
		return true
	}
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL
}

// Explain turns an error from this package into a sentence key. Unknown
// errors get a general sentence with the technical text as detail.
func Explain(err error) Explanation {
	var (
		ve    *VersionError
		held  *fsx.HeldError
		inv   *InvalidError
		input *calendar.InputError
	)
	switch {
	case err == nil:
		return Explanation{}
	case errors.As(err, &inv):
		return Explanation{Key: inv.Message, Args: inv.Args}
	case errors.As(err, &input):
		return Explanation{Key: input.Key, Args: input.Args}
	case errors.As(err, &ve):
		return Explanation{Key: "This workspace was saved by a newer Feedtakt (data version {{.File}}); this program knows version {{.App}}. Please install the newer Feedtakt. The file was not changed.",
			Args: map[string]any{"File": ve.File, "App": ve.App}}
	case errors.As(err, &held):
		return Explanation{Key: "The workspace is open on another PC.", Args: nil}
	case mediainfo.Key(err) != "":
		// A file the Mediathek could not take: empty, damaged, too large.
		return Explanation{Key: mediainfo.Key(err)}
	case errors.Is(err, ErrEmptyDatabase):
		return Explanation{Key: "The file feedtakt.db in this folder is empty (0 bytes). Feedtakt did not change it. Restore it from a backup in the backups folder."}
	case errors.Is(err, ErrNotSQLite):
		return Explanation{Key: "The file feedtakt.db in this folder is not a Feedtakt database. Feedtakt did not change it."}
	case errors.Is(err, ErrTruncated):
		return Explanation{Key: "The file feedtakt.db in this folder is incomplete (cut off, perhaps by an interrupted copy). Feedtakt did not change it. Copy it again or restore a backup from the backups folder."}
	case errors.Is(err, ErrForeignDatabase):
		return Explanation{Key: "The file feedtakt.db in this folder belongs to another program. Feedtakt did not change it."}
	case errors.Is(err, ErrDamaged), isCorrupt(err):
		return Explanation{Key: "The workspace database is damaged and no intact backup was found. The file was kept unchanged; please contact your IT support."}
	case errors.Is(err, ErrNoWorkspace):
		return Explanation{Key: "There is no Feedtakt workspace in this folder."}
	case errors.Is(err, ErrFolderNotEmpty):
		return Explanation{Key: "This folder is not empty. Choose an empty or new folder for a new workspace, or open the existing workspace."}
	case errors.Is(err, ErrReadOnly):
		return Explanation{Key: "The workspace is open read-only; changes cannot be saved."}
	case errors.Is(err, ErrWorkspaceGone):
		return Explanation{Key: "The workspace folder can no longer be reached (network drive disconnected or folder moved). Your last change was not saved. Reconnect the drive and open the workspace again."}
	case errors.Is(err, ErrNotFound):
		return Explanation{Key: "The entry no longer exists; perhaps it was deleted in the meantime."}
	case isDiskFull(err):
		return Explanation{Key: "The disk is full. Nothing was lost, but the change was not saved. Free some space and try again."}
	case errors.Is(err, fsx.ErrNotDir):
		return Explanation{Key: "There is a file where a folder is expected. Choose a folder."}
	case errors.Is(err, fsx.ErrNotWritable), fsx.IsPermission(err):
		return Explanation{Key: "You may not write to this folder. Choose another folder or ask your IT support for write access."}
	case errors.Is(err, fs.ErrNotExist):
		return Explanation{Key: "The folder or file does not exist."}
	}
	return Explanation{Key: "Something went wrong: {{.Detail}}", Args: map[string]any{"Detail": err.Error()}}
}
