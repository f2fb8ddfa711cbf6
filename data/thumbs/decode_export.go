package thumbs

import (
	"context"
	"fmt"
	"image"
	"os"
)

// Decode decodes the picture at src for a caller that scales it itself (the
// upload copies of data/upload), with the same guards as Make: the format
// is recognised from the content, the pixel count is checked from the
// header before anything is decoded (ErrTooLarge), a decoder panic becomes
// ErrDamaged. A JPEG is decoded at the smallest DCT scale (1/8, 1/4, 1/2
// or full) whose long side still reaches minLong; minLong <= 0 asks for
// the full size. full is the picture's size as its header declares it, so
// the caller can map coordinates of the full picture onto img. No
// orientation is applied.
func Decode(ctx context.Context, src string, minLong int) (img image.Image, full image.Point, err error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, image.Point{}, fmt.Errorf("reading picture: %w", err)
	}
	format := Sniff(data[:min(len(data), 16)])
	if format == FormatUnknown {
		if len(data) == 0 {
			return nil, image.Point{}, fmt.Errorf("%w: empty file", ErrDamaged)
		}
		return nil, image.Point{}, ErrUnsupported
	}
	w, h, err := safeDimensions(data, format)
	if err != nil {
		return nil, image.Point{}, err
	}
	target := minLong
	if target <= 0 || target > max(w, h) {
		target = max(w, h)
	}
	// decodeFile reads the file again; a second read of a few megabytes is
	// cheap next to a full decode, and it keeps one decoding path for
	// thumbnails and upload copies.
	img, err = decodeFile(ctx, src, format, target)
	if err != nil {
		return nil, image.Point{}, err
	}
	return img, image.Pt(w, h), nil
}

// safeDimensions is dimensions with a header parser's panic turned into
// ErrDamaged.
func safeDimensions(data []byte, format Format) (w, h int, err error) {
	defer func() {
		if r := recover(); r != nil {
			w, h, err = 0, 0, fmt.Errorf("%w: header parser failed on %s data: %v", ErrDamaged, format, r)
		}
	}()
	return dimensions(data, format)
}
