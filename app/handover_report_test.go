package app

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/exchange"
)

// Vertretungsmappe: a reversed period is refused inside the dialog, which
// keeps what she typed; a valid one writes the PDF under the suggested
// name.
func TestHandoverReportWritesPDF(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	assertShows(t, u.win.Content(), "Vertretung und Akte", "Akte (Ablage) …")

	test.Tap(findButton(t, u.win.Content(), "Vertretungsmappe (PDF) …"))
	form := topOverlay(u)
	es := entriesIn(form)
	if len(es) != 4 {
		t.Fatalf("%d entries in the dialog", len(es))
	}
	today := u.ws.Today()
	if es[0].Text != today.String() || es[1].Text != today.AddDays(13).String() {
		t.Errorf("period %s – %s", es[0].Text, es[1].Text)
	}
	if want := reportName(today, today.AddDays(13)); es[3].Text != want {
		t.Errorf("suggested name %q, want %q", es[3].Text, want)
	}
	out := t.TempDir()
	es[2].SetText(out)
	es[0].SetText(today.AddDays(5).String())
	es[1].SetText(today.String())
	test.Tap(findButton(t, form, "Mappe schreiben"))
	u.Wait()
	if topOverlay(u) != form {
		t.Fatal("the dialog closed on a reversed period")
	}
	assertShows(t, form, "Der Zeitraum beginnt nach seinem Ende.")
	if es[0].Text != today.AddDays(5).String() || es[2].Text != out {
		t.Error("what she typed was lost")
	}
	if files, _ := os.ReadDir(out); len(files) != 0 {
		t.Errorf("something was written: %v", files)
	}

	es[1].SetText(today.AddDays(20).String())
	name := reportName(today.AddDays(5), today.AddDays(20))
	if es[3].Text != name {
		t.Errorf("name %q does not follow the period, want %q", es[3].Text, name)
	}
	test.Tap(findButton(t, form, "Mappe schreiben"))
	u.Wait()
	file := filepath.Join(out, name)
	assertShows(t, topOverlay(u), "Vertretungsmappe geschrieben: "+file)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("the file starts with %q", b[:min(len(b), 8)])
	}
}

// Akte: the default is last month; it makes the new folder with the PDF
// and the index.
func TestHandoverAkteWritesFolder(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()

	test.Tap(findButton(t, u.win.Content(), "Akte (Ablage) …"))
	form := topOverlay(u)
	es := entriesIn(form)
	if len(es) != 4 {
		t.Fatalf("%d entries in the dialog", len(es))
	}
	from, to := lastMonth(u.ws.Today())
	if es[0].Text != from.String() || es[1].Text != to.String() || from.Day != 1 || to.AddDays(1).Month != u.ws.Today().Month {
		t.Errorf("period %s – %s", es[0].Text, es[1].Text)
	}
	if want := akteName(from, to); es[3].Text != want {
		t.Errorf("suggested folder %q, want %q", es[3].Text, want)
	}
	out := t.TempDir()
	es[2].SetText(out)
	test.Tap(findButton(t, form, "Akte schreiben"))
	u.Wait()
	target := filepath.Join(out, akteName(from, to))
	got := strings.Join(texts(topOverlay(u)), " ")
	if !strings.Contains(got, "Akte nach "+target+" geschrieben") {
		t.Errorf("dialog says: %s", got)
	}
	for _, n := range []string{exchange.AktePDF, exchange.AkteIndex} {
		if _, err := os.Stat(filepath.Join(target, n)); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

// Akte as a zip file: "als ZIP-Datei" turns the suggested name into a
// file name, writes one zip file with the PDF and the index, and a second
// time asks before it replaces the first.
func TestHandoverAkteWritesZip(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait()
	from, to := lastMonth(u.ws.Today())
	out := t.TempDir()
	file := filepath.Join(out, akteZipName(from, to))
	for round := 0; round < 2; round++ {
		test.Tap(findButton(t, u.win.Content(), "Akte (Ablage) …"))
		form := topOverlay(u)
		assertShows(t, form, "Ablegen als", "Neuer Ordner")
		var kind *widget.RadioGroup
		visit(form, func(o fyne.CanvasObject) {
			if r, ok := o.(*widget.RadioGroup); ok {
				kind = r
			}
		})
		if kind == nil || kind.Selected != "als Ordner" || strings.Join(kind.Options, "|") != "als Ordner|als ZIP-Datei" {
			t.Fatalf("choice %+v", kind)
		}
		kind.SetSelected("als ZIP-Datei")
		es := entriesIn(form)
		if es[3].Text != akteZipName(from, to) {
			t.Errorf("suggested file %q", es[3].Text)
		}
		assertShows(t, form, "Dateiname")
		es[2].SetText(out)
		test.Tap(findButton(t, form, "Akte schreiben"))
		u.Wait()
		if round == 1 {
			confirm := topOverlay(u)
			assertShows(t, confirm, file+" gibt es schon. Ersetzen?")
			test.Tap(findButton(t, confirm, "Ja"))
			u.Wait()
		}
		got := strings.Join(texts(topOverlay(u)), " ")
		if !strings.Contains(got, "Akte nach "+file+" geschrieben") {
			t.Fatalf("dialog says: %s", got)
		}
		test.Tap(findButton(t, topOverlay(u), "OK"))
		if o := topOverlay(u); o != nil {
			t.Fatalf("still open: %v", texts(o))
		}
	}
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != "Medien/ index.csv Akte.pdf" {
		t.Errorf("entries %q", names)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Errorf("in the folder: %v", entries)
	}
}

// A workspace another PC holds opens read-only; the Vertretungsmappe
// only reads, so it is written all the same.
func TestHandoverReportReadOnly(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	holder, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	if u.Workspace() == nil || !u.Workspace().ReadOnly() {
		t.Fatal("not read-only")
	}
	u.shell.selectScreen(screenHandover)
	u.Wait()
	test.Tap(findButton(t, u.win.Content(), "Vertretungsmappe (PDF) …"))
	form := topOverlay(u)
	es := entriesIn(form)
	out := t.TempDir()
	es[2].SetText(out)
	test.Tap(findButton(t, form, "Mappe schreiben"))
	u.Wait()
	today := u.ws.Today()
	file := filepath.Join(out, reportName(today, today.AddDays(13)))
	assertShows(t, topOverlay(u), "Vertretungsmappe geschrieben: "+file)
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
}

// The card says what the Vertretungsmappe would print as "nicht
// hinterlegt" and leads to where it is filled in; once all is written
// down the line goes.
func TestHandoverSaysWhatTheReportLacks(t *testing.T) {
	ctx := context.Background()
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	chans, err := u.ws.Channels(ctx) // the test workspace has one
	if err != nil || len(chans) == 0 {
		t.Fatalf("%d channels, %v", len(chans), err)
	}
	u.shell.selectScreen(screenHandover)
	u.Wait()
	h := u.shell.handover
	if !h.missingRow.Visible() || h.missing.Text != "Für die Mappe fehlt noch: Zugang zu 1 Kanal · Ansprechpartner · Netiquette · Hinweise." {
		t.Fatalf("missing line %q (shown %v)", h.missing.Text, h.missingRow.Visible())
	}
	test.Tap(findButton(t, h.content, "Ergänzen …"))
	if u.shell.tabs.SelectedIndex() != screenSettings || u.shell.settingsTabs.Selected().Text != "Organisation" {
		t.Errorf("went to screen %d, tab %q", u.shell.tabs.SelectedIndex(), u.shell.settingsTabs.Selected().Text)
	}

	if err := u.ws.SaveHandoverNotes(ctx, data.HandoverNotes{Contacts: "Referatsleitung: Dr. Beispiel, -123", Netiquette: "Freundlich, sachlich.", Hints: "Montags Newsletter."}); err != nil {
		t.Fatal(err)
	}
	u.shell.selectScreen(screenHandover)
	u.Wait()
	if h.missing.Text != "Für die Mappe fehlt noch: Zugang zu 1 Kanal." {
		t.Errorf("only access lacks: %q", h.missing.Text)
	}
	test.Tap(findButton(t, h.content, "Ergänzen …"))
	if u.shell.settingsTabs.SelectedIndex() != 0 {
		t.Errorf("access: tab %q", u.shell.settingsTabs.Selected().Text)
	}
	for _, c := range chans {
		c.AccessNote = "Passwortsafe, Eintrag Social Media"
		if err := u.ws.SaveChannel(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	u.shell.selectScreen(screenHandover)
	u.Wait()
	if h.missingRow.Visible() {
		t.Errorf("still says %q", h.missing.Text)
	}
}
