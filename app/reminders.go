// The "Hinweise" of the Einwilligungen: withdrawn people still in planned
// posts, licences ended or ending, consents ending (data.Reminders), at
// the top of the calendar's side panel and on the Übergabe screen. A
// click leads to the person (Personen) or the item (Mediathek).

package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// reminderBox lists reminders, folded to the first few when there are
// more; "Alle … zeigen" unfolds them.
type reminderBox struct {
	u       *UI
	content *fyne.Container
	limit   int  // shown while folded
	heading bool // with its own "Hinweise" heading (the side panel)
	empty   string

	items []data.Reminder
	err   error
	open  bool
	rows  []*tapArea // the shown rows, for tests
}

func newReminderBox(u *UI, limit int, heading bool, empty string) *reminderBox {
	return &reminderBox{u: u, content: container.NewVBox(), limit: limit, heading: heading, empty: empty}
}

// loadReminders reads the reminders of today in the background.
func loadReminders(ctx context.Context, ws *data.Workspace) ([]data.Reminder, error) {
	return ws.Reminders(ctx, today())
}

// set shows rs (or why they could not be read).
func (b *reminderBox) set(rs []data.Reminder, err error) {
	b.items, b.err = rs, err
	b.render()
}

func (b *reminderBox) render() {
	var objs []fyne.CanvasObject
	b.rows = nil
	if b.heading && (len(b.items) > 0 || b.err != nil) {
		objs = append(objs, heading(lang.L("Reminders")))
	}
	switch {
	case b.err != nil:
		objs = append(objs, wrapped(lang.L("The notes on consents and licences could not be read.")+" "+explain(b.err)))
	case len(b.items) == 0 && b.empty != "":
		objs = append(objs, wrapped(b.empty))
	}
	shown := b.items
	if !b.open && len(shown) > b.limit {
		shown = shown[:b.limit]
	}
	for _, r := range shown {
		row := b.row(r)
		b.rows = append(b.rows, row)
		objs = append(objs, row)
	}
	if len(b.items) > b.limit {
		text := lang.L("Show all {{.N}} notes", map[string]any{"N": len(b.items)})
		if b.open {
			text = lang.L("Show fewer")
		}
		toggle := widget.NewButton(text, func() {
			b.open = !b.open
			b.render()
		})
		toggle.Importance = widget.LowImportance
		objs = append(objs, container.NewHBox(toggle))
	}
	b.content.Objects = objs
	b.content.Refresh()
}

// row is one reminder: an icon by urgency (stop: withdrawn, licence
// ended; warning: ends soon), the sentence, a click to the person or item.
func (b *reminderBox) row(r data.Reminder) *tapArea {
	var icon fyne.Resource = theme.NewWarningThemedResource(theme.WarningIcon())
	l := wrapped(message(r.Message()))
	switch r.Kind {
	case data.ReminderWithdrawn, data.ReminderLicenceEnded:
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
		l.Importance = widget.DangerImportance
	}
	open := func() { b.u.showPerson(r.PersonID) }
	if r.MediaID != 0 {
		open = func() { b.u.revealMediaItem(r.MediaID) }
	}
	return newTapArea(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, l), open, nil)
}

// revealMediaItem switches to the Mediathek with item id selected, its
// details beside the grid.
func (u *UI) revealMediaItem(id int64) {
	if u.shell == nil || u.shell.library == nil {
		return
	}
	fetch(u, func(ws *data.Workspace, ctx context.Context) (data.Media, error) { return ws.Media(ctx, id) },
		func(m data.Media, err error) {
			if err != nil {
				u.showError(lang.L("The item could not be opened."), err)
				return
			}
			lib := u.shell.library
			lib.clearPicked()
			lib.pick(m)
			lib.anchor = m.ID
			u.shell.selectScreen(screenMedia)
			lib.selectionShown()
		})
}
