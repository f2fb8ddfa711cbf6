package data

import (
	"strings"

	"feedtakt/data/calendar"
)

// The preview in words, for the window and the command line alike: each
// a sentence key with its values (see calendar.Message).

// String names a channel of the file: its name, with the platform where
// the name does not say it ("Facebook", "Kreis-News (mastodon)").
func (c ShareChannel) String() string {
	if strings.Contains(strings.ToLower(c.Name), string(c.Platform)) {
		return c.Name
	}
	return c.Name + " (" + string(c.Platform) + ")"
}

// Label is the item with its kind: "Textvorlage „Azubi-Dienstag“".
func (it ShareItem) Label() calendar.Message {
	key := "Idea “{{.Name}}”"
	switch {
	case it.What == "series":
		key = "Series “{{.Name}}”"
	case it.What == "template" && it.Kind == KindHashtags:
		key = "Hashtag set “{{.Name}}”"
	case it.What == "template" && it.Kind == KindSnippet:
		key = "Snippet “{{.Name}}”"
	case it.What == "template":
		key = "Caption template “{{.Name}}”"
	}
	return calendar.Message{Key: key, Args: map[string]any{"Name": it.Name}}
}

// Note says what happens to the item beyond coming in: renamed or
// skipped (the zero Message for a new item).
func (it ShareItem) Note() calendar.Message {
	switch it.Outcome {
	case ShareRenamed:
		return calendar.Message{Key: "comes in as “{{.As}}” (the name is taken)", Args: map[string]any{"As": it.As}}
	case ShareKnown:
		return calendar.Message{Key: "already there as “{{.Same}}”: skipped", Args: map[string]any{"Same": it.Same}}
	}
	return calendar.Message{}
}

// Losses says what the item comes in without: channels and the Rubrik
// this workspace lacks.
func (it ShareItem) Losses() []calendar.Message {
	var out []calendar.Message
	if len(it.DroppedChannels) > 0 {
		var names []string
		for _, c := range it.DroppedChannels {
			names = append(names, c.String())
		}
		out = append(out, calendar.Message{Key: "without the channel {{.Channels}} (not in this workspace)",
			Args: map[string]any{"Channels": strings.Join(names, ", ")}})
	}
	if it.DroppedTopic != "" {
		out = append(out, calendar.Message{Key: "without the Rubrik “{{.Topic}}” (not in this workspace)", Args: map[string]any{"Topic": it.DroppedTopic}})
	}
	return out
}

// Schedule says when a new series' slots appear in the calendar (the
// zero Message for anything else).
func (it ShareItem) Schedule() calendar.Message {
	if it.Rule == nil || it.Outcome == ShareKnown {
		return calendar.Message{}
	}
	return calendar.Message{Key: "free slots in the calendar: {{.Rule}}, from {{.Start}}",
		Args: map[string]any{"Rule": it.Rule.Describe(), "Start": it.Rule.Start.String()}}
}

// Message says where a channel of the file goes.
func (m ShareMatch) Message() calendar.Message {
	switch {
	case m.To == "":
		return calendar.Message{Key: "{{.From}}: no such channel here, left out", Args: map[string]any{"From": m.From.String()}}
	case m.Exact:
		return calendar.Message{Key: "{{.From}} → {{.To}}", Args: map[string]any{"From": m.From.String(), "To": m.To}}
	}
	return calendar.Message{Key: "{{.From}} → {{.To}} (the only channel of this platform here)", Args: map[string]any{"From": m.From.String(), "To": m.To}}
}

// Heading says where the file came from and when.
func (o ShareOrigin) Heading() calendar.Message {
	who := o.Organisation
	if who == "" {
		who = "?"
	}
	key := "Exchange file from {{.Who}}, made on {{.Date}}"
	if o.Person != "" {
		key = "Exchange file from {{.Who}} ({{.Person}}), made on {{.Date}}"
	}
	return calendar.Message{Key: key, Args: map[string]any{"Who": who, "Person": o.Person, "Date": o.Exported.In(WorkspaceZone()).Format("02.01.2006")}}
}

// Summary counts the outcomes.
func (p SharePreview) Summary() calendar.Message {
	return calendar.Message{Key: "{{.New}} new, {{.Renamed}} under another name, {{.Known}} already there.",
		Args: map[string]any{"New": p.Count(ShareNew), "Renamed": p.Count(ShareRenamed), "Known": p.Count(ShareKnown)}}
}
