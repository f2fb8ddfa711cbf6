package app

import (
	"container/list"
	"context"
	"image"
	"image/jpeg"
	"log"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/thumbs"
)

// thumbMemory is how many decoded grid thumbnails stay in memory (about
// 256×256 pixels each, so some 100 MB at most): scrolling through 50,000
// items keeps the memory flat.
const thumbMemory = 500

// Size of a grid tile's picture area.
var tileImageSize = fyne.NewSize(168, 126)

// libraryScreen is the Mediathek: toolbar, a virtualised grid paging
// through ListMedia, and the detail pane of the selected item.
type libraryScreen struct {
	u       *UI
	content fyne.CanvasObject

	search   *widget.Entry
	kind     *widget.Select
	state    *widget.Select // Alle, unbenutzt, ohne Bildbeschreibung, fehlt, abgelaufen
	sort     *widget.Select
	count    *widget.Label
	activity *widget.Label // the running import's current file
	grid     *widget.GridWrap
	body     *fyne.Container // the grid with its detail pane, or the empty state
	main     fyne.CanvasObject
	empty    fyne.CanvasObject
	detail   *mediaDetail
	filters  *libraryFilters // second toolbar row: tag, period, reset, Papierkorb

	// items are the pages loaded so far; next continues them.
	items   []data.Media
	next    string
	total   int
	loading bool
	// gen counts queries; a page for an older query is dropped.
	gen      int
	debounce time.Duration
	timer    *time.Timer

	cache   *thumbs.Cache
	pool    *thumbs.Pool
	poolCtx context.Context
	images  *imageLRU
	asked   map[string]bool // hashes whose grid thumbnail is on its way (or failed)
	tiles   []*mediaTile    // the tiles the grid made; a few dozen
	lastDir string          // where the file dialogs start
}

func newLibraryScreen(u *UI) *libraryScreen {
	s := &libraryScreen{u: u, debounce: searchDelay, images: newImageLRU(thumbMemory), asked: map[string]bool{}}
	s.cache = thumbs.NewCache(filepath.Join(u.ws.Dir(), data.ThumbsDir))
	// The pool lives as long as the open workspace: its context is the
	// runner's, which ends when the workspace is switched or closed.
	u.jobs.mu.Lock()
	s.poolCtx = u.jobs.ctx
	u.jobs.mu.Unlock()
	s.pool = thumbs.NewPool(s.poolCtx, s.cache, 0)

	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("Search title, alt text, credit, tags, file name …"))
	s.search.OnChanged = func(string) { s.queryChanged() }
	s.kind = widget.NewSelect([]string{lang.L("All kinds"), lang.L("Pictures"), lang.L("Videos"), lang.L("Documents")}, func(string) { s.reload() })
	s.state = widget.NewSelect([]string{lang.L("Any state"), lang.L("Unused"), lang.L("Without alt text"), lang.L("File missing"), lang.L("Usage period over")}, func(string) { s.reload() })
	s.sort = widget.NewSelect([]string{lang.L("Date taken"), lang.L("Imported"), lang.L("File name")}, func(string) { s.reload() })
	s.count = widget.NewLabel("")
	s.activity = widget.NewLabel("")
	s.activity.Truncation = fyne.TextTruncateEllipsis
	s.activity.Hide()
	s.filters = newLibraryFilters(s)

	importFiles := widget.NewButtonWithIcon(lang.L("Import …"), theme.FileImageIcon(), s.chooseFiles)
	importFolder := widget.NewButtonWithIcon(lang.L("Import folder …"), theme.FolderOpenIcon(), s.chooseFolder)
	if u.ws.ReadOnly() {
		importFiles.Disable()
		importFolder.Disable()
	}
	wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	filters := container.NewHBox(wide(s.kind, 112), wide(s.state, 178), wide(s.sort, 152), s.count)
	toolbar := container.NewBorder(nil, s.activity, container.NewHBox(importFiles, importFolder), filters, s.search)

	s.grid = widget.NewGridWrap(func() int { return len(s.items) }, s.newTile, s.updateTile)
	s.grid.OnSelected = func(id widget.GridWrapItemID) {
		if id >= 0 && id < len(s.items) {
			s.detail.show(s.items[id])
		}
	}
	s.detail = newMediaDetail(s)
	split := container.NewHSplit(s.grid, s.detail.content)
	split.Offset = 0.64
	s.main = split
	s.empty = emptyState(theme.MediaPhotoIcon(), lang.L("The media library is empty"),
		lang.L("Import photos, videos and documents with “Import …” or “Import folder …” above, or drag files and folders from Explorer onto this window (Dateien hierher ziehen). Feedtakt keeps a copy of each file in the workspace; identical files are stored once."), nil)
	s.body = container.NewStack(s.main)
	s.content = container.NewBorder(container.NewPadded(container.NewVBox(toolbar, s.filters.content)), nil, nil, nil, s.body)

	// The kind and sort selects call reload when set; set them before
	// reload so the first query is the only one.
	s.kind.SetSelectedIndex(0)
	s.state.SetSelectedIndex(0)
	s.sort.SetSelectedIndex(0)
	s.reload()
	return s
}

// query is what the toolbar asks for, from the first page.
func (s *libraryScreen) query() data.MediaQuery {
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
	case 4:
		q.Expired = true
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
func (s *libraryScreen) queryChanged() {
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
func (s *libraryScreen) reload() {
	if s.kind == nil || s.state == nil || s.sort == nil || s.grid == nil {
		return // still being built
	}
	s.gen++
	g, q, ws := s.gen, s.query(), s.u.ws
	s.filters.reloaded(q)
	s.loading = true
	s.u.run(func(ctx context.Context) func() {
		page, err := ws.ListMedia(ctx, q)
		n := 0
		if err == nil {
			n, err = ws.CountMedia(ctx, q)
		}
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
				return
			}
			s.items, s.next, s.total = page.Items, page.Next, n
			s.count.SetText(lang.N("{{.Count}} file", n, map[string]any{"Count": formatCount(n)}))
			want := s.main
			if all == 0 {
				want = s.empty
			}
			if len(s.body.Objects) != 1 || s.body.Objects[0] != want {
				s.body.Objects = []fyne.CanvasObject{want}
				s.body.Refresh()
			}
			s.grid.UnselectAll()
			s.grid.Refresh()
			s.grid.ScrollToTop()
			s.detail.refreshSelected()
		}
	})
}

// loadMore reads the next page when the grid nears the end of what is
// loaded.
func (s *libraryScreen) loadMore() {
	if s.loading || s.next == "" {
		return
	}
	s.loading = true
	g, q, ws := s.gen, s.query(), s.u.ws
	q.After = s.next
	s.u.run(func(ctx context.Context) func() {
		page, err := ws.ListMedia(ctx, q)
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
			s.grid.Refresh()
		}
	})
}

// mediaTile is one cell of the grid: thumbnail (or a neutral placeholder),
// name and small marks.
type mediaTile struct {
	widget.BaseWidget
	hash    string
	bg      *canvas.Rectangle
	img     *canvas.Image
	icon    *widget.Icon
	name    *widget.Label
	missing *fyne.Container
	noAlt   *fyne.Container
}

// newMark is a small coloured label on a tile, readable over any picture.
func newMark(text string, bg, fg fyne.ThemeColorName) *fyne.Container {
	t := canvas.NewText(text, theme.Color(fg))
	t.TextSize = theme.CaptionTextSize()
	t.TextStyle.Bold = true
	r := canvas.NewRectangle(theme.Color(bg))
	r.CornerRadius = 3
	return container.NewHBox(container.NewStack(r, container.New(layout.NewCustomPaddedLayout(1, 1, 4, 4), t)))
}

func (s *libraryScreen) newTile() fyne.CanvasObject {
	t := &mediaTile{}
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.bg.SetMinSize(tileImageSize)
	t.img = canvas.NewImageFromImage(nil)
	t.img.FillMode = canvas.ImageFillContain
	t.img.SetMinSize(tileImageSize)
	t.icon = widget.NewIcon(theme.FileImageIcon())
	t.name = widget.NewLabel("")
	t.name.Truncation = fyne.TextTruncateEllipsis
	t.missing = newMark(lang.L("missing"), theme.ColorNameError, theme.ColorNameForegroundOnError)
	t.noAlt = newMark(lang.L("no alt text"), theme.ColorNameWarning, theme.ColorNameForegroundOnWarning)
	t.ExtendBaseWidget(t)
	s.tiles = append(s.tiles, t)
	return t
}

// CreateRenderer lays the tile out: picture area with marks on top, name
// below.
func (t *mediaTile) CreateRenderer() fyne.WidgetRenderer {
	marks := container.NewVBox(t.missing, t.noAlt)
	pic := container.NewStack(t.bg, container.NewCenter(container.NewGridWrap(fyne.NewSize(48, 48), t.icon)), t.img, container.NewPadded(container.NewBorder(nil, marks, nil, nil)))
	return widget.NewSimpleRenderer(container.NewBorder(nil, t.name, nil, nil, pic))
}

func (s *libraryScreen) updateTile(id widget.GridWrapItemID, o fyne.CanvasObject) {
	if id >= len(s.items)-40 {
		s.loadMore()
	}
	if id < 0 || id >= len(s.items) {
		return
	}
	t := o.(*mediaTile)
	m := s.items[id]
	t.name.SetText(displayMediaName(m))
	t.missing.Hidden = m.Missing == data.MissingNone
	t.noAlt.Hidden = m.Kind != "image" || m.AltText != ""
	switch m.Kind {
	case "video":
		t.icon.SetResource(theme.FileVideoIcon())
	case "document":
		t.icon.SetResource(theme.DocumentIcon())
	default:
		t.icon.SetResource(theme.FileImageIcon())
	}
	t.hash = m.Hash
	if img := s.images.get(m.Hash); img != nil {
		t.img.Image = img
		t.icon.Hide()
	} else {
		t.img.Image = nil
		t.icon.Show()
		s.requestThumb(m)
	}
	t.img.Refresh()
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

// requestThumb reads the grid thumbnail of m in the background, asking the
// thumbnail pool to make it when it is not on disk yet, and swaps it into
// the tiles that still show m.
func (s *libraryScreen) requestThumb(m data.Media) {
	if m.Kind != "image" || m.Missing != data.MissingNone || s.asked[m.Hash] {
		return
	}
	s.asked[m.Hash] = true
	hash, src := m.Hash, filepath.Join(s.u.ws.Dir(), filepath.FromSlash(m.Path))
	orientation := m.Orientation
	cache, pool, poolCtx := s.cache, s.pool, s.poolCtx
	s.u.run(func(ctx context.Context) func() {
		if cache.Exists(hash, thumbs.GridSize) {
			img := decodeThumb(cache.Path(hash, thumbs.GridSize))
			return func() { s.thumbArrived(hash, img) }
		}
		j := thumbs.Job{Hash: hash, Src: src, Orientation: orientation, Sizes: []int{thumbs.GridSize, thumbs.PreviewSize}}
		// Submit may wait for room in the pool's queue; that must not
		// hold one of the runner's few workers.
		deliver := s.u.deliver
		go func() {
			err := pool.Submit(poolCtx, j, func(r thumbs.Result) {
				var img image.Image
				if r.Err == nil {
					img = decodeThumb(cache.Path(hash, thumbs.GridSize))
				}
				deliver(func() { s.thumbArrived(hash, img) })
			})
			if err != nil {
				deliver(func() { s.thumbArrived(hash, nil) })
			}
		}()
		return nil
	})
}

// thumbArrived keeps a decoded thumbnail and shows it in every tile that
// still shows its item; nil (no thumbnail could be made) keeps the
// placeholder and is not asked again.
func (s *libraryScreen) thumbArrived(hash string, img image.Image) {
	if img == nil {
		return
	}
	delete(s.asked, hash)
	s.images.put(hash, img)
	for _, t := range s.tiles {
		if t.hash == hash {
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
	s.u.openFiles(lang.L("Import …"), s.lastDir, func(paths []string) {
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
	if s.u.shell == nil || s.u.shell.library != s || s.u.shell.tabs.Selected() == nil ||
		s.u.shell.tabs.Selected().Content != s.content || s.u.ws.ReadOnly() {
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
