package mediainfo

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// XMP namespaces of the properties read (see REFERENCE.md, "XMP").
const (
	nsDC        = "http://purl.org/dc/elements/1.1/"
	nsPhotoshop = "http://ns.adobe.com/photoshop/1.0/"
	nsRights    = "http://ns.adobe.com/xap/1.0/rights/"
	nsIptcCore  = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
	nsEXIF      = "http://ns.adobe.com/exif/1.0/"
	nsXMP       = "http://ns.adobe.com/xap/1.0/"
	nsRDF       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsXML       = "http://www.w3.org/XML/1998/namespace"
)

// texts are the descriptive fields from one source (XMP, IPTC, EXIF);
// Read merges them, XMP first.
type texts struct {
	title, description, rights, usage, alt, credit string
	creators, tags                                 []string
	date                                           string
	gps                                            bool
}

// xmpProps maps the properties read to their slot.
var xmpProps = map[xml.Name]string{
	{Space: nsDC, Local: "title"}:                      "title",
	{Space: nsDC, Local: "description"}:                "description",
	{Space: nsDC, Local: "creator"}:                    "creator",
	{Space: nsDC, Local: "rights"}:                     "rights",
	{Space: nsDC, Local: "subject"}:                    "subject",
	{Space: nsPhotoshop, Local: "Credit"}:              "credit",
	{Space: nsPhotoshop, Local: "DateCreated"}:         "date",
	{Space: nsXMP, Local: "CreateDate"}:                "date2",
	{Space: nsEXIF, Local: "DateTimeOriginal"}:         "date0",
	{Space: nsEXIF, Local: "GPSLatitude"}:              "gps",
	{Space: nsRights, Local: "UsageTerms"}:             "usage",
	{Space: nsIptcCore, Local: "AltTextAccessibility"}: "alt",
}

// value is one rdf:li (or a simple value) with its xml:lang.
type value struct{ lang, text string }

// xmpWalk collects property values while the tokens of a packet pass.
type xmpWalk struct {
	vals  map[string][]value
	prop  string // slot of the property element we are in
	depth int    // nesting inside it
	lang  string
	buf   strings.Builder
	inLi  bool
	liSaw bool // the property had list items
}

func (w *xmpWalk) start(t xml.StartElement) {
	if w.prop == "" {
		// Simple values may be attributes of rdf:Description.
		for _, a := range t.Attr {
			if slot, ok := xmpProps[a.Name]; ok {
				w.vals[slot] = append(w.vals[slot], value{text: a.Value})
			}
		}
		if slot, ok := xmpProps[t.Name]; ok {
			w.prop, w.depth, w.liSaw, w.lang = slot, 0, false, attrLang(t.Attr)
			w.buf.Reset()
		}
		return
	}
	w.depth++
	if t.Name.Space == nsRDF && t.Name.Local == "li" {
		w.inLi, w.liSaw = true, true
		w.lang = attrLang(t.Attr)
		w.buf.Reset()
	}
}

func (w *xmpWalk) end(t xml.EndElement) {
	if w.prop == "" {
		return
	}
	if w.inLi && t.Name.Space == nsRDF && t.Name.Local == "li" {
		w.vals[w.prop] = append(w.vals[w.prop], value{lang: w.lang, text: w.buf.String()})
		w.inLi = false
		w.buf.Reset()
	}
	if w.depth > 0 {
		w.depth--
		return
	}
	if !w.liSaw { // a simple element: its text is the value
		w.vals[w.prop] = append(w.vals[w.prop], value{lang: w.lang, text: w.buf.String()})
	}
	w.prop = ""
}

// maxXMPTokens bounds the XML tokens read from one packet; a camera's
// packet has a few hundred.
const maxXMPTokens = 200_000

// parseXMP reads the properties of an XMP packet with encoding/xml's
// tokenizer: values may be attributes of rdf:Description, simple
// elements, or rdf:Alt/Seq/Bag lists. A broken packet keeps what came
// before the damage and returns a warning.
func parseXMP(packet []byte) (texts, error) {
	d := xml.NewDecoder(bytes.NewReader(packet))
	d.Strict = false
	w := xmpWalk{vals: map[string][]value{}}
	var err error
	for range maxXMPTokens {
		var tok xml.Token
		if tok, err = d.Token(); err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.start(t)
		case xml.CharData:
			if w.prop != "" && w.buf.Len() < maxString {
				w.buf.Write(t)
			}
		case xml.EndElement:
			w.end(t)
		}
	}
	vals := w.vals
	var x texts
	x.title = pickLang(vals["title"])
	x.description = pickLang(vals["description"])
	x.rights = pickLang(vals["rights"])
	x.usage = pickLang(vals["usage"])
	x.alt = pickLang(vals["alt"])
	x.credit = pickLang(vals["credit"])
	x.creators = list(vals["creator"])
	x.tags = list(vals["subject"])
	for _, slot := range []string{"date0", "date", "date2"} {
		if s := pickLang(vals[slot]); s != "" {
			x.date = s
			break
		}
	}
	x.gps = pickLang(vals["gps"]) != ""
	if err != nil && !errors.Is(err, io.EOF) {
		return x, fmt.Errorf("XMP: %v: %w", err, ErrBadMetadata)
	}
	return x, nil
}

func attrLang(attrs []xml.Attr) string {
	for _, a := range attrs {
		if a.Name.Local == "lang" && (a.Name.Space == nsXML || a.Name.Space == "xml") {
			return a.Value
		}
	}
	return ""
}

// pickLang chooses from a language alternative: x-default, else German,
// else the first.
func pickLang(vs []value) string {
	best := -1
	for i, v := range vs {
		if cleanText([]byte(v.text)) == "" {
			continue
		}
		switch {
		case v.lang == "x-default":
			return cleanText([]byte(v.text))
		case best < 0, strings.HasPrefix(strings.ToLower(v.lang), "de") && !strings.HasPrefix(strings.ToLower(vs[best].lang), "de"):
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return cleanText([]byte(vs[best].text))
}

// list returns the non-empty, distinct values of a Seq or Bag.
func list(vs []value) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vs {
		s := cleanText([]byte(v.text))
		if s != "" && !seen[s] && len(out) < 200 {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// parseXMPDate reads the ISO 8601 forms XMP uses; zone reports whether an
// offset was given.
func parseXMPDate(s string) (t time.Time, zone, ok bool) {
	s = strings.TrimSpace(s)
	// The second form without a colon in the offset is Apple's
	// com.apple.quicktime.creationdate.
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05-0700", "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true, true
		}
	}
	for _, l := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
			return t, false, true
		}
	}
	return time.Time{}, false, false
}

// applyTexts merges descriptive fields: the first source that has a field
// wins (XMP, then IPTC, then EXIF).
func applyTexts(info *Info, now time.Time, sources ...texts) {
	first := func(get func(texts) string) string {
		for _, s := range sources {
			if v := get(s); v != "" {
				return v
			}
		}
		return ""
	}
	info.Description = first(func(s texts) string { return s.description })
	info.Title = first(func(s texts) string { return s.title })
	if info.Title == "" {
		info.Title = info.Description
	}
	info.Rights = first(func(s texts) string { return s.rights })
	info.UsageTerms = first(func(s texts) string { return s.usage })
	info.AltText = first(func(s texts) string { return s.alt })
	info.Creator = first(func(s texts) string { return strings.Join(s.creators, ", ") })
	info.Credit = first(func(s texts) string { return s.credit })
	if info.Credit == "" {
		info.Credit = info.Creator
	}
	for _, s := range sources {
		if len(s.tags) > 0 {
			info.Tags = s.tags
			break
		}
	}
	for _, s := range sources {
		info.HasGPS = info.HasGPS || s.gps
	}
	if info.DateFrom != DateNone {
		return
	}
	for _, s := range sources {
		if s.date == "" {
			continue
		}
		t, zone, ok := parseXMPDate(s.date)
		switch {
		case !ok:
			info.warn(fmt.Errorf("XMP date %q: %w", s.date, ErrBadMetadata))
		case !plausible(t, now):
			info.warn(fmt.Errorf("XMP date %s: %w", s.date, ErrImplausibleDate))
		default:
			info.Taken, info.TakenZone, info.DateFrom = t, zone, DateXMP
			return
		}
	}
}
