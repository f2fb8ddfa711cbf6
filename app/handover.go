package app

import (
	"context"
	"fmt"
	"log"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// changePage is how many change-log rows are fetched at a time.
const changePage = 200

// handoverScreen shows what a colleague who takes over needs to know about
// the workspace itself: where it is, who has it open, its backups, and the
// change log, and it writes and opens the handover bundle (handover_bundle.go)
// and writes the Vertretungsmappe and the Akte (handover_report.go).
type handoverScreen struct {
	u       *UI
	content fyne.CanvasObject

	where   *widget.Label
	backups *widget.Label
	backup  *widget.Button

	makeBundle *widget.Button // Paket erstellen …; off while a bundle is written

	takeShare *widget.Button // Austausch-Datei übernehmen …; off read-only (handover_share.go)
	shareForm *shareForm     // the last "Austausch-Datei erstellen" dialog

	mu      sync.Mutex // guards changes and more, filled by the pager
	changes []data.Change
	more    bool
	loading bool
	page    *job // the page being read; a refresh cancels it
	log     *widget.List
	logErr  *widget.Label // why the change log could not be read
	hints   *reminderBox  // consents and licences to look at (reminders.go)

	missing    *widget.Label   // what the Vertretungsmappe lacks (handover_report.go)
	missingRow *fyne.Container // missing and its button; hidden when nothing lacks
	onlyAccess bool            // only channels' access notes lack: the button opens the channels tab
}

func newHandoverScreen(u *UI) *handoverScreen {
	h := &handoverScreen{u: u, more: true}
	h.where = widget.NewLabel("")
	h.where.Wrapping = fyne.TextWrapWord
	openFolder := widget.NewButtonWithIcon(lang.L("Show folder"), theme.FolderOpenIcon(), func() {
		openPath(u, u.ws.Dir())
	})
	h.backups = widget.NewLabel("")
	h.backups.Wrapping = fyne.TextWrapWord
	h.backup = widget.NewButtonWithIcon(lang.L("Back up now"), theme.DocumentSaveIcon(), h.onBackup)
	if u.ws.ReadOnly() {
		h.backup.Disable()
	}
	showBackups := widget.NewButtonWithIcon(lang.L("Show backups"), theme.FolderOpenIcon(), func() {
		openPath(u, filepath.Join(u.ws.Dir(), data.BackupsDir))
	})
	wsCard := section(lang.L("Workspace"), "", container.NewVBox(h.where, container.NewHBox(openFolder)))
	bCard := section(lang.L("Backups"), lang.L("A verified copy daily and before every update; each kept for 14 days, one a month for a year."),
		container.NewVBox(h.backups, container.NewHBox(h.backup, showBackups)))
	h.makeBundle = widget.NewButtonWithIcon(lang.L("Make bundle …"), theme.DocumentSaveIcon(), h.onMakeBundle)
	openBundle := widget.NewButtonWithIcon(lang.L("Open bundle …"), theme.FolderOpenIcon(), u.chooseBundle)
	pCard := section(lang.L("Handover bundle"), lang.L("The whole workspace in one file. “Open” makes it a new workspace, “Import” replaces this one."),
		h.bundleButtons(openBundle))

	h.log = widget.NewList(h.logLength, h.logCreate, h.logUpdate)
	h.logErr = widget.NewLabel("")
	h.logErr.Wrapping = fyne.TextWrapWord
	h.logErr.Importance = widget.DangerImportance
	h.logErr.Hide()
	logCard := section(lang.L("Change log"), lang.L("Who changed what, newest first."), h.logErr)
	h.hints = newReminderBox(u, 4, false, lang.L("No consent or licence ends within 30 days, and nobody who withdrew is in a planned post."))
	hCard := section(lang.L("Consents and licences"), "", h.hints.content)
	cards := container.NewPadded(container.NewVBox(container.NewGridWithColumns(3, wsCard, bCard, pCard),
		container.NewBorder(nil, nil, nil, h.shareCard(), h.reportCard()), hCard))
	logHead := container.NewPadded(logCard)
	h.content = container.New(&cardsAndLog{cards: cards, head: logHead, row: h.logCreate().MinSize().Height},
		container.NewVScroll(cards), container.NewBorder(logHead, nil, nil, nil, container.NewPadded(h.log)))
	h.refresh()
	return h
}

// logRows is how many change-log rows stay visible however many cards and
// hints stand above them; the cards scroll when the window is too low.
const logRows = 3

// cardsAndLog lays the Übergabe screen out: the cards on top get the height
// they need, but never so much that the change log below shows fewer than
// logRows rows (at 1366x768 with many hints, the log would otherwise vanish).
// objs[0] is the cards' scroll, objs[1] the log with its heading.
type cardsAndLog struct {
	cards fyne.CanvasObject // the scroll's content, for its natural height
	head  fyne.CanvasObject // the log's heading
	row   float32           // one log row's height
}

func (l *cardsAndLog) logMin() float32 {
	return l.head.MinSize().Height + logRows*(l.row+theme.Padding()) + 2*theme.Padding()
}

func (l *cardsAndLog) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top := min(l.cards.MinSize().Height, max(size.Height-l.logMin(), 0))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, top))
	objs[1].Move(fyne.NewPos(0, top))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-top))
}

func (l *cardsAndLog) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(max(l.cards.MinSize().Width, objs[1].MinSize().Width), l.logMin()+l.row)
}

// openPath opens a folder in the system's file manager.
func openPath(u *UI, dir string) {
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}); err != nil {
		u.showError(lang.L("The folder could not be opened."), err)
	}
}

// refresh reloads the facts and the first page of the log.
func (h *handoverScreen) refresh() {
	ws := h.u.ws
	if ws == nil {
		return
	}
	where := ws.Dir()
	if ws.Network() {
		where += "\n" + lang.L("On a network drive (safe journal mode for shared folders).")
	}
	if ws.ReadOnly() {
		where += "\n" + lang.L("Opened read-only.")
	}
	h.where.SetText(where)
	h.u.run(func(context.Context) func() {
		bs, err := ws.Backups()
		return func() {
			switch {
			case err != nil:
				h.backups.SetText(lang.L("The backups could not be listed.") + " " + explain(err))
			case len(bs) == 0:
				h.backups.SetText(lang.L("No backup yet."))
			default:
				h.backups.SetText(lang.N("Newest backup: {{.Time}} ({{.Size}}). {{.Count}} backups kept.", len(bs),
					map[string]any{"Time": bs[0].Time.Format("02.01.2006 15:04"), "Size": formatBytes(bs[0].Size), "Count": len(bs)}))
			}
		}
	})
	h.u.run(func(ctx context.Context) func() {
		rs, err := loadReminders(ctx, ws)
		return func() {
			h.hints.set(rs, err)
			h.content.Refresh() // the card above the log grew or shrank
		}
	})
	h.checkMissing()
	h.mu.Lock()
	if h.page != nil {
		h.page.Cancel() // a page of the old list must not join the new one
		h.page = nil
	}
	h.changes, h.more, h.loading = nil, true, false
	h.mu.Unlock()
	h.logErr.Hide()
	h.log.Refresh()
	h.loadMore()
}

func (h *handoverScreen) onBackup() {
	h.backup.Disable()
	ws := h.u.ws
	h.u.run(func(ctx context.Context) func() {
		b, err := ws.Backup(ctx, "")
		return func() {
			h.backup.Enable()
			if err != nil {
				h.u.showError(lang.L("The backup failed."), err)
				return
			}
			log.Printf("backup written: %s", b.Path)
			h.refresh()
		}
	})
}

// loadMore fetches the next page of the change log in the background.
func (h *handoverScreen) loadMore() {
	h.mu.Lock()
	if h.loading || !h.more {
		h.mu.Unlock()
		return
	}
	h.loading = true
	var before int64
	if n := len(h.changes); n > 0 {
		before = h.changes[n-1].ID
	}
	ws := h.u.ws
	h.page = h.u.run(func(ctx context.Context) func() {
		cs, err := ws.Changes(ctx, before, changePage)
		return func() {
			h.mu.Lock()
			h.loading, h.page = false, nil
			if err == nil {
				h.changes = append(h.changes, cs...)
				h.more = len(cs) == changePage
			}
			h.mu.Unlock()
			if err != nil {
				log.Printf("read change log: %v", err)
				h.logErr.SetText(lang.L("The change log could not be read.") + " " + explain(err))
				h.logErr.Show()
			}
			h.log.Refresh()
		}
	})
	h.mu.Unlock()
}

func (h *handoverScreen) logLength() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.changes)
}

func (h *handoverScreen) logCreate() fyne.CanvasObject {
	when := widget.NewLabel("00.00.0000 00:00")
	who := widget.NewLabel("")
	who.Truncation = fyne.TextTruncateEllipsis
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, when, nil, container.NewGridWithColumns(2, what, who))
}

func (h *handoverScreen) logUpdate(id widget.ListItemID, o fyne.CanvasObject) {
	h.mu.Lock()
	if id >= len(h.changes) {
		h.mu.Unlock()
		return
	}
	c := h.changes[id]
	nearEnd := id >= len(h.changes)-20
	h.mu.Unlock()
	row := o.(*fyne.Container)
	row.Objects[1].(*widget.Label).SetText(c.At.Format("02.01.2006 15:04"))
	grid := row.Objects[0].(*fyne.Container)
	grid.Objects[0].(*widget.Label).SetText(c.Summary)
	grid.Objects[1].(*widget.Label).SetText(personAndPC(c.Person, c.PC))
	if nearEnd {
		h.loadMore()
	}
}

// personAndPC is "Person · PC", or the one of the two that is known.
func personAndPC(person, pc string) string {
	return strings.Join(slices.DeleteFunc([]string{person, pc}, func(s string) bool { return s == "" }), " · ")
}

// formatBytes writes a size as a person reads it ("3,4 MB").
func formatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return decimal(float64(n)/(1<<30)) + " GB"
	case n >= 1<<20:
		return decimal(float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// decimal writes one decimal place with the UI language's separator.
func decimal(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	if language == "de" {
		for i := range s {
			if s[i] == '.' {
				return s[:i] + "," + s[i+1:]
			}
		}
	}
	return s
}
