package upload

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"feedtakt/data/fsx"
)

// Ext is the extension of every upload copy.
const Ext = ".jpg"

// MaxPath is the longest full path (in UTF-16 code units, as Windows
// counts) a copy may get: Windows' MAX_PATH of 260 less the terminating
// NUL. Explorer and many upload dialogs still fail beyond it.
const MaxPath = 259

// maxStem bounds a name's length even in a short folder: nobody reads a
// 200-character file name in an upload dialog.
const maxStem = 120

// Stem returns the file name (without extension) of a copy: for a post
// "2026-12-18 Azubi-Dienstag – Instagram 4x5" (date, post title, format
// name), without a post the picture's title or original file name and the
// format. Parts that are empty are left out. The result is not yet safe
// for a file system; see SafeStem.
func Stem(date, title, format string) string {
	var parts []string
	head := strings.TrimSpace(strings.TrimSpace(date) + " " + strings.TrimSpace(title))
	if head != "" {
		parts = append(parts, head)
	}
	if f := strings.TrimSpace(format); f != "" {
		parts = append(parts, f)
	}
	return strings.Join(parts, " – ")
}

// reserved are the device names Windows refuses as a file name, with or
// without an extension and in any case.
var reserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true,
}

func isReserved(stem string) bool {
	base := strings.ToUpper(strings.TrimRight(stem, ". "))
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.TrimRight(base, " ")
	if reserved[base] {
		return true
	}
	if len(base) >= 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		d := base[3:]
		// COM1–COM9 and the superscript digits ¹²³ Windows also reserves.
		if (len(d) == 1 && d[0] >= '1' && d[0] <= '9') || d == "¹" || d == "²" || d == "³" {
			return true
		}
	}
	return false
}

// SafeStem makes stem usable as a file name on Windows, macOS and Linux:
// a ratio's colon becomes "x" ("4:5" → "4x5"), slashes become "-", the
// other characters Windows forbids (<>:"|?* and control characters) become
// spaces, runs of spaces shrink to one, trailing dots and spaces go,
// a reserved device name (CON, AUX, NUL, COM1 …) gets a "_" in front, and
// the result has at most maxUnits UTF-16 code units, cut at a character
// (never inside a surrogate pair or after a joiner). Umlauts and emoji stay.
// An empty result becomes "Bild".
func SafeStem(stem string, maxUnits int) string {
	rs := []rune(stem)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == ':' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			b.WriteByte('x')
		case r == '/' || r == '\\':
			b.WriteByte('-')
		case strings.ContainsRune(`<>:"|?*`, r), r < 0x20, r == 0x7f, r == utf8.RuneError:
			b.WriteByte(' ')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	s = trimEnd(s)
	if s == "" {
		s = "Bild"
	}
	s = trimEnd(cutUnits(s, max(maxUnits, 1)))
	if s == "" {
		s = "Bild"
	}
	if isReserved(s) {
		s = "_" + s
	}
	return s
}

// trimEnd drops what Windows strips or a cut leaves dangling: dots, spaces,
// a dash separator, a zero-width joiner or variation selector.
func trimEnd(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return r == '.' || r == ' ' || r == '–' || r == '-' || r == '\u200d' || (r >= '\ufe00' && r <= '\ufe0f')
	})
}

// cutUnits shortens s to at most n UTF-16 code units at a rune boundary.
func cutUnits(s string, n int) string {
	units := 0
	for i, r := range s {
		u := utf16.RuneLen(r)
		if u < 0 {
			u = 1
		}
		if units+u > n {
			return s[:i]
		}
		units += u
	}
	return s
}

func units16(s string) int {
	n := 0
	for _, r := range s {
		if u := utf16.RuneLen(r); u > 0 {
			n += u
		} else {
			n++
		}
	}
	return n
}

// stemBudget returns how many UTF-16 units a stem may have in dir so that
// dir\stem (99).jpg stays within MaxPath, at most maxStem and at least 8
// (a folder that deep is too long anyway; the name is then kept readable).
func stemBudget(dir string) int {
	room := MaxPath - units16(dir) - 1 - len(" (99)") - len(Ext)
	return min(max(room, 8), maxStem)
}

// FreePath returns dir/<safe stem>.jpg, or with " (2)", " (3)" … before the
// extension when that name is taken (compared the way the file system
// does, so "bild.jpg" blocks "Bild.jpg" on Windows and macOS).
func FreePath(dir, stem string) (string, error) {
	safe := SafeStem(stem, stemBudget(dir))
	for n := 1; n < 10_000; n++ {
		name := safe + Ext
		if n > 1 {
			name = safe + " (" + strconv.Itoa(n) + ")" + Ext
		}
		p := filepath.Join(dir, name)
		_, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", fmt.Errorf("checking %s: %w", name, err)
		}
	}
	return "", fmt.Errorf("no free name for %q in %s", safe, dir)
}

// Save writes data as a new file named after stem into dir (created when
// missing) and returns its path. The write is atomic: the content goes to
// a .part file that is synced and renamed, so the upload folder never
// holds half a picture, and a name already there is never overwritten
// (the new file gets " (2)").
func Save(ctx context.Context, dir, stem string, data []byte) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating the upload folder: %w", err)
	}
	path, err := FreePath(dir, stem)
	if err != nil {
		return "", err
	}
	if err := fsx.WriteFile(path, data, 0o644); err != nil {
		return "", fmt.Errorf("writing the upload copy: %w", err)
	}
	return path, nil
}
