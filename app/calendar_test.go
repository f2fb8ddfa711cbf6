package app

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/exchange"
)

// newCalendarUI opens a workspace with the given posts and shows the
// calendar on the day of the first one.
func newCalendarUI(t *testing.T, posts ...data.Post) (*UI, *calendarScreen) {
	t.Helper()
	dir := newTestWorkspaceDir(t)
	ws, err := data.Open(context.Background(), dir, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := ws.Channels(context.Background())
	for i := range posts {
		if len(posts[i].Channels) == 0 {
			posts[i].Channels = []data.PostChannel{{ChannelID: cs[0].ID}}
		}
		if err := ws.CreatePost(context.Background(), &posts[i]); err != nil {
			t.Fatal(err)
		}
	}
	ws.Close()
	u, _ := newTestUI(t, Config{Workspace: dir})
	s := u.shell.calendar
	if len(posts) > 0 && posts[0].Date != nil {
		s.goTo(*posts[0].Date)
		u.Wait()
	}
	return u, s
}

func day(y int, m, d int) *calendar.Date {
	v := calendar.NewDate(y, timeMonth(m), d)
	return &v
}

func at(h, m int) *data.Clock { return &data.Clock{Hour: h, Minute: m} }

// chipsOn returns the visible chips of a day in the month view.
func chipsOn(s *calendarScreen, d calendar.Date) []*chip {
	for _, c := range s.month.days {
		if c.date == d && c.Visible() {
			c.Resize(fyne.NewSize(160, 120))
			var out []*chip
			for _, ch := range c.chips {
				if ch.Visible() {
					out = append(out, ch)
				}
			}
			return out
		}
	}
	return nil
}

func TestMonthShowsPostsHolidaysAndWeekNumbers(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Azubi-Dienstag: Lena im Archiv 📚", Date: day(2026, 12, 8), Time: at(10, 0), Status: data.StatusApproved},
		data.Post{Title: "Weihnachtsgruß", Date: day(2026, 12, 24), Status: data.StatusDraft},
	)
	if s.plan == nil {
		t.Fatal("no plan loaded")
	}
	assertShows(t, u.win.Content(), "Dezember 2026")
	chips := chipsOn(s, *day(2026, 12, 8))
	if len(chips) != 1 || chips[0].info.time != "10:00" || !strings.HasPrefix(chips[0].info.title, "Azubi-Dienstag") {
		t.Fatalf("chips on 8.12.: %+v", chips)
	}
	// 25.12. is a holiday in Bayern (the test workspace's Land).
	var xmas *dayCell
	for _, c := range s.month.days {
		if c.date == *day(2026, 12, 25) {
			xmas = c
		}
	}
	if xmas == nil || !xmas.holiday || !strings.Contains(xmas.markText, "Weihnacht") {
		t.Fatalf("25.12. not shown as holiday: %+v", xmas)
	}
	// ISO week numbers: 30.11.2026 is KW 49, 28.12.2026 is KW 53.
	var kws []string
	for _, w := range s.month.weeks[:s.month.rows] {
		kws = append(kws, w.kw.Text)
	}
	if kws[0] != "KW 49" || kws[len(kws)-1] != "KW 53" {
		t.Errorf("week numbers %v", kws)
	}
	// The Takt of KW 50 for Instagram (2 per week): 1 of 2, not met.
	line := s.month.weeks[1].lines.Objects
	if len(line) == 0 || !strings.Contains(line[0].(*canvasTextAlias).Text, "1 von 2") {
		t.Errorf("takt line %v", line)
	}
}

func TestMonthWith300PostsShowsMoreLabel(t *testing.T) {
	var posts []data.Post
	for i := 0; i < 300; i++ {
		posts = append(posts, data.Post{Title: "Beitrag Nr. " + itoaTest(i), Date: day(2027, 3, 1+i%31), Time: at(8+i%10, 0)})
	}
	u, s := newCalendarUI(t, posts...)
	_ = u
	var cell *dayCell
	for _, c := range s.month.days {
		if c.date == *day(2027, 3, 15) {
			cell = c
		}
	}
	if cell == nil || len(cell.infos) < 9 {
		t.Fatalf("15.03. has %d posts", len(cell.infos))
	}
	cell.Resize(fyne.NewSize(150, 110))
	if !cell.more.Visible() || !strings.HasPrefix(cell.more.Text, "+") || !strings.HasSuffix(cell.more.Text, "weitere") {
		t.Errorf("more label %q visible=%v", cell.more.Text, cell.more.Visible())
	}
}

func TestNewPostFromCalendarAndRefuseEmptyTitle(t *testing.T) {
	u, s := newCalendarUI(t)
	s.selected = *day(2026, 3, 29)
	s.newPostOn(&s.selected)
	u.Wait()
	ed := topOverlay(u)
	if ed == nil {
		t.Fatal("no editor")
	}
	// Empty title: a German message, the editor stays.
	test.Tap(findButton(t, ed, "Speichern"))
	u.Wait()
	assertShows(t, topOverlay(u), "Bitte geben Sie dem Beitrag einen Titel")
	test.Tap(findButton(t, topOverlay(u), "OK"))
	u.Wait()
	entries := entriesIn(ed)
	test.Type(entries[0], "Sommerzeit beginnt 🌷")
	entries[2].SetText("02:30") // inside the DST gap
	test.Tap(findButton(t, ed, "Speichern"))
	u.Wait()
	posts, _ := u.Workspace().PostsBetween(context.Background(), *day(2026, 3, 29), *day(2026, 3, 29))
	if len(posts) != 1 || posts[0].Title != "Sommerzeit beginnt 🌷" || posts[0].Time.String() != "02:30" {
		t.Fatalf("posts = %+v", posts)
	}
	when, note, _ := posts[0].When()
	if when.Hour() != 3 || note.IsZero() {
		t.Errorf("DST gap: %v, note %+v", when, note)
	}
	if len(chipsOn(s, *day(2026, 3, 29))) != 1 {
		t.Error("new post not shown in the month")
	}
}

func TestDragChipToAnotherDay(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Verschieb mich", Date: day(2026, 12, 8), Time: at(9, 30)})
	c := chipsOn(s, *day(2026, 12, 8))[0]
	target := *day(2026, 12, 10)
	var targetCell *dayCell
	for _, d := range s.month.days {
		if d.date == target {
			targetCell = d
		}
	}
	drv := fyne.CurrentApp().Driver()
	pos := drv.AbsolutePositionForObject(targetCell).Add(fyne.NewPos(20, 40))
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: pos}})
	if s.dragOver != target {
		t.Fatalf("drag over %v, want %v", s.dragOver, target)
	}
	c.DragEnd()
	u.Wait()
	posts, _ := u.Workspace().PostsBetween(context.Background(), target, target)
	if len(posts) != 1 || posts[0].Time.String() != "09:30" {
		t.Fatalf("after drop: %+v", posts)
	}
	changes, _ := u.Workspace().Changes(context.Background(), 0, 1)
	if !strings.Contains(changes[0].Summary, "10.12.2026") {
		t.Errorf("change log: %q", changes[0].Summary)
	}
}

func TestKeyboardMovesSelectionAndEnterOpens(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Adventskalender", Date: day(2026, 12, 1)})
	s.selPost = 0
	s.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	s.typedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	u.Wait()
	if s.selected != *day(2026, 12, 9) {
		t.Fatalf("selected %v", s.selected)
	}
	s.typedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	u.Wait()
	if s.selected.Month != 1 || s.selected.Year != 2027 {
		t.Fatalf("page down: %v", s.selected)
	}
	s.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.Wait()
	if topOverlay(u) == nil {
		t.Fatal("Enter opened nothing")
	}
	assertShows(t, topOverlay(u), "Neuer Beitrag")
}

func TestWeekViewOrdersByTime(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Nachmittag", Date: day(2026, 12, 9), Time: at(15, 0), Caption: "Zweiter Beitrag des Tages"},
		data.Post{Title: "Morgen", Date: day(2026, 12, 9), Time: at(8, 0)},
	)
	s.modeSel.SetSelected("Woche")
	u.Wait()
	col := s.week.cols[2] // Wednesday
	if col.date != *day(2026, 12, 9) {
		t.Fatalf("column date %v", col.date)
	}
	var titles []string
	for _, o := range col.list.Objects {
		if c, ok := o.(*chip); ok {
			titles = append(titles, c.info.title)
		}
	}
	if strings.Join(titles, ",") != "Morgen,Nachmittag" {
		t.Errorf("order %v", titles)
	}
	assertShows(t, u.win.Content(), "KW 50")
}

func TestListSearchSortAndFilter(t *testing.T) {
	u, s := newCalendarUI(t,
		data.Post{Title: "Tag des offenen Denkmals", Date: day(2026, 12, 2), Caption: "Führungen im Schloss"},
		data.Post{Title: "Ausbildung zur Restauratorin", Date: day(2026, 12, 3), Caption: "Bewerbung bis Januar"},
		data.Post{Title: "Alte Fenster", Date: day(2026, 12, 1), Caption: "Förderprogramm Fenster"},
	)
	s.selected = *day(2026, 12, 1)
	s.modeSel.SetSelected("Liste")
	u.Wait()
	if len(s.list.rows) != 3 || s.list.rows[0].post.Title != "Alte Fenster" {
		t.Fatalf("rows %d, first %q", len(s.list.rows), s.list.rows[0].post.Title)
	}
	s.list.sortBy(3) // title
	if s.list.rows[0].post.Title != "Alte Fenster" || s.list.rows[2].post.Title != "Tag des offenen Denkmals" {
		t.Errorf("sorted by title: %v", s.list.rows)
	}
	s.list.sortBy(3) // descending
	if s.list.rows[0].post.Title != "Tag des offenen Denkmals" {
		t.Errorf("descending: %v", s.list.rows[0].post.Title)
	}
	s.onSearch("Führung", 0)
	u.Wait()
	if len(s.list.rows) != 1 || s.list.rows[0].post.Title != "Tag des offenen Denkmals" {
		t.Fatalf("search: %+v", s.list.rows)
	}
	assertShows(t, u.win.Content(), "1 Treffer für „Führung“")
}

func TestIdeaGetsADateAndGapPanelPlacesIdea(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Quiz: Welches Denkmal ist das?", Status: data.StatusIdea})
	ideas := u.shell.ideas
	u.shell.selectScreen(screenIdeas)
	u.Wait()
	if len(ideas.shown) != 1 {
		t.Fatalf("ideas shown: %d", len(ideas.shown))
	}
	ideaID := ideas.shown[0].ID
	// Place it from the gap panel: the test workspace's Instagram wants 2
	// posts a week and has none, so there is a gap from today.
	u.shell.selectScreen(screenCalendar)
	u.Wait()
	if len(s.gaps.placeButtons) == 0 || s.gaps.placeButtons[0].Disabled() {
		t.Fatalf("no gap with an idea to place; panel shows %v", texts(s.gaps.content))
	}
	test.Tap(s.gaps.placeButtons[0])
	u.Wait()
	menu := topOverlay(u)
	if menu == nil {
		t.Fatal("no idea menu")
	}
	var item fyne.Tappable
	visit(menu, func(o fyne.CanvasObject) {
		// The deepest tappable showing the title is the menu item (the
		// pop-up around it is tappable too: tapping it closes the menu).
		if tp, ok := o.(fyne.Tappable); ok && contains(texts(o), "Quiz: Welches Denkmal") {
			item = tp
		}
	})
	if item == nil {
		t.Fatalf("idea not offered; menu shows %v", texts(menu))
	}
	test.Tap(item)
	u.Wait()
	p, _ := u.Workspace().Post(context.Background(), ideaID)
	if p.Date == nil || p.Date.Before(today()) {
		t.Fatalf("idea not placed from today on: %+v", p.Date)
	}
	u.shell.ideas.reload()
	u.Wait()
	if len(ideas.shown) != 0 {
		t.Errorf("placed idea still on the board")
	}
}

func TestDuplicateAndDeleteWithConfirmation(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Original", Date: day(2026, 12, 8), Status: data.StatusPublished, PublishedLink: "https://example.org/p/1"})
	orig := chipsOn(s, *day(2026, 12, 8))[0].info.post.ID
	s.duplicate(orig)
	u.Wait()
	posts, _ := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 8), *day(2026, 12, 8))
	if len(posts) != 2 {
		t.Fatalf("after duplicate: %d posts", len(posts))
	}
	var copyPost data.Post
	for _, p := range posts {
		if p.ID != orig {
			copyPost = p
		}
	}
	if copyPost.Status != data.StatusDraft || copyPost.PublishedLink != "" || copyPost.UID == posts[0].UID && copyPost.ID != posts[0].ID {
		t.Errorf("copy = %+v", copyPost)
	}
	s.selPost = copyPost.ID
	s.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	u.Wait()
	confirm := topOverlay(u)
	if confirm == nil {
		t.Fatal("no confirmation")
	}
	assertShows(t, confirm, "löschen")
	test.Tap(findButton(t, confirm, "Ja"))
	u.Wait()
	posts, _ = u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 8), *day(2026, 12, 8))
	if len(posts) != 1 || posts[0].ID != orig {
		t.Fatalf("after delete: %+v", posts)
	}
}

func TestExportWritesFileAtomically(t *testing.T) {
	u, _ := newCalendarUI(t, data.Post{Title: "Neujahrsempfang 🥂", Date: day(2027, 1, 8), Time: at(18, 0)})
	path := filepath.Join(t.TempDir(), "plan.ics")
	req := exchange.Request{Format: "ics", From: *day(2027, 1, 1), To: *day(2027, 1, 31)}
	sum, err := writeExport(u.Workspace(), req, path)
	if err != nil || sum.Posts != 1 {
		t.Fatalf("export: %v, %+v", err, sum)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "Neujahrsempfang") {
		t.Error("post missing in the file")
	}
	if _, err := os.Stat(path + ".part"); !os.IsNotExist(err) {
		t.Error(".part left behind")
	}
	// A target in a folder that does not exist fails with a message, and
	// nothing is half written.
	if _, err := writeExport(u.Workspace(), req, filepath.Join(t.TempDir(), "fehlt", "plan.ics")); err == nil {
		t.Error("export into a missing folder succeeded")
	}
}

type canvasTextAlias = canvas.Text

func timeMonth(m int) time.Month { return time.Month(m) }

func itoaTest(i int) string { return strconv.Itoa(i) }

// shortcut fires a window shortcut as the keyboard would.
func shortcut(t *testing.T, u *UI, key fyne.KeyName) {
	t.Helper()
	sc, ok := u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Skip("this canvas cannot take shortcuts")
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestShortcutsCopyCaptionNewPostAndSave(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Zum Kopieren", Date: day(2026, 12, 8), Caption: "Heute im Archiv 📚 #AzubiDienstag\nam {Datum}"})
	s.selPost = chipsOn(s, *day(2026, 12, 8))[0].info.post.ID
	pressShortcut(t, u, fyne.KeyModifierControl, fyne.KeyC)
	u.Wait()
	// The final text, as "Text kopieren": placeholders filled, line breaks
	// as the PC's programs expect them.
	want := clipboardText("Heute im Archiv 📚 #AzubiDienstag\nam 08.12.2026", runtime.GOOS)
	if got := u.app.Clipboard().Content(); got != want {
		t.Fatalf("clipboard %q", got)
	}
	s.selected = *day(2026, 12, 9)
	shortcut(t, u, fyne.KeyN)
	u.Wait()
	ed := topOverlay(u)
	if ed == nil || u.editor == nil {
		t.Fatal("Ctrl+N opened no editor")
	}
	test.Type(entriesIn(ed)[0], "Mit Strg+S gespeichert")
	shortcut(t, u, fyne.KeyS)
	u.Wait()
	posts, _ := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 9), *day(2026, 12, 9))
	if len(posts) != 1 || posts[0].Title != "Mit Strg+S gespeichert" {
		t.Fatalf("after Ctrl+S: %+v", posts)
	}
	shortcut(t, u, fyne.KeyD)
	u.Wait()
	if all, _ := u.Workspace().PostsBetween(context.Background(), *day(2026, 12, 8), *day(2026, 12, 8)); len(all) != 2 {
		t.Fatalf("Ctrl+D: %d posts on 8.12.", len(all))
	}
}

func TestFailedExportKeepsTheOldFile(t *testing.T) {
	u, _ := newCalendarUI(t, data.Post{Title: "Beitrag", Date: day(2027, 1, 8)})
	dir := t.TempDir()
	path := exportPath(dir, "Plan Januar", "csv")
	if path != filepath.Join(dir, "Plan Januar.csv") {
		t.Fatalf("path %q", path)
	}
	os.WriteFile(path, []byte("ALTER INHALT"), 0o644)
	bad := exchange.Request{Format: "docx", From: *day(2027, 1, 1), To: *day(2027, 1, 31)}
	if _, err := writeExport(u.Workspace(), bad, path); err == nil {
		t.Fatal("unknown format exported")
	}
	if b, _ := os.ReadFile(path); string(b) != "ALTER INHALT" {
		t.Fatalf("old file now %q", b)
	}
	if parts, _ := filepath.Glob(filepath.Join(dir, "*.part")); len(parts) > 0 {
		t.Errorf("leftovers %v", parts)
	}
}

func TestStaleResultsAfterSwitchingWorkspaceAreDropped(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Alt", Date: day(2026, 12, 8)})
	// Start loads, then leave the workspace before their results arrive.
	s.reload()
	u.shell.ideas.reload()
	u.shell.handover.refresh()
	u.jobs.Wait() // the loads are done; their results wait in the queue
	u.closeWorkspace()
	u.showWelcome()
	u.Wait() // must not panic on the closed workspace
	if u.Workspace() != nil {
		t.Fatal("a workspace came back")
	}
	assertShows(t, u.win.Content(), "Willkommen bei Feedtakt")
}
