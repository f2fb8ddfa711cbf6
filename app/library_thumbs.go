package app

import (
	"bytes"
	"context"
	"image"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"feedtakt/data"
	"feedtakt/data/mediainfo"
	"feedtakt/data/thumbs"
)

// feederWorkers is how many goroutines decode grid thumbnails: a core is
// left for the UI, and more than three would only fight the import and the
// database for the disk.
func feederWorkers() int { return max(1, min(3, runtime.NumCPU()-1)) }

// thumbRequest is what a tile wants shown: the grid thumbnail of one
// stored picture.
type thumbRequest struct {
	hash        string
	src         string // the stored original
	orientation int
}

// thumbStep is how far a wanted thumbnail has come.
type thumbStep int

const (
	// stepQuick reads what is cheap: the cached grid thumbnail, else the
	// picture's embedded EXIF thumbnail as a stand-in.
	stepQuick thumbStep = iota
	// stepMake decodes the original and writes the cache (expensive):
	// only after every wanted quick step.
	stepMake
)

// feederEntry is one wanted hash.
type feederEntry struct {
	req     thumbRequest
	step    thumbStep
	seq     uint64 // when a tile last asked; the highest is served first
	owners  int    // tiles that show it now
	running bool
}

// thumbFeeder feeds the grid's tiles their thumbnails from a fixed number
// of goroutines. Requests are served newest first, so after fast
// scrolling the tiles she looks at now win over those she scrolled past;
// a request no tile wants any more (the tile was bound to another item) is
// dropped before it is decoded. Everything cheap (cached thumbnails and
// embedded EXIF thumbnails) is served before any original is decoded.
// Results reach the UI goroutine through deliver; nothing is decoded
// there.
type thumbFeeder struct {
	ctx     context.Context
	workers int
	// spawn starts a worker goroutine while ctx lasts; false when it has
	// ended (runner.goBackground).
	spawn func(ctx context.Context, work func()) bool
	// deliver hands a result to the UI goroutine (fyne.Do).
	deliver func(func())
	// quick and make are the two steps (library's loaders; tests replace
	// them). quick returns the picture and whether it is the real one.
	quick func(ctx context.Context, r thumbRequest) (img image.Image, final bool)
	make  func(ctx context.Context, r thumbRequest) image.Image
	// arrived runs on the UI goroutine with each picture (nil: none).
	arrived func(hash string, img image.Image, final bool)

	mu      sync.Mutex
	seq     uint64
	active  int
	pending map[string]*feederEntry
	byOwner map[any]string // the hash each tile waits for
}

func newThumbFeeder(ctx context.Context, workers int, spawn func(context.Context, func()) bool, deliver func(func())) *thumbFeeder {
	return &thumbFeeder{ctx: ctx, workers: max(1, workers), spawn: spawn, deliver: deliver,
		pending: map[string]*feederEntry{}, byOwner: map[any]string{}}
}

// want asks for r on behalf of owner (a tile), replacing what owner asked
// for before: that request is dropped when no other tile wants it.
func (f *thumbFeeder) want(owner any, r thumbRequest) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.byOwner[owner] != r.hash {
		f.releaseLocked(owner)
	}
	f.seq++
	e, ok := f.pending[r.hash]
	if !ok {
		e = &feederEntry{req: r}
		f.pending[r.hash] = e
	}
	if f.byOwner[owner] != r.hash {
		e.owners++
		f.byOwner[owner] = r.hash
	}
	e.seq = f.seq
	if f.active < f.workers && f.ctx.Err() == nil {
		f.active++
		if !f.spawn(f.ctx, f.work) {
			f.active--
		}
	}
}

// release says owner no longer wants anything (it shows an item whose
// thumbnail is at hand, or none).
func (f *thumbFeeder) release(owner any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.releaseLocked(owner)
}

func (f *thumbFeeder) releaseLocked(owner any) {
	hash, ok := f.byOwner[owner]
	if !ok {
		return
	}
	delete(f.byOwner, owner)
	e := f.pending[hash]
	if e == nil {
		return
	}
	e.owners--
	if e.owners <= 0 && !e.running {
		delete(f.pending, hash) // stale: no tile shows it any more
	}
}

// next picks the newest waiting entry of the cheapest step there is.
func (f *thumbFeeder) next() *feederEntry {
	var best *feederEntry
	for _, e := range f.pending {
		if e.running {
			continue
		}
		if best == nil || e.step < best.step || e.step == best.step && e.seq > best.seq {
			best = e
		}
	}
	return best
}

// queued is how many entries wait (tests).
func (f *thumbFeeder) queued() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.pending)
}

// work serves entries until none waits, then ends; want starts it again.
func (f *thumbFeeder) work() {
	for {
		f.mu.Lock()
		e := f.next()
		if e == nil || f.ctx.Err() != nil {
			f.active--
			f.mu.Unlock()
			return
		}
		e.running = true
		step, r := e.step, e.req
		f.mu.Unlock()

		var img image.Image
		final := true
		if step == stepQuick {
			img, final = f.quick(f.ctx, r)
		} else {
			img = f.make(f.ctx, r)
		}
		if f.ctx.Err() == nil && (img != nil || final) {
			hash := r.hash
			f.deliver(func() { f.arrived(hash, img, final) })
		}

		f.mu.Lock()
		e.running = false
		if final || e.owners <= 0 {
			delete(f.pending, r.hash)
		} else {
			e.step = stepMake // the stand-in is shown; now the real one
		}
		f.mu.Unlock()
	}
}

// loadThumb reads m's grid thumbnail (thumbTarget: a picture's own, a
// video's poster) in the background for a small list of pictures such as a
// post's: the cached one or the JPEG's embedded stand-in first, made the
// feeder's way where missing, unless the file is gone (nothing to make it
// from). show runs on the UI goroutine with the hash and the image; ok is
// false for an item without a picture, and nothing is read then.
func (u *UI) loadThumb(cache *thumbs.Cache, m data.Media, show func(hash string, img image.Image)) (hash string, ok bool) {
	hash, rel, orientation, ok := thumbTarget(m)
	if !ok {
		return "", false
	}
	r := thumbRequest{hash: hash, src: filepath.Join(u.ws.Dir(), filepath.FromSlash(rel)), orientation: orientation}
	gone := m.Kind == "image" && m.Missing != data.MissingNone
	quick, build := quickThumb(cache), makeThumb(cache)
	u.run(func(ctx context.Context) func() {
		img, final := quick(ctx, r)
		if !final && !gone {
			if made := build(ctx, r); made != nil {
				img = made
			}
		}
		if img == nil {
			return nil
		}
		return func() { show(hash, img) }
	})
	return hash, true
}

// quickThumb is the feeder's cheap step: the cached grid thumbnail (final),
// else the embedded EXIF thumbnail of a JPEG (a stand-in), else nothing.
func quickThumb(cache *thumbs.Cache) func(context.Context, thumbRequest) (image.Image, bool) {
	return func(_ context.Context, r thumbRequest) (image.Image, bool) {
		if cache.Exists(r.hash, thumbs.GridSize) {
			if img := decodeThumb(cache.Path(r.hash, thumbs.GridSize)); img != nil {
				return img, true
			}
		}
		return embeddedThumb(r.src, r.orientation), false
	}
}

// makeThumb is the feeder's expensive step: decode the original, write
// both cached sizes (the detail pane's preview comes with it), and read the
// grid size back.
func makeThumb(cache *thumbs.Cache) func(context.Context, thumbRequest) image.Image {
	return func(ctx context.Context, r thumbRequest) image.Image {
		sizes := []int{thumbs.GridSize, thumbs.PreviewSize}
		if err := cache.Make(ctx, r.hash, r.src, thumbs.FormatUnknown, r.orientation, sizes); err != nil {
			return nil
		}
		return decodeThumb(cache.Path(r.hash, thumbs.GridSize))
	}
}

// embeddedThumb reads and decodes the small JPEG a camera or phone puts
// into the EXIF data, turned as the picture is meant to be seen; nil when
// there is none or it cannot be read.
func embeddedThumb(src string, orientation int) image.Image {
	f, err := os.Open(src)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil
	}
	info, err := mediainfo.Read(f, st.Size(), src)
	if err != nil || info.Thumbnail.Length <= 0 {
		return nil
	}
	b, err := mediainfo.ReadThumbnail(f, info)
	if err != nil || b == nil {
		return nil
	}
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	return orientSmall(img, orientation)
}

// orientSmall turns a small picture by EXIF orientation o (1–8) into a new
// RGBA picture (an EXIF thumbnail of 160×120: cheap).
func orientSmall(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	b := img.Bounds()
	src := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(src, src.Rect, img, b.Min, draw.Src)
	return thumbs.OrientRGBA(src, o)
}
