package app

import (
	"container/list"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"log"
	"maps"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/thumbs"
)

// prefTileSize remembers the size slider's choice (0–2).
const prefTileSize = "libraryTileSize"

// tileSizes are the picture areas of small, medium and large tiles; the
// grid thumbnail (256 pixels) is sharp in all three.
var tileSizes = []fyne.Size{fyne.NewSize(120, 90), fyne.NewSize(168, 126), fyne.NewSize(240, 180)}

// tileSizeIndex keeps a remembered size choice within tileSizes.
func tileSizeIndex(i int) int { return max(0, min(len(tileSizes)-1, i)) }

// thumbMemory is how many decoded grid thumbnails stay in memory (about
// 256×256 pixels each, so some 100 MB at most): scrolling through 50,000
// items keeps the memory flat.
const thumbMemory = 500

// libraryScreen is the Mediathek: import buttons over the media browser
// (search, filters, the virtualised grid paging through ListMedia), and the
// detail pane of the selected item or the bulk pane of several.
type libraryScreen struct {
	*mediaBrowser
	content  fyne.CanvasObject
	activity *widget.Label // the running import's current file
	detail   *mediaDetail
	bulk     *bulkPane
	pane     *fyne.Container // the detail pane or the bulk pane
	lastDir  string          // where the file dialogs start
	// picking is the picker's browser while the picker is open: the keys
	// Strg+A and Esc go to it.
	picking *mediaBrowser
}

// mediaBrowser is the toolbar's search, filters and sorting over the grid
// of thumbnails with its selection: the Mediathek shows one, the picker
// another.
type mediaBrowser struct {
	u   *UI
	bar fyne.CanvasObject // search, filters, sorting, tile size

	search *widget.Entry
	kind   *widget.Select
	state  *widget.Select // Alle, unbenutzt, ohne Bildbeschreibung, Datei fehlt (the licence is in the rights filter)
	sort   *widget.Select
	count  *widget.Label
	size   *widget.Slider // tile size: small, medium, large
	grid   *mediaGrid
	body   *fyne.Container // the grid (with its pane), or the empty state
	main   fyne.CanvasObject
	empty  fyne.CanvasObject
	// filters is the second row: kind, state, tag, period, the active
	// filters in words with "Filter zurücksetzen" (and in the Mediathek
	// the Papierkorb).
	filters *libraryFilters

	// items are the pages loaded so far; next continues them.
	items []data.Media
	// rights are the loaded items' rights (the tiles' badges), read with
	// each page; an item without an entry shows no badge.
	rights  map[int64]data.PictureRights
	next    string
	total   int
	loading bool
	// gen counts queries; a page for an older query is dropped.
	gen      int
	debounce time.Duration
	timer    *time.Timer
	// onReload runs after a new first page is shown.
	onReload func()

	// The selection, kept by media ID across pages and reloads: the IDs in
	// the order she chose them, the items themselves, and the item a
	// Shift+click extends from.
	sel      []int64
	picked   map[int64]data.Media
	anchor   int64
	onSelect func() // the selection changed
	dismiss  func() // Esc without a selection: closes the picker

	tileSize fyne.Size // the picture area of a tile
	cache    *thumbs.Cache
	pool     *thumbs.Pool
	poolCtx  context.Context
	feeder   *thumbFeeder
	images   *imageLRU       // real grid thumbnails
	stand    *imageLRU       // embedded EXIF thumbnails shown until the real one is there
	failed   map[string]bool // hashes whose thumbnail could not be made
	tiles    map[*mediaTile]bool
}

func newLibraryScreen(u *UI) *libraryScreen {
	s := &libraryScreen{mediaBrowser: newMediaBrowser(u, nil)}
	// The pool makes the detail pane's previews; it lives as long as the
	// open workspace: its context is the runner's, which ends when the
	// workspace is switched or closed.
	s.pool = thumbs.NewPool(s.poolCtx, s.cache, 0)
	s.activity = widget.NewLabel("")
	s.activity.Truncation = fyne.TextTruncateEllipsis
	s.activity.Hide()
	trash := s.filters.addTrash(s.showTrash)

	importFiles := widget.NewButtonWithIcon(lang.L("Import …"), theme.FileImageIcon(), s.chooseFiles)
	importFolder := widget.NewButtonWithIcon(lang.L("Import folder …"), theme.FolderOpenIcon(), s.chooseFolder)
	if u.ws.ReadOnly() {
		importFiles.Disable()
		importFolder.Disable()
	}
	// The Papierkorb sits with the import buttons: the filter row is full
	// with kind, state, rights, tag and period.
	toolbar := container.NewBorder(nil, s.activity, container.NewHBox(importFiles, importFolder, trash), nil, s.bar)

	s.detail = newMediaDetail(s)
	s.bulk = newBulkPane(s)
	s.pane = container.NewStack(s.detail.content)
	split := container.NewHSplit(s.grid, s.pane)
	split.Offset = 0.64
	s.main = split
	s.empty = emptyState(theme.MediaPhotoIcon(), lang.L("The media library is empty"),
		lang.L("Import photos, videos and documents with “Import …” or “Import folder …” above, or drag files and folders from Explorer onto this window (Dateien hierher ziehen). Feedtakt keeps a copy of each file in the workspace; identical files are stored once."), nil)
	s.body = container.NewStack(s.main)
	s.content = container.NewBorder(container.NewPadded(container.NewVBox(toolbar, s.filters.content)), nil, nil, nil, s.body)
	s.onSelect = s.selectionChanged
	s.onReload = func() {
		s.detail.refreshSelected()
		s.selectionChanged()
	}

	u.win.SetOnDropped(s.dropped)
	s.reload()
	return s
}

// newMediaBrowser builds the search, filters, sorting and the grid. images
// are decoded thumbnails to share (the picker shares the Mediathek's); nil
// makes a new cache. The caller sets body, main and empty, then reloads.
func newMediaBrowser(u *UI, images *imageLRU) *mediaBrowser {
	s := &mediaBrowser{u: u, debounce: searchDelay, images: images, stand: newImageLRU(thumbMemory),
		picked: map[int64]data.Media{}, failed: map[string]bool{}, tiles: map[*mediaTile]bool{}}
	if s.images == nil {
		s.images = newImageLRU(thumbMemory)
	}
	s.cache = thumbs.NewCache(filepath.Join(u.ws.Dir(), data.ThumbsDir))
	u.jobs.mu.Lock()
	s.poolCtx = u.jobs.ctx
	u.jobs.mu.Unlock()
	s.feeder = newThumbFeeder(s.poolCtx, feederWorkers(), u.jobs.goBackground, u.deliver)
	s.feeder.quick, s.feeder.make, s.feeder.arrived = quickThumb(s.cache), makeThumb(s.cache), s.thumbArrived
	s.tileSize = tileSizes[tileSizeIndex(u.app.Preferences().IntWithFallback(prefTileSize, 1))]

	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("Search title, alt text, credit, tags, file name …"))
	s.search.OnChanged = func(string) { s.queryChanged() }
	s.kind = widget.NewSelect([]string{lang.L("All kinds"), lang.L("Pictures"), lang.L("Videos"), lang.L("Documents")}, func(string) { s.reload() })
	// "Nutzungsdauer abgelaufen" is the rights filter's "Lizenz
	// abgelaufen" (library_filters.go): the same pictures, one name.
	s.state = widget.NewSelect([]string{lang.L("Any state"), lang.L("Unused"), lang.L("Without alt text"), lang.L("File missing")}, func(string) { s.reload() })
	s.sort = widget.NewSelect([]string{lang.L("By date taken"), lang.L("By import"), lang.L("By file name")}, func(string) { s.reload() })
	s.count = widget.NewLabel("")
	s.size = widget.NewSlider(0, float64(len(tileSizes)-1))
	s.size.Step = 1
	s.size.Value = float64(tileSizeIndex(u.app.Preferences().IntWithFallback(prefTileSize, 1)))
	s.size.OnChanged = func(v float64) { s.setTileSize(int(v)) }

	wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	sizer := container.NewHBox(widget.NewIcon(theme.ZoomOutIcon()), wide(s.size, 72), widget.NewIcon(theme.ZoomInIcon()))
	// The kind and state selects sit in the filter row (library_filters.go)
	// with the tag and the period, so the search keeps its room.
	s.bar = container.NewBorder(nil, nil, nil, container.NewHBox(wide(s.sort, 196), s.count, sizer), s.search)

	s.grid = newMediaGrid(s)
	s.grid.OnSelected = func(id widget.GridWrapItemID) {
		// The grid's own selection (keyboard: Leertaste) selects one; the
		// grid's highlight of it is dropped, the check mark says it.
		s.click(id, 0)
		s.grid.UnselectAll()
	}
	s.filters = newLibraryFilters(s)

	// The kind and sort selects call reload when set; set them before
	// reload so the first query is the only one.
	s.kind.SetSelectedIndex(0)
	s.state.SetSelectedIndex(0)
	s.sort.SetSelectedIndex(0)
	return s
}

// query is what the toolbar asks for, from the first page.
func (s *mediaBrowser) query() data.MediaQuery {
	q := data.MediaQuery{Text: s.search.Text}
	switch s.kind.SelectedIndex() {
	case 1:
		q.Kind = "image"
	case 2:
		q.Kind = "video"
	case 3:
		q.Kind = "document"
	}
	switch s.state.SelectedIndex() {
	case 1:
		q.Unused = true
	case 2:
		q.NoAltText = true
	case 3:
		q.Missing = true
	}
	switch s.sort.SelectedIndex() {
	case 1:
		q.Sort = data.SortImported
	case 2:
		q.Sort = data.SortName
	}
	s.filters.apply(&q)
	return q
}

// queryChanged runs the search once she stops typing for searchDelay.
func (s *mediaBrowser) queryChanged() {
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.debounce <= 0 {
		s.reload()
		return
	}
	s.timer = time.AfterFunc(s.debounce, func() { s.u.deliver(s.reload) })
}

// reload reads the first page and the count of the current query; a page
// of an older query arriving later is dropped.
func (s *mediaBrowser) reload() {
	if s.kind == nil || s.state == nil || s.sort == nil || s.grid == nil || s.body == nil {
		return // still being built
	}
	s.gen++
	g, q, ws := s.gen, s.query(), s.u.ws
	s.filters.reloaded(q)
	s.loading = true
	s.u.run(func(ctx context.Context) func() {
		page, n, err := ws.ListMediaCounted(ctx, q)
		rights := readRights(ctx, ws, page.Items)
		all := n
		if err == nil && n == 0 && q.Filtered() {
			all, err = ws.CountMedia(ctx, data.MediaQuery{})
		}
		return func() {
			if g != s.gen {
				return
			}
			s.loading = false
			if err != nil {
				// Said in the panel: a dialog per keystroke of a search
				// would stack up.
				log.Printf("read media library: %v", err)
				s.count.SetText(lang.L("The media library could not be read."))
				s.bar.Refresh()
				return
			}
			s.items, s.next, s.total, s.rights = page.Items, page.Next, n, rights
			s.count.SetText(lang.N("{{.Count}} file", n, map[string]any{"Count": formatCount(n)}))
			s.bar.Refresh() // the count's width changed
			want := s.main
			if all == 0 {
				want = s.empty
			}
			if len(s.body.Objects) != 1 || s.body.Objects[0] != want {
				s.body.Objects = []fyne.CanvasObject{want}
				s.body.Refresh()
			}
			s.grid.UnselectAll()
			s.refreshPicked()
			s.grid.Refresh()
			s.grid.ScrollToTop()
			if s.onReload != nil {
				s.onReload()
			}
		}
	})
}

// loadMore reads the next page when the grid nears the end of what is
// loaded.
func (s *mediaBrowser) loadMore() {
	if s.loading || s.next == "" {
		return
	}
	s.loading = true
	g, q, ws := s.gen, s.query(), s.u.ws
	q.After = s.next
	s.u.run(func(ctx context.Context) func() {
		page, err := ws.ListMedia(ctx, q)
		rights := readRights(ctx, ws, page.Items)
		return func() {
			if g != s.gen {
				return
			}
			s.loading = false
			if err != nil {
				s.u.showError(lang.L("The media library could not be read."), err)
				return
			}
			s.items = append(s.items, page.Items...)
			s.next = page.Next
			maps.Copy(s.rights, rights)
			s.grid.Refresh()
		}
	})
}

// readRights reads the rights of a page's items in one batch (not per
// tile). A failure leaves the badges away rather than the page: the grid
// is still useful, and the detail pane reads an item's rights itself.
func readRights(ctx context.Context, ws *data.Workspace, items []data.Media) map[int64]data.PictureRights {
	ids := make([]int64, len(items))
	for i, m := range items {
		ids[i] = m.ID
	}
	rights, err := ws.MediaRights(ctx, ids)
	if err != nil {
		log.Printf("read rights of media: %v", err)
		return map[int64]data.PictureRights{}
	}
	return rights
}

// setRights keeps an item's rights read anew (after she changed the
// people in it) and shows them on its tile.
func (s *mediaBrowser) setRights(r data.PictureRights) {
	if s.rights == nil {
		s.rights = map[int64]data.PictureRights{}
	}
	s.rights[r.MediaID] = r
	for t := range s.tiles {
		if t.mediaID == r.MediaID {
			t.badge.set(r.State)
		}
	}
}

// mediaTile is one cell of the grid: thumbnail (or a stand-in), name,
// small marks, and a check mark with a frame when it is selected. It takes
// the clicks itself, because the grid selects one item only: Strg+click
// and Umschalt+click need the modifiers of the mouse button.
type mediaTile struct {
	widget.BaseWidget
	b       *mediaBrowser
	index   int   // the grid item it shows
	mediaID int64 // 0: none
	hash    string
	bg      *canvas.Rectangle
	img     *canvas.Image
	icon    *widget.Icon
	name    *widget.Label
	missing *fyne.Container
	noAlt   *fyne.Container
	badge   *rightsBadge      // the rights state (library_rights.go)
	length  *canvas.Text      // a video's duration, on its mark
	lengthM *fyne.Container   // the duration's mark (videos only)
	frame   *canvas.Rectangle // the selection's border
	check   *fyne.Container   // the selection's check mark
	mods    fyne.KeyModifier  // held when the mouse button went down
}

// newMark is a small coloured label on a tile, readable over any picture.
func newMark(text string, bg, fg fyne.ThemeColorName) *fyne.Container {
	c, _ := newTextMark(text, bg, fg)
	return c
}

// newTextMark is newMark with its text, for a mark whose words change.
func newTextMark(text string, bg, fg fyne.ThemeColorName) (*fyne.Container, *canvas.Text) {
	t := canvas.NewText(text, theme.Color(fg))
	t.TextSize = theme.CaptionTextSize()
	t.TextStyle.Bold = true
	r := canvas.NewRectangle(theme.Color(bg))
	r.CornerRadius = 3
	return container.NewHBox(container.NewStack(r, container.New(layout.NewCustomPaddedLayout(1, 1, 4, 4), t))), t
}

// newCheckMark is the selected tile's mark: a white tick on a filled
// circle in the primary colour, so a selection is seen without telling
// colours apart.
func newCheckMark() *fyne.Container {
	dot := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
	dot.StrokeColor = theme.Color(theme.ColorNameForegroundOnPrimary)
	dot.StrokeWidth = 2
	tick := widget.NewIcon(theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameForegroundOnPrimary))
	return container.NewStack(dot, container.New(layout.NewCustomPaddedLayout(3, 3, 3, 3), tick))
}

func (s *mediaBrowser) newTile() fyne.CanvasObject {
	t := &mediaTile{b: s, index: -1}
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.bg.SetMinSize(s.tileSize)
	t.img = canvas.NewImageFromImage(nil)
	t.img.FillMode = canvas.ImageFillContain
	t.img.SetMinSize(s.tileSize)
	t.icon = widget.NewIcon(theme.FileImageIcon())
	t.name = widget.NewLabel("")
	t.name.Truncation = fyne.TextTruncateEllipsis
	t.missing = newMark(lang.L("missing"), theme.ColorNameError, theme.ColorNameForegroundOnError)
	t.noAlt = newMark(lang.L("no alt text"), theme.ColorNameWarning, theme.ColorNameForegroundOnWarning)
	t.badge = newRightsBadge()
	t.lengthM, t.length = newTextMark("0:00", theme.ColorNameForeground, theme.ColorNameBackground)
	t.lengthM.Hide()
	t.frame = canvas.NewRectangle(color.Transparent)
	t.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
	t.frame.StrokeWidth = 3
	t.frame.CornerRadius = theme.InputRadiusSize()
	t.frame.Hide()
	t.check = newCheckMark()
	t.check.Hide()
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer lays the tile out: picture area with marks on top, name
// below.
func (t *mediaTile) CreateRenderer() fyne.WidgetRenderer {
	marks := container.NewVBox(t.missing, t.noAlt)
	// The mark's place is kept while it is hidden, so showing it needs no
	// new layout.
	bottom := container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), t.lengthM), marks)
	corner := container.NewBorder(container.NewHBox(t.badge.content, layout.NewSpacer(), container.NewGridWrap(fyne.NewSize(26, 26), container.NewStack(t.check))), bottom, nil, nil)
	pic := container.NewStack(t.bg, container.NewCenter(container.NewGridWrap(fyne.NewSize(48, 48), t.icon)), t.img, t.frame, container.NewPadded(corner))
	return widget.NewSimpleRenderer(container.NewBorder(nil, t.name, nil, nil, pic))
}

// MouseDown notes the modifiers for the tap that follows.
func (t *mediaTile) MouseDown(ev *desktop.MouseEvent) { t.mods = ev.Modifier }

// MouseUp is part of desktop.Mouseable; the tap does the work.
func (t *mediaTile) MouseUp(*desktop.MouseEvent) {}

// Tapped selects the tile's item: alone, or with Strg toggled, or with
// Umschalt the range from the last clicked one.
func (t *mediaTile) Tapped(*fyne.PointEvent) {
	mods := t.mods
	t.mods = 0
	if t.index < 0 {
		return
	}
	// Strg+A and Esc go to the window, not to a text field she typed in.
	t.b.u.win.Canvas().Unfocus()
	t.b.click(t.index, mods)
}

// showSelected marks the tile as selected or not.
func (t *mediaTile) showSelected(on bool) {
	if on == t.check.Visible() {
		return
	}
	if on {
		t.check.Show()
		t.frame.Show()
		t.name.TextStyle.Bold = true
	} else {
		t.check.Hide()
		t.frame.Hide()
		t.name.TextStyle.Bold = false
	}
	t.name.Refresh()
}

// resize gives the tile's picture area a new size (the size slider).
func (t *mediaTile) resize(size fyne.Size) {
	t.bg.SetMinSize(size)
	t.img.SetMinSize(size)
	t.Refresh()
}

func (s *mediaBrowser) updateTile(id widget.GridWrapItemID, o fyne.CanvasObject) {
	if id >= len(s.items)-40 {
		s.loadMore()
	}
	t := o.(*mediaTile)
	s.tiles[t] = true
	if id < 0 || id >= len(s.items) {
		t.index, t.mediaID, t.hash = -1, 0, ""
		t.badge.set("")
		s.feeder.release(t)
		return
	}
	m := s.items[id]
	t.index, t.mediaID = id, m.ID
	t.name.SetText(displayMediaName(m))
	t.missing.Hidden = m.Missing == data.MissingNone
	t.noAlt.Hidden = m.Kind != "image" || m.AltText != ""
	t.badge.set(s.rights[m.ID].State)
	switch m.Kind {
	case "video":
		t.icon.SetResource(theme.FileVideoIcon())
	case "document":
		t.icon.SetResource(theme.DocumentIcon())
	default:
		t.icon.SetResource(theme.FileImageIcon())
	}
	t.showSelected(s.picked[m.ID].ID != 0)
	t.lengthM.Hidden = m.Kind != "video" || m.Duration <= 0
	if !t.lengthM.Hidden {
		t.length.Text = formatDuration(m.Duration)
		t.lengthM.Refresh()
	}
	target, _, _, _ := thumbTarget(m)
	t.hash = target
	if img := s.images.get(target); target != "" && img != nil {
		t.img.Image = img
		t.icon.Hide()
		s.feeder.release(t)
	} else {
		// The EXIF stand-in if it was read already, else the neutral
		// tile with the kind's icon; the real thumbnail follows.
		t.img.Image = nil
		if target != "" {
			t.img.Image = s.stand.get(target)
		}
		t.icon.Hidden = t.img.Image != nil
		s.requestThumb(t, m)
	}
	t.img.Refresh()
	t.icon.Refresh()
	t.missing.Refresh()
	t.noAlt.Refresh()
}

// displayMediaName is what a tile and the pane call an item: its title,
// else its file name.
func displayMediaName(m data.Media) string {
	if m.Title != "" {
		return m.Title
	}
	return m.OriginalName
}

// requestThumb asks the feeder for m's grid thumbnail on behalf of tile t;
// what t asked for before is dropped unless another tile wants it.
func (s *mediaBrowser) requestThumb(t *mediaTile, m data.Media) {
	hash, rel, orientation, ok := thumbTarget(m)
	if !ok || s.failed[hash] {
		s.feeder.release(t)
		return
	}
	src := filepath.Join(s.u.ws.Dir(), filepath.FromSlash(rel))
	s.feeder.want(t, thumbRequest{hash: hash, src: src, orientation: orientation})
}

// thumbTarget is the picture an item's tile and preview show: a picture's
// own, a video's poster (a picture of the Mediathek she chose; its cached
// thumbnails were made at its import, already turned); ok is false for a
// document and a video without poster, which show their kind's icon.
func thumbTarget(m data.Media) (hash, path string, orientation int, ok bool) {
	switch {
	case m.Kind == "image":
		// A missing picture still shows its cached thumbnail, if any.
		return m.Hash, m.Path, m.Orientation, true
	case m.Kind == "video" && m.PosterHash != "" && m.PosterPath != "":
		return m.PosterHash, m.PosterPath, 0, true
	}
	return "", "", 0, false
}

// thumbArrived keeps a decoded thumbnail and shows it in every tile that
// still shows its item. A stand-in (final false) is shown until the real
// one comes; a real one that could not be made (nil) keeps what is shown
// and is not asked for again.
func (s *mediaBrowser) thumbArrived(hash string, img image.Image, final bool) {
	switch {
	case final && img == nil:
		s.failed[hash] = true
		return
	case img == nil:
		return
	case final:
		s.images.put(hash, img)
	default:
		s.stand.put(hash, img)
	}
	for t := range s.tiles {
		if t.hash == hash && (final || t.img.Image == nil) {
			t.img.Image = img
			t.icon.Hide()
			t.img.Refresh()
		}
	}
}

// decodeThumb decodes a thumbnail file (a small JPEG); nil when it cannot.
func decodeThumb(path string) image.Image {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	img, err := jpeg.Decode(f)
	if err != nil {
		return nil
	}
	return img
}

// imageLRU holds the most recently used decoded thumbnails; used only on
// the UI goroutine.
type imageLRU struct {
	max   int
	order *list.List // front: most recent; values are *lruEntry
	byKey map[string]*list.Element
}

type lruEntry struct {
	key string
	img image.Image
}

func newImageLRU(n int) *imageLRU {
	return &imageLRU{max: n, order: list.New(), byKey: map[string]*list.Element{}}
}

func (c *imageLRU) get(key string) image.Image {
	e, ok := c.byKey[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruEntry).img
}

func (c *imageLRU) put(key string, img image.Image) {
	if e, ok := c.byKey[key]; ok {
		e.Value.(*lruEntry).img = img
		c.order.MoveToFront(e)
		return
	}
	c.byKey[key] = c.order.PushFront(&lruEntry{key: key, img: img})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*lruEntry).key)
	}
}

func (c *imageLRU) len() int { return c.order.Len() }

// chooseFiles imports files chosen in a dialog: on Windows the system's
// own, with multi-select; elsewhere Fyne's, which picks one at a time
// (several files come by folder or by drop).
func (s *libraryScreen) chooseFiles() {
	s.u.openFiles(lang.L("Import …"), s.lastDir, mediaFiles, func(paths []string) {
		s.lastDir = filepath.Dir(paths[0])
		s.importPaths(paths)
	})
}

// chooseFolder imports a folder with its sub-folders.
func (s *libraryScreen) chooseFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		s.lastDir = l.Path()
		s.importPaths([]string{l.Path()})
	}, s.u.win)
	s.startIn(d.SetLocation)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// startIn opens a file dialog where the last one was left.
func (s *libraryScreen) startIn(set func(fyne.ListableURI)) {
	if s.lastDir == "" {
		return
	}
	if l, err := listableDir(s.lastDir); err == nil {
		set(l)
	}
}

// dropped imports files and folders dropped on the window while the
// Mediathek is shown; elsewhere a drop does nothing.
func (s *libraryScreen) dropped(_ fyne.Position, uris []fyne.URI) {
	if s.u.shell == nil || s.u.shell.library != s || s.u.shell.tabs.SelectedIndex() != screenMedia || s.u.ws.ReadOnly() {
		return
	}
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		s.importPaths(paths)
	}
}
