package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// todayFixture is a workspace with Instagram (2 a week) and Facebook and
// posts around the real today: the panel's clock stands at 00:01 today,
// so a post at 12:00 today is still to come and yesterday's has passed
// (marking it stores yesterday's time, which lies in the past for the
// data layer's real clock too).
type todayFixture struct {
	u      *UI
	s      *calendarScreen
	a      fyne.App
	ids    map[string]int64
	ig, fb int64
}

func newTodayFixture(t *testing.T) *todayFixture {
	t.Helper()
	ctx := context.Background()
	dir := newTestWorkspaceDir(t)
	ws, err := data.Open(ctx, dir, data.Options{Actor: data.Actor{Person: "Test", PC: "PC"}})
	if err != nil {
		t.Fatal(err)
	}
	f := &todayFixture{ids: map[string]int64{}}
	cs, _ := ws.Channels(ctx)
	f.ig = cs[0].ID
	fb := data.Channel{Name: "Facebook", Platform: data.Facebook}
	if err := ws.SaveChannel(ctx, &fb); err != nil {
		t.Fatal(err)
	}
	f.fb = fb.ID
	now := today()
	yesterday, tomorrow := now.AddDays(-1), now.AddDays(1)
	for _, p := range []data.Post{
		{Title: "Azubi-Dienstag: Lena im Archiv", Caption: "Heute zeigt Lena das Archiv.", Date: &now, Time: at(12, 0), Status: data.StatusApproved,
			Channels: []data.PostChannel{{ChannelID: f.fb}}},
		{Title: "Weihnachtsmarkt am Rathaus", Date: &now, Status: data.StatusDraft, Channels: []data.PostChannel{{ChannelID: f.ig}}},
		{Title: "Baustelle Brückenstraße", Caption: "Ab Montag gesperrt.", Date: &yesterday, Time: at(10, 0), Status: data.StatusApproved,
			Channels: []data.PostChannel{{ChannelID: f.fb}}},
		{Title: "Sprechstunde des Bürgermeisters", Caption: "Kommen Sie vorbei.", Date: &tomorrow, Time: at(9, 30), Status: data.StatusReview,
			Channels: []data.PostChannel{{ChannelID: f.fb}}},
		{Title: "Schon draußen", Caption: "Text", Date: &yesterday, Time: at(8, 0), Status: data.StatusPublished, PublishedLink: "https://example.org/p/1",
			Channels: []data.PostChannel{{ChannelID: f.fb}}},
	} {
		if err := ws.CreatePost(ctx, &p); err != nil {
			t.Fatalf("%s: %v", p.Title, err)
		}
		f.ids[p.Title] = p.ID
	}
	ws.Close()
	f.u, f.a = newTestUI(t, Config{Workspace: dir})
	f.s = f.u.shell.calendar
	f.setClock(now, 0, 1)
	return f
}

// setClock puts the panel's clock at h:m on day d and reloads it.
func (f *todayFixture) setClock(d calendar.Date, h, m int) {
	f.s.gaps.today.now = func() time.Time { return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, data.WorkspaceZone()) }
	f.s.gaps.reload()
	f.u.Wait()
}

func (f *todayFixture) button(t *testing.T, title string) *widget.Button {
	t.Helper()
	b := f.s.gaps.today.buttons[f.ids[title]]
	if b == nil {
		t.Fatalf("no row for %q; panel shows %v", title, texts(f.s.gaps.today.content))
	}
	return b
}

// TestTodayPanelListsWhatIsDueWithWhatIsMissing: the side panel begins
// with today's posts and what each lacks, the overdue one above them in
// words and with a warning sign, and leaves out what went out.
func TestTodayPanelListsWhatIsDueWithWhatIsMissing(t *testing.T) {
	f := newTodayFixture(t)
	panel := f.s.gaps.content
	assertShows(t, panel, "Heute und diese Woche", "Überfällig", "Heute", "Morgen",
		"Weihnachtsmarkt am Rathaus", "Fehlt: Text, Bild, Uhrzeit, Freigabe",
		"12:00 · Freigegeben", "10:00 · überfällig", "Sprechstunde des Bürgermeisters", "Fehlt: Freigabe")
	assertNotShows(t, panel, "Schon draußen")
	got := texts(f.s.gaps.today.content)
	order := func(s string) int { return slices.IndexFunc(got, func(x string) bool { return x == s }) }
	if !(order("Heute und diese Woche") < order("Überfällig") && order("Überfällig") < order("Baustelle Brückenstraße") &&
		order("Baustelle Brückenstraße") < order("Heute") && order("Heute") < order("Morgen")) {
		t.Errorf("order in the panel: %v", got)
	}
	// It comes before the gaps, and they are laid out below it, not over it.
	tc := f.s.gaps.today.content
	if f.s.gaps.box.Position().Y < tc.Position().Y+tc.MinSize().Height {
		t.Errorf("the gaps start at %v, inside the agenda (%v + %v)", f.s.gaps.box.Position().Y, tc.Position().Y, tc.MinSize().Height)
	}
	all := texts(panel)
	if slices.Index(all, "Heute und diese Woche") > slices.Index(all, "Takt-Lücken") {
		t.Errorf("the agenda is not on top: %v", all)
	}
}

// TestTodayPanelOffersTheNextStep: Posten … for the approved post due
// today, Als veröffentlicht markieren for the one whose time has passed
// (tapping it marks it in the database), Öffnen for the rest.
func TestTodayPanelOffersTheNextStep(t *testing.T) {
	f := newTodayFixture(t)
	for title, want := range map[string]string{
		"Azubi-Dienstag: Lena im Archiv":  "Posten …",
		"Baustelle Brückenstraße":         "Als veröffentlicht markieren",
		"Weihnachtsmarkt am Rathaus":      "Öffnen",
		"Sprechstunde des Bürgermeisters": "Öffnen",
	} {
		if got := f.button(t, title).Text; got != want {
			t.Errorf("%s: button %q, want %q", title, got, want)
		}
	}

	test.Tap(f.button(t, "Azubi-Dienstag: Lena im Archiv"))
	f.u.Wait()
	if ov := topOverlay(f.u); ov == nil || !contains(texts(ov), "Im Editor öffnen") || !contains(texts(ov), "Heute zeigt Lena das Archiv.") {
		t.Fatal("Posten … did not open the posting view")
	}
	f.u.win.Canvas().Overlays().Remove(topOverlay(f.u))

	test.Tap(f.button(t, "Sprechstunde des Bürgermeisters"))
	f.u.Wait()
	if f.u.editor == nil || f.u.editor.title.Text != "Sprechstunde des Bürgermeisters" {
		t.Fatal("Öffnen did not open the editor")
	}
	f.u.win.Canvas().Overlays().Remove(topOverlay(f.u))
	f.u.editor = nil

	test.Tap(f.button(t, "Baustelle Brückenstraße"))
	f.u.Wait()
	p, err := f.u.Workspace().Post(context.Background(), f.ids["Baustelle Brückenstraße"])
	if err != nil || p.Status != data.StatusPublished || !p.Channels[0].Published() {
		t.Fatalf("not marked published: %+v, %v", p, err)
	}
	if y := today().AddDays(-1); p.PublishedOn == nil || *p.PublishedOn != y || p.Channels[0].PublishedAt.Hour() != 10 {
		t.Errorf("marked at %v on %v, want the planned time", p.Channels[0].PublishedAt, p.PublishedOn)
	}
	// The panel follows: the post has left it.
	assertNotShows(t, f.s.gaps.today.content, "Baustelle Brückenstraße", "Überfällig")

	// Once 12:00 has passed, today's approved post wants marking too.
	f.setClock(today(), 13, 0)
	if got := f.button(t, "Azubi-Dienstag: Lena im Archiv").Text; got != "Als veröffentlicht markieren" {
		t.Errorf("after its time: %q", got)
	}
}

// TestTodayPanelAsksWhichChannelsWhenThereAreSeveral: a post on two
// channels asks before marking, and marks only the channels ticked.
func TestTodayPanelAsksWhichChannelsWhenThereAreSeveral(t *testing.T) {
	f := newTodayFixture(t)
	ctx := context.Background()
	p, _ := f.u.Workspace().Post(ctx, f.ids["Baustelle Brückenstraße"])
	p.Channels = append(p.Channels, data.PostChannel{ChannelID: f.ig})
	if err := f.u.Workspace().SavePostWithMedia(ctx, &p, nil); err != nil {
		t.Fatal(err)
	}
	f.s.gaps.reload()
	f.u.Wait()
	test.Tap(f.button(t, "Baustelle Brückenstraße"))
	f.u.Wait()
	ov := topOverlay(f.u)
	if ov == nil || !contains(texts(ov), "Auf welchen Kanälen ist „Baustelle Brückenstraße“ erschienen?") {
		t.Fatal("no question which channels")
	}
	var checks []*widget.Check
	visit(ov, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			checks = append(checks, c)
		}
	})
	var names []string
	for _, c := range checks {
		names = append(names, c.Text)
		if !c.Checked {
			t.Errorf("%s not ticked at first", c.Text)
		}
		if c.Text == "Instagram" {
			c.SetChecked(false)
		}
	}
	if slices.Sort(names); !slices.Equal(names, []string{"Facebook", "Instagram"}) {
		t.Fatalf("checks %v", names)
	}
	test.Tap(findButton(t, ov, "Als veröffentlicht markieren"))
	f.u.Wait()
	got, _ := f.u.Workspace().Post(ctx, p.ID)
	for _, c := range got.Channels {
		if c.Published() != (c.ChannelID == f.fb) {
			t.Errorf("channel %d marked %v", c.ChannelID, c.Published())
		}
	}
	if got.Status == data.StatusPublished {
		t.Errorf("status %s with one channel still open", got.Status)
	}
}

// TestTodayPanelFoldsAndSidePanelHides: the section folds to a line of
// counts and the side panel hides from the toolbar; both are remembered.
func TestTodayPanelFoldsAndSidePanelHides(t *testing.T) {
	f := newTodayFixture(t)
	tp := f.s.gaps.today
	if !tp.body.Visible() {
		t.Fatal("folded at first")
	}
	test.Tap(tp.toggle)
	if tp.body.Visible() || !tp.summary.Visible() || tp.summary.Text != "1 überfällig · 2 heute · 1 in den nächsten Tagen" {
		t.Errorf("folded: body %v, summary %q", tp.body.Visible(), tp.summary.Text)
	}
	if again := newTodayPanel(f.s); again.open {
		t.Error("folding was not remembered")
	}

	side := f.s.side
	if !side.shown() || side.strip.Visible() {
		t.Fatal("side panel hidden at first")
	}
	assertShows(t, side.panel, "Leiste ausblenden")
	before := f.s.views.Size().Width
	test.Tap(side.hide)
	if side.shown() || !side.strip.Visible() || f.a.Preferences().Bool(prefSidePanel) {
		t.Fatal("side panel not hidden")
	}
	assertShows(t, side.strip, "Leiste")
	if after := f.s.views.Size().Width; after <= before+200 {
		t.Errorf("the plan did not widen: %v → %v", before, after)
	}
	again := newCalendarScreen(f.u)
	f.u.Wait()
	if again.side.shown() {
		t.Error("hiding the side panel was not remembered")
	}
	test.Tap(side.show)
	if !side.shown() || side.strip.Visible() || !f.a.Preferences().Bool(prefSidePanel) {
		t.Error("side panel not shown again")
	}
}

func TestNextRefresh(t *testing.T) {
	wed := *day(2026, 12, 9)
	at := func(h, m int) time.Time { return time.Date(2026, 12, 9, h, m, 0, 0, data.WorkspaceZone()) }
	items := []data.AgendaItem{
		{Post: data.Post{Date: &wed, Time: &data.Clock{Hour: 8}}, Overdue: true},
		{Post: data.Post{Date: &wed, Time: &data.Clock{Hour: 16}}},
		{Post: data.Post{Date: &wed, Time: &data.Clock{Hour: 12}}},
		{Post: data.Post{Date: &wed}},
	}
	if got := nextRefresh(items, at(9, 0)); !got.Equal(at(12, 0)) {
		t.Errorf("at 9:00: %v, want 12:00", got)
	}
	if got := nextRefresh(items, at(17, 0)); !got.Equal(at(24, 0)) {
		t.Errorf("at 17:00: %v, want midnight", got)
	}
}

func TestAgendaSpanAndSteps(t *testing.T) {
	wed := *day(2026, 12, 9)
	if from, to := agendaSpan(wed); from != *day(2026, 12, 2) || to != *day(2026, 12, 13) {
		t.Errorf("Wednesday: %v–%v", from, to)
	}
	if _, to := agendaSpan(*day(2026, 12, 12)); to != *day(2026, 12, 20) {
		t.Errorf("Saturday reaches to %v", to)
	}
	post := func(d calendar.Date, s data.Status) data.Post { return data.Post{Date: &d, Status: s} }
	for _, tc := range []struct {
		name string
		it   data.AgendaItem
		step agendaStep
		grp  int
	}{
		{"approved today", data.AgendaItem{Post: post(wed, data.StatusApproved)}, stepPost, groupToday},
		{"draft today", data.AgendaItem{Post: post(wed, data.StatusDraft)}, stepOpen, groupToday},
		{"approved tomorrow", data.AgendaItem{Post: post(wed.AddDays(1), data.StatusApproved)}, stepOpen, groupTomorrow},
		{"passed", data.AgendaItem{Post: post(wed.AddDays(-1), data.StatusApproved), Overdue: true}, stepMark, groupOverdue},
		{"passed without text", data.AgendaItem{Post: post(wed.AddDays(-1), data.StatusDraft), Overdue: true, Missing: []data.Missing{data.MissingText}}, stepOpen, groupOverdue},
		{"Sunday", data.AgendaItem{Post: post(wed.AddDays(4), data.StatusDraft)}, stepOpen, groupThisWeek},
		{"next Monday", data.AgendaItem{Post: post(wed.AddDays(5), data.StatusDraft)}, stepOpen, groupNextWeek},
	} {
		if got := nextStep(tc.it, wed); got != tc.step {
			t.Errorf("%s: step %v, want %v", tc.name, got, tc.step)
		}
		if got := agendaGroup(tc.it, wed); got != tc.grp {
			t.Errorf("%s: group %v, want %v", tc.name, got, tc.grp)
		}
	}
}

// TestTodayPanelScreenshots writes the calendar with the side panel of
// the fixture (overdue, today, tomorrow) at 1366x768 and 1920x1080 into
// the folder FEEDTAKT_SHOTS names; without it the test is skipped.
func TestTodayPanelScreenshots(t *testing.T) {
	out := os.Getenv("FEEDTAKT_SHOTS")
	if out == "" {
		t.Skip("FEEDTAKT_SHOTS not set")
	}
	f := newTodayFixture(t)
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(1920, 1080)} {
		f.u.win.Resize(size)
		f.u.Wait()
		fh, err := os.Create(filepath.Join(out, fmt.Sprintf("heute-%.0fx%.0f.png", size.Width, size.Height)))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(fh, f.u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
		fh.Close()
	}
}
