package app

import (
	"context"
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
	"feedtakt/data/upload"
)

// formatsSection is the part of Einstellungen → Plattformen that edits the target formats
// of "Für Kanal vorbereiten …": platforms change their sizes, so she can
// correct them, add her own and go back to the defaults.
type formatsSection struct {
	u       *UI
	content fyne.CanvasObject
	rows    *fyne.Container
	add     *widget.Button
	reset   *widget.Button
	formats []upload.Format
}

// newFormatsSection builds the section and loads the formats.
func newFormatsSection(u *UI) *formatsSection {
	f := &formatsSection{u: u, rows: container.NewVBox()}
	f.add = widget.NewButtonWithIcon(lang.L("Add format"), theme.ContentAddIcon(), func() {
		f.edit(-1, upload.Format{Fit: upload.FitCrop, Width: 1080, Height: 1080, Checked: time.Now().Format("2006-01")})
	})
	f.reset = widget.NewButtonWithIcon(lang.L("Restore the default formats …"), theme.HistoryIcon(), f.onReset)
	if u.ws.ReadOnly() {
		f.add.Disable()
		f.reset.Disable()
	}
	f.load()
	f.content = section(lang.L("Formats for uploads"),
		lang.L("Sizes for “Prepare for channel …”. Platforms change them now and then: correct them here and note where you read them."),
		container.NewVBox(f.rows, container.NewHBox(f.add, f.reset)))
	return f
}

func (f *formatsSection) load() {
	fetch(f.u, (*data.Workspace).UploadFormats, f.show)
}

func (f *formatsSection) show(fs []upload.Format, err error) {
	if err != nil {
		f.u.showError(lang.L("The formats could not be read."), err)
		return
	}
	f.formats = fs
	ro := f.u.ws.ReadOnly()
	var rows []fyne.CanvasObject
	for i, fm := range fs {
		i := i
		name := widget.NewLabelWithStyle(fm.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		detail := describeFormat(fm)
		if fm.Fit == upload.FitCrop && fm.MaxBytes > 0 {
			detail += ", ≤ " + limitBytes(fm.MaxBytes)
		}
		if fm.Source != "" {
			detail += " · " + sourceText(fm.Source)
		}
		if fm.Checked != "" {
			detail += " (" + lang.L("as of {{.Date}}", map[string]any{"Date": fm.Checked}) + ")"
		}
		info := widget.NewLabel(detail)
		info.Truncation = fyne.TextTruncateEllipsis
		del := removeButton(func() { f.onDelete(i) })
		buttons := rowButtons(ro, func() { f.onMove(i, -1) }, func() { f.onMove(i, +1) }, func() { f.edit(i, f.formats[i]) }, del)
		rows = append(rows, container.NewBorder(nil, nil, nil, buttons, container.NewVBox(name, info)))
	}
	f.rows.Objects = rows
	f.rows.Refresh()
}

// saveAll stores list and reloads; on a refusal reopen is called so the
// form keeps what was typed.
func (f *formatsSection) saveAll(list []upload.Format, reopen func()) {
	f.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SaveUploadFormats(ctx, list) }, func(err error) {
		if err != nil {
			f.u.showError(lang.L("The formats could not be saved."), err)
			if reopen != nil {
				reopen()
			}
			return
		}
		f.load()
	})
}

func (f *formatsSection) onMove(i, delta int) {
	j := i + delta
	if j < 0 || j >= len(f.formats) {
		return
	}
	list := append([]upload.Format(nil), f.formats...)
	list[i], list[j] = list[j], list[i]
	f.saveAll(list, nil)
}

func (f *formatsSection) onDelete(i int) {
	name := f.formats[i].Name
	confirmRemoval(f.u, name, lang.L("The format is no longer offered in “Prepare for channel …”; pictures already prepared stay."), func() {
		list := append(append([]upload.Format(nil), f.formats[:i]...), f.formats[i+1:]...)
		f.saveAll(list, nil)
	})
}

func (f *formatsSection) onReset() {
	dialog.ShowConfirm(lang.L("Restore the default formats?"), lang.L("Replace all formats with Feedtakt's defaults? Your own formats and corrections are lost."), func(ok bool) {
		if !ok {
			return
		}
		f.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.ResetUploadFormats(ctx) }, func(err error) {
			if err != nil {
				f.u.showError(lang.L("The formats could not be saved."), err)
			}
			f.load()
		})
	}, f.u.win)
}

// numberEntry is an entry for a whole number; 0 shows as empty.
func numberEntry(v int64) *widget.Entry {
	e := widget.NewEntry()
	if v != 0 {
		e.SetText(strconv.FormatInt(v, 10))
	}
	return e
}

// parseNumber reads a whole number; empty is 0, and dots or spaces as
// thousands separators are allowed ("1.000.000").
func parseNumber(s string) (int64, bool) {
	s = strings.NewReplacer(".", "", " ", "", "\u00a0", "", ",", "").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// edit shows the form for format i (-1: a new one at the end).
func (f *formatsSection) edit(i int, fm upload.Format) {
	name := widget.NewEntry()
	name.SetText(fm.Name)
	name.SetPlaceHolder(lang.L("e.g. Website 3:2"))
	platforms := append([]data.Platform{""}, data.Platforms()...)
	pnames := []string{lang.L("Any channel")}
	for _, p := range platforms[1:] {
		pnames = append(pnames, platformName(p))
	}
	platform := widget.NewSelect(pnames, nil)
	platform.SetSelectedIndex(0)
	for k, p := range platforms {
		if string(p) == fm.Platform {
			platform.SetSelectedIndex(k)
		}
	}
	width, height := numberEntry(int64(fm.Width)), numberEntry(int64(fm.Height))
	long, maxPx, maxBytes := numberEntry(int64(fm.LongSide)), numberEntry(fm.MaxPixels), numberEntry(fm.MaxBytes)
	source := widget.NewMultiLineEntry()
	source.Wrapping = fyne.TextWrapWord
	source.SetMinRowsVisible(2)
	source.SetText(sourceText(fm.Source))
	checked := widget.NewEntry()
	checked.SetText(fm.Checked)
	checked.SetPlaceHolder("2026-11")
	sizeItem := widget.NewFormItem(lang.L("Width × height (px)"), container.NewGridWithColumns(2, width, height))
	longItem := widget.NewFormItem(lang.L("Long side at most (px)"), long)
	pxItem := widget.NewFormItem(lang.L("Pixels at most"), maxPx)
	kinds := []upload.Fit{upload.FitCrop, upload.FitLimit}
	kind := widget.NewRadioGroup([]string{lang.L("Crop to a fixed size"), lang.L("Keep the shape, only make smaller")}, nil)
	kind.Required = true
	apply := func() {
		if kind.Selected == kind.Options[1] {
			width.Disable()
			height.Disable()
			long.Enable()
			maxPx.Enable()
		} else {
			width.Enable()
			height.Enable()
			long.Disable()
			maxPx.Disable()
		}
	}
	kind.OnChanged = func(string) { apply() }
	if fm.Fit == upload.FitLimit {
		kind.SetSelected(kind.Options[1])
	} else {
		kind.SetSelected(kind.Options[0])
	}
	apply()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Platform"), platform),
		widget.NewFormItem(lang.L("Kind"), kind),
		sizeItem, longItem, pxItem,
		widget.NewFormItem(lang.L("File size at most (bytes)"), maxBytes),
		widget.NewFormItem(lang.L("Source"), source),
		widget.NewFormItem(lang.L("As of"), checked),
	}
	maxBytes.SetPlaceHolder(lang.L("empty = no limit"))
	maxPx.SetPlaceHolder(lang.L("empty = no limit"))
	title := lang.L("Edit format")
	if i < 0 {
		title = lang.L("New format")
	}
	var d *dialog.FormDialog
	d = dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		next := fm
		next.Name = name.Text
		next.Platform = string(platforms[max(platform.SelectedIndex(), 0)])
		next.Fit = kinds[0]
		if kind.Selected == kind.Options[1] {
			next.Fit = kinds[1]
		}
		var okW, okH, okL, okP, okB bool
		var w, h, l int64
		w, okW = parseNumber(width.Text)
		h, okH = parseNumber(height.Text)
		l, okL = parseNumber(long.Text)
		next.MaxPixels, okP = parseNumber(maxPx.Text)
		next.MaxBytes, okB = parseNumber(maxBytes.Text)
		if !(okW && okH && okL && okP && okB) || w > 1<<20 || h > 1<<20 || l > 1<<20 {
			f.u.showError(lang.L("The formats could not be saved."), &data.InvalidError{Field: "size", Message: "Sizes must be whole numbers, e.g. 1080."})
			d.Show()
			return
		}
		next.Width, next.Height, next.LongSide = int(w), int(h), int(l)
		next.Source, next.Checked = source.Text, checked.Text
		if source.Text == sourceText(fm.Source) {
			next.Source = fm.Source // unchanged: keep the translation key
		}
		if i < 0 || next.Name != fm.Name {
			next.ID = "" // a new name gets a new ID
		}
		list := append([]upload.Format(nil), f.formats...)
		if i < 0 {
			list = append(list, next)
		} else {
			list[i] = next
		}
		f.saveAll(list, d.Show)
	}, f.u.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
}
