package app

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/demo"
)

// objectsBelow lists every object below o, through widgets' renderers,
// containers, scrolls and forms.
func objectsBelow(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		out = append(out, o)
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case *container.Scroll:
			walk(w.Content)
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
	return out
}

// openPerson opens person id in the pane of Personen.
func openPerson(t *testing.T, u *UI, id int64) *personDetail {
	t.Helper()
	u.showPerson(id)
	u.Wait()
	d := u.shell.people.detail
	if d.p.ID != id {
		t.Fatalf("pane shows %d, want %d", d.p.ID, id)
	}
	return d
}

func consentsOf(t *testing.T, u *UI, id int64) []data.Consent {
	t.Helper()
	cs, err := u.ws.Consents(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func TestConsentDialogRefusalKeepsInput(t *testing.T) {
	u, p, f := openPeople(t)
	d := openPerson(t, u, f.bernd)
	test.Tap(findButton(t, d.form, "Einwilligung erfassen …"))
	u.Wait()
	cd := d.dlg
	if cd == nil || topOverlay(u) == nil {
		t.Fatal("no consent dialog")
	}
	assertShows(t, topOverlay(u), "Einwilligung von Bernd Bach erfassen", "Erteilt am", "Gültig bis", "schriftlich",
		"Instagram", "Print", "Website", "Öffentlichkeitsarbeit", "über Widerrufsrecht informiert", "Unterschriebene Einwilligungserklärung")
	// Nothing about what she agreed to is preset: no purpose, no pictures.
	if len(cd.purposes.Selected()) != 0 || cd.scope.Selected != "" || len(cd.platforms.Selected()) != 0 {
		t.Fatalf("preset: purposes %v, pictures %q", cd.purposes.Selected(), cd.scope.Selected)
	}
	assertShows(t, topOverlay(u), "Kanalart: alle Kanäle dieser Art, auch künftige; einzelner Kanal: nur dieser Account.")
	// Saving without choosing the pictures is refused in words.
	test.Type(cd.notes, "Formular liegt im Ordner Presse 3")
	cd.informed.SetChecked(true)
	test.Tap(cd.save)
	u.Wait()
	if !cd.problem.Visible() || cd.problem.Text != "Bitte wählen Sie, für welche Bilder die Einwilligung gilt." {
		t.Fatalf("problem %q (visible %v)", cd.problem.Text, cd.problem.Visible())
	}
	// A shoot without its day is refused too: pictures are found by date.
	cd.scope.SetSelected(cd.scope.Options[scopeShootDates])
	assertShows(t, topOverlay(u), "Feedtakt ordnet nur nach Datum zu")
	test.Type(cd.shoot, "Bürgerfest 2026")
	test.Tap(cd.save)
	u.Wait()
	if cd.problem.Text != "Bitte geben Sie den Tag des Fototermins an (von), damit Feedtakt die Bilder über das Aufnahmedatum findet." {
		t.Fatalf("problem %q", cd.problem.Text)
	}
	cd.shootFrom.SetText(u.ws.Today().String())
	// She forgets the channels.
	test.Tap(cd.save)
	u.Wait()
	if !cd.problem.Visible() || cd.problem.Text != "Bitte wählen Sie mindestens einen Kanal oder eine Kanalart, für die die Einwilligung gilt." {
		t.Fatalf("problem %q (visible %v)", cd.problem.Text, cd.problem.Visible())
	}
	if topOverlay(u) == nil || cd.notes.Text != "Formular liegt im Ordner Presse 3" || cd.shoot.Text != "Bürgerfest 2026" || !cd.informed.Checked {
		t.Fatal("the dialog closed or lost what she typed")
	}
	if len(consentsOf(t, u, f.bernd)) != 0 {
		t.Fatal("a refused consent was saved")
	}
	// Then an end before the day given: the data layer's sentence again.
	cd.platforms.SetSelected([]string{"Instagram", "Print"})
	cd.channels.SetSelected([]string{"Instagram"})
	// Without a purpose: the data layer's sentence.
	test.Tap(cd.save)
	u.Wait()
	if cd.problem.Text != "Bitte wählen Sie mindestens einen Zweck, für den die Einwilligung gilt." {
		t.Fatalf("problem %q", cd.problem.Text)
	}
	cd.purposes.SetSelected([]string{"Öffentlichkeitsarbeit"})
	cd.until.SetText(u.ws.Today().AddDays(-400).String())
	test.Tap(cd.save)
	u.Wait()
	if cd.problem.Text != "Die Einwilligung kann nicht vor dem Tag enden, an dem sie erteilt wurde." {
		t.Fatalf("problem %q", cd.problem.Text)
	}
	until := u.ws.Today().AddDays(365)
	cd.until.SetText(until.String())
	test.Tap(cd.save)
	u.Wait()
	if topOverlay(u) != nil {
		t.Fatalf("dialog still open: %q", cd.problem.Text)
	}
	cs := consentsOf(t, u, f.bernd)
	if len(cs) != 1 {
		t.Fatalf("%d consents", len(cs))
	}
	c := cs[0]
	if !slices.Equal(c.Platforms, []data.Platform{data.Instagram, data.Print}) || len(c.ChannelIDs) != 1 || c.Shoot != "Bürgerfest 2026" ||
		c.ValidUntil == nil || *c.ValidUntil != until || !c.Informed || c.Notes != "Formular liegt im Ordner Presse 3" ||
		c.GivenBy != data.GivenBySelf || c.Form != data.FormWritten || !slices.Equal(c.Purposes, []data.Purpose{data.PurposePR}) ||
		c.ShootFrom == nil || c.ShootTo == nil || *c.ShootTo != *c.ShootFrom {
		t.Errorf("saved %+v", c)
	}
	// The pane and the list follow.
	assertShows(t, d.form, "Einwilligung vom "+u.ws.Today().String(), "gültig bis "+until.String(), "Kanäle: Instagram, Print, Instagram")
	for _, it := range p.items {
		if it.ID == f.bernd && it.State != data.PersonOK {
			t.Errorf("Bernd is %s in the list", it.State)
		}
	}

	// Correcting it: the same record, changed (the change log keeps it).
	test.Tap(findButton(t, d.form, "Berichtigen …"))
	u.Wait()
	assertShows(t, topOverlay(u), "Einwilligung vom "+u.ws.Today().String()+" berichtigen")
	assertNotShows(t, topOverlay(u), "Einwilligungserklärung drucken …") // a correction prints nothing
	if d.dlg.scope.Selected != d.dlg.scope.Options[scopeShootDates] {
		t.Errorf("the correction shows pictures %q", d.dlg.scope.Selected)
	}
	d.dlg.purposes.SetSelected([]string{"Öffentlichkeitsarbeit", "Personalgewinnung"})
	test.Tap(d.dlg.save)
	u.Wait()
	cs = consentsOf(t, u, f.bernd)
	if len(cs) != 1 || cs[0].ID != c.ID || !slices.Equal(cs[0].Purposes, []data.Purpose{data.PurposePR, data.PurposeRecruiting}) {
		t.Errorf("after correcting: %+v", cs)
	}
}

func TestConsentDialogForMinorAsksGuardians(t *testing.T) {
	u, _, f := openPeople(t)
	d := openPerson(t, u, f.zoe)
	cd := u.openConsentDialog(d.p, nil, d.reloadAll)
	if cd.givenBy.Selected != "die Erziehungsberechtigten" {
		t.Errorf("a child's consent defaults to %q", cd.givenBy.Selected)
	}
}

func TestWithdrawalDialogRecordsIt(t *testing.T) {
	u, p, f := openPeople(t)
	d := openPerson(t, u, f.anna)
	test.Tap(findButton(t, d.form, "Widerruf erfassen …"))
	u.Wait()
	dlg := topOverlay(u)
	assertShows(t, dlg, "Anna Amsel widerruft die Einwilligung vom", "Widerrufen am", "Eingegangen per")
	var on *keyEntry
	var via *widget.SelectEntry
	for _, o := range objectsBelow(dlg) {
		switch w := o.(type) {
		case *keyEntry:
			if on == nil {
				on = w
			}
		case *widget.SelectEntry:
			via = w
		}
	}
	// A day before the consent was given is refused; the dialog stays.
	given := consentsOf(t, u, f.anna)[0].GivenOn
	on.SetText(given.AddDays(-1).String())
	via.SetText("Brief")
	test.Tap(findButton(t, dlg, "Widerruf erfassen"))
	u.Wait()
	if topOverlay(u) != dlg {
		t.Fatal("the refused withdrawal closed the dialog")
	}
	assertShows(t, dlg, "Der Widerruf kann nicht vor dem Tag der Einwilligung liegen.")
	on.SetText(u.ws.Today().String())
	test.Tap(findButton(t, dlg, "Widerruf erfassen"))
	u.Wait()
	cs := consentsOf(t, u, f.anna)
	if cs[0].Withdrawal == nil || cs[0].Withdrawal.On != u.ws.Today() || cs[0].Withdrawal.Via != "Brief" {
		t.Fatalf("withdrawal %+v", cs[0].Withdrawal)
	}
	for _, it := range p.items {
		if it.ID == f.anna && it.State != data.PersonWithdrawn {
			t.Errorf("Anna is %s in the list", it.State)
		}
	}
	assertShows(t, d.form, "widerrufen am "+u.ws.Today().String(), "Widerruf eingegangen per: Brief")
	assertNotShows(t, d.form, "Widerrufen am") // the date once, in the state line
	assertNotShows(t, d.form, "Berichtigen …", "Widerruf erfassen …")

	// Recording it opened the withdrawal page; the card opens it again
	// later, for the checklist and the erasure.
	page := topOverlay(u)
	assertShows(t, page, "Widerruf: Anna Amsel")
	test.Tap(findButton(t, page, "Schließen"))
	if topOverlay(u) != nil {
		t.Fatal("the withdrawal page did not close")
	}
	test.Tap(findButton(t, d.form, "Widerruf bearbeiten …"))
	u.Wait()
	if page := topOverlay(u); page == nil {
		t.Fatal("the card does not reopen the withdrawal page")
	} else {
		assertShows(t, page, "Widerruf: Anna Amsel")
	}
}

// bigPDF writes a valid one-page PDF of at least size bytes: its content
// stream repeats a harmless operator pair, the cross-reference table
// points at every object.
func bigPDF(t *testing.T, path string, size int) {
	t.Helper()
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		b.WriteString(s)
	}
	b.WriteString("%PDF-1.4\n")
	obj("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	obj("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n")
	obj("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n")
	content := bytes.Repeat([]byte("q Q\n"), size/4)
	obj(fmt.Sprintf("4 0 obj\n<< /Length %d >>\nstream\n", len(content)))
	b.Write(content)
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// bigJPEG writes a valid photo of at least size bytes: a small picture
// behind application segments full of bytes, as a scanner's metadata
// could be.
func bigJPEG(t *testing.T, path string, size int) {
	t.Helper()
	img, err := demo.Picture("team", 7, 800, 1100)
	if err != nil {
		t.Fatal(err)
	}
	pic, err := demo.EncodeJPEG(img)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(pic[:2]) // SOI
	seg := bytes.Repeat([]byte{0x5A}, 0xFFFF-2)
	for b.Len() < size {
		b.Write([]byte{0xFF, 0xEF, 0xFF, 0xFF})
		b.Write(seg)
	}
	b.Write(pic[2:])
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConsentScanOf40MBAttached(t *testing.T) {
	const size = 40 << 20
	for _, c := range []struct {
		name string
		make func(*testing.T, string, int)
		kind string
	}{
		{"Einwilligung Scan.pdf", bigPDF, "document"},
		{"Einwilligung Foto.jpg", bigJPEG, "image"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, _, f := openPeople(t)
			path := filepath.Join(t.TempDir(), c.name)
			c.make(t, path, size)
			// In the dialog of a new consent: imported on saving.
			d := openPerson(t, u, f.bernd)
			cd := u.openConsentDialog(d.p, nil, d.reloadAll)
			cd.platforms.SetSelected([]string{"Instagram"})
			cd.purposes.SetSelected([]string{"Öffentlichkeitsarbeit"})
			cd.scope.SetSelected(cd.scope.Options[scopeAllOfPerson])
			cd.shoot.SetText("Bürgerfest")
			cd.scanPath = path
			cd.showScan()
			assertShows(t, topOverlay(u), "Wird beim Speichern angehängt: "+c.name)
			test.Tap(cd.save)
			u.Wait()
			if topOverlay(u) != nil {
				t.Fatalf("dialog still open: %q; %v", cd.problem.Text, texts(topOverlay(u)))
			}
			cs := consentsOf(t, u, f.bernd)
			if len(cs) != 1 || cs[0].FormMediaID == 0 {
				t.Fatalf("consents %+v", cs)
			}
			m, err := u.ws.Media(context.Background(), cs[0].FormMediaID)
			if err != nil {
				t.Fatal(err)
			}
			if m.Size < size || m.Kind != c.kind || m.OriginalName != c.name {
				t.Errorf("form item %+v", m)
			}
			assertShows(t, d.form, "Einwilligungserklärung öffnen")

			// On a recorded consent: "Eingescannte Einwilligungserklärung anhängen …" on its card.
			d = openPerson(t, u, f.anna)
			anna := consentsOf(t, u, f.anna)[0]
			test.Tap(findButton(t, d.form, "Eingescannte Einwilligungserklärung anhängen …")) // the dialog to choose the file (Fyne's here)
			u.win.Canvas().Overlays().Remove(topOverlay(u))
			d.attachForm(anna.ID, path)
			u.Wait()
			if got := consentsOf(t, u, f.anna)[0]; got.FormMediaID != cs[0].FormMediaID {
				t.Errorf("Anna's consent has form %d, want the same item %d", got.FormMediaID, cs[0].FormMediaID)
			}
			assertShows(t, d.form, "Einwilligungserklärung öffnen")
		})
	}
}

func TestPrintConsentFormFromPane(t *testing.T) {
	u, _, f := openPeople(t)
	d := openPerson(t, u, f.zoe)
	test.Tap(findButton(t, d.form, "Einwilligungserklärung drucken …"))
	u.Wait()
	dlg := topOverlay(u)
	assertShows(t, dlg, "Eine Einwilligungserklärung für die Erziehungsberechtigten von Zoë Müller", "Einwilligungserklärung Zoë Müller.pdf")
	dir := t.TempDir()
	for _, o := range objectsBelow(dlg) {
		if e, ok := o.(*widget.Entry); ok && e.Text == data.DocumentsDir() {
			e.SetText(dir)
		}
	}
	test.Tap(findButton(t, dlg, "Als PDF speichern"))
	u.Wait()
	b, err := os.ReadFile(filepath.Join(dir, "Einwilligungserklärung Zoë Müller.pdf"))
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	assertShows(t, topOverlay(u), "Gespeichert als", "Jetzt zum Drucken öffnen?")
	// The consent dialog offers it too, with what is typed there.
	for topOverlay(u) != nil {
		u.win.Canvas().Overlays().Remove(topOverlay(u))
	}
	cd := u.openConsentDialog(d.p, nil, nil)
	cd.platforms.SetSelected([]string{"Print"})
	test.Tap(findButton(t, topOverlay(u), "Einwilligungserklärung drucken …"))
	assertShows(t, topOverlay(u), "Erziehungsberechtigten von Zoë Müller")
	form := u.consentFormOf(d.p, &data.Consent{GivenBy: data.GivenByGuardians, Platforms: []data.Platform{data.Print},
		Pictures: data.ScopeShoot, Shoot: "Sommerfest"})
	if !form.Guardian || !slices.Equal(form.Guardians, []string{"Änne Müller", "Björn Müller"}) || form.Event != "Sommerfest" {
		t.Errorf("form %+v", form)
	}
}

func TestConsentFormTextEditedInSettings(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	s := newConsentFormSection(u)
	u.Wait()
	if !strings.Contains(s.withdraw.Text, "widerrufen") {
		t.Fatalf("withdrawal notice %q", s.withdraw.Text)
	}
	s.withdraw.SetText("Widerruf bitte an presse@stadt.example.")
	// The contacts the form promises are set here too.
	s.address.SetText("Stadt Beispiel\nMarkt 1\n12345 Beispiel")
	s.email.SetText(" widerruf@stadt.example ")
	s.dpo.SetText("Datenschutz, Markt 1, datenschutz@stadt.example")
	test.Tap(s.save)
	u.Wait()
	got, err := u.ws.ConsentFormText(context.Background())
	if err != nil || got.Withdrawal != "Widerruf bitte an presse@stadt.example." || got.Address != "Stadt Beispiel\nMarkt 1\n12345 Beispiel" ||
		got.WithdrawalEmail != "widerruf@stadt.example" || got.DataProtection != "Datenschutz, Markt 1, datenschutz@stadt.example" {
		t.Fatalf("saved %+v, %v", got, err)
	}
	s.title.SetText("Einwilligung\x07")
	test.Tap(s.save)
	u.Wait()
	if !s.problem.Visible() || !strings.Contains(s.problem.Text, "Steuerzeichen") {
		t.Errorf("problem %q", s.problem.Text)
	}
	test.Tap(s.reset)
	if s.withdraw.Text != data.DefaultConsentFormText().Withdrawal {
		t.Error("the default text was not inserted")
	}
	if strings.TrimSpace(s.email.Text) != "widerruf@stadt.example" || s.address.Text == "" {
		t.Errorf("inserting the default text lost the contacts: %q, %q", s.email.Text, s.address.Text)
	}
	// The settings screen shows the section.
	u.shell.selectScreen(screenSettings)
	u.shell.settingsTabs.SelectIndex(4) // Organisation
	u.Wait()
	assertShows(t, u.shell.settingsTabs, "Einwilligungserklärung", "Formulartext speichern")
}
