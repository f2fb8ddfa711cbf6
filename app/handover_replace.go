package app

import (
	"context"
	"log"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/bundle"
)

// Bringing a bundle back (Übergabe → Paket einspielen …): the colleague's
// bundle is checked and compared with the open workspace; a dialog lists
// the posts that differ and who changed them; on Einspielen the workspace
// is closed, replaced (a verified backup first, the old folder kept beside
// it) and opened again.

// bundleButtons are the bundle card's buttons: make and open in one row,
// import below (three in a row do not fit the card at 1366 pixels).
func (h *handoverScreen) bundleButtons(openBundle *widget.Button) fyne.CanvasObject {
	return container.NewVBox(container.NewHBox(h.makeBundle, openBundle), container.NewHBox(h.newReplaceButton()))
}

// newReplaceButton is Paket einspielen …, off in a read-only workspace.
func (h *handoverScreen) newReplaceButton() *widget.Button {
	u := h.u
	b := widget.NewButtonWithIcon(lang.L("Import bundle …"), theme.DownloadIcon(), func() {
		u.openFiles(lang.L("Import a handover bundle"), data.DocumentsDir(), bundleFiles, func(paths []string) {
			compareBundle(u, paths[0])
		})
	})
	if u.ws.ReadOnly() {
		b.Disable()
	}
	return b
}

// compareBundle checks the bundle in full and compares it with the open
// workspace in the background, then shows what differs.
func compareBundle(u *UI, file string) {
	ws := u.ws
	u.runShown(lang.L("Checking the handover bundle"), func(ctx context.Context, j *job) func() {
		d, err := bundle.Compare(ctx, file, ws, bundleProgress(j))
		return func() {
			if err != nil {
				showBundleError(u, lang.L("The handover bundle {{.File}} could not be compared with the workspace.", map[string]any{"File": filepath.Base(file)}), err)
				return
			}
			showReplaceDialog(u, file, d)
		}
	})
}

// asideExample is how the old folder will be named when replaced at now,
// for the dialog (German in every UI language, as bundle.Replace makes it;
// the message after replacing names it exactly).
func asideExample(dir string, now time.Time) string {
	return filepath.Base(dir) + " (vor Paket " + now.Format("2006-01-02 1504") + ")"
}

// explanationText is the sentence in the UI language, in the plural form
// its count asks for.
func explanationText(e data.Explanation) string {
	if n, ok := e.Args["Count"].(int); ok {
		return lang.N(e.Key, n, e.Args)
	}
	return lang.L(e.Key, e.Args)
}

// showReplaceDialog lists what differs and asks before replacing.
func showReplaceDialog(u *UI, file string, d bundle.Diff) {
	head := widget.NewLabelWithStyle(explanationText(d.Headline()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head)
	for _, w := range d.Warnings() { // data protection done here that the bundle would undo
		l := widget.NewLabel(explanationText(w))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		top.Add(l)
	}
	for _, n := range d.Notes() {
		l := widget.NewLabel(explanationText(n))
		l.Wrapping = fyne.TextWrapWord
		if n.Key == d.Notes()[len(d.Notes())-1].Key && d.HereLater > 0 {
			l.Importance = widget.WarningImportance
		}
		top.Add(l)
	}
	explain := widget.NewLabel(lang.L("Before replacing, a verified backup of this workspace is made. The current folder is kept unchanged, with all its pictures, as “{{.Aside}}” in {{.Parent}}.",
		map[string]any{"Aside": asideExample(u.ws.Dir(), time.Now()), "Parent": filepath.Dir(u.ws.Dir())}))
	explain.Wrapping = fyne.TextWrapWord
	top.Add(explain)

	var body fyne.CanvasObject
	rows := float32(1)
	if len(d.Posts) == 0 {
		body = widget.NewLabel(lang.L("No post differs."))
	} else {
		list := newDiffList(d.Posts)
		rows = float32(min(len(d.Posts), 12)) * (list.CreateItem().MinSize().Height + theme.Padding())
		body = list
	}
	content := container.NewBorder(top, nil, nil, nil, body)
	dlg := dialog.NewCustomConfirm(lang.L("Replace this workspace by the handover bundle?"), lang.L("Replace"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			replaceWorkspace(u, file)
		}
	}, u.win)
	// As high as the list needs (up to 12 rows), no empty sheet for one post.
	width := min(920, u.win.Canvas().Size().Width-40)
	top.Resize(fyne.NewSize(width-40, top.MinSize().Height))
	dlg.Resize(fyne.NewSize(width, min(top.MinSize().Height+rows+160, u.win.Canvas().Size().Height-40)))
	dlg.Show()
}

// newDiffList is the scrollable list of differing posts: Neu/Geändert/
// Entfernt, date, title, by whom.
func newDiffList(posts []bundle.PostDiff) *widget.List {
	fixed := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	return widget.NewList(func() int { return len(posts) },
		func() fyne.CanvasObject {
			kind := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			day := widget.NewLabel("")
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			who := widget.NewLabel("")
			return container.NewBorder(nil, nil, container.NewHBox(fixed(kind, 100), fixed(day, 110)), who, title)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			p := posts[id]
			row := o.(*fyne.Container)
			left := row.Objects[1].(*fyne.Container)
			kind := left.Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
			day := left.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			title := row.Objects[0].(*widget.Label)
			who := row.Objects[2].(*widget.Label)
			kind.SetText(lang.L(p.Kind.KindKey()))
			kind.Importance = map[bundle.DiffKind]widget.Importance{bundle.Added: widget.SuccessImportance, bundle.Changed: widget.MediumImportance, bundle.Removed: widget.DangerImportance}[p.Kind]
			kind.Refresh()
			dt, isKey := p.DayText()
			if isKey {
				dt = lang.L(dt)
			}
			day.SetText(dt)
			title.SetText(p.Title)
			by := p.By
			if by == "" {
				by = lang.L("unknown")
			}
			by = lang.L("by {{.Person}}", map[string]any{"Person": by})
			title.Importance = widget.MediumImportance
			if p.HereLater {
				by += " · " + lang.L("changed here after the bundle")
				title.Importance = widget.WarningImportance
			}
			title.Refresh()
			who.SetText(by)
			row.Refresh() // the right column is as wide as its new text
		})
}

// replaceWorkspace closes the workspace (as switching workspaces does),
// replaces it by the bundle in the background and opens it again: the
// bundle's on success, the old one, unchanged, on failure.
func replaceWorkspace(u *UI, file string) {
	if u.opening || u.ws == nil {
		return
	}
	dir := u.ws.Dir()
	actor := u.actor()
	u.opening = true
	u.closeWorkspace()
	u.showProgress(lang.L("Importing the handover bundle …"))
	u.runShown(lang.L("Importing the handover bundle"), func(ctx context.Context, j *job) func() {
		res, err := bundle.Replace(ctx, file, dir, data.Options{Actor: actor, Delay: u.cfg.delay}, bundleProgress(j))
		return func() {
			u.opening = false
			u.openWorkspace(dir)
			if err != nil {
				showBundleError(u, lang.L("The handover bundle {{.File}} could not be imported. The workspace was not changed.", map[string]any{"File": filepath.Base(file)}), err)
				return
			}
			log.Printf("handover bundle %s imported into %s; old folder %s", file, dir, res.Aside)
			dialog.ShowInformation(lang.L("Handover bundle imported"),
				lang.L("Done: the workspace now holds the bundle. The previous folder was kept unchanged as {{.Aside}}; a verified backup of the previous database is listed under Backups.",
					map[string]any{"Aside": res.Aside}), u.win)
		}
	})
}
