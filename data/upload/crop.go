package upload

import (
	"image"
	"math"
)

// All crop rectangles are in the pixels of the picture as a person sees it:
// full resolution, EXIF orientation applied (data.Media's Width and Height
// are that size already).

// Displayed returns the size a w×h picture (as decoded) has after EXIF
// orientation o: 5–8 turn it by 90° and swap the sides.
func Displayed(w, h, o int) image.Point {
	if o >= 5 && o <= 8 {
		return image.Pt(h, w)
	}
	return image.Pt(w, h)
}

// DefaultCrop returns the crop a format starts with on a picture of the
// given (displayed) size: for a fixed format the largest rectangle of its
// ratio, centred; for a limit format the whole picture.
func DefaultCrop(size image.Point, f Format) image.Rectangle {
	full := image.Rectangle{Max: size}
	if f.Fit != FitCrop || size.X <= 0 || size.Y <= 0 || f.Width <= 0 || f.Height <= 0 {
		return full
	}
	w, h := fitRatio(size, f.Width, f.Height)
	x := (size.X - w) / 2
	y := (size.Y - h) / 2
	return image.Rect(x, y, x+w, y+h)
}

// fitRatio returns the largest w×h of ratio rw:rh within size.
func fitRatio(size image.Point, rw, rh int) (w, h int) {
	if int64(size.X)*int64(rh) >= int64(size.Y)*int64(rw) {
		// The picture is wider than the ratio: full height.
		h = size.Y
		w = int((int64(h)*int64(rw) + int64(rh)/2) / int64(rh))
		w = min(max(w, 1), size.X)
	} else {
		w = size.X
		h = int((int64(w)*int64(rh) + int64(rw)/2) / int64(rw))
		h = min(max(h, 1), size.Y)
	}
	return w, h
}

// Move shifts crop by d and keeps it inside the picture (size), so a drag
// past the edge stops at the edge.
func Move(crop image.Rectangle, d image.Point, size image.Point) image.Rectangle {
	r := crop.Add(d)
	if r.Min.X < 0 {
		r = r.Add(image.Pt(-r.Min.X, 0))
	}
	if r.Min.Y < 0 {
		r = r.Add(image.Pt(0, -r.Min.Y))
	}
	if r.Max.X > size.X {
		r = r.Add(image.Pt(size.X-r.Max.X, 0))
	}
	if r.Max.Y > size.Y {
		r = r.Add(image.Pt(0, size.Y-r.Max.Y))
	}
	return r.Intersect(image.Rectangle{Max: size})
}

// MinCrop is the smallest crop width or height the frame can be made.
const MinCrop = 32

// ResizeFromTopLeft resizes crop by dragging its bottom-right corner to
// corner while its top-left stays where it is; the format's ratio is kept
// (the larger of the two proposed sides wins, then it is shrunk to fit the
// picture). A limit format has no frame to resize and gets crop back.
func ResizeFromTopLeft(crop image.Rectangle, corner image.Point, size image.Point, f Format) image.Rectangle {
	if f.Fit != FitCrop || f.Width <= 0 || f.Height <= 0 {
		return crop
	}
	ratio := float64(f.Width) / float64(f.Height)
	w := float64(corner.X - crop.Min.X)
	h := float64(corner.Y - crop.Min.Y)
	// Follow whichever side the pointer asks more of, in the ratio.
	if w/ratio < h {
		w = h * ratio
	}
	minW := float64(MinCrop)
	if minW/ratio < MinCrop {
		minW = MinCrop * ratio
	}
	w = max(w, minW)
	// Room left from the fixed corner to the picture's edges.
	roomW := float64(size.X - crop.Min.X)
	roomH := float64(size.Y - crop.Min.Y)
	w = min(w, roomW, roomH*ratio)
	h = w / ratio
	iw, ih := int(math.Round(w)), int(math.Round(h))
	iw = min(max(iw, 1), size.X-crop.Min.X)
	ih = min(max(ih, 1), size.Y-crop.Min.Y)
	return image.Rect(crop.Min.X, crop.Min.Y, crop.Min.X+iw, crop.Min.Y+ih)
}

// Normalize makes crop usable for f on a picture of size: inside the
// picture, not empty, and for a fixed format in the format's ratio (kept
// centred on the given crop). An empty crop becomes DefaultCrop.
func Normalize(crop image.Rectangle, size image.Point, f Format) image.Rectangle {
	full := image.Rectangle{Max: size}
	if f.Fit != FitCrop {
		return full
	}
	crop = crop.Canon().Intersect(full)
	if crop.Empty() {
		return DefaultCrop(size, f)
	}
	w, h := fitRatio(crop.Size(), f.Width, f.Height)
	c := image.Pt((crop.Min.X+crop.Max.X)/2, (crop.Min.Y+crop.Max.Y)/2)
	r := image.Rect(c.X-w/2, c.Y-h/2, c.X-w/2+w, c.Y-h/2+h)
	return Move(r, image.Point{}, size)
}

// OutputSize returns the pixel size a crop of the picture gets in format
// f, and whether that enlarges it (the crop has fewer pixels than the
// target: the copy will look soft).
func OutputSize(crop image.Rectangle, f Format) (size image.Point, upscaled bool) {
	cw, ch := crop.Dx(), crop.Dy()
	if cw <= 0 || ch <= 0 {
		return image.Point{}, false
	}
	if f.Fit == FitCrop {
		return image.Pt(f.Width, f.Height), cw < f.Width || ch < f.Height
	}
	scale := 1.0
	if f.LongSide > 0 {
		scale = min(scale, float64(f.LongSide)/float64(max(cw, ch)))
	}
	if f.MaxPixels > 0 {
		scale = min(scale, math.Sqrt(float64(f.MaxPixels)/(float64(cw)*float64(ch))))
	}
	w := max(1, int(math.Floor(float64(cw)*scale+1e-9)))
	h := max(1, int(math.Floor(float64(ch)*scale+1e-9)))
	if scale == 1 {
		w, h = cw, ch
	}
	return image.Pt(w, h), false
}
