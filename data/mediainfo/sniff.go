package mediainfo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// documentExts are the documents kept by extension: office files, text,
// archives of a press kit. Anything else not recognised by content is
// unsupported.
var documentExts = map[string]bool{
	".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".txt": true, ".md": true,
	".xls": true, ".xlsx": true, ".ods": true, ".csv": true,
	".ppt": true, ".pptx": true, ".odp": true,
	".zip": true, ".eml": true, ".msg": true, ".ics": true, ".vcf": true,
	// Design files of a flyer or poster: kept, not previewed.
	".svg": true, ".psd": true, ".ai": true, ".eps": true, ".indd": true, ".idml": true,
}

// mediaExts are names that promise a picture or video: such a file whose
// content is none of ours is damaged, not merely unsupported.
var mediaExts = map[string]bool{
	".jpg": true, ".jpeg": true, ".jpe": true, ".png": true, ".gif": true, ".webp": true,
	".heic": true, ".heif": true, ".hif": true, ".tif": true, ".tiff": true,
	".mp4": true, ".m4v": true, ".mov": true, ".qt": true, ".pdf": true,
}

// Sniff recognises a file by its first bytes: a PNG named .jpg is a PNG.
// name is used only for documents that have no signature of ours (office
// files) and to tell a damaged picture from an unsupported file. It returns
// ErrEmpty for a zero-byte file, ErrDamaged for a picture or video name
// over unrecognisable content and ErrUnsupported for the rest.
func Sniff(r io.ReaderAt, size int64, name string) (Kind, Format, error) {
	if size <= 0 {
		return "", "", ErrEmpty
	}
	head := (&reader{r: r, size: size}).upTo(0, 128)
	if len(head) == 0 {
		return "", "", fmt.Errorf("read first bytes: %w", ErrDamaged)
	}
	if k, f := sniffBytes(head); f != "" {
		return k, f, nil
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case mediaExts[ext]:
		return "", "", fmt.Errorf("content does not match %s: %w", ext, ErrDamaged)
	case documentExts[ext]:
		return KindDocument, FormatOther, nil
	}
	return "", "", ErrUnsupported
}

// sniffBytes recognises the signatures of the formats we read.
func sniffBytes(b []byte) (Kind, Format) {
	switch {
	case len(b) >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF:
		return KindImage, FormatJPEG
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return KindImage, FormatPNG
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return KindImage, FormatGIF
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return KindImage, FormatWebP
	case bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return KindImage, FormatTIFF
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return KindDocument, FormatPDF
	}
	if len(b) >= 12 && string(b[4:8]) == "ftyp" {
		return sniffFtyp(b)
	}
	// Old QuickTime files start with a moov, mdat, wide or free atom
	// instead of ftyp.
	if len(b) >= 8 {
		switch string(b[4:8]) {
		case "moov", "mdat", "wide", "free", "skip", "pnot":
			return KindVideo, FormatMOV
		}
	}
	return "", ""
}

// sniffFtyp tells HEIC, MP4 and MOV apart by the ftyp box's brands.
func sniffFtyp(b []byte) (Kind, Format) {
	n := int(binary.BigEndian.Uint32(b[:4]))
	if n < 16 || n > len(b) {
		n = len(b) // the brands we see are enough to decide
	}
	brands := []string{string(b[8:12])}
	for i := 16; i+4 <= n; i += 4 {
		brands = append(brands, string(b[i:i+4]))
	}
	var heif, avif bool
	for _, br := range brands {
		switch br {
		case "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs":
			return KindImage, FormatHEIC
		case "mif1", "msf1":
			heif = true
		case "avif", "avis":
			avif = true
		}
	}
	if avif {
		return "", "" // AVIF: no decoder served; not ours yet
	}
	if heif {
		return KindImage, FormatHEIC
	}
	switch brands[0] {
	case "qt  ":
		return KindVideo, FormatMOV
	case "crx ", "jp2 ", "jpm ", "jpx ":
		return "", "" // Canon raw, JPEG 2000
	case "M4A ", "M4B ", "M4P ", "F4A ", "F4B ":
		return "", "" // audio only
	}
	return KindVideo, FormatMP4
}
