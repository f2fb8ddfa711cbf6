// The calendar's consent marks: planned posts whose pictures may not be
// used (a person without valid consent for a channel on the day, or an
// expired licence) carry a badge on their chip and a hint in the list;
// posts with an ungeklärt picture a lighter one. One rule decides:
// data.ClearPosts, for the whole range at once.

package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"feedtakt/data"
)

// consentLevel is how a post stands with the consents of the people in
// its pictures.
type consentLevel int

const (
	consentOK      consentLevel = iota
	consentUnclear              // a picture is ungeklärt: warns
	consentBlocked              // may not be approved or published
)

// consentMark is what the calendar shows of a post's consents: the level
// and the hints, one short sentence each ("Einwilligung fehlt: Anna
// Beispiel auf Instagram").
type consentMark struct {
	level consentLevel
	hints []string
	word  string // the mark in a word, for the list: "Einwilligung fehlt", "Lizenz abgelaufen", "ungeklärt"
}

// consentMarks checks the planned posts among posts with one call of the
// rule and words what it found.
func consentMarks(ctx context.Context, ws *data.Workspace, look lookups, posts []data.Post) (map[int64]consentMark, error) {
	var planned []data.Post
	for _, p := range posts {
		if data.Planned(p) {
			planned = append(planned, p)
		}
	}
	checks, err := ws.ClearPosts(ctx, planned)
	if err != nil {
		return nil, err
	}
	out := map[int64]consentMark{}
	for id, c := range checks {
		m := consentMark{}
		switch {
		case c.Blocked():
			m.level = consentBlocked
			fs := c.Blocking()
			m.hints = blockingHints(look, fs)
			m.word = lang.L("licence expired")
			for _, f := range fs {
				if f.Reason != data.ReasonLicenceExpired {
					m.word = lang.L("consent missing")
				}
			}
		case c.Unclear():
			m.level = consentUnclear
			m.word = lang.L("unclear")
		}
		if c.Unclear() {
			m.hints = append(m.hints, unclearHint(c))
		}
		if m.level != consentOK {
			out[id] = m
		}
	}
	return out, nil
}

// blockingHints words the blocking findings short, one hint per reason
// and person with the channels together ("Einwilligung fehlt: Anna
// Beispiel auf Instagram, Facebook").
func blockingHints(look lookups, fs []data.PostFinding) []string {
	type group struct {
		key, who string
		channels []string
	}
	var groups []*group
	find := func(key, who string) *group {
		for _, g := range groups {
			if g.key == key && g.who == who {
				return g
			}
		}
		g := &group{key: key, who: who}
		groups = append(groups, g)
		return g
	}
	for _, f := range fs {
		switch f.Reason {
		case data.ReasonLicenceExpired:
			find("Licence expired: {{.Name}}", f.MediaName)
		case data.ReasonWithdrawn:
			find("Consent withdrawn: {{.Name}}", personArg(f))
		default:
			key := "Consent missing: {{.Name}} on {{.Channels}}"
			if f.Reason == data.ReasonExpired {
				key = "Consent expired: {{.Name}} on {{.Channels}}"
			}
			g := find(key, personArg(f))
			ch := lang.L("any channel")
			if f.ChannelID != 0 {
				ch = look.channelName(f.ChannelID)
			}
			if !containsString(g.channels, ch) {
				g.channels = append(g.channels, ch)
			}
		}
	}
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = lang.L(g.key, map[string]any{"Name": g.who, "Channels": strings.Join(g.channels, ", ")})
	}
	return out
}

func personArg(f data.PostFinding) string {
	if s, ok := f.Args["Person"].(string); ok {
		return s
	}
	return ""
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unclearHint names the ungeklärt pictures of a post.
func unclearHint(c data.PostCheck) string {
	var names []string
	for i, p := range c.Pictures {
		for _, f := range p.Findings {
			if f.Reason == data.ReasonUnclear && i < len(c.Media) {
				names = append(names, displayMediaName(c.Media[i]))
				break
			}
		}
	}
	return lang.L("Unclear who is shown: {{.Names}}", map[string]any{"Names": strings.Join(names, ", ")})
}

// consentIcon is a person with a bar through it, for the "Einwilligung
// fehlt" badge; consentUnclearIcon a person with a question mark, for
// "ungeklärt". Different shapes, so they read without colour.
var consentIcon = fyne.NewStaticResource("consent-blocked.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">`+
	`<circle fill="#000" cx="10" cy="7" r="4.2"/>`+
	`<path fill="#000" d="M2 21c0-4.6 3.6-7.5 8-7.5s8 2.9 8 7.5z"/>`+
	`<path fill="#000" d="M1.2 3.6l2.4-2.4 19.2 19.2-2.4 2.4z"/></svg>`))

var consentUnclearIcon = fyne.NewStaticResource("consent-unclear.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">`+
	`<circle fill="#000" cx="8" cy="7" r="4"/>`+
	`<path fill="#000" d="M1 21c0-4.4 3.1-7.2 7-7.2s7 2.8 7 7.2z"/>`+
	`<path fill="#000" d="M15.2 6.2c0-2.3 1.7-3.7 3.9-3.7s3.9 1.4 3.9 3.4c0 1.6-0.9 2.3-1.8 3-0.7 0.5-1 0.8-1 1.6v0.7h-2.3v-0.9c0-1.4 0.6-2 1.5-2.7 0.8-0.6 1.3-1 1.3-1.7 0-0.8-0.6-1.3-1.6-1.3s-1.7 0.6-1.7 1.6z"/>`+
	`<path fill="#000" d="M17.9 13.2h2.4v2.4h-2.4z"/></svg>`))

// newConsentBadge makes a consent badge's box and icon: blocked with the
// error colour's frame and the barred person, ungeklärt lighter (the
// placeholder colour's frame, the questioning person).
func newConsentBadge() (*canvas.Rectangle, *canvas.Image) {
	box := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	box.CornerRadius = 3
	box.StrokeWidth = 1.5
	icon := canvas.NewImageFromResource(theme.NewColoredResource(consentIcon, theme.ColorNameError))
	icon.FillMode = canvas.ImageFillContain
	return box, icon
}

// styleConsentBadge sets the badge for a level.
func styleConsentBadge(box *canvas.Rectangle, icon *canvas.Image, level consentLevel) {
	box.FillColor = theme.Color(theme.ColorNameBackground)
	switch level {
	case consentBlocked:
		box.StrokeColor = theme.Color(theme.ColorNameError)
		box.StrokeWidth = 1.5
		icon.Resource = theme.NewColoredResource(consentIcon, theme.ColorNameError)
	default:
		box.StrokeColor = theme.Color(theme.ColorNamePlaceHolder)
		box.StrokeWidth = 1
		icon.Resource = theme.NewColoredResource(consentUnclearIcon, theme.ColorNamePlaceHolder)
	}
	icon.Refresh()
}

// consentLegend explains the two badges below the month in one item,
// the strong badge and the light one before "Einwilligung fehlt /
// ungeklärt" in that order: narrow enough for the default window.
func consentLegend() fyne.CanvasObject {
	badge := func(level consentLevel) fyne.CanvasObject {
		box, icon := newConsentBadge()
		styleConsentBadge(box, icon, level)
		b := container.NewStack(box, container.New(layout.NewCustomPaddedLayout(1, 1, 2, 2), icon))
		return container.NewCenter(container.NewGridWrap(fyne.NewSize(badgeWidth, badgeHeight), b))
	}
	t := canvas.NewText(lang.L("consent missing / unclear"), theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.CaptionTextSize() + 1
	return container.NewHBox(badge(consentBlocked), badge(consentUnclear), container.NewCenter(t))
}
