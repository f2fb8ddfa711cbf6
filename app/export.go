package app

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/exchange"
	"feedtakt/data/fsx"
)

// openExportDialog asks for format and period (the shown month or week by
// default), then for the file, and writes it through a .part file.
func openExportDialog(s *calendarScreen) {
	u := s.u
	names := []string{lang.L("Calendar for Outlook (.ics)"), lang.L("Table for Excel (.csv)"), lang.L("Printable plan (.pdf)")}
	format := widget.NewSelect(names, nil)
	format.SetSelectedIndex(2)
	from, to := s.span()
	if s.mode == viewMonth {
		from = calendar.NewDate(s.selected.Year, s.selected.Month, 1)
		to = calendar.NewDate(s.selected.Year, s.selected.Month, calendar.DaysInMonth(s.selected.Year, s.selected.Month))
	}
	fromE, toE := widget.NewEntry(), widget.NewEntry()
	fromE.SetText(from.String())
	toE.SetText(to.String())
	dialog.ShowForm(lang.L("Export the plan"), lang.L("Choose file …"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Format"), format),
		widget.NewFormItem(lang.L("From"), fromE),
		widget.NewFormItem(lang.L("To"), toE),
	}, func(ok bool) {
		if !ok {
			return
		}
		f, err1 := calendar.ParseDate(fromE.Text)
		t, err2 := calendar.ParseDate(toE.Text)
		if err1 != nil || err2 != nil {
			dialog.ShowInformation(lang.L("Date not recognised"), lang.L("Please write the date as 27.11.2026."), u.win)
			return
		}
		req := exchange.Request{Format: exchange.Formats()[max(format.SelectedIndex(), 0)], From: f, To: t}
		if err := req.Validate(); err != nil {
			dialog.ShowInformation(lang.L("Please check"), explain(err), u.win)
			return
		}
		chooseExportFile(u, req)
	}, u.win)
}

func chooseExportFile(u *UI, req exchange.Request) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		// Fyne has created the file; we write our own way (.part, then
		// rename), so close its handle first.
		w.Close()
		ws := u.ws
		u.background(func() func() {
			sum, err := writeExport(ws, req, path)
			return func() {
				if err != nil {
					u.showError(lang.L("The export could not be written to {{.File}}.", map[string]any{"File": path}), err)
					return
				}
				msg := lang.L("Exported {{.Posts}} posts to {{.File}}.", map[string]any{"Posts": sum.Posts, "File": path})
				if sum.DroppedChars > 0 {
					msg += "\n" + lang.L("{{.N}} characters (such as emoji) are not in the PDF font and were left out.", map[string]any{"N": sum.DroppedChars})
				}
				dialog.ShowInformation(lang.L("Export"), msg, u.win)
			}
		})
	}, u.win)
	d.SetFileName(exchange.SuggestedName(req.Format, req.From, req.To))
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + req.Format}))
	if loc, err := storage.ListerForURI(storage.NewFileURI(data.DocumentsDir())); err == nil {
		d.SetLocation(loc)
	}
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// writeExport writes the export to path atomically: the old file stays
// whole until the new one is complete.
func writeExport(ws *data.Workspace, req exchange.Request, path string) (exchange.Summary, error) {
	if filepath.Ext(path) == "" {
		path += "." + req.Format
	}
	f, err := fsx.Create(path)
	if err != nil {
		return exchange.Summary{}, err
	}
	sum, err := req.Export(context.Background(), ws, f)
	if err != nil {
		f.Abort()
		return sum, err
	}
	if err := f.Commit(); err != nil {
		return sum, errors.Join(err)
	}
	return sum, nil
}
