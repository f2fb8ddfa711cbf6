package app

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestSplitSelection(t *testing.T) {
	enc := func(parts ...string) []uint16 {
		var b []uint16
		for _, p := range parts {
			b = append(b, utf16.Encode([]rune(p))...)
			b = append(b, 0)
		}
		return append(b, 0, 'x', 'y') // garbage after the end is ignored
	}
	dir := filepath.Join("H:", "Öffentlichkeitsarbeit", "Fotos 2026")
	for _, tc := range []struct {
		name string
		buf  []uint16
		want []string
	}{
		{"one file is a full path", enc(filepath.Join(dir, "IMG_4711.HEIC")), []string{filepath.Join(dir, "IMG_4711.HEIC")}},
		{"several are a folder and names", enc(dir, "Straßenfest 🎉.jpg", "CON.jpg"),
			[]string{filepath.Join(dir, "Straßenfest 🎉.jpg"), filepath.Join(dir, "CON.jpg")}},
		{"nothing", []uint16{0, 0}, nil},
	} {
		if got := splitSelection(tc.buf); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The open dialogs name what they list: Windows shows the kind with its
// patterns first, then all files; a bundle or an exchange file is the
// only thing Fyne's dialog lists there.
func TestFileKinds(t *testing.T) {
	newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)}) // German texts
	for _, c := range []struct {
		kind            fileKind
		label, patterns string
		strict          bool
	}{
		{bundleFiles, "Feedtakt-Übergabepakete (*.feedtakt)", "*.feedtakt", true},
		{shareFiles, "Feedtakt-Austauschdateien (*.json)", "*.json", true},
		{textFiles, "Textdateien (*.txt, *.csv)", "*.txt;*.csv", false},
	} {
		if got := c.kind.label(); got != c.label {
			t.Errorf("label %q, want %q", got, c.label)
		}
		if got := c.kind.patterns(); got != c.patterns {
			t.Errorf("patterns %q, want %q", got, c.patterns)
		}
		if c.kind.strict != c.strict {
			t.Errorf("%s strict %v", c.label, c.kind.strict)
		}
	}
	if got := mediaFiles.label(); got != "Bilder, Videos und Dokumente" {
		t.Errorf("media label %q", got)
	}
	if p := mediaFiles.patterns(); !strings.HasPrefix(p, "*.jpg;*.jpeg;*.png;") || !strings.HasSuffix(p, ";*.pdf") {
		t.Errorf("media patterns %q", p)
	}
}
