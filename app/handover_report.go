package app

import (
	"context"
	"errors"
	"log"
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
	"feedtakt/data/exchange"
)

// reportDays is the default length of the Vertretungsmappe: two weeks
// from today.
const reportDays = 14

// reportCard is the card "Vertretung und Akte" on the Übergabe screen:
// the Vertretungsmappe (PDF) and the Akte (a folder or a zip file) of a
// period. Both only
// read, so they work in a read-only workspace too.
func (h *handoverScreen) reportCard() fyne.CanvasObject {
	report := widget.NewButtonWithIcon(lang.L("Handover report (PDF) …"), theme.DocumentPrintIcon(), h.onReport)
	akte := widget.NewButtonWithIcon(lang.L("Akte (records) …"), theme.FolderNewIcon(), h.onAkte)
	ex := widget.NewLabel(lang.L("The handover report is a PDF for whoever covers; the Akte files published posts with their pictures."))
	ex.Wrapping = fyne.TextWrapWord
	// The buttons and the explanation share a row: the change log below
	// keeps its room at 1366x768.
	h.missing = widget.NewLabel("")
	h.missing.Wrapping = fyne.TextWrapWord
	h.missing.Importance = widget.WarningImportance
	fill := widget.NewButtonWithIcon(lang.L("Add in the settings …"), theme.SettingsIcon(), func() {
		h.u.shell.selectScreen(screenSettings)
		tab := len(h.u.shell.settingsTabs.Items) - 1 // Organisation: contacts, netiquette, hints
		if h.onlyAccess {
			tab = 0 // Kanäle & Rubriken: the channel form has the access note
		}
		h.u.shell.settingsTabs.SelectIndex(tab)
	})
	h.missingRow = container.NewBorder(nil, nil, nil, fill, h.missing)
	h.missingRow.Hide()
	return section(lang.L("Cover and records"), "", container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(report, akte), nil, ex), h.missingRow))
}

// checkMissing says under the buttons what the Vertretungsmappe would
// lack: where access to a channel is documented, the contacts, the
// netiquette, the hints for whoever covers. Hidden when nothing is.
func (h *handoverScreen) checkMissing() {
	ws := h.u.ws
	h.u.run(func(ctx context.Context) func() {
		notes, err := ws.HandoverNotes(ctx)
		var chans []data.Channel
		if err == nil {
			chans, err = ws.Channels(ctx)
		}
		return func() {
			parts, onlyAccess := missingForReport(notes, chans)
			if err != nil || len(parts) == 0 {
				h.missingRow.Hide()
				return
			}
			h.onlyAccess = onlyAccess
			h.missing.SetText(lang.L("Missing for the handover report: {{.List}}.", map[string]any{"List": strings.Join(parts, " · ")}))
			h.missingRow.Show()
		}
	})
}

// missingForReport lists what the handover report would print as "nicht
// hinterlegt", in the UI language; onlyAccess when that is only where
// channels' access is documented.
func missingForReport(notes data.HandoverNotes, chans []data.Channel) (parts []string, onlyAccess bool) {
	var out []string
	open := 0
	for _, c := range chans {
		if !c.Disabled && strings.TrimSpace(c.AccessNote) == "" {
			open++
		}
	}
	if open > 0 {
		out = append(out, lang.N("where access to {{.Count}} channel is documented", open, map[string]any{"Count": open}))
	}
	for _, f := range []struct{ text, key string }{{notes.Contacts, "contacts"}, {notes.Netiquette, "netiquette"}, {notes.Hints, "hints for whoever covers"}} {
		if strings.TrimSpace(f.text) == "" {
			out = append(out, lang.L(f.key))
		}
	}
	return out, open > 0 && len(out) == 1
}

// reportName is the suggested file name of the Vertretungsmappe.
func reportName(from, to calendar.Date) string {
	return "Vertretungsmappe-" + from.ISO() + "-bis-" + to.ISO() + ".pdf"
}

// akteName is the suggested folder name of the Akte.
func akteName(from, to calendar.Date) string {
	return "Akte-" + from.ISO() + "-bis-" + to.ISO()
}

// akteZipName is the suggested file name of the Akte as a zip file.
func akteZipName(from, to calendar.Date) string { return akteName(from, to) + ".zip" }

// lastMonth is the calendar month before the one of today.
func lastMonth(today calendar.Date) (calendar.Date, calendar.Date) {
	first := calendar.NewDate(today.Year, today.Month, 1)
	return calendar.NewDate(first.Year, first.Month-1, 1), first.AddDays(-1)
}

// periodForm is the dialog both share: Von, Bis, a folder and a name
// that follows the period until she edits it. A wrong period is said
// inside the dialog, which stays open with what she typed.
type periodForm struct {
	u          *UI
	from, to   *widget.Entry
	folder     *widget.Entry
	name       *widget.Entry
	extra      []*widget.FormItem // after Bis: the Akte's "Ablegen als"
	form       *widget.Form
	nameItem   *widget.FormItem
	problem    *widget.Label
	suggest    func(from, to calendar.Date) string
	validate   func(from, to calendar.Date) error
	suggested  string // the name last suggested
	dlg        dialog.Dialog
	submitting func(from, to calendar.Date, path string)
}

func newPeriodForm(u *UI, from, to calendar.Date, suggest func(from, to calendar.Date) string, validate func(from, to calendar.Date) error) *periodForm {
	f := &periodForm{u: u, suggest: suggest, validate: validate}
	f.from, f.to, f.name = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.from.SetText(from.String())
	f.to.SetText(to.String())
	f.suggested = suggest(from, to)
	f.name.SetText(f.suggested)
	f.from.OnChanged = func(string) { f.follow() }
	f.to.OnChanged = func(string) { f.follow() }
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	return f
}

// follow updates the suggested name to the period, unless she wrote her own.
func (f *periodForm) follow() {
	a, err1 := calendar.ParseDate(f.from.Text)
	b, err2 := calendar.ParseDate(f.to.Text)
	if err1 != nil || err2 != nil || f.name.Text != f.suggested {
		return
	}
	f.suggested = f.suggest(a, b)
	f.name.SetText(f.suggested)
}

// suggestAs switches the suggested name (and the label of its field) to
// another kind of target: the Akte as a folder or as a zip file. A name
// she wrote herself stays.
func (f *periodForm) suggestAs(suggest func(from, to calendar.Date) string, nameLabel string) {
	f.suggest = suggest
	a, err1 := calendar.ParseDate(f.from.Text)
	b, err2 := calendar.ParseDate(f.to.Text)
	if err1 == nil && err2 == nil && f.name.Text == f.suggested {
		f.suggested = suggest(a, b)
		f.name.SetText(f.suggested)
	}
	if f.nameItem != nil {
		f.nameItem.Text = nameLabel
		f.form.Refresh()
	}
}

// show opens the dialog; ok gets the checked period and the path.
func (f *periodForm) show(title, confirm, folderLabel, nameLabel string, ok func(from, to calendar.Date, path string)) {
	var folderRow fyne.CanvasObject
	f.folder, folderRow = folderField(f.u, data.DocumentsDir())
	f.nameItem = widget.NewFormItem(nameLabel, f.name)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("From"), f.from), widget.NewFormItem(lang.L("To"), f.to)}
	items = append(items, f.extra...)
	items = append(items, widget.NewFormItem(folderLabel, folderRow), f.nameItem)
	form := widget.NewForm(items...)
	f.form = form
	f.submitting = ok
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { f.dlg.Hide() })
	do := widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), f.submit)
	do.Importance = widget.HighImportance
	content := container.NewVBox(form, f.problem)
	d := dialog.NewCustomWithoutButtons(title, content, f.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, do})
	f.dlg = d
	f.dlg.Resize(fyne.NewSize(620, f.dlg.MinSize().Height))
	f.dlg.Show()
}

// submit checks the period; a problem stays in the dialog.
func (f *periodForm) submit() {
	a, err1 := calendar.ParseDate(f.from.Text)
	b, err2 := calendar.ParseDate(f.to.Text)
	var msg string
	switch {
	case err1 != nil || err2 != nil:
		msg = lang.L("Please write the date as 27.11.2026.")
	case f.validate(a, b) != nil:
		msg = explain(f.validate(a, b))
	case strings.TrimSpace(f.name.Text) == "":
		msg = lang.L("Please give a name.")
	}
	if msg != "" {
		f.problem.SetText(msg)
		f.problem.Show()
		f.dlg.Resize(fyne.NewSize(620, f.dlg.MinSize().Height))
		return
	}
	f.dlg.Hide()
	f.submitting(a, b, filepath.Join(strings.TrimSpace(f.folder.Text), strings.TrimSpace(f.name.Text)))
}

// onReport asks for the period and the file, then writes the
// Vertretungsmappe.
func (h *handoverScreen) onReport() {
	u := h.u
	today := u.ws.Today()
	f := newPeriodForm(u, today, today.AddDays(reportDays-1), reportName, exchange.ValidateReportPeriod)
	f.show(lang.L("Handover report (PDF)"), lang.L("Write report"), lang.L("Folder"), lang.L("File name"),
		func(from, to calendar.Date, path string) {
			if filepath.Ext(path) == "" {
				path += ".pdf"
			}
			u.writeAsking(path, func() { writeReportFile(u, from, to, path) })
		})
}

// writeReportFile writes the Vertretungsmappe in the background; the file
// is replaced only when the new one is complete.
func writeReportFile(u *UI, from, to calendar.Date, path string) {
	ws := u.ws
	u.runShown(lang.L("Writing the handover report"), func(ctx context.Context, _ *job) func() {
		sum, pages, err := exchange.WriteHandoverReportFile(ctx, ws, from, to, path)
		return func() {
			if errors.Is(err, context.Canceled) {
				return
			}
			if err != nil {
				u.showError(lang.L("The handover report could not be written to {{.File}}.", map[string]any{"File": path}), err)
				return
			}
			log.Printf("handover report written: %s (%d pages)", path, pages)
			msg := lang.N("Handover report written: {{.File}} ({{.Pages}} pages).", pages, map[string]any{"File": path, "Pages": pages})
			if sum.DroppedChars > 0 {
				msg += "\n" + lang.L("{{.N}} characters (such as emoji) are not in the PDF font and were left out.", map[string]any{"N": sum.DroppedChars})
			}
			dialog.ShowInformation(lang.L("Handover report (PDF)"), msg, u.win)
		}
	})
}

// onAkte asks for the period and where the Akte goes: a new folder (the
// default) or one zip file, with folder and file name like any file
// Feedtakt writes (an existing zip file is replaced only when she says
// so).
func (h *handoverScreen) onAkte() {
	u := h.u
	from, to := lastMonth(u.ws.Today())
	f := newPeriodForm(u, from, to, akteName, exchange.ValidateAktePeriod)
	asFolder, asZip := lang.L("as a folder"), lang.L("as a zip file")
	kind := widget.NewRadioGroup([]string{asFolder, asZip}, nil)
	kind.Horizontal = true
	kind.Required = true
	kind.SetSelected(asFolder)
	kind.OnChanged = func(s string) {
		if s == asZip {
			f.suggestAs(akteZipName, lang.L("File name"))
		} else {
			f.suggestAs(akteName, lang.L("New folder"))
		}
	}
	f.extra = []*widget.FormItem{{Text: lang.L("File as"), Widget: kind,
		HintText: lang.L("The zip file is one single file, e.g. for the e-Akte.")}}
	f.show(lang.L("Akte (records)"), lang.L("Write Akte"), lang.L("In folder"), lang.L("New folder"),
		func(from, to calendar.Date, path string) {
			if kind.Selected != asZip {
				writeAkteDir(u, from, to, path)
				return
			}
			if !strings.EqualFold(filepath.Ext(path), ".zip") {
				path += ".zip"
			}
			u.writeAsking(path, func() { writeAkteZip(u, from, to, path) })
		})
}

// writeAkteDir writes the Akte into a new folder in the background, all
// or nothing.
func writeAkteDir(u *UI, from, to calendar.Date, dir string) {
	writeAkteWith(u, exchange.WriteAkte, from, to, dir)
}

// writeAkteZip writes the Akte as one zip file in the background; the
// file is checked after writing and replaces an older one only then.
func writeAkteZip(u *UI, from, to calendar.Date, path string) {
	writeAkteWith(u, exchange.WriteAkteZip, from, to, path)
}

type akteWriter func(ctx context.Context, ws *data.Workspace, from, to calendar.Date, target string) (exchange.AkteSummary, error)

func writeAkteWith(u *UI, write akteWriter, from, to calendar.Date, dir string) {
	ws := u.ws
	u.runShown(lang.L("Writing the Akte"), func(ctx context.Context, _ *job) func() {
		sum, err := write(ctx, ws, from, to, dir)
		return func() {
			if errors.Is(err, context.Canceled) {
				return
			}
			if err != nil {
				u.showError(lang.L("The Akte could not be written to {{.Dir}}.", map[string]any{"Dir": dir}), err)
				return
			}
			log.Printf("akte written: %s (%d posts, %d files)", dir, sum.Posts, sum.Files)
			msg := lang.N("Akte written to {{.Dir}}: {{.Count}} published post, {{.Files}} media files, {{.Pages}} pages.", sum.Posts,
				map[string]any{"Dir": dir, "Count": sum.Posts, "Files": sum.Files, "Pages": sum.Pages})
			if sum.MissingFiles > 0 {
				msg += "\n" + lang.L("{{.N}} media files were missing in the workspace; the index names them without a file.", map[string]any{"N": sum.MissingFiles})
			}
			dialog.ShowInformation(lang.L("Akte (records)"), msg, u.win)
		}
	})
}
