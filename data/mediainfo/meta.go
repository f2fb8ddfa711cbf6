package mediainfo

import (
	"bytes"
	"fmt"
)

// found collects the metadata blocks of one file before they are merged,
// so each format's reader only locates blocks.
type found struct {
	exif    *exifData
	xmp     []byte
	iptc    []byte // IPTC-IIM datasets
	ps      []byte // Photoshop image resources holding IPTC-IIM
	exifErr []error
}

// tiff reads the EXIF structure at base of length n.
func (f *found) tiff(rd *reader, base, n int64) {
	if f.exif != nil {
		return // the first EXIF block counts, as in every viewer
	}
	d, errs := parseTIFF(rd, base, n, false)
	f.exif = &d
	f.exifErr = errs
}

// apply merges everything found into info: EXIF facts, then texts from
// XMP, IPTC and EXIF in that order of trust.
func (f *found) apply(info *Info) {
	t := now()
	var ex texts
	if f.exif != nil {
		applyEXIF(*f.exif, info, t)
		for _, e := range f.exifErr {
			info.warn(e)
		}
		ex.rights = f.exif.copyright
		if f.exif.artist != "" {
			ex.creators = []string{f.exif.artist}
		}
	}
	var xm, ip texts
	if len(f.xmp) > 0 {
		var err error
		if xm, err = parseXMP(f.xmp); err != nil {
			info.warn(err)
		}
	}
	if len(f.ps) > 0 {
		var err error
		if ip, err = parsePhotoshop(f.ps); err != nil {
			info.warn(err)
		}
	} else if len(f.iptc) > 0 {
		var err error
		if ip, err = parseIIM(f.iptc); err != nil {
			info.warn(err)
		}
	}
	applyTexts(info, t, xm, ip, ex)
}

// motionPhoto reports whether XMP announces a video appended after the
// JPEG (Google and Samsung motion photos), which hides the end marker.
func (f *found) motionPhoto() bool {
	return bytes.Contains(f.xmp, []byte("MotionPhoto")) || bytes.Contains(f.xmp, []byte("MicroVideo"))
}

var (
	exifHeader = []byte("Exif\x00\x00")
	xmpHeader  = []byte("http://ns.adobe.com/xap/1.0/\x00")
	psHeader   = []byte("Photoshop 3.0\x00")
)

// readJPEG walks the marker segments up to the start of scan: the frame
// header gives the size, APP1 EXIF and XMP and APP13 IPTC the metadata.
// The picture data is not touched.
func readJPEG(rd *reader, info *Info) error {
	w := &jpegWalk{rd: rd, info: info}
	err := w.walk()
	w.f.apply(info) // what could be read, even from a damaged file
	switch {
	case err != nil:
		return err
	case !w.sof:
		return fmt.Errorf("no frame header: %w", ErrDamaged)
	case w.scan == 0:
		info.warn(fmt.Errorf("JPEG ends in its headers: %w", ErrTruncated))
	case !w.f.motionPhoto() && !hasJPEGEnd(rd, w.scan):
		info.warn(fmt.Errorf("JPEG: %w", ErrTruncated))
	}
	return nil
}

// jpegWalk is the state of a walk over a JPEG's marker segments.
type jpegWalk struct {
	rd   *reader
	info *Info
	f    found
	sof  bool  // the frame header was read
	scan int64 // where the picture data starts; 0 until reached
}

// maxJPEGSegments bounds the walk; cameras write about a dozen.
const maxJPEGSegments = 4096

func (w *jpegWalk) walk() error {
	pos := int64(2)
	for range maxJPEGSegments {
		h, err := w.rd.at(pos, 4, 4)
		if err != nil {
			return nil // cut off inside the headers; readJPEG judges
		}
		if h[0] != 0xFF {
			// Stray bytes between segments: decoders skip them to the
			// next marker, and so do we.
			next := bytes.IndexByte(w.rd.upTo(pos, 64<<10), 0xFF)
			if next < 0 {
				return fmt.Errorf("no marker at %d: %w", pos, ErrDamaged)
			}
			pos += int64(next)
			continue
		}
		m := h[1]
		switch {
		case m == 0xFF: // fill byte
			pos++
			continue
		case m == 0xD8 || m == 0x01 || m >= 0xD0 && m <= 0xD7: // no length
			pos += 2
			continue
		case m == 0xD9:
			return nil
		}
		n := int64(h[2])<<8 | int64(h[3])
		if n < 2 {
			return fmt.Errorf("segment length %d at %d: %w", n, pos, ErrDamaged)
		}
		w.segment(m, pos+4, n-2)
		pos += 2 + n
		if m == 0xDA {
			w.scan = pos
			return nil
		}
	}
	return nil
}

// segment reads the segments we need: frame header, APP1, APP13.
func (w *jpegWalk) segment(m byte, body, n int64) {
	switch {
	case m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC:
		if b, err := w.rd.at(body, 5, 5); err == nil && !w.sof {
			w.info.Height = int(b[1])<<8 | int(b[2])
			w.info.Width = int(b[3])<<8 | int(b[4])
			w.sof = true
		}
	case m == 0xE1:
		readAPP1(w.rd, &w.f, body, n)
	case m == 0xED && w.f.ps == nil:
		if b, err := w.rd.at(body, n, n); err == nil && bytes.HasPrefix(b, psHeader) {
			w.f.ps = b[len(psHeader):]
		}
	}
}

// readAPP1 reads an APP1 segment's EXIF or XMP.
func readAPP1(rd *reader, f *found, body, n int64) {
	head := rd.upTo(body, 29)
	switch {
	case bytes.HasPrefix(head, exifHeader):
		f.tiff(rd, body+6, n-6)
	case bytes.HasPrefix(head, xmpHeader) && f.xmp == nil:
		if b, err := rd.at(body+int64(len(xmpHeader)), n-int64(len(xmpHeader)), maxMetaBytes); err == nil {
			f.xmp = b
		}
	}
}

// hasJPEGEnd reports whether an end-of-image marker follows the picture
// data (which starts at scan) near the end of the file. Entropy-coded data
// never contains FF D9, and writers add at most a little padding or a
// trailer after it; the embedded thumbnail's marker lies before scan.
func hasJPEGEnd(rd *reader, scan int64) bool {
	// Nearly always the marker is in the last few bytes; look wider only
	// when it is not.
	for _, tail := range []int64{512, 64 << 10} {
		off := max(rd.size-tail, scan)
		if bytes.Contains(rd.upTo(off, rd.size-off), []byte{0xFF, 0xD9}) {
			return true
		}
	}
	return false
}
