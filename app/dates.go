package app

import (
	"context"
	"errors"
	"fmt"
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
	// maxActionErrors is how many bad lines of the action-day list are
	// shown; the rest are counted.
	maxActionErrors = 30
)

// datesScreen edits what plans the calendar beyond single posts: series,
// the authority's own dates, quiet periods and the action-day list. Public
// holidays are computed from the Bundesland and need no editing.
type datesScreen struct {
	u       *UI
	content fyne.CanvasObject

	series    *fyne.Container
	own       *fyne.Container
	quiet     *fyne.Container
	addSeries *widget.Button
	addOwn    *widget.Button
	addQuiet  *widget.Button

	actionText   *widget.Entry
	actionSave   *widget.Button
	actionReset  *widget.Button
	actionInfo   *widget.Label
	actionErrors *widget.Label
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

	s.actionText = widget.NewMultiLineEntry()
	s.actionText.TextStyle = fyne.TextStyle{Monospace: true}
	s.actionText.Wrapping = fyne.TextWrapOff
	s.actionText.SetMinRowsVisible(14)
	s.actionSave = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.onSaveActionDays)
	s.actionSave.Importance = widget.HighImportance
	s.actionReset = widget.NewButtonWithIcon(lang.L("Restore the default list …"), theme.HistoryIcon(), s.onResetActionDays)
	s.actionInfo = widget.NewLabel("")
	s.actionErrors = widget.NewLabel("")
	s.actionErrors.Wrapping = fyne.TextWrapWord
	s.actionErrors.Importance = widget.WarningImportance
	s.actionErrors.Hide()
	actions := section(lang.L("Action days"),
		lang.L("Awareness and action days the calendar shows, e.g. Girls'Day or Tag des offenen Denkmals. One line per day: date | name | optional hint. The date is 08.03. (every year), a rule such as 2. So im September or letzter Mi im April, or 23.04.2026 (that year only). Lines starting with # are comments."),
		container.NewVBox(s.actionText, s.actionErrors,
			container.NewBorder(nil, nil, nil, container.NewHBox(s.actionReset, s.actionSave), s.actionInfo)))

	if u.ws.ReadOnly() {
		s.addSeries.Disable()
		s.addOwn.Disable()
		s.addQuiet.Disable()
		s.actionText.Disable()
		s.actionSave.Disable()
		s.actionReset.Disable()
	}
	body := container.NewVBox(series, own, quiet, actions)
	s.content = container.NewVScroll(container.NewPadded(narrow(980, body)))
	s.load()
	return s
}

// load fills every part of the screen from the workspace.
func (s *datesScreen) load() {
	s.loadSeries()
	s.loadOwnDates()
	s.loadQuietPeriods()
	s.loadActionDays()
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
	e := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), edit)
	d := widget.NewButtonWithIcon(lang.L("Delete …"), theme.DeleteIcon(), del)
	if ro {
		e.Disable()
		d.Disable()
	}
	return container.NewHBox(e, d)
}

// openForm shows body in a dialog with Cancel and Save. Save runs save;
// the dialog closes when it succeeds and otherwise stays open with
// everything typed, the problem shown on top of it.
func (s *datesScreen) openForm(title string, body fyne.CanvasObject, size fyne.Size, failed string, save func() error) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, container.NewVScroll(body), s.u.win)
	saveB := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), nil)
	saveB.Importance = widget.HighImportance
	saveB.OnTapped = func() {
		if err := save(); err != nil {
			s.showProblem(failed, err)
			return
		}
		d.Hide()
	}
	if s.u.ws.ReadOnly() {
		saveB.Disable()
	}
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.Hide), saveB})
	d.Resize(size)
	d.Show()
	return d
}

// showProblem explains bad input as something to check, and any other
// failure as an error with what was being done.
func (s *datesScreen) showProblem(failed string, err error) {
	var inv *data.InvalidError
	if errors.As(err, &inv) {
		dialog.ShowInformation(lang.L("Please check"), explain(err), s.u.win)
		return
	}
	s.u.showError(failed, err)
}

// dateEntry is a date field with a button that opens a month calendar.
func (s *datesScreen) dateEntry(d calendar.Date) (*widget.Entry, fyne.CanvasObject) {
	e := widget.NewEntry()
	e.SetPlaceHolder("01.12.2026")
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

// newSeriesDefaults is what the form offers for a new series: weekly on
// today's weekday at 10:00 from today.
func newSeriesDefaults() data.Series {
	d := today()
	return data.Series{Rule: calendar.Recurrence{Kind: calendar.Weekly, Interval: 1, Weekday: d.Weekday(), Start: d, Hour: 10}}
}

func (s *datesScreen) loadSeries() {
	ctx := context.Background()
	all, err := s.u.ws.Series(ctx)
	var look lookups
	if err == nil {
		look, err = loadLookups(ctx, s.u.ws)
	}
	if err != nil {
		s.u.showError(lang.L("The series could not be read."), err)
		return
	}
	ro := s.u.ws.ReadOnly()
	var rows []fyne.CanvasObject
	if len(all) == 0 {
		rows = append(rows, wrapped(lang.L("No series yet. A series places slots in the calendar, e.g. every Tuesday at 10:00 for “Azubi-Dienstag”.")))
	}
	now := today()
	for _, sr := range all {
		colour := ""
		detail := []string{sr.Rule.String()}
		if names := channelNames(look, sr.Channels); names != "" {
			detail = append(detail, names)
		}
		if t, ok := look.topicByID[sr.TopicID]; ok {
			colour = t.Color
			detail = append(detail, t.Name)
		}
		span, over := seriesSpan(sr.Rule, now)
		detail = append(detail, span)
		buttons := editDeleteButtons(ro, func() { s.editSeries(sr) }, func() { s.onDeleteSeries(sr) })
		rows = append(rows, entryRow(swatch(colour), sr.Title, strings.Join(detail, " · "), "", over, buttons))
	}
	s.series.Objects = rows
	s.series.Refresh()
}

// channelNames lists channels by name in the given order; deleted ones
// are left out.
func channelNames(look lookups, ids []int64) string {
	var names []string
	for _, id := range ids {
		if c, ok := look.channelByID[id]; ok {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, ", ")
}

// seriesSpan says from when to when a series runs and whether it is over.
func seriesSpan(r calendar.Recurrence, now calendar.Date) (string, bool) {
	text := lang.L("From {{.Date}}", map[string]any{"Date": r.Start.String()})
	if r.End != nil {
		text = r.Start.String() + " – " + r.End.String()
	}
	if r.Count > 0 {
		text += ", " + lang.N("at most {{.Count}} date", r.Count, map[string]any{"Count": r.Count})
	}
	over := false
	switch {
	case r.End != nil && r.End.Before(now):
		over = true
	case r.Count > 0:
		over = len(r.Occurrences(now, calendar.Date{Year: data.MaxYear, Month: time.December, Day: 31})) == 0
	}
	if over {
		text += " · " + lang.L("ended")
	}
	return text, over
}

func (s *datesScreen) onDeleteSeries(sr data.Series) {
	s.u.confirmDelete(lang.L("Delete series?"),
		lang.L("Delete the series “{{.Title}}”? Its open slots disappear from the calendar. Posts already made from it stay in the plan as ordinary posts.",
			map[string]any{"Title": sr.Title}),
		lang.L("The series could not be deleted."),
		func() error { return s.u.ws.DeleteSeries(context.Background(), sr.ID) },
		func(bool) { s.loadSeries() })
}

// seriesForm is the dialog that edits a series, with a live preview of
// the next dates.
type seriesForm struct {
	s      *datesScreen
	series data.Series
	look   lookups

	form         *widget.Form
	title        *widget.Entry
	kind         *widget.Select
	weekday      *widget.Select
	interval     *widget.Entry
	intervalItem *widget.FormItem
	nth          *widget.Select
	clock        *widget.Entry
	start        *widget.Entry
	end          *widget.Entry
	count        *widget.Entry
	channels     []*widget.Check
	chanIDs      []int64
	topic        *widget.Select
	caption      *widget.Entry
	notes        *widget.Entry
	preview      *widget.Label
}

// weekdaysMondayFirst are the weekdays in the order of a German calendar.
var weekdaysMondayFirst = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func weekdayName(d time.Weekday) string {
	names := []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	return lang.L(names[d])
}

// editSeries shows the series form; ID 0 adds a new series.
func (s *datesScreen) editSeries(sr data.Series) *seriesForm {
	look, err := loadLookups(context.Background(), s.u.ws)
	if err != nil {
		s.u.showError(lang.L("The series could not be opened."), err)
		return nil
	}
	f := &seriesForm{s: s, series: sr, look: look}
	r := sr.Rule

	f.title = widget.NewEntry()
	f.title.SetText(sr.Title)
	f.title.SetPlaceHolder(lang.L("e.g. Azubi-Dienstag"))
	f.kind = widget.NewSelect([]string{lang.L("weekly"), lang.L("monthly (nth weekday)")}, nil)
	if r.Kind == calendar.MonthlyNth {
		f.kind.SetSelectedIndex(1)
	} else {
		f.kind.SetSelectedIndex(0)
	}
	var days []string
	for _, d := range weekdaysMondayFirst {
		days = append(days, weekdayName(d))
	}
	f.weekday = widget.NewSelect(days, nil)
	f.weekday.SetSelectedIndex((int(r.Weekday) + 6) % 7)
	f.interval = widget.NewEntry()
	f.interval.SetText(strconv.Itoa(max(r.Interval, 1)))
	f.nth = widget.NewSelect([]string{lang.L("1st"), lang.L("2nd"), lang.L("3rd"), lang.L("4th"), lang.L("5th"), lang.L("last")}, nil)
	switch {
	case r.Nth == -1:
		f.nth.SetSelectedIndex(5)
	case r.Nth >= 1 && r.Nth <= 5:
		f.nth.SetSelectedIndex(r.Nth - 1)
	default:
		f.nth.SetSelectedIndex(0)
	}
	f.clock = widget.NewEntry()
	f.clock.SetText(data.Clock{Hour: r.Hour, Minute: r.Minute}.String())
	f.clock.SetPlaceHolder("10:00")
	var startBox, endBox fyne.CanvasObject
	f.start, startBox = s.dateEntry(r.Start)
	var end calendar.Date
	if r.End != nil {
		end = *r.End
	}
	f.end, endBox = s.dateEntry(end)
	f.end.SetPlaceHolder(lang.L("optional"))
	f.count = widget.NewEntry()
	if r.Count > 0 {
		f.count.SetText(strconv.Itoa(r.Count))
	}
	f.count.SetPlaceHolder(lang.L("optional"))

	// Channels: the active ones, plus disabled ones the series still uses,
	// so nothing silently drops off when it is saved.
	has := map[int64]bool{}
	for _, id := range sr.Channels {
		has[id] = true
	}
	var checks []fyne.CanvasObject
	for _, c := range look.channels {
		if c.Disabled && !has[c.ID] {
			continue
		}
		ch := widget.NewCheck(c.Name, nil)
		ch.Checked = has[c.ID]
		f.channels = append(f.channels, ch)
		f.chanIDs = append(f.chanIDs, c.ID)
		checks = append(checks, ch)
	}
	var chanBox fyne.CanvasObject = container.NewGridWrap(fyne.NewSize(170, f.title.MinSize().Height), checks...)
	if len(checks) == 0 {
		chanBox = wrapped(lang.L("No active channels. Add them in the settings."))
	}
	topics := []string{lang.L("(no topic)")}
	for _, t := range look.topics {
		topics = append(topics, t.Name)
	}
	f.topic = widget.NewSelect(topics, nil)
	f.topic.SetSelectedIndex(0)
	for i, t := range look.topics {
		if t.ID == sr.TopicID {
			f.topic.SetSelectedIndex(i + 1)
		}
	}
	f.caption = widget.NewMultiLineEntry()
	f.caption.Wrapping = fyne.TextWrapWord
	f.caption.SetMinRowsVisible(4)
	f.caption.SetText(sr.Caption)
	f.caption.SetPlaceHolder(lang.L("Copied into every post made from the series, e.g. a fixed hashtag line."))
	f.notes = widget.NewMultiLineEntry()
	f.notes.Wrapping = fyne.TextWrapWord
	f.notes.SetMinRowsVisible(2)
	f.notes.SetText(sr.Notes)
	f.notes.SetPlaceHolder(lang.L("For colleagues: approval by, consent, what is still missing …"))
	f.preview = widget.NewLabel("")
	f.preview.Wrapping = fyne.TextWrapWord

	f.intervalItem = widget.NewFormItem(lang.L("Every N weeks"), f.interval)
	countItem := widget.NewFormItem(lang.L("Number of dates"), f.count)
	countItem.HintText = lang.L("Leave end and number empty for a series without end.")
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Title"), f.title),
		widget.NewFormItem(lang.L("Repeats"), f.kind),
		widget.NewFormItem(lang.L("Weekday"), f.weekday),
		f.intervalItem,
		widget.NewFormItem(lang.L("Nth weekday"), f.nth),
		widget.NewFormItem(lang.L("Time"), f.clock),
		widget.NewFormItem(lang.L("Start"), startBox),
		widget.NewFormItem(lang.L("End"), endBox),
		countItem,
		widget.NewFormItem(lang.L("Preview"), f.preview),
		widget.NewFormItem(lang.L("Channels"), chanBox),
		widget.NewFormItem(lang.L("Topic"), f.topic),
		widget.NewFormItem(lang.L("Text"), f.caption),
		widget.NewFormItem(lang.L("Notes"), f.notes),
	)
	f.onKind()
	// The callbacks come last so filling the fields does not run them.
	f.kind.OnChanged = func(string) { f.onKind() }
	for _, sel := range []*widget.Select{f.weekday, f.nth} {
		sel.OnChanged = func(string) { f.updatePreview() }
	}
	for _, e := range []*widget.Entry{f.interval, f.clock, f.start, f.end, f.count} {
		e.OnChanged = func(string) { f.updatePreview() }
	}

	var body fyne.CanvasObject = f.form
	if sr.ID != 0 {
		note := wrapped(lang.L("Changes move only the open slots; posts already made from the series stay as they are."))
		note.TextStyle = fyne.TextStyle{Italic: true}
		body = container.NewVBox(note, f.form)
	}
	title := lang.L("Edit series")
	if sr.ID == 0 {
		title = lang.L("New series")
	}
	s.openForm(title, body, fyne.NewSize(720, 640), lang.L("The series could not be saved."), f.onSave)
	s.u.win.Canvas().Focus(f.title)
	return f
}

// onKind switches the form between weekly and monthly: the interval
// counts weeks or months, the nth weekday only matters monthly.
func (f *seriesForm) onKind() {
	if f.kind.SelectedIndex() == 1 {
		f.intervalItem.Text = lang.L("Every N months")
		f.nth.Enable()
	} else {
		f.intervalItem.Text = lang.L("Every N weeks")
		f.nth.Disable()
	}
	f.form.Refresh()
	f.updatePreview()
}

// rule reads the repetition fields, with a message for bad input.
func (f *seriesForm) rule() (calendar.Recurrence, error) {
	var r calendar.Recurrence
	switch f.kind.SelectedIndex() {
	case 0:
		r.Kind = calendar.Weekly
	case 1:
		r.Kind = calendar.MonthlyNth
	default:
		return r, &data.InvalidError{Field: "repeat", Message: "Please choose how the series repeats: weekly or monthly."}
	}
	i := f.weekday.SelectedIndex()
	if i < 0 {
		return r, &data.InvalidError{Field: "weekday", Message: "Please choose a weekday."}
	}
	r.Weekday = weekdaysMondayFirst[i]
	n, ok := parseWhole(f.interval.Text, 1)
	if !ok || n < 1 || n > data.MaxSeriesInterval {
		return r, &data.InvalidError{Field: "interval", Message: "The interval must be between 1 and {{.Max}}.", Args: map[string]any{"Max": data.MaxSeriesInterval}}
	}
	r.Interval = n
	if r.Kind == calendar.MonthlyNth {
		switch i := f.nth.SelectedIndex(); {
		case i < 0:
			return r, &data.InvalidError{Field: "nth", Message: "Please choose the 1st to 5th or the last weekday of the month."}
		case i == 5:
			r.Nth = -1
		default:
			r.Nth = i + 1
		}
	}
	c, err := data.ParseClock(f.clock.Text)
	if err != nil {
		return r, err
	}
	r.Hour, r.Minute = c.Hour, c.Minute
	if r.Start, err = parseDay(f.start.Text, lang.L("Start")); err != nil {
		return r, err
	}
	if r.Start.IsZero() {
		return r, &data.InvalidError{Field: "start", Message: "Please give the series a start date."}
	}
	end, err := parseDay(f.end.Text, lang.L("End"))
	if err != nil {
		return r, err
	}
	if !end.IsZero() {
		if end.Before(r.Start) {
			return r, &data.InvalidError{Field: "end", Message: "The series ends before it starts."}
		}
		r.End = &end
	}
	n, ok = parseWhole(f.count.Text, 0)
	if !ok || n < 0 || n > data.MaxSeriesCount {
		return r, &data.InvalidError{Field: "count", Message: "The number of dates must be between 0 and {{.Max}}.", Args: map[string]any{"Max": data.MaxSeriesCount}}
	}
	r.Count = n
	return r, nil
}

// updatePreview describes the rule as typed and lists its next dates, or
// says what is wrong with it.
func (f *seriesForm) updatePreview() {
	r, err := f.rule()
	if err != nil {
		f.preview.Importance = widget.WarningImportance
		f.preview.SetText(explain(err))
		return
	}
	f.preview.Importance = widget.MediumImportance
	f.preview.SetText(r.String() + "\n" + seriesPreview(r, today()))
}

// seriesPreview lists the dates of r in the weeks after now (or after its
// start), "Next dates: 01.12., 08.12., 15.12. …".
func seriesPreview(r calendar.Recurrence, now calendar.Date) string {
	from := now
	if r.Start.After(from) {
		from = r.Start
	}
	to := from.AddDays(previewDays - 1)
	days := r.Occurrences(from, to)
	if len(days) == 0 {
		return lang.L("No dates in the next 8 weeks.")
	}
	var parts []string
	var note string
	for _, d := range days {
		if d.Year == now.Year {
			parts = append(parts, d.String()[:6])
		} else {
			parts = append(parts, d.String())
		}
		if _, n := calendar.LocalTime(d, r.Hour, r.Minute, calendar.GermanZone()); n != "" && note == "" {
			note = n
		}
	}
	text := strings.Join(parts, ", ")
	more := r.End == nil && r.Count == 0
	if !more {
		more = len(r.Occurrences(to.AddDays(1), calendar.Date{Year: data.MaxYear, Month: time.December, Day: 31})) > 0
	}
	if more {
		text += " …"
	}
	out := lang.L("Next dates: {{.Dates}}", map[string]any{"Dates": text})
	if note != "" {
		out += "\n" + note
	}
	return out
}

// collect reads the form into a series.
func (f *seriesForm) collect() (data.Series, error) {
	sr := f.series
	r, err := f.rule()
	if err != nil {
		return sr, err
	}
	sr.Rule = r
	sr.Title = f.title.Text
	sr.Caption = f.caption.Text
	sr.Notes = f.notes.Text
	sr.TopicID = 0
	if i := f.topic.SelectedIndex(); i > 0 {
		sr.TopicID = f.look.topics[i-1].ID
	}
	sr.Channels = nil
	for i, c := range f.channels {
		if c.Checked {
			sr.Channels = append(sr.Channels, f.chanIDs[i])
		}
	}
	return sr, nil
}

func (f *seriesForm) onSave() error {
	sr, err := f.collect()
	if err != nil {
		return err
	}
	if err := f.s.u.ws.SaveSeries(context.Background(), &sr); err != nil {
		return err
	}
	f.series = sr
	f.s.loadSeries()
	return nil
}

// --- Own dates ---

func (s *datesScreen) loadOwnDates() {
	now := today()
	ds, err := s.u.ws.OwnDates(context.Background(), now.AddDays(-ownDatesBack), now.AddDays(ownDatesAhead))
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
	lead.SetPlaceHolder("14")
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
	s.openForm(title, form, fyne.NewSize(560, 330), lang.L("The date could not be saved."), func() error {
		x := d
		var err error
		if x.Date, err = parseDay(date.Text, lang.L("Date")); err != nil {
			return err
		}
		if x.Date.IsZero() {
			return &data.InvalidError{Field: "date", Message: "Please enter the date, e.g. 01.12.2026."}
		}
		n, ok := parseWhole(lead.Text, 0)
		if !ok {
			return &data.InvalidError{Field: "lead", Message: "The reminder must lie between 0 and {{.Max}} days before the date.", Args: map[string]any{"Max": data.MaxLeadDays}}
		}
		x.Name, x.Note, x.LeadDays = name.Text, note.Text, n
		if err := s.u.ws.SaveOwnDate(context.Background(), &x); err != nil {
			return err
		}
		d = x
		s.loadOwnDates()
		return nil
	})
	s.u.win.Canvas().Focus(date)
}

func (s *datesScreen) onDeleteOwnDate(d data.OwnDate) {
	s.u.confirmDelete(lang.L("Delete date?"),
		lang.L("Delete the date “{{.Name}}” on {{.Date}}?", map[string]any{"Name": d.Name, "Date": d.Date.String()}),
		lang.L("The date could not be deleted."),
		func() error { return s.u.ws.DeleteOwnDate(context.Background(), d.ID) },
		func(bool) { s.loadOwnDates() })
}

// --- Quiet periods ---

func (s *datesScreen) loadQuietPeriods() {
	ctx := context.Background()
	qs, err := s.u.ws.QuietPeriods(ctx)
	if err != nil {
		s.u.showError(lang.L("The quiet periods could not be read."), err)
		return
	}
	now := today()
	// Count the posts planned inside periods that are not over yet: those
	// are the ones someone still has to move or drop.
	inside := map[int64]int{}
	last := now
	for _, q := range qs {
		if q.To.After(last) {
			last = q.To
		}
	}
	if len(qs) > 0 {
		cs, err := s.u.ws.QuietConflicts(ctx, now, last)
		if err != nil {
			s.u.showError(lang.L("The quiet periods could not be read."), err)
			return
		}
		for _, c := range cs {
			inside[c.PeriodID]++
		}
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
	s.openForm(title, form, fyne.NewSize(560, 330), lang.L("The quiet period could not be saved."), func() error {
		x := q
		var err error
		if x.From, err = parseDay(from.Text, lang.L("From")); err != nil {
			return err
		}
		if x.To, err = parseDay(to.Text, lang.L("To")); err != nil {
			return err
		}
		x.Note = note.Text
		if err := s.u.ws.SaveQuietPeriod(context.Background(), &x); err != nil {
			return err
		}
		q = x
		s.loadQuietPeriods()
		return nil
	})
	s.u.win.Canvas().Focus(from)
}

func (s *datesScreen) onDeleteQuietPeriod(q data.QuietPeriod) {
	s.u.confirmDelete(lang.L("Delete quiet period?"),
		lang.L("Delete the quiet period {{.From}} – {{.To}} (“{{.Note}}”)? Posts in it are no longer marked.",
			map[string]any{"From": q.From.String(), "To": q.To.String(), "Note": firstLine(q.Note)}),
		lang.L("The quiet period could not be deleted."),
		func() error { return s.u.ws.DeleteQuietPeriod(context.Background(), q.ID) },
		func(bool) { s.loadQuietPeriods() })
}

// --- Action days ---

func (s *datesScreen) loadActionDays() {
	text, errs, err := s.u.ws.ActionDayText(context.Background())
	if err != nil {
		s.u.showError(lang.L("The action days could not be read."), err)
		return
	}
	s.actionText.SetText(text)
	s.showActionDays(text, errs)
}

// showActionDays says how many days the list has and which lines could
// not be read (in German, from the calendar package).
func (s *datesScreen) showActionDays(text string, errs []calendar.ParseError) {
	rules, _ := calendar.ParseActionDays(text)
	s.actionInfo.SetText(lang.N("{{.Count}} action day in the list.", len(rules), map[string]any{"Count": len(rules)}))
	if len(errs) == 0 {
		s.actionErrors.SetText("")
		s.actionErrors.Hide()
		return
	}
	lines := []string{lang.N("{{.Count}} line could not be read. It is saved as typed but ignored until it is corrected:", len(errs), map[string]any{"Count": len(errs)})}
	for i, e := range errs {
		if i == maxActionErrors {
			rest := len(errs) - maxActionErrors
			lines = append(lines, lang.N("… and {{.Count}} more line", rest, map[string]any{"Count": rest}))
			break
		}
		lines = append(lines, e.Error())
	}
	s.actionErrors.SetText(strings.Join(lines, "\n"))
	s.actionErrors.Show()
}

func (s *datesScreen) onSaveActionDays() {
	text := s.actionText.Text
	errs, err := s.u.ws.SaveActionDayText(context.Background(), text)
	if err != nil {
		s.showProblem(lang.L("The action days could not be saved."), err)
		return
	}
	s.showActionDays(text, errs)
}

func (s *datesScreen) onResetActionDays() {
	dialog.ShowConfirm(lang.L("Restore the default list?"),
		lang.L("Replace the list of action days with the one shipped with Feedtakt? Lines you added or changed are lost; own dates, series and quiet periods stay."),
		func(ok bool) {
			if !ok {
				return
			}
			if err := s.u.ws.ResetActionDayText(context.Background()); err != nil {
				s.u.showError(lang.L("The action days could not be saved."), err)
				return
			}
			s.loadActionDays()
		}, s.u.win)
}
