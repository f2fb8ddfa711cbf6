package caption

import "strings"

// Values are what the built-in placeholders stand for in one channel's
// final text, already worded (German date, weekday, the credit lines
// joined); Render trims Hashtags to the channel's cap.
type Values struct {
	Date      string // "27.11.2026"; "" for an idea
	Weekday   string // "Freitag"
	Time      string // "09:30"; "" when the post has no time
	Authority string
	Channel   string
	Handle    string
	Topic     string
	Link      string
	Credit    string   // "Foto: Stadt Musterstadt / A. Beispiel"
	Hashtags  []string // the post's hashtag set, each with '#'; nil = none chosen
}

// Render fills the built-ins of text for one channel and turns "{{" into
// "{". A placeholder that stays is listed in unfilled, each once: a custom
// field never filled, or a built-in the post has no value for (Datum,
// Wochentag on an idea, Uhrzeit without a time, Link without a link,
// Hashtags without a set). Rubrik, Handle and Bildnachweis without a value
// become empty text. {Hashtags} becomes the set joined by spaces, cut to
// l.Hashtags minus the hashtags the text already holds elsewhere, whole
// tags only.
func Render(text string, v Values, l Limits) (out string, unfilled []string) {
	// TODO(helper A): trimming by the cap, "{{", tests.
	ps, _ := Placeholders(text)
	var b strings.Builder
	last := 0
	seen := map[string]bool{}
	for _, p := range ps {
		val, ok := v.value(p.Name)
		if !ok {
			if !seen[p.Name] {
				seen[p.Name] = true
				unfilled = append(unfilled, p.Name)
			}
			continue
		}
		b.WriteString(text[last:p.Start])
		b.WriteString(val)
		last = p.End
	}
	b.WriteString(text[last:])
	return b.String(), unfilled
}

// value is what a built-in stands for; ok false leaves the placeholder.
func (v Values) value(name string) (string, bool) {
	switch name {
	case Datum:
		return v.Date, v.Date != ""
	case Wochentag:
		return v.Weekday, v.Weekday != ""
	case Uhrzeit:
		return v.Time, v.Time != ""
	case Behoerde:
		return v.Authority, true
	case Kanal:
		return v.Channel, true
	case Handle:
		return v.Handle, true
	case Rubrik:
		return v.Topic, true
	case Link:
		return v.Link, v.Link != ""
	case Bildnachweis:
		return v.Credit, true
	case Hashtags:
		return strings.Join(v.Hashtags, " "), v.Hashtags != nil
	}
	return "", false
}
