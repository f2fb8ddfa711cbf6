package mediainfo

import (
	"encoding/binary"
	"fmt"
)

// box is one ISO base media file format box (an MP4/MOV atom, a HEIF box):
// its type and the byte range of its payload.
type box struct {
	typ        string
	start, end int64 // payload
}

// maxBoxes bounds the boxes walked in one container; real files have a
// few dozen.
const maxBoxes = 4096

// boxes walks the boxes in [start, end) and calls fn for each until fn
// returns false. A box that claims to reach past its parent is damage —
// except at the top level, where a cut-off mdat is the usual shape of an
// interrupted recording, so it is clipped and the walk ends there.
func (rd *reader) boxes(start, end int64, top bool, fn func(b box) bool) error {
	pos := start
	for i := 0; pos+8 <= end; i++ {
		if i >= maxBoxes {
			return fmt.Errorf("more than %d boxes: %w", maxBoxes, ErrDamaged)
		}
		h, err := rd.at(pos, 8, 8)
		if err != nil {
			return fmt.Errorf("box header at %d: %w", pos, ErrDamaged)
		}
		size := int64(binary.BigEndian.Uint32(h))
		hdr := int64(8)
		switch size {
		case 0: // to the end of the file (or parent)
			size = end - pos
		case 1:
			l, err := rd.at(pos+8, 8, 8)
			if err != nil {
				return fmt.Errorf("large box size at %d: %w", pos, ErrDamaged)
			}
			u := binary.BigEndian.Uint64(l)
			if u > 1<<62 {
				return fmt.Errorf("box size %d at %d: %w", u, pos, ErrDamaged)
			}
			size, hdr = int64(u), 16
		}
		if size < hdr {
			return fmt.Errorf("box size %d at %d: %w", size, pos, ErrDamaged)
		}
		b := box{typ: string(h[4:8]), start: pos + hdr, end: pos + size}
		if b.end > end {
			if !top {
				return fmt.Errorf("box %q reaches past its container: %w", b.typ, ErrDamaged)
			}
			b.end = end
			fn(b)
			return errClipped
		}
		if !fn(b) {
			return nil
		}
		pos = b.end
	}
	return nil
}

// errClipped marks a top-level box cut off by the end of the file.
var errClipped = fmt.Errorf("box cut off by the end of the file: %w", ErrTruncated)

// payload reads a box's payload whole, under limit.
func (rd *reader) payload(b box, limit int64) ([]byte, error) {
	return rd.at(b.start, b.end-b.start, limit)
}

// child finds the first box of type typ inside b.
func (rd *reader) child(b box, skip int64, typ string) (box, bool, error) {
	var found box
	ok := false
	err := rd.boxes(b.start+skip, b.end, false, func(c box) bool {
		if c.typ == typ {
			found, ok = c, true
			return false
		}
		return true
	})
	return found, ok, err
}

// be is a bounds-checked big-endian field reader over a box payload: a
// read past the end yields zero and marks the reader bad, so parsing code
// reads straight on and checks once.
type be struct {
	b   []byte
	off int
	bad bool
}

func (p *be) n(size int) uint64 {
	if size == 0 {
		return 0
	}
	if p.off+size > len(p.b) || p.off < 0 {
		p.bad = true
		p.off = len(p.b)
		return 0
	}
	var v uint64
	for _, c := range p.b[p.off : p.off+size] {
		v = v<<8 | uint64(c)
	}
	p.off += size
	return v
}

func (p *be) u8() uint8   { return uint8(p.n(1)) }
func (p *be) u16() uint16 { return uint16(p.n(2)) }
func (p *be) u32() uint32 { return uint32(p.n(4)) }
func (p *be) u64() uint64 { return p.n(8) }
func (p *be) skip(n int) {
	if n < 0 || n > len(p.b)-p.off {
		p.bad, p.off = true, len(p.b)
		return
	}
	p.off += n
}

// str reads a NUL-terminated string.
func (p *be) str() string {
	for i := p.off; i < len(p.b); i++ {
		if p.b[i] == 0 {
			s := string(p.b[p.off:i])
			p.off = i + 1
			return s
		}
	}
	p.bad = true
	s := string(p.b[min(p.off, len(p.b)):])
	p.off = len(p.b)
	return s
}
