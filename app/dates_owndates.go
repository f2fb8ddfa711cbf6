package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

func (s *datesScreen) loadOwnDates() {
	now := today()
	fetch(s.u, func(ws *data.Workspace, ctx context.Context) ([]data.OwnDate, error) {
		return ws.OwnDates(ctx, now.AddDays(-ownDatesBack), now.AddDays(ownDatesAhead))
	}, func(ds []data.OwnDate, err error) { s.showOwnDates(now, ds, err) })
}

func (s *datesScreen) showOwnDates(now calendar.Date, ds []data.OwnDate, err error) {
	if err != nil {
		s.u.showError(lang.L("The dates could not be read."), err)
		return
	}
	ro := s.u.ws.ReadOnly()
	var rows []fyne.CanvasObject
	if len(ds) == 0 {
		rows = append(rows, wrapped(lang.L("No own dates yet, e.g. open day, council meetings or the end of a comment period.")))
	}
	for _, d := range ds {
		var detail []string
		if d.LeadDays > 0 {
			detail = append(detail, lang.N("Reminder {{.Count}} day before ({{.Date}})", d.LeadDays,
				map[string]any{"Count": d.LeadDays, "Date": dayText(d.Date.AddDays(-d.LeadDays))}))
		}
		if d.Note != "" {
			detail = append(detail, firstLine(d.Note))
		}
		buttons := editDeleteButtons(ro, func() { s.editOwnDate(d) }, func() { s.onDeleteOwnDate(d) })
		rows = append(rows, entryRow(nil, dayText(d.Date)+" – "+d.Name, strings.Join(detail, " · "), "", d.Date.Before(now), buttons))
	}
	s.own.Objects = rows
	s.own.Refresh()
}

// editOwnDate shows the date form; ID 0 adds a new date.
func (s *datesScreen) editOwnDate(d data.OwnDate) {
	date, dateBox := s.dateEntry(d.Date)
	name := widget.NewEntry()
	name.SetText(d.Name)
	name.SetPlaceHolder(lang.L("e.g. Tag der offenen Tür"))
	note := widget.NewEntry()
	note.SetText(d.Note)
	note.SetPlaceHolder(lang.L("e.g. invite the press, book the photographer"))
	lead := widget.NewEntry()
	if d.LeadDays > 0 {
		lead.SetText(strconv.Itoa(d.LeadDays))
	}
	lead.SetPlaceHolder(lang.L("no reminder"))
	leadItem := widget.NewFormItem(lang.L("Reminder (days before)"), lead)
	leadItem.HintText = lang.L("e.g. 14 = plan 2 weeks ahead; empty = no reminder")
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Date"), dateBox),
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Hint"), note),
		leadItem,
	)
	title := lang.L("Edit date")
	if d.ID == 0 {
		title = lang.L("New date")
	}
	s.openForm(title, form, fyne.NewSize(560, 330), lang.L("The date could not be saved."), func() (func(context.Context) error, func(), error) {
		x := d
		var err error
		if x.Date, err = parseDay(date.Text, lang.L("Date")); err != nil {
			return nil, nil, err
		}
		if x.Date.IsZero() {
			return nil, nil, &data.InvalidError{Field: "date", Message: "Please enter the date, e.g. 01.12.2026."}
		}
		n, ok := parseWhole(lead.Text, 0)
		if !ok {
			return nil, nil, &data.InvalidError{Field: "lead", Message: "The reminder must lie between 0 and {{.Max}} days before the date.", Args: map[string]any{"Max": data.MaxLeadDays}}
		}
		x.Name, x.Note, x.LeadDays = name.Text, note.Text, n
		ws := s.u.ws
		return func(ctx context.Context) error { return ws.SaveOwnDate(ctx, &x) }, func() {
			d = x
			s.loadOwnDates()
		}, nil
	})
	s.u.win.Canvas().Focus(date)
}

func (s *datesScreen) onDeleteOwnDate(d data.OwnDate) {
	ws := s.u.ws
	removeConfirmed(s.u, d.Name+", "+d.Date.String(), lang.L("The date leaves the list and the calendar."),
		lang.L("The date could not be deleted."),
		func(ctx context.Context) error { return ws.DeleteOwnDate(ctx, d.ID) },
		func(bool) { s.loadOwnDates() })
}

// --- Quiet periods ---
