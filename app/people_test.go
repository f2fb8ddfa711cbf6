package app

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// peopleFixture is a workspace with people in every consent state, and
// two of the same name.
type peopleFixture struct {
	anna, bernd, clara, dieter, juergenA, juergenB, zoe int64
}

// openPeople opens a fresh workspace with the fixture and shows Personen.
func openPeople(t *testing.T) (*UI, *peopleScreen, peopleFixture) {
	t.Helper()
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	f := addPeopleFixture(t, u.Workspace())
	u.shell.selectScreen(screenPeople)
	u.Wait()
	return u, u.shell.people, f
}

func addPeopleFixture(t *testing.T, ws *data.Workspace) peopleFixture {
	t.Helper()
	ctx := context.Background()
	today := ws.Today()
	person := func(name string, role data.Role, born *calendar.Date, gs ...data.Guardian) int64 {
		p := data.Person{Name: name, Role: role, BornOn: born, Guardians: gs}
		if err := ws.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	consent := func(id int64, by data.GivenBy, givenAgo int, until *calendar.Date) int64 {
		c := data.Consent{PersonID: id, GivenOn: today.AddDays(-givenAgo), Form: data.FormWritten, GivenBy: by,
			Platforms: []data.Platform{data.Instagram, data.Website}, Purposes: []data.Purpose{data.PurposePR},
			Pictures: data.ScopeShoot, Shoot: "Sommerfest", ValidUntil: until, Informed: true}
		if err := ws.AddConsent(ctx, &c); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	var f peopleFixture
	f.anna = person("Anna Amsel", data.RoleEmployee, nil)
	consent(f.anna, data.GivenBySelf, 100, nil)
	f.bernd = person("Bernd Bach", data.RoleCitizen, nil)
	// Bernd is on a picture without consent: fehlt. The others without
	// consent are on no picture: auf keinem Bild.
	res, err := ws.ImportFiles(ctx, []string{writeJPEG(t, t.TempDir(), "bernd.jpg", "team", 99)}, data.ImportFilesOptions{})
	if err != nil || len(res.Results) != 1 {
		t.Fatal(err)
	}
	if err := ws.SetPicturePeople(ctx, res.Results[0].Media.ID, []int64{f.bernd}); err != nil {
		t.Fatal(err)
	}
	f.clara = person("Clara Chor", data.RoleTrainee, nil)
	soon := today.AddDays(10)
	consent(f.clara, data.GivenBySelf, 300, &soon)
	f.dieter = person("Dieter Dorn", data.RoleGuest, nil)
	w := consent(f.dieter, data.GivenBySelf, 200, nil)
	if err := ws.WithdrawConsent(ctx, w, data.Withdrawal{On: today.AddDays(-5), Via: "E-Mail"}); err != nil {
		t.Fatal(err)
	}
	f.juergenA = person("Jürgen Weiß", data.RoleEmployee, nil)
	f.juergenB = person("Jürgen Weiß", data.RoleGuest, nil)
	born := today.AddDays(-365 * 9)
	f.zoe = person("Zoë Müller", data.RoleMinor, &born, data.Guardian{Name: "Änne Müller"}, data.Guardian{Name: "Björn Müller"})
	consent(f.zoe, data.GivenByGuardians, 20, nil)
	return f
}

func listNames(p *peopleScreen) []string {
	var out []string
	for _, it := range p.items {
		out = append(out, it.Name)
	}
	return out
}

func TestPeopleListFiltersAndSearch(t *testing.T) {
	u, p, f := openPeople(t)
	if got := listNames(p); len(got) != 7 {
		t.Fatalf("list shows %v", got)
	}
	// Each row says the state in a word; minors their guardians; the two
	// Jürgen Weiß are told apart by role and number.
	row := func(id int64) *personRow {
		for i, it := range p.items {
			if it.ID == id {
				r := newPersonRow(u.ws.Today()).(*personRow)
				r.set(p.items[i], p.twins[p.items[i].Name])
				return r
			}
		}
		t.Fatalf("person %d not listed", id)
		return nil
	}
	r := row(f.anna)
	assertNotShows(t, r, "Nr. ") // the number only where two share a name
	for id, want := range map[int64][]string{
		f.anna:     {"gültig", "Beschäftigte/r"},
		f.bernd:    {"fehlt", "Bürger/in"},
		f.clara:    {"läuft ab"},
		f.dieter:   {"widerrufen"},
		f.zoe:      {"gültig", "Kind/Jugendliche/r · 2 Erziehungsberechtigte"},
		f.juergenA: {"Beschäftigte/r", "Nr. " + itoa(f.juergenA), "auf keinem Bild"},
		f.juergenB: {"Gast/Referent/in", "Nr. " + itoa(f.juergenB)},
	} {
		assertShows(t, row(id), want...)
	}
	for _, c := range []struct {
		filter int
		text   string
		want   []string
	}{
		{1, "", []string{"Bernd Bach"}}, // on a picture; the Jürgens are on none
		{2, "", []string{"Clara Chor"}},
		{3, "", []string{"Dieter Dorn"}},
		{0, "jürgen", []string{"Jürgen Weiß", "Jürgen Weiß"}},
		{0, "MÜLLER", []string{"Zoë Müller"}},
		{1, "bernd", []string{"Bernd Bach"}},
		{3, "anna", nil},
	} {
		p.search.SetText(c.text)
		p.filter.SetSelectedIndex(c.filter)
		u.Wait()
		if got := listNames(p); !slices.Equal(got, c.want) {
			t.Errorf("filter %d, search %q: %v, want %v", c.filter, c.text, got, c.want)
		}
		if len(c.want) == 0 {
			assertShows(t, p.content, "Niemand passt zu Suche und Filter.")
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// findButtonIcon returns the first button below o (an icon button has no
// text to find it by).
func findButtonIcon(t *testing.T, o fyne.CanvasObject) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			found = w
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatal("no button")
	}
	return found
}

func TestPeopleEmptyStateExplains(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	u.shell.selectScreen(screenPeople)
	u.Wait()
	assertShows(t, u.shell.people.content, "Noch keine Personen erfasst", "Einwilligungen", "Neue Person …")
}

func TestPeopleSavePersonWithGuardians(t *testing.T) {
	u, p, _ := openPeople(t)
	test.Tap(p.add)
	d := p.detail
	if !d.isNew() {
		t.Fatal("the pane does not hold a new person")
	}
	test.Type(d.name, "Mia Meise")
	d.role.SetSelectedIndex(slices.Index(data.Roles(), data.RoleMinor))
	if !d.guardBox.Visible() || !d.bornRow.Visible() {
		t.Fatal("a child's pane does not ask for date of birth and guardians")
	}
	d.born.SetText("31.02.2015") // not a date: said, and nothing lost
	u.keySave()
	u.Wait()
	assertShows(t, d.form, "Bitte schreiben Sie das Geburtsdatum als 27.11.2010.")
	d.born.SetText("14.03.2015")
	test.Tap(d.addGuard)
	test.Tap(d.addGuard)
	test.Type(d.guardRows[0].name, "Maren Meise")
	test.Type(d.guardRows[0].contact, "0151 123")
	test.Type(d.guardRows[1].name, "weg")
	// Removing the second guardian again.
	del := findButtonIcon(t, d.guardRows[1].row)
	test.Tap(del)
	test.Type(d.contact, "Klasse 5b")
	u.keySave() // Strg+S
	u.Wait()
	if d.dirty || d.p.ID == 0 {
		t.Fatalf("not saved: dirty %v, id %d, problem %q", d.dirty, d.p.ID, d.problem.Text)
	}
	got, err := u.ws.Person(context.Background(), d.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Mia Meise" || got.Role != data.RoleMinor || got.BornOn == nil || got.BornOn.String() != "14.03.2015" ||
		len(got.Guardians) != 1 || got.Guardians[0] != (data.Guardian{Name: "Maren Meise", Contact: "0151 123"}) || got.Contact != "Klasse 5b" {
		t.Errorf("saved %+v", got)
	}
	if !slices.Contains(listNames(p), "Mia Meise") || p.selID != got.ID {
		t.Errorf("list %v, selected %d", listNames(p), p.selID)
	}
	// A name left empty is refused with the data layer's sentence; the
	// other fields keep what she typed.
	d.name.SetText("")
	d.notes.SetText("kommt zum Sommerfest")
	test.Tap(d.save)
	u.Wait()
	if !d.problem.Visible() || d.problem.Text == "" || d.notes.Text != "kommt zum Sommerfest" {
		t.Errorf("problem %q (visible %v), notes %q", d.problem.Text, d.problem.Visible(), d.notes.Text)
	}
}

func TestShowPersonClearsHidingFilter(t *testing.T) {
	u, p, f := openPeople(t)
	p.filter.SetSelectedIndex(3) // widerrufen: Anna is not listed
	u.Wait()
	u.shell.selectScreen(screenCalendar)
	u.showPerson(f.anna)
	u.Wait()
	if u.shell.tabs.SelectedIndex() != screenPeople || p.filter.SelectedIndex() != 0 || p.detail.p.ID != f.anna {
		t.Fatalf("screen %d, filter %d, shown %d", u.shell.tabs.SelectedIndex(), p.filter.SelectedIndex(), p.detail.p.ID)
	}
	assertShows(t, p.detail.form, "Anna Amsel", "Einwilligung vom", "gültig, ohne Enddatum", "Auf 0 Bildern · in 0 Beiträgen")
}

func TestPersonPaneCountsPicturesAndPosts(t *testing.T) {
	u, _, f := openPeople(t)
	ctx := context.Background()
	dir := t.TempDir()
	var ids []int64
	for i, name := range []string{"a.jpg", "b.jpg", "c.jpg"} {
		res, err := u.ws.ImportFiles(ctx, []string{writeJPEG(t, dir, name, "team", int64(i))}, data.ImportFilesOptions{})
		if err != nil || len(res.Results) != 1 {
			t.Fatal(err)
		}
		id := res.Results[0].Media.ID
		ids = append(ids, id)
		if err := u.ws.SetPicturePeople(ctx, id, []int64{f.anna}); err != nil {
			t.Fatal(err)
		}
	}
	day := u.ws.Today().AddDays(7)
	post := data.Post{Title: "Sommerfest im Rathaus", Date: &day, Status: data.StatusDraft}
	if err := u.ws.SavePostWithMedia(ctx, &post, ids[:1]); err != nil {
		t.Fatal(err)
	}
	d := openPerson(t, u, f.anna)
	assertShows(t, d.form, "Auf 3 Bildern · in 1 Beitrag", day.String()+" – Sommerfest im Rathaus")
}

func TestPeopleAskBeforeDroppingEdits(t *testing.T) {
	u, p, f := openPeople(t)
	d := openPerson(t, u, f.anna)
	d.notes.SetText("Abteilung 3")
	for i, it := range p.items {
		if it.ID == f.bernd {
			p.list.Select(i)
		}
	}
	u.Wait()
	dlg := topOverlay(u)
	if dlg == nil || d.p.ID != f.anna {
		t.Fatalf("switched to %d without asking", d.p.ID)
	}
	assertShows(t, dlg, "Die Änderungen an Anna Amsel sind nicht gespeichert. Verwerfen?")
	test.Tap(findButton(t, dlg, "Nein"))
	u.Wait()
	if d.p.ID != f.anna || d.notes.Text != "Abteilung 3" || p.selID != f.anna {
		t.Fatalf("keeping the edits lost them: shown %d, notes %q", d.p.ID, d.notes.Text)
	}
	for i, it := range p.items {
		if it.ID == f.bernd {
			p.list.Select(i)
		}
	}
	test.Tap(findButton(t, topOverlay(u), "Ja"))
	u.Wait()
	if d.p.ID != f.bernd || d.notes.Text != "" {
		t.Fatalf("shown %d, notes %q", d.p.ID, d.notes.Text)
	}
}

// Every person has a date of birth field; a 16-year-old trainee is a
// minor by it, gets the guardians' field, and the list says "minderjährig"
// once (a Kind/Jugendliche/r's role says it already).
func TestPeopleBirthDateForEveryRole(t *testing.T) {
	u, p, _ := openPeople(t)
	test.Tap(p.add)
	d := p.detail
	test.Type(d.name, "Lena Lehrling")
	d.role.SetSelectedIndex(slices.Index(data.Roles(), data.RoleTrainee))
	if !d.bornRow.Visible() {
		t.Fatal("a trainee's pane does not ask for the date of birth")
	}
	if d.guardBox.Visible() {
		t.Error("a trainee without a date of birth is asked for guardians")
	}
	today := u.ws.Today()
	d.born.SetText(calendar.NewDate(today.Year-16, 1, 1).String())
	if !d.guardBox.Visible() || !d.minorNote.Visible() {
		t.Error("a 16-year-old trainee is not asked for guardians")
	}
	u.keySave()
	u.Wait()
	got, err := u.ws.Person(context.Background(), d.p.ID)
	if err != nil || got.BornOn == nil || !got.MinorOn(today) {
		t.Fatalf("saved %+v, %v", got, err)
	}
	if s := personAbout(got, today, false); s != "Auszubildende/r · minderjährig · keine Erziehungsberechtigten erfasst" {
		t.Errorf("trainee reads %q", s)
	}
	kid := data.Person{Role: data.RoleMinor}
	if s := personAbout(kid, today, false); strings.Count(s, "minderjährig") != 0 || !strings.HasPrefix(s, "Kind/Jugendliche/r") {
		t.Errorf("child reads %q", s)
	}
}

// A person without consent is a red "fehlt" only when on a picture; on no
// picture the list and the pane say so in grey.
func TestPersonOnNoPictureIsNotAnAlarm(t *testing.T) {
	u, p, f := openPeople(t)
	for _, it := range p.items {
		if it.ID == f.juergenA && it.State != data.PersonNoPictures {
			t.Errorf("Jürgen's state %q", it.State)
		}
	}
	r := newPersonRow(u.ws.Today()).(*personRow)
	r.set(data.PersonListItem{Person: data.Person{Name: "X", Role: data.RoleGuest}, State: data.PersonNoPictures}, false)
	if r.state.Importance != widget.LowImportance {
		t.Error("the state word of a person on no picture is not grey")
	}
	d := openPerson(t, u, f.juergenA)
	assertShows(t, d.form, "Keine Einwilligung erfasst – die Person ist noch auf keinem Bild.")
	d = openPerson(t, u, f.bernd)
	assertShows(t, d.form, "Einwilligung heute: fehlt")
}
