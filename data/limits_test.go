package data

import (
	"context"
	"strings"
	"testing"

	"feedtakt/data/caption"
)

// The figures kept in Go for "Zurücksetzen" are the ones schema 8 gives a
// new workspace, platform by platform.
func TestDefaultLimitsMatchSchema(t *testing.T) {
	ws := newTestWorkspace(t)
	got, err := ws.PlatformLimits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(Platforms()) {
		t.Fatalf("%d platforms, want %d", len(got), len(Platforms()))
	}
	for _, p := range Platforms() {
		if got[p] != DefaultLimits(p) {
			t.Errorf("%s: stored %+v, Go %+v", p, got[p], DefaultLimits(p))
		}
	}
	if l := got[Website]; l != (caption.Limits{Platform: "website"}) {
		t.Errorf("website: %+v, want no limits", l)
	}
	if got[Instagram].Hashtags != 5 || got[TikTok].TextLimit(true) != 4000 || got[YouTube].Title != 100 {
		t.Errorf("figures: %+v %+v %+v", got[Instagram], got[TikTok], got[YouTube])
	}
}

func TestSavePlatformLimitsRefusesZeroAndNegative(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	base := lastChangeID(t, ws)
	mastodon := DefaultLimits(Mastodon)
	for _, c := range []struct {
		name  string
		edit  func(*caption.Limits)
		field string
		key   string
	}{
		{"text 0", func(l *caption.Limits) { l.Text = 0 }, "text limit",
			"This platform limits the length of a text; the limit cannot be 0. Use “Reset” for the known figure."},
		{"text negative", func(l *caption.Limits) { l.Text = -500 }, "text limit",
			"A limit cannot be negative. Enter 0 where the platform has no such limit."},
		{"alt negative", func(l *caption.Limits) { l.AltText = -1 }, "alt text limit",
			"A limit cannot be negative. Enter 0 where the platform has no such limit."},
		{"hashtags negative", func(l *caption.Limits) { l.Hashtags = -5 }, "hashtag limit",
			"A limit cannot be negative. Enter 0 where the platform has no such limit."},
		{"huge", func(l *caption.Limits) { l.Bytes = 5_000_000 }, "byte limit", "A limit must not be larger than {{.Max}}."},
		{"unknown platform", func(l *caption.Limits) { l.Platform = "myspace" }, "platform", "Please choose a platform from the list."},
		{"long source", func(l *caption.Limits) { l.Source = strings.Repeat("Quelle ", 50) }, "source",
			"The note is too long (at most {{.Max}} characters)."},
		{"NUL in source", func(l *caption.Limits) { l.Source = "Hilfe\x00seite" }, "source", controlKeys["note"].Key},
		{"line break in date", func(l *caption.Limits) { l.CheckedOn = "2026-12-01\n" + "x" }, "checked on", controlKeys["note"].Key},
	} {
		l := mastodon
		c.edit(&l)
		wantInvalid(t, ws.SavePlatformLimits(ctx, l), c.field, c.key)
	}
	if lastChangeID(t, ws) != base {
		t.Error("a refused limit was logged")
	}

	// A 0 where the platform has no such limit means "none"; a new figure
	// and its source are stored and logged.
	mastodon.Text, mastodon.AltText, mastodon.Source, mastodon.CheckedOn = 5000, 0, "  Instanz social.bund.de  ", "2026-12-01"
	if err := ws.SavePlatformLimits(ctx, mastodon); err != nil {
		t.Fatal(err)
	}
	website := caption.Limits{Platform: "website", Text: 0}
	if err := ws.SavePlatformLimits(ctx, website); err != nil {
		t.Fatalf("website without limits: %v", err)
	}
	got, _ := ws.PlatformLimits(ctx)
	if m := got[Mastodon]; m.Text != 5000 || m.AltText != 0 || m.Source != "Instanz social.bund.de" || m.CheckedOn != "2026-12-01" {
		t.Errorf("stored %+v", m)
	}
	if s := changeSummaries(t, ws, 2); s[1] != "Plattform-Grenzen für Mastodon geändert: Text 5000" ||
		s[0] != "Plattform-Grenzen für Website geändert: keine" {
		t.Errorf("log %q", s)
	}

	if err := ws.ResetPlatformLimits(ctx, Mastodon); err != nil {
		t.Fatal(err)
	}
	got, _ = ws.PlatformLimits(ctx)
	if got[Mastodon] != DefaultLimits(Mastodon) {
		t.Errorf("after reset %+v", got[Mastodon])
	}
	if s := changeSummaries(t, ws, 1)[0]; s != "Plattform-Grenzen für Mastodon zurückgesetzt: Text 500, Bildbeschreibung 1500" {
		t.Errorf("log %q", s)
	}
	wantInvalid(t, ws.ResetPlatformLimits(ctx, "myspace"), "platform", "Please choose a platform from the list.")
}

func TestChannelTextLimit(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	c := Channel{Name: "Mastodon (social.bund.de)", Platform: Mastodon, TextLimit: 5000}
	if err := ws.SaveChannel(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{-1, MaxChannelTextLimit + 1} {
		bad := c
		bad.TextLimit = n
		wantInvalid(t, ws.SaveChannel(ctx, &bad), "text limit",
			"The channel's own text limit must be between 0 (the platform's) and {{.Max}} characters.")
	}
	cs, _ := ws.Channels(ctx)
	var got Channel
	for _, x := range cs {
		if x.ID == c.ID {
			got = x
		}
	}
	if got.TextLimit != 5000 {
		t.Fatalf("stored %+v", got)
	}
	limits, _ := ws.PlatformLimits(ctx)
	if l := got.Limits(limits); l.Text != 5000 || l.AltText != 1500 || l.Platform != "mastodon" {
		t.Errorf("limits %+v", l)
	}
	got.TextLimit = 0
	if err := ws.SaveChannel(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if l := got.Limits(limits); l.Text != 500 {
		t.Errorf("platform's limit: %+v", l)
	}
	// TikTok's larger limit for photo posts stays only while it is larger.
	tiktok := Channel{Platform: TikTok, TextLimit: 1000}
	if l := tiktok.Limits(limits); l.TextLimit(false) != 1000 || l.TextLimit(true) != 4000 {
		t.Errorf("tiktok 1000: %+v", l)
	}
	tiktok.TextLimit = 5000
	if l := tiktok.Limits(limits); l.TextLimit(true) != 5000 {
		t.Errorf("tiktok 5000: %+v", l)
	}
}
