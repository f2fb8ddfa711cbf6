package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestLibraryPapierkorbListsAndRestores(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	closeOverlays(u)
	assertShows(t, s.content, "Papierkorb (0)")

	// Empty state first.
	td := s.openTrash()
	u.Wait()
	if td.body.Objects[0] != td.empty {
		t.Error("an empty Papierkorb does not say so")
	}
	assertShows(t, td.empty, "Der Papierkorb ist leer.")
	td.d.Hide()

	selectByName(t, u, s, "sommerfest.jpg")
	s.detail.deleteItems([]int64{s.detail.m.ID}, false)
	u.Wait()
	selectByName(t, u, s, "burg.jpg")
	s.detail.deleteItems([]int64{s.detail.m.ID}, false)
	u.Wait()
	if got := tileNames(s); !slices.Equal(got, []string{"notiz.txt", "rathaus.jpg"}) {
		t.Fatalf("after deleting the grid shows %v", got)
	}
	assertShows(t, s.content, "Papierkorb (2)")

	td = s.openTrash()
	u.Wait()
	if len(td.items) != 2 || td.body.Objects[0] != td.list {
		t.Fatalf("Papierkorb lists %d entries", len(td.items))
	}
	row := td.newRow()
	td.updateRow(0, row)
	assertShows(t, row, td.items[0].Media.OriginalName, "Gelöscht am", " von ", "noch 30 von 30 Tagen")
	if !td.restore.Disabled() {
		t.Error("Wiederherstellen is enabled with nothing chosen")
	}

	// Choose the summer party by its tick and restore it.
	for i, it := range td.items {
		if it.Media.OriginalName == "sommerfest.jpg" {
			r := td.newRow()
			td.updateRow(i, r)
			checkIn(t, r).SetChecked(true)
		}
	}
	if td.restore.Disabled() || td.restore.Text != "1 Datei wiederherstellen" {
		t.Fatalf("restore button %q (disabled %t)", td.restore.Text, td.restore.Disabled())
	}
	test.Tap(td.restore)
	u.Wait()
	assertShows(t, td.result, "1 Datei wiederhergestellt: sommerfest.jpg")
	if len(td.items) != 1 || td.items[0].Media.OriginalName != "burg.jpg" {
		t.Errorf("Papierkorb after restoring: %+v", td.items)
	}
	if got := tileNames(s); !slices.Equal(got, []string{"notiz.txt", "rathaus.jpg", "sommerfest.jpg"}) {
		t.Errorf("after restoring the grid shows %v", got)
	}
	assertShows(t, s.content, "Papierkorb (1)")

	// "Alle auswählen" and restore the rest: the empty state follows.
	td.all.SetChecked(true)
	test.Tap(td.restore)
	u.Wait()
	if td.body.Objects[0] != td.empty || len(s.items) != 4 {
		t.Errorf("after restoring all: %d entries, %d items", len(td.items), len(s.items))
	}
}

func TestTrashLeftText(t *testing.T) {
	_, _ = newTestUI(t, Config{})
	for days, want := range map[int]string{30: "noch 30 von 30 Tagen", 1: "noch 1 von 30 Tagen", 0: "Letzter Tag"} {
		if got := trashLeftText(days); got != want {
			t.Errorf("%d days: %q, want %q", days, got, want)
		}
	}
}

// checkIn finds the tick box of a Papierkorb row.
func checkIn(t *testing.T, row fyne.CanvasObject) *widget.Check {
	t.Helper()
	lead := row.(*fyne.Container).Objects[1].(*fyne.Container)
	return lead.Objects[0].(*widget.Check)
}
