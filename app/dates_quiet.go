package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

func (s *datesScreen) loadQuietPeriods() {
	now := today()
	ws := s.u.ws
	s.u.run(func(ctx context.Context) func() {
		qs, err := ws.QuietPeriods(ctx)
		// Count the posts planned inside periods that are not over yet:
		// those are the ones someone still has to move or drop.
		inside := map[int64]int{}
		last := now
		for _, q := range qs {
			if q.To.After(last) {
				last = q.To
			}
		}
		if err == nil && len(qs) > 0 {
			var cs []data.QuietConflict
			cs, err = ws.QuietConflicts(ctx, now, last)
			for _, c := range cs {
				inside[c.PeriodID]++
			}
		}
		return func() { s.showQuietPeriods(now, qs, inside, err) }
	})
}

func (s *datesScreen) showQuietPeriods(now calendar.Date, qs []data.QuietPeriod, inside map[int64]int, err error) {
	if err != nil {
		s.u.showError(lang.L("The quiet periods could not be read."), err)
		return
	}
	ro := s.u.ws.ReadOnly()
	var rows []fyne.CanvasObject
	if len(qs) == 0 {
		rows = append(rows, wrapped(lang.L("No quiet periods.")))
	}
	for _, q := range qs {
		warn := ""
		if n := inside[q.ID]; n > 0 && !q.To.Before(now) {
			warn = lang.N("{{.Count}} planned post lies in this period.", n, map[string]any{"Count": n})
		}
		days := q.To.Sub(q.From) + 1
		title := fmt.Sprintf("%s – %s", dayText(q.From), dayText(q.To)) + " (" + lang.N("{{.Count}} day", days, map[string]any{"Count": days}) + ")"
		buttons := editDeleteButtons(ro, func() { s.editQuietPeriod(q) }, func() { s.onDeleteQuietPeriod(q) })
		rows = append(rows, entryRow(nil, title, firstLine(q.Note), warn, q.To.Before(now), buttons))
	}
	s.quiet.Objects = rows
	s.quiet.Refresh()
}

// editQuietPeriod shows the quiet-period form; ID 0 adds a new one.
func (s *datesScreen) editQuietPeriod(q data.QuietPeriod) {
	from, fromBox := s.dateEntry(q.From)
	to, toBox := s.dateEntry(q.To)
	note := widget.NewMultiLineEntry()
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(3)
	note.SetText(q.Note)
	note.SetPlaceHolder(lang.L("e.g. pre-election period before the municipal election: no posts featuring candidates"))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("From"), fromBox),
		widget.NewFormItem(lang.L("To"), toBox),
		widget.NewFormItem(lang.L("Reason"), note),
	)
	title := lang.L("Edit quiet period")
	if q.ID == 0 {
		title = lang.L("New quiet period")
	}
	s.openForm(title, form, fyne.NewSize(560, 330), lang.L("The quiet period could not be saved."), func() (func(context.Context) error, func(), error) {
		x := q
		var err error
		if x.From, err = parseDay(from.Text, lang.L("From")); err != nil {
			return nil, nil, err
		}
		if x.To, err = parseDay(to.Text, lang.L("To")); err != nil {
			return nil, nil, err
		}
		x.Note = note.Text
		ws := s.u.ws
		return func(ctx context.Context) error { return ws.SaveQuietPeriod(ctx, &x) }, func() {
			q = x
			s.loadQuietPeriods()
		}, nil
	})
	s.u.win.Canvas().Focus(from)
}

func (s *datesScreen) onDeleteQuietPeriod(q data.QuietPeriod) {
	ws := s.u.ws
	removeConfirmed(s.u, q.From.String()+" – "+q.To.String(),
		lang.L("The quiet period “{{.Note}}” leaves the list; posts in it are no longer marked.", map[string]any{"Note": firstLine(q.Note)}),
		lang.L("The quiet period could not be deleted."),
		func(ctx context.Context) error { return ws.DeleteQuietPeriod(ctx, q.ID) },
		func(bool) { s.loadQuietPeriods() })
}
