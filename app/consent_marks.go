// The calendar's consent marks: planned posts whose pictures may not be
// used (a person without valid consent for a channel on the day, or an
// expired licence) carry a badge on their chip and a hint in the list;
// posts with an ungeklärt picture a lighter one. One rule decides:
// data.ClearPosts, for the whole range at once.

package app

import (
	"context"
	"slices"
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
	consentWarn                 // a picture is ungeklärt, or a consent or licence ends soon: warns
	consentBlocked              // may not be approved or published
)

// markState is one state of the canonical table of consent and licence
// marks: one word and one icon each, the same in the calendar's chips,
// the list, the week's hints, the legend and the editor.
type markState int

const (
	markNone markState = iota
	markWithdrawn
	markMissing
	markExpired
	markScope
	markLicenceExpired
	markExpiring
	markLicenceExpiring
	markUnclear
)

// markStates are the states in the legend's order.
var markStates = []markState{markWithdrawn, markMissing, markExpired, markScope, markExpiring, markUnclear, markLicenceExpired, markLicenceExpiring}

// markOf is the state a finding of the rule shows as. A withdrawal after
// the post's day is still a withdrawal (it only warns).
func markOf(r data.Reason) markState {
	switch r {
	case data.ReasonWithdrawn, data.ReasonWithdrawnLater:
		return markWithdrawn
	case data.ReasonMissing, data.ReasonGuardians, data.ReasonOwnConsent:
		return markMissing
	case data.ReasonExpired:
		return markExpired
	case data.ReasonOutOfScope:
		return markScope
	case data.ReasonLicenceExpired:
		return markLicenceExpired
	case data.ReasonExpiring:
		return markExpiring
	case data.ReasonLicenceExpiring:
		return markLicenceExpiring
	case data.ReasonUnclear:
		return markUnclear
	}
	return markNone
}

// word is the state's short word ("widerrufen", "Lizenz läuft ab").
func (s markState) word() string {
	switch s {
	case markWithdrawn:
		return lang.L("withdrawn")
	case markMissing:
		return lang.L("missing")
	case markExpired:
		return lang.L("expired")
	case markScope:
		return lang.L("not covered")
	case markLicenceExpired:
		return lang.L("licence expired")
	case markExpiring:
		return lang.L("ends soon")
	case markLicenceExpiring:
		return lang.L("licence ends soon")
	case markUnclear:
		return lang.L("unclear")
	}
	return lang.L("valid")
}

// long is the state in a few words, for the list's Bild column and the
// editor's cards ("Einwilligung widerrufen").
func (s markState) long() string {
	switch s {
	case markWithdrawn:
		return lang.L("consent withdrawn")
	case markMissing:
		return lang.L("consent missing")
	case markExpired:
		return lang.L("consent expired")
	case markScope:
		return lang.L("consent not covered")
	case markExpiring:
		return lang.L("consent ends soon")
	case markUnclear:
		return lang.L("people unclear")
	case markNone:
		return lang.L("consent valid")
	}
	return s.word() // the licence's words say it already
}

// licenceIcon is the licence's "©" (as on the Mediathek's tiles), drawn:
// the chips' badges take an image.
var licenceIcon = fyne.NewStaticResource("licence.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">`+
	`<path fill="#000" fill-rule="evenodd" d="M12 1a11 11 0 1 1 0 22a11 11 0 1 1 0-22z M12 3.4a8.6 8.6 0 1 0 0 17.2a8.6 8.6 0 1 0 0-17.2z"/>`+
	`<path fill="#000" d="M15.6 9.4c-0.7-1.3-2-2.1-3.5-2.1c-2.6 0-4.5 2.1-4.5 4.7s1.9 4.7 4.5 4.7c1.5 0 2.8-0.8 3.5-2.1l-1.9-1c-0.4 0.7-1 1-1.6 1c-1.3 0-2.2-1.1-2.2-2.6s0.9-2.6 2.2-2.6c0.7 0 1.2 0.3 1.6 1z"/></svg>`))

// look is the state's icon and colour (see the table in REVIEW8.md):
// told apart by shape, so they read without colour.
func (s markState) look() (fyne.Resource, fyne.ThemeColorName) {
	switch s {
	case markWithdrawn:
		return theme.CancelIcon(), theme.ColorNameError
	case markMissing, markExpired, markScope:
		return theme.ErrorIcon(), theme.ColorNameError
	case markLicenceExpired:
		return licenceIcon, theme.ColorNameError
	case markExpiring:
		return theme.HistoryIcon(), theme.ColorNameWarning
	case markLicenceExpiring:
		return licenceIcon, theme.ColorNameWarning
	case markUnclear:
		return theme.QuestionIcon(), theme.ColorNamePlaceHolder
	}
	return theme.ConfirmIcon(), theme.ColorNameSuccess
}

// icon is the state's icon in its colour.
func (s markState) icon() fyne.Resource {
	res, col := s.look()
	return theme.NewColoredResource(res, col)
}

// consentMark is what the calendar shows of a post's consents and
// licences: the level, the worst state (its badge and word) and the
// hints, one short sentence each ("Einwilligung fehlt: Anna Beispiel auf
// Instagram").
type consentMark struct {
	level consentLevel
	state markState
	hints []string
	word  string // the worst state in words, for the list: "Einwilligung widerrufen", "Lizenz abgelaufen"
}

// consentMarks checks the planned posts among posts with one call of the
// rule and words what it found: every finding counts, the warnings (ends
// soon, ungeklärt) too.
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
		var all data.Clearance
		var fs []data.PostFinding
		for i, p := range c.Pictures {
			all.Findings = append(all.Findings, p.Findings...)
			for _, f := range p.Findings {
				pf := data.PostFinding{Finding: f, MediaID: p.MediaID}
				if i < len(c.Media) {
					pf.MediaName = data.PictureName(c.Media[i])
				}
				fs = append(fs, pf)
			}
		}
		worst := all.Worst()
		if worst == "" {
			continue
		}
		m := consentMark{level: consentWarn, state: markOf(worst)}
		if c.Blocked() {
			m.level = consentBlocked
		}
		m.word = m.state.long()
		if m.state == markScope {
			for _, f := range fs {
				if f.Reason == data.ReasonOutOfScope && f.ChannelID != 0 {
					m.word = lang.L("consent does not cover {{.Channel}}", map[string]any{"Channel": look.channelName(f.ChannelID)})
					break
				}
			}
		}
		m.hints = findingHints(look, fs)
		if c.Unclear() {
			m.hints = append(m.hints, unclearHint(c))
		}
		out[id] = m
	}
	return out, nil
}

// findingHints words the findings short, the blocking ones first, one
// hint per state and person (or picture) with the channels together
// ("Einwilligung fehlt: Anna Beispiel auf Instagram, Facebook").
// Ungeklärt pictures get their own hint (unclearHint).
func findingHints(look lookups, fs []data.PostFinding) []string {
	type group struct {
		key, who, date string
		channels       []string
		blocks         bool
	}
	var groups []*group
	find := func(key, who, date string, blocks bool) *group {
		for _, g := range groups {
			if g.key == key && g.who == who && g.date == date {
				return g
			}
		}
		g := &group{key: key, who: who, date: date, blocks: blocks}
		groups = append(groups, g)
		return g
	}
	for _, f := range fs {
		date := ""
		if f.Date != nil {
			date = f.Date.String()
		}
		var key string
		switch markOf(f.Reason) {
		case markLicenceExpired:
			find("Licence expired: {{.Name}}", f.MediaName, "", true)
			continue
		case markLicenceExpiring:
			find("Licence ends on {{.Date}}: {{.Name}}", f.MediaName, date, false)
			continue
		case markWithdrawn:
			find("Consent withdrawn: {{.Name}}", personArg(f), "", f.Blocks())
			continue
		case markExpiring:
			find("Consent ends on {{.Date}}: {{.Name}}", personArg(f), date, false)
			continue
		case markExpired:
			key = "Consent expired: {{.Name}} on {{.Channels}}"
		case markScope:
			key = "Consent does not cover {{.Channels}}: {{.Name}}"
		case markMissing:
			key = "Consent missing: {{.Name}} on {{.Channels}}"
		default:
			continue
		}
		g := find(key, personArg(f), "", true)
		ch := lang.L("any channel")
		if f.ChannelID != 0 {
			ch = look.channelName(f.ChannelID)
		}
		if !containsString(g.channels, ch) {
			g.channels = append(g.channels, ch)
		}
	}
	slices.SortStableFunc(groups, func(a, b *group) int {
		switch {
		case a.blocks == b.blocks:
			return 0
		case a.blocks:
			return -1
		}
		return 1
	})
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = lang.L(g.key, map[string]any{"Name": g.who, "Date": g.date, "Channels": strings.Join(g.channels, ", ")})
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
	return slices.Contains(list, s)
}

// unclearHint names the ungeklärt pictures of a post.
func unclearHint(c data.PostCheck) string {
	var names []string
	for i, p := range c.Pictures {
		for _, f := range p.Findings {
			if f.Reason == data.ReasonUnclear && i < len(c.Media) {
				names = append(names, data.PictureName(c.Media[i]))
				break
			}
		}
	}
	return lang.L("Unclear who is shown: {{.Names}}", map[string]any{"Names": strings.Join(names, ", ")})
}

// newConsentBadge makes a consent badge's box and icon (styled by
// styleConsentBadge).
func newConsentBadge() (*canvas.Rectangle, *canvas.Image) {
	box := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	box.CornerRadius = 3
	box.StrokeWidth = 1.5
	icon := canvas.NewImageFromResource(markMissing.icon())
	icon.FillMode = canvas.ImageFillContain
	return box, icon
}

// styleConsentBadge sets the badge for a state: its icon, and a frame in
// its colour (thinner for the grey "ungeklärt").
func styleConsentBadge(box *canvas.Rectangle, icon *canvas.Image, s markState) {
	_, col := s.look()
	box.FillColor = theme.Color(theme.ColorNameBackground)
	box.StrokeColor = theme.Color(col)
	box.StrokeWidth = 1.5
	if s == markUnclear {
		box.StrokeWidth = 1
	}
	if res := s.icon(); icon.Resource != res {
		icon.Resource = res // an image's refresh costs: only on a change
		icon.Refresh()
	}
}

// consentLegend explains every consent and licence badge a chip can
// carry, one line each with its short word; states sharing an icon share
// a line ("fehlt · abgelaufen · nicht abgedeckt"). The legend below the
// month shows it when its consent badge is tapped.
func consentLegend() fyne.CanvasObject {
	badge := func(s markState) fyne.CanvasObject {
		box, icon := newConsentBadge()
		styleConsentBadge(box, icon, s)
		b := container.NewStack(box, container.New(layout.NewCustomPaddedLayout(1, 1, 2, 2), icon))
		return container.NewCenter(container.NewGridWrap(fyne.NewSize(badgeWidth, badgeHeight), b))
	}
	text := func(s string) fyne.CanvasObject {
		t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize() + 1
		return container.NewCenter(t)
	}
	var objs []fyne.CanvasObject
	for i := 0; i < len(markStates); i++ {
		s := markStates[i]
		res, col := s.look()
		words := []string{s.word()}
		for i+1 < len(markStates) {
			n := markStates[i+1]
			if r2, c2 := n.look(); r2.Name() != res.Name() || c2 != col {
				break
			}
			words = append(words, n.word())
			i++
		}
		objs = append(objs, container.NewHBox(badge(s), text(strings.Join(words, " · "))))
	}
	return container.NewVBox(objs...)
}
