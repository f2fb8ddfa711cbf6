// Package render makes the JPEG of an upload copy: decode the original
// (through data/thumbs' guarded decoders), apply the EXIF orientation, crop,
// resample with Catmull-Rom and encode without any metadata, under the
// format's byte cap. It is apart from data/upload because package data
// stores the formats and must not depend on the decoders (data/thumbs'
// tests build workspaces through data).
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"

	"golang.org/x/image/draw"

	"feedtakt/data/thumbs"
	"feedtakt/data/upload"
)

// Quality is the JPEG quality of an upload copy: platforms recompress
// anyway, and 85 keeps faces and text clean at about a third of 95's size.
const Quality = 85

// Qualities below this are not tried for a byte cap; a limit format is
// made smaller instead, a fixed one gives up with ErrTooBig.
const minQuality = 40

// ErrTooBig: even at the lowest quality tried the copy is larger than the
// format's file size limit.
var ErrTooBig = errors.New("upload copy larger than the format's file size limit")

// ErrNotPicture: the item is no picture this package can decode (a video,
// a PDF).
var ErrNotPicture = thumbs.ErrUnsupported

// Request says which picture to render in which format.
type Request struct {
	Src         string // the stored original
	Orientation int    // EXIF orientation still to apply after decoding (1–8; else 1)
	// Size is the picture's displayed size as recorded (data.Media's
	// Width, Height); it lets a JPEG be decoded at reduced scale when the
	// crop is large. Zero: decode in full.
	Size   image.Point
	Format upload.Format
	// Crop in displayed full-resolution pixels (see crop.go); empty means
	// DefaultCrop. It is normalised to the format's ratio and the picture.
	Crop image.Rectangle
}

// Result is an encoded upload copy.
type Result struct {
	JPEG     []byte
	Size     image.Point // pixel size of the copy
	Quality  int         // JPEG quality used (lower than Quality when a byte cap needed it)
	Upscaled bool        // the crop had fewer pixels than the copy
	// Converted: the source had a colour profile other than sRGB (Display
	// P3 from an iPhone) and the pixels were converted to sRGB (icc.go).
	Converted bool
}

// Copy decodes the picture, applies its orientation, crops, resamples
// with Catmull-Rom, converts a non-sRGB source to sRGB (icc.go) and
// encodes a baseline JPEG. The output carries no
// metadata at all: Go's JPEG encoder writes no APPn or COM segment, so no
// EXIF, GPS, XMP, IPTC, ICC profile or comment of the original survives
// (render_test proves it on a source with GPS). Transparent pixels are
// flattened onto white. ctx is checked between the steps and while
// decoding.
func Copy(ctx context.Context, req Request) (Result, error) {
	o := req.Orientation
	if o < 1 || o > 8 {
		o = 1
	}
	minLong := 0
	if req.Size.X > 0 && req.Size.Y > 0 {
		crop := upload.Normalize(req.Crop, req.Size, req.Format)
		out, _ := upload.OutputSize(crop, req.Format)
		// The decoded picture must give the crop at least the output's
		// pixels, so the resampler only ever shrinks when it can.
		need := max(float64(out.X)/float64(crop.Dx()), float64(out.Y)/float64(crop.Dy()))
		minLong = int(math.Ceil(need * float64(max(req.Size.X, req.Size.Y))))
	}
	img, full, err := thumbs.Decode(ctx, req.Src, minLong)
	if err != nil {
		return Result{}, fmt.Errorf("decoding the picture: %w", err)
	}
	disp := upload.Displayed(full.X, full.Y, o)
	crop := req.Crop
	if req.Size.X > 0 && req.Size.Y > 0 && req.Size != disp && !crop.Empty() {
		// The recorded size disagrees with the file (an old row): carry
		// the crop over proportionally.
		crop = scaleRect(crop, float64(disp.X)/float64(req.Size.X), float64(disp.Y)/float64(req.Size.Y))
	}
	crop = upload.Normalize(crop, disp, req.Format)
	outSize, upscaled := upload.OutputSize(crop, req.Format)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	// The crop in the decoded (stored, maybe reduced) picture's pixels.
	stored := storedRect(crop, full, o)
	b := img.Bounds()
	sx, sy := float64(b.Dx())/float64(full.X), float64(b.Dy())/float64(full.Y)
	src := image.Rect(
		b.Min.X+int(math.Floor(float64(stored.Min.X)*sx)), b.Min.Y+int(math.Floor(float64(stored.Min.Y)*sy)),
		b.Min.X+int(math.Ceil(float64(stored.Max.X)*sx)), b.Min.Y+int(math.Ceil(float64(stored.Max.Y)*sy)),
	).Intersect(b)
	if src.Empty() {
		return Result{}, fmt.Errorf("cropping the picture: empty crop %v of %v", crop, disp)
	}
	prof := readProfile(req.Src)
	part := flatten(img, src)
	part = thumbs.OrientRGBA(part, o)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	for {
		// Halving by 2×2 averages first keeps Catmull-Rom (whose cost
		// grows with the shrink factor) to at most 2:1, where it is sharp
		// and cheap; the box steps are alias-free for such factors.
		for part.Rect.Dx() >= 2*outSize.X && part.Rect.Dy() >= 2*outSize.Y {
			part = halve(part)
		}
		dst := image.NewRGBA(image.Rectangle{Max: outSize})
		draw.CatmullRom.Scale(dst, dst.Bounds(), part, part.Bounds(), draw.Src, nil)
		if prof != nil {
			// After scaling: a fraction of the pixels to convert. Scaling
			// in the source's encoding is what every browser does too.
			prof.toSRGB(dst)
		}
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		data, q, err := encodeCapped(ctx, dst, req.Format.MaxBytes)
		if err == nil {
			return Result{JPEG: data, Size: outSize, Quality: q, Upscaled: upscaled, Converted: prof != nil}, nil
		}
		if !errors.Is(err, ErrTooBig) || req.Format.Fit != upload.FitLimit || max(outSize.X, outSize.Y) <= 256 {
			return Result{}, err
		}
		// A limit format may be smaller than its limit: shrink and retry.
		outSize = image.Pt(max(1, outSize.X*4/5), max(1, outSize.Y*4/5))
	}
}

// encodeCapped encodes at Quality and, while the file is over maxBytes (0
// = no cap), at lower qualities in steps of 5 down to minQuality.
func encodeCapped(ctx context.Context, img image.Image, maxBytes int64) ([]byte, int, error) {
	var buf bytes.Buffer
	for q := Quality; q >= minQuality; q -= 5 {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		buf.Reset()
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			return nil, 0, fmt.Errorf("encoding the copy: %w", err)
		}
		if maxBytes <= 0 || int64(buf.Len()) <= maxBytes {
			return bytes.Clone(buf.Bytes()), q, nil
		}
	}
	return nil, 0, fmt.Errorf("%w: %d bytes at quality %d, limit %d", ErrTooBig, buf.Len(), minQuality, maxBytes)
}

func scaleRect(r image.Rectangle, fx, fy float64) image.Rectangle {
	return image.Rect(
		int(math.Round(float64(r.Min.X)*fx)), int(math.Round(float64(r.Min.Y)*fy)),
		int(math.Round(float64(r.Max.X)*fx)), int(math.Round(float64(r.Max.Y)*fy)),
	)
}

// storedRect maps a rectangle of the displayed picture (orientation o
// applied) back onto the stored picture of size full (as decoded, before
// orientation). It is the inverse of orientRGBA's pixel mapping.
func storedRect(r image.Rectangle, full image.Point, o int) image.Rectangle {
	w, h := full.X, full.Y
	x0, y0, x1, y1 := r.Min.X, r.Min.Y, r.Max.X, r.Max.Y
	switch o {
	case 2:
		return image.Rect(w-x1, y0, w-x0, y1)
	case 3:
		return image.Rect(w-x1, h-y1, w-x0, h-y0)
	case 4:
		return image.Rect(x0, h-y1, x1, h-y0)
	case 5:
		return image.Rect(y0, x0, y1, x1)
	case 6:
		return image.Rect(y0, h-x1, y1, h-x0)
	case 7:
		return image.Rect(w-y1, h-x1, w-y0, h-x0)
	case 8:
		return image.Rect(w-y1, x0, w-y0, x1)
	}
	return r
}

// flatten copies the part r of img into a new opaque RGBA picture at the
// origin, with transparent pixels laid onto white (JPEG has no alpha, and
// black behind a logo looks broken).
func flatten(img image.Image, r image.Rectangle) *image.RGBA {
	dst := image.NewRGBA(image.Rectangle{Max: r.Size()})
	if opaque(img) {
		draw.Draw(dst, dst.Bounds(), img, r.Min, draw.Src)
		return dst
	}
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), img, r.Min, draw.Over)
	return dst
}

func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// halve returns img at half its size, each pixel the mean of a 2×2 block
// (a last odd row or column is dropped).
func halve(img *image.RGBA) *image.RGBA {
	w, h := img.Rect.Dx()/2, img.Rect.Dy()/2
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		a := img.Pix[2*y*img.Stride:]
		b := img.Pix[(2*y+1)*img.Stride:]
		o := out.Pix[y*out.Stride:]
		for x := range w {
			for c := range 4 {
				i := 8*x + c
				o[4*x+c] = uint8((uint16(a[i]) + uint16(a[i+4]) + uint16(b[i]) + uint16(b[i+4]) + 2) / 4)
			}
		}
	}
	return out
}
