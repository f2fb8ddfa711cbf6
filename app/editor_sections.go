// The editor's sections beside the form: per-channel texts, hints and the date picker (media: editor_media.go; templates: editor_templates.go).

package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data/calendar"
)

// overrideEntry is channel id's own text field, made on first use; the
// preview and the checks follow it like the main text.
func (e *editor) overrideEntry(id int64) *keyEntry {
	if ov, ok := e.overrides[id]; ok {
		return ov
	}
	ov := newKeyEntry(true, e.onCancel)
	e.watchText(ov)
	e.overrides[id] = ov
	return ov
}

// refreshOverrides shows one text field per chosen channel for a text that
// differs from the main text, each with its own counter.
func (e *editor) refreshOverrides() {
	if e.overrideBox == nil {
		return
	}
	var objs []fyne.CanvasObject
	for i, c := range e.channels {
		if !c.Checked {
			continue
		}
		id := e.chanIDs[i]
		ov := e.overrideEntry(id)
		ov.SetPlaceHolder(lang.L("Own text for {{.Channel}} (empty: the text above)", map[string]any{"Channel": c.Text}))
		objs = append(objs, ov)
		if cl := e.ownCounter(id); cl != nil {
			objs = append(objs, cl.box)
		}
	}
	if len(objs) == 0 {
		objs = append(objs, wrapped(lang.L("Choose channels above; each can get its own text here.")))
	}
	e.overrideBox.Objects = objs
	e.overrideBox.Refresh()
}

// showHints tells about a DST choice or a quiet period for the post.
func (e *editor) showHints() {
	var hints []string
	if _, note, ok := e.post.When(); ok && !note.IsZero() {
		hints = append(hints, message(note))
	}
	if e.post.Date != nil && e.post.ID != 0 {
		for _, c := range e.quiet {
			if c.PostID == e.post.ID {
				hints = append(hints, lang.L("Quiet period: {{.Note}}", map[string]any{"Note": c.Note}))
			}
		}
	}
	if len(hints) == 0 {
		e.hint.Hide()
		return
	}
	e.hint.SetText(strings.Join(hints, "\n"))
	e.hint.Show()
}

func (e *editor) onPickDate() {
	start := today()
	if d, err := calendar.ParseDate(e.date.Text); err == nil {
		start = d
	}
	var pop *widget.PopUp
	c := widget.NewCalendar(start.Time(nil), func(t time.Time) {
		e.date.SetText(calendar.FromTime(t).String())
		e.idea.SetChecked(false)
		pop.Hide()
	})
	pop = widget.NewModalPopUp(container.NewBorder(nil, widget.NewButton(lang.L("Cancel"), func() { pop.Hide() }), nil, nil, c), e.u.win.Canvas())
	pop.Show()
}

// escCheck is a tick box that hands Esc on: Fyne gives a tick box the
// keyboard when it is clicked, and a focused widget.Check drops Esc, so
// after ticking a channel Esc would no longer close the editor.
type escCheck struct {
	widget.Check
	onEsc func()
}

func newEscCheck(label string, changed func(bool), onEsc func()) *escCheck {
	c := &escCheck{onEsc: onEsc}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey runs onEsc for Esc; the tick box keeps Space.
func (c *escCheck) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && c.onEsc != nil {
		c.onEsc()
		return
	}
	c.Check.TypedKey(ev)
}

// escSelect is a choice that hands Esc on, as escCheck does: a clicked
// widget.Select keeps the keyboard and drops Esc.
type escSelect struct {
	widget.Select
	onEsc func()
}

func newEscSelect(options []string, changed func(string), onEsc func()) *escSelect {
	s := &escSelect{onEsc: onEsc}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey runs onEsc for Esc; the arrows and Space stay the choice's.
func (s *escSelect) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && s.onEsc != nil {
		s.onEsc()
		return
	}
	s.Select.TypedKey(ev)
}
