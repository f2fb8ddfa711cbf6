package app

import (
	"context"
	"fmt"
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

// periodPreset is a choice of the Mediathek's period filter on the
// Aufnahmedatum.
type periodPreset int

// The period presets, in the order of the select.
const (
	periodAll periodPreset = iota
	periodLast30Days
	periodThisMonth
	periodLastMonth
	periodThisYear
	periodLastYear
	periodCustom // two days she types ("Eigener Zeitraum …")
)

// periodNames are the select's options, in the order of the presets.
func periodNames() []string {
	return []string{lang.L("All periods"), lang.L("Last 30 days"), lang.L("This month"), lang.L("Last month"),
		lang.L("This year"), lang.L("Last year"), lang.L("Custom period …")}
}

// periodRange is the first and last day (both inclusive) of a preset seen
// from today; nil is open. periodAll and periodCustom have no days of
// their own.
func periodRange(p periodPreset, today calendar.Date) (from, to *calendar.Date) {
	span := func(a, b calendar.Date) (*calendar.Date, *calendar.Date) { return &a, &b }
	month := func(y int, m time.Month) (*calendar.Date, *calendar.Date) {
		if m < time.January {
			y, m = y-1, time.December
		}
		return span(calendar.NewDate(y, m, 1), calendar.NewDate(y, m, calendar.DaysInMonth(y, m)))
	}
	switch p {
	case periodLast30Days:
		return span(today.AddDays(-29), today)
	case periodThisMonth:
		return month(today.Year, today.Month)
	case periodLastMonth:
		return month(today.Year, today.Month-1)
	case periodThisYear:
		return span(calendar.NewDate(today.Year, time.January, 1), calendar.NewDate(today.Year, time.December, 31))
	case periodLastYear:
		return span(calendar.NewDate(today.Year-1, time.January, 1), calendar.NewDate(today.Year-1, time.December, 31))
	}
	return nil, nil
}

// parsePeriod reads the two fields of "Eigener Zeitraum …" (German dates;
// an empty field is open on that side). The error is one she can read:
// which field, what is wrong.
func parsePeriod(fromText, toText string) (from, to *calendar.Date, err error) {
	parse := func(field, text string) (*calendar.Date, error) {
		text = strings.TrimSpace(text)
		if text == "" {
			return nil, nil
		}
		d, err := calendar.ParseDate(text)
		if err != nil {
			return nil, &calendar.InputError{Key: "{{.Field}}: the date “{{.Value}}” is not valid; please write it like 01.12.2026.",
				Args: map[string]any{"Field": field, "Value": text}, Err: err}
		}
		return &d, nil
	}
	if from, err = parse(lang.L("From"), fromText); err != nil {
		return nil, nil, err
	}
	if to, err = parse(lang.L("To"), toText); err != nil {
		return nil, nil, err
	}
	if from == nil && to == nil {
		return nil, nil, &calendar.InputError{Key: "Please enter at least one of the two days."}
	}
	if from != nil && to != nil && to.Before(*from) {
		return nil, nil, &calendar.InputError{Key: "The period ends before it starts: {{.To}} is before {{.From}}.",
			Args: map[string]any{"From": from.String(), "To": to.String()}}
	}
	return from, to, nil
}

// libraryFilters is the Mediathek's second toolbar row: the tag and the
// period of the Aufnahmedatum, a line naming every active filter with
// "Filter zurücksetzen", and the Papierkorb. The grid's query takes its
// part through apply.
type libraryFilters struct {
	s       *mediaBrowser
	content fyne.CanvasObject

	tag       string // "" is every tag
	tagButton *widget.Button
	tagPopup  *widget.PopUp
	tagFilter *keyEntry
	tagList   *widget.List
	tags      []data.TagCount // as last read
	shown     []data.TagCount // tags matching the popup's filter
	tagsNote  *widget.Label   // "no tags yet" or a read failure

	// rights is the rights filter: Einwilligung fehlt, ungeklärt, läuft
	// ab, widerrufen, Lizenz abgelaufen (library_rights.go).
	rights *widget.Select

	period     *widget.Select
	preset     periodPreset // the applied preset (kept when the custom dialog is cancelled)
	customFrom *calendar.Date
	customTo   *calendar.Date
	editCustom *widget.Button
	custom     *customPeriodDialog // the open "Eigener Zeitraum …" dialog

	active *widget.Label
	reset  *widget.Button
	trash  *widget.Button // nil without a Papierkorb (the picker)
	right  *fyne.Container

	// lastQuery is the query of the previous reload; a reload with the
	// same one means the library changed (import, delete, restore, the
	// screen shown again) and the tag and Papierkorb counts are read anew,
	// as on the first reload (counted false).
	lastQuery string
	counted   bool
}

// tagButtonWidth is the tag button's fixed width, so the row does not
// jump when a tag is chosen.
const tagButtonWidth = 200

func newLibraryFilters(s *mediaBrowser) *libraryFilters {
	f := &libraryFilters{s: s}
	f.tagButton = widget.NewButtonWithIcon(lang.L("All tags"), theme.MenuDropDownIcon(), f.openTags)
	f.tagButton.IconPlacement = widget.ButtonIconTrailingText
	f.tagButton.Alignment = widget.ButtonAlignLeading

	f.rights = widget.NewSelect(rightsFilterNames(), func(string) { s.reload() })
	f.rights.Selected = rightsFilterNames()[0] // no reload while being built

	f.period = widget.NewSelect(periodNames(), f.periodChosen)
	f.period.Selected = periodNames()[periodAll] // no reload while being built
	f.editCustom = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), f.askCustom)
	f.editCustom.Importance = widget.LowImportance
	f.editCustom.Hide()

	f.active = widget.NewLabel("")
	f.active.Truncation = fyne.TextTruncateEllipsis
	f.reset = widget.NewButtonWithIcon(lang.L("Reset filters"), theme.ContentClearIcon(), f.resetAll)
	f.reset.Disable()

	wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	left := container.NewHBox(wide(s.kind, 112), wide(s.state, 178), wide(f.rights, 210), wide(f.tagButton, tagButtonWidth), wide(f.period, 180), f.editCustom)
	f.right = container.NewHBox(f.reset)
	f.content = container.NewBorder(nil, nil, left, f.right, f.active)
	return f
}

// addTrash makes the Papierkorb button, whose label counts the items in
// it (the Mediathek has it, beside the import buttons; the picker not);
// show opens it.
func (f *libraryFilters) addTrash(show func()) *widget.Button {
	f.trash = widget.NewButtonWithIcon(lang.L("Papierkorb"), theme.DeleteIcon(), show)
	return f.trash
}

// apply puts the tag and the period into q. A screen without the filter
// row (nil) leaves q as it is.
func (f *libraryFilters) apply(q *data.MediaQuery) {
	if f == nil {
		return
	}
	q.Tag = f.tag
	if i := f.rights.SelectedIndex(); i > 0 {
		q.Rights = rightsFilterStates()[i-1]
	}
	switch f.preset {
	case periodAll:
	case periodCustom:
		q.TakenFrom, q.TakenTo = f.customFrom, f.customTo
	default:
		q.TakenFrom, q.TakenTo = periodRange(f.preset, f.s.u.ws.Today())
	}
}

// reloaded is told every query the grid runs: it names the active filters
// and, when the library itself may have changed, reads the counts again.
func (f *libraryFilters) reloaded(q data.MediaQuery) {
	if f == nil {
		return
	}
	f.showActive(q)
	key := queryKey(q)
	if key == f.lastQuery || !f.counted {
		f.counted = true
		f.refreshCounts()
	}
	f.lastQuery = key
}

// queryKey tells two queries apart (the page cursor aside).
func queryKey(q data.MediaQuery) string {
	day := func(d *calendar.Date) string {
		if d == nil {
			return "-"
		}
		return d.ISO()
	}
	return fmt.Sprintf("%q|%s|%q|%t%t%t%t|%s|%s|%s|%d%t", q.Text, q.Kind, q.Tag, q.Unused, q.NoAltText, q.Missing, q.Expired,
		q.Rights, day(q.TakenFrom), day(q.TakenTo), q.Sort, q.Reverse)
}

// refreshCounts reads the Papierkorb's size for its button, and the tags
// when their list is open.
func (f *libraryFilters) refreshCounts() {
	if f.tagPopup != nil && f.tagPopup.Visible() {
		f.loadTags()
	}
	if f.trash == nil {
		return
	}
	fetch(f.s.u, func(ws *data.Workspace, ctx context.Context) ([]data.TrashItem, error) { return ws.Trash(ctx) },
		func(items []data.TrashItem, err error) {
			if err != nil {
				f.trash.SetText(lang.L("Papierkorb"))
				return
			}
			f.trash.SetText(lang.L("Papierkorb ({{.Count}})", map[string]any{"Count": formatCount(len(items))}))
		})
}

// showActive names every filter that narrows the grid, so a grid with few
// items never puzzles her; "Filter zurücksetzen" is there only then.
func (f *libraryFilters) showActive(q data.MediaQuery) {
	// The period's days first: they are shown nowhere else, and the line
	// is cut at its end when the window is narrow.
	var parts []string
	if p := periodText(q.TakenFrom, q.TakenTo); p != "" {
		parts = append(parts, p)
	}
	if q.Tag != "" {
		parts = append(parts, lang.L("Tag “{{.Tag}}”", map[string]any{"Tag": q.Tag}))
	}
	if q.Unused || q.NoAltText || q.Missing || q.Expired {
		parts = append(parts, f.s.state.Selected)
	}
	if q.Rights != "" {
		parts = append(parts, rightsFilterName(q.Rights))
	}
	if q.Kind != "" {
		parts = append(parts, f.s.kind.Selected)
	}
	if strings.TrimSpace(q.Text) != "" {
		parts = append(parts, lang.L("Search “{{.Text}}”", map[string]any{"Text": strings.TrimSpace(q.Text)}))
	}
	if len(parts) == 0 {
		f.active.SetText("")
		f.reset.Disable()
		return
	}
	f.active.SetText(lang.L("Filtered by: {{.Filters}}", map[string]any{"Filters": strings.Join(parts, " · ")}))
	f.reset.Enable()
}

// periodText is a period of the Aufnahmedatum in words, short as German
// writes it ("01.05. – 31.05.2019" within a year); "" when open.
func periodText(from, to *calendar.Date) string {
	switch {
	case from != nil && to != nil:
		start := from.String()
		if from.Year == to.Year {
			start = start[:len(start)-4] // "01.05."
		}
		return lang.L("Taken {{.From}} – {{.To}}", map[string]any{"From": start, "To": to.String()})
	case from != nil:
		return lang.L("Taken from {{.From}}", map[string]any{"From": from.String()})
	case to != nil:
		return lang.L("Taken until {{.To}}", map[string]any{"To": to.String()})
	}
	return ""
}

// resetAll clears every filter (search, kind, state, tag, period) with one
// query; the sort stays.
func (f *libraryFilters) resetAll() {
	s := f.s
	quiet := func(sel *widget.Select) {
		cb := sel.OnChanged
		sel.OnChanged = nil
		sel.SetSelectedIndex(0)
		sel.OnChanged = cb
	}
	quiet(s.kind)
	quiet(s.state)
	quiet(f.rights)
	quiet(f.period)
	cb := s.search.OnChanged
	s.search.OnChanged = nil
	s.search.SetText("")
	s.search.OnChanged = cb
	if s.timer != nil {
		s.timer.Stop()
	}
	f.preset, f.customFrom, f.customTo = periodAll, nil, nil
	f.editCustom.Hide()
	f.setTag("")
}

// setTag filters by tag ("" is all) and reloads.
func (f *libraryFilters) setTag(tag string) {
	f.tag = tag
	if tag == "" {
		f.tagButton.SetText(lang.L("All tags"))
		f.tagButton.Importance = widget.MediumImportance
	} else {
		// The button keeps its width: a long tag is shortened to fit
		// beside "Schlagwort:" and the arrow.
		room := tagButtonWidth - 2*theme.InnerPadding() - theme.IconInlineSize() - theme.Padding()
		fits := func(t string) bool {
			text := lang.L("Tag: {{.Tag}}", map[string]any{"Tag": t})
			return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width <= room
		}
		f.tagButton.SetText(lang.L("Tag: {{.Tag}}", map[string]any{"Tag": data.FitText(tag, fits)}))
		f.tagButton.Importance = widget.HighImportance
	}
	f.tagButton.Refresh()
	if f.tagPopup != nil {
		f.tagPopup.Hide()
	}
	f.s.reload()
}

// openTags shows the tag list under its button: a filter field on top
// (200 tags are too many for a plain select), "Alle Schlagwörter" first,
// every tag with its count. The list is read each time it opens, so tags
// edited anywhere are there.
func (f *libraryFilters) openTags() {
	if f.tagPopup == nil {
		f.buildTagPopup()
	}
	f.tagFilter.SetText("")
	f.filterTags()
	f.tagPopup.ShowAtRelativePosition(fyne.NewPos(0, f.tagButton.Size().Height), f.tagButton)
	f.s.u.win.Canvas().Focus(f.tagFilter)
	f.loadTags()
}

func (f *libraryFilters) buildTagPopup() {
	f.tagFilter = newKeyEntry(false, func() { f.tagPopup.Hide() })
	f.tagFilter.SetPlaceHolder(lang.L("Find a tag …"))
	f.tagFilter.OnChanged = func(string) { f.filterTags() }
	f.tagFilter.OnSubmitted = func(string) {
		// Enter takes the first match, or all tags when the field is empty.
		if strings.TrimSpace(f.tagFilter.Text) == "" || len(f.shown) == 0 {
			f.setTag("")
			return
		}
		f.setTag(f.shown[0].Tag)
	}
	f.tagList = widget.NewList(func() int { return 1 + len(f.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewLabel(""), name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			name, count := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
			if id == 0 {
				name.TextStyle.Italic = true
				name.SetText(lang.L("All tags"))
				count.SetText("")
				return
			}
			t := f.shown[id-1]
			name.TextStyle.Italic = false
			name.TextStyle.Bold = strings.EqualFold(t.Tag, f.tag)
			name.SetText(t.Tag)
			count.SetText(formatCount(t.Count))
		})
	f.tagList.OnSelected = func(id widget.ListItemID) {
		f.tagList.UnselectAll()
		if id == 0 {
			f.setTag("")
		} else if id-1 < len(f.shown) {
			f.setTag(f.shown[id-1].Tag)
		}
	}
	f.tagsNote = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	f.tagsNote.Wrapping = fyne.TextWrapWord
	f.tagsNote.Hide()
	box := container.NewBorder(f.tagFilter, f.tagsNote, nil, nil, f.tagList)
	f.tagPopup = widget.NewPopUp(container.NewGridWrap(fyne.NewSize(300, 340), box), f.s.u.win.Canvas())
}

// loadTags reads the tags with their counts into the open list.
func (f *libraryFilters) loadTags() {
	fetch(f.s.u, (*data.Workspace).MediaTagCounts, func(tags []data.TagCount, err error) {
		if err != nil {
			f.tagsNote.SetText(lang.L("The tags could not be read."))
			f.tagsNote.Show()
			return
		}
		f.tags = tags
		f.tagsNote.Hide()
		if len(tags) == 0 {
			f.tagsNote.SetText(lang.L("No file has a tag yet. Tags are given in the details beside the grid."))
			f.tagsNote.Show()
		}
		f.filterTags()
	})
}

// filterTags shows the tags containing the filter text (case and umlauts
// do not matter).
func (f *libraryFilters) filterTags() {
	want := foldTag(f.tagFilter.Text)
	f.shown = f.shown[:0]
	for _, t := range f.tags {
		if want == "" || strings.Contains(foldTag(t.Tag), want) {
			f.shown = append(f.shown, t)
		}
	}
	f.tagList.Refresh()
}

func foldTag(s string) string { return data.FoldGerman(strings.TrimSpace(s)) }

// periodChosen applies a preset; "Eigener Zeitraum …" asks for the days.
func (f *libraryFilters) periodChosen(string) {
	p := periodPreset(f.period.SelectedIndex())
	if p == periodCustom {
		f.askCustom()
		return
	}
	f.preset, f.customFrom, f.customTo = p, nil, nil
	f.editCustom.Hide()
	f.s.reload()
}

// askCustom asks for the two days of "Eigener Zeitraum …". A bad day is
// said in the dialog, which stays open; Abbrechen keeps the period that
// was applied.
func (f *libraryFilters) askCustom() {
	c := &customPeriodDialog{}
	f.custom = c
	from, to := widget.NewEntry(), widget.NewEntry()
	c.from, c.to = from, to
	from.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	to.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	if f.customFrom != nil {
		from.SetText(f.customFrom.String())
	}
	if f.customTo != nil {
		to.SetText(f.customTo.String())
	}
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	c.msg = msg
	hint := widget.NewLabel(lang.L("Files whose Aufnahmedatum lies on these days (both included). Leave a field empty for an open end."))
	hint.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(lang.L("From"), from), widget.NewFormItem(lang.L("To"), to))
	content := container.NewVBox(hint, form, msg)

	var d *dialog.CustomDialog
	applied := false
	apply := func() {
		a, b, err := parsePeriod(from.Text, to.Text)
		if err != nil {
			msg.SetText(explain(err))
			content.Refresh() // the message may take a second line
			return
		}
		applied = true
		f.preset, f.customFrom, f.customTo = periodCustom, a, b
		f.editCustom.Show()
		d.Hide()
		f.s.reload()
	}
	from.OnSubmitted = func(string) { apply() }
	to.OnSubmitted = func(string) { apply() }
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	ok := widget.NewButtonWithIcon(lang.L("Apply"), theme.ConfirmIcon(), apply)
	ok.Importance = widget.HighImportance
	c.apply = ok
	d = dialog.NewCustomWithoutButtons(lang.L("Custom period"), content, f.s.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	c.d = d
	d.SetOnClosed(func() {
		f.custom = nil
		if !applied {
			// Back to what the grid shows.
			cb := f.period.OnChanged
			f.period.OnChanged = nil
			f.period.SetSelectedIndex(int(f.preset))
			f.period.OnChanged = cb
		}
	})
	d.Resize(fyne.NewSize(480, 370))
	d.Show()
	f.s.u.win.Canvas().Focus(from)
}

// customPeriodDialog holds the parts of the open "Eigener Zeitraum …"
// dialog that its test drives.
type customPeriodDialog struct {
	from, to *widget.Entry
	msg      *widget.Label
	apply    *widget.Button
	d        *dialog.CustomDialog
}
