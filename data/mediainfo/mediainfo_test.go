package mediainfo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"slices"
	"testing"
	"time"
)

// testXMP carries every property the Mediathek takes from XMP, in the
// shapes writers use: attributes, Lang Alt, Seq and Bag.
const testXMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    photoshop:Credit="Stadt Musterstadt / Pressestelle">
   <dc:title><rdf:Alt><rdf:li xml:lang="en">Town hall</rdf:li><rdf:li xml:lang="x-default">Rathaus im Frühling</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Der Bürgermeister eröffnet den Markt.</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>Jana Müller</rdf:li><rdf:li>Ömer Yılmaz</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© Stadt Musterstadt</rdf:li></rdf:Alt></dc:rights>
   <dc:subject><rdf:Bag><rdf:li>Rathaus</rdf:li><rdf:li>Wochenmarkt</rdf:li><rdf:li>Rathaus</rdf:li></rdf:Bag></dc:subject>
   <xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="de">Nur für Pressezwecke</rdf:li></rdf:Alt></xmpRights:UsageTerms>
   <Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">Ein Mann schneidet ein rotes Band vor dem Rathaus.</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`

// cameraEXIF is a typical camera's EXIF: date with offset, orientation,
// make/model, GPS and a thumbnail.
func cameraEXIF(t testing.TB) []byte {
	o := binary.LittleEndian
	return exifSpec{
		order: o,
		ifd0:  []entry{ascii(tagMake, "Canon"), ascii(tagModel, "Canon EOS R6"), short(o, tagOrientation, 6), ascii(tagArtist, "EXIF Artist")},
		exif:  []entry{ascii(tagDateTimeOriginal, "2025:05:03 10:20:30"), ascii(tagOffsetOriginal, "+02:00")},
		gps:   []entry{rationals(o, tagGPSLatitude, 52, 1, 31, 1, 0, 1), rationals(o, tagGPSLongitude, 13, 1, 24, 1, 0, 1)},
		thumb: jpegFile(t, 160, 120),
	}.build()
}

func pinNow(t *testing.T) {
	t.Helper()
	old := now
	now = func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { now = old })
}

func TestReadJPEGWithEXIFAndXMP(t *testing.T) {
	pinNow(t)
	p := writeFile(t, "IMG_4711.JPG", jpegFile(t, 640, 480, app1EXIF(cameraEXIF(t)), app1XMP(testXMP)))
	info, err := ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.Warnings) > 0 {
		t.Errorf("warnings %v", info.Warnings)
	}
	want := time.Date(2025, 5, 3, 10, 20, 30, 0, time.FixedZone("", 2*3600))
	if info.Kind != KindImage || info.Format != FormatJPEG || info.Width != 640 || info.Height != 480 {
		t.Errorf("kind/format/size %s %s %d×%d", info.Kind, info.Format, info.Width, info.Height)
	}
	if !info.Taken.Equal(want) || !info.TakenZone || info.DateFrom != DateEXIF {
		t.Errorf("taken %v zone %v from %q", info.Taken, info.TakenZone, info.DateFrom)
	}
	if _, off := info.Taken.Zone(); off != 7200 {
		t.Errorf("offset %d, want +02:00 kept", off)
	}
	if w, h := info.Displayed(); info.Orientation != 6 || w != 480 || h != 640 {
		t.Errorf("orientation %d displayed %d×%d", info.Orientation, w, h)
	}
	if info.Camera() != "Canon EOS R6" || !info.HasGPS {
		t.Errorf("camera %q gps %v", info.Camera(), info.HasGPS)
	}
	checks := map[string][2]string{
		"title":       {info.Title, "Rathaus im Frühling"},
		"description": {info.Description, "Der Bürgermeister eröffnet den Markt."},
		"creator":     {info.Creator, "Jana Müller, Ömer Yılmaz"},
		"credit":      {info.Credit, "Stadt Musterstadt / Pressestelle"},
		"rights":      {info.Rights, "© Stadt Musterstadt"},
		"usage":       {info.UsageTerms, "Nur für Pressezwecke"},
		"alt":         {info.AltText, "Ein Mann schneidet ein rotes Band vor dem Rathaus."},
	}
	for k, v := range checks {
		if v[0] != v[1] {
			t.Errorf("%s = %q, want %q", k, v[0], v[1])
		}
	}
	if !slices.Equal(info.Tags, []string{"Rathaus", "Wochenmarkt"}) {
		t.Errorf("tags %q", info.Tags)
	}
	f, _ := os.Open(p)
	defer f.Close()
	thumb, err := ReadThumbnail(f, info)
	if err != nil || !bytes.HasPrefix(thumb, []byte{0xFF, 0xD8, 0xFF}) || len(thumb) != int(info.Thumbnail.Length) {
		t.Errorf("thumbnail %d bytes, %v", len(thumb), err)
	}
}

// A date without OffsetTimeOriginal is the camera's wall clock: kept as
// read, flagged as zone-less.
func TestReadEXIFDateWithoutOffset(t *testing.T) {
	pinNow(t)
	ex := exifSpec{exif: []entry{ascii(tagDateTimeOriginal, "2024:12:24 18:00:00")}}.build()
	info, err := Read(bytes.NewReader(jpegFile(t, 64, 48, app1EXIF(ex))), 0, "x.jpg")
	if !errors.Is(err, ErrEmpty) {
		t.Fatalf("size 0 must read as empty, got %v", err)
	}
	b := jpegFile(t, 64, 48, app1EXIF(ex))
	info, err = Read(bytes.NewReader(b), int64(len(b)), "x.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if info.TakenZone || info.Taken != time.Date(2024, 12, 24, 18, 0, 0, 0, time.UTC) || info.DateFrom != DateEXIF {
		t.Errorf("taken %v zone %v", info.Taken, info.TakenZone)
	}
	if info.Orientation != 1 || info.HasGPS || info.Thumbnail.Length != 0 {
		t.Errorf("defaults: orientation %d gps %v thumb %v", info.Orientation, info.HasGPS, info.Thumbnail)
	}
}

func TestDateFallsBackToFileTime(t *testing.T) {
	mtime := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	b := jpegFile(t, 32, 32)
	info, err := Read(bytes.NewReader(b), int64(len(b)), "x.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if d, src := info.Date(mtime); !d.Equal(mtime) || src != DateFile {
		t.Errorf("date %v from %q", d, src)
	}
}

func TestCameraLabel(t *testing.T) {
	for _, c := range [][3]string{
		{"Canon", "Canon EOS R6", "Canon EOS R6"},
		{"NIKON CORPORATION", "NIKON D850", "NIKON D850"},
		{"Apple", "iPhone 15 Pro", "Apple iPhone 15 Pro"},
		{"", "X100V", "X100V"},
		{"FUJIFILM", "", "FUJIFILM"},
	} {
		if got := cameraLabel(c[0], c[1]); got != c[2] {
			t.Errorf("cameraLabel(%q, %q) = %q", c[0], c[1], got)
		}
	}
}
