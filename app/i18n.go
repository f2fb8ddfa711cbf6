package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/calendar"
)

// language is the UI language in effect ("de" or "en").
var language = "de"

// setLanguage loads the translations of pref ("de", "en", or "" for the
// system language: German on a German system, English otherwise) and makes
// them win over the system locale. Fyne 2.7 picks its localizer from the OS
// locale and has no setter, so the chosen language's file is also added
// under the system locale's tag; our files carry Fyne's own dialog words
// too, so the dialogs follow the choice.
func setLanguage(pref string) string {
	sys := lang.SystemLocale()
	want := pref
	if want != "de" && want != "en" {
		want = "en"
		if strings.HasPrefix(strings.ToLower(sys.String()), "de") {
			want = "de"
		}
	}
	for _, l := range assets.Languages {
		if b, err := assets.Lang.ReadFile("lang/" + l + ".json"); err == nil {
			_ = lang.AddTranslationsForLocale(b, fyne.Locale(l))
		}
	}
	if b, err := assets.Lang.ReadFile("lang/" + want + ".json"); err == nil {
		_ = lang.AddTranslationsForLocale(b, sys)
	}
	language = want
	return want
}

// explain turns an error into a sentence in the UI language.
func explain(err error) string {
	e := data.Explain(err)
	return message(calendar.Message{Key: e.Key, Args: e.Args}) // parts such as a status are sentences too
}

// statusName is the UI word for a post status (data.Status.Key names it).
func statusName(s data.Status) string { return lang.L(s.Key()) }

// message is a sentence from package data or calendar in the UI language;
// parts that are Messages themselves (a weekday) are translated first.
func message(m calendar.Message) string {
	if m.Args == nil {
		return lang.L(m.Key)
	}
	return lang.L(m.Key, calendar.ResolveArgs(m.Args, message))
}

// platformName is the UI name of a platform.
func platformName(p data.Platform) string {
	switch p {
	case data.Instagram:
		return "Instagram"
	case data.TikTok:
		return "TikTok"
	case data.Facebook:
		return "Facebook"
	case data.LinkedIn:
		return "LinkedIn"
	case data.YouTube:
		return "YouTube"
	case data.Mastodon:
		return "Mastodon"
	case data.X:
		return "X"
	case data.Bluesky:
		return "Bluesky"
	case data.Threads:
		return "Threads"
	case data.Website:
		return lang.L("Website")
	case data.Newsletter:
		return lang.L("Newsletter")
	case data.Print:
		return lang.L("Print")
	}
	return lang.L("Other platform")
}

// cadenceText says a channel's target, e.g. "2 per week".
func cadenceText(c data.Cadence) string {
	if c.Count == 0 {
		return lang.L("no target")
	}
	if c.Period == data.PerMonth {
		return lang.L("{{.N}} per month", map[string]any{"N": c.Count})
	}
	return lang.L("{{.N}} per week", map[string]any{"N": c.Count})
}
