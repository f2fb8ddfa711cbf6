// Settings → Aktionstage: the action-day list as a table of rows (date or
// rule, name, optional note, shown in the calendar or not). The text
// format of the list stays what is stored and what is imported and
// exported, so a list kept in Notepad or handed on by a neighbouring
// office still works; comment lines in it survive an edit in the table.

package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

// maxActionDayFile is the largest action-day file an import reads; the
// workspace keeps at most 1 MB of list.
const maxActionDayFile = 1 << 20

// actionTable is the action-day list on its settings tab.
type actionTable struct {
	u       *UI
	content fyne.CanvasObject

	entries []calendar.ActionDayEntry // every line, comments included
	rows    []int                     // indices of entries that are rows
	list    *widget.List
	info    *widget.Label
	add     *widget.Button
	imp     *widget.Button
	exp     *widget.Button
	reset   *widget.Button

	// form is the open add/edit form (tests).
	form *actionDayForm
}

// newActionTable builds the tab and loads the list.
func newActionTable(u *UI) *actionTable {
	t := &actionTable{u: u}
	t.list = widget.NewList(func() int { return len(t.rows) }, newActionRow, t.updateRow)
	t.info = widget.NewLabel("")
	t.info.Wrapping = fyne.TextWrapWord
	t.add = widget.NewButtonWithIcon(lang.L("Add action day"), theme.ContentAddIcon(), func() { t.edit(-1) })
	t.add.Importance = widget.HighImportance
	t.imp = widget.NewButtonWithIcon(lang.L("Import …"), theme.UploadIcon(), t.onImport)
	t.exp = widget.NewButtonWithIcon(lang.L("Export the list …"), theme.DownloadIcon(), t.onExport)
	t.reset = widget.NewButtonWithIcon(lang.L("Restore the default list …"), theme.HistoryIcon(), t.onReset)
	if u.ws.ReadOnly() {
		t.add.Disable()
		t.imp.Disable()
		t.reset.Disable()
	}
	explanation := widget.NewLabel(lang.L("Awareness and action days the calendar shows, e.g. Girls'Day or Tag des offenen Denkmals. Switch off what does not fit your office; it stays in the list. Import and export use a text file with one line per day (date | name | optional note), so a list can be kept in Notepad or passed on to a colleague."))
	explanation.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(lang.L("Action days"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.SizeName = theme.SizeNameSubHeadingText
	top := container.NewVBox(head, explanation, container.NewHBox(t.add, t.imp, t.exp, t.reset), actionHeading(), widget.NewSeparator())
	t.content = container.NewPadded(container.NewBorder(top, t.info, nil, nil, t.list))
	t.load()
	return t
}

// load reads the list from the workspace.
func (t *actionTable) load() {
	fetch(t.u, func(ws *data.Workspace, ctx context.Context) (string, error) {
		text, _, err := ws.ActionDayText(ctx)
		return text, err
	}, func(text string, err error) {
		if err != nil {
			t.u.showError(lang.L("The action days could not be read."), err)
			return
		}
		t.show(calendar.ParseActionDayEntries(text))
	})
}

// show puts entries into the table.
func (t *actionTable) show(entries []calendar.ActionDayEntry) {
	t.entries = entries
	t.rows = t.rows[:0]
	for i, e := range entries {
		if !e.Comment {
			t.rows = append(t.rows, i)
		}
	}
	base, warned := actionRowHeights()
	bad, off := 0, 0
	for id, i := range t.rows {
		h := base
		if !entries[i].Check().IsZero() {
			h = warned
			bad++
		}
		if entries[i].Off {
			off++
		}
		t.list.SetItemHeight(id, h)
	}
	t.list.Refresh()
	text := lang.N("{{.Count}} action day in the list.", len(t.rows), map[string]any{"Count": len(t.rows)})
	if off > 0 {
		text += " " + lang.N("{{.Count}} of them is switched off and not shown in the calendar.", off, map[string]any{"Count": off})
	}
	if bad > 0 {
		text += " " + lang.N("{{.Count}} row cannot be read; the calendar leaves it out until it is corrected.", bad, map[string]any{"Count": bad})
	}
	t.info.SetText(text)
}

// actionDateWidth is the date column's width: it fits "letzter Mi im
// September".
const actionDateWidth = 200

// actionRow is the template of a table row: on/off, date, name, note,
// the buttons, and under them the parser's message for a bad row.
type actionRow struct {
	widget.BaseWidget
	box     *fyne.Container
	on      *widget.Check
	date    *widget.Label
	title   *widget.Label
	detail  *widget.Label // the note
	warning *widget.Label
	edit    *widget.Button
	del     *widget.Button
}

func newActionRow() fyne.CanvasObject {
	r := &actionRow{}
	r.on = widget.NewCheck("", nil)
	r.date = widget.NewLabel("")
	r.date.Truncation = fyne.TextTruncateEllipsis
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.detail = widget.NewLabel("")
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.warning = widget.NewLabel("")
	r.warning.Wrapping = fyne.TextWrapWord
	r.warning.Importance = widget.WarningImportance
	r.edit = widget.NewButtonWithIcon(lang.L("Edit …"), theme.DocumentCreateIcon(), nil)
	r.del = removeButton(nil)
	line := actionColumns(r.on, r.date, r.title, r.detail, container.NewHBox(r.edit, r.del))
	r.box = container.NewVBox(line, r.warning)
	r.ExtendBaseWidget(r)
	return r
}

// actionColumns lays out one line of the table (the heading too): the
// name and the note share what the fixed columns leave, about 2:1.
func actionColumns(on, date, name, note, buttons fyne.CanvasObject) fyne.CanvasObject {
	h := date.MinSize().Height
	left := container.NewHBox(container.NewGridWrap(fyne.NewSize(90, h), container.NewCenter(on)),
		container.NewGridWrap(fyne.NewSize(actionDateWidth, h), date))
	return container.NewBorder(nil, nil, left, buttons, container.New(nameNoteLayout{}, name, note))
}

// nameNoteLayout gives the first object 65 % of the width, the second the
// rest (at least actionNoteMin).
type nameNoteLayout struct{}

const actionNoteMin = 160

func (nameNoteLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := max(objs[0].MinSize().Height, objs[1].MinSize().Height)
	return fyne.NewSize(2*actionNoteMin, h)
}

func (nameNoteLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	noteW := max(size.Width*0.35, actionNoteMin)
	nameW := max(size.Width-noteW, 0)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(nameW, size.Height))
	objs[1].Move(fyne.NewPos(nameW, 0))
	objs[1].Resize(fyne.NewSize(size.Width-nameW, size.Height))
}

// actionHeading is the heading line over the table's columns.
func actionHeading() fyne.CanvasObject {
	bold := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	// The buttons' room, so the note heading stands over the notes.
	spacer := container.NewHBox(widget.NewButtonWithIcon(lang.L("Edit …"), theme.DocumentCreateIcon(), nil), removeButton(nil))
	room := container.NewGridWrap(spacer.MinSize(), widget.NewLabel(""))
	on := bold("In the calendar")
	on.Alignment = fyne.TextAlignCenter
	return actionColumns(on, bold("Date or rule"), bold("Name"), bold("Hint"), room)
}

func (r *actionRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// actionRowHeights are the heights of a row without and with a message.
func actionRowHeights() (base, warned float32) {
	r := newActionRow().(*actionRow)
	r.warning.Hide()
	base = r.MinSize().Height
	// Two lines of message: the longest parser sentence fits at the
	// narrowest window.
	return base, base + 2*widget.NewLabel("X").MinSize().Height - theme.Padding()
}

func (t *actionTable) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(t.rows) {
		return
	}
	r := o.(*actionRow)
	i := t.rows[id]
	e := t.entries[i]
	ro := t.u.ws.ReadOnly()
	r.on.OnChanged = nil
	r.on.SetChecked(!e.Off)
	r.on.OnChanged = func(on bool) { t.onSwitch(i, on) }
	name := e.Name
	if name == "" {
		name = lang.L("(no name)")
	}
	r.title.SetText(name)
	r.title.TextStyle = fyne.TextStyle{Bold: !e.Off, Italic: e.Off}
	r.title.Refresh()
	r.date.SetText(actionDateText(e.Date))
	r.date.TextStyle = fyne.TextStyle{Italic: e.Off}
	r.date.Refresh()
	r.detail.SetText(e.Note)
	if msg := e.Check(); !msg.IsZero() {
		r.warning.SetText("⚠ " + message(msg))
		r.warning.Show()
	} else {
		r.warning.Hide()
	}
	r.edit.OnTapped = func() { t.edit(i) }
	r.del.OnTapped = func() { t.onRemove(i) }
	for _, w := range []fyne.Disableable{r.on, r.edit, r.del} {
		if ro {
			w.Disable()
		} else {
			w.Enable()
		}
	}
}

// actionDateText is the date column as written, or a dash for none.
func actionDateText(spec string) string {
	if strings.TrimSpace(spec) == "" {
		return "–"
	}
	return spec
}

// save stores entries and shows them; on a failure the table keeps what
// it showed and failed says what went wrong.
func (t *actionTable) save(entries []calendar.ActionDayEntry, then func(err error)) {
	text := calendar.FormatActionDayEntries(entries)
	t.u.do(func(ws *data.Workspace, ctx context.Context) error {
		_, err := ws.SaveActionDayText(ctx, text)
		return err
	}, func(err error) {
		if err != nil {
			t.u.showError(lang.L("The action days could not be saved."), err)
			t.show(t.entries) // back to what is stored
		} else {
			t.show(entries)
		}
		if then != nil {
			then(err)
		}
	})
}

// with returns a copy of the entries with entry i replaced (i < 0:
// appended; e nil: removed).
func (t *actionTable) with(i int, e *calendar.ActionDayEntry) []calendar.ActionDayEntry {
	out := append([]calendar.ActionDayEntry(nil), t.entries...)
	switch {
	case i < 0:
		return append(out, *e)
	case e == nil:
		return append(out[:i], out[i+1:]...)
	}
	out[i] = *e
	return out
}

// onSwitch shows or hides a row's day in the calendar.
func (t *actionTable) onSwitch(i int, on bool) {
	if i >= len(t.entries) || t.entries[i].Off == !on {
		return
	}
	e := t.entries[i]
	e.Off = !on
	t.save(t.with(i, &e), nil)
}

func (t *actionTable) onRemove(i int) {
	if i >= len(t.entries) {
		return
	}
	e := t.entries[i]
	confirmRemoval(t.u, nonEmpty(e.Name, e.Date),
		lang.L("The action day leaves the list and the calendar. To keep it for later, switch it off instead."),
		func() { t.save(t.with(i, nil), nil) })
}

// actionDayForm is the form of one row.
type actionDayForm struct {
	dlg                *dialog.CustomDialog
	box                *fyne.Container
	date, name, note   *widget.Entry
	on                 *widget.Check
	problem            *widget.Label
	index              int
	previous           calendar.ActionDayEntry
	table              *actionTable
	checkedAtLeastOnce bool
}

// entry reads the form.
func (f *actionDayForm) entry() calendar.ActionDayEntry {
	e := f.previous
	e.Comment, e.Text = false, ""
	e.Date, e.Name, e.Note = strings.TrimSpace(f.date.Text), strings.TrimSpace(f.name.Text), strings.TrimSpace(f.note.Text)
	e.Off = !f.on.Checked
	return e
}

// problemOf is what the form says about e: the date first (while she
// types it), then a missing name, then what the list's parser says.
func (f *actionDayForm) problemOf(e calendar.ActionDayEntry) string {
	if e.Date != "" || f.checkedAtLeastOnce {
		if msg := calendar.CheckActionDate(e.Date); !msg.IsZero() {
			return message(msg)
		}
	}
	if e.Name == "" {
		if f.checkedAtLeastOnce {
			return lang.L("Please enter a name, e.g. Tag des offenen Denkmals.")
		}
		return ""
	}
	if msg := e.Check(); !msg.IsZero() {
		return message(msg)
	}
	return ""
}

// recheck shows, while she types, what is still wrong.
func (f *actionDayForm) recheck() {
	if p := f.problemOf(f.entry()); p != "" {
		f.problem.SetText("⚠ " + p)
		f.problem.Show()
	} else {
		f.problem.Hide()
	}
	f.box.Refresh() // lay the form out anew around the message
}

// edit opens the form for entry i (-1: a new row at the end).
func (t *actionTable) edit(i int) {
	f := &actionDayForm{index: i, table: t}
	if i >= 0 && i < len(t.entries) {
		f.previous = t.entries[i]
	}
	t.form = f
	f.date, f.name, f.note = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.date.SetPlaceHolder(lang.L("e.g. 08.03. or 2. So im September"))
	f.name.SetPlaceHolder(lang.L("e.g. Tag des offenen Denkmals"))
	f.note.SetPlaceHolder(lang.L("optional, e.g. date changes every year"))
	f.date.SetText(f.previous.Date)
	f.name.SetText(f.previous.Name)
	f.note.SetText(f.previous.Note)
	f.on = widget.NewCheck(lang.L("Show in the calendar"), nil)
	f.on.SetChecked(!f.previous.Off)
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.WarningImportance
	f.checkedAtLeastOnce = i >= 0
	form := widget.NewForm(
		&widget.FormItem{Text: lang.L("Date or rule"), Widget: container.NewVBox(f.date, f.problem),
			HintText: lang.L("yearly 08.03. · weekday 2. So im September, letzter Mi im April · once 23.04.2026")},
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Hint"), f.note),
		widget.NewFormItem("", f.on),
	)
	f.box = container.NewVBox(form)
	for _, e := range []*widget.Entry{f.date, f.name, f.note} {
		e.OnChanged = func(string) { f.recheck() }
	}
	f.recheck()
	title := lang.L("Edit action day")
	if i < 0 {
		title = lang.L("New action day")
	}
	f.dlg = t.u.openForm(title, f.box, fyne.NewSize(680, 420), lang.L("The action days could not be saved."),
		func() (func(context.Context) error, func(), error) {
			f.checkedAtLeastOnce = true
			e := f.entry()
			if p := f.problemOf(e); p != "" {
				f.recheck()
				return nil, nil, &data.InvalidError{Field: "action day", Message: p}
			}
			entries := t.with(i, &e)
			text := calendar.FormatActionDayEntries(entries)
			write := func(ctx context.Context) error {
				_, err := t.u.ws.SaveActionDayText(ctx, text)
				return err
			}
			return write, func() { t.show(entries) }, nil
		})
}

// onImport asks for a text file and replaces the list with it.
func (t *actionTable) onImport() {
	t.u.openFiles(lang.L("Import action days"), data.DocumentsDir(), textFiles, func(paths []string) {
		t.importFile(paths[0])
	})
}

// importFile reads path in the background and, after asking, stores it as
// the list.
func (t *actionTable) importFile(path string) {
	t.u.run(func(context.Context) func() {
		entries, err := readActionDayFile(path)
		return func() {
			if err != nil {
				t.u.showError(lang.L("The file {{.File}} could not be read.", map[string]any{"File": filepath.Base(path)}), err)
				return
			}
			n := 0
			for _, e := range entries {
				if !e.Comment {
					n++
				}
			}
			dialog.ShowConfirm(lang.L("Replace the list?"),
				lang.N("Replace the list of action days with the {{.Count}} action day from “{{.File}}”? The rows now in the list are replaced; export them first to keep them.",
					n, map[string]any{"Count": n, "File": filepath.Base(path)}),
				func(ok bool) {
					if ok {
						t.save(entries, nil)
					}
				}, t.u.win)
		}
	})
}

// readActionDayFile reads an action-day file (UTF-8, with or without BOM,
// or Windows-1252).
func readActionDayFile(path string) ([]calendar.ActionDayEntry, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > maxActionDayFile {
		return nil, &data.InvalidError{Field: "action days", Message: "The list of action days is too long."}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return calendar.ParseActionDayEntries(string(b)), nil
}

// onExport writes the list as a text file where she chooses.
func (t *actionTable) onExport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		t.exportFile(path)
	}, t.u.win)
	d.SetFileName(lang.L("Action days") + ".txt")
	if l, err := listableDir(data.DocumentsDir()); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// exportFile writes the list to path in the background, with Windows line
// ends so Notepad on an office PC shows it right.
func (t *actionTable) exportFile(path string) {
	text := strings.ReplaceAll(calendar.FormatActionDayEntries(t.entries), "\n", "\r\n")
	n := len(t.rows)
	t.u.run(func(context.Context) func() {
		err := fsx.WriteFile(path, []byte(text), 0o644)
		return func() {
			if err != nil {
				t.u.showError(lang.L("The file {{.File}} could not be written.", map[string]any{"File": path}), err)
				return
			}
			dialog.ShowInformation(lang.L("Action days"),
				lang.N("Exported {{.Count}} action day to {{.File}}.", n, map[string]any{"Count": n, "File": path}), t.u.win)
		}
	})
}

func (t *actionTable) onReset() {
	dialog.ShowConfirm(lang.L("Restore the default list?"),
		lang.L("Replace the list of action days with the one shipped with Feedtakt? Lines you added or changed are lost; own dates, series and quiet periods stay."),
		func(ok bool) {
			if !ok {
				return
			}
			t.u.do((*data.Workspace).ResetActionDayText, func(err error) {
				if err != nil {
					t.u.showError(lang.L("The action days could not be saved."), err)
					return
				}
				t.load()
			})
		}, t.u.win)
}

// rowCount is how many rows the table shows (tests and the info line).
func (t *actionTable) rowCount() int { return len(t.rows) }
