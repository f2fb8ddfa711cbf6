package app

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// How far the own dates are listed around today: a date just passed is
// still worth a look back, two years ahead covers any planning horizon.
const (
	ownDatesBack  = 30
	ownDatesAhead = 730
	// previewDays is how far the series form looks ahead for its preview.
	previewDays = 8 * 7
)

// datesScreen edits what plans the calendar beyond single posts: series,
// the authority's own dates, quiet periods, and (on a tab of its own) the
// action-day list. Public holidays are computed from the Bundesland and
// need no editing.
type datesScreen struct {
	u       *UI
	content fyne.CanvasObject

	series    *fyne.Container
	own       *fyne.Container
	quiet     *fyne.Container
	addSeries *widget.Button
	addOwn    *widget.Button
	addQuiet  *widget.Button

	// actions is the action-day table, a settings tab of its own.
	actions *actionTable
}

// newDatesScreen builds the screen and fills it from the open workspace.
func newDatesScreen(u *UI) *datesScreen {
	s := &datesScreen{u: u}

	s.series = container.NewVBox()
	s.addSeries = widget.NewButtonWithIcon(lang.L("Add series"), theme.ContentAddIcon(), func() { s.editSeries(newSeriesDefaults()) })
	series := section(lang.L("Series"),
		lang.L("Recurring formats such as “Azubi-Dienstag”. A series shows as slots in the calendar; filling a slot makes a draft post with the series' text. Changing a series moves only its open slots, never posts already made from it."),
		container.NewVBox(s.series, container.NewHBox(s.addSeries)))

	s.own = container.NewVBox()
	s.addOwn = widget.NewButtonWithIcon(lang.L("Add date"), theme.ContentAddIcon(), func() { s.editOwnDate(data.OwnDate{}) })
	own := section(lang.L("Own dates"),
		lang.L("Your authority's dates that give a reason to post: open day, council meetings, the end of a participation procedure. With a reminder, the calendar tells you in time to plan. Shown: the last 30 days and the next two years."),
		container.NewVBox(s.own, container.NewHBox(s.addOwn)))

	s.quiet = container.NewVBox()
	s.addQuiet = widget.NewButtonWithIcon(lang.L("Add quiet period"), theme.ContentAddIcon(), func() { s.editQuietPeriod(data.QuietPeriod{}) })
	quiet := section(lang.L("Quiet periods"),
		lang.L("Days on which nothing may go out, such as the pre-election period or state mourning. Posts planned inside one are marked with its note, so the neutrality duty is kept."),
		container.NewVBox(s.quiet, container.NewHBox(s.addQuiet)))

	s.actions = newActionTable(u)

	if u.ws.ReadOnly() {
		s.addSeries.Disable()
		s.addOwn.Disable()
		s.addQuiet.Disable()
	}
	body := container.NewVBox(series, own, quiet)
	s.content = container.NewVScroll(container.NewPadded(narrow(980, body)))
	s.load()
	return s
}

// load fills every part of the screen from the workspace.
func (s *datesScreen) load() {
	s.loadSeries()
	s.loadOwnDates()
	s.loadQuietPeriods()
	s.actions.load()
}

// dayText is a date with its weekday, "Di 24.03.2026".
func dayText(d calendar.Date) string { return weekdayShort(d.Weekday()) + " " + d.String() }

// entryRow is one line of a list on this screen: something on the left (a
// topic colour), a bold title, a detail line, an optional warning, and the
// buttons. Past entries are set in italics; faint text would be hard to
// read on an office screen.
func entryRow(lead fyne.CanvasObject, title, detail, warning string, past bool, buttons fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: !past, Italic: past})
	t.Truncation = fyne.TextTruncateEllipsis
	lines := []fyne.CanvasObject{t}
	if detail != "" {
		d := widget.NewLabelWithStyle(detail, fyne.TextAlignLeading, fyne.TextStyle{Italic: past})
		d.Truncation = fyne.TextTruncateEllipsis
		lines = append(lines, d)
	}
	if warning != "" {
		w := widget.NewLabel("⚠ " + warning)
		w.Wrapping = fyne.TextWrapWord
		w.Importance = widget.WarningImportance
		lines = append(lines, w)
	}
	return container.NewBorder(nil, nil, lead, buttons, container.NewVBox(lines...))
}

// editDeleteButtons are a row's Edit and Delete buttons, both off while
// the workspace is read-only.
func editDeleteButtons(ro bool, edit, del func()) fyne.CanvasObject {
	e := widget.NewButtonWithIcon(lang.L("Edit …"), theme.DocumentCreateIcon(), edit)
	d := removeButton(del)
	if ro {
		e.Disable()
		d.Disable()
	}
	return container.NewHBox(e, d)
}

// openForm shows body in a dialog with Cancel and Save. Save runs save,
// which checks the form and returns the write; the write runs in the
// background, then saved runs and the dialog closes;
// the dialog closes when it succeeds and otherwise stays open with
// everything typed, the problem shown on top of it.
func (s *datesScreen) openForm(title string, body fyne.CanvasObject, size fyne.Size, failed string, save func() (write func(context.Context) error, saved func(), err error)) *dialog.CustomDialog {
	return s.u.openForm(title, body, size, failed, save)
}

// openForm is datesScreen.openForm for any settings form.
func (u *UI) openForm(title string, body fyne.CanvasObject, size fyne.Size, failed string, save func() (write func(context.Context) error, saved func(), err error)) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, container.NewVScroll(body), u.win)
	saveB := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), nil)
	saveB.Importance = widget.HighImportance
	saveB.OnTapped = func() {
		write, saved, err := save()
		if err != nil {
			u.showProblem(failed, err)
			return
		}
		saveB.Disable() // one save at a time
		u.run(func(ctx context.Context) func() {
			err := write(ctx)
			return func() {
				saveB.Enable()
				if err != nil {
					u.showProblem(failed, err)
					return
				}
				saved()
				d.Hide()
			}
		})
	}
	if u.ws.ReadOnly() {
		saveB.Disable()
	}
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.Hide), saveB})
	d.Resize(size)
	d.Show()
	return d
}

// showProblem explains bad input as something to check, and any other
// failure as an error with what was being done.
func (u *UI) showProblem(failed string, err error) {
	var inv *data.InvalidError
	if errors.As(err, &inv) {
		dialog.ShowInformation(lang.L("Please check"), explain(err), u.win)
		return
	}
	u.showError(failed, err)
}

// dateEntry is a date field with a button that opens a month calendar.
func (s *datesScreen) dateEntry(d calendar.Date) (*widget.Entry, fyne.CanvasObject) {
	e := widget.NewEntry()
	e.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	if !d.IsZero() {
		e.SetText(d.String())
	}
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), func() {
		start := today()
		if d, err := calendar.ParseDate(e.Text); err == nil {
			start = d
		}
		var pop *widget.PopUp
		c := widget.NewCalendar(start.Time(nil), func(t time.Time) {
			e.SetText(calendar.FromTime(t).String())
			pop.Hide()
		})
		pop = widget.NewModalPopUp(container.NewBorder(nil, widget.NewButton(lang.L("Cancel"), func() { pop.Hide() }), nil, nil, c), s.u.win.Canvas())
		pop.Show()
	})
	return e, container.NewBorder(nil, nil, nil, pick, e)
}

// parseDay reads a date field; empty gives the zero date, bad input a
// message that names the field.
func parseDay(text, field string) (calendar.Date, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return calendar.Date{}, nil
	}
	d, err := calendar.ParseDate(text)
	if err != nil {
		return d, &data.InvalidError{Field: "date", Message: "{{.Field}}: the date “{{.Value}}” is not valid; please write it like 01.12.2026.",
			Args: map[string]any{"Field": field, "Value": text}}
	}
	if d.Year < data.MinYear || d.Year > data.MaxYear {
		return d, &data.InvalidError{Field: "date", Message: "The date must lie between {{.Min}} and {{.Max}}.",
			Args: map[string]any{"Min": data.MinYear, "Max": data.MaxYear}}
	}
	return d, nil
}

// parseWhole reads a whole number field; empty gives def.
func parseWhole(text string, def int) (int, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return def, true
	}
	n, err := strconv.Atoi(text)
	return n, err == nil
}

// --- Series ---
