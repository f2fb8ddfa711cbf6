package app

import (
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// withdrawalDir makes a closed workspace with two channels and a person
// who withdrew, shown in two pictures: one used by a published post on
// both channels, one by a planned post; plus a backup. It returns the
// folder and the person's number.
func withdrawalDir(t *testing.T) (string, int64) {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Feedtakt")
	ws, err := data.Create(ctx, dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt Musterstadt", Land: calendar.Niedersachsen},
		Channels: []data.Channel{
			{Name: "Instagram", Platform: data.Instagram, Cadence: data.Cadence{Count: 2, Period: data.PerWeek}},
			{Name: "Facebook", Platform: data.Facebook, Cadence: data.Cadence{Count: 1, Period: data.PerWeek}},
		},
	}, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	chans, _ := ws.Channels(ctx)
	p := data.Person{Name: "Lena Vogelsang", Role: data.RoleTrainee, Contact: "Ausbildung, Zimmer 4"}
	if err := ws.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 2 {
		m, err := ws.AddMediaBytes(ctx, data.Media{OriginalName: fmt.Sprintf("Azubi-Tag %d.jpg", i+1), AltText: "Lena an der Werkbank"}, []byte(fmt.Sprintf("Bild %d von Lena", i)))
		if err != nil {
			t.Fatal(err)
		}
		if err := ws.SetPicturePeople(ctx, m.ID, []int64{p.ID}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	today := ws.Today()
	c := data.Consent{PersonID: p.ID, GivenOn: today.AddDays(-60), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram, data.Facebook}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeItems, MediaIDs: ids}
	if err := ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	published := today.AddDays(-20)
	pub := data.Post{Title: "Azubi-Tag im Rathaus", Date: &published, Status: data.StatusPublished,
		Channels: []data.PostChannel{{ChannelID: chans[0].ID}, {ChannelID: chans[1].ID}}}
	if err := ws.SavePostWithMedia(ctx, &pub, ids[:1]); err != nil {
		t.Fatal(err)
	}
	planned := today.AddDays(14)
	plan := data.Post{Title: "Ausbildungsmesse", Date: &planned, Status: data.StatusDraft, Channels: []data.PostChannel{{ChannelID: chans[0].ID}}}
	if err := ws.SavePostWithMedia(ctx, &plan, ids[1:]); err != nil {
		t.Fatal(err)
	}
	if err := ws.WithdrawConsent(ctx, c.ID, data.Withdrawal{On: today.AddDays(-2), Via: "E-Mail"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Backup(ctx, ""); err != nil {
		t.Fatal(err)
	}
	return dir, p.ID
}

// visibleTexts is texts for what is shown: hidden objects (the unused
// parts of a list row) are left out.
func visibleTexts(o fyne.CanvasObject) []string {
	var out []string
	visitVisible(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.Text)
		case *widget.SelectEntry:
			out = append(out, w.Text)
		}
	})
	return out
}

func visitVisible(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			visitVisible(c, f)
		}
		return
	case *container.Scroll:
		visitVisible(w.Content, f)
		return
	case *widget.Label, *widget.Button, *widget.Check, *widget.Entry, *widget.SelectEntry:
		return
	}
	if wid, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(wid).Objects() {
			visitVisible(c, f)
		}
	}
}

// visibleChecks returns the shown checkboxes by text.
func visibleChecks(o fyne.CanvasObject) map[string]*widget.Check {
	out := map[string]*widget.Check{}
	visitVisible(o, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			out[c.Text] = c
		}
	})
	return out
}

func openWithdrawal(t *testing.T) (*UI, int64) {
	t.Helper()
	dir, id := withdrawalDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.showWithdrawal(id)
	u.Wait()
	if topOverlay(u) == nil {
		t.Fatal("no withdrawal page")
	}
	return u, id
}

// The page lists the planned post as not approvable and the published one
// with a line per channel; ticking records the removal (date today, the
// user), unticking takes it back.
func TestWithdrawalPageListsPostsAndTicks(t *testing.T) {
	u, id := openWithdrawal(t)
	page := topOverlay(u)
	got := strings.Join(visibleTexts(page), " | ")
	today := u.ws.Today().String()
	for _, want := range []string{"Widerruf: Lena Vogelsang (Nr. " + fmt.Sprint(id) + ")", "Widerrufen am", "Bilder in der Mediathek: 2",
		"Geplante Beiträge (1)", "Ausbildungsmesse", "Einwilligung widerrufen: kann nicht freigegeben werden",
		"Die Einwilligungserklärung sagt zu, die Bilder nicht mehr zu veröffentlichen und, soweit möglich, aus den eigenen Kanälen zu entfernen.", "Veröffentlichte Beiträge (1)", "Azubi-Tag im Rathaus",
		"Auf Instagram entfernt", "Auf Facebook entfernt", today, "Noch abzuhaken: 2", "Person und Bilder endgültig löschen …"} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "entscheidet Ihr Haus") {
		t.Errorf("page contradicts the printed form:\n%s", got)
	}
	checks := visibleChecks(page)
	ig := checks["Auf Instagram entfernt"]
	if ig == nil || ig.Checked {
		t.Fatalf("Instagram check %+v", ig)
	}
	test.Tap(ig)
	u.Wait()
	o, err := u.ws.Withdrawal(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	r := o.Posts[0].Channels[0].Removal
	if r == nil || r.On.String() != today || r.By != "" {
		t.Fatalf("removal %+v", r)
	}
	if !strings.Contains(strings.Join(visibleTexts(topOverlay(u)), " | "), "Noch abzuhaken: 1") {
		t.Errorf("count not updated: %v", visibleTexts(topOverlay(u)))
	}
	// A note added to a ticked line is saved with Speichern.
	var note *widget.Entry
	visitVisible(topOverlay(u), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && note == nil && e.PlaceHolder == "Notiz (optional)" {
			note = e
		}
	})
	note.SetText("Beitrag auf Instagram archiviert")
	var save *widget.Button
	visitVisible(topOverlay(u), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Speichern" {
			save = b
		}
	})
	if save == nil {
		t.Fatal("no Speichern shown after the note changed")
	}
	test.Tap(save)
	u.Wait()
	if o, _ = u.ws.Withdrawal(context.Background(), id); o.Posts[0].Channels[0].Removal == nil || o.Posts[0].Channels[0].Removal.Note != "Beitrag auf Instagram archiviert" {
		t.Errorf("note not saved: %+v", o.Posts[0].Channels[0].Removal)
	}
	test.Tap(visibleChecks(topOverlay(u))["Auf Instagram entfernt"])
	u.Wait()
	if o, _ = u.ws.Withdrawal(context.Background(), id); o.Posts[0].Channels[0].Removal != nil {
		t.Error("untick not recorded")
	}
}

// A date that is not a date is refused with a sentence; nothing is saved.
func TestWithdrawalPageRefusesBadDate(t *testing.T) {
	u, id := openWithdrawal(t)
	page := topOverlay(u)
	var date *widget.Entry
	visitVisible(page, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && date == nil && e.Text == u.ws.Today().String() {
			date = e
		}
	})
	if date == nil {
		t.Fatal("no date entry")
	}
	date.SetText("31.02.")
	test.Tap(visibleChecks(page)["Auf Instagram entfernt"])
	u.Wait()
	if got := strings.Join(texts(topOverlay(u)), " | "); !strings.Contains(got, "Tag ein, an dem der Beitrag entfernt wurde") {
		t.Errorf("no sentence for a bad date: %s", got)
	}
	if o, _ := u.ws.Withdrawal(context.Background(), id); o.Posts[0].Channels[0].Removal != nil {
		t.Error("saved with a bad date")
	}
}

// Öffnen opens the planned post in the editor.
func TestWithdrawalPageOpensPlannedPost(t *testing.T) {
	u, _ := openWithdrawal(t)
	var open *widget.Button
	visitVisible(topOverlay(u), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Öffnen" && open == nil {
			open = b
		}
	})
	if open == nil {
		t.Fatal("no Öffnen")
	}
	test.Tap(open)
	u.Wait()
	if u.editor == nil || u.editor.post.Title != "Ausbildungsmesse" {
		t.Fatalf("editor %+v", u.editor)
	}
}

// Person und Bilder endgültig löschen asks with what will go (pictures, forms,
// backups), runs as a shown job, says what was removed, and the page then
// shows the proof without the name.
func TestWithdrawalPageErases(t *testing.T) {
	u, id := openWithdrawal(t)
	test.Tap(findButton(t, topOverlay(u), "Person und Bilder endgültig löschen …"))
	u.Wait()
	ask := strings.Join(texts(topOverlay(u)), " | ")
	for _, want := range []string{"Person und Bilder endgültig löschen?", "Für Lena Vogelsang (Person Nr. ", "2 Bilder zeigen die Person.", "2 Beiträge verlieren diese Bilder; sie bleiben",
		"1 Sicherung wird geprüft und neu geschrieben, wenn sie die Person enthält.", "nicht rückgängig"} {
		if !strings.Contains(ask, want) {
			t.Errorf("confirmation lacks %q:\n%s", want, ask)
		}
	}
	if strings.Contains(ask, "andere Personen") || strings.Contains(ask, "• 0") || strings.Contains(ask, ": 0") {
		t.Errorf("confirmation speaks of other people, or of things, where there are none:\n%s", ask)
	}
	test.Tap(findButton(t, topOverlay(u), "Endgültig löschen"))
	u.Wait()
	u.Wait()
	done := strings.Join(texts(topOverlay(u)), " | ")
	for _, want := range []string{"Person und Bilder gelöscht", "Bilder: 2", "Sicherungen geprüft: 1, neu geschrieben und geprüft: 1"} {
		if !strings.Contains(done, want) {
			t.Errorf("result lacks %q:\n%s", want, done)
		}
	}
	rec, err := u.ws.Erasure(context.Background(), id)
	if err != nil || !rec.Done() {
		t.Fatalf("erasure %+v, %v", rec, err)
	}
	test.Tap(findButton(t, topOverlay(u), "Schließen"))
	page := strings.Join(visibleTexts(topOverlay(u)), " | ")
	for _, want := range []string{"(gelöscht)", "Gelöscht am", "Bilder 2"} {
		if !strings.Contains(page, want) {
			t.Errorf("page after erasure lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "Vogelsang") || strings.Contains(page, "endgültig löschen") {
		t.Errorf("page after erasure:\n%s", page)
	}
	// Nothing of her on disk.
	filepath.WalkDir(u.ws.Dir(), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(p); strings.Contains(string(b), "Vogelsang") {
				t.Errorf("%s holds the name", p)
			}
		}
		return nil
	})
}

// A person whose consent is in force cannot be erased from the page: the
// sentence says why.
func TestWithdrawalPageRefusesConsentInForce(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	ctx := context.Background()
	p := data.Person{Name: "Jonas Ehrlich", Role: data.RoleEmployee}
	if err := u.ws.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := data.Consent{PersonID: p.ID, GivenOn: u.ws.Today(), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Fest"}
	if err := u.ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	u.showWithdrawal(p.ID)
	u.Wait()
	assertShows(t, topOverlay(u), "Kein Widerruf erfasst", "Keines der Bilder der Person wird in einem Beitrag verwendet.")
	test.Tap(findButton(t, topOverlay(u), "Person und Bilder endgültig löschen …"))
	u.Wait()
	assertShows(t, topOverlay(u), "Die Einwilligung dieser Person gilt noch")
	if _, err := u.ws.Erasure(ctx, p.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("erasure started: %v", err)
	}
}

// TestWithdrawalScreenshots writes the withdrawal page, its confirmation
// and its result at 1366x768 and 1920x1080 into the folder FEEDTAKT_SHOTS
// names, for a person to look at; without it the test is skipped.
func TestWithdrawalScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		tag := fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)
		u, id := openWithdrawal(t)
		u.win.Resize(size)
		for top := topOverlay(u); top != nil; top = topOverlay(u) {
			u.win.Canvas().Overlays().Remove(top)
		}
		u.showWithdrawal(id)
		u.Wait()
		test.Tap(visibleChecks(topOverlay(u))["Auf Instagram entfernt"])
		u.Wait()
		shot := func(name string) {
			t.Helper()
			u.Wait()
			f, err := os.Create(filepath.Join(out, name+"-"+tag+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		shot("widerruf")
		test.Tap(findButton(t, topOverlay(u), "Person und Bilder endgültig löschen …"))
		u.Wait()
		shot("widerruf-loeschen-frage")
		test.Tap(findButton(t, topOverlay(u), "Endgültig löschen"))
		u.Wait()
		shot("widerruf-geloescht")
		test.Tap(findButton(t, topOverlay(u), "Schließen"))
		shot("widerruf-nachweis")
	}
}

// An erasure left incomplete (here: a backup that could not be rewritten,
// since removed by hand) is completed when the workspace opens, and the
// window says so.
func TestInterruptedErasureCompletesAtOpen(t *testing.T) {
	dir, id := withdrawalDir(t)
	ctx := context.Background()
	ws, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "IT"}})
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := ws.Backups()
	b, _ := os.ReadFile(bs[0].Path)
	os.WriteFile(bs[0].Path, b[:len(b)/3], 0o644)
	if _, err := ws.ErasePerson(ctx, id, nil); !errors.Is(err, data.ErrErasureIncomplete) {
		t.Fatalf("first run: %v", err)
	}
	ws.Close()
	os.Remove(bs[0].Path)

	u, _ := newTestUI(t, Config{Workspace: dir})
	u.Wait()
	u.Wait()
	rec, err := u.ws.Erasure(ctx, id)
	if err != nil || !rec.Done() {
		t.Fatalf("after open: %+v, %v", rec, err)
	}
	assertShows(t, topOverlay(u), fmt.Sprintf("Unterbrochenes Löschen von Person Nr. %d abgeschlossen", id), "Bilder: 2")
}

// After the erasure the rest of the window shows it at once: the reminder
// "… hat … widerrufen" leaves the calendar's side panel, the person the
// Personen list, her pictures the Mediathek.
func TestErasureReloadsTheOtherScreens(t *testing.T) {
	dir, id := withdrawalDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.Wait()
	u.shell.selectScreen(screenMedia)
	u.Wait()
	u.shell.selectScreen(screenPeople)
	u.Wait()
	u.shell.selectScreen(screenCalendar)
	u.Wait()
	side := u.shell.calendar.gaps.content
	assertShows(t, side, "Lena Vogelsang hat die Einwilligung")
	if len(u.shell.people.items) != 1 || len(u.shell.library.items) != 2 {
		t.Fatalf("before: people %d, pictures %d", len(u.shell.people.items), len(u.shell.library.items))
	}
	u.showWithdrawal(id)
	u.Wait()
	test.Tap(findButton(t, topOverlay(u), "Person und Bilder endgültig löschen …"))
	u.Wait()
	test.Tap(findButton(t, topOverlay(u), "Endgültig löschen"))
	u.Wait()
	u.Wait()
	assertNotShows(t, side, "Vogelsang", "widerrufen")
	if len(u.shell.people.items) != 0 || len(u.shell.library.items) != 0 {
		t.Errorf("after: people %+v, pictures %d", u.shell.people.items, len(u.shell.library.items))
	}
}

// "von" proposes the display name set under Einstellungen; without one it
// stays empty and the page says how to set it, rather than proposing the
// OS login ("root"). Names from the change log stay choices.
func TestWithdrawalPageProposesDisplayName(t *testing.T) {
	login := data.CurrentActor().Person
	for _, tc := range []struct {
		name, display, want string
		hint                bool
	}{
		{"display name set", "Maria Muster", "Maria Muster", false},
		{"none set", "", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, id := withdrawalDir(t)
			u, a := newTestUI(t, Config{Workspace: dir})
			a.Preferences().SetString(prefDisplayName, tc.display)
			u.showWithdrawal(id)
			u.Wait()
			var by []*widget.SelectEntry
			visitVisible(topOverlay(u), func(o fyne.CanvasObject) {
				if e, ok := o.(*widget.SelectEntry); ok {
					by = append(by, e)
				}
			})
			if len(by) != 2 {
				t.Fatalf("%d von fields", len(by))
			}
			for _, e := range by {
				if e.Text != tc.want {
					t.Errorf("von %q, want %q", e.Text, tc.want)
				}
				if e.Disabled() {
					t.Error("von not editable")
				}
			}
			page := strings.Join(visibleTexts(topOverlay(u)), " | ")
			if got := strings.Contains(page, "Einstellungen › Anzeigename"); got != tc.hint {
				t.Errorf("hint shown %v, want %v:\n%s", got, tc.hint, page)
			}
			if login != tc.display && login != "Maria Muster" && strings.Contains(page, login) {
				t.Errorf("page proposes the login %q:\n%s", login, page)
			}
		})
	}
}
