// The post editor's consent lines: for every linked picture, whether it
// may be used on the channels and the day as they are typed now, and if
// not, why (data.PictureClearance, the one rule); and the message when
// saving as Freigegeben or Veröffentlicht is refused for that reason.

package app

import (
	"context"
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
	ms.consentLines = nil
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
		l := consentLine(displayMediaName(items[i]), c)
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
		line := consentLine(displayMediaName(items[i]), c)
		ms.consentLines = append(ms.consentLines, line.text)
		objs = append(objs, line.object())
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
// used.
func (ms *mediaSection) cardMark(id int64) fyne.CanvasObject {
	l, ok := ms.marks[id]
	if !ok || l.ok {
		return nil
	}
	word := lang.L("check consent") // withdrawn after the day
	switch l.worst {
	case data.ReasonLicenceExpired:
		word = lang.L("licence expired")
	case data.ReasonUnclear:
		word = lang.L("unclear")
	case data.ReasonExpiring:
		word = lang.L("consent ends soon")
	case data.ReasonLicenceExpiring:
		word = lang.L("licence ends soon")
	}
	if l.level == consentBlocked {
		switch l.worst {
		case data.ReasonLicenceExpired:
		case data.ReasonWithdrawn:
			word = lang.L("consent withdrawn")
		case data.ReasonExpired:
			word = lang.L("consent expired")
		default:
			word = lang.L("consent missing")
		}
		return newMark(word, theme.ColorNameError, theme.ColorNameForegroundOnError)
	}
	return newMark(word, theme.ColorNameWarning, theme.ColorNameForegroundOnWarning)
}

// consentLineText is one picture's line: what it says and how serious.
type consentLineText struct {
	level consentLevel
	ok    bool
	text  string
	worst data.Reason // for the card's mark
}

func consentLine(name string, c data.Clearance) consentLineText {
	if len(c.Findings) == 0 {
		return consentLineText{ok: true, text: lang.L("{{.Name}}: may be used.", map[string]any{"Name": name})}
	}
	var parts []string
	level := consentOK
	for _, f := range c.Findings {
		s := message(f.Message())
		if f.Reason == data.ReasonUnclear {
			s += " " + lang.L("Decide it in the media library (people in the picture).")
		}
		parts = append(parts, s)
		if f.Blocks() {
			level = consentBlocked
		} else if level == consentOK {
			level = consentUnclear
		}
	}
	return consentLineText{level: level, text: name + ": " + strings.Join(parts, " "), worst: c.Worst()}
}

func (l consentLineText) object() fyne.CanvasObject {
	text := widget.NewLabel(l.text)
	text.Wrapping = fyne.TextWrapWord
	var icon fyne.Resource
	switch {
	case l.ok:
		text.Importance = widget.SuccessImportance
		icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case l.level == consentBlocked:
		text.Importance = widget.DangerImportance
		icon = theme.NewErrorThemedResource(theme.CancelIcon())
	default:
		text.Importance = widget.WarningImportance
		icon = theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, text)
}

// showBlocked explains a save refused by the consent rule: the status
// that was refused, every reason (person, channel, why), and what to do.
// The editor stays open with everything typed.
func (e *editor) showBlocked(ce *data.ClearanceError) {
	intro := wrapped(lang.L("The post cannot be saved with the status “{{.Status}}”:", map[string]any{"Status": statusName(ce.Status)}))
	objs := []fyne.CanvasObject{intro}
	for _, s := range blockedSentences(e.look, ce.Findings) {
		l := wrapped("• " + s)
		l.Importance = widget.DangerImportance
		objs = append(objs, l)
	}
	objs = append(objs, wrapped(lang.L("Save it as “For approval” or “Draft” – or replace the picture, or untick the channel. Nothing you typed is lost.")))
	d := dialog.NewCustom(lang.L("Not approved: consent or licence missing"), lang.L("Back to the post"), container.NewVBox(objs...), e.u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	e.mediaBox.checkConsent() // the lines say it too, with what is stored now
}

// blockedSentences words refused findings, one per line: a licence with
// the picture's name, a withdrawal with the channels it stops (its
// sentence names none), every other finding as the rule words it.
func blockedSentences(look lookups, fs []data.PostFinding) []string {
	var out []string
	withdrawn := map[int64]int{} // person → index in out
	var chans = map[int64][]string{}
	for _, f := range fs {
		switch {
		case f.Reason == data.ReasonWithdrawn:
			if f.ChannelID != 0 {
				chans[f.PersonID] = append(chans[f.PersonID], look.channelName(f.ChannelID))
			}
			if _, ok := withdrawn[f.PersonID]; ok {
				continue
			}
			withdrawn[f.PersonID] = len(out)
			out = append(out, message(f.Message()))
		case f.PersonID == 0 && f.MediaName != "":
			out = append(out, f.MediaName+": "+message(f.Message()))
		default:
			out = append(out, message(f.Message()))
		}
	}
	for id, i := range withdrawn {
		if len(chans[id]) > 0 {
			out[i] += " " + lang.L("(affects {{.Channels}})", map[string]any{"Channels": strings.Join(chans[id], ", ")})
		}
	}
	return out
}
