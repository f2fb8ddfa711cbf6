// The post editor's consent lines: for every linked picture, whether it
// may be used on the channels and the day as they are typed now, and if
// not, why (data.PictureClearance, the one rule); and the message when
// saving as Freigegeben or Veröffentlicht is refused for that reason.

package app

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// consentInput is where and when the post would go out as typed now: the
// chosen channels that exist, and the day (an idea: today). ok is false
// while the date cannot be read.
func (e *editor) consentInput() (channels []int64, day calendar.Date, ok bool) {
	for i, c := range e.channels {
		if _, exists := e.look.channelByID[e.chanIDs[i]]; c.Checked && exists {
			channels = append(channels, e.chanIDs[i])
		}
	}
	if e.idea == nil || e.idea.Checked {
		return channels, today(), true
	}
	d, err := calendar.ParseDate(e.date.Text)
	return channels, d, err == nil
}

// checkConsent asks the rule about every linked picture for the channels
// and the day as typed, in the background; a newer question makes the
// answer of an older one void. While the date cannot be read the lines
// stay as they were.
func (ms *mediaSection) checkConsent() {
	if ms == nil || ms.readErr || ms.consent == nil {
		return
	}
	ms.consentGen++
	gen := ms.consentGen
	if len(ms.items) == 0 {
		ms.showConsent(nil, nil, nil, calendar.Date{}, nil)
		return
	}
	chans, day, ok := ms.e.consentInput()
	if !ok {
		return
	}
	items := append([]data.Media(nil), ms.items...)
	ws := ms.e.u.ws
	ms.e.u.run(func(ctx context.Context) func() {
		out := make([]data.Clearance, len(items))
		var err error
		for i, m := range items {
			if out[i], err = ws.PictureClearance(ctx, m.ID, chans, day); err != nil {
				break
			}
		}
		return func() {
			if gen == ms.consentGen {
				ms.showConsent(items, out, chans, day, err)
			}
		}
	})
}

// showConsent fills the lines: a heading that says for which channels and
// day, then a line per picture with an icon (tick, warning, stop) and the
// reasons in words.
func (ms *mediaSection) showConsent(items []data.Media, cs []data.Clearance, chans []int64, day calendar.Date, err error) {
	ms.consentLines, ms.consentRows = nil, nil
	if len(items) == 0 {
		ms.marks = nil
		ms.e.showConsentSummary(0)
		ms.consent.Objects = nil
		ms.consent.Refresh()
		return
	}
	if err != nil {
		ms.consent.Objects = []fyne.CanvasObject{wrapped(lang.L("Whether the pictures may be used could not be checked.") + " " + explain(err))}
		ms.consent.Refresh()
		return
	}
	ms.marks = map[int64]consentLineText{}
	blocked := 0
	for i, c := range cs {
		l := consentLine(items[i], c)
		ms.marks[items[i].ID] = l
		if l.level == consentBlocked {
			blocked++
		}
	}
	ms.e.showConsentSummary(blocked)
	var names []string
	for _, id := range chans {
		names = append(names, ms.e.look.channelName(id))
	}
	where := lang.L("any channel")
	if len(names) > 0 {
		where = strings.Join(names, ", ")
	}
	head := widget.NewLabelWithStyle(lang.L("Consents and rights for {{.Channels}} on {{.Date}}:", map[string]any{"Channels": where, "Date": day.String()}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{head}
	for i, c := range cs {
		line := consentLine(items[i], c)
		ms.consentLines = append(ms.consentLines, line.text)
		ms.consentRows = append(ms.consentRows, line)
		objs = append(objs, line.object(ms.e))
	}
	ms.consent.Objects = objs
	ms.consent.Refresh()
	ms.rebuild() // the cards carry the marks too
}

// showConsentSummary says beside the status, where she chooses
// Freigegeben, that blocked pictures stop it; the lines below the
// pictures say why.
func (e *editor) showConsentSummary(blocked int) {
	if e.consentHint == nil {
		return
	}
	if blocked == 0 {
		e.consentHint.Hide()
	} else {
		e.consentHint.SetText(lang.N("Cannot be approved yet: {{.Count}} picture may not be used like this – see Media.", blocked, map[string]any{"Count": blocked}))
		e.consentHint.Show()
	}
	if e.body != nil {
		e.body.Refresh() // the form makes room for the line (or takes it back)
	}
}

// cardMark is the consent mark on a picture's card: none when it may be
// used; else the worst state's words, in the error colour when it blocks.
func (ms *mediaSection) cardMark(id int64) fyne.CanvasObject {
	l, ok := ms.marks[id]
	if !ok || l.ok {
		return nil
	}
	word := markOf(l.worst).long()
	if l.level == consentBlocked {
		return newMark(word, theme.ColorNameError, theme.ColorNameForegroundOnError)
	}
	return newMark(word, theme.ColorNameWarning, theme.ColorNameForegroundOnWarning)
}

// consentLineText is one picture's line: what it says, how serious, and
// who and what it leads to.
type consentLineText struct {
	level   consentLevel
	ok      bool
	text    string
	worst   data.Reason // for the card's mark and the line's icon
	mediaID int64
	people  []namedPerson // the people the findings name, each once
}

// namedPerson is a person a line names, for its "Zur Person" action.
type namedPerson struct {
	id   int64
	name string
}

func consentLine(m data.Media, c data.Clearance) consentLineText {
	name := data.PictureName(m)
	if len(c.Findings) == 0 {
		return consentLineText{ok: true, mediaID: m.ID, text: lang.L("{{.Name}}: may be used.", map[string]any{"Name": name})}
	}
	var parts []string
	level := consentOK
	var people []namedPerson
	for _, f := range c.Findings {
		s := message(f.Message())
		if f.Reason == data.ReasonUnclear {
			s += " " + lang.L("Decide it in the media library (people in the picture).")
		}
		if !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
		if f.Blocks() {
			level = consentBlocked
		} else if level == consentOK {
			level = consentWarn
		}
		if n, ok := f.Args["Person"].(string); ok && f.PersonID != 0 &&
			!slices.ContainsFunc(people, func(p namedPerson) bool { return p.id == f.PersonID }) {
			people = append(people, namedPerson{id: f.PersonID, name: n})
		}
	}
	return consentLineText{level: level, text: name + ": " + strings.Join(parts, " "), worst: c.Worst(), mediaID: m.ID, people: people}
}

// object is the line: the worst state's icon, the sentence, and below it
// small actions: the picture in the Mediathek, the people it names.
func (l consentLineText) object(e *editor) fyne.CanvasObject {
	text := widget.NewLabel(l.text)
	text.Wrapping = fyne.TextWrapWord
	icon := markNone.icon()
	switch {
	case l.ok:
		text.Importance = widget.SuccessImportance
	case l.level == consentBlocked:
		text.Importance = widget.DangerImportance
		icon = markOf(l.worst).icon()
	default:
		text.Importance = widget.WarningImportance
		icon = markOf(l.worst).icon()
	}
	body := fyne.CanvasObject(text)
	if actions := l.actions(e); len(actions) > 0 {
		body = container.NewVBox(text, container.NewHBox(actions...))
	}
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, body)
}

// actions are the line's small buttons: "In der Mediathek zeigen" and,
// for every person the line names, "Zur Person". They leave the editor
// (asking first when something typed is unsaved), as the screen they
// lead to lies behind it.
func (l consentLineText) actions(e *editor) []fyne.CanvasObject {
	if l.ok || e == nil {
		return nil
	}
	u := e.u
	small := func(text string, f func()) fyne.CanvasObject {
		b := widget.NewButton(text, func() {
			e.confirmDiscard(func() {
				if e.dlg != nil {
					e.dlg.Hide()
				}
				f()
			})
		})
		b.Importance = widget.LowImportance
		return b
	}
	id := l.mediaID
	out := []fyne.CanvasObject{small(lang.L("Show in the media library"), func() { u.revealMediaItem(id) })}
	for _, p := range l.people {
		text := lang.L("To the person")
		if len(l.people) > 1 {
			text = lang.L("To {{.Name}}", map[string]any{"Name": p.name})
		}
		pid := p.id
		out = append(out, small(text, func() { u.showPerson(pid) }))
	}
	return out
}

// showBlocked explains a save refused by the consent rule: what cannot
// be done, every reason with its picture (title) and person, channel and
// why, and what to do. The editor stays open with everything typed.
func (e *editor) showBlocked(ce *data.ClearanceError) {
	intro := wrapped(lang.L("The post cannot be saved with the status “{{.Status}}”:", map[string]any{"Status": statusName(ce.Status)}))
	objs := []fyne.CanvasObject{intro}
	for _, s := range blockedSentences(e.look, ce.Findings) {
		l := wrapped("• " + s)
		l.Importance = widget.DangerImportance
		objs = append(objs, l)
	}
	objs = append(objs, wrapped(lang.L("Save it as “For approval” or “Draft” – or replace the picture, or untick the channel. Nothing you typed is lost.")))
	title := lang.L("Cannot be approved")
	if ce.Status == data.StatusPublished {
		title = lang.L("Cannot be marked as published")
	}
	d := dialog.NewCustom(title, lang.L("Back to the post"), container.NewVBox(objs...), e.u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	e.mediaBox.checkConsent() // the lines say it too, with what is stored now
}

// blockedSentences words refused findings, one per line, each beginning
// with the picture's title: a withdrawal once per person and picture with
// the channels it stops (its sentence names none), every other finding
// as the rule words it.
func blockedSentences(look lookups, fs []data.PostFinding) []string {
	var out []string
	type who struct {
		person int64
		media  string
	}
	withdrawn := map[who]int{} // → index in out
	chans := map[who][]string{}
	line := func(f data.PostFinding) string {
		if f.MediaName == "" {
			return message(f.Message())
		}
		return lang.L("“{{.Picture}}”: {{.Reason}}", map[string]any{"Picture": f.MediaName, "Reason": message(f.Message())})
	}
	for _, f := range fs {
		if f.Reason != data.ReasonWithdrawn {
			out = append(out, line(f))
			continue
		}
		k := who{f.PersonID, f.MediaName}
		if f.ChannelID != 0 {
			chans[k] = append(chans[k], look.channelName(f.ChannelID))
		}
		if _, ok := withdrawn[k]; !ok {
			withdrawn[k] = len(out)
			out = append(out, line(f))
		}
	}
	for k, i := range withdrawn {
		if len(chans[k]) > 0 {
			out[i] += " " + lang.L("(affects {{.Channels}})", map[string]any{"Channels": strings.Join(chans[k], ", ")})
		}
	}
	return out
}
