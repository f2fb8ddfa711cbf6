package thumbs

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// plane is one channel of a picture: pix[y*stride+x*step]. Working on
// planes lets a YCbCr picture be scaled as it comes from the decoder, with
// its chroma at its own (subsampled) size, and converted to nothing at all:
// the JPEG encoder takes YCbCr as it is.
type plane struct {
	pix                []byte
	w, h, stride, step int
}

// fit scales img so that its long side is size (never enlarging) and
// returns a *image.YCbCr (4:4:4) or *image.Gray. Each channel is first box
// averaged by an integer factor down to about twice the target (cheap and
// alias-free for large factors), then resampled with Catmull-Rom in fixed
// point for a sharp result. Transparent pictures are flattened onto white,
// since JPEG has no alpha.
func fit(img image.Image, size int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	tw, th := w, h
	if long := max(w, h); long > size {
		tw = max(1, (w*size+long/2)/long)
		th = max(1, (h*size+long/2)/long)
	}
	planes, rgb := split(img)
	for i, p := range planes {
		planes[i] = resample(boxDown(p, tw, th), tw, th)
	}
	rect := image.Rect(0, 0, tw, th)
	if len(planes) == 1 {
		return &image.Gray{Pix: planes[0].pix, Stride: tw, Rect: rect}
	}
	out := &image.YCbCr{Y: planes[0].pix, Cb: planes[1].pix, Cr: planes[2].pix, YStride: tw, CStride: tw,
		SubsampleRatio: image.YCbCrSubsampleRatio444, Rect: rect}
	if rgb {
		for i := range out.Y {
			out.Y[i], out.Cb[i], out.Cr[i] = color.RGBToYCbCr(out.Y[i], out.Cb[i], out.Cr[i])
		}
	}
	return out
}

// split returns img's channels: Y, Cb, Cr for the YCbCr layouts JPEG
// writes, the one grey channel, or else R, G, B of an opaque RGBA copy
// (rgb true).
func split(img image.Image) (planes []plane, rgb bool) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	switch m := img.(type) {
	case *image.YCbCr:
		cw, ch := w, h
		switch m.SubsampleRatio {
		case image.YCbCrSubsampleRatio444:
		case image.YCbCrSubsampleRatio422:
			cw = (b.Max.X+1)/2 - b.Min.X/2
		case image.YCbCrSubsampleRatio420:
			cw, ch = (b.Max.X+1)/2-b.Min.X/2, (b.Max.Y+1)/2-b.Min.Y/2
		case image.YCbCrSubsampleRatio440:
			ch = (b.Max.Y+1)/2 - b.Min.Y/2
		default:
			cw = 0
		}
		if cw > 0 {
			co := m.COffset(b.Min.X, b.Min.Y)
			return []plane{
				{pix: m.Y[m.YOffset(b.Min.X, b.Min.Y):], w: w, h: h, stride: m.YStride, step: 1},
				{pix: m.Cb[co:], w: cw, h: ch, stride: m.CStride, step: 1},
				{pix: m.Cr[co:], w: cw, h: ch, stride: m.CStride, step: 1},
			}, false
		}
	case *image.Gray:
		return []plane{{pix: m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], w: w, h: h, stride: m.Stride, step: 1}}, false
	}
	src, ok := img.(*image.RGBA)
	if ok && opaque(img) {
		src = src.SubImage(b).(*image.RGBA)
	} else {
		// Other types go through an RGBA copy flattened onto white; rare
		// (PNG, GIF, WebP, TIFF, HEIC) and at the decoder's size anyway.
		src = image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(src, src.Rect, image.NewUniform(color.White), image.Point{}, draw.Src)
		draw.Draw(src, src.Rect, img, b.Min, draw.Over)
	}
	return []plane{
		{pix: src.Pix[0:], w: w, h: h, stride: src.Stride, step: 4},
		{pix: src.Pix[1:], w: w, h: h, stride: src.Stride, step: 4},
		{pix: src.Pix[2:], w: w, h: h, stride: src.Stride, step: 4},
	}, true
}

func opaque(img image.Image) bool {
	o, ok := img.(interface{ Opaque() bool })
	return ok && o.Opaque()
}

// boxDown averages k×k blocks when p is at least twice as large as the
// target in both directions (k = the smaller whole factor that keeps it at
// least twice the target). Rows and columns left over at the right and
// bottom edge are dropped: at most k-1 source pixels.
func boxDown(p plane, tw, th int) plane {
	k := min(p.w/(2*tw), p.h/(2*th))
	if k < 2 {
		return p
	}
	ow, oh := p.w/k, p.h/k
	out := plane{pix: make([]byte, ow*oh), w: ow, h: oh, stride: ow, step: 1}
	sum := make([]uint32, ow)
	n := uint32(k * k)
	for oy := range oh {
		clear(sum)
		for y := oy * k; y < (oy+1)*k; y++ {
			row := p.pix[y*p.stride:]
			for ox := range ow {
				var a uint32
				for x := ox * k; x < (ox+1)*k; x++ {
					a += uint32(row[x*p.step])
				}
				sum[ox] += a
			}
		}
		line := out.pix[oy*ow : (oy+1)*ow]
		for ox := range line {
			line[ox] = uint8((sum[ox] + n/2) / n)
		}
	}
	return out
}

// weightBits is the fixed-point precision of resampling weights.
const weightBits = 14

// taps holds, for each output index, the first source index and the
// weights (summing to 1<<weightBits) of the source pixels from there on.
type taps struct {
	start []int
	n     int     // taps per output pixel (shorter ones are padded with 0)
	w     []int32 // len(start)*n
}

// catmullRom is the Catmull-Rom cubic (B=0, C=½), sharp without ringing much.
func catmullRom(x float64) float64 {
	x = math.Abs(x)
	switch {
	case x < 1:
		return (1.5*x-2.5)*x*x + 1
	case x < 2:
		return ((-0.5*x+2.5)*x-4)*x + 2
	}
	return 0
}

// makeTaps computes the weights for scaling in pixels to out pixels; when
// shrinking, the kernel is widened by the factor so every source pixel
// counts.
func makeTaps(in, out int) taps {
	scale := float64(in) / float64(out)
	fs := max(scale, 1)
	support := 2 * fs
	n := min(int(math.Ceil(support))*2+1, in)
	t := taps{start: make([]int, out), n: n, w: make([]int32, out*n)}
	ws := make([]float64, n)
	for o := range out {
		center := (float64(o)+0.5)*scale - 0.5
		lo := max(0, int(math.Ceil(center-support)))
		hi := min(in-1, int(math.Floor(center+support)))
		if hi-lo+1 > n {
			hi = lo + n - 1
		}
		var sum float64
		for i := lo; i <= hi; i++ {
			ws[i-lo] = catmullRom((float64(i) - center) / fs)
			sum += ws[i-lo]
		}
		t.start[o] = lo
		row := t.w[o*n : (o+1)*n]
		var total int32
		best := 0
		for i := 0; i <= hi-lo; i++ {
			row[i] = int32(math.Round(ws[i] / sum * (1 << weightBits)))
			total += row[i]
			if row[i] > row[best] {
				best = i
			}
		}
		row[best] += 1<<weightBits - total
		// Keep every window inside the source so the loops need no checks.
		if lo+n > in {
			shift := lo + n - in // ≤ lo because n ≤ in
			copy(row[shift:], row[:n-shift])
			clear(row[:shift])
			t.start[o] = lo - shift
		}
	}
	return t
}

func clampFixed(v int32) byte {
	v = (v + 1<<(weightBits-1)) >> weightBits
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return byte(v)
}

// resample scales p to tw×th with Catmull-Rom, horizontally then
// vertically, and returns a compact plane.
func resample(p plane, tw, th int) plane {
	if p.w == tw && p.h == th && p.step == 1 && p.stride == tw {
		return p
	}
	tmp := resampleX(p, tw)
	out := plane{pix: make([]byte, tw*th), w: tw, h: th, stride: tw, step: 1}
	if th == p.h {
		copy(out.pix, tmp)
		return out
	}
	// Vertical pass: accumulate whole rows for cache-friendly access.
	ty := makeTaps(p.h, th)
	n := ty.n
	acc := make([]int32, tw)
	for y := range th {
		clear(acc)
		ws := ty.w[y*n : y*n+n]
		for i, wt := range ws {
			if wt == 0 {
				continue
			}
			row := tmp[(ty.start[y]+i)*tw : (ty.start[y]+i+1)*tw]
			for x, v := range row {
				acc[x] += wt * int32(v)
			}
		}
		line := out.pix[y*tw : (y+1)*tw]
		for x, v := range acc {
			line[x] = clampFixed(v)
		}
	}
	return out
}

// resampleX is resample's horizontal pass: p.h rows of tw pixels.
func resampleX(p plane, tw int) []byte {
	tmp := make([]byte, tw*p.h)
	if tw == p.w {
		for y := range p.h {
			row := p.pix[y*p.stride:]
			for x := range tw {
				tmp[y*tw+x] = row[x*p.step]
			}
		}
	} else {
		tx := makeTaps(p.w, tw)
		n := tx.n
		for y := range p.h {
			row := p.pix[y*p.stride:]
			out := tmp[y*tw : (y+1)*tw]
			for x := range out {
				ws := tx.w[x*n : x*n+n]
				var sum int32
				if p.step == 1 {
					// The common case (planes from the decoder) without
					// the multiplications in the index.
					src := row[tx.start[x] : tx.start[x]+n]
					for i, wt := range ws {
						sum += wt * int32(src[i])
					}
				} else {
					src := row[tx.start[x]*p.step:]
					for i, wt := range ws {
						sum += wt * int32(src[i*p.step])
					}
				}
				out[x] = clampFixed(sum)
			}
		}
	}
	return tmp
}

// orient turns a thumbnail the way EXIF orientation o (1–8) says the
// picture is meant to be seen. Any other value leaves it as it is. img is
// what fit returns (*image.YCbCr 4:4:4 or *image.Gray).
func orient(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	rect := image.Rect(0, 0, dw, dh)
	switch m := img.(type) {
	case *image.Gray:
		return &image.Gray{Pix: orientPlane(m.Pix, m.Stride, w, h, o), Stride: dw, Rect: rect}
	case *image.YCbCr:
		return &image.YCbCr{
			Y:       orientPlane(m.Y, m.YStride, w, h, o),
			Cb:      orientPlane(m.Cb, m.CStride, w, h, o),
			Cr:      orientPlane(m.Cr, m.CStride, w, h, o),
			YStride: dw, CStride: dw, SubsampleRatio: image.YCbCrSubsampleRatio444, Rect: rect,
		}
	}
	return img
}

// orientPlane returns the w×h plane pix turned by orientation o.
func orientPlane(pix []byte, stride, w, h, o int) []byte {
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	out := make([]byte, dw*dh)
	for y := range dh {
		line := out[y*dw : (y+1)*dw]
		for x := range line {
			sx, sy := OrientSource(o, w, h, x, y)
			line[x] = pix[sy*stride+sx]
		}
	}
	return out
}

// OrientSource says where pixel (x, y) of a w×h picture turned by EXIF
// orientation o (2–8) comes from in the picture as stored. It is the one
// place that knows the eight orientations; thumbnails, the grid's EXIF
// stand-ins and the upload copies all turn through it.
func OrientSource(o, w, h, x, y int) (sx, sy int) {
	switch o {
	case 2: // mirrored horizontally
		return w - 1 - x, y
	case 3: // turned 180°
		return w - 1 - x, h - 1 - y
	case 4: // mirrored vertically
		return x, h - 1 - y
	case 5: // transposed
		return y, x
	case 6: // needs 90° clockwise
		return y, h - 1 - x
	case 7: // transverse
		return w - 1 - y, h - 1 - x
	case 8: // needs 90° counter-clockwise
		return w - 1 - y, x
	}
	return x, y
}

// OrientRGBA turns img the way EXIF orientation o says the picture is
// meant to be seen (2–8; anything else returns img as it is).
func OrientRGBA(img *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return img
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		row := out.Pix[y*out.Stride : y*out.Stride+dw*4]
		for x := range dw {
			sx, sy := OrientSource(o, w, h, x, y)
			i := sy*img.Stride + sx*4
			copy(row[x*4:x*4+4], img.Pix[i:i+4])
		}
	}
	return out
}
