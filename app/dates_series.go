package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// newSeriesDefaults is what the form offers for a new series: weekly on
// today's weekday at 10:00 from today.
func newSeriesDefaults() data.Series {
	d := today()
	return data.Series{Rule: calendar.Recurrence{Kind: calendar.Weekly, Interval: 1, Weekday: d.Weekday(), Start: d, Hour: 10}}
}

func (s *datesScreen) loadSeries() {
	ws := s.u.ws
	s.u.run(func(ctx context.Context) func() {
		all, err := ws.Series(ctx)
		var look lookups
		if err == nil {
			look, err = loadLookups(ctx, ws)
		}
		return func() { s.showSeries(all, look, err) }
	})
}

func (s *datesScreen) showSeries(all []data.Series, look lookups, err error) {
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
		detail := []string{message(sr.Rule.Describe())}
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
	ws := s.u.ws
	removeConfirmed(s.u, sr.Title,
		lang.L("Its open slots disappear from the calendar. Posts already made from it stay in the plan as ordinary posts."),
		lang.L("The series could not be deleted."),
		func(ctx context.Context) error { return ws.DeleteSeries(ctx, sr.ID) },
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
	templates    []data.Template // caption templates, beside template's options after "(keine)"
	template     *widget.Select
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

// editSeries shows the series form; ID 0 adds a new series. The channels,
// topics and caption templates it offers are read in the background first.
func (s *datesScreen) editSeries(sr data.Series) {
	type choices struct {
		look      lookups
		templates []data.Template
	}
	fetch(s.u, func(ws *data.Workspace, ctx context.Context) (choices, error) {
		var c choices
		var err error
		if c.look, err = loadLookups(ctx, ws); err != nil {
			return c, err
		}
		c.templates, err = ws.Templates(ctx, data.KindCaption)
		return c, err
	}, func(c choices, err error) {
		if err != nil {
			s.u.showError(lang.L("The series could not be opened."), err)
			return
		}
		s.seriesFormFor(sr, c.look, c.templates)
	})
}

// seriesFormFor builds and shows the series form; templates are the
// caption templates it offers.
func (s *datesScreen) seriesFormFor(sr data.Series, look lookups, templates []data.Template) *seriesForm {
	f := &seriesForm{s: s, series: sr, look: look, templates: templates}
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
	f.clock.SetPlaceHolder(lang.L("HH:MM"))
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
	names := []string{lang.L("(no template)")}
	for _, t := range templates {
		names = append(names, t.Name)
	}
	f.template = widget.NewSelect(names, nil)
	f.template.SetSelectedIndex(0)
	for i, t := range templates {
		if t.ID == sr.TemplateID {
			f.template.SetSelectedIndex(i + 1)
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
	templateItem := widget.NewFormItem(lang.L("Caption template"), f.template)
	templateItem.HintText = lang.L("New posts of the series start from this template: its title, text and own texts per channel.")
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
		templateItem,
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
	if !ok || n < 1 {
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
		r.End = &end
	}
	n, ok = parseWhole(f.count.Text, 0)
	if !ok {
		return r, &data.InvalidError{Field: "count", Message: "The number of dates must be between 0 and {{.Max}}.", Args: map[string]any{"Max": data.MaxSeriesCount}}
	}
	r.Count = n
	return data.CheckSeriesRule(r) // the limits are the store's
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
	f.preview.SetText(message(r.Describe()) + "\n" + seriesPreview(r, today()))
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
		if _, n := calendar.LocalTime(d, r.Hour, r.Minute, data.WorkspaceZone()); !n.IsZero() && note == "" {
			note = message(n)
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
	sr.TemplateID = 0
	if i := f.template.SelectedIndex(); i > 0 {
		sr.TemplateID = f.templates[i-1].ID
	}
	sr.Channels = nil
	for i, c := range f.channels {
		if c.Checked {
			sr.Channels = append(sr.Channels, f.chanIDs[i])
		}
	}
	return sr, nil
}

func (f *seriesForm) onSave() (func(context.Context) error, func(), error) {
	sr, err := f.collect()
	if err != nil {
		return nil, nil, err
	}
	ws := f.s.u.ws
	return func(ctx context.Context) error { return ws.SaveSeries(ctx, &sr) }, func() {
		f.series = sr
		f.s.loadSeries()
	}, nil
}

// --- Own dates ---
