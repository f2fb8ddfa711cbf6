// Package data is the Feedtakt workspace: the folder on disk, its SQLite
// database and every rule that is not a screen. It never imports Fyne; the UI
// in package app asks it for data and turns its errors into sentences.
package data

import (
	"errors"
	"fmt"

	sqlite "modernc.org/sqlite"
)

// Sentinel errors the UI maps to a German sentence. Wrap them with %w so the
// context (which file, which step) stays in the log.
var (
	// ErrNotFound means the asked-for row does not exist (any more).
	ErrNotFound = errors.New("not found")
	// ErrNoWorkspace means the folder exists but holds no feedtakt.db.
	ErrNoWorkspace = errors.New("no workspace in this folder")
	// ErrFolderNotEmpty means a new workspace was asked for in a folder that already holds files.
	ErrFolderNotEmpty = errors.New("folder is not empty")
	// ErrEmptyDatabase means feedtakt.db exists but has zero length.
	ErrEmptyDatabase = errors.New("database file is empty")
	// ErrNotSQLite means feedtakt.db is not an SQLite file (garbage header).
	ErrNotSQLite = errors.New("not an SQLite database")
	// ErrTruncated means the file claims to be SQLite but is shorter than its header says.
	ErrTruncated = errors.New("database file is truncated")
	// ErrForeignDatabase means an SQLite file of another application.
	ErrForeignDatabase = errors.New("database of another application")
	// ErrNewerVersion means the database was written by a newer Feedtakt; see *VersionError.
	ErrNewerVersion = errors.New("database is from a newer version")
	// ErrDamaged means the integrity check failed and no backup could be restored.
	ErrDamaged = errors.New("database is damaged")
	// ErrReadOnly means a write was attempted on a workspace opened read-only.
	ErrReadOnly = errors.New("workspace is open read-only")
	// ErrWorkspaceGone means the workspace folder or its database vanished while open
	// (a network drive unplugged, a USB stick pulled, the folder deleted).
	ErrWorkspaceGone = errors.New("workspace is no longer reachable")
	// ErrInvalid means input that breaks a rule; see *InvalidError for the field.
	ErrInvalid = errors.New("invalid input")
)

// VersionError tells which schema versions clashed when a database is newer
// than this program.
type VersionError struct {
	File, App int
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this program's %d", e.File, e.App)
}

// Unwrap lets errors.Is(err, ErrNewerVersion) match.
func (e *VersionError) Unwrap() error { return ErrNewerVersion }

// InvalidError names the field and the rule a value broke. Message is an
// English sentence that doubles as the translation key, so data stays free
// of UI languages and the screen shows lang.L(Message).
type InvalidError struct {
	Field   string
	Message string
	Args    map[string]any // fills {{.Name}} fields of Message
}

func (e *InvalidError) Error() string { return e.Field + ": " + e.Message }

// Unwrap lets errors.Is(err, ErrInvalid) match.
func (e *InvalidError) Unwrap() error { return ErrInvalid }

func invalid(field, msg string) error { return &InvalidError{Field: field, Message: msg} }

// invalidArgs is invalid with template values for the message.
func invalidArgs(field, msg string, args map[string]any) error {
	return &InvalidError{Field: field, Message: msg, Args: args}
}

// isConstraint reports whether err is SQLite's constraint violation with the
// given extended result code (sqlite3.SQLITE_CONSTRAINT_UNIQUE,
// SQLITE_CONSTRAINT_FOREIGNKEY …), so rules are recognised by SQLite's code
// rather than by the wording of its message, which may change.
func isConstraint(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == code
}
