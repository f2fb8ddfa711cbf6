package app

import (
	"path/filepath"
	"reflect"
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
