package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// addShareable gives the test workspace a hashtag set, a caption template
// naming it, a series and an idea.
func addShareable(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	tags := data.Template{Kind: data.KindHashtags, Name: "Ausbildung", Body: "#Ausbildung #Azubi"}
	if err := ws.SaveTemplate(ctx, &tags); err != nil {
		t.Fatal(err)
	}
	capt := data.Template{Kind: data.KindCaption, Name: "Azubi-Dienstag", Body: "Heute: {Ausbildungsberuf}\n{Hashtags}", HashtagSetID: tags.ID}
	if err := ws.SaveTemplate(ctx, &capt); err != nil {
		t.Fatal(err)
	}
	s := data.Series{Title: "Azubi-Dienstag", TemplateID: capt.ID,
		Rule: calendar.Recurrence{Kind: calendar.Weekly, Weekday: time.Tuesday, Start: calendar.NewDate(2027, 1, 5), Hour: 10}}
	if err := ws.SaveSeries(ctx, &s); err != nil {
		t.Fatal(err)
	}
	idea := data.Post{Title: "Blick in die Werkstatt", Caption: "Was macht eigentlich …", Notes: "Mit Herrn K. absprechen"}
	if err := ws.CreatePost(ctx, &idea); err != nil {
		t.Fatal(err)
	}
}

// share writes the file, share-import shows it without changing the other
// workspace and takes it over with --yes (also after the file name); a
// second taking-over skips everything.
func TestShareCommands(t *testing.T) {
	src := newTestExportWorkspace(t)
	addShareable(t, src)
	r := runCLI("share", "--workspace", src, "--list")
	if r.code != 0 || !strings.Contains(r.stdout, "Textvorlage „Azubi-Dienstag“") || !strings.Contains(r.stdout, "Idee „Blick in die Werkstatt“") {
		t.Fatalf("list: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "Austausch.json")
	r = runCLI("share", "--workspace", src, "-o", out, "--series", "all", "--ideas", "all", "--note", "Viel Erfolg!")
	if r.code != 0 {
		t.Fatalf("share: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	want := de("Exchange file written and checked: {{.File}} ({{.Templates}} templates, {{.Series}} series, {{.Ideas}} ideas). Never in it: people, consents, pictures.",
		map[string]any{"File": out, "Templates": 2, "Series": 1, "Ideas": 1})
	if !strings.Contains(r.stdout, want) {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
	// The idea's internal note stays at home unless --with-notes.
	if raw, _ := os.ReadFile(out); strings.Contains(string(raw), "Mit Herrn K.") {
		t.Error("the internal note went out without --with-notes")
	}
	withNotes := filepath.Join(t.TempDir(), "mit-notizen.json")
	if r := runCLI("share", "--workspace", src, "-o", withNotes, "--ideas", "all", "--with-notes"); r.code != 0 {
		t.Fatalf("share --with-notes: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if raw, _ := os.ReadFile(withNotes); !strings.Contains(string(raw), "Mit Herrn K. absprechen") {
		t.Error("--with-notes left the note out")
	}

	dst := newTestExportWorkspace(t)
	before := hashTree(t, dst)
	r = runCLI("share-import", "--workspace", dst, out)
	if r.code != 0 {
		t.Fatalf("preview: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, w := range []string{"Austausch-Datei von Stadt Musterstadt, erstellt am 27.11.2026", "Hinweis: Viel Erfolg!",
		"Hashtag-Set „Ausbildung“", "Serie „Azubi-Dienstag“", "4 neu, 0 unter anderem Namen, 0 schon vorhanden.", "Es wurde nichts geändert."} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("preview lacks %q:\n%s", w, r.stdout)
		}
	}
	if after := hashTree(t, dst); len(after) != len(before) {
		t.Errorf("the preview changed the workspace's files")
	}
	r = runCLI("share-import", "--workspace", dst, out, "--yes")
	if r.code != 0 || !strings.Contains(r.stdout, "Übernommen.") {
		t.Fatalf("take over: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	ws, err := data.Open(context.Background(), dst, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := ws.Templates(context.Background(), "")
	ws.Close()
	if len(ts) != 2 {
		t.Errorf("%d templates taken over", len(ts))
	}
	r = runCLI("share-import", "--yes", "--workspace", dst, out)
	if r.code != 0 || !strings.Contains(r.stdout, "0 neu, 0 unter anderem Namen, 4 schon vorhanden.") {
		t.Errorf("second time: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(runCLI("help").stdout, "feedtakt share-import --workspace ORDNER") {
		t.Error("the usage does not name share-import")
	}
}

// Bad arguments are exit status 2; a file that is not an exchange file or
// comes from a newer Feedtakt is refused in German with status 1, and
// nothing is written.
func TestShareCommandsRefuse(t *testing.T) {
	src := newTestExportWorkspace(t)
	addShareable(t, src)
	out := filepath.Join(t.TempDir(), "Austausch.json")
	for _, c := range []struct {
		name string
		args []string
		msg  string
	}{
		{"nothing chosen", []string{"share", "--workspace", src, "-o", out}, "Bitte wählen Sie, was in die Austausch-Datei soll"},
		{"bad IDs", []string{"share", "--workspace", src, "-o", out, "--ideas", "drei"}, "--ideas nimmt all oder IDs"},
		{"no file", []string{"share-import", "--workspace", src}, "genau eine Austausch-Datei"},
	} {
		r := runCLI(c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("%s: exit %d, stderr %q", c.name, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a file was written: %v", err)
	}
	garbage := filepath.Join(t.TempDir(), "kaputt.json")
	newer := filepath.Join(t.TempDir(), "neu.json")
	os.WriteFile(garbage, []byte("PK\x03\x04 nonsense"), 0o644)
	os.WriteFile(newer, []byte(`{"format":"feedtakt-austausch","version":7,"stuff":[]}`), 0o644)
	before := hashTree(t, src)
	for file, msg := range map[string]string{garbage: "keine Feedtakt-Austausch-Datei", newer: "von einer neueren Feedtakt-Version"} {
		r := runCLI("share-import", "--workspace", src, file, "--yes")
		if r.code != 1 || !strings.Contains(r.stderr, msg) {
			t.Errorf("%s: exit %d, stderr %q", filepath.Base(file), r.code, r.stderr)
		}
	}
	after := hashTree(t, src)
	for p, h := range before {
		if after[p] != h {
			t.Errorf("changed: %s", p)
		}
	}
}
