package mediainfo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// heifItem is an item of a HEIF file's meta box.
type heifItem struct {
	typ, mime string
	method    uint8 // iloc construction method: 0 file offset, 1 idat
	extents   [][2]int64
	props     []int // 1-based indices into ipco
}

// maxHEIFItems bounds the items kept; a grid picture has a few dozen tiles.
const maxHEIFItems = 10000

// heifMeta is what a HEIF meta box says about its items.
type heifMeta struct {
	rd      *reader
	items   map[uint32]*heifItem
	primary uint32
	props   []box // ipco's properties, in order
	idat    box
}

// item returns the item with id, creating it while under the cap.
func (h *heifMeta) item(id uint32) *heifItem {
	if h.items[id] == nil {
		if len(h.items) >= maxHEIFItems {
			return &heifItem{} // thousands of tiles: their details do not matter
		}
		h.items[id] = &heifItem{}
	}
	return h.items[id]
}

// readHEIC reads a HEIC/HEIF file's meta box: the primary item's ispe
// gives the size (irot turns it), the Exif item the EXIF and a
// "application/rdf+xml" item the XMP. The coded picture is not touched.
func readHEIC(rd *reader, info *Info) error {
	var meta box
	ok := false
	err := rd.boxes(0, rd.size, true, func(b box) bool {
		if b.typ == "meta" && !ok {
			meta, ok = b, true
		}
		return true
	})
	if !ok {
		return fmt.Errorf("no meta box: %v: %w", err, ErrDamaged)
	}
	if errors.Is(err, ErrTruncated) {
		info.warn(err)
	}
	h := &heifMeta{rd: rd, items: map[uint32]*heifItem{}}
	if err := h.read(meta); err != nil {
		return fmt.Errorf("meta box: %w", err)
	}
	p := h.items[h.primary]
	if p == nil {
		return fmt.Errorf("no primary item %d: %w", h.primary, ErrDamaged)
	}
	h.size(p, info)
	f := h.metadata()
	f.apply(info)
	// libheif applies irot/imir when decoding; EXIF orientation in HEIF is
	// informative only and must not be applied a second time.
	info.Orientation = 1
	return nil
}

// read walks the meta box's children; the first of each kind counts,
// repeats are damage or an attack.
func (h *heifMeta) read(meta box) error {
	seen := map[string]bool{}
	return h.rd.boxes(meta.start+4, meta.end, false, func(b box) bool {
		if seen[b.typ] {
			return true
		}
		seen[b.typ] = true
		switch b.typ {
		case "pitm":
			if p, err := h.rd.payload(b, 64); err == nil {
				q := &be{b: p}
				ver := q.u8()
				q.skip(3)
				if ver == 0 {
					h.primary = uint32(q.u16())
				} else {
					h.primary = q.u32()
				}
			}
		case "iinf":
			readIINF(h.rd, b, h.item)
		case "iloc":
			readILOC(h.rd, b, h.item)
		case "idat":
			h.idat = b
		case "iprp":
			h.props = readIPRP(h.rd, b, h.item)
		}
		return true
	})
}

// size sets the pixel size from the primary item's ispe, turned by irot.
func (h *heifMeta) size(p *heifItem, info *Info) {
	var rot int
	for _, i := range p.props {
		if i < 1 || i > len(h.props) {
			continue
		}
		pb := h.props[i-1]
		v, err := h.rd.payload(pb, 64)
		if err != nil {
			continue
		}
		q := &be{b: v}
		switch pb.typ {
		case "ispe":
			q.skip(4)
			w, ht := q.u32(), q.u32()
			if !q.bad && info.Width == 0 {
				info.Width, info.Height = int(min(w, 1<<31-1)), int(min(ht, 1<<31-1))
			}
		case "irot":
			rot = int(q.u8() & 3)
		}
	}
	if rot%2 == 1 {
		info.Width, info.Height = info.Height, info.Width
	}
}

// metadata reads the first Exif item and the first XMP item, in item
// order so the result does not depend on map order.
func (h *heifMeta) metadata() found {
	var f found
	ids := make([]uint32, 0, len(h.items))
	for id := range h.items {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		it := h.items[id]
		switch {
		case it.typ == "Exif" && f.exif == nil:
			b := itemData(h.rd, it, h.idat)
			if len(b) <= 4 {
				continue
			}
			// The item starts with the offset of the TIFF header.
			off := int64(binary.BigEndian.Uint32(b))
			if 4+off < int64(len(b)) {
				m := &reader{r: bytesReaderAt(b), size: int64(len(b))}
				f.tiff(m, 4+off, int64(len(b))-4-off)
				f.exif.thumb = Section{} // offsets into the item, not the file
			}
		case it.typ == "mime" && strings.Contains(it.mime, "rdf+xml") && f.xmp == nil:
			f.xmp = itemData(h.rd, it, h.idat)
		}
	}
	return f
}

// itemData reads an item's extents (file offsets or idat), under the
// metadata cap; nil when they point outside the file.
func itemData(rd *reader, it *heifItem, idat box) []byte {
	var out []byte
	for _, e := range it.extents {
		off, n := e[0], e[1]
		switch it.method {
		case 0:
		case 1:
			if idat.end == 0 || off < 0 || off > idat.end-idat.start {
				return nil
			}
			off += idat.start
		default:
			return nil
		}
		if n == 0 { // to the end of the file
			n = rd.size - off
		}
		if int64(len(out))+n > maxMetaBytes {
			return nil
		}
		b, err := rd.at(off, n, maxMetaBytes)
		if err != nil {
			return nil
		}
		out = append(out, b...)
	}
	return out
}

// readIINF reads item types (and a mime item's content type).
func readIINF(rd *reader, b box, item func(uint32) *heifItem) {
	v := rd.upTo(b.start, 4)
	if len(v) < 4 {
		return
	}
	skip := int64(6)
	if v[0] != 0 {
		skip = 8
	}
	_ = rd.boxes(b.start+skip, b.end, false, func(c box) bool {
		if c.typ != "infe" {
			return true
		}
		p, err := rd.payload(c, 4096)
		if err != nil {
			return true
		}
		q := &be{b: p}
		ver := q.u8()
		q.skip(3)
		if ver < 2 {
			return true // old infe without item types: no Exif/XMP to find
		}
		var id uint32
		if ver == 2 {
			id = uint32(q.u16())
		} else {
			id = q.u32()
		}
		q.skip(2)
		typ := string(p[min(q.off, len(p)):min(q.off+4, len(p))])
		q.skip(4)
		q.str() // item name
		it := item(id)
		it.typ = typ
		if typ == "mime" {
			it.mime = q.str()
		}
		return true
	})
}

// readILOC reads the item locations.
func readILOC(rd *reader, b box, item func(uint32) *heifItem) {
	p, err := rd.payload(b, maxMetaBytes)
	if err != nil {
		return
	}
	q := &be{b: p}
	ver := q.u8()
	q.skip(3)
	s := q.u16()
	offSize, lenSize, baseSize, idxSize := int(s>>12), int(s>>8&15), int(s>>4&15), int(s&15)
	if ver == 0 {
		idxSize = 0
	}
	for _, n := range []int{offSize, lenSize, baseSize, idxSize} {
		if n != 0 && n != 4 && n != 8 {
			return
		}
	}
	var count uint32
	if ver < 2 {
		count = uint32(q.u16())
	} else {
		count = q.u32()
	}
	for i := uint32(0); i < count && !q.bad; i++ {
		var id uint32
		if ver < 2 {
			id = uint32(q.u16())
		} else {
			id = q.u32()
		}
		var method uint8
		if ver >= 1 {
			method = uint8(q.u16() & 15)
		}
		q.skip(2) // data reference index
		base := int64(q.n(baseSize) & (1<<62 - 1))
		n := int(q.u16())
		if n > 64 {
			return // no picture has that many pieces of metadata; stop rather than spin
		}
		it := item(id)
		it.method = method
		for j := 0; j < n && !q.bad; j++ {
			q.n(idxSize)
			off := int64(q.n(offSize) & (1<<62 - 1))
			l := int64(q.n(lenSize) & (1<<62 - 1))
			if base+off >= 0 {
				it.extents = append(it.extents, [2]int64{base + off, l})
			}
		}
	}
}

// readIPRP reads the property container (ipco) and the associations
// (ipma) of items to properties; it returns the properties in order.
func readIPRP(rd *reader, b box, item func(uint32) *heifItem) []box {
	var props []box
	seen := map[string]bool{}
	_ = rd.boxes(b.start, b.end, false, func(c box) bool {
		if seen[c.typ] {
			return true
		}
		seen[c.typ] = true
		switch c.typ {
		case "ipco":
			_ = rd.boxes(c.start, c.end, false, func(p box) bool {
				props = append(props, p)
				return true
			})
		case "ipma":
			p, err := rd.payload(c, maxMetaBytes)
			if err != nil {
				return true
			}
			q := &be{b: p}
			ver := q.u8()
			q.skip(2)
			flags := q.u8()
			count := q.u32()
			for i := uint32(0); i < count && !q.bad; i++ {
				var id uint32
				if ver < 1 {
					id = uint32(q.u16())
				} else {
					id = q.u32()
				}
				n := int(q.u8())
				var idx []int
				for j := 0; j < n && !q.bad; j++ {
					if flags&1 != 0 {
						idx = append(idx, int(q.u16()&0x7fff))
					} else {
						idx = append(idx, int(q.u8()&0x7f))
					}
				}
				if !q.bad {
					it := item(id)
					it.props = append(it.props, idx...)
				}
			}
		}
		return true
	})
	return props
}
