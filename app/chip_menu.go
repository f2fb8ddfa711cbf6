package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// onChipMenu is the right click on a chip: everything she does with a post
// (or, on a free series slot, filling it).
func (s *calendarScreen) onChipMenu(c *chip, at fyne.Position) {
	var m *fyne.Menu
	switch {
	case c.info.post != nil:
		m = s.postMenu(*c.info.post)
	case c.info.slot != nil:
		slot := *c.info.slot
		fill := fyne.NewMenuItem(lang.L("Create the post"), func() { s.fillSlot(slot) })
		fill.Disabled = s.u.ws.ReadOnly()
		m = fyne.NewMenu("", fill)
	default:
		return
	}
	widget.ShowPopUpMenuAtPosition(m, s.u.win.Canvas(), at)
}

// postMenu is the menu of one post, for a chip and a row of the list; in a
// read-only workspace the items that write are greyed out.
func (s *calendarScreen) postMenu(post data.Post) *fyne.Menu {
	ro := s.u.ws.ReadOnly()
	open := fyne.NewMenuItem(lang.L("Open"), func() { s.openPost(post.ID) })
	posting := fyne.NewMenuItem(lang.L("Post …"), func() { openPosting(s.u, post, s.afterChange) })
	copyText := fyne.NewMenuItem(lang.L("Copy text"), func() { copyFinalText(s.u, post.ID) })
	status := fyne.NewMenuItem(lang.L("Change status"), nil)
	status.ChildMenu = s.statusMenu(post)
	move := fyne.NewMenuItem(lang.L("Move to …"), func() { s.askMoveDate(post) })
	dup := fyne.NewMenuItem(lang.L("Duplicate"), func() { s.duplicate(post.ID) })
	del := fyne.NewMenuItem(lang.L("Delete …"), func() { s.confirmDelete(post) })
	status.Disabled, move.Disabled, dup.Disabled, del.Disabled = ro, ro, ro, ro
	return fyne.NewMenu("", open, posting, copyText, fyne.NewMenuItemSeparator(),
		status, move, dup, fyne.NewMenuItemSeparator(), del)
}

// statusMenu offers the statuses a post with a date can have; its own is
// ticked. An idea (no date) is made in the editor, by removing the date.
func (s *calendarScreen) statusMenu(post data.Post) *fyne.Menu {
	var items []*fyne.MenuItem
	for _, st := range data.Statuses() {
		if st == data.StatusIdea && post.Date != nil || st != data.StatusIdea && st != data.StatusDiscarded && post.Date == nil {
			continue
		}
		to := st
		it := fyne.NewMenuItem(statusName(st), func() { s.setStatus(post.ID, to) })
		it.Checked = st == post.Status
		items = append(items, it)
	}
	return fyne.NewMenu("", items...)
}

// setStatus stores a post's new status; the data layer refuses what may
// not be (Freigegeben with a blocking problem) and its reason is shown.
func (s *calendarScreen) setStatus(id int64, st data.Status) {
	s.u.do(func(ws *data.Workspace, ctx context.Context) error {
		p, err := ws.Post(ctx, id)
		if err != nil || p.Status == st {
			return err
		}
		p.Status = st
		return ws.UpdatePost(ctx, &p)
	}, func(err error) {
		if err != nil {
			s.statusRefused(st, err)
			return
		}
		s.selPost = id
		s.afterChange()
	})
}

// statusRefused explains why the status was not changed: a rule's refusal
// with its own sentence and where to look, anything else as an error.
func (s *calendarScreen) statusRefused(st data.Status, err error) {
	var ce *data.ClearanceError
	var re *data.ReviewError
	var inv *data.InvalidError
	if !errors.As(err, &ce) && !errors.As(err, &re) && !errors.As(err, &inv) {
		s.u.showError(lang.L("The status could not be changed."), err)
		return
	}
	title := lang.L("Cannot be approved")
	switch {
	case inv != nil:
		title = lang.L("Please check")
	case st == data.StatusPublished:
		title = lang.L("Cannot be marked as published")
	}
	msg := explain(err)
	if inv == nil {
		msg += "\n\n" + lang.L("Open the post to see every check before posting.")
	}
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, lang.L("OK"), l, s.u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// askMoveDate asks for the day to move a post to: typed, or stepped by
// a day or a week from the one shown; the weekday of what is typed is said
// at once, and the post keeps its time.
func (s *calendarScreen) askMoveDate(post data.Post) {
	start := today()
	if post.Date != nil {
		start = *post.Date
	}
	e := widget.NewEntry()
	e.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	said := widget.NewLabel("")
	e.OnChanged = func(text string) {
		said.Importance = widget.MediumImportance
		if d, err := moveDay(text); err != nil {
			said.Importance = widget.DangerImportance
			said.SetText(err.Error())
		} else {
			said.SetText(weekdayName(d.Weekday()) + ", " + d.String())
		}
	}
	e.SetText(start.String())
	step := func(label string, days int) *widget.Button {
		return widget.NewButton(label, func() {
			if d, err := moveDay(e.Text); err == nil {
				e.SetText(d.AddDays(days).String())
			}
		})
	}
	var d *dialog.CustomDialog
	submit := func() {
		day, err := moveDay(e.Text)
		if err != nil {
			return // the line below the field says what is wrong
		}
		d.Hide()
		if post.Date == nil || day != *post.Date {
			s.moveTo(post.ID, day)
		}
	}
	e.OnSubmitted = func(string) { submit() }
	intro := widget.NewLabel(lang.L("Move “{{.Title}}” to:", map[string]any{"Title": post.Title}))
	intro.Wrapping = fyne.TextWrapWord
	steps := container.NewHBox(step(lang.L("1 day earlier"), -1), step(lang.L("1 day later"), 1), step(lang.L("1 week later"), 7))
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	ok := widget.NewButton(lang.L("Move"), submit)
	ok.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Move to …"), container.NewVBox(intro, e, said, steps), s.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	s.u.win.Canvas().Focus(e)
}

// moveDay reads the day typed into the move dialog.
func moveDay(text string) (calendar.Date, error) {
	d, err := calendar.ParseDate(strings.TrimSpace(text))
	switch {
	case err != nil:
		return d, errors.New(lang.L("Please write the date as 27.11.2026."))
	case d.Year < data.MinYear || d.Year > data.MaxYear:
		return d, errors.New(lang.L("The date must lie between {{.Min}} and {{.Max}}.", map[string]any{"Min": data.MinYear, "Max": data.MaxYear}))
	}
	return d, nil
}
