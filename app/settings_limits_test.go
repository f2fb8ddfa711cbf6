package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

func newTestLimitsScreen(t *testing.T) (*UI, *limitsScreen) {
	t.Helper()
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	s := newLimitsScreen(u)
	u.Wait()
	if len(s.limits) == 0 {
		t.Fatal("no limits loaded")
	}
	return u, s
}

func storedLimits(t *testing.T, u *UI, p data.Platform) (text, hashtags int, checked string) {
	t.Helper()
	ls, err := u.Workspace().PlatformLimits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ls[p].Text, ls[p].Hashtags, ls[p].CheckedOn
}

func TestLimitsTableEditRefuseAndReset(t *testing.T) {
	u, s := newTestLimitsScreen(t)
	assertShows(t, s.content, "Plattform-Grenzen", "Zeichen", "Fotobeiträge", "Bildbeschreibung", "Geprüft am",
		"Instagram", "2.200", "63.206", "4.000", "30.11.2026", "gewichtet")

	// A correction with a German thousands dot and a German date.
	s.edit(data.Instagram)
	f := s.form
	f.text.SetText("2.300")
	f.checked.SetText("01.12.2026")
	test.Tap(f.save)
	u.Wait()
	if text, _, checked := storedLimits(t, u, data.Instagram); text != 2300 || checked != "2026-12-01" {
		t.Fatalf("stored %d, %q", text, checked)
	}
	assertShows(t, s.content, "2.300", "01.12.2026")

	// 0 for a platform that has a text limit: refused in the form, with
	// the data layer's sentence, and what was typed stays.
	for _, c := range []struct {
		field func(*limitsForm) *widget.Entry
		value string
		want  string
	}{
		{func(f *limitsForm) *widget.Entry { return f.text }, "0", "kann nicht 0 sein"},
		{func(f *limitsForm) *widget.Entry { return f.hashtags }, "-5", "nicht negativ"},
		{func(f *limitsForm) *widget.Entry { return f.text }, "viel", "ganze Zahlen"},
	} {
		s.edit(data.X)
		f = s.form
		c.field(f).SetText(c.value)
		test.Tap(f.save)
		u.Wait()
		if f.problem.Hidden || !strings.Contains(f.problem.Text, c.want) {
			t.Errorf("%q: problem %q (hidden %v)", c.value, f.problem.Text, f.problem.Hidden)
		}
		if c.field(f).Text != c.value {
			t.Errorf("%q: the form lost what was typed", c.value)
		}
		if text, tags, _ := storedLimits(t, u, data.X); text != 280 || tags != 0 {
			t.Errorf("%q stored anyway: %d, %d", c.value, text, tags)
		}
		f.dlg.Hide()
	}

	// Zurücksetzen asks first, then brings the known figures back.
	s.onReset(data.Instagram)
	test.Tap(findButton(t, topOverlay(u), "Ja"))
	u.Wait()
	if text, _, checked := storedLimits(t, u, data.Instagram); text != 2200 || checked != "2026-11-30" {
		t.Fatalf("after reset %d, %q", text, checked)
	}
}

func TestSettingsTabsOfferPlatforms(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	var found bool
	for _, it := range u.shell.settingsTabs.Items {
		found = found || it.Text == "Plattformen"
	}
	if !found {
		t.Fatal("no Plattformen tab in the settings")
	}
}

func TestChannelOwnTextLimitIsStored(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	ctx := context.Background()
	cs, _ := u.Workspace().Channels(ctx)
	set := func(text string) {
		t.Helper()
		c, _ := u.Workspace().Channels(ctx)
		u.shell.settings.editChannel(c[0])
		form := topOverlay(u)
		var entry *widget.Entry
		visit(form, func(o fyne.CanvasObject) {
			if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "leer = wie die Plattform" {
				entry = e
			}
		})
		if entry == nil {
			t.Fatalf("no own limit field; form shows %v", texts(form))
		}
		entry.SetText(text)
		test.Tap(findButton(t, form, "Speichern"))
		u.Wait()
	}
	set("1000")
	c, _ := u.Workspace().Channels(ctx)
	if c[0].ID != cs[0].ID || c[0].TextLimit != 1000 {
		t.Fatalf("stored %+v", c[0])
	}
	set("")
	c, _ = u.Workspace().Channels(ctx)
	if c[0].TextLimit != 0 {
		t.Fatalf("emptied field stored %d", c[0].TextLimit)
	}
}
