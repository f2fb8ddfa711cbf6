package mediainfo

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// readPNG reads IHDR for the size and the chunks before the picture data
// for EXIF (eXIf), XMP (iTXt "XML:com.adobe.xmp") and IPTC.
func readPNG(rd *reader, info *Info) error {
	ihdr, err := rd.at(8, 25, 25)
	if err != nil || string(ihdr[4:8]) != "IHDR" {
		return fmt.Errorf("no IHDR: %w", ErrDamaged)
	}
	w, h := binary.BigEndian.Uint32(ihdr[8:]), binary.BigEndian.Uint32(ihdr[12:])
	if w > 1<<31-1 || h > 1<<31-1 {
		return fmt.Errorf("IHDR %d × %d: %w", w, h, ErrDamaged)
	}
	info.Width, info.Height = int(w), int(h)
	var f found
	pos := int64(8)
	for range 1024 {
		c, err := rd.at(pos, 8, 8)
		if err != nil {
			break
		}
		n := int64(binary.BigEndian.Uint32(c))
		typ := string(c[4:8])
		if typ == "IDAT" || typ == "IEND" || n > rd.size {
			break
		}
		switch typ {
		case "eXIf":
			if n >= 8 {
				f.tiff(rd, pos+8, n)
			}
		case "iTXt":
			// Look at the keyword before reading a chunk that may be large.
			if f.xmp == nil && n <= maxMetaBytes && bytes.HasPrefix(rd.upTo(pos+8, 18), []byte("XML:com.adobe.xmp\x00")) {
				f.xmp = pngXMP(rd.upTo(pos+8, n))
			}
		}
		pos += 12 + n
	}
	f.apply(info)
	return nil
}

// pngXMP returns the XMP of an iTXt chunk keyed "XML:com.adobe.xmp"
// (uncompressed, as XMP writers do), or nil.
func pngXMP(b []byte) []byte {
	const key = "XML:com.adobe.xmp\x00"
	if !bytes.HasPrefix(b, []byte(key)) || len(b) < len(key)+2 || b[len(key)] != 0 {
		return nil
	}
	rest := b[len(key)+2:]
	for range 2 { // language tag, translated keyword
		i := bytes.IndexByte(rest, 0)
		if i < 0 {
			return nil
		}
		rest = rest[i+1:]
	}
	return rest
}

// readGIF reads the logical screen size.
func readGIF(rd *reader, info *Info) error {
	b, err := rd.at(6, 4, 4)
	if err != nil {
		return fmt.Errorf("GIF screen: %w", ErrDamaged)
	}
	info.Width = int(binary.LittleEndian.Uint16(b))
	info.Height = int(binary.LittleEndian.Uint16(b[2:]))
	return nil
}

// readWebP walks the RIFF chunks: VP8X gives the canvas size, VP8/VP8L
// the frame size of a simple file, EXIF and "XMP " the metadata.
func readWebP(rd *reader, info *Info) error {
	var f found
	end := min(rd.size, 8+int64(binary.LittleEndian.Uint32(rd.upTo(4, 4))))
	pos := int64(12)
	for range 256 {
		c, err := rd.at(pos, 8, 8)
		if err != nil || pos+8 > end {
			break
		}
		typ := string(c[:4])
		n := int64(binary.LittleEndian.Uint32(c[4:]))
		body := pos + 8
		switch typ {
		case "VP8X", "VP8 ", "VP8L":
			webpSize(rd, typ, body, info)
		case "EXIF":
			base := body
			if bytes.HasPrefix(rd.upTo(body, 6), exifHeader) {
				base += 6 // some writers keep the JPEG APP1 prefix
			}
			f.tiff(rd, base, n-(base-body))
		case "XMP ":
			if f.xmp == nil {
				if b, err := rd.at(body, n, maxMetaBytes); err == nil {
					f.xmp = b
				}
			}
		}
		pos = body + n + n%2
	}
	f.apply(info)
	return nil
}

// webpSize reads the canvas size (VP8X) or, for a simple file, the
// frame size of its lossy (VP8) or lossless (VP8L) bitstream header.
func webpSize(rd *reader, typ string, body int64, info *Info) {
	switch typ {
	case "VP8X":
		if b, err := rd.at(body, 10, 10); err == nil {
			info.Width = 1 + (int(b[4]) | int(b[5])<<8 | int(b[6])<<16)
			info.Height = 1 + (int(b[7]) | int(b[8])<<8 | int(b[9])<<16)
		}
	case "VP8 ":
		if b, err := rd.at(body, 10, 10); err == nil && info.Width == 0 && b[3] == 0x9d && b[4] == 0x01 && b[5] == 0x2a {
			info.Width = int(binary.LittleEndian.Uint16(b[6:]) & 0x3fff)
			info.Height = int(binary.LittleEndian.Uint16(b[8:]) & 0x3fff)
		}
	case "VP8L":
		if b, err := rd.at(body, 5, 5); err == nil && info.Width == 0 && b[0] == 0x2f {
			v := binary.LittleEndian.Uint32(b[1:])
			info.Width = 1 + int(v&0x3fff)
			info.Height = 1 + int(v>>14&0x3fff)
		}
	}
}

// readTIFF reads a TIFF file's first directory: size, EXIF, and the XMP
// and IPTC blocks TIFF keeps in tags.
func readTIFF(rd *reader, info *Info) error {
	d, errs := parseTIFF(rd, 0, rd.size, true)
	info.Width, info.Height = int(min(d.width, 1<<31-1)), int(min(d.height, 1<<31-1))
	f := found{exif: &d, exifErr: errs, xmp: d.xmp, iptc: d.iptc}
	d.thumb = Section{} // TIFF's second directory is a page, not a JPEG thumbnail
	f.apply(info)
	return nil
}
