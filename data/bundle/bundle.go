// Package bundle writes and opens the Übergabepaket: one .feedtakt file that
// holds a whole workspace for a colleague's PC.
//
// A bundle is a zip file whose entries are STORED, not deflated: pictures
// and videos are compressed already, and storing lets write and verify run
// at the speed of the disk. It holds a consistent copy of the database
// (VACUUM INTO, as for backups), every media file the copy names (the
// originals, consent forms and video posters; thumbnails are rebuilt, and
// backups, the Papierkorb and the upload copies stay behind), and
// manifest.json with each entry's size and SHA-256.
//
// The manifest is written last: the hashes are computed while the files
// are copied in, so every file is read once. Where it lies in the file does
// not matter to a reader, which finds entries through the zip's central
// directory at the end anyway; a bundle cut off before its end lacks both
// and is refused as damaged.
//
// Everything that reads a bundle treats it as hostile until the whole of it
// was checked: entry names by Windows rules on every OS, sizes against the
// file's own size and the manifest, and every byte against its hash. Only
// then is anything written, into a sibling .part folder that is renamed at
// the end.
//
// Bringing a bundle back over an existing workspace: Compare lists the
// posts that differ (and who changed them, from the bundle's change log);
// Replace backs the workspace up, unpacks the bundle beside it and swaps
// the folders, keeping the old one as "<dir> (vor Paket <date time>)".
// The package never imports Fyne.
package bundle

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"
)

// Names inside a bundle.
const (
	ManifestName = "manifest.json"
	// Format is the manifest's "format" value: a zip with another one is
	// not a Feedtakt bundle.
	Format = "feedtakt-bundle"
	// FormatVersion is the bundle layout this program writes and the newest
	// it reads. Raise it when an older Feedtakt could no longer unpack a
	// bundle correctly.
	FormatVersion = 1
	// Ext is the file extension of a bundle.
	Ext = ".feedtakt"
)

// Manifest is manifest.json: what the bundle holds and how to check it.
type Manifest struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	App     string    `json:"app"`    // the Feedtakt build that wrote it
	Schema  int       `json:"schema"` // the database's schema version
	Created time.Time `json:"created"`
	// Person and PC made the bundle (empty in bundles of older builds).
	Person  string  `json:"person,omitempty"`
	PC      string  `json:"pc,omitempty"`
	Entries []Entry `json:"entries"`
}

// Entry is one file in the bundle.
type Entry struct {
	Path   string `json:"path"` // slash-separated, relative to the workspace folder
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // lower-case hex
}

// Payload is the sum of the entries' sizes.
func (m Manifest) Payload() int64 {
	var n int64
	for _, e := range m.Entries {
		n += e.Size
	}
	return n
}

// Summary tells what Write put into a bundle.
type Summary struct {
	Path  string // the bundle file
	Files int    // entries besides the manifest: the database and the media files
	Bytes int64  // their total size
	// Missing lists media files the database names but the workspace
	// lacks; they are not in the bundle (the workspace misses them too).
	Missing []string
	// Mismatched lists media files whose content no longer matches the
	// hash in their name (damaged on disk); they are in the bundle as they
	// are.
	Mismatched []string
}

// Sentinel errors; Explain turns them into a sentence. Errors about one
// entry are an *EntryError wrapping one of them.
var (
	// ErrNotABundle means the file is not a zip, or a zip that is no Feedtakt bundle.
	ErrNotABundle = errors.New("not a Feedtakt bundle")
	// ErrBundleDamaged means the bundle is cut off, or a file in it does not match the manifest.
	ErrBundleDamaged = errors.New("bundle is damaged or incomplete")
	// ErrBundleUnsafe means an entry that could write outside the target or
	// trick Windows (.., absolute, drive, reserved name, link, duplicate), or a zip bomb.
	ErrBundleUnsafe = errors.New("bundle has an unsafe entry")
	// ErrBundleNewer means a bundle (or its database) from a newer Feedtakt.
	ErrBundleNewer = errors.New("bundle is from a newer Feedtakt")
	// ErrTargetNotEmpty means the folder to unpack into already holds files.
	ErrTargetNotEmpty = errors.New("target folder is not empty")
	// ErrFolderBusy means the workspace folder could not be renamed while
	// replacing it (on Windows: a file in it is open in another program);
	// it was left as it was.
	ErrFolderBusy = errors.New("workspace folder could not be renamed")
	// ErrReadBack means what was just written did not read back the same
	// (a failing drive or stick); it was removed.
	ErrReadBack = errors.New("written data did not read back the same")
)

// EntryError names the entry of a bundle that was refused, and why (an
// English phrase for the log).
type EntryError struct {
	Entry  string
	Reason string
	Err    error // one of the sentinels above
}

func (e *EntryError) Error() string {
	return fmt.Sprintf("bundle entry %q: %s: %v", e.Entry, e.Reason, e.Err)
}

// Unwrap lets errors.Is match the sentinel.
func (e *EntryError) Unwrap() error { return e.Err }

func unsafeEntry(name, reason string) error {
	return &EntryError{Entry: name, Reason: reason, Err: ErrBundleUnsafe}
}

func damagedEntry(name, reason string) error {
	return &EntryError{Entry: name, Reason: reason, Err: ErrBundleDamaged}
}

// NewerError tells which versions clashed for ErrBundleNewer.
type NewerError struct {
	What      string // "bundle format" or "database"
	File, App int
}

func (e *NewerError) Error() string {
	return fmt.Sprintf("%s version %d is newer than this program's %d", e.What, e.File, e.App)
}

// Unwrap lets errors.Is(err, ErrBundleNewer) match.
func (e *NewerError) Unwrap() error { return ErrBundleNewer }

// AppVersion is the Feedtakt version written into a bundle's manifest.
// The program sets it at start from FyneApp.toml (see VersionFromToml);
// empty, appVersion falls back to what Go stamped into the binary.
var AppVersion string

// appVersion names the build that writes a bundle: AppVersion with the
// commit Go stamped into the binary, else the module version, "dev"
// without either.
func appVersion() string {
	v := AppVersion
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nonEmpty(v, "dev")
	}
	if v == "" {
		v = bi.Main.Version
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return nonEmpty(strings.TrimSpace(v), "dev")
}

func nonEmpty(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// VersionFromToml reads the version from the text of FyneApp.toml
// ("0.1.0" from `Version = "0.1.0"` in [Details]); "" if it has none.
func VersionFromToml(text string) string {
	section := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[] ")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if ok && section == "Details" && strings.TrimSpace(key) == "Version" {
			return strings.Trim(strings.TrimSpace(value), `"'`)
		}
	}
	return ""
}
