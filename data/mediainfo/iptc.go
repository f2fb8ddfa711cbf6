package mediainfo

import (
	"encoding/binary"
	"fmt"
)

// parsePhotoshop finds the IPTC-IIM block (image resource 0x0404) in a
// JPEG's APP13 "Photoshop 3.0" segment and reads it.
func parsePhotoshop(b []byte) (texts, error) {
	for i := 0; i+12 <= len(b); {
		if string(b[i:i+4]) != "8BIM" {
			return texts{}, fmt.Errorf("photoshop resource: %w", ErrBadMetadata)
		}
		id := binary.BigEndian.Uint16(b[i+4:])
		nameLen := int(b[i+6])
		p := i + 6 + 1 + nameLen
		if p%2 != 0 {
			p++
		}
		if p+4 > len(b) {
			break
		}
		size := int(binary.BigEndian.Uint32(b[p:]))
		p += 4
		if size < 0 || size > len(b)-p {
			return texts{}, fmt.Errorf("photoshop resource of %d bytes: %w", size, ErrBadMetadata)
		}
		if id == 0x0404 {
			return parseIIM(b[p : p+size])
		}
		i = p + size
		if i%2 != 0 {
			i++
		}
	}
	return texts{}, nil
}

// parseIIM reads the IPTC-IIM datasets of record 2 that map to our
// fields: 2:05 Object Name, 2:25 Keywords, 2:80 By-line, 2:110 Credit,
// 2:116 Copyright Notice, 2:120 Caption/Abstract.
func parseIIM(b []byte) (texts, error) {
	var x texts
	// 1:90 may declare UTF-8; cleanText tells UTF-8 from Latin-1 by
	// validity, which also copes with writers that declare nothing.
	for i := 0; i+5 <= len(b); {
		if b[i] != 0x1C {
			return x, fmt.Errorf("IPTC dataset marker: %w", ErrBadMetadata)
		}
		rec, ds := b[i+1], b[i+2]
		n := int(binary.BigEndian.Uint16(b[i+3:]))
		if n&0x8000 != 0 {
			return x, fmt.Errorf("IPTC extended dataset: %w", ErrBadMetadata) // only for >32 KiB fields, never in our records
		}
		i += 5
		if n > len(b)-i {
			return x, fmt.Errorf("IPTC dataset of %d bytes: %w", n, ErrBadMetadata)
		}
		v := cleanText(b[i : i+n])
		i += n
		if rec != 2 || v == "" {
			continue
		}
		switch ds {
		case 5:
			x.title = v
		case 25:
			if len(x.tags) < 200 {
				x.tags = append(x.tags, v)
			}
		case 80:
			x.creators = append(x.creators, v)
		case 110:
			x.credit = v
		case 116:
			x.rights = v
		case 120:
			x.description = v
		}
	}
	return x, nil
}
