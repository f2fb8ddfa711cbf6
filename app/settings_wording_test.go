package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// settingsButtons selects every settings tab in turn and returns the
// buttons it shows, by tab name.
func settingsButtons(t *testing.T, u *UI) map[string][]*widget.Button {
	t.Helper()
	u.shell.selectScreen(screenSettings)
	out := map[string][]*widget.Button{}
	for i, it := range u.shell.settingsTabs.Items {
		u.shell.settingsTabs.SelectIndex(i)
		u.Wait()
		visit(it.Content, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok {
				out[it.Text] = append(out[it.Text], b)
			}
		})
	}
	return out
}

func TestSettingsSpeakOneLanguage(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	ws, ctx := u.Workspace(), context.Background()
	// Something in every list, so every row's buttons are there.
	start := today()
	sr := data.Series{Title: "Azubi-Dienstag", Rule: calendar.Recurrence{Weekday: time.Tuesday, Start: start, Hour: 10}}
	od := data.OwnDate{Date: start.AddDays(10), Name: "Tag der offenen Tür"}
	qp := data.QuietPeriod{From: start.AddDays(20), To: start.AddDays(30), Note: "Staatstrauer"}
	tp := data.Topic{Name: "Ausbildung", Color: "#2E7D32"}
	for _, err := range []error{ws.SaveSeries(ctx, &sr), ws.SaveOwnDate(ctx, &od), ws.SaveQuietPeriod(ctx, &qp), ws.SaveTopic(ctx, &tp)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	u.shell.settings.load()
	u.shell.dates.load()
	u.Wait()

	// The first tab is named for what it holds, and each tab holds what
	// its name says.
	var names []string
	for _, it := range u.shell.settingsTabs.Items {
		names = append(names, it.Text)
	}
	if got := strings.Join(names, " | "); got != "Kanäle & Rubriken | Serien & Termine | Aktionstage | Plattformen | Organisation" {
		t.Errorf("tabs: %s", got)
	}
	for tab, want := range map[int][]string{
		0: {"Kanäle", "Rubriken"}, 1: {"Serien", "Eigene Termine", "Ruhezeiten"}, 2: {"Aktionstage"},
		3: {"Plattform-Grenzen", "Formate zum Hochladen"}, 4: {"Organisation", "Ihre Angaben (nur auf diesem PC)", "Einwilligungserklärung"},
	} {
		assertShows(t, u.shell.settingsTabs.Items[tab].Content, want...)
	}

	forbidden := []string{"Übernehmen", "Anwenden", "Sichern", "Entfernen", "Zurücksetzen", "Apply", "Reset"}
	removes := 0
	for tab, bs := range settingsButtons(t, u) {
		for _, b := range bs {
			for _, f := range forbidden {
				if strings.Contains(b.Text, f) {
					t.Errorf("%s: button %q uses %q", tab, b.Text, f)
				}
			}
			switch b.Icon {
			case theme.DeleteIcon():
				removes++
				if b.Text != "Löschen …" {
					t.Errorf("%s: a delete button says %q, want „Löschen …“", tab, b.Text)
				}
			case theme.DocumentSaveIcon():
				if !strings.HasSuffix(strings.ToLower(b.Text), "speichern") {
					t.Errorf("%s: a save button says %q", tab, b.Text)
				}
			case theme.DocumentCreateIcon():
				if b.Text != "Bearbeiten …" {
					t.Errorf("%s: an edit button says %q", tab, b.Text)
				}
			}
			if b.Text == "" && b.Icon != theme.MoveUpIcon() && b.Icon != theme.MoveDownIcon() && b.Icon != theme.CalendarIcon() {
				t.Errorf("%s: a button without a word (icon %v)", tab, b.Icon.Name())
			}
		}
	}
	// topics, formats, series, own date, quiet period (action-day rows are
	// list cells, checked in dates_actiondays_test.go)
	if removes < 5 {
		t.Errorf("found %d delete buttons, want at least 5", removes)
	}
}

// TestSettingsRemoveAsksTheSameQuestion deletes from every list that can:
// the same title pattern and the same two buttons each time.
func TestSettingsRemoveAsksTheSameQuestion(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	ws, ctx := u.Workspace(), context.Background()
	start := today()
	sr := data.Series{Title: "Azubi-Dienstag", Rule: calendar.Recurrence{Weekday: time.Tuesday, Start: start, Hour: 10}}
	od := data.OwnDate{Date: start.AddDays(10), Name: "Tag der offenen Tür"}
	qp := data.QuietPeriod{From: start.AddDays(20), To: start.AddDays(30), Note: "Staatstrauer"}
	tp := data.Topic{Name: "Ausbildung", Color: "#2E7D32"}
	for _, err := range []error{ws.SaveSeries(ctx, &sr), ws.SaveOwnDate(ctx, &od), ws.SaveQuietPeriod(ctx, &qp), ws.SaveTopic(ctx, &tp)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	u.shell.settings.load()
	u.shell.dates.load()
	u.Wait()
	asked := 0
	for tab, bs := range settingsButtons(t, u) {
		for _, b := range bs {
			if b.Text != "Löschen …" {
				continue
			}
			for i, it := range u.shell.settingsTabs.Items {
				if it.Text == tab {
					u.shell.settingsTabs.SelectIndex(i)
				}
			}
			test.Tap(b)
			d := topOverlay(u)
			if d == nil {
				t.Fatalf("%s: deleted without asking", tab)
			}
			got := texts(d)
			title := ""
			for _, s := range got {
				if strings.HasPrefix(s, "„") && strings.HasSuffix(s, "“ löschen?") {
					title = s
				}
			}
			if title == "" || !contains(got, "Löschen") || !contains(got, "Abbrechen") || contains(got, "Ja") {
				t.Errorf("%s: the question reads %v", tab, got)
			}
			test.Tap(findButton(t, d, "Abbrechen"))
			u.Wait()
			asked++
		}
	}
	if asked < 5 {
		t.Errorf("asked %d times, want at least 5", asked)
	}
	if ts, _ := ws.Topics(ctx); len(ts) != 1 {
		t.Error("cancelled, but deleted")
	}
}
