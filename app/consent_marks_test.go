package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// consentFixture is a calendar with three posts on 8.12.2026 on Instagram
// (Anna without consent, an ungeklärt picture, a clean one) and a
// published one with Anna, and Anna herself.
type consentFixture struct {
	u    *UI
	s    *calendarScreen
	anna data.Person
	pics []data.Media // anna, ungeklärt, nobody
}

func newConsentFixture(t *testing.T) *consentFixture {
	t.Helper()
	u, s := newCalendarUI(t,
		data.Post{Title: "Anna im Archiv", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Flur", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Rathaus", Date: day(2026, 12, 8), Caption: "x"},
		data.Post{Title: "Schon draußen", Date: day(2026, 12, 8), Caption: "x", Status: data.StatusPublished},
	)
	ctx := context.Background()
	ws := u.Workspace()
	f := &consentFixture{u: u, s: s}
	f.pics = importPictures(t, u, "anna.jpg", "flur.jpg", "rathaus.jpg")
	for i := range f.pics { // approving asks for a Bildbeschreibung (checks before posting)
		f.pics[i].AltText = "Blick ins Archiv"
		if err := ws.UpdateMedia(ctx, &f.pics[i]); err != nil {
			t.Fatal(err)
		}
	}
	f.anna = data.Person{Name: "Anna Beispiel", Role: data.RoleTrainee}
	if err := ws.SavePerson(ctx, &f.anna); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetPicturePeople(ctx, f.pics[0].ID, []int64{f.anna.ID}); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetPictureDecision(ctx, f.pics[2].ID, data.DecisionNone); err != nil {
		t.Fatal(err)
	}
	ps, err := ws.PostsBetween(ctx, *day(2026, 12, 8), *day(2026, 12, 8))
	if err != nil {
		t.Fatal(err)
	}
	link := map[string]int64{"Anna im Archiv": f.pics[0].ID, "Flur": f.pics[1].ID, "Rathaus": f.pics[2].ID, "Schon draußen": f.pics[0].ID}
	for _, p := range ps {
		if err := ws.AttachMedia(ctx, p.ID, []int64{link[p.Title]}); err != nil {
			t.Fatal(err)
		}
	}
	s.reload()
	u.Wait()
	return f
}

// Planned posts with a blocking finding carry the strong badge, those
// with an ungeklärt picture the light one, in the month, the week (with
// the hint) and the list; published posts none.
func TestConsentMarksInCalendar(t *testing.T) {
	f := newConsentFixture(t)
	s := f.s
	marks := map[string]markState{}
	for _, c := range chipsOn(s, *day(2026, 12, 8)) {
		r := test.WidgetRenderer(c).(*chipRenderer)
		marks[c.info.title] = c.info.consent
		if r.consent.Visible() != (c.info.consent != markNone) {
			t.Errorf("%s: badge shown %v, state %v", c.info.title, r.consent.Visible(), c.info.consent)
		}
	}
	want := map[string]markState{"Anna im Archiv": markMissing, "Flur": markUnclear, "Rathaus": markNone, "Schon draußen": markNone}
	if !mapsEqual(marks, want) {
		t.Errorf("month chips %v, want %v", marks, want)
	}

	s.modeSel.SetSelected("Woche")
	u := f.u
	u.Wait()
	details := map[string]string{}
	for _, col := range s.week.cols {
		for _, c := range col.chips {
			if c.info.post != nil {
				details[c.info.title] = c.info.detail
			}
		}
	}
	if !strings.Contains(details["Anna im Archiv"], "Einwilligung fehlt: Anna Beispiel auf Instagram") {
		t.Errorf("week hint: %q", details["Anna im Archiv"])
	}
	if !strings.Contains(details["Flur"], "Ungeklärt, wer zu sehen ist: flur.jpg") {
		t.Errorf("week hint: %q", details["Flur"])
	}

	s.modeSel.SetSelected("Liste")
	s.selected = *day(2026, 12, 1)
	s.reload()
	u.Wait()
	col4, col7 := map[string]string{}, map[string]string{}
	for i, r := range s.list.rows {
		l := widget.NewLabel("")
		s.list.updateCell(widget.TableCellID{Row: i, Col: 4}, l)
		col4[r.post.Title] = l.Text
		s.list.updateCell(widget.TableCellID{Row: i, Col: 7}, l)
		col7[r.post.Title] = l.Text
	}
	if want := map[string]string{"Anna im Archiv": "Einwilligung fehlt", "Flur": "Personen ungeklärt", "Rathaus": "Bild ✓", "Schon draußen": "Bild ✓"}; !mapsEqual(col4, want) {
		t.Errorf("list column Bild: %v, want %v", col4, want)
	}
	if !strings.HasPrefix(col7["Anna im Archiv"], "Einwilligung fehlt: Anna Beispiel auf Instagram") {
		t.Errorf("list hints: %q", col7["Anna im Archiv"])
	}
}

// One word and one icon per state: a withdrawal is "widerrufen" in the
// list's Bild column (the worst reason, not "fehlt"), a licence ending
// before the day has the licence's mark, not a consent's, and a consent
// that only ends soon gets the light mark too.
func TestConsentMarksOneWordPerState(t *testing.T) {
	f := newConsentFixture(t)
	u, s := f.u, f.s
	ctx := context.Background()
	ws := u.Workspace()
	c := data.Consent{PersonID: f.anna.ID, GivenOn: calendar.NewDate(2026, 11, 1), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Archiv"}
	if err := ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := ws.WithdrawConsent(ctx, c.ID, data.Withdrawal{On: calendar.NewDate(2026, 11, 29), Via: "E-Mail"}); err != nil {
		t.Fatal(err)
	}
	ben := data.Person{Name: "Ben Muster", Role: data.RoleEmployee}
	if err := ws.SavePerson(ctx, &ben); err != nil {
		t.Fatal(err)
	}
	until := calendar.NewDate(2026, 12, 20)
	cb := data.Consent{PersonID: ben.ID, GivenOn: calendar.NewDate(2026, 11, 1), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Flur", ValidUntil: &until}
	if err := ws.AddConsent(ctx, &cb); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetPicturePeople(ctx, f.pics[1].ID, []int64{ben.ID}); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetMediaUsableUntil(ctx, []int64{f.pics[2].ID}, day(2026, 12, 5)); err != nil {
		t.Fatal(err)
	}
	s.reload()
	u.Wait()
	marks := map[string]markState{}
	for _, c := range chipsOn(s, *day(2026, 12, 8)) {
		marks[c.info.title] = c.info.consent
	}
	want := map[string]markState{"Anna im Archiv": markWithdrawn, "Flur": markExpiring, "Rathaus": markLicenceExpired, "Schon draußen": markNone}
	if !mapsEqual(marks, want) {
		t.Errorf("month chips %v, want %v", marks, want)
	}
	if r1, _ := markLicenceExpired.look(); r1.Name() == markMissing.icon().Name() || markLicenceExpired.icon().Name() == markMissing.icon().Name() {
		t.Error("the licence's mark looks like a consent's")
	}
	s.modeSel.SetSelected("Liste")
	s.selected = *day(2026, 12, 1)
	s.reload()
	u.Wait()
	col4, col7 := map[string]string{}, map[string]string{}
	for i, r := range s.list.rows {
		l := widget.NewLabel("")
		s.list.updateCell(widget.TableCellID{Row: i, Col: 4}, l)
		col4[r.post.Title] = l.Text
		s.list.updateCell(widget.TableCellID{Row: i, Col: 7}, l)
		col7[r.post.Title] = l.Text
	}
	if want := map[string]string{"Anna im Archiv": "Einwilligung widerrufen", "Flur": "Einwilligung läuft ab", "Rathaus": "Lizenz abgelaufen", "Schon draußen": "Bild ✓"}; !mapsEqual(col4, want) {
		t.Errorf("list column Bild: %v, want %v", col4, want)
	}
	if !strings.HasPrefix(col7["Anna im Archiv"], "Einwilligung widerrufen: Anna Beispiel") ||
		!strings.HasPrefix(col7["Flur"], "Einwilligung läuft am 20.12.2026 ab: Ben Muster") ||
		!strings.HasPrefix(col7["Rathaus"], "Lizenz abgelaufen: rathaus.jpg") {
		t.Errorf("list hints: %q", col7)
	}
}

// The editor's line names a picture by its title and leads to it in the
// Mediathek and to the person it names.
func TestEditorConsentLineActions(t *testing.T) {
	f := newConsentFixture(t)
	u, s := f.u, f.s
	ctx := context.Background()
	ws := u.Workspace()
	m := f.pics[0]
	m.Title = "Anna im Lesesaal"
	if err := ws.UpdateMedia(ctx, &m); err != nil {
		t.Fatal(err)
	}
	var id int64
	ps, _ := ws.PostsBetween(ctx, *day(2026, 12, 8), *day(2026, 12, 8))
	for _, p := range ps {
		if p.Title == "Anna im Archiv" {
			id = p.ID
		}
	}
	ed := openPostEditor(t, u, s, id)
	u.Wait()
	rows := ed.mediaBox.consentRows
	if len(rows) != 1 || !strings.HasPrefix(rows[0].text, "Anna im Lesesaal: Anna Beispiel: keine Einwilligung") {
		t.Fatalf("lines: %+v", ed.mediaBox.consentLines)
	}
	var texts []string
	var toPerson *widget.Button
	for _, o := range rows[0].actions(ed) {
		b := o.(*widget.Button)
		texts = append(texts, b.Text)
		if b.Text == "Zur Person" {
			toPerson = b
		}
	}
	if !slices.Equal(texts, []string{"In der Mediathek zeigen", "Zur Person"}) {
		t.Fatalf("actions %q", texts)
	}
	test.Tap(toPerson)
	u.Wait()
	if u.editor != nil || u.shell.tabs.SelectedIndex() != screenPeople {
		t.Errorf("Zur Person: editor %v, screen %d", u.editor != nil, u.shell.tabs.SelectedIndex())
	}
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// The editor's lines follow the channels and the date as typed; saving
// as Freigegeben is refused with a message naming person, channel and
// reason, and everything typed stays.
func TestEditorConsentLinesAndBlockedApproval(t *testing.T) {
	f := newConsentFixture(t)
	u, s := f.u, f.s
	ctx := context.Background()
	ws := u.Workspace()
	// Anna agreed to Instagram until 10.12.2026.
	until := calendar.NewDate(2026, 12, 10)
	c := data.Consent{PersonID: f.anna.ID, GivenOn: calendar.NewDate(2026, 11, 1), Form: data.FormWritten, GivenBy: data.GivenBySelf,
		Platforms: []data.Platform{data.Instagram}, Purposes: []data.Purpose{data.PurposePR}, Pictures: data.ScopeShoot, Shoot: "Archiv",
		ValidUntil: &until}
	if err := ws.AddConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	var id int64
	ps, _ := ws.PostsBetween(ctx, *day(2026, 12, 8), *day(2026, 12, 8))
	for _, p := range ps {
		if p.Title == "Anna im Archiv" {
			id = p.ID
		}
	}
	ed := openPostEditor(t, u, s, id)
	ed.mediaBox.append(f.pics[1:2]) // the ungeklärt one too
	u.Wait()
	lines := ed.mediaBox.consentLines
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "anna.jpg: Die Einwilligung von Anna Beispiel für Instagram läuft am 10.12.2026 ab.") ||
		!strings.Contains(lines[1], "flur.jpg: Ungeklärt") || !strings.Contains(lines[1], "In der Mediathek festlegen") {
		t.Fatalf("lines on 08.12.: %q", lines)
	}
	assertShows(t, topOverlay(u), "Einwilligungen und Rechte für Instagram am 08.12.2026:")

	// Typed a later date: her consent has ended then.
	ed.date.SetText("12.12.2026")
	u.Wait()
	if got := ed.mediaBox.consentLines; len(got) != 2 || got[0] != "anna.jpg: Die Einwilligung von Anna Beispiel für Instagram endet am 10.12.2026, vor dem Termin am 12.12.2026." {
		t.Fatalf("lines on 12.12.: %q", got)
	}
	if !ed.consentHint.Visible() || ed.consentHint.Text != "Noch nicht freigebbar: 1 Bild darf so nicht verwendet werden – siehe Medien." {
		t.Errorf("status hint %v %q", ed.consentHint.Visible(), ed.consentHint.Text)
	}
	// Without a channel the rule asks about any channel.
	ed.channels[0].SetChecked(false)
	u.Wait()
	assertShows(t, topOverlay(u), "Einwilligungen und Rechte für alle Kanäle am 12.12.2026:")
	ed.channels[0].SetChecked(true)
	u.Wait()
	// A half-typed date leaves the lines as they were.
	ed.date.SetText("12.12.")
	u.Wait()
	if got := ed.mediaBox.consentLines; len(got) != 2 || !strings.Contains(got[0], "vor dem Termin") {
		t.Fatalf("lines with a half-typed date: %q", got)
	}
	ed.date.SetText("12.12.2026")
	ed.caption.SetText("Neuer Text, nicht verlieren")
	ed.status.SetSelectedIndex(slices.Index(data.Statuses(), data.StatusApproved))
	ed.onSave()
	u.Wait()
	if u.editor != ed {
		t.Fatal("the editor closed after a refused save")
	}
	assertShows(t, topOverlay(u), "Kann nicht freigegeben werden",
		"Der Beitrag kann nicht mit dem Status „Freigegeben“ gespeichert werden:",
		"• „anna.jpg“: Die Einwilligung von Anna Beispiel für Instagram endet am 10.12.2026, vor dem Termin am 12.12.2026.",
		"Zurück zum Beitrag")
	if ed.caption.Text != "Neuer Text, nicht verlieren" || ed.date.Text != "12.12.2026" {
		t.Errorf("typed text lost: %q %q", ed.caption.Text, ed.date.Text)
	}
	if p, _ := ws.Post(ctx, id); p.Status != data.StatusDraft || p.Caption != "x" {
		t.Errorf("refused save stored %+v", p)
	}

	// Back on the 8th (covered) without the ungeklärt picture: approved.
	ed.date.SetText("08.12.2026")
	ed.mediaBox.remove(1)
	u.Wait()
	if got := ed.mediaBox.consentLines; len(got) != 1 || !strings.Contains(got[0], "läuft am 10.12.2026 ab") {
		t.Fatalf("after removing: %q", got)
	}
	if ed.consentHint.Visible() {
		t.Error("the status hint stays without a blocked picture")
	}
	ed.onSave()
	u.Wait()
	if p, _ := ws.Post(ctx, id); p.Status != data.StatusApproved || p.Caption != "Neuer Text, nicht verlieren" {
		t.Errorf("approved save: %+v", p)
	}
}
