package app

import (
	"context"
	"errors"
	"log"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// bulkPane replaces the detail pane while several items are selected: what
// she sets there applies to all of them at once (tags, credit, licence,
// "nutzbar bis"), or deletes them. Each edit is one transaction and one
// line in the change log (data's bulk edits).
type bulkPane struct {
	s       *libraryScreen
	content fyne.CanvasObject

	head       *widget.Label
	hidden     *widget.Label // selected items the current filter hides
	addTags    *keyEntry
	removeTags *keyEntry
	credit     *keyEntry
	licence    *widget.Select
	until      *keyEntry
	decisions  []*widget.Button // Keine erkennbaren Personen, Nur Menschenmenge, Festlegung zurücknehmen
	picker     *personPicker    // the open "Personen hinzufügen" dialog (tests reach it)
	done       *widget.Label    // what the last edit did
	buttons    []*widget.Button
	del        *widget.Button
}

func newBulkPane(s *libraryScreen) *bulkPane {
	p := &bulkPane{s: s}
	p.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.hidden = widget.NewLabel("")
	p.hidden.Wrapping = fyne.TextWrapWord
	p.hidden.Importance = widget.WarningImportance
	p.addTags = newKeyEntry(false, nil)
	p.addTags.SetPlaceHolder(lang.L("comma-separated, e.g. Rathaus, Sommerfest"))
	p.removeTags = newKeyEntry(false, nil)
	p.removeTags.SetPlaceHolder(lang.L("comma-separated, e.g. Rathaus, Sommerfest"))
	p.credit = newKeyEntry(false, nil)
	opts := []string{lang.L("not recorded")}
	for _, l := range data.Licences() {
		opts = append(opts, lang.L(l.Key))
	}
	p.licence = widget.NewSelect(opts, nil)
	p.licence.SetSelectedIndex(0)
	p.until = newKeyEntry(false, nil)
	p.until.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	p.done = widget.NewLabel("")
	p.done.Wrapping = fyne.TextWrapWord
	p.done.Importance = widget.SuccessImportance

	button := func(text string, f func()) *widget.Button {
		b := widget.NewButton(text, f)
		p.buttons = append(p.buttons, b)
		return b
	}
	// A field with its own button: each edit is one change for all
	// selected items, so nothing she did not mean is written.
	row := func(caption string, field fyne.CanvasObject, b *widget.Button) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewBorder(l, nil, nil, b, field)
	}
	p.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), p.confirmDelete)
	p.buttons = append(p.buttons, p.del)
	// One button per decision, each saying what it records: a select
	// with "Auswählen …" beside "Festlegen" hid what could be chosen.
	for i, name := range bulkDecisionNames() {
		b := button(name, func() { p.applyDecision(i) })
		if bulkDecisionOrder[i] == data.DecisionUnclear {
			b.Importance = widget.LowImportance
		}
		p.decisions = append(p.decisions, b)
	}
	orHint := widget.NewLabel(lang.L("Or, when nobody can be recognised on any of them, record for all:"))
	orHint.Wrapping = fyne.TextWrapWord
	addPeople := widget.NewButtonWithIcon(lang.L("Add people …"), theme.ContentAddIcon(), p.choosePeople)
	p.buttons = append(p.buttons, addPeople)
	peopleHint := widget.NewLabel(lang.L("The people are added to those already chosen for each picture."))
	peopleHint.SizeName = theme.SizeNameCaptionText
	peopleHint.Wrapping = fyne.TextWrapWord
	untilHint := widget.NewLabel(lang.L("Empty removes the date."))
	untilHint.SizeName = theme.SizeNameCaptionText
	form := container.NewVBox(
		row(lang.L("Add tags"), p.addTags, button(lang.L("Add"), p.applyAddTags)),
		row(lang.L("Remove tags"), p.removeTags, button(lang.L("Remove"), p.applyRemoveTags)),
		row(lang.L("Credit"), p.credit, button(lang.L("Set"), p.applyCredit)),
		row(lang.L("Licence"), p.licence, button(lang.L("Set"), p.applyLicence)),
		container.NewBorder(nil, untilHint, nil, nil, row(lang.L("Usable until"), p.until, button(lang.L("Set"), p.applyUntil))),
		widget.NewSeparator(),
		container.NewBorder(widget.NewLabelWithStyle(lang.L("People in the picture"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			peopleHint, nil, nil, container.NewHBox(addPeople)),
		orHint,
		container.NewHBox(p.decisions[0], p.decisions[1]),
		container.NewHBox(p.decisions[2]),
	)
	if s.u.ws.ReadOnly() {
		for _, b := range p.buttons {
			b.Disable()
		}
	}
	hint := widget.NewLabelWithStyle(lang.L("What you set here applies to every selected file. Ctrl+click adds or removes a file, Shift+click selects a range, Esc clears the selection."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(nil, container.NewPadded(container.NewHBox(p.del)), nil, nil, container.NewVScroll(container.NewPadded(container.NewVBox(
		p.head, p.hidden, hint, widget.NewSeparator(), form, p.done,
	))))
	return p
}

// show says how many items are selected (and how many of them the current
// filter hides) and forgets the last edit's message.
func (p *bulkPane) show() {
	n := len(p.s.sel)
	p.head.SetText(lang.N("{{.Count}} item selected", n, map[string]any{"Count": formatCount(n)}))
	if h := p.s.hiddenSelected(); h > 0 {
		p.hidden.SetText(lang.N("{{.Count}} of them is not shown by the current search or filter.", h, map[string]any{"Count": formatCount(h)}))
		p.hidden.Show()
	} else {
		p.hidden.Hide()
	}
	p.del.SetText(lang.N("Delete {{.Count}} file …", n, map[string]any{"Count": formatCount(n)}))
	p.done.SetText("")
}

// splitTags reads a comma-separated list of tags.
func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// apply runs one bulk edit on the selected items in the background; on
// success change updates the loaded copies (so the grid need not reload
// and jump to the top) and the pane says what was done.
func (p *bulkPane) apply(op func(ws *data.Workspace, ctx context.Context, ids []int64) error, change func(m *data.Media), said func(n int) string) {
	ids := p.s.selectedIDs()
	if len(ids) == 0 {
		return
	}
	for _, b := range p.buttons {
		b.Disable()
	}
	p.s.u.do(func(ws *data.Workspace, ctx context.Context) error { return op(ws, ctx, ids) }, func(err error) {
		if !p.s.u.ws.ReadOnly() {
			for _, b := range p.buttons {
				b.Enable()
			}
		}
		if err != nil {
			p.s.u.showError(lang.L("The change could not be saved."), err)
			return
		}
		for i := range p.s.items {
			if _, ok := p.s.picked[p.s.items[i].ID]; ok {
				change(&p.s.items[i])
			}
		}
		for id, m := range p.s.picked {
			change(&m)
			p.s.picked[id] = m
		}
		p.s.grid.Refresh()
		p.done.SetText(said(len(ids)))
	})
}

func (p *bulkPane) applyAddTags() {
	tags := splitTags(p.addTags.Text)
	if len(tags) == 0 {
		return
	}
	p.apply(func(ws *data.Workspace, ctx context.Context, ids []int64) error {
		return ws.SetMediaTags(ctx, ids, tags, nil)
	},
		func(m *data.Media) {
			for _, t := range tags {
				if !slices.ContainsFunc(m.Tags, func(x string) bool { return strings.EqualFold(x, t) }) {
					m.Tags = append(m.Tags, t)
				}
			}
		}, func(n int) string {
			return lang.N("Tags added to {{.Count}} file.", n, map[string]any{"Count": formatCount(n)})
		})
	p.addTags.SetText("")
}

func (p *bulkPane) applyRemoveTags() {
	tags := splitTags(p.removeTags.Text)
	if len(tags) == 0 {
		return
	}
	p.apply(func(ws *data.Workspace, ctx context.Context, ids []int64) error {
		return ws.SetMediaTags(ctx, ids, nil, tags)
	},
		func(m *data.Media) {
			m.Tags = slices.DeleteFunc(slices.Clone(m.Tags), func(x string) bool {
				return slices.ContainsFunc(tags, func(t string) bool { return strings.EqualFold(x, t) })
			})
		}, func(n int) string {
			return lang.N("Tags removed from {{.Count}} file.", n, map[string]any{"Count": formatCount(n)})
		})
	p.removeTags.SetText("")
}

func (p *bulkPane) applyCredit() {
	credit := strings.TrimSpace(p.credit.Text)
	p.apply(func(ws *data.Workspace, ctx context.Context, ids []int64) error {
		return ws.SetMediaCredit(ctx, ids, credit)
	},
		func(m *data.Media) { m.Credit = credit }, func(n int) string {
			return lang.N("Credit set on {{.Count}} file.", n, map[string]any{"Count": formatCount(n)})
		})
}

func (p *bulkPane) applyLicence() {
	code := ""
	if i := p.licence.SelectedIndex(); i > 0 {
		code = data.Licences()[i-1].Code
	}
	p.apply(func(ws *data.Workspace, ctx context.Context, ids []int64) error {
		return ws.SetMediaLicence(ctx, ids, code)
	},
		func(m *data.Media) { m.Licence = code }, func(n int) string {
			return lang.N("Licence set on {{.Count}} file.", n, map[string]any{"Count": formatCount(n)})
		})
}

func (p *bulkPane) applyUntil() {
	var until *calendar.Date
	if t := strings.TrimSpace(p.until.Text); t != "" {
		day, err := calendar.ParseDate(t)
		if err != nil {
			p.s.u.showError(lang.L("The change could not be saved."), err)
			return
		}
		until = &day
	}
	said := func(n int) string {
		if until == nil {
			return lang.N("“Usable until” removed from {{.Count}} file.", n, map[string]any{"Count": formatCount(n)})
		}
		return lang.N("“Usable until” set on {{.Count}} file.", n, map[string]any{"Count": formatCount(n)})
	}
	p.apply(func(ws *data.Workspace, ctx context.Context, ids []int64) error {
		return ws.SetMediaUsableUntil(ctx, ids, until)
	},
		func(m *data.Media) { m.UsableUntil = until }, said)
}

// confirmDelete asks before moving the selected items to the Papierkorb.
func (p *bulkPane) confirmDelete() {
	ids := p.s.selectedIDs()
	if len(ids) == 0 {
		return
	}
	n := len(ids)
	dialog.ShowConfirm(lang.L("Delete files?"),
		lang.N("Move {{.Count}} file to the Papierkorb? It can be restored there for 30 days.", n, map[string]any{"Count": formatCount(n)}),
		func(ok bool) {
			if ok {
				p.s.deleteMedia(ids, false, nil)
			}
		}, p.s.u.win)
}

// deleteMedia moves items to the Papierkorb with their thumbnails. Items a
// planned post uses make it ask again, naming the posts; yes deletes with
// force. done runs on the UI goroutine after a delete; the deleted items
// leave the selection and the grid reloads. The detail pane and the bulk
// pane both delete through it.
func (s *libraryScreen) deleteMedia(ids []int64, force bool, done func()) {
	u := s.u
	cache := s.cache
	var gone []int64
	u.do(func(ws *data.Workspace, ctx context.Context) error {
		items, err := ws.DeleteMediaItems(ctx, ids, force)
		for _, it := range items {
			gone = append(gone, it.Media.ID)
			// The thumbnails go with the item; a restore from the
			// Papierkorb makes them again when the grid asks.
			if rerr := cache.Remove(it.Media.Hash); rerr != nil {
				log.Printf("remove thumbnails of %s: %v", it.Media.OriginalName, rerr)
			}
		}
		return err
	}, func(err error) {
		var inUse *data.MediaInUseError
		switch {
		case errors.As(err, &inUse):
			var names []string
			for _, it := range inUse.Items {
				for _, p := range it.Posts {
					if len(ids) == 1 {
						names = append(names, "• "+postRefText(p))
					} else {
						names = append(names, "• "+displayMediaName(it.Media)+": "+postRefText(p))
					}
				}
			}
			text := lang.L("This file is used in planned posts:\n{{.Posts}}\n\nDelete it anyway? The posts lose the file.", map[string]any{"Posts": strings.Join(names, "\n")})
			if len(ids) > 1 {
				text = lang.N("{{.Count}} of the selected files is used in planned posts:\n{{.Posts}}\n\nDelete all selected files anyway? The posts lose them.",
					len(inUse.Items), map[string]any{"Count": len(inUse.Items), "Posts": strings.Join(names, "\n")})
			}
			dialog.ShowConfirm(lang.L("File is in use"), text,
				func(ok bool) {
					if ok {
						s.deleteMedia(ids, true, done)
					}
				}, u.win)
		case err != nil:
			s.unpick(gone...)
			if len(gone) > 0 {
				s.reload()
			}
			u.showError(lang.L("The file could not be deleted."), err)
		default:
			s.unpick(gone...)
			if done != nil {
				done()
			}
			s.reload()
		}
	})
}

// bulkDecisionOrder are the decisions the bulk pane records, in the order
// of bulkDecisionNames.
var bulkDecisionOrder = []data.PeopleDecision{data.DecisionNone, data.DecisionCrowd, data.DecisionUnclear}

func bulkDecisionNames() []string {
	return []string{lang.L("No identifiable people"), lang.L("Only a crowd"), lang.L("Take the decision back (ungeklärt)")}
}

// applyPeople runs a change of the people in the selected pictures and
// shows their rights read anew on their tiles.
func (p *bulkPane) applyPeople(op func(ws *data.Workspace, ctx context.Context, ids []int64) error, said func(n int) string) {
	ids := p.s.selectedIDs()
	if len(ids) == 0 {
		return
	}
	for _, b := range p.buttons {
		b.Disable()
	}
	var rights map[int64]data.PictureRights
	p.s.u.do(func(ws *data.Workspace, ctx context.Context) error {
		if err := op(ws, ctx, ids); err != nil {
			return err
		}
		var err error
		rights, err = ws.MediaRights(ctx, ids)
		return err
	}, func(err error) {
		if !p.s.u.ws.ReadOnly() {
			for _, b := range p.buttons {
				b.Enable()
			}
		}
		if err != nil {
			p.s.u.showError(lang.L("The people in the picture could not be saved."), err)
			return
		}
		for _, r := range rights {
			p.s.setRights(r)
		}
		p.done.SetText(said(len(ids)))
	})
}

// choosePeople adds the people she ticks to every selected picture.
func (p *bulkPane) choosePeople() {
	p.picker = newPersonPicker(p.s.u, nil, true, func(people []int64) {
		p.applyPeople(func(ws *data.Workspace, ctx context.Context, ids []int64) error {
			return ws.AddPicturePeople(ctx, ids, people)
		}, func(n int) string {
			return lang.N("People added to {{.Count}} picture.", n, map[string]any{"Count": formatCount(n)})
		})
	})
}

// applyDecision records decision i of bulkDecisionOrder for every
// selected picture (their people are removed).
func (p *bulkPane) applyDecision(i int) {
	dec := bulkDecisionOrder[i]
	apply := func() {
		p.applyPeople(func(ws *data.Workspace, ctx context.Context, ids []int64) error {
			return ws.SetPicturesDecision(ctx, ids, dec)
		}, func(n int) string {
			return lang.N("Recorded for {{.Count}} picture: {{.Decision}}.", n,
				map[string]any{"Count": formatCount(n), "Decision": bulkDecisionNames()[i]})
		})
	}
	// People chosen on one of them are removed: ask first.
	withPeople := 0
	for _, id := range p.s.selectedIDs() {
		if r, ok := p.s.rights[id]; ok && len(r.People) > 0 {
			withPeople++
		}
	}
	if withPeople == 0 {
		apply()
		return
	}
	dialog.ShowConfirm(lang.L("Remove the people?"),
		lang.N("People are chosen on {{.Count}} of the selected pictures. Record “{{.Choice}}” and remove them?", withPeople,
			map[string]any{"Count": withPeople, "Choice": bulkDecisionNames()[i]}),
		func(ok bool) {
			if ok {
				apply()
			}
		}, p.s.u.win)
}
