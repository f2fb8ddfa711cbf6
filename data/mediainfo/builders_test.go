package mediainfo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The builders below write real files of each format from parts, so the
// tests need no binary fixtures and can break any part on purpose.

// entry is one TIFF directory entry; data is the value's bytes in the
// directory's byte order.
type entry struct {
	tag, typ uint16
	count    uint32
	data     []byte
}

func ascii(tag uint16, s string) entry {
	return entry{tag, 2, uint32(len(s) + 1), append([]byte(s), 0)}
}

func short(o binary.ByteOrder, tag uint16, v uint16) entry {
	b := make([]byte, 2)
	o.PutUint16(b, v)
	return entry{tag, 3, 1, b}
}

func long(o binary.ByteOrder, tag uint16, v uint32) entry {
	b := make([]byte, 4)
	o.PutUint32(b, v)
	return entry{tag, 4, 1, b}
}

func rationals(o binary.ByteOrder, tag uint16, vs ...uint32) entry {
	b := make([]byte, 4*len(vs))
	for i, v := range vs {
		o.PutUint32(b[4*i:], v)
	}
	return entry{tag, 5, uint32(len(vs) / 2), b}
}

// exifSpec describes an EXIF block to build.
type exifSpec struct {
	order      binary.ByteOrder
	ifd0       []entry
	exif       []entry
	gps        []entry
	thumb      []byte // IFD1 JPEG thumbnail
	loop       bool   // IFD1's next pointer points back at IFD0
	exifOffset uint32 // overrides the Exif IFD pointer when not 0
}

// build lays out header, IFD0, Exif IFD, GPS IFD, IFD1, then the values
// that do not fit inline and the thumbnail.
func (s exifSpec) build() []byte {
	o := s.order
	if o == nil {
		o = binary.LittleEndian
	}
	type dir struct {
		entries []entry
		off     uint32
	}
	ifd0 := append([]entry{}, s.ifd0...)
	if len(s.exif) > 0 || s.exifOffset != 0 {
		ifd0 = append(ifd0, long(o, tagExifIFD, 0))
	}
	if len(s.gps) > 0 {
		ifd0 = append(ifd0, long(o, tagGPSIFD, 0))
	}
	var ifd1 []entry
	if s.thumb != nil {
		ifd1 = []entry{short(o, 0x0103, 6), long(o, tagThumbOffset, 0), long(o, tagThumbLength, uint32(len(s.thumb)))}
	}
	dirs := []*dir{{entries: ifd0}, {entries: s.exif}, {entries: s.gps}, {entries: ifd1}}
	off := uint32(8)
	for _, d := range dirs {
		if len(d.entries) == 0 {
			continue
		}
		d.off = off
		off += 2 + 12*uint32(len(d.entries)) + 4
	}
	// Fill in pointers now that offsets are known.
	for i, e := range ifd0 {
		switch {
		case e.tag == tagExifIFD:
			v := dirs[1].off
			if s.exifOffset != 0 {
				v = s.exifOffset
			}
			ifd0[i] = long(o, tagExifIFD, v)
		case e.tag == tagGPSIFD:
			ifd0[i] = long(o, tagGPSIFD, dirs[2].off)
		}
	}
	var out, extra bytes.Buffer
	if o == binary.LittleEndian {
		out.WriteString("II*\x00")
	} else {
		out.WriteString("MM\x00*")
	}
	binary.Write(&out, o, uint32(8))
	dataStart := off
	var thumbAt uint32
	for k, d := range dirs {
		if len(d.entries) == 0 {
			continue
		}
		binary.Write(&out, o, uint16(len(d.entries)))
		for _, e := range d.entries {
			binary.Write(&out, o, e.tag)
			binary.Write(&out, o, e.typ)
			binary.Write(&out, o, e.count)
			if e.tag == tagThumbOffset && k == 3 {
				thumbAt = uint32(out.Len())
				out.Write(make([]byte, 4))
				continue
			}
			if len(e.data) <= 4 {
				v := make([]byte, 4)
				copy(v, e.data)
				out.Write(v)
				continue
			}
			binary.Write(&out, o, dataStart+uint32(extra.Len()))
			extra.Write(e.data)
			if extra.Len()%2 == 1 {
				extra.WriteByte(0)
			}
		}
		next := uint32(0)
		if k == 0 && len(ifd1) > 0 {
			next = dirs[3].off
		}
		if k == 3 && s.loop {
			next = 8
		}
		binary.Write(&out, o, next)
	}
	b := append(out.Bytes(), extra.Bytes()...)
	if s.thumb != nil {
		o.PutUint32(b[thumbAt:], uint32(len(b)))
		b = append(b, s.thumb...)
	}
	return b
}

// segment wraps a payload as a JPEG marker segment.
func segment(marker byte, payload []byte) []byte {
	b := []byte{0xFF, marker, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	return append(b, payload...)
}

func app1EXIF(tiff []byte) []byte { return segment(0xE1, append([]byte("Exif\x00\x00"), tiff...)) }

func app1XMP(packet string) []byte {
	return segment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), packet...))
}

// testImage is a picture with some structure, so JPEG has work to do.
func testImage(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x ^ y) & 0xff), 255})
		}
	}
	return img
}

// jpegFile encodes a w×h JPEG and splices the segments in after SOI.
func jpegFile(t testing.TB, w, h int, segs ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testImage(w, h), &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	out := append([]byte{}, b[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, b[2:]...)
}

// pngFile encodes a w×h PNG and optionally rewrites IHDR to claim another
// size (with a correct CRC, as a hostile file would have).
func pngFile(t testing.TB, w, h, claimW, claimH int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, testImage(w, h)); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if claimW > 0 {
		binary.BigEndian.PutUint32(b[16:], uint32(claimW))
		binary.BigEndian.PutUint32(b[20:], uint32(claimH))
		binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	}
	return b
}

// bx builds an ISO BMFF box.
func bx(typ string, parts ...[]byte) []byte {
	n := 8
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 8, n)
	binary.BigEndian.PutUint32(b, uint32(n))
	copy(b[4:], typ)
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func u16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
func fullbox(ver byte, flags uint32) []byte {
	return []byte{ver, byte(flags >> 16), byte(flags >> 8), byte(flags)}
}
func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// heicSpec describes a HEIC file: a primary coded item with ispe (and
// irot), an Exif item and an XMP item stored in mdat.
type heicSpec struct {
	w, h   uint32
	rot    byte
	exif   []byte // TIFF structure
	xmp    string
	noIspe bool
}

func (s heicSpec) build() []byte {
	ftyp := bx("ftyp", []byte("heic"), u32(0), []byte("mif1heic"))
	exifItem := cat(u32(6), []byte("Exif\x00\x00"), s.exif)
	infe := func(id uint16, typ string, extra ...byte) []byte {
		return bx("infe", fullbox(2, 0), u16(id), u16(0), []byte(typ), []byte("\x00"), extra)
	}
	iinf := bx("iinf", fullbox(0, 0), u16(3),
		infe(1, "hvc1"), infe(2, "Exif"), infe(3, "mime", append([]byte("application/rdf+xml"), 0)...))
	var ipco []byte
	if !s.noIspe {
		ipco = bx("ispe", fullbox(0, 0), u32(s.w), u32(s.h))
	}
	ipco = cat(ipco, bx("irot", []byte{s.rot}))
	iprp := bx("iprp", bx("ipco", ipco), bx("ipma", fullbox(0, 0), u32(1), u16(1), []byte{2, 0x81, 0x02}))
	// iloc offsets depend on meta's size: build twice, the second with
	// the real offsets (sizes do not change).
	build := func(exifAt, xmpAt uint32) []byte {
		iloc := bx("iloc", fullbox(1, 0), u16(0x4400), u16(2),
			u16(2), u16(0), u16(0), u16(1), u32(exifAt), u32(uint32(len(exifItem))),
			u16(3), u16(0), u16(0), u16(1), u32(xmpAt), u32(uint32(len(s.xmp))))
		meta := bx("meta", fullbox(0, 0), bx("hdlr", fullbox(0, 0), u32(0), []byte("pict"), make([]byte, 13)),
			bx("pitm", fullbox(0, 0), u16(1)), iinf, iloc, iprp)
		return cat(ftyp, meta)
	}
	head := build(0, 0)
	mdatStart := uint32(len(head) + 8)
	head = build(mdatStart, mdatStart+uint32(len(exifItem)))
	return cat(head, bx("mdat", exifItem, []byte(s.xmp), make([]byte, 64)))
}

// movieSpec describes an MP4 with one video track.
type movieSpec struct {
	brand       string
	created     uint32 // seconds since 1904
	scale, dur  uint32
	w, h        uint32
	rotate90    bool
	moovAtEnd   bool
	mdatPayload int
	apple       bool // an iPhone's moov/meta (keys, ilst) and a ©xyz location
}

// appleMeta is what an iPhone writes into moov/meta and moov/udta.
func appleMeta() []byte {
	key := func(k string) []byte { return cat(u32(uint32(8+len(k))), []byte("mdta"), []byte(k)) }
	val := func(i uint32, v string) []byte {
		return bx(string(u32(i)), bx("data", u32(1), u32(0), []byte(v)))
	}
	meta := bx("meta", bx("hdlr", fullbox(0, 0), u32(0), []byte("mdta"), make([]byte, 13)),
		bx("keys", fullbox(0, 0), u32(4), key("com.apple.quicktime.make"), key("com.apple.quicktime.model"),
			key("com.apple.quicktime.creationdate"), key("com.apple.quicktime.location.ISO6709")),
		bx("ilst", val(1, "Apple"), val(2, "iPhone 15 Pro"), val(3, "2025-06-01T10:30:00+0200"), val(4, "+52.5200+013.4050+034.000/")))
	return cat(meta, bx("udta", bx("\xa9xyz", u16(17), u16(0x15c7), []byte("+52.5200+013.4050/"))))
}

func (s movieSpec) build() []byte {
	ftyp := bx("ftyp", []byte(s.brand), u32(0), []byte(s.brand+"isom"))
	mvhd := bx("mvhd", fullbox(0, 0), u32(s.created), u32(s.created), u32(s.scale), u32(s.dur), make([]byte, 80))
	one := uint32(1 << 16)
	matrix := cat(u32(one), u32(0), u32(0), u32(0), u32(one), u32(0), u32(0), u32(0), u32(0x40000000))
	if s.rotate90 {
		matrix = cat(u32(0), u32(one), u32(0), u32(uint32(0xFFFF0000)), u32(0), u32(0), u32(0), u32(0), u32(0x40000000))
	}
	tkhd := bx("tkhd", fullbox(0, 3), u32(s.created), u32(s.created), u32(1), u32(0), u32(s.dur),
		make([]byte, 8), u16(0), u16(0), u16(0), u16(0), matrix, u32(s.w<<16), u32(s.h<<16))
	hdlr := bx("hdlr", fullbox(0, 0), u32(0), []byte("vide"), make([]byte, 13))
	sound := bx("trak", bx("tkhd", fullbox(0, 3), make([]byte, 80)), bx("mdia", bx("hdlr", fullbox(0, 0), u32(0), []byte("soun"), make([]byte, 13))))
	var extra []byte
	if s.apple {
		extra = appleMeta()
	}
	moov := bx("moov", mvhd, sound, bx("trak", tkhd, bx("mdia", bx("mdhd", fullbox(0, 0), make([]byte, 20)), hdlr)), extra)
	mdat := bx("mdat", make([]byte, s.mdatPayload))
	if s.moovAtEnd {
		return cat(ftyp, mdat, moov)
	}
	return cat(ftyp, moov, mdat)
}

// writeFile writes b to name in a fresh temp folder and returns the path.
func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
