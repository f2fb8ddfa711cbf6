package bundle

import (
	"strings"

	"feedtakt/data"
)

// Limits on names. Feedtakt's own names are short ASCII
// ("media/ab/<64 hex>.jpg"); the caps keep a target folder deep in a
// Windows profile under the classic path limit.
const (
	maxNameLen      = 160
	maxComponentLen = 100
)

// topLevel are the files a bundle may hold at its top, and topFolders the
// folders; anything else is refused.
var (
	topLevel   = map[string]bool{ManifestName: true, data.DBName: true}
	topFolders = map[string]bool{data.MediaDir: true}
)

// checkName refuses an entry name that is not a plain relative path under
// Windows rules, whatever OS reads the bundle: it returns why (an English
// phrase for the log) or "".
func checkName(name string) string {
	switch {
	case name == "":
		return "empty name"
	case len(name) > maxNameLen:
		return "name too long"
	case strings.Contains(name, `\`):
		// C:\x, \\server\share and a\..\b all need one; a zip names
		// folders with "/" only.
		return "backslash in name"
	case name[0] == '/':
		return "absolute path"
	case strings.Contains(name, ":"):
		// A drive letter (C:x) or an NTFS stream (x:evil).
		return "drive letter or colon"
	}
	if !plainChars(name) {
		return "character not allowed in a Windows name"
	}
	parts := strings.Split(name, "/")
	for _, p := range parts {
		if why := checkComponent(p); why != "" {
			return why
		}
	}
	if len(parts) == 1 && !topLevel[name] || len(parts) > 1 && !topFolders[parts[0]] {
		return "not a file a workspace holds"
	}
	return ""
}

// plainChars reports whether name is printable ASCII without the
// characters Windows forbids in names. Feedtakt's own names are ASCII, so
// a name in another script cannot be Unicode-folded into another one.
func plainChars(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < 0x20 || c >= 0x7f || strings.IndexByte(`<>"|?*`, c) >= 0 {
			return false
		}
	}
	return true
}

// checkComponent checks one folder or file name of a path.
func checkComponent(p string) string {
	switch {
	case p == "":
		return "empty folder name (// or trailing /)"
	case p == "." || p == "..":
		return "relative folder (. or ..)"
	case len(p) > maxComponentLen:
		return "name too long"
	case strings.HasSuffix(p, ".") || strings.HasSuffix(p, " "):
		// Windows drops them, so "a." and "a" would be one file.
		return "trailing dot or space"
	case reservedName(p):
		return "reserved Windows device name"
	}
	return ""
}

// reservedName reports whether Windows treats p as a device: CON, PRN,
// AUX, NUL, COM0–9, LPT0–9, CONIN$ and CONOUT$, in any case and also with
// an extension (aux.txt) or spaces before it (nul .txt).
func reservedName(p string) bool {
	base, _, _ := strings.Cut(p, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '0' && base[3] <= '9'
	}
	return false
}

// nameSet finds names that would be one file on Windows (or a file where
// another entry needs a folder). Names passed checkName: ASCII only, so
// lower-casing is Windows' case folding.
type nameSet struct {
	files map[string]string // folded → as given
	dirs  map[string]string
}

func newNameSet() *nameSet {
	return &nameSet{files: map[string]string{}, dirs: map[string]string{}}
}

// add returns why name clashes with one added before, or "".
func (s *nameSet) add(name string) string {
	key := strings.ToLower(name)
	if prev, ok := s.files[key]; ok {
		if prev == name {
			return "name twice"
		}
		return "names differ only in case (" + prev + ")"
	}
	if _, ok := s.dirs[key]; ok {
		return "a file where another entry has a folder"
	}
	s.files[key] = name
	for i := len(key) - 1; i > 0; i-- {
		if key[i] != '/' {
			continue
		}
		dir := key[:i]
		if _, ok := s.files[dir]; ok {
			return "a folder where another entry is a file"
		}
		s.dirs[dir] = name[:i]
	}
	return ""
}
