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
	ps, _ := Placeholders(text)
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	seen := map[string]bool{}
	var tags string
	tagsDone := false
	for _, p := range ps {
		writeLiteral(&b, text[last:p.Start])
		last = p.End
		val, ok := v.value(p.Name)
		if p.Name == Hashtags && ok {
			if !tagsDone {
				tags, tagsDone = v.trimHashtags(text, ps, l.Hashtags), true
			}
			val = tags
		}
		if !ok {
			if !seen[p.Name] {
				seen[p.Name] = true
				unfilled = append(unfilled, p.Name)
			}
			val = text[p.Start:p.End]
		}
		b.WriteString(val)
	}
	writeLiteral(&b, text[last:])
	return b.String(), unfilled
}

// writeLiteral writes text between placeholders, "{{" as "{".
func writeLiteral(b *strings.Builder, s string) {
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i+1])
		s = s[i+2:]
	}
}

// trimHashtags is {Hashtags} for one channel: the set's tags that the text
// does not hold already (in any case), as many as the cap (limit) leaves
// beside the hashtags written elsewhere in the text (0 = all), whole tags
// only, joined by spaces.
func (v Values) trimHashtags(text string, ps []Placeholder, limit int) string {
	// The text without its {Hashtags}: the tags written elsewhere.
	var rest strings.Builder
	last := 0
	for _, p := range ps {
		if p.Name == Hashtags {
			rest.WriteString(text[last:p.Start])
			rest.WriteString(" ")
			last = p.End
		}
	}
	rest.WriteString(text[last:])
	other := rest.String()
	have := map[string]bool{}
	n := 0
	eachHashtag(other, func(start, end int) {
		have[strings.ToLower(other[start:end])] = true
		n++
	})
	room := len(v.Hashtags)
	if limit > 0 {
		room = max(limit-n, 0)
	}
	var out []string
	for _, t := range v.Hashtags {
		if len(out) >= room {
			break
		}
		if k := strings.ToLower(t); !have[k] {
			have[k] = true
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
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
