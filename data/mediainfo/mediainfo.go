// Package mediainfo recognises the files of the Mediathek by their content
// and reads what the library shows and the importer stores — kind, pixel
// size, Aufnahmedatum, orientation, camera, GPS presence, the embedded EXIF
// thumbnail, XMP/IPTC texts, a video's duration and a PDF's page count —
// from headers and containers only. Nothing is decoded, nothing is read
// whole: every length taken from a file is checked against the file's size
// and a fixed cap before it is used, so a hostile or broken file costs at
// most a few hundred kilobytes and never panics.
//
// The package knows no database and no UI. Its errors are sentinels whose
// texts are English keys the UI words in German.
package mediainfo

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Sentinel errors. The importer maps them to a sentence per file with
// Key (data.Explain does that for the UI).
var (
	// ErrEmpty means the file has no content at all (zero bytes).
	ErrEmpty = errors.New("file is empty")
	// ErrUnsupported means the content is of a type the Mediathek does not
	// keep (neither picture, video nor a known document). Skipping such a
	// file is not a failure.
	ErrUnsupported = errors.New("file type not supported")
	// ErrDamaged means the content claims a known format but its header
	// cannot be read (truncated before the picture size, broken boxes,
	// garbage under a picture's name).
	ErrDamaged = errors.New("file is damaged")
	// ErrTooLarge means the picture declares more pixels than the
	// Mediathek decodes (MaxPixels) or the file is absurdly large for its
	// kind (MaxImageFileSize); it is refused before anything is decoded.
	ErrTooLarge = errors.New("picture is too large")
	// ErrTruncated is a warning (Info.Warnings): the file ends before its
	// end marker, so the header was readable but the picture is likely
	// cut off.
	ErrTruncated = errors.New("file is truncated")
	// ErrBadMetadata is a warning: the embedded metadata (EXIF, XMP, IPTC)
	// is broken; what could be read was kept.
	ErrBadMetadata = errors.New("embedded metadata is damaged")
	// ErrImplausibleDate is a warning: the recorded Aufnahmedatum lies in
	// the future or before photography; it was ignored.
	ErrImplausibleDate = errors.New("recorded date is implausible")
)

// keys are the English sentences the UI translates, one per sentinel, in
// the order they are checked (the first match wins).
var keys = []struct {
	err error
	key string
}{
	{ErrEmpty, "The file is empty."},
	{ErrTooLarge, "The picture has more than 100 megapixels and is not processed."},
	{ErrDamaged, "The file is damaged and cannot be read."},
	{ErrUnsupported, "This file type is not supported."},
	{ErrTruncated, "The file is incomplete; its end is missing."},
	{ErrImplausibleDate, "The recorded date of the picture is implausible and was ignored."},
	{ErrBadMetadata, "The file's embedded details (EXIF, XMP) are damaged; what could be read was kept."},
}

// Key returns the English sentence (a translation key) for an error or
// warning of this package, or "" for other errors (a file that cannot be
// opened, a disk error), which the caller words itself.
func Key(err error) string {
	for _, k := range keys {
		if errors.Is(err, k.err) {
			return k.key
		}
	}
	return ""
}

// Limits that keep a hostile file from costing memory or time.
const (
	// MaxPixels is the largest picture (width × height) the Mediathek
	// accepts: 100 megapixels, about 400 MB once decoded.
	MaxPixels = 100_000_000
	// MaxImageFileSize caps the size of a picture file; no camera or
	// phone writes a 12 GB JPEG, and the thumbnailer would read it whole.
	MaxImageFileSize = 2 << 30
	// maxMetaBytes caps a single metadata block (EXIF, XMP, IPTC, a box
	// read whole) read into memory.
	maxMetaBytes = 4 << 20
	// maxThumbBytes caps the embedded EXIF thumbnail.
	maxThumbBytes = 1 << 20
)

// Kind is the media table's kind of an item.
type Kind string

// The kinds of the media table.
const (
	KindImage    Kind = "image"
	KindVideo    Kind = "video"
	KindDocument Kind = "document"
)

// Format is the recognised file format.
type Format string

// The formats recognised by content; FormatOther is a document recognised
// by its extension only.
const (
	FormatJPEG  Format = "jpeg"
	FormatPNG   Format = "png"
	FormatGIF   Format = "gif"
	FormatWebP  Format = "webp"
	FormatHEIC  Format = "heic"
	FormatTIFF  Format = "tiff"
	FormatMP4   Format = "mp4"
	FormatMOV   Format = "mov"
	FormatPDF   Format = "pdf"
	FormatOther Format = "other"
)

// Ext is the usual file extension of the format (with dot), so an item
// stored by content gets the extension its content has rather than the one
// it was named with; FormatOther returns "".
func (f Format) Ext() string {
	switch f {
	case FormatJPEG:
		return ".jpg"
	case FormatOther, "":
		return ""
	case FormatMP4:
		return ".mp4"
	}
	return "." + string(f)
}

// DateSource says where Info.Taken came from.
type DateSource string

// The sources of the Aufnahmedatum.
const (
	// DateNone: the file records no (plausible) date; the caller uses the
	// file's modification time (see Info.Date).
	DateNone DateSource = ""
	// DateEXIF: EXIF DateTimeOriginal (or DateTimeDigitized).
	DateEXIF DateSource = "exif"
	// DateXMP: XMP photoshop:DateCreated / xmp:CreateDate / exif:DateTimeOriginal.
	DateXMP DateSource = "xmp"
	// DateContainer: a video's creation time: the phone's own date with
	// its offset (com.apple.quicktime.creationdate) or mvhd's UTC time.
	DateContainer DateSource = "container"
	// DateFile: the file's modification time, given by the caller.
	DateFile DateSource = "file"
)

// Section is a byte range of the file, such as the embedded thumbnail.
type Section struct {
	Offset, Length int64
}

// Info is what Read finds in a file. Zero values mean "not recorded".
type Info struct {
	Kind   Kind
	Format Format
	Size   int64 // bytes

	// Width and Height are the pixel size the standard decoder returns
	// (JPEG: the frame; HEIC: after its own rotation; video: the track's
	// display size before Orientation). Zero when unknown.
	Width, Height int
	// Orientation is the EXIF orientation 1–8 still to apply after
	// decoding (1 = as stored). HEIC's decoder applies its own rotation,
	// so it is 1 there; for a video it is derived from the track matrix.
	Orientation int

	// Taken is the Aufnahmedatum. With TakenZone it is an instant with its
	// recorded offset; without, it is the camera's wall clock, held in
	// time.UTC only as a carrier (the zone is unknown — show it as it is).
	Taken     time.Time
	TakenZone bool
	DateFrom  DateSource

	CameraMake, CameraModel string
	// HasGPS reports that the file records a position (EXIF GPS latitude
	// and longitude, XMP exif:GPSLatitude, a video's Apple location key or
	// ©xyz atom). The coordinates are not read.
	HasGPS bool
	// Thumbnail is the embedded EXIF JPEG thumbnail (JPEG, PNG, WebP) as
	// an absolute byte range; zero Length when there is none. Read it with
	// ReadThumbnail.
	Thumbnail Section

	// From XMP, else IPTC-IIM, else EXIF (Artist, Copyright).
	Title       string   // dc:title, else dc:description
	Description string   // dc:description
	Creator     string   // dc:creator, several joined by ", "
	Credit      string   // photoshop:Credit, else Creator
	Rights      string   // dc:rights
	UsageTerms  string   // xmpRights:UsageTerms
	AltText     string   // Iptc4xmpCore:AltTextAccessibility
	Tags        []string // dc:subject

	// Duration of a video.
	Duration time.Duration
	// Pages of a PDF; 0 when it could not be counted (encrypted object
	// streams, damaged cross-references).
	Pages int

	// Warnings are non-fatal problems (ErrTruncated, ErrBadMetadata,
	// ErrImplausibleDate, wrapped with detail); the file is still usable.
	Warnings []error
}

// Displayed returns the pixel size as a person sees the picture, after
// Orientation (5–8 swap width and height).
func (i Info) Displayed() (w, h int) {
	if i.Orientation >= 5 && i.Orientation <= 8 {
		return i.Height, i.Width
	}
	return i.Width, i.Height
}

// Camera returns make and model as one label, without repeating the make
// when the model already starts with it ("Canon Canon EOS R6").
func (i Info) Camera() string {
	return cameraLabel(i.CameraMake, i.CameraModel)
}

// Date returns the Aufnahmedatum and its source, falling back to the
// file's modification time when the file records none.
func (i Info) Date(mtime time.Time) (time.Time, DateSource) {
	if i.DateFrom == DateNone || i.Taken.IsZero() {
		return mtime, DateFile
	}
	return i.Taken, i.DateFrom
}

// ReadThumbnail returns the embedded EXIF thumbnail's bytes (a small JPEG)
// or nil when the file has none. r is the same file Read looked at.
func ReadThumbnail(r io.ReaderAt, info Info) ([]byte, error) {
	s := info.Thumbnail
	if s.Length <= 0 {
		return nil, nil
	}
	if s.Length > maxThumbBytes || s.Offset < 0 || s.Offset+s.Length > info.Size {
		return nil, fmt.Errorf("read thumbnail: %w", ErrBadMetadata)
	}
	b := make([]byte, s.Length)
	if _, err := r.ReadAt(b, s.Offset); err != nil {
		return nil, fmt.Errorf("read thumbnail: %w", err)
	}
	return b, nil
}

// ReadFile is Read on the file at path; name for recognition is its base
// name.
func ReadFile(path string) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, fmt.Errorf("read media info: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Info{}, fmt.Errorf("read media info: %w", err)
	}
	if !st.Mode().IsRegular() {
		return Info{}, fmt.Errorf("read media info %s: %w", path, ErrUnsupported)
	}
	return Read(f, st.Size(), path)
}

// Read recognises the content of r (size bytes; name only decides among
// documents not recognised by content) and reads its facts. On an error
// that ends reading (ErrEmpty, ErrUnsupported, ErrDamaged, ErrTooLarge)
// Info still carries what was found so far (Kind, Format, pixel size), so
// the summary can say "50000 × 50000 Pixel". Problems that do not stop the
// import are in Info.Warnings.
func Read(r io.ReaderAt, size int64, name string) (Info, error) {
	kind, format, err := Sniff(r, size, name)
	info := Info{Kind: kind, Format: format, Size: size, Orientation: 1}
	if err != nil {
		return info, err
	}
	if kind == KindImage && size > MaxImageFileSize {
		return info, fmt.Errorf("%s of %d bytes: %w", format, size, ErrTooLarge)
	}
	rd := &reader{r: r, size: size}
	switch format {
	case FormatJPEG:
		err = readJPEG(rd, &info)
	case FormatPNG:
		err = readPNG(rd, &info)
	case FormatGIF:
		err = readGIF(rd, &info)
	case FormatWebP:
		err = readWebP(rd, &info)
	case FormatTIFF:
		err = readTIFF(rd, &info)
	case FormatHEIC:
		err = readHEIC(rd, &info)
	case FormatMP4, FormatMOV:
		err = readMovie(rd, &info)
	case FormatPDF:
		readPDF(rd, &info)
	}
	if err != nil {
		return info, fmt.Errorf("read %s: %w", format, err)
	}
	if kind == KindImage {
		if info.Width <= 0 || info.Height <= 0 {
			return info, fmt.Errorf("read %s: no picture size: %w", format, ErrDamaged)
		}
		if int64(info.Width)*int64(info.Height) > MaxPixels {
			return info, fmt.Errorf("%s of %d × %d pixels: %w", format, info.Width, info.Height, ErrTooLarge)
		}
	}
	return info, nil
}
