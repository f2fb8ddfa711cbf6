package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCountWith runs "feedtakt count args…" with stdin as standard input.
func runCountWith(stdin string, args ...string) cliResult {
	var out, errb bytes.Buffer
	code := Run(append([]string{"count"}, args...), Env{Stdout: &out, Stderr: &errb, Lang: "de", Stdin: strings.NewReader(stdin)})
	return cliResult{code, out.String(), errb.String()}
}

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCountCommand(t *testing.T) {
	long := strings.Repeat("Straße ", 41) // 287 characters
	crlfFile := writeFile(t, "notepad.txt", []byte("\uFEFFZeile 1\r\nZeile 2 € 🎉\r\n"))
	for _, c := range []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string
	}{
		{"X over the limit", long, []string{"--platform", "x"}, 1, "287/280 gewichtete Zeichen\n"},
		{"X within", "Grüße aus dem Rathaus", []string{"--platform", "x"}, 0, "21/280 gewichtete Zeichen\n"},
		{"X weighs € and emoji 2, URLs 23", "€ 🎉 https://stadt.de/jobs", []string{"--platform=x"}, 0, "29/280 gewichtete Zeichen\n"},
		{"final line break not counted", "Hallo\n", []string{"--platform", "instagram"}, 0, "5/2200 Zeichen, 0/5 Hashtags\n"},
		{"Bluesky with bytes", strings.Repeat("ä", 301), []string{"--platform", "bluesky"}, 1, "301/300 Zeichen, 602/3000 Bytes\n"},
		{"Bluesky over bytes only", strings.Repeat("👨\u200d👩\u200d👧\u200d👦", 121), []string{"--platform", "bluesky"}, 1, "121/300 Zeichen, 3025/3000 Bytes\n"},
		{"Instagram hashtag cap", "#A1 #B #C #D #E #F", []string{"--platform", "instagram"}, 1, "18/2200 Zeichen, 6/5 Hashtags\n"},
		{"Mastodon", "Danke @presse@social.bund.de!", []string{"--platform", "mastodon"}, 0, "14/500 Zeichen\n"},
		{"Threads emoji bytes", "🎉", []string{"--platform", "threads"}, 0, "4/500 Zeichen, 0/1 Hashtags\n"},
		{"TikTok photo post", strings.Repeat("a", 3000), []string{"--platform", "tiktok", "--photo"}, 0, "3000/4000 Zeichen\n"},
		{"TikTok video", strings.Repeat("a", 3000), []string{"--platform", "tiktok"}, 1, "3000/2200 Zeichen\n"},
		{"platform in capitals", "abc", []string{"--platform", "LinkedIn"}, 0, "3/3000 Zeichen\n"},
		{"empty text", "", []string{"--platform", "youtube"}, 0, "0/5000 Zeichen\n"},
		{"RTL and NUL", "مرحبا\x00", []string{"--platform", "facebook"}, 0, "6/63206 Zeichen\n"},
		{"stdin as -", "abc", []string{"--platform", "x", "-"}, 0, "3/280 gewichtete Zeichen\n"},
		{"file with BOM and CRLF", "", []string{"--platform", "x", crlfFile}, 0, "21/280 gewichtete Zeichen\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runCountWith(c.stdin, c.args...)
			if r.code != c.code || r.stdout != c.stdout || r.stderr != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout %q", r.code, r.stdout, r.stderr, c.code, c.stdout)
			}
		})
	}
}

func TestCountCommandRefusesBadInput(t *testing.T) {
	latin1 := writeFile(t, "latin1.txt", []byte("Gr\xfc\xdfe"))
	for _, c := range []struct {
		name   string
		stdin  string
		args   []string
		stderr string
	}{
		{"unknown platform", "x", []string{"--platform", "myspace"},
			de("Unknown platform “{{.Platform}}”. Feedtakt counts for: {{.Platforms}}.", map[string]any{"Platform": "myspace",
				"Platforms": "x, bluesky, mastodon, threads, instagram, tiktok, facebook, linkedin, youtube"})},
		{"no platform", "x", nil, de("Please give {{.Flag}}.", map[string]any{"Flag": "--platform"})},
		{"invalid UTF-8 on stdin", "Gr\xfc\xdfe", []string{"--platform", "x"},
			de("The text is not UTF-8 (at byte {{.Offset}}). Save it as UTF-8 (in Notepad: Save as …, Encoding UTF-8) and try again.", map[string]any{"Offset": 2})},
		{"invalid UTF-8 in a file", "", []string{"--platform", "x", latin1}, "nicht in UTF-8"},
		{"missing file", "", []string{"--platform", "x", filepath.Join(t.TempDir(), "fehlt.txt")}, "konnte nicht gelesen werden"},
		{"two files", "", []string{"--platform", "x", "a.txt", "b.txt"}, de("Unexpected argument “{{.Arg}}”.", map[string]any{"Arg": "b.txt"})},
		{"unknown option", "", []string{"--plattform", "x"}, de("Unknown option {{.Option}}.", map[string]any{"Option": "-plattform"})},
		{"option without value", "", []string{"--platform"}, de("The option {{.Option}} needs a value.", map[string]any{"Option": "-platform"})},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runCountWith(c.stdin, c.args...)
			if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, c.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", r.code, r.stdout, r.stderr, c.stderr)
			}
		})
	}
	if r := runCountWith("", "--help"); r.code != 0 || !strings.Contains(r.stdout, "feedtakt count --platform") {
		t.Errorf("--help: %+v", r)
	}
	if !IsCommand([]string{"count"}) {
		t.Error("count is not a command word: Feedtakt would open its window")
	}
	if r := runCLI("help"); !strings.Contains(r.stdout, "feedtakt count") {
		t.Errorf("usage lacks count: %q", r.stdout)
	}
}
