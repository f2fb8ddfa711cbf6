// The editor's sections beside the form: caption templates, per-channel texts, hints and the date picker (media: editor_media.go).

package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data/calendar"
)

// templateSeam is where caption templates will fill the text; until the
// templates exist the button says so instead of doing nothing.
func (e *editor) templateSeam() fyne.CanvasObject {
	b := widget.NewButtonWithIcon(lang.L("Insert from template …"), theme.DocumentIcon(), nil)
	b.Disable()
	note := widget.NewLabel(lang.L("available with the caption templates"))
	note.TextStyle.Italic = true
	return container.NewHBox(b, note)
}

// refreshOverrides shows one text field per chosen channel for a text that
// differs from the main text.
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
		ov, ok := e.overrides[id]
		if !ok {
			ov = newKeyEntry(true, e.onCancel)
			e.overrides[id] = ov
		}
		ov.SetPlaceHolder(lang.L("Own text for {{.Channel}} (empty: the text above)", map[string]any{"Channel": c.Text}))
		objs = append(objs, ov)
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
