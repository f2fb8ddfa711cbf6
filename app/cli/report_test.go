package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"feedtakt/data/exchange"
)

func TestReportWritesAndChecksThePDF(t *testing.T) {
	dir := newTestExportWorkspace(t)
	out := filepath.Join(t.TempDir(), "Vertretungsmappe.pdf")
	r := runCLI("report", "--workspace", dir, "--from", "01.12.2026", "--to", "2026-12-31", "-o", out)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := exchange.PDFPages(b)
	if err != nil || pages < 2 {
		t.Fatalf("%d pages, %v", pages, err)
	}
	// The discarded post is not in the plan: two posts.
	want := de("Handover report written to {{.File}} ({{.Pages}} pages), with {{.Count}} post in the plan.",
		map[string]any{"File": out, "Pages": pages, "Count": 2})
	if !strings.Contains(r.stdout, want) {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
	if _, err := os.Stat(out + ".part"); !os.IsNotExist(err) {
		t.Errorf("the .part file is left: %v", err)
	}
	if !strings.Contains(runCLI("help").stdout, "feedtakt report --workspace ORDNER") {
		t.Error("the usage does not name the report")
	}
}

func TestReportFailsCleanly(t *testing.T) {
	dir := newTestExportWorkspace(t)
	tmp := t.TempDir()
	out := filepath.Join(tmp, "Mappe.pdf")
	if err := os.WriteFile(out, []byte("die alte Mappe"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"bad date", []string{"--workspace", dir, "--from", "32.12.2026", "--to", "31.12.2026", "-o", out}, 2,
			de("The date “{{.Value}}” is not valid; write it as 2026-12-01 or 01.12.2026.", map[string]any{"Value": "32.12.2026"})},
		{"reversed", []string{"--workspace", dir, "--from", "31.12.2026", "--to", "01.12.2026", "-o", out}, 2,
			de("The start of the period lies after its end.", nil)},
		{"too long", []string{"--workspace", dir, "--from", "01.01.2026", "--to", "31.12.2026", "-o", out}, 2,
			de("A handover report covers at most half a year; please choose a shorter period.", nil)},
		{"missing", []string{"--workspace", dir, "--from", "01.12.2026", "-o", out}, 2,
			de("Please give {{.Flag}}.", map[string]any{"Flag": "--to"})},
		{"no workspace", []string{"--workspace", filepath.Join(tmp, "gibtsnicht"), "--from", "01.12.2026", "--to", "31.12.2026", "-o", out}, 1,
			de("The workspace in {{.Dir}} could not be opened.", map[string]any{"Dir": filepath.Join(tmp, "gibtsnicht")})},
		{"into the workspace", []string{"--workspace", dir, "--from", "01.12.2026", "--to", "31.12.2026", "-o", filepath.Join(dir, "feedtakt.lock")}, 2,
			de("The export must not overwrite the workspace's own files; please choose another file name.", nil)},
		{"folder missing", []string{"--workspace", dir, "--from", "01.12.2026", "--to", "31.12.2026", "-o", filepath.Join(tmp, "fehlt", "m.pdf")}, 1,
			de("The report could not be written to {{.File}}.", map[string]any{"File": filepath.Join(tmp, "fehlt", "m.pdf")})},
	} {
		r := runCLI(append([]string{"report"}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, r.code, r.stderr, c.code, c.msg)
		}
	}
	if b, _ := os.ReadFile(out); string(b) != "die alte Mappe" {
		t.Error("a failed report touched the existing file")
	}
	if _, err := os.Stat(filepath.Join(tmp, "gibtsnicht")); !os.IsNotExist(err) {
		t.Error("a workspace was created by the report")
	}
}
