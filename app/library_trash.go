package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// trashDialog is the Mediathek's Papierkorb: what was deleted in the last
// 30 days, when and by whom, how long it stays, and restoring chosen
// entries.
type trashDialog struct {
	s      *libraryScreen
	d      *dialog.CustomDialog
	items  []data.TrashItem
	chosen map[string]bool // by TrashItem.Key

	list    *widget.List
	body    *fyne.Container // the list, or the empty state
	empty   fyne.CanvasObject
	all     *widget.Check
	restore *widget.Button
	result  *widget.Label // what the last restore did
	busy    bool
}

// showTrash opens the Papierkorb dialog and reads its entries.
func (s *libraryScreen) showTrash() { s.openTrash() }

func (s *libraryScreen) openTrash() *trashDialog {
	t := &trashDialog{s: s, chosen: map[string]bool{}}
	t.list = widget.NewList(func() int { return len(t.items) }, t.newRow, t.updateRow)
	emptyText := widget.NewLabelWithStyle(lang.L("The Papierkorb is empty. Deleted files stay here for 30 days and can be restored."),
		fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	emptyText.Wrapping = fyne.TextWrapWord
	t.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 80), emptyText))
	t.body = container.NewStack(widget.NewLabel(lang.L("Reading …")))
	t.all = widget.NewCheck(lang.L("Select all"), func(on bool) {
		for _, it := range t.items {
			t.chosen[it.Key] = on
		}
		t.list.Refresh()
		t.updateButton()
	})
	t.restore = widget.NewButtonWithIcon(lang.L("Restore"), theme.ContentUndoIcon(), t.restoreChosen)
	t.restore.Importance = widget.HighImportance
	t.restore.Disable()
	t.result = widget.NewLabel("")
	t.result.Wrapping = fyne.TextWrapWord
	t.result.Hide()
	intro := widget.NewLabel(lang.L("Deleted files stay in the Papierkorb for 30 days; then they are removed for good. A restored file comes back into the media library and into the posts that used it."))
	intro.Wrapping = fyne.TextWrapWord
	bottom := container.NewVBox(t.result, container.NewBorder(nil, nil, t.all, t.restore))
	content := container.NewBorder(intro, bottom, nil, nil, t.body)
	t.d = dialog.NewCustom(lang.L("Papierkorb"), lang.L("Close"), content, s.u.win)
	t.d.SetOnClosed(func() { s.filters.refreshCounts() })
	t.d.Resize(fyne.NewSize(720, 520))
	t.d.Show()
	t.load()
	return t
}

// load reads the Papierkorb; entries no longer there lose their tick.
func (t *trashDialog) load() {
	fetch(t.s.u, func(ws *data.Workspace, ctx context.Context) ([]data.TrashItem, error) { return ws.Trash(ctx) },
		func(items []data.TrashItem, err error) {
			if err != nil {
				t.body.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("The Papierkorb could not be read.") + "\n\n" + explain(err))}
				t.body.Refresh()
				return
			}
			t.items = items
			keep := map[string]bool{}
			for _, it := range items {
				if t.chosen[it.Key] {
					keep[it.Key] = true
				}
			}
			t.chosen = keep
			want := fyne.CanvasObject(t.list)
			if len(items) == 0 {
				want = t.empty
			}
			t.body.Objects = []fyne.CanvasObject{want}
			t.body.Refresh()
			t.list.Refresh()
			t.updateButton()
			t.s.filters.trash.SetText(lang.L("Papierkorb ({{.Count}})", map[string]any{"Count": formatCount(len(items))}))
		})
}

func (t *trashDialog) newRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	icon := widget.NewIcon(theme.FileImageIcon())
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	when := widget.NewLabel("")
	when.Truncation = fyne.TextTruncateEllipsis
	// The row is laid out once with empty texts: the days get a fixed
	// width so that "noch 30 Tage" is not cut.
	left := widget.NewLabel("")
	left.Alignment = fyne.TextAlignTrailing
	widest := widget.NewLabel(trashLeftText(data.TrashKeepDays)).MinSize()
	right := container.NewGridWrap(widest, left)
	return container.NewBorder(nil, nil, container.NewHBox(check, icon), right, container.NewVBox(name, when))
}

func (t *trashDialog) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(t.items) {
		return
	}
	it := t.items[id]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	lead := c.Objects[1].(*fyne.Container)
	left := c.Objects[2].(*fyne.Container).Objects[0].(*widget.Label)
	check, icon := lead.Objects[0].(*widget.Check), lead.Objects[1].(*widget.Icon)
	name, when := texts.Objects[0].(*widget.Label), texts.Objects[1].(*widget.Label)

	key := it.Key
	check.OnChanged = nil
	check.SetChecked(t.chosen[key])
	check.OnChanged = func(on bool) {
		t.chosen[key] = on
		t.updateButton()
	}
	if t.s.u.ws.ReadOnly() {
		check.Disable()
	}
	switch it.Media.Kind {
	case "video":
		icon.SetResource(theme.FileVideoIcon())
	case "document":
		icon.SetResource(theme.DocumentIcon())
	default:
		icon.SetResource(theme.FileImageIcon())
	}
	name.SetText(displayMediaName(it.Media))
	when.SetText(trashDeletedText(it))
	left.SetText(trashLeftText(it.DaysLeft))
}

// trashDeletedText says when and by whom an entry was deleted, and from
// how many posts.
func trashDeletedText(it data.TrashItem) string {
	s := lang.L("Deleted on {{.Time}} by {{.Person}}", map[string]any{
		"Time": it.DeletedAt.In(data.WorkspaceZone()).Format("02.01.2006 15:04"), "Person": nonEmpty(it.DeletedBy, lang.L("someone"))})
	if n := len(it.Posts); n > 0 {
		s += " · " + lang.N("was in {{.Count}} post", n, map[string]any{"Count": n})
	}
	return s
}

// trashLeftText says how long an entry stays in the Papierkorb.
func trashLeftText(days int) string {
	if days <= 0 {
		return lang.L("Last day")
	}
	return lang.N("{{.Count}} of {{.Keep}} days left", days, map[string]any{"Count": days, "Keep": data.TrashKeepDays})
}

// updateButton enables Wiederherstellen when entries are chosen and names
// how many.
func (t *trashDialog) updateButton() {
	n := 0
	for _, on := range t.chosen {
		if on {
			n++
		}
	}
	if n == 0 || t.busy || t.s.u.ws.ReadOnly() {
		t.restore.SetText(lang.L("Restore"))
		t.restore.Disable()
		return
	}
	t.restore.SetText(lang.N("Restore {{.Count}} file", n, map[string]any{"Count": n}))
	t.restore.Enable()
}

// restoreChosen restores the ticked entries one by one and says what
// happened; the grid shows them again.
func (t *trashDialog) restoreChosen() {
	var chosen []data.TrashItem
	for _, it := range t.items {
		if t.chosen[it.Key] {
			chosen = append(chosen, it)
		}
	}
	if len(chosen) == 0 {
		return
	}
	t.busy = true
	t.updateButton()
	ws := t.s.u.ws
	t.s.u.run(func(ctx context.Context) func() {
		var restored []string
		var failed []string
		for _, it := range chosen {
			if _, err := ws.RestoreMedia(ctx, it.Key); err != nil {
				failed = append(failed, "• "+displayMediaName(it.Media)+": "+nonEmpty(explain(err), err.Error()))
				continue
			}
			restored = append(restored, displayMediaName(it.Media))
		}
		return func() {
			t.busy = false
			var b strings.Builder
			if len(restored) > 0 {
				b.WriteString(lang.N("{{.Count}} file restored: {{.Names}}", len(restored),
					map[string]any{"Count": len(restored), "Names": strings.Join(restored, ", ")}))
			}
			if len(failed) > 0 {
				if b.Len() > 0 {
					b.WriteString("\n")
				}
				b.WriteString(lang.N("{{.Count}} file could not be restored:", len(failed), map[string]any{"Count": len(failed)}))
				b.WriteString("\n" + strings.Join(failed, "\n"))
				t.result.Importance = widget.DangerImportance
			} else {
				t.result.Importance = widget.SuccessImportance
			}
			t.result.SetText(b.String())
			t.result.Show()
			t.all.SetChecked(false)
			t.load()
			t.s.reload()
		}
	})
}
