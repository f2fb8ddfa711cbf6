package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/calendar"
)

// newTestUI starts the app with a fresh test app (in-memory preferences) in
// German and waits until it has opened whatever cfg says.
func newTestUI(t *testing.T, cfg Config) (*UI, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	return newTestUIWithApp(t, a, cfg), a
}

func newTestUIWithApp(t *testing.T, a fyne.App, cfg Config) *UI {
	t.Helper()
	if cfg.Lang == "" {
		cfg.Lang = "de"
	}
	cfg.queued = true
	if cfg.DemoDir == "" {
		cfg.DemoDir = filepath.Join(t.TempDir(), "Demo")
	}
	u := New(a, cfg)
	u.win.Resize(fyne.NewSize(1366, 768))
	u.Wait()
	t.Cleanup(func() {
		u.Wait()
		u.closeWorkspace()
		for _, w := range fyne.CurrentApp().Driver().AllWindows() {
			if w == u.win { // a test may have closed it already
				u.win.Close()
			}
		}
	})
	return u
}

// newTestWorkspaceDir makes a closed workspace folder with one channel.
func newTestWorkspaceDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Feedtakt")
	ws, err := data.Create(context.Background(), dir, data.Initial{
		Settings: data.Settings{Organisation: "Stadt Musterstadt", Land: calendar.Bayern},
		Channels: []data.Channel{{Name: "Instagram", Platform: data.Instagram, Cadence: data.Cadence{Count: 2, Period: data.PerWeek}}},
	}, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	return dir
}

// texts collects every label, button and entry text below o, so tests can
// assert what a person sees.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *canvas.Text:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Card:
			out = append(out, w.Title, w.Subtitle)
			if w.Content != nil {
				walk(w.Content)
			}
			return
		case *widget.Entry:
			out = append(out, w.Text)
		case *keyEntry:
			out = append(out, w.Text)
		case *widget.Select:
			out = append(out, w.Selected)
		case *widget.Form:
			for _, it := range w.Items {
				out = append(out, it.Text)
				walk(it.Widget)
			}
			return
		case *container.AppTabs:
			for _, it := range w.Items {
				out = append(out, it.Text)
			}
			if w.Selected() != nil {
				walk(w.Selected().Content)
			}
			return
		case *container.Scroll:
			walk(w.Content)
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			r := test.WidgetRenderer(wid)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func contains(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func assertShows(t *testing.T, o fyne.CanvasObject, subs ...string) {
	t.Helper()
	got := texts(o)
	for _, s := range subs {
		if !contains(got, s) {
			t.Errorf("screen does not show %q; it shows:\n%s", s, strings.Join(got, " | "))
		}
	}
}

func assertNotShows(t *testing.T, o fyne.CanvasObject, subs ...string) {
	t.Helper()
	got := texts(o)
	for _, s := range subs {
		if contains(got, s) {
			t.Errorf("screen shows %q; it should not:\n%s", s, strings.Join(got, " | "))
		}
	}
}

// findButton returns the button whose text is exactly text.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				found = w
			}
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case *container.AppTabs:
			if w.Selected() != nil {
				walk(w.Selected().Content)
			}
			return
		case *container.Scroll:
			walk(w.Content)
			return
		case *widget.Card:
			if w.Content != nil {
				walk(w.Content)
			}
			return
		case *widget.Form:
			for _, it := range w.Items {
				walk(it.Widget)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q; screen shows:\n%s", text, strings.Join(texts(o), " | "))
	}
	return found
}

// topOverlay is the dialog on top, or nil.
func topOverlay(u *UI) fyne.CanvasObject { return u.win.Canvas().Overlays().Top() }

func TestFirstStartShowsWelcomeInGerman(t *testing.T) {
	u, _ := newTestUI(t, Config{})
	if u.Workspace() != nil {
		t.Fatal("a workspace is open on first start")
	}
	assertShows(t, u.win.Content(), "Willkommen bei Feedtakt", "Neuen Arbeitsbereich anlegen",
		"Vorhandenen Arbeitsbereich öffnen", "Demo erkunden", "Bundesland")
}

func TestCreateWorkspaceFromWelcomeThenReopenOnNextStart(t *testing.T) {
	u, a := newTestUI(t, Config{})
	w := newWelcome(u)
	u.setContent(w.content)
	dir := filepath.Join(t.TempDir(), "Pressestelle")
	test.Type(w.org, "Stadt Musterstadt – Pressestelle")
	w.land.SetSelected("Thüringen")
	w.folder.SetText(dir)
	test.Tap(w.create)
	u.Wait()

	ws := u.Workspace()
	if ws == nil {
		t.Fatalf("no workspace open; screen: %v", texts(u.win.Content()))
	}
	s, _ := ws.Settings(context.Background())
	if s.Organisation != "Stadt Musterstadt – Pressestelle" || s.Land != calendar.Thueringen {
		t.Errorf("settings = %+v", s)
	}
	if _, err := os.Stat(filepath.Join(dir, data.DBName)); err != nil {
		t.Fatal(err)
	}
	if got := u.win.Title(); got != "Feedtakt – Stadt Musterstadt – Pressestelle" {
		t.Errorf("title %q", got)
	}
	// A new workspace opens on the guided start (guide_test.go), which
	// ends in the calendar.
	test.Tap(findButton(t, u.win.Content(), "Einführung überspringen"))
	u.Wait()
	if u.shell.tabs.SelectedIndex() != screenCalendar {
		t.Error("the guided start should end in the calendar")
	}
	cs, _ := ws.Channels(context.Background())
	if len(cs) == 0 {
		t.Error("no default channels")
	}
	assertShows(t, u.win.Content(), "Kalender", "Ideenspeicher", "Mediathek", "Vorlagen", "Übergabe", "Einstellungen")

	// Next start: the same preferences open the workspace directly.
	u.closeWorkspace()
	u2 := newTestUIWithApp(t, a, Config{})
	if u2.Workspace() == nil || u2.Workspace().Dir() != ws.Dir() {
		t.Fatalf("next start did not reopen the last workspace")
	}
}

func TestCreateRefusesWithoutBundeslandAndKeepsInput(t *testing.T) {
	u, _ := newTestUI(t, Config{})
	w := newWelcome(u)
	u.setContent(w.content)
	test.Type(w.org, "Landratsamt")
	w.folder.SetText(filepath.Join(t.TempDir(), "x"))
	test.Tap(w.create)
	u.Wait()
	if u.Workspace() != nil {
		t.Fatal("created without a Bundesland")
	}
	if topOverlay(u) == nil {
		t.Fatal("no message")
	}
	assertShows(t, topOverlay(u), "Bitte wählen Sie Ihr Bundesland")
	if w.org.Text != "Landratsamt" {
		t.Error("input lost")
	}
}

func TestOpeningAForeignDatabaseExplainsAndShowsWelcome(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, data.DBName), []byte("Dies ist keine Datenbank, sondern ein Brief."), 0o644)
	u, _ := newTestUI(t, Config{Workspace: dir})
	if u.Workspace() != nil {
		t.Fatal("garbage opened")
	}
	ov := topOverlay(u)
	if ov == nil {
		t.Fatal("no error dialog")
	}
	assertShows(t, ov, "konnte nicht geöffnet werden", "keine Feedtakt-Datenbank", "nicht verändert")
	assertShows(t, u.win.Content(), "Willkommen bei Feedtakt")
	b, _ := os.ReadFile(filepath.Join(dir, data.DBName))
	if string(b) != "Dies ist keine Datenbank, sondern ein Brief." {
		t.Error("file changed")
	}
}

func TestSecondOpenIsReadOnlyAndSaysWhoHasIt(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	holder, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Maria Muster", PC: "PC-STADT-042"}})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	if u.Workspace() == nil || !u.Workspace().ReadOnly() {
		t.Fatal("not opened read-only")
	}
	assertShows(t, u.win.Content(), "Nur lesen: Geöffnet von Maria Muster auf PC-STADT-042 seit")
	if !strings.Contains(u.win.Title(), "(nur lesen)") {
		t.Errorf("title %q", u.win.Title())
	}
	u.shell.selectScreen(screenSettings)
	if !u.shell.settings.addChan.Disabled() || !u.shell.settings.saveGen.Disabled() {
		t.Error("editing is possible while read-only")
	}
}

func TestSettingsAddChannelAndTopicAndReorder(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenSettings)
	s := u.shell.settings
	ctx := context.Background()

	test.Tap(s.addChan)
	u.Wait()
	form := topOverlay(u)
	if form == nil {
		t.Fatal("no channel form")
	}
	entries := entriesIn(form)
	if len(entries) < 3 {
		t.Fatalf("form has %d entries", len(entries))
	}
	test.Type(entries[0], "Mastodon Stadt")
	test.Type(entries[1], "@stadt@social.example")
	entries[2].SetText("3")
	selectsIn(form)[0].SetSelected("Mastodon")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	cs, _ := u.Workspace().Channels(ctx)
	if len(cs) != 2 || cs[1].Name != "Mastodon Stadt" || cs[1].Platform != data.Mastodon || cs[1].Cadence.Count != 3 {
		t.Fatalf("channels = %+v", cs)
	}
	assertShows(t, u.win.Content(), "Mastodon Stadt", "3 pro Woche")

	// Move the new channel up with its ▲ button.
	var up *widget.Button
	visit(s.channels.Objects[1], func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.MoveUpIcon().Name() {
			up = b
		}
	})
	if up == nil {
		t.Fatal("no move-up button on the second channel")
	}
	test.Tap(up)
	u.Wait()
	assertShows(t, s.channels.Objects[0], "Mastodon Stadt")
	cs, _ = u.Workspace().Channels(ctx)
	if cs[0].Name != "Mastodon Stadt" {
		t.Errorf("order after move: %s, %s", cs[0].Name, cs[1].Name)
	}

	// Add a topic.
	test.Tap(s.addTopic)
	u.Wait()
	tf := topOverlay(u)
	test.Type(entriesIn(tf)[0], "Beteiligung")
	test.Tap(findButton(t, tf, "Speichern"))
	u.Wait()
	ts, _ := u.Workspace().Topics(ctx)
	if len(ts) != 1 || ts[0].Name != "Beteiligung" {
		t.Fatalf("topics = %+v", ts)
	}

	// The change log records both, with the person's name.
	changes, _ := u.Workspace().Changes(ctx, 0, 10)
	if len(changes) < 3 || !strings.Contains(changes[0].Summary, "Beteiligung") {
		t.Errorf("change log = %+v", changes)
	}
}

func TestChannelFormRefusesBadCadenceAndKeepsInput(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	s := u.shell.settings
	test.Tap(s.addChan)
	u.Wait()
	form := topOverlay(u)
	es := entriesIn(form)
	test.Type(es[0], "TikTok")
	es[2].SetText("zwei")
	test.Tap(findButton(t, form, "Speichern"))
	u.Wait()
	cs, _ := u.Workspace().Channels(context.Background())
	if len(cs) != 1 {
		t.Fatal("bad cadence saved")
	}
	overlays := u.win.Canvas().Overlays().List()
	var all []string
	for _, o := range overlays {
		all = append(all, texts(o)...)
	}
	if !contains(all, "Der Takt muss eine ganze Zahl sein") {
		t.Errorf("no German message; overlays show %v", all)
	}
	if es[0].Text != "TikTok" {
		t.Error("typed name lost")
	}
}

func TestLanguageSwitchToEnglishRelabelsEverything(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, a := newTestUI(t, Config{Workspace: dir, Lang: "de"})
	u.shell.selectScreen(screenSettings)
	u.shell.settings.langSel.SetSelected("English")
	if a.Preferences().String(prefLanguage) != "en" {
		t.Fatal("language not saved")
	}
	assertShows(t, u.win.Content(), "Calendar", "Idea board", "Settings", "Channels", "Topics")
	if u.shell.tabs.SelectedIndex() != screenSettings {
		t.Error("selected screen lost")
	}
	u.shell.settings.langSel.SetSelected("Deutsch")
	assertShows(t, u.win.Content(), "Kalender", "Rubriken")
}

func TestDemoFromWelcome(t *testing.T) {
	u, _ := newTestUI(t, Config{})
	w := newWelcome(u)
	u.setContent(w.content)
	test.Tap(w.demo)
	u.Wait()
	ws := u.Workspace()
	if ws == nil {
		t.Fatal("demo not open")
	}
	c, _ := ws.Counts(context.Background())
	if c.Channels != 4 || c.Topics != 6 || c.Posts+c.Ideas < 35 {
		t.Errorf("demo counts %+v", c)
	}
	cal := u.shell.calendar
	if cal.plan == nil || len(cal.plan.posts) == 0 {
		t.Fatal("the demo month shows no posts")
	}
	assertShows(t, u.win.Content(), "Lücken", "Heute")
	s, _ := ws.Settings(context.Background())
	if !strings.Contains(u.win.Title(), s.Organisation) {
		t.Errorf("title %q", u.win.Title())
	}
}

func TestHandoverShowsBackupAndChangeLog(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.shell.selectScreen(screenHandover)
	u.Wait() // daily backup and the first log page
	h := u.shell.handover
	h.refresh()
	u.Wait()
	assertShows(t, u.win.Content(), "Neueste Sicherung", dir)
	if h.logLength() == 0 {
		t.Fatal("change log empty")
	}
	// The daily backup at open already made one: date it back a day, so
	// that only the button can make the newest.
	bs, _ := u.Workspace().Backups()
	if len(bs) != 1 {
		t.Fatalf("%d backups after open, want the daily one", len(bs))
	}
	daily := bs[0]
	old := filepath.Join(filepath.Dir(daily.Path), "feedtakt-"+daily.Time.AddDate(0, 0, -1).Format("20060102-150405")+".db")
	if err := os.Rename(daily.Path, old); err != nil {
		t.Fatal(err)
	}
	test.Tap(h.backup)
	u.Wait()
	bs, _ = u.Workspace().Backups()
	if len(bs) != 2 || !bs[0].Time.After(daily.Time.AddDate(0, 0, -1)) {
		t.Fatalf("Jetzt sichern made no new backup: %+v", bs)
	}
	assertShows(t, u.win.Content(), "2 Sicherungen")
}

func TestWorkspaceGoneShowsBanner(t *testing.T) {
	dir := newTestWorkspaceDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	os.RemoveAll(dir)
	// The watch notices on its next look.
	u.watcher.tick(time.Now())
	u.Wait()
	assertShows(t, u.win.Content(), "nicht mehr erreichbar")
	// A save now says so in German instead of failing silently.
	s := u.shell.settings
	s.org.SetText("Neu")
	test.Tap(s.saveGen)
	u.Wait()
	ov := topOverlay(u)
	if ov == nil {
		t.Fatal("no message")
	}
	assertShows(t, ov, "nicht mehr erreichbar")
}

func entriesIn(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	visit(o, func(c fyne.CanvasObject) {
		switch e := c.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *keyEntry:
			out = append(out, &e.Entry)
		}
	})
	return out
}

func selectsIn(o fyne.CanvasObject) []*widget.Select {
	var out []*widget.Select
	visit(o, func(c fyne.CanvasObject) {
		if e, ok := c.(*widget.Select); ok {
			out = append(out, e)
		}
	})
	return out
}

// visit walks the rendered tree below o.
func visit(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch w := o.(type) {
	case *widget.Entry, *widget.Select, *keyEntry:
		return
	case *fyne.Container:
		for _, c := range w.Objects {
			visit(c, f)
		}
		return
	case *widget.Form:
		for _, it := range w.Items {
			visit(it.Widget, f)
		}
		return
	}
	if wid, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(wid).Objects() {
			visit(c, f)
		}
	}
}

// TestEveryTranslationReachesTheScreen loads the language files through
// Fyne's lang package (which refuses some keys, e.g. plural words) and
// checks each German text comes back from lang.L.
func TestEveryTranslationReachesTheScreen(t *testing.T) {
	test.NewTempApp(t)
	setLanguage("de")
	de, err := assets.Translations("de")
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range de {
		if strings.Contains(k, "{{") {
			continue // templates need their data; covered by the screens
		}
		if got := lang.L(k); got != v {
			t.Errorf("lang.L(%q) = %q, want %q", k, got, v)
		}
	}
	setLanguage("en")
	if got := lang.L("Idea board"); got != "Idea board" {
		t.Errorf("English: %q", got)
	}
	setLanguage("de")
}
