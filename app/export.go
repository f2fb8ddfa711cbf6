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
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/exchange"
)

// openExportDialog asks for format (for the PDF: with the posts' texts
// and pictures or without), period (the shown month or week by default),
// folder and file name, then writes the file through a .part
// file. Fyne's save dialog is not used because it creates (and so empties)
// the chosen file before the export has even started.
func openExportDialog(s *calendarScreen) {
	u := s.u
	names := []string{lang.L("Calendar for Outlook (.ics)"), lang.L("Table for Excel (.csv)"), lang.L("Printable plan (.pdf)")}
	format := widget.NewSelect(names, nil)
	from, to := s.span()
	if s.mode == viewMonth {
		from = calendar.NewDate(s.selected.Year, s.selected.Month, 1)
		to = calendar.NewDate(s.selected.Year, s.selected.Month, calendar.DaysInMonth(s.selected.Year, s.selected.Month))
	}
	fromE, toE := widget.NewEntry(), widget.NewEntry()
	fromE.SetText(from.String())
	toE.SetText(to.String())
	folder := widget.NewEntry()
	folder.SetText(data.DocumentsDir())
	name := widget.NewEntry()
	// "mit Texten und Bildern" is for the PDF only, and remembered.
	withTexts := widget.NewCheck(lang.L("with texts and pictures"), nil)
	withTexts.SetChecked(u.app.Preferences().Bool(prefExportTexts))
	withTexts.OnChanged = func(on bool) { u.app.Preferences().SetBool(prefExportTexts, on) }
	formatBox := container.NewVBox(format, withTexts)
	var d dialog.Dialog
	format.OnChanged = func(string) {
		showIf(withTexts, exportFormat(format) == exchange.FormatPDF)
		formatBox.Refresh()
		if d != nil { // the dialog fits the box shown or hidden
			d.Resize(fyne.NewSize(620, d.MinSize().Height))
		}
		f, err1 := calendar.ParseDate(fromE.Text)
		t, err2 := calendar.ParseDate(toE.Text)
		if err1 == nil && err2 == nil {
			name.SetText(exchange.SuggestedName(exportFormat(format), f, t))
		}
	}
	format.SetSelectedIndex(2)
	choose := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(uri fyne.ListableURI, err error) {
			if err == nil && uri != nil {
				folder.SetText(uri.Path())
			}
		}, u.win)
		if loc, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(loc)
		}
		d.Resize(fyne.NewSize(760, 520))
		d.Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Format"), formatBox),
		widget.NewFormItem(lang.L("From"), fromE),
		widget.NewFormItem(lang.L("To"), toE),
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem(lang.L("File name"), name),
	}
	d = dialog.NewForm(lang.L("Export the plan"), lang.L("Export"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		f, err1 := calendar.ParseDate(fromE.Text)
		t, err2 := calendar.ParseDate(toE.Text)
		if err1 != nil || err2 != nil {
			dialog.ShowInformation(lang.L("Date not recognised"), lang.L("Please write the date as 27.11.2026."), u.win)
			return
		}
		req := exchange.Request{Format: exportFormat(format), From: f, To: t}
		req.Texts = req.Format == exchange.FormatPDF && withTexts.Checked
		if err := req.Validate(); err != nil {
			dialog.ShowInformation(lang.L("Please check"), explain(err), u.win)
			return
		}
		path := exportPath(folder.Text, name.Text, req.Format)
		u.writeAsking(path, func() { runExport(u, req, path) })
	}, u.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
}

// prefExportTexts remembers "mit Texten und Bildern" for the next PDF.
const prefExportTexts = "exportPDFTexts"

// exportFormat is the format chosen in the dialog's selection.
func exportFormat(sel *widget.Select) string {
	return exchange.Formats()[max(sel.SelectedIndex(), 0)]
}

// exportPath joins folder and name and adds the format's extension when
// the name has none.
func exportPath(folder, name, format string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "Redaktionsplan"
	}
	if filepath.Ext(name) == "" {
		name += "." + format
	}
	return filepath.Join(strings.TrimSpace(folder), name)
}

func runExport(u *UI, req exchange.Request, path string) {
	ws := u.ws
	u.runShown(lang.L("Writing the export"), func(context.Context, *job) func() {
		sum, err := writeExport(ws, req, path)
		return func() {
			if err != nil {
				u.showError(lang.L("The export could not be written to {{.File}}.", map[string]any{"File": path}), err)
				return
			}
			msg := lang.N("Exported {{.Count}} post to {{.File}}.", sum.Posts, map[string]any{"Count": sum.Posts, "File": path})
			if sum.DroppedChars > 0 {
				n := map[string]any{"N": sum.DroppedChars}
				if req.Texts {
					msg += "\n" + lang.L("{{.N}} characters (such as emoji) are not in the PDF font: left out of the titles, marked [Emoji] in the texts.", n)
				} else {
					msg += "\n" + lang.L("{{.N}} characters (such as emoji) are not in the PDF font and were left out.", n)
				}
			}
			dialog.ShowInformation(lang.L("Export"), msg, u.win)
		}
	})
}

// writeExport writes the export to path atomically (exchange.ExportFile):
// an existing file stays whole until the new one is complete.
func writeExport(ws *data.Workspace, req exchange.Request, path string) (exchange.Summary, error) {
	return req.ExportFile(context.Background(), ws, path)
}

// writeAsking runs write, after asking whether to replace the file at path
// when one is there already (a folder of that name is not asked about:
// writing fails then with its own message).
func (u *UI) writeAsking(path string, write func()) {
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		dialog.ShowConfirm(lang.L("Replace file?"), lang.L("{{.File}} exists already. Replace it?", map[string]any{"File": path}), func(yes bool) {
			if yes {
				write()
			}
		}, u.win)
		return
	}
	write()
}
