package app

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// rightsPeople records four people in the workspace of u: Anna with a
// valid consent, Willi whose consent is withdrawn, and two Max Müller (an
// employee and a guest) with none.
func rightsPeople(t *testing.T, u *UI) (anna, willi, maxA, maxB data.Person) {
	t.Helper()
	ctx := context.Background()
	ws := u.ws
	today := ws.Today()
	person := func(p data.Person) data.Person {
		t.Helper()
		if err := ws.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	consent := func(p data.Person) data.Consent {
		t.Helper()
		c := data.Consent{PersonID: p.ID, GivenOn: today.AddDays(-20), Form: data.FormWritten, GivenBy: data.GivenBySelf,
			Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot,
			Shoot: "Sommerfest", Informed: true}
		if err := ws.AddConsent(ctx, &c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	anna = person(data.Person{Name: "Anna Beispiel", Role: data.RoleEmployee})
	consent(anna)
	willi = person(data.Person{Name: "Willi Weg", Role: data.RoleEmployee})
	c := consent(willi)
	if err := ws.WithdrawConsent(ctx, c.ID, data.Withdrawal{On: today.AddDays(-2), Via: "E-Mail"}); err != nil {
		t.Fatal(err)
	}
	maxA = person(data.Person{Name: "Max Müller", Role: data.RoleEmployee, Contact: "Bauamt"})
	maxB = person(data.Person{Name: "Max Müller", Role: data.RoleGuest})
	return anna, willi, maxA, maxB
}

// tileOf is the rendered tile of the item named name.
func tileOf(t *testing.T, s *libraryScreen, name string) *mediaTile {
	t.Helper()
	test.WidgetRenderer(s.grid).Layout(fyne.NewSize(900, 600))
	s.grid.Refresh()
	for tl := range s.tiles {
		if tl.index >= 0 && tl.index < len(s.items) && s.items[tl.index].OriginalName == name {
			return tl
		}
	}
	t.Fatalf("no tile shows %s", name)
	return nil
}

func pictureDecision(t *testing.T, u *UI, id int64) (data.PeopleDecision, []string) {
	t.Helper()
	dec, people, err := u.ws.PicturePeople(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range people {
		names = append(names, p.Name)
	}
	return dec, names
}

// In the detail pane she adds a person through the searchable picker,
// which tells two people of the same name apart; the pane says the
// picture is in order, the tile's badge goes; removing the person makes
// it ungeklärt again, and "keine erkennbaren Personen" is recorded.
func TestLibraryPeopleInPicture(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	anna, _, maxA, maxB := rightsPeople(t, u)
	s.reload()
	u.Wait()
	m := selectByName(t, u, s, "rathaus.jpg")
	pp := s.detail.people
	assertShows(t, pp.content, "Personen auf dem Bild", "Personen ungeklärt",
		"Ungeklärt: Es ist noch nicht festgelegt, ob auf diesem Bild erkennbare Personen zu sehen sind.", "Person hinzufügen …")
	if tl := tileOf(t, s, "rathaus.jpg"); tl.badge.content.Hidden || tl.badge.state != data.RightsUnclear {
		t.Errorf("ungeklärt tile badge: hidden %v, state %q", tl.badge.content.Hidden, tl.badge.state)
	}

	test.Tap(findButton(t, pp.content, "Person hinzufügen …"))
	u.Wait()
	picker := pp.picker
	if picker == nil || len(picker.shown) != 4 {
		t.Fatalf("picker lists %v", picker)
	}
	test.Type(picker.search, "max")
	if len(picker.shown) != 2 {
		t.Fatalf("search max: %d people", len(picker.shown))
	}
	a, b := picker.about(picker.shown[0]), picker.about(picker.shown[1])
	if a == b {
		t.Errorf("two Max Müller look alike: %q", a)
	}
	for _, want := range []struct {
		about string
		p     data.Person
	}{{"Beschäftigte", maxA}, {"Gast", maxB}} {
		i := slices.IndexFunc(picker.shown, func(it data.PersonListItem) bool { return it.ID == want.p.ID })
		if i < 0 || !contains([]string{picker.about(picker.shown[i])}, want.about) {
			t.Errorf("Max Müller Nr. %d: %q", want.p.ID, picker.about(picker.shown[max(i, 0)]))
		}
	}
	picker.search.SetText("anna")
	if len(picker.shown) != 1 {
		t.Fatalf("search anna: %d people", len(picker.shown))
	}
	picker.list.Select(0)
	u.Wait()
	if dec, names := pictureDecision(t, u, m.ID); dec != data.DecisionPeople || !slices.Equal(names, []string{"Anna Beispiel"}) {
		t.Errorf("after adding: %v %v", dec, names)
	}
	assertShows(t, pp.content, "Anna Beispiel", "Einwilligung gültig: Alle gezeigten Personen haben wirksam eingewilligt.")
	if tl := tileOf(t, s, "rathaus.jpg"); !tl.badge.content.Hidden {
		t.Errorf("a picture in order keeps its badge %q", tl.badge.state)
	}

	// The name opens the person on the Personen screen.
	var link *widget.Hyperlink
	for _, o := range pp.rows.Objects {
		walkObjects(o, func(o fyne.CanvasObject) {
			if h, ok := o.(*widget.Hyperlink); ok && h.Text == anna.Name {
				link = h
			}
		})
	}
	if link == nil {
		t.Fatal("no link on the person's name")
	}
	// A hyperlink takes a tap over its text only; the test driver taps
	// its corner.
	link.OnTapped()
	u.Wait()
	if u.shell.tabs.SelectedIndex() != screenPeople {
		t.Errorf("the name opens screen %d", u.shell.tabs.SelectedIndex())
	}
	u.shell.selectScreen(screenMedia)
	u.Wait()

	// Removing her leaves the picture ungeklärt.
	var remove *widget.Button
	walkObjects(pp.rows, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Entfernen" {
			remove = b
		}
	})
	test.Tap(remove)
	u.Wait()
	if dec, names := pictureDecision(t, u, m.ID); dec != data.DecisionUnclear || len(names) != 0 {
		t.Errorf("after removing: %v %v", dec, names)
	}
	assertShows(t, pp.content, "Personen ungeklärt")

	pp.decision.SetSelected("Keine erkennbaren Personen")
	u.Wait()
	if dec, _ := pictureDecision(t, u, m.ID); dec != data.DecisionNone {
		t.Errorf("decision %q", dec)
	}
	assertShows(t, pp.content, "In Ordnung: keine erkennbaren Personen.")
	// A second click on the chosen option takes the decision back.
	pp.decision.SetSelected("")
	u.Wait()
	if dec, _ := pictureDecision(t, u, m.ID); dec != data.DecisionUnclear {
		t.Errorf("decision taken back: %q", dec)
	}
}

// A picture of someone who withdrew carries the "widerrufen" badge,
// loaded with the page; the pane names the person and the day; the rights
// filter finds it, says so in the filter line, and is reset with the
// others.
func TestLibraryRightsBadgeAndFilter(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	_, willi, _, _ := rightsPeople(t, u)
	var m data.Media
	for _, it := range s.items {
		if it.OriginalName == "sommerfest.jpg" {
			m = it
		}
	}
	ctx := context.Background()
	if err := u.ws.SetPicturePeople(ctx, m.ID, []int64{willi.ID}); err != nil {
		t.Fatal(err)
	}
	for _, it := range s.items {
		if it.OriginalName == "burg.jpg" {
			if err := u.ws.SetPictureDecision(ctx, it.ID, data.DecisionCrowd); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.reload()
	u.Wait()
	tl := tileOf(t, s, "sommerfest.jpg")
	if tl.badge.content.Hidden || tl.badge.state != data.RightsWithdrawn {
		t.Errorf("withdrawn person's tile: hidden %v, state %q", tl.badge.content.Hidden, tl.badge.state)
	}
	if tl := tileOf(t, s, "burg.jpg"); !tl.badge.content.Hidden {
		t.Errorf("a crowd picture carries a badge %q", tl.badge.state)
	}
	selectByName(t, u, s, "sommerfest.jpg")
	withdrawn := u.ws.Today().AddDays(-2)
	assertShows(t, s.detail.people.content, "Einwilligung widerrufen", "Willi Weg hat die Einwilligung am "+withdrawn.String()+" widerrufen.",
		"Widerruf von Willi Weg bearbeiten …")
	s.clearSelection()
	u.Wait()

	f := s.filters
	f.rights.SetSelectedIndex(1 + slices.Index(rightsFilterStates(), data.RightsWithdrawn))
	u.Wait()
	if got := tileNames(s); !slices.Equal(got, []string{"sommerfest.jpg"}) {
		t.Errorf("filter widerrufen shows %v", got)
	}
	assertShows(t, f.active, "Einwilligung widerrufen")
	assertShows(t, s.content, "1 Datei")
	f.rights.SetSelectedIndex(1 + slices.Index(rightsFilterStates(), data.RightsUnclear))
	u.Wait()
	if got := tileNames(s); !slices.Equal(got, []string{"notiz.txt", "rathaus.jpg"}) {
		t.Errorf("filter ungeklärt shows %v", got)
	}
	test.Tap(f.reset)
	u.Wait()
	if f.rights.SelectedIndex() != 0 || len(s.items) != 4 {
		t.Errorf("after reset: rights %d, %d items", f.rights.SelectedIndex(), len(s.items))
	}
}

// With several pictures selected, the bulk pane adds people to all of
// them and records a decision for all; the badges follow.
func TestLibraryBulkPeople(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	anna, willi, _, _ := rightsPeople(t, u)
	s.reload()
	u.Wait()
	var ids []int64
	for i, m := range s.items {
		if m.Kind == "image" {
			s.click(i, fyne.KeyModifierControl)
			ids = append(ids, m.ID)
		}
	}
	u.Wait()
	p := s.bulk
	assertShows(t, p.content, "Personen auf dem Bild", "Personen hinzufügen …")
	test.Tap(findButton(t, p.content, "Personen hinzufügen …"))
	u.Wait()
	pk := p.picker
	for i, it := range pk.shown {
		if it.ID == anna.ID || it.ID == willi.ID {
			pk.list.Select(i)
		}
	}
	pk.d.Hide()
	pk.done()
	u.Wait()
	for _, id := range ids {
		if dec, names := pictureDecision(t, u, id); dec != data.DecisionPeople || !slices.Equal(names, []string{"Anna Beispiel", "Willi Weg"}) {
			t.Errorf("picture %d: %v %v", id, dec, names)
		}
		if s.rights[id].State != data.RightsWithdrawn {
			t.Errorf("picture %d: badge %q", id, s.rights[id].State)
		}
	}
	assertShows(t, p.content, "Personen zu 3 Bildern hinzugefügt.")

	// Two buttons that say what they record, not "Auswählen …" (REVIEW8
	// item 10).
	assertNotShows(t, p.content, "Auswählen …", "Oder für alle festlegen")
	findButton(t, p.content, "Keine erkennbaren Personen")
	test.Tap(findButton(t, p.content, "Nur Menschenmenge"))
	u.Wait()
	// People are chosen on them: she is asked first.
	confirm := topOverlay(u)
	if confirm == nil {
		t.Fatal("no question before removing the people")
	}
	assertShows(t, confirm, "Auf 3 der ausgewählten Bilder sind Personen festgelegt.")
	test.Tap(findButton(t, confirm, "Ja"))
	u.Wait()
	for _, id := range ids {
		if dec, names := pictureDecision(t, u, id); dec != data.DecisionCrowd || len(names) != 0 {
			t.Errorf("picture %d after the decision: %v %v", id, dec, names)
		}
		if s.rights[id].State != data.RightsOK {
			t.Errorf("picture %d: badge %q", id, s.rights[id].State)
		}
	}
}

// The legend opens in a dialog of its own, so nothing in the pane is
// drawn over (REVIEW8 item 4), and "Gilt für …" is said only of a picture
// whose rights are in order: under "ungeklärt" it read like an all-clear
// (item 12).
func TestLibraryRightsLegendAndScope(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	m := selectByName(t, u, s, "rathaus.jpg")
	pp := s.detail.people
	walkObjects(s.detail.form, func(o fyne.CanvasObject) {
		if _, ok := o.(*widget.Accordion); ok {
			t.Error("an accordion in the detail pane")
		}
	})
	assertShows(t, pp.content, "Personen ungeklärt")
	for _, o := range []fyne.CanvasObject{pp.scope} {
		if o.Visible() {
			t.Errorf("an ungeklärt picture says %q", pp.scope.Text)
		}
	}
	walkObjects(pp.content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && (strings.Contains(l.Text, "Geprüft") || strings.Contains(l.Text, "Gilt für")) {
			t.Errorf("an ungeklärt picture says %q", l.Text)
		}
	})
	pp.decision.SetSelected("Keine erkennbaren Personen")
	u.Wait()
	if dec, _ := pictureDecision(t, u, m.ID); dec != data.DecisionNone {
		t.Fatalf("decision %q", dec)
	}
	if !pp.scope.Visible() || !strings.HasPrefix(pp.scope.Text, "Gilt für: Öffentlichkeitsarbeit, alle Kanäle;") {
		t.Errorf("a picture in order: scope visible %v, %q", pp.scope.Visible(), pp.scope.Text)
	}

	test.Tap(findButton(t, pp.content, "Was die Zeichen bedeuten …"))
	legend := topOverlay(u)
	if legend == nil {
		t.Fatal("the legend did not open")
	}
	assertShows(t, legend, "Was die Zeichen auf den Kacheln bedeuten", "Läuft ab: Eine Einwilligung oder die Lizenz läuft in den nächsten 30 Tagen ab.",
		"Einwilligung fehlt oder abgelaufen: Für eine gezeigte Person liegt keine gültige Einwilligung vor.",
		"Personen ungeklärt: Es ist noch nicht festgelegt, ob erkennbare Personen zu sehen sind.")
	test.Tap(findButton(t, legend, "Schließen"))
	u.Wait()
	if topOverlay(u) == legend {
		t.Error("the legend stays open")
	}
}

// walkObjects calls f for o and every object below it.
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkObjects(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkObjects(c, f)
		}
	}
}

// The Mediathek names and marks each state with the canonical word and
// icon (REVIEW8, table at its end): the filter's options, the pane's
// heading and the badge.
func TestLibraryRightsCanonicalWordsAndSigns(t *testing.T) {
	openLibrary(t) // the translations
	want := []string{"Alle Rechte", "Einwilligung fehlt oder abgelaufen", "Personen ungeklärt", "Läuft ab", "Einwilligung widerrufen", "Lizenz abgelaufen"}
	if got := rightsFilterNames(); !slices.Equal(got, want) {
		t.Errorf("filter options %q, want %q", got, want)
	}
	for _, c := range []struct {
		state data.RightsState
		icon  fyne.Resource
		color fyne.ThemeColorName
	}{
		{data.RightsMissing, theme.ErrorIcon(), theme.ColorNameError},
		{data.RightsWithdrawn, theme.CancelIcon(), theme.ColorNameError},
		{data.RightsExpiring, theme.HistoryIcon(), theme.ColorNameWarning},
		{data.RightsUnclear, theme.QuestionIcon(), theme.ColorNamePlaceHolder},
		{data.RightsLicenceExpired, nil, theme.ColorNameError},
	} {
		look, ok := lookOf(c.state)
		if !ok || look.color != c.color || (c.icon == nil) != (look.icon == nil) || (c.icon != nil && look.icon.Name() != c.icon.Name()) {
			t.Errorf("%s: sign %v", c.state, look)
		}
	}
	day := calendar.Date{Year: 2026, Month: 12, Day: 2}
	for _, c := range []struct {
		reasons []data.Reason
		state   data.RightsState
		want    string
	}{
		{[]data.Reason{data.ReasonExpired}, data.RightsMissing, "Einwilligung abgelaufen"},
		{[]data.Reason{data.ReasonMissing}, data.RightsMissing, "Einwilligung fehlt"},
		{[]data.Reason{data.ReasonExpiring}, data.RightsExpiring, "Einwilligung läuft ab"},
		{[]data.Reason{data.ReasonLicenceExpiring}, data.RightsExpiring, "Lizenz läuft ab"},
		{[]data.Reason{data.ReasonWithdrawn}, data.RightsWithdrawn, "Einwilligung widerrufen"},
		{[]data.Reason{data.ReasonUnclear}, data.RightsUnclear, "Personen ungeklärt"},
		{nil, data.RightsOK, "Einwilligung gültig: Alle gezeigten Personen haben wirksam eingewilligt."},
	} {
		r := data.PictureRights{MediaID: 1, Day: day, State: c.state, Decision: data.DecisionPeople}
		for _, reason := range c.reasons {
			r.Findings = append(r.Findings, data.Finding{Reason: reason})
		}
		if got := rightsHeading(r); got != c.want {
			t.Errorf("%v: heading %q, want %q", c.reasons, got, c.want)
		}
	}
}

// From a person with a problem the pane leads on: a missing consent to
// the person (to record one), a withdrawal to its page; "Person
// hinzufügen" creates a person she has not recorded yet with the name she
// searched for and adds them to the picture (REVIEW8 item 17).
func TestLibraryPeopleShortcuts(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	_, willi, maxA, _ := rightsPeople(t, u)
	m := selectByName(t, u, s, "rathaus.jpg")
	if err := u.ws.SetPicturePeople(context.Background(), m.ID, []int64{willi.ID, maxA.ID}); err != nil {
		t.Fatal(err)
	}
	s.detail.people.load(m.ID)
	u.Wait()
	pp := s.detail.people
	links := map[string]*widget.Hyperlink{}
	walkObjects(pp.actions, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok {
			links[h.Text] = h
		}
	})
	toPerson, withdrawal := links["Zur Person Max Müller: Einwilligung erfassen …"], links["Widerruf von Willi Weg bearbeiten …"]
	if toPerson == nil || withdrawal == nil || len(links) != 2 {
		t.Fatalf("links %v", slices.Collect(maps.Keys(links)))
	}
	toPerson.OnTapped()
	u.Wait()
	if u.shell.tabs.SelectedIndex() != screenPeople {
		t.Errorf("the link opens screen %d", u.shell.tabs.SelectedIndex())
	}
	u.shell.selectScreen(screenMedia)
	u.Wait()

	test.Tap(findButton(t, pp.content, "Person hinzufügen …"))
	u.Wait()
	picker := pp.picker
	test.Type(picker.search, "Erika Neu")
	if len(picker.shown) != 0 {
		t.Fatalf("Erika is listed before she is recorded: %v", picker.shown)
	}
	test.Tap(findButton(t, topOverlay(u), "Neue Person anlegen …"))
	if picker.name.Text != "Erika Neu" {
		t.Errorf("the new person's name is %q, not what she searched for", picker.name.Text)
	}
	picker.role.SetSelected("Gast/Referent/in")
	test.Tap(findButton(t, topOverlay(u), "Anlegen und hinzufügen"))
	u.Wait()
	if _, names := pictureDecision(t, u, m.ID); !slices.Equal(names, []string{"Erika Neu", "Max Müller", "Willi Weg"}) {
		t.Errorf("people in the picture: %v", names)
	}
	people, err := u.ws.People(context.Background(), data.PeopleQuery{Text: "Erika"})
	if err != nil || len(people) != 1 || people[0].Role != data.RoleGuest {
		t.Errorf("Erika recorded as %v (%v)", people, err)
	}
	assertShows(t, pp.content, "Erika Neu", "Zur Person Erika Neu: Einwilligung erfassen …")
}

// The detail pane lays its fields out anew when the people section grows
// (its rights are read in the background): the section ends above
// "Titel", and the scrolled fields end above Speichern/Löschen (REVIEW8
// item 4).
func TestLibraryDetailSectionsDoNotOverlap(t *testing.T) {
	u, s := openLibrary(t)
	importFixture(t, u, s)
	_, willi, maxA, _ := rightsPeople(t, u)
	u.win.Resize(fyne.NewSize(1366, 768))
	for _, it := range s.items {
		if it.OriginalName == "rathaus.jpg" {
			if err := u.ws.SetPicturePeople(context.Background(), it.ID, []int64{willi.ID, maxA.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	selectByName(t, u, s, "rathaus.jpg")
	u.Wait()
	d := s.detail
	drv := fyne.CurrentApp().Driver()
	people := drv.AbsolutePositionForObject(d.people.content).Y + d.people.content.MinSize().Height
	title := drv.AbsolutePositionForObject(d.title).Y
	if people > title {
		t.Errorf("the people section ends at %.0f, below the title field at %.0f", people, title)
	}
	fields := drv.AbsolutePositionForObject(d.scroll).Y + d.scroll.Size().Height
	save := drv.AbsolutePositionForObject(d.save).Y
	if fields > save {
		t.Errorf("the scrolled fields end at %.0f, below the top of Speichern at %.0f", fields, save)
	}
}
