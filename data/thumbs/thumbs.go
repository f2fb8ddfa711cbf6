// Package thumbs makes and caches the Mediathek's thumbnails: JPEG files at
// a few long-side sizes (a grid size and a preview size), named by the
// source's content hash, under a workspace's thumbs/ folder.
//
// It knows nothing of the database or of Fyne: the caller passes the content
// hash, the source path, the container format and the EXIF orientation
// (read elsewhere), and gets files. Speed matters because a camera card
// brings hundreds of 12-megapixel JPEGs at once; JPEGs are therefore decoded
// at reduced scale straight from their DCT coefficients (see jpegscale.go),
// and everything else through the standard decoders.
package thumbs

import (
	"context"
	"errors"
	"feedtakt/data/mediainfo"
	"fmt"
	"image"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Sentinel errors the UI maps to a sentence. Errors returned by Make wrap one
// of them where the cause is the picture itself.
var (
	// ErrTooLarge: the picture declares more pixels than MaxPixels; it was not decoded.
	ErrTooLarge = errors.New("picture too large for a thumbnail")
	// ErrUnsupported: the content is in no format this package decodes.
	ErrUnsupported = errors.New("picture format not supported")
	// ErrDamaged: the file is truncated or its data is not a valid picture.
	ErrDamaged = errors.New("picture damaged or incomplete")
	// ErrBadHash: the content hash is not a lower-case hex string, so it cannot name a file.
	ErrBadHash = errors.New("invalid content hash")
	// ErrBadSize: a requested thumbnail size is outside 16..MaxSize.
	ErrBadSize = errors.New("invalid thumbnail size")
)

// MaxPixels is the largest picture (width × height, read from the header)
// that is decoded at all; larger ones are refused with ErrTooLarge so that a
// crafted or absurd file cannot take gigabytes of memory.
const MaxPixels = mediainfo.MaxPixels // one limit for import and thumbnails

// MaxSize is the largest long side a thumbnail may be asked for.
const MaxSize = 4096

// Usual sizes: the grid tile and the detail pane's preview.
const (
	GridSize    = 256
	PreviewSize = 1024
)

// Quality is the JPEG quality of written thumbnails.
const Quality = 80

// Format names the container of a source picture. FormatUnknown lets Make
// recognise the format from the content; a PNG named .jpg decodes as PNG
// whatever the caller says, because the content decides.
type Format int

// The formats this package decodes.
const (
	FormatUnknown Format = iota
	FormatJPEG
	FormatPNG
	FormatGIF
	FormatWebP
	FormatHEIC
	FormatTIFF
)

// String returns the format's short lower-case name.
func (f Format) String() string {
	switch f {
	case FormatJPEG:
		return "jpeg"
	case FormatPNG:
		return "png"
	case FormatGIF:
		return "gif"
	case FormatWebP:
		return "webp"
	case FormatHEIC:
		return "heic"
	case FormatTIFF:
		return "tiff"
	}
	return "unknown"
}

// Cache is a thumbs/ folder. Thumbnails live at <dir>/<hh>/<hash>-<size>.jpg
// where hh is the hash's first two characters (256 sub-folders keep each
// folder small). Files are written to <dir>/<hash>-<size>-<n>.part (the
// top level of thumbs/, never a sub-folder), synced and renamed into place,
// so a reader never sees half a thumbnail and a killed process leaves only
// .part files at the top of thumbs/: exactly where the workspace's sweep at
// open already looks (data.sweepAtOpen → sweepPartsIn(thumbs/)). Sweep does
// the same for callers without a workspace.
type Cache struct {
	dir string
}

// NewCache returns the cache rooted at dir (normally <workspace>/thumbs).
// Folders are created on first write.
func NewCache(dir string) *Cache { return &Cache{dir: dir} }

// Dir returns the cache's root folder.
func (c *Cache) Dir() string { return c.dir }

// StagingDir returns the folder where thumbnails are written before their
// rename (the cache's root); every *.part in it is a leftover when no Make
// runs.
func (c *Cache) StagingDir() string { return c.dir }

// Path returns where the thumbnail of the given content hash and size lives.
// It does not check the hash; Make does.
func (c *Cache) Path(hash string, size int) string {
	hh := "xx"
	if len(hash) >= 2 {
		hh = hash[:2]
	}
	return filepath.Join(c.dir, hh, hash+"-"+strconv.Itoa(size)+".jpg")
}

// Exists reports whether the thumbnail of hash at size is on disk.
func (c *Cache) Exists(hash string, size int) bool {
	st, err := os.Stat(c.Path(hash, size))
	return err == nil && st.Mode().IsRegular() && st.Size() > 0
}

// Missing returns the sizes among sizes whose thumbnail is not on disk.
func (c *Cache) Missing(hash string, sizes []int) []int {
	var out []int
	for _, s := range sizes {
		if !c.Exists(hash, s) {
			out = append(out, s)
		}
	}
	return out
}

// Remove deletes every thumbnail of hash (all sizes). A missing file is no error.
func (c *Cache) Remove(hash string) error {
	if err := checkHash(hash); err != nil {
		return err
	}
	dir := filepath.Dir(c.Path(hash, 0))
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("listing thumbnails of %s: %w", hash, err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), hash+"-") && strings.HasSuffix(e.Name(), ".jpg") {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("removing thumbnail %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}

// Sweep removes leftover .part files from the staging folder (the top
// level of thumbs/; the sub-folders only ever get complete files by rename). Call it at
// open, before any Make runs (a running Make's .part file would go too).
// It returns how many files it removed.
func (c *Cache) Sweep() (int, error) {
	entries, err := os.ReadDir(c.StagingDir())
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("listing thumbnail staging folder: %w", err)
	}
	n := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".part") {
			continue
		}
		if err := os.Remove(filepath.Join(c.StagingDir(), e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return n, fmt.Errorf("removing leftover thumbnail %s: %w", e.Name(), err)
		}
		n++
	}
	return n, nil
}

func checkHash(hash string) error {
	if len(hash) < 2 || len(hash) > 128 {
		return fmt.Errorf("%w: %q", ErrBadHash, hash)
	}
	for i := 0; i < len(hash); i++ {
		c := hash[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return fmt.Errorf("%w: %q", ErrBadHash, hash)
		}
	}
	return nil
}

func checkSizes(sizes []int) error {
	if len(sizes) == 0 {
		return fmt.Errorf("%w: no size given", ErrBadSize)
	}
	for _, s := range sizes {
		if s < 16 || s > MaxSize {
			return fmt.Errorf("%w: %d", ErrBadSize, s)
		}
	}
	return nil
}

// Make writes the thumbnails of the picture src (content hash hash) at each
// of sizes (long side in pixels, never enlarged beyond the source) that is
// not yet in the cache, with the EXIF orientation (1–8; anything else counts
// as 1) applied. HEIC callers pass 1: the HEIC decoder already applies the
// container's rotation and mirroring, and HEIF writers keep EXIF's tag only
// for information. format may be FormatUnknown; the content decides in any
// case. The picture's pixel size is read from its header first and a picture
// over MaxPixels is refused with ErrTooLarge without being decoded. The
// source is decoded once for all sizes. ctx is checked between the steps and
// inside the JPEG decoder's rows.
func (c *Cache) Make(ctx context.Context, hash, src string, format Format, orientation int, sizes []int) error {
	if err := checkHash(hash); err != nil {
		return err
	}
	if err := checkSizes(sizes); err != nil {
		return err
	}
	missing := c.Missing(hash, sizes)
	if len(missing) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	largest := 0
	for _, s := range missing {
		largest = max(largest, s)
	}
	// Orientations 5–8 swap the axes, but the long side stays the long side,
	// so the decode target does not depend on the orientation.
	img, err := decodeFile(ctx, src, format, largest)
	if err != nil {
		return fmt.Errorf("making thumbnails of %s: %w", filepath.Base(src), err)
	}
	for _, s := range missing {
		if err := ctx.Err(); err != nil {
			return err
		}
		thumb := fit(img, s)
		thumb = orient(thumb, orientation)
		if err := c.write(hash, s, thumb); err != nil {
			return err
		}
	}
	return nil
}

// write encodes img as JPEG into the staging folder, syncs it and renames it
// into place, so the final name only ever holds a complete file. The folder
// itself is not synced: a rename lost to a power cut only means a
// thumbnail is made again.
func (c *Cache) write(hash string, size int, img image.Image) error {
	final := c.Path(hash, size)
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return fmt.Errorf("creating thumbnail folder: %w", err)
	}
	f, err := os.CreateTemp(c.StagingDir(), hash+"-"+strconv.Itoa(size)+"-*.part")
	if err != nil {
		return fmt.Errorf("creating thumbnail file: %w", err)
	}
	part := f.Name()
	fail := func(what string, err error) error {
		_ = f.Close()
		_ = os.Remove(part)
		return fmt.Errorf("%s thumbnail %s: %w", what, filepath.Base(final), err)
	}
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: Quality}); err != nil {
		return fail("encoding", err)
	}
	if err := f.Sync(); err != nil {
		return fail("syncing", err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(part)
		return fmt.Errorf("closing thumbnail %s: %w", filepath.Base(final), err)
	}
	if err := os.Rename(part, final); err != nil {
		_ = os.Remove(part)
		return fmt.Errorf("storing thumbnail %s: %w", filepath.Base(final), err)
	}
	return nil
}
