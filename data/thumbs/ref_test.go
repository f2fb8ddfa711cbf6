package thumbs

// Reference implementations for the tests: the straightforward way to make
// a thumbnail (box average to RGBA, then golang.org/x/image/draw's
// Catmull-Rom), which the fast planar path in resize.go must match.

import (
	"image"
	"image/color"

	"golang.org/x/image/draw"
)

// refFit is fit done the slow, obvious way.
func refFit(img image.Image, size int) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	tw, th := w, h
	if long := max(w, h); long > size {
		tw = max(1, (w*size+long/2)/long)
		th = max(1, (h*size+long/2)/long)
	}
	k := 1
	if tw < w {
		k = max(1, w/(2*tw))
	}
	mid := shrink(img, k)
	if mid.Rect.Dx() == tw && mid.Rect.Dy() == th {
		return mid
	}
	dst := image.NewRGBA(image.Rect(0, 0, tw, th))
	draw.CatmullRom.Scale(dst, dst.Rect, mid, mid.Rect, draw.Src, nil)
	return dst
}

// shrink averages k×k blocks of img into an RGBA picture (k = 1 converts).
// Rows and columns left over at the right and bottom edge are dropped: at
// most k-1 pixels of a picture that is being made 2k times smaller anyway.
func shrink(img image.Image, k int) *image.RGBA {
	b := img.Bounds()
	ow, oh := max(1, b.Dx()/k), max(1, b.Dy()/k)
	kx, ky := min(k, b.Dx()), min(k, b.Dy())
	dst := image.NewRGBA(image.Rect(0, 0, ow, oh))
	switch m := img.(type) {
	case *image.YCbCr:
		if shrinkYCbCr(dst, m, kx, ky) {
			return dst
		}
	case *image.Gray:
		shrinkGray(dst, m, kx, ky)
		return dst
	}
	src, ok := img.(*image.RGBA)
	if !ok || !opaque(img) {
		// Other types go through an RGBA copy flattened onto white; rare
		// (PNG, GIF, WebP, TIFF, HEIC) and already the decoder's size.
		full := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(full, full.Rect, image.NewUniform(color.White), image.Point{}, draw.Src)
		draw.Draw(full, full.Rect, img, b.Min, draw.Over)
		src = full
	}
	if k == 1 {
		return src
	}
	shrinkRGBA(dst, src, kx, ky)
	return dst
}

// shrinkYCbCr handles the subsampling ratios JPEG cameras write; it
// averages Y, Cb and Cr over each block and converts the mean, which is the
// same as converting first because the conversion is affine.
func shrinkYCbCr(dst *image.RGBA, m *image.YCbCr, kx, ky int) bool {
	var cxs uint
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio444:
	case image.YCbCrSubsampleRatio422:
		cxs = 1
	case image.YCbCrSubsampleRatio420:
		cxs = 1
	case image.YCbCrSubsampleRatio440:
	default:
		return false
	}
	ow, oh := dst.Rect.Dx(), dst.Rect.Dy()
	sy := make([]uint32, ow)
	scb := make([]uint32, ow)
	scr := make([]uint32, ow)
	n := uint32(kx * ky)
	x0, y0 := m.Rect.Min.X, m.Rect.Min.Y
	for oy := range oh {
		clear(sy)
		clear(scb)
		clear(scr)
		for y := oy * ky; y < (oy+1)*ky; y++ {
			yrow := m.Y[m.YOffset(x0, y0+y):]
			crow := m.COffset(x0, y0+y) - x0>>cxs
			for ox := range ow {
				var a, p, q uint32
				for x := ox * kx; x < (ox+1)*kx; x++ {
					a += uint32(yrow[x])
					ci := crow + (x+x0)>>cxs
					p += uint32(m.Cb[ci])
					q += uint32(m.Cr[ci])
				}
				sy[ox] += a
				scb[ox] += p
				scr[ox] += q
			}
		}
		row := dst.Pix[oy*dst.Stride:]
		for ox := range ow {
			r, g, bl := color.YCbCrToRGB(uint8((sy[ox]+n/2)/n), uint8((scb[ox]+n/2)/n), uint8((scr[ox]+n/2)/n))
			row[4*ox], row[4*ox+1], row[4*ox+2], row[4*ox+3] = r, g, bl, 255
		}
	}
	return true
}

func shrinkGray(dst *image.RGBA, m *image.Gray, kx, ky int) {
	ow, oh := dst.Rect.Dx(), dst.Rect.Dy()
	n := uint32(kx * ky)
	sum := make([]uint32, ow)
	for oy := range oh {
		clear(sum)
		for y := oy * ky; y < (oy+1)*ky; y++ {
			row := m.Pix[y*m.Stride:]
			for ox := range ow {
				for x := ox * kx; x < (ox+1)*kx; x++ {
					sum[ox] += uint32(row[x])
				}
			}
		}
		out := dst.Pix[oy*dst.Stride:]
		for ox := range ow {
			v := uint8((sum[ox] + n/2) / n)
			out[4*ox], out[4*ox+1], out[4*ox+2], out[4*ox+3] = v, v, v, 255
		}
	}
}

func shrinkRGBA(dst, src *image.RGBA, kx, ky int) {
	ow, oh := dst.Rect.Dx(), dst.Rect.Dy()
	n := uint32(kx * ky)
	sum := make([]uint32, 3*ow)
	for oy := range oh {
		clear(sum)
		for y := oy * ky; y < (oy+1)*ky; y++ {
			row := src.Pix[y*src.Stride:]
			for ox := range ow {
				var r, g, b uint32
				for x := ox * kx; x < (ox+1)*kx; x++ {
					r += uint32(row[4*x])
					g += uint32(row[4*x+1])
					b += uint32(row[4*x+2])
				}
				sum[3*ox] += r
				sum[3*ox+1] += g
				sum[3*ox+2] += b
			}
		}
		out := dst.Pix[oy*dst.Stride:]
		for ox := range ow {
			out[4*ox] = uint8((sum[3*ox] + n/2) / n)
			out[4*ox+1] = uint8((sum[3*ox+1] + n/2) / n)
			out[4*ox+2] = uint8((sum[3*ox+2] + n/2) / n)
			out[4*ox+3] = 255
		}
	}
}
