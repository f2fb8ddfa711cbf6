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
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/bundle"
	"feedtakt/data/calendar"
)

// bundleName is the suggested file name of a handover bundle made today.
func bundleName(today calendar.Date) string {
	return "Feedtakt-Übergabe-" + today.ISO() + bundle.Ext
}

// folderField is an entry for a folder with a button that opens the folder
// dialog where the entry points.
func folderField(u *UI, start string) (*widget.Entry, fyne.CanvasObject) {
	folder := widget.NewEntry()
	folder.SetText(start)
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
	return folder, container.NewBorder(nil, nil, nil, choose, folder)
}

// onMakeBundle asks for folder and file name, then writes the bundle. Like
// the export, it does not use Fyne's save dialog, which creates (and so
// empties) the chosen file before anything is written.
func (h *handoverScreen) onMakeBundle() {
	u := h.u
	folder, folderRow := folderField(u, data.DocumentsDir())
	name := widget.NewEntry()
	name.SetText(bundleName(u.ws.Today()))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Folder"), folderRow),
		widget.NewFormItem(lang.L("File name"), name),
	}
	d := dialog.NewForm(lang.L("Make a handover bundle"), lang.L("Make bundle"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		path := bundlePath(folder.Text, name.Text)
		u.writeAsking(path, func() { h.writeBundle(path) })
	}, u.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
}

// bundlePath joins folder and name and adds .feedtakt when the name has
// no extension.
func bundlePath(folder, name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "Feedtakt-Übergabe"
	}
	if filepath.Ext(name) == "" {
		name += bundle.Ext
	}
	return filepath.Join(strings.TrimSpace(folder), name)
}

// bundleProgress hands a bundle's byte progress to the status area in
// megabytes (the bar shows "120 von 2.048").
func bundleProgress(j *job) func(done, total int64) {
	return func(done, total int64) { j.progress(int(done>>20), int(max(total>>20, 1))) }
}

// writeBundle writes and verifies the bundle in the background, with a
// progress bar and Abbrechen in the status area; "fertig" is said only
// after the file was read back in full.
func (h *handoverScreen) writeBundle(path string) {
	u, ws := h.u, h.u.ws
	h.makeBundle.Disable()
	u.runShown(lang.L("Writing the handover bundle"), func(ctx context.Context, j *job) func() {
		sum, err := bundle.Write(ctx, ws, path, bundleProgress(j))
		return func() {
			h.makeBundle.Enable()
			if err != nil {
				showBundleError(u, lang.L("The handover bundle could not be written to {{.File}}.", map[string]any{"File": path}), err)
				return
			}
			log.Printf("handover bundle written: %s (%d files, %d bytes)", sum.Path, sum.Files, sum.Bytes)
			msg := lang.L("Handover bundle written and verified: {{.File}}", map[string]any{"File": sum.Path}) + "\n" +
				lang.N("Contents: the database and {{.Count}} media files, {{.Size}} in total.", sum.Files-1,
					map[string]any{"Count": sum.Files - 1, "Size": formatBytes(sum.Bytes)})
			if n := len(sum.Missing); n > 0 {
				msg += "\n\n" + lang.N("{{.Count}} media files are missing in the workspace and could not be packed:", n, map[string]any{"Count": n}) +
					"\n" + strings.Join(sum.Missing, "\n")
			}
			dialog.ShowInformation(lang.L("Handover bundle"), msg, u.win)
		}
	})
}

// showBundleError is showError with the bundle's own explanations.
func showBundleError(u *UI, what string, err error) {
	if errors.Is(err, context.Canceled) {
		return // she pressed Abbrechen
	}
	log.Printf("%s: %v", what, err)
	e := bundle.Explain(err)
	dialog.NewError(errors.New(what+"\n\n"+message(calendar.Message{Key: e.Key, Args: e.Args})), u.win).Show()
}

// chooseBundle asks for a bundle file, then for the new workspace folder
// (Übergabe → Paket öffnen …, and the welcome screen).
func (u *UI) chooseBundle() {
	u.openFiles(lang.L("Open a handover bundle"), data.DocumentsDir(), bundleFiles, func(paths []string) {
		askUnpackTarget(u, paths[0])
	})
}

// askUnpackTarget asks where the bundle's workspace goes: a new folder
// (name) in a parent folder, or an empty folder of that name.
func askUnpackTarget(u *UI, file string) {
	parent, parentRow := folderField(u, data.DocumentsDir())
	name := widget.NewEntry()
	name.SetText(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Bundle"), widget.NewLabel(filepath.Base(file))),
		widget.NewFormItem(lang.L("Folder"), parentRow),
		widget.NewFormItem(lang.L("New workspace folder"), name),
	}
	d := dialog.NewForm(lang.L("Open a handover bundle"), lang.L("Unpack"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n := strings.TrimSpace(name.Text)
		if n == "" {
			dialog.ShowInformation(lang.L("Folder missing"), lang.L("Please give the new workspace folder a name."), u.win)
			return
		}
		unpackBundle(u, file, filepath.Join(strings.TrimSpace(parent.Text), n))
	}, u.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
}

// unpackBundle checks and unpacks in the background, then offers to open
// the new workspace.
func unpackBundle(u *UI, file, dir string) {
	u.runShown(lang.L("Unpacking the handover bundle"), func(ctx context.Context, j *job) func() {
		err := bundle.Unpack(ctx, file, dir, bundleProgress(j))
		return func() {
			if err != nil {
				showBundleError(u, lang.L("The handover bundle {{.File}} could not be unpacked.", map[string]any{"File": filepath.Base(file)}), err)
				return
			}
			log.Printf("handover bundle %s unpacked into %s", file, dir)
			dialog.ShowConfirm(lang.L("Handover bundle unpacked"),
				lang.L("The bundle was checked completely and unpacked into {{.Dir}}. Open this workspace now?", map[string]any{"Dir": dir}),
				func(yes bool) {
					if yes {
						u.openWorkspace(dir)
					}
				}, u.win)
		}
	})
}
