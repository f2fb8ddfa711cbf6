package cli

import (
	"bytes"
	"compress/zlib"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/calendar"
)

// newTestExportWorkspace creates a closed workspace with a few December
// posts and returns its folder.
func newTestExportWorkspace(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Feedtakt")
	ctx := context.Background()
	ws, err := data.Create(ctx, dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt Musterstadt"},
		Channels: []data.Channel{{Name: "Instagram", Platform: data.Instagram}, {Name: "Facebook", Platform: data.Facebook}},
		Topics:   []data.Topic{{Name: "Ausbildung & Karriere", Color: "#2E7D32"}},
	}, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	chs, _ := ws.Channels(ctx)
	for i, title := range []string{"Azubi-Dienstag: Lena im Archiv 📚", "Glühweinstand am Rathaus", "Verworfen: Weihnachtsgruß"} {
		d := calendar.NewDate(2026, 12, 1+7*i)
		c := data.Clock{Hour: 10}
		st := data.StatusDraft
		if i == 2 {
			st = data.StatusDiscarded
		}
		p := data.Post{Title: title, Date: &d, Time: &c, Status: st, Channels: []data.PostChannel{{ChannelID: chs[0].ID}, {ChannelID: chs[1].ID}},
			Caption: "Heute im Archiv der {Behörde}, am {Wochentag}."}
		if err := ws.CreatePost(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

type cliResult struct {
	code           int
	stdout, stderr string
}

func runCLI(args ...string) cliResult {
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdout: &out, Stderr: &errb, Lang: "de",
		Now: func() time.Time { return time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC) }})
	return cliResult{code, out.String(), errb.String()}
}

// de is the German text of a message key as the command line prints it.
func de(key string, args map[string]any) string { return assets.Text("de", key, args) }

func hashTree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m[p] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestExportCommandWritesEachFormat(t *testing.T) {
	ws := newTestExportWorkspace(t)
	before := hashTree(t, ws)
	outDir := t.TempDir()
	for _, c := range []struct {
		args   []string
		file   string
		prefix string
	}{
		{[]string{"--format", "ics", "--from", "2026-12-01", "--to", "2026-12-31"}, "plan.ics", "BEGIN:VCALENDAR\r\n"},
		{[]string{"--format=csv", "--from=01.12.2026", "--to=31.12.2026"}, "plan.csv", "\uFEFFDatum;Uhrzeit;KW;"},
		{[]string{"--format", "PDF", "--from", "1.12.2026", "--to", "2026-12-31"}, "plan.pdf", "%PDF-"},
		{[]string{"--from", "2026-12-01", "--to", "2026-12-31"}, "Plan für Frau Öztürk.PDF", "%PDF-"},
	} {
		target := filepath.Join(outDir, c.file)
		args := append([]string{"export", "--workspace", ws}, c.args...)
		r := runCLI(append(args, "-o", target)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
		b, err := os.ReadFile(target)
		if err != nil || !bytes.HasPrefix(b, []byte(c.prefix)) {
			t.Errorf("%s: %v, starts %q", c.file, err, b[:min(len(b), 20)])
		}
		if _, err := os.Stat(target + ".part"); err == nil {
			t.Errorf("%s.part left behind", c.file)
		}
		if !strings.Contains(r.stdout, "2 Beiträge nach "+target+" exportiert.") && !strings.Contains(r.stdout, "3 Beiträge nach "+target+" exportiert.") {
			t.Errorf("%s: stdout %q", c.file, r.stdout)
		}
	}
	if r := runCLI("export", "--workspace", ws, "--format", "pdf", "--from", "2026-12-01", "--to", "2026-12-31", "-o", filepath.Join(outDir, "x.pdf")); !strings.Contains(r.stdout,
		de("{{.N}} characters (such as emoji) are not in the PDF font and were left out.", map[string]any{"N": 1})) ||
		!strings.Contains(r.stdout, "1 verworfener Beitrag wurde nicht exportiert.") { // singular for one
		t.Errorf("the PDF summary does not tell about the emoji and the discarded post: %q", r.stdout)
	}
	// Read-only means read-only: not a byte of the workspace changed.
	after := hashTree(t, ws)
	if len(after) != len(before) {
		t.Errorf("workspace files: %d before, %d after", len(before), len(after))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed", p)
		}
	}
}

func TestExportCommandBadArguments(t *testing.T) {
	ws := newTestExportWorkspace(t)
	out := filepath.Join(t.TempDir(), "plan.ics")
	folder := t.TempDir()
	ok := []string{"export", "--workspace", ws, "--format", "ics", "--from", "2026-12-01", "--to", "2026-12-31", "-o", out}
	with := func(flag, value string) []string {
		args := append([]string(nil), ok...)
		for i, a := range args {
			if a == flag {
				args[i+1] = value
			}
		}
		return args
	}
	without := func(flag string) []string {
		var args []string
		for i := 0; i < len(ok); i++ {
			if ok[i] == flag {
				i++
				continue
			}
			args = append(args, ok[i])
		}
		return args
	}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no workspace flag", without("--workspace"), de("Please give {{.Flag}}.", map[string]any{"Flag": "--workspace"})},
		{"no output", without("-o"), de("Please give {{.Flag}}.", map[string]any{"Flag": "-o"})},
		{"no from", without("--from"), de("Please give {{.Flag}}.", map[string]any{"Flag": "--from"})},
		{"no format, no extension", append(without("--format")[:len(without("--format"))-1], out+".txt"), de("Please give {{.Flag}}.", map[string]any{"Flag": "--format"})},
		{"unknown format", with("--format", "xlsx"), de("Unknown export format; choose ics, csv or pdf.", nil)},
		{"bad date", with("--from", "2026-02-30"), de("The date “{{.Value}}” is not valid; write it as 2026-12-01 or 01.12.2026.", map[string]any{"Value": "2026-02-30"})},
		{"word as date", with("--to", "morgen"), de("The date “{{.Value}}” is not valid; write it as 2026-12-01 or 01.12.2026.", map[string]any{"Value": "morgen"})},
		{"from after to", with("--from", "2027-01-01"), de("The start of the period lies after its end.", nil)},
		{"pdf too long", []string{"export", "--workspace", ws, "--format", "pdf", "--from", "2026-12-01", "--to", "2030-12-31", "-o", out}, de("A PDF plan covers at most two years; please choose a shorter period.", nil)},
		{"unknown option", append(ok, "--verbose"), de("Unknown option {{.Option}}.", map[string]any{"Option": "-verbose"})},
		{"option without value", append(ok, "--to"), de("The option {{.Option}} needs a value.", map[string]any{"Option": "-to"})},
		{"stray argument", append(ok, "extra"), de("Unexpected argument “{{.Arg}}”.", map[string]any{"Arg": "extra"})},
		{"target is a folder", with("-o", folder), de("{{.File}} is a folder; please give a file name.", map[string]any{"File": folder})},
		{"target is the database", with("-o", filepath.Join(ws, "feedtakt.db")), de("The export must not overwrite the workspace's own files; please choose another file name.", nil)},
		{"target is the database, other case", with("-o", filepath.Join(ws, "FeedTakt.DB")), de("The export must not overwrite the workspace's own files; please choose another file name.", nil)},
		{"target is the lock", with("-o", filepath.Join(ws, "feedtakt.lock")), de("The export must not overwrite the workspace's own files; please choose another file name.", nil)},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(c.args...)
			if r.code != 2 {
				t.Fatalf("exit %d, want 2\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, c.want) || !strings.Contains(r.stderr, "feedtakt export --workspace") {
				t.Errorf("stderr lacks %q and the usage line:\n%s", c.want, r.stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a file was written despite the bad arguments")
			}
		})
	}
}

func TestExportCommandFailures(t *testing.T) {
	ws := newTestExportWorkspace(t)
	args := func(dir, out string) []string {
		return []string{"export", "--workspace", dir, "--format", "csv", "--from", "2026-12-01", "--to", "2026-12-31", "-o", out}
	}
	t.Run("missing workspace", func(t *testing.T) {
		empty := t.TempDir()
		r := runCLI(args(empty, filepath.Join(t.TempDir(), "plan.csv"))...)
		if r.code != 1 || !strings.Contains(r.stderr, de("There is no Feedtakt workspace in this folder.", nil)) {
			t.Errorf("exit %d, stderr %s", r.code, r.stderr)
		}
		r = runCLI(args(filepath.Join(empty, "gibt-es-nicht"), filepath.Join(t.TempDir(), "plan.csv"))...)
		if r.code != 1 {
			t.Errorf("folder that does not exist: exit %d", r.code)
		}
	})
	t.Run("target folder missing", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "fehlt", "plan.csv")
		r := runCLI(args(ws, out)...)
		if r.code != 1 || !strings.Contains(r.stderr, de("The export could not be written to {{.File}}.", map[string]any{"File": out})) ||
			!strings.Contains(r.stderr, de("The folder or file does not exist.", nil)) {
			t.Errorf("exit %d, stderr %s", r.code, r.stderr)
		}
	})
	t.Run("target folder read-only", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
			f.Close()
			t.Skip("this user may write to a read-only folder (root)")
		}
		r := runCLI(args(ws, filepath.Join(dir, "plan.csv"))...)
		if r.code != 1 || !strings.Contains(r.stderr, de("You may not write to this folder. Choose another folder or ask your IT support for write access.", nil)) {
			t.Errorf("exit %d, stderr %s", r.code, r.stderr)
		}
	})
	t.Run("existing file kept when the export fails", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "plan.csv")
		if err := os.WriteFile(out, []byte("alt"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runCLI(args(filepath.Join(t.TempDir(), "leer"), out)...)
		if b, _ := os.ReadFile(out); r.code != 1 || string(b) != "alt" {
			t.Errorf("exit %d, file now %q", r.code, b)
		}
	})
}

func TestExportCommandHelp(t *testing.T) {
	if r := runCLI("export", "--help"); r.code != 0 || !strings.Contains(r.stdout, "feedtakt export --workspace") {
		t.Errorf("export --help: exit %d, %q", r.code, r.stdout)
	}
	if r := runCLI("help"); !strings.Contains(r.stdout, "export") {
		t.Errorf("help does not mention export: %q", r.stdout)
	}
	if !IsCommand([]string{"export", "--workspace", "x"}) {
		t.Error("export is not a command word")
	}
}

// pdfContains reports whether one of the PDF's compressed streams holds s
// as fpdf writes text: UTF-16, big-endian.
func pdfContains(t *testing.T, b []byte, s string) bool {
	t.Helper()
	var want bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		binary.Write(&want, binary.BigEndian, u)
	}
	for rest := b; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			return false
		}
		rest = rest[i+len("stream\n"):]
		r, err := zlib.NewReader(bytes.NewReader(rest))
		if err != nil {
			continue
		}
		content, _ := io.ReadAll(r) // the stream's end is where zlib says
		if bytes.Contains(content, want.Bytes()) {
			return true
		}
	}
}

func TestExportCommandTexts(t *testing.T) {
	ws := newTestExportWorkspace(t)
	dir := t.TempDir()
	plain, withTexts := filepath.Join(dir, "plan.pdf"), filepath.Join(dir, "plan-texte.pdf")
	base := []string{"export", "--workspace", ws, "--format", "pdf", "--from", "2026-12-01", "--to", "2026-12-31"}
	if r := runCLI(append(base, "-o", plain)...); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if r := runCLI(append(base, "--texts", "-o", withTexts)...); r.code != 0 || !strings.Contains(r.stdout, "2 Beiträge nach "+withTexts+" exportiert.") {
		t.Fatalf("--texts: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	a, _ := os.ReadFile(plain)
	b, _ := os.ReadFile(withTexts)
	if r := runCLI(append(base, "--texts", "-o", filepath.Join(dir, "x.pdf"))...); !strings.Contains(r.stdout,
		de("{{.N}} characters (such as emoji) are not in the PDF font: left out of the titles, marked [Emoji] in the texts.", map[string]any{"N": 1})) {
		t.Errorf("--texts does not say the emoji are marked in the texts: %q", r.stdout)
	}
	// The caption with its placeholders filled, per channel.
	for _, want := range []string{"mit Texten und Bildern", "Instagram, Facebook:", "Heute im Archiv der Stadt Musterstadt, am Dienstag."} {
		if !pdfContains(t, b, want) {
			t.Errorf("the PDF with --texts lacks %q", want)
		}
		if pdfContains(t, a, want) {
			t.Errorf("the PDF without --texts has %q", want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--workspace", ws, "--format", "csv", "--texts", "--from", "2026-12-01", "--to", "2026-12-31", "-o", filepath.Join(dir, "plan.csv")},
			de("Texts and pictures can only be added to a PDF plan; please choose the PDF format.", nil)},
		{append(base, "--texts=vielleicht", "-o", filepath.Join(dir, "x.pdf")), "feedtakt export --workspace"},
		{append(base, "--texts", "-o", filepath.Join(dir, "fehlt", "x.pdf")), de("The export could not be written to {{.File}}.", map[string]any{"File": filepath.Join(dir, "fehlt", "x.pdf")})},
	} {
		r := runCLI(c.args...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %s", c.args[len(c.args)-3:], r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "plan.csv")); err == nil {
		t.Error("a CSV was written with --texts")
	}
}
