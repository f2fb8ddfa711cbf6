// Settings → Plattformen: the platforms' limits (Plattform-Grenzen) as the
// workspace keeps them, each with its source and the day it was checked.
// Platforms change their limits now and then; the office corrects the
// figures here. How a platform counts is code (data/caption), not data.

package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/caption"
)

// limitsScreen is the settings tab "Plattformen": the limits, and below
// them the formats for uploads (formatsSection).
type limitsScreen struct {
	u       *UI
	content fyne.CanvasObject
	rows    *fyne.Container
	head    *fyne.Container
	table   *limitTable
	limits  map[data.Platform]caption.Limits
	// form is the open edit form (tests).
	form *limitsForm
}

// limitColumns are the table's headings; the source column (sourceCol)
// takes the room the others leave, the others are as wide as their
// widest cell.
var limitColumns = []string{"Platform", "Characters", "Photo posts", "Bytes", "Hashtags", "Alt text", "Title", "Checked on", "Source"}

const sourceCol = 8

// newLimitsScreen builds the tab and loads the limits.
func newLimitsScreen(u *UI) *limitsScreen {
	s := &limitsScreen{u: u, rows: container.NewVBox(), table: &limitTable{}}
	explanation := lang.L("Platforms change their limits now and then. Correct a figure here when a platform announces a new one, and note where you read it. How each platform counts is built into Feedtakt: X weighs characters (most count 1, emoji, € and … count 2, a link 23), the others count the characters a person sees (an emoji with skin tone is one). A Mastodon instance with its own limit is set at the channel (Settings → Channels).")
	heads := make([]fyne.CanvasObject, 0, len(limitColumns)+1)
	for i, key := range limitColumns {
		l := widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if i > 0 && i < 7 {
			l.Alignment = fyne.TextAlignTrailing // over right-aligned figures
		}
		heads = append(heads, l)
	}
	heads = append(heads, widget.NewLabel(""))
	s.head = container.New(s.table, heads...)
	table := container.NewVBox(s.head, widget.NewSeparator(), s.rows)
	body := section(lang.L("Platform limits"), explanation, table)
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(body, newFormatsSection(u).content)))
	s.load()
	return s
}

func (s *limitsScreen) load() {
	fetch(s.u, (*data.Workspace).PlatformLimits, s.show)
}

// show lists every platform with its figures; "–" where none is known.
func (s *limitsScreen) show(ls map[data.Platform]caption.Limits, err error) {
	if err != nil {
		s.u.showError(lang.L("The platform limits could not be read."), err)
		return
	}
	s.limits = ls
	ro := s.u.ws.ReadOnly()
	var rows []fyne.CanvasObject
	for _, p := range data.Platforms() {
		p := p
		l := ls[p]
		cells := []string{platformName(p), limitFigure(l.Text), limitFigure(l.Photo), limitFigure(l.Bytes), limitFigure(l.Hashtags),
			limitFigure(l.AltText), limitFigure(l.Title), checkedOnText(l.CheckedOn), l.Source}
		objs := make([]fyne.CanvasObject, 0, len(cells)+1)
		for i, c := range cells {
			lb := widget.NewLabel(c)
			switch {
			case i == 0:
				lb.TextStyle.Bold = true
			case i == sourceCol:
				lb.Truncation = fyne.TextTruncateEllipsis // the whole source is in the form
			case i < 7:
				lb.Alignment = fyne.TextAlignTrailing
			}
			objs = append(objs, lb)
		}
		edit := widget.NewButtonWithIcon(lang.L("Edit …"), theme.DocumentCreateIcon(), func() { s.edit(p) })
		reset := widget.NewButtonWithIcon(lang.L("Restore …"), theme.HistoryIcon(), func() { s.onReset(p) })
		if ro {
			edit.Disable()
		}
		if ro || data.DefaultLimits(p) == (caption.Limits{Platform: string(p)}) {
			reset.Disable() // Feedtakt knows no figures to go back to
		}
		objs = append(objs, container.NewHBox(edit, reset))
		rows = append(rows, container.New(s.table, objs...))
	}
	s.rows.Objects = rows
	s.table.measure(append([]fyne.CanvasObject{s.head}, rows...))
	s.rows.Refresh()
	s.head.Refresh()
}

// limitFigure is a limit for the table: "2.200", or "–" for none.
func limitFigure(n int) string {
	if n == 0 {
		return "–"
	}
	return formatCount(n)
}

// checkedOnText shows a stored YYYY-MM-DD as 30.11.2026; anything else as
// it was stored.
func checkedOnText(s string) string {
	if d, err := calendar.ParseDate(s); err == nil && strings.Count(s, "-") == 2 {
		return d.String()
	}
	return s
}

// limitTable is the layout every row of the table shares, so the columns
// line up without a widget.Table (whose cells cannot hold two buttons
// comfortably): each column as wide as its widest cell, the source column
// taking what is left (at least limitSourceMin, cut with an ellipsis).
type limitTable struct {
	widths []float32 // per column, measured by measure
}

// limitSourceMin is the least the source column gets.
const limitSourceMin = float32(96)

// measure takes the column widths from the rows' cells.
func (t *limitTable) measure(rows []fyne.CanvasObject) {
	t.widths = make([]float32, len(limitColumns)+1)
	for _, r := range rows {
		for i, o := range r.(*fyne.Container).Objects {
			if i < len(t.widths) && i != sourceCol {
				t.widths[i] = max(t.widths[i], o.MinSize().Width)
			}
		}
	}
	t.widths[sourceCol] = limitSourceMin
}

func (t *limitTable) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		if i < len(t.widths) {
			w += t.widths[i]
		} else {
			w += o.MinSize().Width
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

func (t *limitTable) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths := make([]float32, len(objs))
	var fixed float32
	for i, o := range objs {
		if i < len(t.widths) {
			widths[i] = t.widths[i]
		} else {
			widths[i] = o.MinSize().Width
		}
		if i != sourceCol {
			fixed += widths[i]
		}
	}
	if sourceCol < len(widths) {
		widths[sourceCol] = max(size.Width-fixed, limitSourceMin)
	}
	x := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(widths[i], h))
		x += widths[i]
	}
}

// limitsForm is the edit form of one platform's limits.
type limitsForm struct {
	dlg                                      *dialog.CustomDialog
	text, photo, bytes, hashtags, alt, title *widget.Entry
	source, checked                          *widget.Entry
	problem                                  *widget.Label
	save                                     *widget.Button
	platform                                 data.Platform
	previous                                 caption.Limits
}

// edit opens the form for platform p's limits; a refusal (a negative
// figure, a text limit of 0) shows in the form, which keeps what was typed.
func (s *limitsScreen) edit(p data.Platform) {
	l := s.limits[p]
	f := &limitsForm{platform: p, previous: l}
	s.form = f
	num := func(n int) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(strconv.Itoa(n))
		return e
	}
	f.text, f.photo, f.bytes = num(l.Text), num(l.Photo), num(l.Bytes)
	f.hashtags, f.alt, f.title = num(l.Hashtags), num(l.AltText), num(l.Title)
	f.source = widget.NewMultiLineEntry()
	f.source.Wrapping = fyne.TextWrapWord
	f.source.SetMinRowsVisible(2)
	f.source.SetText(l.Source)
	f.checked = widget.NewEntry()
	f.checked.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	f.checked.SetText(checkedOnText(l.CheckedOn))
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	item := func(key, hint string, o fyne.CanvasObject) *widget.FormItem {
		it := widget.NewFormItem(lang.L(key), o)
		if hint != "" {
			it.HintText = lang.L(hint)
		}
		return it
	}
	form := widget.NewForm(
		item("Characters", "counted by the platform's rule; 0 = no limit known", f.text),
		item("Photo posts", "where posts of pictures only may be longer (TikTok); 0 = as above", f.photo),
		item("Bytes", "a second limit in bytes (Bluesky); 0 = none", f.bytes),
		item("Hashtags", "at most this many hashtags; 0 = no limit", f.hashtags),
		item("Alt text", "longest Bildbeschreibung the platform takes; 0 = unknown", f.alt),
		item("Title", "a separate title (YouTube); 0 = none", f.title),
		item("Source", "where you read the figures", f.source),
		item("Checked on", "", f.checked),
	)
	f.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), func() { s.onSave(f) })
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { f.dlg.Hide() })
	title := lang.L("Limits of {{.Platform}}", map[string]any{"Platform": platformName(p)})
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, f.problem), s.u.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})
	f.dlg.Resize(fyne.NewSize(620, f.dlg.MinSize().Height))
	f.dlg.Show()
}

// values reads the form; a figure that is not a whole number is refused
// here, everything else is the data layer's to judge.
func (f *limitsForm) values() (caption.Limits, error) {
	l := f.previous
	l.Platform = string(f.platform)
	for _, x := range []struct {
		e *widget.Entry
		n *int
	}{{f.text, &l.Text}, {f.photo, &l.Photo}, {f.bytes, &l.Bytes}, {f.hashtags, &l.Hashtags}, {f.alt, &l.AltText}, {f.title, &l.Title}} {
		n, ok := parseNumber(strings.TrimSpace(x.e.Text))
		if !ok || n > 1<<31-1 || n < -(1<<31) {
			return l, &data.InvalidError{Field: "limit", Message: "Limits must be whole numbers, e.g. 280."}
		}
		*x.n = int(n)
	}
	l.Source = f.source.Text
	l.CheckedOn = strings.TrimSpace(f.checked.Text)
	if l.CheckedOn != "" {
		d, err := parseDay(l.CheckedOn, lang.L("Checked on"))
		if err != nil {
			return l, err
		}
		l.CheckedOn = d.ISO()
	}
	return l, nil
}

func (s *limitsScreen) onSave(f *limitsForm) {
	l, err := f.values()
	if err != nil {
		f.showProblem(err)
		return
	}
	f.save.Disable()
	s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SavePlatformLimits(ctx, l) }, func(err error) {
		f.save.Enable()
		if err != nil {
			f.showProblem(err)
			return
		}
		f.dlg.Hide()
		s.load()
	})
}

// showProblem says in the form why it was not saved.
func (f *limitsForm) showProblem(err error) {
	msg := explain(err)
	if msg == "" {
		msg = lang.L("The platform limits could not be saved.")
	}
	f.problem.SetText(msg)
	f.problem.Show()
	f.dlg.Resize(fyne.NewSize(620, f.dlg.MinSize().Height))
}

// onReset brings a platform's figures back to Feedtakt's after asking.
func (s *limitsScreen) onReset(p data.Platform) {
	dialog.ShowConfirm(lang.L("Restore the limits?"),
		lang.L("Set the limits of {{.Platform}} back to the figures Feedtakt knows? Your corrections for this platform are lost.", map[string]any{"Platform": platformName(p)}),
		func(ok bool) {
			if !ok {
				return
			}
			s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.ResetPlatformLimits(ctx, p) }, func(err error) {
				if err != nil {
					s.u.showError(lang.L("The platform limits could not be reset."), err)
				}
				s.load()
			})
		}, s.u.win)
}
