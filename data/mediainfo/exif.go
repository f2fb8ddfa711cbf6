package mediainfo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// EXIF and TIFF tags read. Names as in the EXIF 2.32 specification.
const (
	tagImageWidth        = 0x0100
	tagImageLength       = 0x0101
	tagMake              = 0x010F
	tagModel             = 0x0110
	tagOrientation       = 0x0112
	tagArtist            = 0x013B
	tagThumbOffset       = 0x0201 // JPEGInterchangeFormat
	tagThumbLength       = 0x0202 // JPEGInterchangeFormatLength
	tagXMP               = 0x02BC // ApplicationNotes: XMP in TIFF files
	tagCopyright         = 0x8298
	tagIPTC              = 0x83BB
	tagExifIFD           = 0x8769
	tagGPSIFD            = 0x8825
	tagDateTimeOriginal  = 0x9003
	tagDateTimeDigitized = 0x9004
	tagOffsetOriginal    = 0x9011
	tagOffsetDigitized   = 0x9012
	tagGPSLatitude       = 0x0002
	tagGPSLongitude      = 0x0004
)

// Bounds on an EXIF structure: real files have 5 IFDs of under 100
// entries; anything beyond is damage or an attack.
const (
	maxIFDs       = 8
	maxIFDEntries = 1000
	maxString     = 4096
)

// typeSizes are the byte sizes of the TIFF field types 1–12.
var typeSizes = [13]int64{0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8}

// exifData collects the EXIF facts before they are merged into Info.
type exifData struct {
	width, height       int64
	orientation         int
	make, model         string
	artist, copyright   string
	original, digitized string
	offOriginal, offDig string
	gpsLat, gpsLon      bool
	thumb               Section
	xmp, iptc           []byte
}

// tiffReader walks the IFDs of one TIFF structure. base is the absolute
// file offset of its header; offsets inside are relative to it and must
// stay below limit (the structure's length: an APP1 segment, a HEIC item,
// or the whole TIFF file).
type tiffReader struct {
	rd      *reader
	base    int64
	limit   int64
	order   binary.ByteOrder
	visited map[uint32]bool
	ifds    int
	errs    []error
}

// field is one directory entry: its inline value bytes (val) or the
// offset of its value (at).
type field struct {
	tag, typ uint16
	count    uint32
	val      []byte
	at       uint32
}

// parseTIFF reads the EXIF facts of the TIFF structure at base of length
// limit. It keeps what it could read; problems are returned as warnings.
// wantBlocks also reads the XMP and IPTC blocks a TIFF file keeps in tags.
func parseTIFF(rd *reader, base, limit int64, wantBlocks bool) (exifData, []error) {
	var d exifData
	hdr, err := rd.at(base, 8, 8)
	if err != nil || limit < 8 {
		return d, []error{fmt.Errorf("EXIF header: %w", ErrBadMetadata)}
	}
	t := &tiffReader{rd: rd, base: base, limit: limit, visited: map[uint32]bool{}}
	switch string(hdr[:4]) {
	case "II*\x00":
		t.order = binary.LittleEndian
	case "MM\x00*":
		t.order = binary.BigEndian
	default:
		return d, []error{fmt.Errorf("EXIF byte order %q: %w", hdr[:4], ErrBadMetadata)}
	}
	next := t.readIFD(t.order.Uint32(hdr[4:]), func(f field) { d.ifd0(t, f, wantBlocks) })
	if next != 0 {
		var off, length int64
		t.readIFD(next, func(f field) {
			switch f.tag {
			case tagThumbOffset:
				off = t.int(f)
			case tagThumbLength:
				length = t.int(f)
			}
		})
		d.thumb = t.thumbnail(off, length)
	}
	return d, t.errs
}

// ifd0 takes an entry of the first directory, following the pointers to
// the Exif and GPS directories.
func (d *exifData) ifd0(t *tiffReader, f field, wantBlocks bool) {
	switch f.tag {
	case tagImageWidth:
		d.width = t.int(f)
	case tagImageLength:
		d.height = t.int(f)
	case tagMake:
		d.make = t.str(f)
	case tagModel:
		d.model = t.str(f)
	case tagOrientation:
		d.orientation = int(t.int(f))
	case tagArtist:
		d.artist = t.str(f)
	case tagCopyright:
		d.copyright = t.str(f)
	case tagXMP:
		if wantBlocks {
			d.xmp = t.blob(f)
		}
	case tagIPTC:
		if wantBlocks {
			d.iptc = t.blob(f)
		}
	case tagExifIFD:
		t.readIFD(uint32(t.int(f)), d.exifIFD(t))
	case tagGPSIFD:
		t.readIFD(uint32(t.int(f)), func(f field) {
			switch f.tag {
			case tagGPSLatitude:
				d.gpsLat = t.nonZeroRationals(f)
			case tagGPSLongitude:
				d.gpsLon = t.nonZeroRationals(f)
			}
		})
	}
}

// exifIFD takes the dates of the Exif directory.
func (d *exifData) exifIFD(t *tiffReader) func(field) {
	return func(f field) {
		switch f.tag {
		case tagDateTimeOriginal:
			d.original = t.str(f)
		case tagDateTimeDigitized:
			d.digitized = t.str(f)
		case tagOffsetOriginal:
			d.offOriginal = t.str(f)
		case tagOffsetDigitized:
			d.offDig = t.str(f)
		}
	}
}

// readIFD reads one IFD at off and calls fn for each entry with its
// inline value bytes (val) or its offset (at). It returns the offset of
// the next IFD. Loops, repeated IFDs and out-of-range offsets end the walk
// with a warning.
func (t *tiffReader) readIFD(off uint32, fn func(field)) uint32 {
	if off == 0 {
		return 0
	}
	if t.visited[off] || t.ifds >= maxIFDs {
		t.errs = append(t.errs, fmt.Errorf("EXIF directory at %d repeats: %w", off, ErrBadMetadata))
		return 0
	}
	t.visited[off] = true
	t.ifds++
	if int64(off)+2 > t.limit {
		t.errs = append(t.errs, fmt.Errorf("EXIF directory at %d outside %d bytes: %w", off, t.limit, ErrBadMetadata))
		return 0
	}
	nb, err := t.rd.at(t.base+int64(off), 2, 2)
	if err != nil {
		t.errs = append(t.errs, fmt.Errorf("EXIF directory: %w", ErrBadMetadata))
		return 0
	}
	n := int64(t.order.Uint16(nb))
	if n > maxIFDEntries {
		t.errs = append(t.errs, fmt.Errorf("EXIF directory of %d entries: %w", n, ErrBadMetadata))
		return 0
	}
	length := 12*n + 4
	if int64(off)+2+length > t.limit {
		// Keep the entries that are there; a cut-off directory has no next.
		n = (t.limit - int64(off) - 2) / 12
		length = 12 * n
		t.errs = append(t.errs, fmt.Errorf("EXIF directory cut off: %w", ErrBadMetadata))
	}
	b, err := t.rd.at(t.base+int64(off)+2, length, length)
	if err != nil {
		t.errs = append(t.errs, fmt.Errorf("EXIF directory: %w", ErrBadMetadata))
		return 0
	}
	for i := int64(0); i < n; i++ {
		e := b[12*i : 12*i+12]
		tag, typ, count := t.order.Uint16(e), t.order.Uint16(e[2:]), t.order.Uint32(e[4:])
		if typ == 0 || typ > 12 {
			continue // unknown type: skip the entry, keep the rest
		}
		fn(field{tag: tag, typ: typ, count: count, val: e[8:12], at: t.order.Uint32(e[8:])})
	}
	if length < 12*n+4 {
		return 0
	}
	return t.order.Uint32(b[12*n:])
}

// int reads an inline SHORT or LONG value.
func (t *tiffReader) int(f field) int64 {
	val := f.val
	switch f.typ {
	case 3, 8:
		return int64(t.order.Uint16(val))
	case 4, 9:
		return int64(t.order.Uint32(val))
	case 1, 7:
		return int64(val[0])
	}
	return 0
}

// data returns the bytes of a value of count items of typ, inline or at
// its offset, within the structure and under limit bytes.
func (t *tiffReader) data(typ uint16, count uint32, at uint32, limit int64) []byte {
	n := int64(count) * typeSizes[typ]
	if n <= 4 {
		var b [4]byte
		t.order.PutUint32(b[:], at)
		return b[:n]
	}
	if n > limit || int64(at)+n > t.limit {
		t.errs = append(t.errs, fmt.Errorf("EXIF value of %d bytes at %d out of range: %w", n, at, ErrBadMetadata))
		return nil
	}
	b, err := t.rd.at(t.base+int64(at), n, limit)
	if err != nil {
		t.errs = append(t.errs, fmt.Errorf("EXIF value: %w", ErrBadMetadata))
		return nil
	}
	return b
}

// str reads an ASCII value, cut at its first NUL and trimmed.
func (t *tiffReader) str(f field) string {
	if f.typ != 2 && f.typ != 7 && f.typ != 1 {
		return ""
	}
	b := t.data(f.typ, f.count, f.at, maxString)
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return cleanText(b)
}

// blob reads an embedded block (XMP, IPTC) of a TIFF file.
func (t *tiffReader) blob(f field) []byte {
	if f.typ != 1 && f.typ != 7 && f.typ != 4 {
		return nil
	}
	return t.data(f.typ, f.count, f.at, maxMetaBytes)
}

// nonZeroRationals reports whether a GPS coordinate (three rationals) is
// recorded and not all zero: cameras without a fix write 0/0 or 0/1.
func (t *tiffReader) nonZeroRationals(f field) bool {
	if f.typ != 5 || f.count == 0 || f.count > 3 {
		return false
	}
	b := t.data(f.typ, f.count, f.at, 24)
	for i := 0; i+8 <= len(b); i += 8 {
		if t.order.Uint32(b[i:]) != 0 && t.order.Uint32(b[i+4:]) != 0 {
			return true
		}
	}
	return false
}

// thumbnail checks the IFD1 JPEG thumbnail lies inside the structure and
// starts like a JPEG, and returns its absolute range.
func (t *tiffReader) thumbnail(off, length int64) Section {
	if off <= 0 || length <= 0 {
		return Section{}
	}
	if length < 4 || length > maxThumbBytes || off+length > t.limit {
		t.errs = append(t.errs, fmt.Errorf("EXIF thumbnail of %d bytes at %d out of range: %w", length, off, ErrBadMetadata))
		return Section{}
	}
	if b, err := t.rd.at(t.base+off, 3, 3); err != nil || b[0] != 0xFF || b[1] != 0xD8 || b[2] != 0xFF {
		t.errs = append(t.errs, fmt.Errorf("EXIF thumbnail is no JPEG: %w", ErrBadMetadata))
		return Section{}
	}
	return Section{Offset: t.base + off, Length: length}
}

// applyEXIF merges the EXIF facts into info.
func applyEXIF(d exifData, info *Info, now time.Time) {
	if d.orientation >= 1 && d.orientation <= 8 {
		info.Orientation = d.orientation
	} else if d.orientation != 0 {
		info.warn(fmt.Errorf("EXIF orientation %d: %w", d.orientation, ErrBadMetadata))
	}
	info.CameraMake, info.CameraModel = d.make, d.model
	info.HasGPS = info.HasGPS || d.gpsLat && d.gpsLon
	if d.thumb.Length > 0 {
		info.Thumbnail = d.thumb
	}
	for _, c := range []struct{ date, off string }{{d.original, d.offOriginal}, {d.digitized, d.offDig}} {
		if unset(c.date) {
			continue
		}
		t, zone, ok := parseEXIFDate(c.date, c.off)
		if !ok {
			info.warn(fmt.Errorf("EXIF date %q: %w", c.date, ErrBadMetadata))
			continue
		}
		if !plausible(t, now) {
			info.warn(fmt.Errorf("EXIF date %s: %w", t.Format(time.DateTime), ErrImplausibleDate))
			continue
		}
		info.Taken, info.TakenZone, info.DateFrom = t, zone, DateEXIF
		break
	}
}

// parseEXIFDate reads "2006:01:02 15:04:05" with an optional offset
// "+02:00". Cameras without a set clock write zeros or blanks: not a date.
func parseEXIFDate(s, off string) (time.Time, bool, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 19 {
		return time.Time{}, false, false
	}
	s = s[:19]
	// Some writers use dashes or a T; EXIF wants colons and a space.
	b := []byte(s)
	if b[4] == '-' && b[7] == '-' {
		b[4], b[7] = ':', ':'
	}
	if b[10] == 'T' {
		b[10] = ' '
	}
	loc := time.UTC
	zone := false
	if o, ok := parseOffset(off); ok {
		loc, zone = o, true
	}
	t, err := time.ParseInLocation("2006:01:02 15:04:05", string(b), loc)
	if err != nil {
		return time.Time{}, false, false
	}
	return t, zone, true
}

// parseOffset reads an EXIF OffsetTime "+02:00" / "-05:30".
func parseOffset(s string) (*time.Location, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return nil, false
	}
	t, err := time.Parse("-07:00", s)
	if err != nil {
		return nil, false
	}
	_, secs := t.Zone()
	if secs < -14*3600 || secs > 14*3600 {
		return nil, false
	}
	return time.FixedZone(s, secs), true
}

// plausible reports whether a recorded date can be the Aufnahmedatum: not
// before photography existed and not more than a day ahead of now (time
// zones, a clock a little fast). 2099 and 2216 are clocks never set.
func plausible(t, now time.Time) bool {
	return t.Year() >= 1826 && t.Before(now.Add(48*time.Hour))
}

// unset reports an EXIF date a camera writes when its clock was never
// set: empty, blanks, or zeros ("0000:00:00 00:00:00").
func unset(s string) bool {
	return strings.Trim(s, " 0:-T\x00") == ""
}
