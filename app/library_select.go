package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// mediaGrid is the grid of the media browser: Fyne's GridWrap (virtualised,
// paging through the loaded items) that gives Esc to the selection while
// it has the keyboard.
type mediaGrid struct {
	widget.GridWrap
	b *mediaBrowser
}

func newMediaGrid(b *mediaBrowser) *mediaGrid {
	g := &mediaGrid{b: b}
	g.Length = func() int { return len(b.items) }
	g.CreateItem = b.newTile
	g.UpdateItem = b.updateTile
	g.ExtendBaseWidget(g)
	return g
}

// TypedKey gives Esc to the selection; the arrows move as in any grid.
func (g *mediaGrid) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && g.b.escape() {
		return
	}
	g.GridWrap.TypedKey(ev)
}

// escape is Esc in a media browser: it clears the selection, else it
// closes the picker; false when there was nothing to do.
func (s *mediaBrowser) escape() bool {
	switch {
	case len(s.sel) > 0:
		s.clearSelection()
	case s.dismiss != nil:
		s.dismiss()
	default:
		return false
	}
	return true
}

// click selects the item at index as a click with mods does: alone; with
// Strg (Cmd on a Mac) toggled; with Umschalt the range from the anchor (the
// last item clicked without Umschalt) to it, replacing the selection, or
// added to it with Strg+Umschalt.
func (s *mediaBrowser) click(index int, mods fyne.KeyModifier) {
	if index < 0 || index >= len(s.items) {
		return
	}
	m := s.items[index]
	toggle := mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	switch {
	case mods&fyne.KeyModifierShift != 0:
		from := s.indexOf(s.anchor)
		if from < 0 {
			from = index
			s.anchor = m.ID
		}
		if !toggle {
			s.clearPicked()
		}
		step := 1
		if index < from {
			step = -1
		}
		for i := from; ; i += step {
			s.pick(s.items[i])
			if i == index {
				break
			}
		}
	case toggle:
		if _, ok := s.picked[m.ID]; ok {
			s.unpick(m.ID)
		} else {
			s.pick(m)
		}
		s.anchor = m.ID
	default:
		s.clearPicked()
		s.pick(m)
		s.anchor = m.ID
	}
	s.selectionShown()
}

// selectAll selects every loaded item (Strg+A), after those already chosen.
func (s *mediaBrowser) selectAll() {
	for _, m := range s.items {
		s.pick(m)
	}
	s.selectionShown()
}

// clearSelection selects nothing (Esc).
func (s *mediaBrowser) clearSelection() {
	s.clearPicked()
	s.anchor = 0
	s.selectionShown()
}

// selected returns the selected items in the order she chose them.
func (s *mediaBrowser) selected() []data.Media {
	out := make([]data.Media, 0, len(s.sel))
	for _, id := range s.sel {
		out = append(out, s.picked[id])
	}
	return out
}

// selectedIDs returns the selected items' IDs in the order she chose them.
func (s *mediaBrowser) selectedIDs() []int64 { return slices.Clone(s.sel) }

// hiddenSelected counts selected items the current query does not show.
func (s *mediaBrowser) hiddenSelected() int {
	shown := 0
	for _, m := range s.items {
		if _, ok := s.picked[m.ID]; ok {
			shown++
		}
	}
	return len(s.sel) - shown
}

func (s *mediaBrowser) pick(m data.Media) {
	if _, ok := s.picked[m.ID]; ok {
		return
	}
	s.picked[m.ID] = m
	s.sel = append(s.sel, m.ID)
}

// unpick drops items from the selection (deleted, or Strg+click).
func (s *mediaBrowser) unpick(ids ...int64) {
	for _, id := range ids {
		if _, ok := s.picked[id]; !ok {
			continue
		}
		delete(s.picked, id)
		s.sel = slices.DeleteFunc(s.sel, func(x int64) bool { return x == id })
		if s.anchor == id {
			s.anchor = 0
		}
	}
}

func (s *mediaBrowser) clearPicked() {
	s.sel = s.sel[:0]
	clear(s.picked)
}

// indexOf finds a media ID among the loaded items; -1 when it is not
// loaded.
func (s *mediaBrowser) indexOf(id int64) int {
	if id == 0 {
		return -1
	}
	return slices.IndexFunc(s.items, func(m data.Media) bool { return m.ID == id })
}

// refreshPicked takes the newly loaded versions of selected items, so the
// panes work on what is stored.
func (s *mediaBrowser) refreshPicked() {
	for _, m := range s.items {
		if _, ok := s.picked[m.ID]; ok {
			s.picked[m.ID] = m
		}
	}
}

// selectionShown marks the tiles and tells the owner.
func (s *mediaBrowser) selectionShown() {
	for t := range s.tiles {
		_, on := s.picked[t.mediaID]
		t.showSelected(on && t.mediaID != 0)
	}
	if s.onSelect != nil {
		s.onSelect()
	}
}

// setTileSize switches the tiles to size i of tileSizes (the slider) and
// remembers the choice.
func (s *mediaBrowser) setTileSize(i int) {
	i = tileSizeIndex(i)
	s.u.app.Preferences().SetInt(prefTileSize, i)
	if s.tileSize == tileSizes[i] {
		return
	}
	s.tileSize = tileSizes[i]
	for t := range s.tiles {
		t.resize(s.tileSize)
	}
	// Refresh measures a new template tile for the item size; Resize makes
	// the grid count its columns again (it keeps them otherwise).
	s.grid.Refresh()
	s.grid.Resize(s.grid.Size())
}

// selectionChanged shows the detail pane for one selected item, the bulk
// pane for several, and the hint for none.
func (s *libraryScreen) selectionChanged() {
	var want fyne.CanvasObject = s.detail.content
	switch len(s.sel) {
	case 0:
		if s.detail.m.ID != 0 {
			s.detail.m = data.Media{}
			s.detail.stack.Objects = []fyne.CanvasObject{s.detail.none}
			s.detail.stack.Refresh()
		}
	case 1:
		if m := s.picked[s.sel[0]]; s.detail.m.ID != m.ID {
			s.detail.show(m)
		}
	default:
		want = s.bulk.content
		s.bulk.show()
	}
	if len(s.pane.Objects) != 1 || s.pane.Objects[0] != want {
		s.pane.Objects = []fyne.CanvasObject{want}
		s.pane.Refresh()
	}
}

// activeBrowser is the media browser the keys Strg+A and Esc act on: the
// picker while it is open, else the Mediathek while it is shown without a
// dialog; nil otherwise.
func (u *UI) activeBrowser() *mediaBrowser {
	if u.shell == nil || u.shell.library == nil || u.ws == nil {
		return nil
	}
	l := u.shell.library
	if l.picking != nil {
		return l.picking
	}
	if u.shell.tabs.SelectedIndex() == screenMedia && u.win.Canvas().Overlays().Top() == nil {
		return l.mediaBrowser
	}
	return nil
}
