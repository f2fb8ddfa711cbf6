package upload

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStemAndSafeStem(t *testing.T) {
	if got := Stem("2026-12-18", "Azubi-Dienstag", "Instagram 4:5"); got != "2026-12-18 Azubi-Dienstag – Instagram 4:5" {
		t.Errorf("Stem = %q", got)
	}
	if got := Stem("", "IMG_4711", "Bluesky"); got != "IMG_4711 – Bluesky" {
		t.Errorf("Stem without post = %q", got)
	}
	long := strings.Repeat("Sehr lange Überschrift ", 20)
	tests := []struct {
		name, in, want string
		max            int
	}{
		{"post and ratio", "2026-12-18 Azubi-Dienstag – Instagram 4:5", "2026-12-18 Azubi-Dienstag – Instagram 4x5", 120},
		{"umlauts stay", "Übergabe der Förderbescheide – Straße", "Übergabe der Förderbescheide – Straße", 120},
		{"emoji stay", "Sommerfest 🎉☀️ – X 16:9", "Sommerfest 🎉☀️ – X 16x9", 120},
		{"forbidden characters", `Was? "Neu": <Bürgerbüro>|*`, "Was Neu Bürgerbüro", 120},
		{"slashes", `Kita/Schule\Hort`, "Kita-Schule-Hort", 120},
		{"trailing dot and space", "Ende. . ", "Ende", 120},
		{"control characters", "a\x00b\tc\nd", "a b c d", 120},
		{"CON", "CON", "_CON", 120},
		{"con with extension-like dot", "con.txt", "_con.txt", 120},
		{"COM1", "com1", "_com1", 120},
		{"LPT9", "LPT9", "_LPT9", 120},
		{"superscript COM", "COM¹", "_COM¹", 120},
		{"CONTROL is fine", "Controlling", "Controlling", 120},
		{"COM10 is fine", "COM10", "COM10", 120},
		{"empty", " ... ", "Bild", 120},
		{"cut at a character", strings.Repeat("ä", 10), strings.Repeat("ä", 4), 4},
		{"no half surrogate pair", "ab🎉🎉", "ab🎉", 5},
		{"no dangling joiner", "ab👩\u200d👩", "ab👩", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SafeStem(tt.in, tt.max)
			if got != tt.want {
				t.Errorf("SafeStem(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("not valid UTF-8: %q", got)
			}
		})
	}
	got := SafeStem(long, 120)
	if units16(got) > 120 || strings.HasSuffix(got, " ") {
		t.Errorf("long title → %q (%d units)", got, units16(got))
	}
}

func TestFreePathBoundsLengthAndSuffixes(t *testing.T) {
	dir := t.TempDir()
	p, err := FreePath(dir, "Bild 1:1")
	if err != nil || filepath.Base(p) != "Bild 1x1.jpg" {
		t.Fatalf("FreePath = %q, %v", p, err)
	}
	// A deep folder: the whole path must stay under Windows' 260.
	deep := filepath.Join(dir, strings.Repeat("Ordner mit langem Namen ", 6))
	p, err = FreePath(deep, strings.Repeat("Überschrift 🎉 ", 40))
	if err != nil {
		t.Fatal(err)
	}
	if n := units16(p) + len(" (99)"); n > MaxPath {
		t.Errorf("path of %d units (with a suffix) is over %d: %s", n, MaxPath, p)
	}
}

func TestSaveIsAtomicAndNeverOverwrites(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Zum Hochladen")
	p1, err := Save(ctx, dir, "2026-12-18 Azubi-Dienstag – Instagram 4:5", []byte("eins"))
	if err != nil {
		t.Fatal(err)
	}
	p2, err := Save(ctx, dir, "2026-12-18 Azubi-Dienstag – Instagram 4:5", []byte("zwei"))
	if err != nil {
		t.Fatal(err)
	}
	p3, err := Save(ctx, dir, "2026-12-18 azubi-dienstag – instagram 4:5", []byte("drei"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p1) != "2026-12-18 Azubi-Dienstag – Instagram 4x5.jpg" ||
		filepath.Base(p2) != "2026-12-18 Azubi-Dienstag – Instagram 4x5 (2).jpg" {
		t.Errorf("names %q, %q", filepath.Base(p1), filepath.Base(p2))
	}
	for p, want := range map[string]string{p1: "eins", p2: "zwei", p3: "drei"} {
		if b, err := os.ReadFile(p); err != nil || string(b) != want {
			t.Errorf("%s holds %q, %v; want %q", p, b, err, want)
		}
	}
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ".part") {
			t.Errorf("left %s behind", e.Name())
		}
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Save(cctx, dir, "x", []byte("x")); err == nil {
		t.Error("Save with a cancelled context wrote anyway")
	}
}
