package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// menuLabels are a menu's item labels, separators left out.
func menuLabels(m *fyne.Menu) []string {
	var out []string
	for _, it := range m.Items {
		if !it.IsSeparator {
			out = append(out, it.Label)
		}
	}
	return out
}

func chipMenuItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no item %q in %v", label, menuLabels(m))
	return nil
}

func TestChipMenuHasEveryItemAndChangesTheStatus(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Weihnachtsgruß", Date: day(2026, 12, 8), Time: at(9, 0), Caption: "Frohe Weihnachten"},
		data.Post{Title: "Treffpunkt offen", Date: day(2026, 12, 8), Time: at(11, 0), Caption: "Treffpunkt {Ort"})
	var c, blocked *chip
	for _, ch := range chipsOn(s, *day(2026, 12, 8)) {
		if ch.info.title == "Weihnachtsgruß" {
			c = ch
		} else {
			blocked = ch
		}
	}
	test.TapSecondary(c)
	if topOverlay(u) == nil {
		t.Fatal("right click shows no menu")
	}
	assertShows(t, topOverlay(u), "Status ändern", "Verschieben auf …")
	u.win.Canvas().Overlays().Remove(topOverlay(u))
	m := s.postMenu(*c.info.post)
	want := []string{"Öffnen", "Posten …", "Text kopieren", "Status ändern", "Verschieben auf …", "Duplizieren", "Löschen …"}
	if got := menuLabels(m); len(got) != len(want) {
		t.Fatalf("menu = %v, want %v", got, want)
	} else {
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("item %d = %q, want %q", i, got[i], want[i])
			}
		}
	}
	status := chipMenuItem(t, m, "Status ändern").ChildMenu
	if status == nil || !chipMenuItem(t, status, "Entwurf").Checked {
		t.Fatal("no status submenu with the post's own status ticked")
	}
	if contains(menuLabels(status), "Idee") {
		t.Error("a post with a date is offered the status Idee")
	}
	chipMenuItem(t, status, "Freigegeben").Action()
	u.Wait()
	p, _ := u.Workspace().Post(context.Background(), c.info.post.ID)
	if p.Status != data.StatusApproved {
		t.Fatalf("status after the menu = %s", p.Status)
	}

	// A post with a blocking problem is refused, with the reason.
	m = s.postMenu(*blocked.info.post)
	chipMenuItem(t, chipMenuItem(t, m, "Status ändern").ChildMenu, "Freigegeben").Action()
	u.Wait()
	p, _ = u.Workspace().Post(context.Background(), blocked.info.post.ID)
	if p.Status != data.StatusDraft {
		t.Errorf("a post with an open placeholder was approved: %s", p.Status)
	}
	d := topOverlay(u)
	if d == nil {
		t.Fatal("the refusal is not explained")
	}
	assertShows(t, d, "Kann nicht freigegeben werden", "Freigegeben")
}

func TestChipMenuMovesAPostToATypedDate(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Umzug", Date: day(2026, 12, 8), Time: at(14, 15)})
	c := chipsOn(s, *day(2026, 12, 8))[0]
	chipMenuItem(t, s.postMenu(*c.info.post), "Verschieben auf …").Action()
	d := topOverlay(u)
	if d == nil {
		t.Fatal("no date dialog")
	}
	assertShows(t, d, "„Umzug“ verschieben auf:", "08.12.2026", "Dienstag, 08.12.2026")
	e := u.win.Canvas().Focused().(*widget.Entry)
	e.SetText("31.02.2026")
	test.Tap(findButton(t, d, "Verschieben"))
	assertShows(t, d, "27.11.2026") // asks for a real date, the dialog stays
	e.SetText("14.12.2026")
	test.Tap(findButton(t, d, "1 Tag später"))
	assertShows(t, d, "Dienstag, 15.12.2026")
	test.Tap(findButton(t, d, "Verschieben"))
	u.Wait()
	ps, _ := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 15), *day(2026, 12, 15))
	if len(ps) != 1 || ps[0].Time.String() != "14:15" {
		t.Fatalf("after moving: %+v", ps)
	}
	if s.selected != *day(2026, 12, 15) {
		t.Errorf("the calendar shows %v, not the new day", s.selected)
	}
}

func TestChipMenuReadOnlyGreysOutWriting(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	holder, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	cs, _ := holder.Channels(context.Background())
	p := data.Post{Title: "Nur lesen", Date: day(2026, 12, 8), Channels: []data.PostChannel{{ChannelID: cs[0].ID}}}
	if err := holder.CreatePost(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, Config{Workspace: dir})
	if !u.Workspace().ReadOnly() {
		t.Fatal("not read-only")
	}
	s := u.shell.calendar
	s.goTo(*day(2026, 12, 8))
	u.Wait()
	c := chipsOn(s, *day(2026, 12, 8))[0]
	m := s.postMenu(*c.info.post)
	for _, l := range []string{"Status ändern", "Verschieben auf …", "Duplizieren", "Löschen …"} {
		if !chipMenuItem(t, m, l).Disabled {
			t.Errorf("%q is offered in a read-only workspace", l)
		}
	}
	for _, l := range []string{"Öffnen", "Text kopieren"} {
		if chipMenuItem(t, m, l).Disabled {
			t.Errorf("%q is greyed out in a read-only workspace", l)
		}
	}
}
