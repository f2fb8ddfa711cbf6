package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"feedtakt/data/calendar"
)

// newTestActionTable shows the action-day tab of a fresh workspace.
func newTestActionTable(t *testing.T) (*UI, *actionTable) {
	t.Helper()
	u, s := newTestDatesScreen(t)
	u.setContent(s.actions.content)
	u.Wait()
	return u, s.actions
}

// actionRowOf renders table row id the way the list does and returns it.
func actionRowOf(t *testing.T, a *actionTable, name string) (*actionRow, int) {
	t.Helper()
	for id, i := range a.rows {
		if a.entries[i].Name == name {
			r := newActionRow().(*actionRow)
			a.updateRow(id, r)
			return r, i
		}
	}
	t.Fatalf("no row %q", name)
	return nil, 0
}

// markOn is whether the calendar marks day d with an action day named name.
func markOn(t *testing.T, u *UI, d calendar.Date, name string) bool {
	t.Helper()
	marks, err := u.Workspace().DayMarks(context.Background(), d, d)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range marks[d] {
		if m.Label == name {
			return true
		}
	}
	return false
}

func TestActionDayTableAddSwitchOffSurvivesReload(t *testing.T) {
	u, a := newTestActionTable(t)
	ctx := context.Background()
	shipped := a.rowCount()
	if shipped < 40 {
		t.Fatalf("shipped list shows %d rows", shipped)
	}
	assertShows(t, u.win.Content(), "Aktionstag hinzufügen", "Importieren …", "Exportieren …", "Standardliste wiederherstellen …")

	// A new row through the form.
	test.Tap(a.add)
	f := a.form
	test.Type(f.date, "13.05.")
	test.Type(f.name, "Tag der Stadtbibliothek")
	test.Type(f.note, "mit Foto vom Lesesaal")
	test.Tap(findButton(t, topOverlay(u), "Speichern"))
	u.Wait()
	if topOverlay(u) != nil {
		t.Fatalf("form still open: %v", datesOverlayTexts(u))
	}
	if a.rowCount() != shipped+1 {
		t.Fatalf("rows %d, want %d", a.rowCount(), shipped+1)
	}

	// The Frauentag switched off with its row's check box.
	r, _ := actionRowOf(t, a, "Internationaler Frauentag")
	if !r.on.Checked {
		t.Fatal("shipped row is off")
	}
	test.Tap(r.on)
	u.Wait()

	y := today().Year + 1
	if markOn(t, u, calendar.NewDate(y, time.March, 8), "Internationaler Frauentag") {
		t.Error("a switched-off day is still in the calendar")
	}
	if !markOn(t, u, calendar.NewDate(y, time.May, 13), "Tag der Stadtbibliothek") {
		t.Error("the new day is not in the calendar")
	}
	text, _, _ := u.Workspace().ActionDayText(ctx)
	if !strings.Contains(text, "# aus: 08.03. | Internationaler Frauentag\n") || !strings.Contains(text, "13.05. | Tag der Stadtbibliothek | mit Foto vom Lesesaal\n") {
		t.Errorf("stored text:\n%s", text)
	}
	if !strings.Contains(text, "# März\n") {
		t.Error("the headings of the list were lost")
	}

	// A fresh screen reads back the same rows and the off state.
	s2 := newDatesScreen(u)
	u.setContent(s2.actions.content)
	u.Wait()
	b := s2.actions
	if b.rowCount() != shipped+1 {
		t.Fatalf("after reload %d rows", b.rowCount())
	}
	r2, _ := actionRowOf(t, b, "Internationaler Frauentag")
	if r2.on.Checked || !r2.title.TextStyle.Italic {
		t.Error("the off state was not kept")
	}
	r3, _ := actionRowOf(t, b, "Tag der Stadtbibliothek")
	if !r3.on.Checked || r3.date.Text != "13.05." || r3.detail.Text != "mit Foto vom Lesesaal" {
		t.Errorf("new row after reload: on=%v date=%q note=%q", r3.on.Checked, r3.date.Text, r3.detail.Text)
	}
	assertShows(t, u.win.Content(), "Davon ist 1 ausgeschaltet und steht nicht im Kalender.")

	// Switched on again, it is back in the calendar.
	test.Tap(r2.on)
	u.Wait()
	if !markOn(t, u, calendar.NewDate(y, time.March, 8), "Internationaler Frauentag") {
		t.Error("switched on again, but not in the calendar")
	}
}

func TestActionDayTableBadRuleShowsMessageAndKeepsInput(t *testing.T) {
	u, a := newTestActionTable(t)
	ctx := context.Background()
	before, _, _ := u.Workspace().ActionDayText(ctx)

	test.Tap(a.add)
	f := a.form
	test.Type(f.date, "3. Xy im Mai")
	test.Type(f.name, "Tag der Gärten")
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "Wochentag „xy“ nicht erkannt") {
		t.Errorf("no message while typing: %q visible=%v", f.problem.Text, f.problem.Visible())
	}
	form := topOverlay(u)
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	if after, _, _ := u.Workspace().ActionDayText(ctx); after != before {
		t.Fatal("a bad row was stored")
	}
	ovs := u.win.Canvas().Overlays().List()
	if len(ovs) != 2 || ovs[0] != form || !contains(datesOverlayTexts(u), "Bitte prüfen") {
		t.Fatalf("want the form with a message on top; overlays: %v", datesOverlayTexts(u))
	}
	test.Tap(findButton(t, topOverlay(u), "OK"))
	if f.date.Text != "3. Xy im Mai" || f.name.Text != "Tag der Gärten" {
		t.Errorf("typed text lost: %q, %q", f.date.Text, f.name.Text)
	}
	// Corrected, it saves.
	f.date.SetText("3. Sa im Mai")
	if f.problem.Visible() {
		t.Errorf("message stays after the correction: %q", f.problem.Text)
	}
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	if after, _, _ := u.Workspace().ActionDayText(ctx); !strings.Contains(after, "3. Sa im Mai | Tag der Gärten\n") {
		t.Errorf("corrected row not stored")
	}
}

func TestActionDayExportImportRoundTripShowsBadRows(t *testing.T) {
	u, a := newTestActionTable(t)
	ctx := context.Background()
	r, _ := actionRowOf(t, a, "Weltwassertag")
	test.Tap(r.on)
	u.Wait()

	path := filepath.Join(t.TempDir(), "Aktionstage.txt")
	a.exportFile(path)
	u.Wait()
	test.Tap(findButton(t, topOverlay(u), "OK"))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "# aus: 22.03. | Weltwassertag\r\n") {
		t.Fatalf("export lacks the off row or Windows line ends:\n%.300s", b)
	}

	// A file edited in Notepad: Windows-1252, one good and one bad line.
	other := filepath.Join(t.TempDir(), "Nachbaramt.txt")
	os.WriteFile(other, []byte("# Liste des Nachbaramts\r\n08.09. | Tag der Gr\xfcnfl\xe4chen\r\n31.02. | Gibt es nicht\r\n# aus: 01.10. | Tag der Chormusik\r\n"), 0o644)
	a.importFile(other)
	u.Wait()
	confirm := topOverlay(u)
	if confirm == nil || !contains(texts(confirm), "Die Liste der Aktionstage durch die 3 Aktionstage aus „Nachbaramt.txt“ ersetzen? Die Zeilen der jetzigen Liste werden ersetzt; exportieren Sie sie vorher, um sie zu behalten.") {
		t.Fatalf("import without asking: %v", datesOverlayTexts(u))
	}
	test.Tap(findButton(t, confirm, "Ja"))
	u.Wait()
	if a.rowCount() != 3 {
		t.Fatalf("rows after import: %d", a.rowCount())
	}
	bad, _ := actionRowOf(t, a, "Gibt es nicht")
	if !bad.warning.Visible() || bad.warning.Text != "⚠ Datum „31.02.“ gibt es nicht." {
		t.Errorf("bad row message %q (visible %v)", bad.warning.Text, bad.warning.Visible())
	}
	off, _ := actionRowOf(t, a, "Tag der Chormusik")
	if off.on.Checked {
		t.Error("off row imported as on")
	}
	assertShows(t, u.win.Content(), "1 Zeile ist nicht lesbar; der Kalender lässt sie weg, bis sie korrigiert ist.")
	y := today().Year + 1
	if !markOn(t, u, calendar.NewDate(y, time.September, 8), "Tag der Grünflächen") {
		t.Error("imported Windows-1252 row not in the calendar")
	}

	// Back to what was exported.
	a.importFile(path)
	u.Wait()
	test.Tap(findButton(t, topOverlay(u), "Ja"))
	u.Wait()
	text, _, _ := u.Workspace().ActionDayText(ctx)
	if !strings.Contains(text, "# aus: 22.03. | Weltwassertag\n") || strings.Contains(text, "\r") {
		t.Errorf("re-import lost the off row or kept CR")
	}
}

func TestActionDayRemoveAsksWithTheSharedDialog(t *testing.T) {
	u, a := newTestActionTable(t)
	n := a.rowCount()
	r, _ := actionRowOf(t, a, "Weltwassertag")
	test.Tap(r.del)
	confirm := topOverlay(u)
	if confirm == nil {
		t.Fatal("removed without asking")
	}
	assertShows(t, confirm, "„Weltwassertag“ löschen?")
	test.Tap(findButton(t, confirm, "Abbrechen"))
	u.Wait()
	if a.rowCount() != n {
		t.Fatal("removed although cancelled")
	}
	test.Tap(r.del)
	test.Tap(findButton(t, topOverlay(u), "Löschen"))
	u.Wait()
	if a.rowCount() != n-1 {
		t.Fatalf("rows %d, want %d", a.rowCount(), n-1)
	}
	if text, _, _ := u.Workspace().ActionDayText(context.Background()); strings.Contains(text, "\n22.03. | Weltwassertag\n") {
		t.Error("removed row still stored")
	}
}
