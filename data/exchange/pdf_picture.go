package exchange

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"

	xdraw "golang.org/x/image/draw"

	"github.com/go-pdf/fpdf"

	"feedtakt/data"
	"feedtakt/data/thumbs"
)

// The small picture beside a post's texts: at most pictureW × pictureH
// millimetres under the Datum and Uhrzeit columns, embedded at most
// picturePx pixels on its long side (about 200 dpi) as JPEG.
const (
	pictureW  = 37 - 2*cellPad - 0.6
	pictureH  = 26.0
	picturePx = 300
	// maxThumbBytes is the largest cached thumbnail taken as it is; a
	// grid thumbnail is some 20 KB.
	maxThumbBytes = 2 << 20
)

// pdfPicture is a picture embedded in the plan, or the grey box for one
// that could not be read (name "").
type pdfPicture struct {
	name string
	w, h float64 // millimetres on the page
}

var errNoPicture = errors.New("no picture to show")

// pictureOf is what shows an item: a picture itself, a video its poster
// (as in the Mediathek); ok is false for documents and videos without one.
func pictureOf(m data.Media) (hash, rel string, orientation int, ok bool) {
	switch {
	case m.Kind == "image":
		return m.Hash, m.Path, m.Orientation, true
	case m.Kind == "video" && m.PosterHash != "" && m.PosterPath != "":
		return m.PosterHash, m.PosterPath, 0, true
	}
	return "", "", 0, false
}

// postPicture is the first picture of a post's items (nil for none) and
// how many more it has.
func (d *pdfPlan) postPicture(ctx context.Context, media []data.Media) (*pdfPicture, int, error) {
	var first *data.Media
	n := 0
	for i, m := range media {
		if _, _, _, ok := pictureOf(m); ok {
			if first == nil {
				first = &media[i]
			}
			n++
		}
	}
	if first == nil {
		return nil, 0, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	return d.picture(ctx, *first), n - 1, nil
}

// picture embeds m's picture once per plan: the cached grid thumbnail as
// it is, else the original decoded at reduced size (never at full size)
// and scaled down. The workspace is not written to (no thumbnail is made),
// so this works on a read-only workspace. A picture that cannot be read
// becomes a grey box saying so.
func (d *pdfPlan) picture(ctx context.Context, m data.Media) *pdfPicture {
	hash, rel, orientation, _ := pictureOf(m)
	if p, ok := d.pics[hash]; ok {
		return p
	}
	p := &pdfPicture{w: pictureW, h: pictureH * 0.6}
	d.pics[hash] = p
	gone := m.Kind == "image" && m.Missing != data.MissingNone
	b, w, h, err := pictureJPEG(ctx, d.p.texts.dir, hash, rel, orientation, gone)
	if err != nil || w <= 0 || h <= 0 {
		return p
	}
	name := "p" + strconv.Itoa(len(d.pics)) + "-" + hash
	d.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(b))
	if d.f.Err() {
		return p // cannot happen: the JPEG was checked as fpdf checks it
	}
	p.name = name
	p.w, p.h = pictureW, pictureW*float64(h)/float64(w)
	if p.h > pictureH {
		p.w, p.h = pictureH*float64(w)/float64(h), pictureH
	}
	return p
}

// drawPicture draws p with its top at y, and below it "+2 weitere" when
// the post has more pictures.
func (d *pdfPlan) drawPicture(p *pdfPicture, more int, y float64) {
	f := d.f
	x := marginX + cellPad
	if p.name != "" {
		f.ImageOptions(p.name, x, y, p.w, p.h, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		f.SetDrawColor(200, 200, 200)
		f.SetLineWidth(0.1)
		f.Rect(x, y, p.w, p.h, "D")
	} else {
		f.SetFillColor(238, 238, 238)
		f.Rect(x, y, p.w, p.h, "F")
		d.font("", 7.5, 100)
		f.SetXY(x, y+p.h/2-lineH/2)
		f.CellFormat(p.w, lineH, "Bild nicht lesbar", "", 0, "C", false, 0, "")
	}
	if more > 0 {
		d.font("", 7.5, 100)
		f.SetXY(x, y+p.h+0.6)
		word := "weitere Bilder"
		if more == 1 {
			word = "weiteres Bild"
		}
		f.CellFormat(pictureW, lineH-0.6, "+ "+strconv.Itoa(more)+" "+word, "", 0, "L", false, 0, "")
	}
}

// pictureJPEG returns a small JPEG of the picture with the content hash
// hash stored at rel in the workspace dir, and its size in pixels.
func pictureJPEG(ctx context.Context, dir, hash, rel string, orientation int, gone bool) ([]byte, int, int, error) {
	if !hexHash(hash) {
		return nil, 0, 0, errNoPicture
	}
	cache := thumbs.NewCache(filepath.Join(dir, data.ThumbsDir))
	if b, w, h, err := readThumb(cache.Path(hash, thumbs.GridSize)); err == nil {
		return b, w, h, nil
	}
	if gone {
		return nil, 0, 0, errNoPicture
	}
	// Decode checks the pixel count in the header first and decodes a
	// JPEG at 1/8, 1/4 or 1/2 scale where that still gives picturePx.
	img, _, err := thumbs.Decode(ctx, filepath.Join(dir, filepath.FromSlash(rel)), picturePx)
	if err != nil {
		return nil, 0, 0, err
	}
	small := shrink(img, picturePx)
	small = thumbs.OrientRGBA(small, orientation)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, small, &jpeg.Options{Quality: 82}); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), small.Rect.Dx(), small.Rect.Dy(), nil
}

// readThumb reads a cached thumbnail and checks it the way fpdf will
// (a JPEG in grey or colour, of a thumbnail's size), so that a damaged
// file can never make the whole PDF fail.
func readThumb(path string) ([]byte, int, int, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, 0, 0, err
	}
	if !st.Mode().IsRegular() || st.Size() == 0 || st.Size() > maxThumbBytes {
		return nil, 0, 0, errNoPicture
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, 0, err
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, 0, 0, err
	}
	if cfg.ColorModel != color.GrayModel && cfg.ColorModel != color.YCbCrModel ||
		cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > thumbs.MaxSize || cfg.Height > thumbs.MaxSize {
		return nil, 0, 0, errNoPicture
	}
	return b, cfg.Width, cfg.Height, nil
}

// shrink scales img to at most size pixels on its long side, on white
// (a transparent PNG prints as on paper).
func shrink(img image.Image, size int) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if long := max(w, h); long > size {
		w, h = max(1, w*size/long), max(1, h*size/long)
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.Draw(out, out.Rect, image.White, image.Point{}, xdraw.Src)
	xdraw.CatmullRom.Scale(out, out.Rect, img, b, xdraw.Over, nil)
	return out
}

// hexHash reports whether hash can name a cached file: lower-case hex.
func hexHash(hash string) bool {
	if len(hash) < 2 || len(hash) > 128 {
		return false
	}
	for i := 0; i < len(hash); i++ {
		if c := hash[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
