package app

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/thumbs"
)

// feederHarness runs a feeder with one worker whose first quick step waits
// at a gate, so the test can queue requests behind it and see the order
// they are served in without sleeping.
type feederHarness struct {
	f       *thumbFeeder
	wg      sync.WaitGroup
	mu      sync.Mutex
	calls   []string
	started chan string
	gate    chan struct{}
}

func newFeederHarness(t *testing.T, standIn map[string]bool) *feederHarness {
	h := &feederHarness{started: make(chan string, 1), gate: make(chan struct{})}
	spawn := func(_ context.Context, work func()) bool {
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			work()
		}()
		return true
	}
	h.f = newThumbFeeder(t.Context(), 1, spawn, func(f func()) { f() })
	first := true
	h.f.quick = func(_ context.Context, r thumbRequest) (image.Image, bool) {
		if first {
			first = false
			h.started <- r.hash
			<-h.gate
		}
		h.record("quick:" + r.hash)
		return testImage(), !standIn[r.hash]
	}
	h.f.make = func(_ context.Context, r thumbRequest) image.Image {
		h.record("make:" + r.hash)
		return testImage()
	}
	h.f.arrived = func(string, image.Image, bool) {}
	return h
}

func (h *feederHarness) record(s string) {
	h.mu.Lock()
	h.calls = append(h.calls, s)
	h.mu.Unlock()
}

// After fast scrolling the tiles she looks at now are served first, and a
// request of a tile that was bound to another item meanwhile is dropped.
func TestThumbFeederServesNewestFirstAndDropsStale(t *testing.T) {
	h := newFeederHarness(t, nil)
	t1, t2, t3, t4 := new(int), new(int), new(int), new(int)
	h.f.want(t1, thumbRequest{hash: "a"})
	if got := <-h.started; got != "a" {
		t.Fatalf("first served %q", got)
	}
	h.f.want(t2, thumbRequest{hash: "b"})
	h.f.want(t3, thumbRequest{hash: "c"})
	h.f.want(t4, thumbRequest{hash: "d"})
	h.f.want(t2, thumbRequest{hash: "e"}) // t2 rebound: b is stale
	h.f.want(t3, thumbRequest{hash: "c"}) // c asked again: newest now
	h.f.release(t4)                       // t4 shows a cached one: d is stale
	if n := h.f.queued(); n != 3 {
		t.Errorf("%d entries wait, want 3 (a running, c, e)", n)
	}
	close(h.gate)
	h.wg.Wait()
	if want := []string{"quick:a", "quick:c", "quick:e"}; !slices.Equal(h.calls, want) {
		t.Errorf("served %v, want %v", h.calls, want)
	}
	if n := h.f.queued(); n != 0 {
		t.Errorf("%d entries left", n)
	}
}

// Every cheap step (cached thumbnail, EXIF stand-in) comes before any
// original is decoded; the decodes then go newest first too.
func TestThumbFeederShowsStandInsBeforeDecoding(t *testing.T) {
	h := newFeederHarness(t, map[string]bool{"m1": true, "m2": true})
	h.f.want(new(int), thumbRequest{hash: "a"})
	<-h.started
	h.f.want(new(int), thumbRequest{hash: "m1"})
	h.f.want(new(int), thumbRequest{hash: "m2"})
	h.f.want(new(int), thumbRequest{hash: "q"})
	close(h.gate)
	h.wg.Wait()
	want := []string{"quick:a", "quick:q", "quick:m2", "quick:m1", "make:m2", "make:m1"}
	if !slices.Equal(h.calls, want) {
		t.Errorf("served %v, want %v", h.calls, want)
	}
}

// A feeder whose workspace is closed starts no goroutine.
func TestThumbFeederStopsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	spawned := 0
	f := newThumbFeeder(ctx, 2, func(context.Context, func()) bool { spawned++; return true }, func(func()) {})
	cancel()
	f.want(new(int), thumbRequest{hash: "a"})
	if spawned != 0 {
		t.Errorf("%d workers started after the context ended", spawned)
	}
}

// exifJPEG is a 640×480 JPEG of colour main whose EXIF data carries a
// 160×120 thumbnail of colour thumb, as cameras and phones write it.
func exifJPEG(t *testing.T, main, thumb color.Color) []byte {
	t.Helper()
	enc := func(w, h int, c color.Color) []byte {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := 0; i < len(img.Pix); i += 4 {
			r, g, b, _ := c.RGBA()
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = byte(r>>8), byte(g>>8), byte(b>>8), 255
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	small := enc(160, 120, thumb)
	le := binary.LittleEndian
	// TIFF header, an empty IFD0 pointing to IFD1, IFD1 with the
	// thumbnail's offset and length, then the thumbnail.
	var tiff []byte
	tiff = append(tiff, "II*\x00"...)
	tiff = le.AppendUint32(tiff, 8)
	tiff = le.AppendUint16(tiff, 0)
	tiff = le.AppendUint32(tiff, 14)
	tiff = le.AppendUint16(tiff, 2)
	entry := func(tag uint16, v uint32) {
		tiff = le.AppendUint16(tiff, tag)
		tiff = le.AppendUint16(tiff, 4) // LONG
		tiff = le.AppendUint32(tiff, 1)
		tiff = le.AppendUint32(tiff, v)
	}
	entry(0x0201, 44)
	entry(0x0202, uint32(len(small)))
	tiff = le.AppendUint32(tiff, 0)
	tiff = append(tiff, small...)
	payload := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	big := enc(640, 480, main)
	return slices.Concat(big[:2], app1, payload, big[2:])
}

func centreColour(img image.Image) (r, g, b uint32) {
	bd := img.Bounds()
	r, g, b, _ = img.At(bd.Min.X+bd.Dx()/2, bd.Min.Y+bd.Dy()/2).RGBA()
	return r >> 8, g >> 8, b >> 8
}

// A tile shows the picture's embedded EXIF thumbnail at once and swaps in
// the real grid thumbnail once it is made.
func TestLibraryTileShowsEXIFThumbnailUntilTheRealOneIsMade(t *testing.T) {
	u, s := openLibrary(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "kamera.jpg")
	if err := os.WriteFile(p, exifJPEG(t, color.RGBA{B: 255, A: 255}, color.RGBA{R: 255, A: 255}), 0o644); err != nil {
		t.Fatal(err)
	}
	// Imported without thumbnails, as after a crash or a cleared cache.
	if _, err := u.Workspace().ImportFiles(context.Background(), []string{p}, data.ImportFilesOptions{}); err != nil {
		t.Fatal(err)
	}
	s.reload()
	u.Wait()
	// The grid of the test window may have asked for it meanwhile: forget
	// it on disk and in memory.
	if len(s.items) != 1 {
		t.Fatalf("fixture: %d items", len(s.items))
	}
	if err := s.cache.Remove(s.items[0].Hash); err != nil {
		t.Fatal(err)
	}
	s.images, s.stand = newImageLRU(thumbMemory), newImageLRU(thumbMemory)
	made := make(chan struct{})
	gate := make(chan struct{})
	realMake := s.feeder.make
	s.feeder.make = func(ctx context.Context, r thumbRequest) image.Image {
		close(made)
		<-gate
		return realMake(ctx, r)
	}
	tile := s.newTile().(*mediaTile)
	s.updateTile(0, tile)
	<-made // the stand-in was handed over before the decode began
	u.runQueued()
	if tile.img.Image == nil {
		t.Fatal("no stand-in while the thumbnail is being made")
	}
	if r, _, b := centreColour(tile.img.Image); r < 200 || b > 60 {
		t.Errorf("stand-in is not the EXIF thumbnail: r=%d b=%d", r, b)
	}
	if bd := tile.img.Image.Bounds(); bd.Dx() != 160 {
		t.Errorf("stand-in %v, want the 160 px EXIF thumbnail", bd)
	}
	close(gate)
	u.Wait()
	if r, _, b := centreColour(tile.img.Image); b < 200 || r > 60 {
		t.Errorf("real thumbnail not swapped in: r=%d b=%d", r, b)
	}
	if !s.cache.Exists(s.items[0].Hash, thumbs.GridSize) || s.images.len() != 1 {
		t.Error("the grid thumbnail was not made and kept")
	}
}

// importNotes stores n small text files (documents) named notiz-000.txt …
// straight through data, for screens that need many items fast.
func importNotes(t *testing.T, u *UI, n int) {
	t.Helper()
	ctx := context.Background()
	im := u.Workspace().NewImport(0)
	for i := range n {
		name := fmt.Sprintf("notiz-%03d.txt", i)
		if _, err := im.Add(ctx, strings.NewReader(name), data.Media{OriginalName: name}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := im.Finish(ctx); err != nil {
		t.Fatal(err)
	}
}

func selectedNames(b *mediaBrowser) []string {
	var out []string
	for _, m := range b.selected() {
		out = append(out, m.OriginalName)
	}
	return out
}

func TestLibraryMultiSelect(t *testing.T) {
	u, s := openLibrary(t)
	importNotes(t, u, 6)
	s.sort.SetSelectedIndex(2) // by file name: notiz-000 … notiz-005
	u.Wait()
	name := func(i int) string { return fmt.Sprintf("notiz-%03d.txt", i) }
	ctrl, shift := fyne.KeyModifierControl, fyne.KeyModifierShift

	for _, c := range []struct {
		what  string
		index int
		mods  fyne.KeyModifier
		want  []int
	}{
		{"click selects one", 1, 0, []int{1}},
		{"Strg+click adds", 3, ctrl, []int{1, 3}},
		{"Umschalt+click extends from the last click", 5, shift, []int{3, 4, 5}},
		{"Umschalt+click the other way replaces the range", 2, shift, []int{3, 2}},
		{"Strg+Umschalt+click adds a range", 0, ctrl | shift, []int{3, 2, 1, 0}},
		{"Strg+click again removes", 1, ctrl, []int{3, 2, 0}},
		{"Umschalt+click ranges from a removed one too", 2, shift, []int{1, 2}},
		{"a plain click starts over", 4, 0, []int{4}},
	} {
		s.click(c.index, c.mods)
		var want []string
		for _, i := range c.want {
			want = append(want, name(i))
		}
		if got := selectedNames(s.mediaBrowser); !slices.Equal(got, want) {
			t.Errorf("%s: selected %v, want %v", c.what, got, want)
		}
	}

	// Strg+A selects all loaded items, Esc none; the pane follows.
	pressShortcut(t, u, fyne.KeyModifierControl, fyne.KeyA)
	if len(s.sel) != 6 {
		t.Errorf("Strg+A selected %d, want 6", len(s.sel))
	}
	if s.pane.Objects[0] != s.bulk.content {
		t.Error("several selected, but the bulk pane is not shown")
	}
	assertShows(t, s.bulk.content, "6 Dateien ausgewählt", "6 Dateien löschen …")
	pressKey(u, fyne.KeyEscape)
	if len(s.sel) != 0 {
		t.Errorf("Esc left %d selected", len(s.sel))
	}
	if s.pane.Objects[0] != s.detail.content || s.detail.m.ID != 0 {
		t.Error("nothing selected, but the pane still shows an item")
	}

	// The tiles take the clicks with their modifiers and show a check mark.
	test.WidgetRenderer(s.grid).Layout(fyne.NewSize(900, 600))
	s.grid.Refresh()
	u.Wait()
	byIndex := map[int]*mediaTile{}
	for tl := range s.tiles {
		if tl.index >= 0 {
			byIndex[tl.index] = tl
		}
	}
	tap := func(i int, mods fyne.KeyModifier) {
		tl := byIndex[i]
		if tl == nil {
			t.Fatalf("no tile shows item %d", i)
		}
		tl.MouseDown(&desktop.MouseEvent{Modifier: mods})
		test.Tap(tl)
	}
	tap(0, 0)
	tap(2, ctrl)
	if got := selectedNames(s.mediaBrowser); !slices.Equal(got, []string{name(0), name(2)}) {
		t.Errorf("after tile clicks %v", got)
	}
	for i, tl := range byIndex {
		on := i == 0 || i == 2
		if tl.check.Visible() != on || tl.frame.Visible() != on {
			t.Errorf("tile %d: check mark shown %v, want %v", i, tl.check.Visible(), on)
		}
		if sz := tl.check.Size(); on && (sz.Width < 20 || sz.Height < 20) {
			t.Errorf("tile %d: check mark shown at size %v", i, sz)
		}
	}

	// The selection is kept by media ID when the query changes, and a
	// selected item the search hides is counted as hidden.
	s.search.SetText("notiz-002")
	u.Wait()
	if got := selectedNames(s.mediaBrowser); !slices.Equal(got, []string{name(0), name(2)}) {
		t.Errorf("after a search the selection is %v", got)
	}
	assertShows(t, s.bulk.content, "2 Dateien ausgewählt", "1 davon wird von der aktuellen Suche oder dem Filter nicht angezeigt.")
	if tl := byIndex[0]; tl.mediaID == s.items[0].ID && !tl.check.Visible() {
		t.Error("the selected item found by the search is not marked")
	}
}

func TestLibraryBulkEditAppliesToAllSelectedAndLogs(t *testing.T) {
	u, s := openLibrary(t)
	importNotes(t, u, 5)
	s.sort.SetSelectedIndex(2)
	u.Wait()
	s.click(0, 0)
	s.click(1, fyne.KeyModifierControl)
	s.click(3, fyne.KeyModifierControl)
	ids := s.selectedIDs()
	p := s.bulk
	assertShows(t, p.content, "3 Dateien ausgewählt")

	p.addTags.SetText("Rathaus, Sommerfest")
	test.Tap(findButton(t, p.content, "Hinzufügen"))
	u.Wait()
	p.removeTags.SetText("sommerfest")
	test.Tap(findButton(t, p.content, "Entfernen"))
	u.Wait()
	p.credit.SetText("Foto: Stadt Musterstadt")
	p.licence.SetSelectedIndex(2) // Dienstfoto
	p.until.SetText("31.12.2027")
	for _, b := range p.buttons {
		if b.Text == "Setzen" {
			test.Tap(b)
			u.Wait()
		}
	}
	assertShows(t, p.content, "„Nutzbar bis“ bei 3 Dateien gesetzt.")

	ctx := context.Background()
	for _, id := range ids {
		m, err := u.Workspace().Media(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.Tags, []string{"Rathaus"}) || m.Credit != "Foto: Stadt Musterstadt" || m.Licence != "official" ||
			m.UsableUntil == nil || *m.UsableUntil != (calendar.Date{Year: 2027, Month: 12, Day: 31}) {
			t.Errorf("item %d: tags %v credit %q licence %q until %v", id, m.Tags, m.Credit, m.Licence, m.UsableUntil)
		}
	}
	other, _ := u.Workspace().Media(ctx, s.items[2].ID)
	if len(other.Tags) != 0 || other.Credit != "" {
		t.Errorf("an item not selected was changed: %+v", other)
	}
	// The grid's loaded copies follow without a reload.
	if m := s.picked[ids[0]]; m.Credit != "Foto: Stadt Musterstadt" || !slices.Equal(m.Tags, []string{"Rathaus"}) {
		t.Errorf("loaded copy not updated: %+v", m)
	}

	// One change-log line per bulk edit, naming how many files.
	log, err := u.Workspace().Changes(ctx, 0, 20)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range log {
		if c.Item == "media" && strings.Contains(c.Summary, "3 Dateien") {
			lines = append(lines, c.Summary)
		}
	}
	for _, want := range []string{"„Rathaus“, „Sommerfest“ hinzugefügt", "„sommerfest“ entfernt", "Bildnachweis", "Lizenz", "nutzbar bis 31.12.2027"} {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("change log lacks %q: %q", want, lines)
		}
	}

	// Deleting several asks once, moves them to the Papierkorb and leaves
	// the selection empty.
	test.Tap(p.del)
	d := topOverlay(u)
	if d == nil {
		t.Fatal("no question before deleting")
	}
	assertShows(t, d, "3 Dateien in den Papierkorb verschieben? Sie können dort 30 Tage lang wiederhergestellt werden.")
	test.Tap(findButton(t, d, "Ja"))
	u.Wait()
	if len(s.items) != 2 || len(s.sel) != 0 {
		t.Errorf("after deleting: %d items, %d selected", len(s.items), len(s.sel))
	}
	if s.pane.Objects[0] != s.detail.content {
		t.Error("the bulk pane stays after its items are gone")
	}
}

// Deleting several where one is used in a planned post names the file and
// the post and asks again.
func TestLibraryBulkDeleteOfUsedItemsNamesThem(t *testing.T) {
	u, s := openLibrary(t)
	importNotes(t, u, 3)
	s.sort.SetSelectedIndex(2)
	u.Wait()
	ws, ctx := u.Workspace(), context.Background()
	cs, _ := ws.Channels(ctx)
	day := calendar.Date{Year: 2030, Month: 6, Day: 14}
	post := data.Post{Title: "Sommerfest im Rathaus", Status: data.StatusDraft, Date: &day, Channels: []data.PostChannel{{ChannelID: cs[0].ID}}}
	if err := ws.CreatePost(ctx, &post); err != nil {
		t.Fatal(err)
	}
	if err := ws.AttachMedia(ctx, post.ID, []int64{s.items[1].ID}); err != nil {
		t.Fatal(err)
	}
	s.selectAll()
	s.deleteMedia(s.selectedIDs(), false, nil)
	u.Wait()
	d := topOverlay(u)
	if d == nil {
		t.Fatal("no question")
	}
	assertShows(t, d, "notiz-001.txt: 14.06.2030 – Sommerfest im Rathaus")
	if n, _ := ws.CountMedia(ctx, data.MediaQuery{}); n != 3 {
		t.Errorf("%d items left before she answered, want 3", n)
	}
	test.Tap(findButton(t, d, "Ja"))
	u.Wait()
	if n, _ := ws.CountMedia(ctx, data.MediaQuery{}); n != 0 || len(s.sel) != 0 {
		t.Errorf("after yes: %d items, %d selected", n, len(s.sel))
	}
}

func TestPickerReturnsTheChosenItemsInOrder(t *testing.T) {
	u, s := openLibrary(t)
	importNotes(t, u, 5)
	s.reload()
	u.Wait()
	var got []data.Media
	calls := 0
	u.pickMedia(func(ms []data.Media) { got = ms; calls++ })
	u.Wait()
	b := s.picking
	if b == nil {
		t.Fatal("picker not open")
	}
	if b.grid == s.grid || len(b.items) != 5 {
		t.Fatalf("picker grid: own %v, %d items", b.grid != s.grid, len(b.items))
	}
	d := topOverlay(u)
	assertShows(t, d, "Aus der Mediathek wählen", "Auswählen (0)", "Abbrechen", "5 Dateien")
	if !findButton(t, d, "Auswählen (0)").Disabled() {
		t.Error("choosing nothing is offered")
	}
	b.sort.SetSelectedIndex(2)
	u.Wait()
	// Three chosen in this order, one of them after a search.
	b.click(3, 0)
	b.click(0, fyne.KeyModifierControl)
	b.search.SetText("notiz-004")
	u.Wait()
	b.click(0, fyne.KeyModifierControl)
	// Strg+A and Esc act on the picker while it is open, not on the
	// Mediathek behind it.
	pressKey(u, fyne.KeyEscape)
	if len(b.sel) != 0 {
		t.Fatal("Esc did not clear the picker's selection")
	}
	b.search.SetText("")
	u.Wait()
	b.click(3, 0)
	b.click(0, fyne.KeyModifierControl)
	b.click(4, fyne.KeyModifierControl)
	if len(s.sel) != 0 {
		t.Errorf("the Mediathek behind the picker has %d selected", len(s.sel))
	}
	test.Tap(findButton(t, d, "Auswählen (3)"))
	u.Wait()
	if calls != 1 {
		t.Fatalf("onChosen called %d times", calls)
	}
	var names []string
	for _, m := range got {
		names = append(names, m.OriginalName)
	}
	if want := []string{"notiz-003.txt", "notiz-000.txt", "notiz-004.txt"}; !slices.Equal(names, want) {
		t.Errorf("chose %v, want %v", names, want)
	}
	if s.picking != nil || topOverlay(u) != nil {
		t.Error("the picker is still open")
	}
	if b.feeder.ctx.Err() == nil {
		t.Error("the picker's thumbnail feeder outlives it")
	}

	// Abbrechen calls nothing; so does Esc on an empty selection.
	u.pickMedia(func([]data.Media) { calls++ })
	u.Wait()
	s.picking.click(0, 0)
	test.Tap(findButton(t, topOverlay(u), "Abbrechen"))
	u.Wait()
	if calls != 1 || s.picking != nil {
		t.Errorf("cancel: %d calls, picker open %v", calls, s.picking != nil)
	}
	u.pickMedia(func([]data.Media) { calls++ })
	u.Wait()
	s.picking.click(0, 0)
	pressKey(u, fyne.KeyEscape)
	if s.picking == nil || len(s.picking.sel) != 0 {
		t.Fatal("the first Esc did not just clear the selection")
	}
	pressKey(u, fyne.KeyEscape)
	u.Wait()
	if calls != 1 || s.picking != nil || topOverlay(u) != nil {
		t.Errorf("Esc: %d calls, picker open %v", calls, s.picking != nil)
	}
}

func TestLibrarySizeSliderChangesTileSizeAndIsRemembered(t *testing.T) {
	u, s := openLibrary(t)
	importNotes(t, u, 30)
	s.reload()
	u.Wait()
	test.WidgetRenderer(s.grid).Layout(fyne.NewSize(900, 600))
	s.grid.Resize(fyne.NewSize(900, 600))
	s.grid.Refresh()
	tileWidth := func() float32 {
		for tl := range s.tiles {
			if tl.index == 0 {
				return tl.Size().Width
			}
		}
		t.Fatal("no tile for item 0")
		return 0
	}
	medium, cols := tileWidth(), s.grid.ColumnCount()
	s.size.SetValue(2)
	large, largeCols := tileWidth(), s.grid.ColumnCount()
	s.size.SetValue(0)
	small, smallCols := tileWidth(), s.grid.ColumnCount()
	if !(small < medium && medium < large) || !(smallCols > cols && cols > largeCols) {
		t.Errorf("tile widths %v/%v/%v, columns %d/%d/%d", small, medium, large, smallCols, cols, largeCols)
	}
	if got := u.app.Preferences().Int(prefTileSize); got != 0 {
		t.Errorf("remembered size %d, want 0", got)
	}
	// A new Mediathek (next start, other workspace) starts with it.
	b := newMediaBrowser(u, nil)
	if b.tileSize != tileSizes[0] || b.size.Value != 0 {
		t.Errorf("new browser starts with %v (slider %v)", b.tileSize, b.size.Value)
	}
}
