package thumbs

// A baseline JPEG decoder that reconstructs each 8×8 block at 1×1, 2×2 or
// 4×4 pixels straight from its low-frequency DCT coefficients, written from
// the JPEG standard (ITU-T T.81). For a thumbnail of a 12-megapixel photo
// this skips the full inverse DCT, most coefficient stores and the
// full-size colour planes, which is where image/jpeg spends most of its
// time; only the entropy decoding remains at full cost. Anything it does
// not handle (progressive, arithmetic coding, 12-bit, CMYK, unusual
// sampling, separate scans per component) returns errFallback and the
// caller decodes with image/jpeg instead.

import (
	"context"
	"errors"
	"fmt"
	"image"
	"math"
)

// errFallback means "valid perhaps, but not for this decoder".
var errFallback = errors.New("jpeg feature not handled by the scaled decoder")

// unzig maps the zig-zag index of a coefficient to its natural index (row*8+col).
var unzig = [64]uint8{
	0, 1, 8, 16, 9, 2, 3, 10,
	17, 24, 32, 25, 18, 11, 4, 5,
	12, 19, 26, 33, 40, 48, 41, 34,
	27, 20, 13, 6, 7, 14, 21, 28,
	35, 42, 49, 56, 57, 50, 43, 36,
	29, 22, 15, 23, 30, 37, 44, 51,
	58, 59, 52, 45, 38, 31, 39, 46,
	53, 60, 61, 54, 47, 55, 62, 63,
}

// idctTab[s][m*s+u] = c(u)/2 · cos((2m+1)uπ / 2s), c(0) = 1/√2, else 1: the
// s-point inverse DCT of the first s coefficients of an 8-point one, scaled
// so that each output pixel is (close to) the mean of the 8/s pixels it
// stands for.
var idctTab [5][]float32

// lastZig[s] is the highest zig-zag index whose coefficient an s×s output needs.
var lastZig [5]int

func init() {
	for _, s := range []int{2, 4} {
		t := make([]float32, s*s)
		for m := range s {
			for u := range s {
				c := 1.0
				if u == 0 {
					c = 1 / math.Sqrt2
				}
				t[m*s+u] = float32(c / 2 * math.Cos(float64(2*m+1)*float64(u)*math.Pi/float64(2*s)))
			}
		}
		idctTab[s] = t
	}
	for _, s := range []int{1, 2, 4} {
		for k, n := range unzig {
			if int(n)/8 < s && int(n)%8 < s {
				lastZig[s] = k
			}
		}
	}
}

type huffTable struct {
	// lut holds, for the next 9 bits, (code length << 8 | symbol), or 0
	// when the code is longer than 9 bits.
	lut     [1 << 9]uint16
	maxcode [17]int32
	mincode [17]int32
	valptr  [17]int32
	vals    [256]byte
	ok      bool
	// fast holds, for the next fastBits bits of an AC table, a whole
	// coefficient when its code and magnitude bits fit: value<<16 |
	// run<<8 | bits used; 0 otherwise (end of block, long codes). One
	// lookup then replaces decodeHuff plus receive for most coefficients.
	fast [1 << fastBits]int32
}

const fastBits = 10

type jcomp struct {
	id, h, v, tq int
	dc, ac       int
	pred         int32
	plane        []byte
	stride       int
}

type scaledDecoder struct {
	ctx   context.Context
	data  []byte
	pos   int
	scale int

	w, h       int
	comps      []jcomp
	qt         [4][64]int32
	qtSet      [4]bool
	dcT, acT   [4]huffTable
	ri         int
	hmax, vmax int

	// Bit reader: nbits valid bits in the low end of acc, first bit highest.
	acc     uint64
	nbits   uint
	marker  bool // reached a marker (or the end): only zero bits follow
	padding int  // zero bytes fed after the marker or end
}

func (d *scaledDecoder) damaged(format string, args ...any) error {
	return fmt.Errorf("%w: jpeg: %s", ErrDamaged, fmt.Sprintf(format, args...))
}

// decodeJPEGScaled decodes a baseline JPEG at scale/8 of its size.
func decodeJPEGScaled(ctx context.Context, data []byte, scale int) (image.Image, error) {
	d := &scaledDecoder{ctx: ctx, data: data, scale: scale}
	return d.decode()
}

func (d *scaledDecoder) decode() (image.Image, error) {
	if len(d.data) < 4 || d.data[0] != 0xFF || d.data[1] != 0xD8 {
		return nil, d.damaged("no start of image")
	}
	d.pos = 2
	for {
		if d.pos+2 > len(d.data) {
			return nil, d.damaged("file ends before the picture data")
		}
		if d.data[d.pos] != 0xFF {
			return nil, d.damaged("expected a marker at byte %d", d.pos)
		}
		for d.pos < len(d.data) && d.data[d.pos] == 0xFF {
			d.pos++
		}
		if d.pos >= len(d.data) {
			return nil, d.damaged("file ends in a marker")
		}
		m := d.data[d.pos]
		d.pos++
		if m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7) {
			continue
		}
		if m == 0xD9 {
			return nil, d.damaged("no picture data before the end")
		}
		if d.pos+2 > len(d.data) {
			return nil, d.damaged("file ends in a segment header")
		}
		n := int(d.data[d.pos])<<8 | int(d.data[d.pos+1])
		if n < 2 || d.pos+n > len(d.data) {
			return nil, d.damaged("segment %#x runs past the end", m)
		}
		seg := d.data[d.pos+2 : d.pos+n]
		d.pos += n
		var err error
		switch {
		case m == 0xC0 || m == 0xC1:
			err = d.frame(seg)
		case m >= 0xC2 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC:
			return nil, errFallback // progressive, lossless or arithmetic
		case m == 0xC4:
			err = d.huffman(seg)
		case m == 0xDB:
			err = d.quant(seg)
		case m == 0xDD:
			if len(seg) < 2 {
				return nil, d.damaged("short restart interval")
			}
			d.ri = int(seg[0])<<8 | int(seg[1])
		case m == 0xEE:
			// Adobe: transform 0 means RGB or CMYK rather than YCbCr.
			if len(seg) >= 12 && string(seg[:5]) == "Adobe" && seg[11] != 1 && len(d.comps) != 1 {
				return nil, errFallback
			}
		case m == 0xDA:
			return d.scan(seg)
		}
		if err != nil {
			return nil, err
		}
	}
}

func (d *scaledDecoder) frame(seg []byte) error {
	if d.comps != nil {
		return d.damaged("two frame headers")
	}
	if len(seg) < 6 {
		return d.damaged("short frame header")
	}
	if seg[0] != 8 {
		return errFallback
	}
	d.h = int(seg[1])<<8 | int(seg[2])
	d.w = int(seg[3])<<8 | int(seg[4])
	nf := int(seg[5])
	if d.h == 0 {
		return errFallback // height given later by a DNL marker
	}
	if d.w == 0 {
		return d.damaged("zero width")
	}
	if nf != 1 && nf != 3 {
		return errFallback
	}
	if len(seg) < 6+3*nf {
		return d.damaged("short frame header")
	}
	for i := range nf {
		c := jcomp{id: int(seg[6+3*i]), h: int(seg[7+3*i] >> 4), v: int(seg[7+3*i] & 15), tq: int(seg[8+3*i])}
		if c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3 {
			return d.damaged("bad component %d", i)
		}
		d.comps = append(d.comps, c)
	}
	if nf == 1 {
		// A single component is never interleaved: one block is one unit.
		d.comps[0].h, d.comps[0].v = 1, 1
	} else {
		y, cb, cr := d.comps[0], d.comps[1], d.comps[2]
		if y.id == 'R' && cb.id == 'G' && cr.id == 'B' {
			return errFallback // RGB, not YCbCr
		}
		if cb.h != 1 || cb.v != 1 || cr.h != 1 || cr.v != 1 || y.h > 2 || y.v > 2 {
			return errFallback
		}
	}
	for _, c := range d.comps {
		d.hmax, d.vmax = max(d.hmax, c.h), max(d.vmax, c.v)
	}
	return nil
}

func (d *scaledDecoder) quant(seg []byte) error {
	for len(seg) > 0 {
		pq, tq := seg[0]>>4, int(seg[0]&15)
		if tq > 3 {
			return d.damaged("bad quantisation table id")
		}
		if pq != 0 {
			return errFallback // 16-bit tables belong to 12-bit pictures
		}
		if len(seg) < 65 {
			return d.damaged("short quantisation table")
		}
		for k := range 64 {
			d.qt[tq][unzig[k]] = int32(seg[1+k])
		}
		d.qtSet[tq] = true
		seg = seg[65:]
	}
	return nil
}

func (d *scaledDecoder) huffman(seg []byte) error {
	for len(seg) > 0 {
		if len(seg) < 17 {
			return d.damaged("short huffman table")
		}
		tc, th := seg[0]>>4, int(seg[0]&15)
		if tc > 1 || th > 3 {
			return d.damaged("bad huffman table id")
		}
		t := &d.dcT[th]
		if tc == 1 {
			t = &d.acT[th]
		}
		*t = huffTable{}
		total := 0
		for l := 1; l <= 16; l++ {
			total += int(seg[l])
		}
		if total > 256 || len(seg) < 17+total {
			return d.damaged("bad huffman table size")
		}
		copy(t.vals[:], seg[17:17+total])
		code, k := int32(0), int32(0)
		for l := 1; l <= 16; l++ {
			n := int32(seg[l])
			t.mincode[l], t.valptr[l] = code, k
			t.maxcode[l] = -1
			if n > 0 {
				t.maxcode[l] = code + n - 1
			}
			for range n {
				if code >= 1<<l {
					return d.damaged("bad huffman codes")
				}
				if l <= 9 {
					shift := 9 - l
					for j := code << shift; j < (code+1)<<shift; j++ {
						t.lut[j] = uint16(l)<<8 | uint16(t.vals[k])
					}
				}
				code++
				k++
			}
			code <<= 1
		}
		t.ok = true
		if tc == 1 {
			t.buildFast()
		}
		seg = seg[17+total:]
	}
	return nil
}

func (t *huffTable) buildFast() {
	for i, e := range t.lut {
		if e == 0 {
			continue
		}
		l, rs := int(e>>8), e&0xFF
		sz := int(rs & 15)
		if sz == 0 || l+sz > fastBits {
			continue
		}
		// The lut spans 9 bits; the fast table one more, so each lut
		// entry covers two fast entries.
		for extra := range 2 {
			idx := i<<1 | extra
			mag := int32(idx>>(fastBits-l-sz)) & (1<<sz - 1)
			if mag < 1<<(sz-1) {
				mag += -1<<sz + 1
			}
			t.fast[idx] = mag<<16 | int32(rs>>4)<<8 | int32(l+sz)
		}
	}
}

// fill tops the bit buffer up to at least 57 bits. Past a marker or the end
// of the data it feeds zero bytes and counts them, so that a truncated file
// is noticed (see starved) instead of read out of bounds.
func (d *scaledDecoder) fill() {
	for d.nbits <= 56 {
		var b byte
		switch {
		case d.marker || d.pos >= len(d.data):
			d.padding++
		case d.data[d.pos] != 0xFF:
			b = d.data[d.pos]
			d.pos++
		case d.pos+1 < len(d.data) && d.data[d.pos+1] == 0x00:
			b = 0xFF
			d.pos += 2
		default:
			d.marker = true
			d.padding++
		}
		d.acc = d.acc<<8 | uint64(b)
		d.nbits += 8
	}
}

// starved reports whether bits past the end of the entropy data were used.
func (d *scaledDecoder) starved() bool {
	return d.padding > 0 && int(d.nbits) < 8*d.padding
}

// decodeHuff reads one Huffman-coded symbol; the caller has ensured 32 bits.
func (d *scaledDecoder) decodeHuff(t *huffTable) (byte, error) {
	peek := uint32(d.acc>>(d.nbits-16)) & 0xFFFF
	if e := t.lut[peek>>7]; e != 0 {
		d.nbits -= uint(e >> 8)
		return byte(e), nil
	}
	for l := 10; l <= 16; l++ {
		c := int32(peek >> (16 - l))
		if c <= t.maxcode[l] {
			d.nbits -= uint(l)
			return t.vals[t.valptr[l]+c-t.mincode[l]], nil
		}
	}
	return 0, d.damaged("invalid huffman code")
}

// receive reads s bits as a signed coefficient (T.81 F.2.2.1 EXTEND).
func (d *scaledDecoder) receive(s uint) int32 {
	v := int32(d.acc>>(d.nbits-s)) & (1<<s - 1)
	d.nbits -= s
	if v < 1<<(s-1) {
		v += -1<<s + 1
	}
	return v
}

// block decodes one 8×8 block and writes its s×s reconstruction at (x, y)
// of c's plane.
func (d *scaledDecoder) block(c *jcomp, x, y int) error {
	if d.nbits < 32 {
		d.fill()
	}
	dct, act := &d.dcT[c.dc], &d.acT[c.ac]
	s, err := d.decodeHuff(dct)
	if err != nil {
		return err
	}
	if s > 11 {
		return d.damaged("bad DC size")
	}
	if s > 0 {
		c.pred += d.receive(uint(s))
	}
	q := &d.qt[c.tq]
	scale := d.scale
	last := lastZig[scale]
	var coef [64]int32
	coef[0] = c.pred * q[0]
	ac := false // any AC coefficient within the s×s corner
	for k := 1; k < 64; k++ {
		if d.nbits < 32 {
			d.fill()
		}
		if e := act.fast[(d.acc>>(d.nbits-fastBits))&(1<<fastBits-1)]; e != 0 {
			d.nbits -= uint(e & 0xFF)
			k += int(e>>8) & 0xFF
			if k > 63 {
				return d.damaged("coefficient out of range")
			}
			if k <= last {
				n := unzig[k]
				coef[n] = e >> 16 * q[n]
				ac = true
			}
			continue
		}
		rs, err := d.decodeHuff(act)
		if err != nil {
			return err
		}
		r, sz := int(rs>>4), uint(rs&15)
		if sz == 0 {
			if r != 15 {
				break // end of block
			}
			k += 15
			continue
		}
		k += r
		if k > 63 || sz > 10 {
			return d.damaged("coefficient out of range")
		}
		if k <= last {
			n := unzig[k]
			coef[n] = d.receive(sz) * q[n]
			ac = true
		} else {
			d.nbits -= sz
		}
	}
	out := c.plane[y*c.stride+x:]
	switch {
	case scale == 1:
		out[0] = clamp8((coef[0]+4)>>3 + 128)
	case !ac:
		// A flat block (sky, walls) is its mean everywhere.
		v := clamp8((coef[0]+4)>>3 + 128)
		for r := range scale {
			line := out[r*c.stride : r*c.stride+scale]
			for i := range line {
				line[i] = v
			}
		}
	case scale == 4:
		idct4(&coef, out, c.stride)
	default:
		idctScaled(&coef, scale, out, c.stride)
	}
	return nil
}

func clamp8(v int32) byte {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return byte(v)
}

// idctScaled writes the s×s inverse DCT of coef's top-left s×s coefficients.
func idctScaled(coef *[64]int32, s int, out []byte, stride int) {
	t := idctTab[s]
	var tmp [16]float32 // tmp[v*s+x]
	for v := range s {
		row := coef[v*8 : v*8+s]
		for x := range s {
			var sum float32
			for u, f := range row {
				sum += t[x*s+u] * float32(f)
			}
			tmp[v*s+x] = sum
		}
	}
	for y := range s {
		line := out[y*stride : y*stride+s]
		for x := range s {
			var sum float32
			for v := range s {
				sum += t[y*s+v] * tmp[v*s+x]
			}
			line[x] = clamp8(int32(math.Floor(float64(sum) + 128.5)))
		}
	}
}

// idct4 is idctScaled for s = 4 with fixed bounds, the preview size's
// hot loop.
func idct4(coef *[64]int32, out []byte, stride int) {
	t := (*[16]float32)(idctTab[4])
	var tmp [16]float32
	for v := range 4 {
		f0, f1, f2, f3 := float32(coef[v*8]), float32(coef[v*8+1]), float32(coef[v*8+2]), float32(coef[v*8+3])
		if f1 == 0 && f2 == 0 && f3 == 0 {
			if f0 == 0 {
				continue
			}
			d := t[0] * f0 // the DC basis is the same at every x
			tmp[v*4], tmp[v*4+1], tmp[v*4+2], tmp[v*4+3] = d, d, d, d
			continue
		}
		for x := range 4 {
			tmp[v*4+x] = t[x*4]*f0 + t[x*4+1]*f1 + t[x*4+2]*f2 + t[x*4+3]*f3
		}
	}
	for y := range 4 {
		a, b, c, e := t[y*4], t[y*4+1], t[y*4+2], t[y*4+3]
		line := out[y*stride : y*stride+4]
		for x := range 4 {
			line[x] = clampF(a*tmp[x] + b*tmp[4+x] + c*tmp[8+x] + e*tmp[12+x])
		}
	}
}

// clampF rounds a level-shifted sample to a byte; int32() truncates toward
// zero, which only matters below zero, where the clamp takes over.
func clampF(v float32) byte {
	return clamp8(int32(v + 128.5))
}

// restart skips to the next RSTn marker and resets the predictors.
func (d *scaledDecoder) restart() error {
	if d.starved() {
		return d.damaged("data ends before a restart marker")
	}
	for d.pos+1 < len(d.data) && !(d.data[d.pos] == 0xFF && d.data[d.pos+1] >= 0xD0 && d.data[d.pos+1] <= 0xD7) {
		d.pos++
	}
	if d.pos+1 >= len(d.data) {
		return d.damaged("missing restart marker")
	}
	d.pos += 2
	d.acc, d.nbits, d.marker, d.padding = 0, 0, false, 0
	for i := range d.comps {
		d.comps[i].pred = 0
	}
	return nil
}

func (d *scaledDecoder) scan(seg []byte) (image.Image, error) {
	if d.comps == nil {
		return nil, d.damaged("picture data before the frame header")
	}
	if len(seg) < 1 || int(seg[0]) != len(d.comps) {
		return nil, errFallback // one scan per component
	}
	if len(seg) < 1+2*len(d.comps)+3 {
		return nil, d.damaged("short scan header")
	}
	for i := range d.comps {
		id, tables := int(seg[1+2*i]), seg[2+2*i]
		if id != d.comps[i].id {
			return nil, errFallback // components in an unusual order
		}
		c := &d.comps[i]
		c.dc, c.ac = int(tables>>4), int(tables&15)
		if c.dc > 3 || c.ac > 3 || !d.dcT[c.dc].ok || !d.acT[c.ac].ok || !d.qtSet[c.tq] {
			return nil, d.damaged("scan uses a missing table")
		}
	}
	s := d.scale
	var mcusX, mcusY int
	if len(d.comps) == 1 {
		mcusX, mcusY = (d.w+7)/8, (d.h+7)/8
	} else {
		mcusX, mcusY = (d.w+8*d.hmax-1)/(8*d.hmax), (d.h+8*d.vmax-1)/(8*d.vmax)
	}
	for i := range d.comps {
		c := &d.comps[i]
		c.stride = mcusX * c.h * s
		c.plane = make([]byte, c.stride*mcusY*c.v*s)
	}
	mcu := 0
	for my := range mcusY {
		if err := d.ctx.Err(); err != nil {
			return nil, err
		}
		for mx := range mcusX {
			if d.ri > 0 && mcu > 0 && mcu%d.ri == 0 {
				if err := d.restart(); err != nil {
					return nil, err
				}
			}
			mcu++
			for i := range d.comps {
				c := &d.comps[i]
				for by := range c.v {
					for bx := range c.h {
						if err := d.block(c, (mx*c.h+bx)*s, (my*c.v+by)*s); err != nil {
							return nil, err
						}
					}
				}
			}
		}
		if d.starved() {
			return nil, d.damaged("file ends inside the picture data")
		}
	}
	ow, oh := (d.w*s+7)/8, (d.h*s+7)/8
	rect := image.Rect(0, 0, ow, oh)
	if len(d.comps) == 1 {
		c := d.comps[0]
		return &image.Gray{Pix: c.plane, Stride: c.stride, Rect: rect}, nil
	}
	y, cb, cr := d.comps[0], d.comps[1], d.comps[2]
	ratio := image.YCbCrSubsampleRatio444
	switch {
	case y.h == 2 && y.v == 2:
		ratio = image.YCbCrSubsampleRatio420
	case y.h == 2:
		ratio = image.YCbCrSubsampleRatio422
	case y.v == 2:
		ratio = image.YCbCrSubsampleRatio440
	}
	return &image.YCbCr{Y: y.plane, Cb: cb.plane, Cr: cr.plane, YStride: y.stride, CStride: cb.stride, SubsampleRatio: ratio, Rect: rect}, nil
}
