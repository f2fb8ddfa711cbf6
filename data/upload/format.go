// Package upload makes the copies of a picture that a person uploads by
// hand in a platform's own tool ("Für Kanal vorbereiten …"): the target
// formats (sizes and limits of Instagram, LinkedIn, Bluesky …, kept as
// editable data with their source), the crop arithmetic, and safe file
// names and the atomic write in the workspace's upload folder. The JPEG
// itself is made by data/upload/render.
//
// It knows nothing of the database or of Fyne; data stores the formats in
// the workspace settings and the app draws the crop frame.
package upload

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Fit says how a format treats the shape of the picture.
type Fit string

// The two kinds of format.
const (
	// FitCrop gives exactly Width×Height pixels; the picture is cropped to
	// that ratio first (the person moves the frame).
	FitCrop Fit = "crop"
	// FitLimit keeps the picture's shape (no crop) and only scales it down
	// until its long side is at most LongSide and its pixel count at most
	// MaxPixels.
	FitLimit Fit = "limit"
)

// Format is one target of an upload copy, e.g. Instagram 4:5 at 1080×1350.
// Platforms change their sizes, so formats are data the person can correct;
// Source and Checked say where a value comes from and when it was read.
type Format struct {
	ID       string `json:"id"`       // stable key, e.g. "instagram-4x5"; made from Name when empty
	Name     string `json:"name"`     // shown in the choice and used in the file name, e.g. "Instagram 4:5"
	Platform string `json:"platform"` // the channel platform it belongs to (data.Platform value), "" = any
	Fit      Fit    `json:"fit"`
	Width    int    `json:"width,omitempty"`  // FitCrop: output width in pixels
	Height   int    `json:"height,omitempty"` // FitCrop: output height in pixels
	LongSide int    `json:"longSide,omitempty"`
	// MaxPixels caps width × height for FitLimit (Mastodon's 8,294,400);
	// 0 = no cap besides LongSide.
	MaxPixels int64 `json:"maxPixels,omitempty"`
	// MaxBytes caps the file size (Bluesky's 1,000,000 bytes); the quality
	// is lowered step by step until the file fits. 0 = no cap.
	MaxBytes int64  `json:"maxBytes,omitempty"`
	Source   string `json:"source,omitempty"`
	Checked  string `json:"checked,omitempty"` // when the source was read, e.g. "2026-11"
}

// Limits of a format's values: anything outside is a typing error, not a
// platform's rule.
const (
	MinSide     = 16
	MaxSide     = 8192
	MaxRatio    = 4.0 // a fixed format may be at most 4:1 or 1:4
	MinMaxBytes = 20_000
	MaxName     = 60
	MaxSource   = 500
)

// Problem is a rule a format breaks: Message is an English sentence that
// doubles as the translation key, Args fills its {{.Name}} fields, Field
// names the value. data turns it into its InvalidError.
type Problem struct {
	Field   string
	Message string
	Args    map[string]any
}

func (p *Problem) Error() string { return p.Field + ": " + p.Message }

// Check tidies f (trimmed texts, an ID made from the name when empty) and
// reports the first rule it breaks, or nil.
func (f *Format) Check() *Problem {
	f.Name = strings.TrimSpace(f.Name)
	f.Source = strings.TrimSpace(f.Source)
	f.Checked = strings.TrimSpace(f.Checked)
	f.ID = strings.TrimSpace(f.ID)
	if f.Name == "" {
		return &Problem{Field: "name", Message: "Please give the format a name."}
	}
	if utf8.RuneCountInString(f.Name) > MaxName || strings.ContainsAny(f.Name, "\x00\r\n\t") {
		return &Problem{Field: "name", Message: "The name of a format may have at most {{.Max}} characters on one line.", Args: map[string]any{"Max": MaxName}}
	}
	if utf8.RuneCountInString(f.Source) > MaxSource {
		return &Problem{Field: "source", Message: "The source may have at most {{.Max}} characters.", Args: map[string]any{"Max": MaxSource}}
	}
	if f.ID == "" {
		f.ID = Slug(f.Name)
	}
	switch f.Fit {
	case FitCrop:
		if f.Width < MinSide || f.Height < MinSide || f.Width > MaxSide || f.Height > MaxSide {
			return &Problem{Field: "size", Message: "Width and height must be between {{.Min}} and {{.Max}} pixels.", Args: map[string]any{"Min": MinSide, "Max": MaxSide}}
		}
		r := float64(f.Width) / float64(f.Height)
		if r > MaxRatio || r < 1/MaxRatio {
			return &Problem{Field: "size", Message: "A format may be at most four times as wide as high or the other way round."}
		}
		f.LongSide, f.MaxPixels = 0, 0
	case FitLimit:
		if f.LongSide < MinSide || f.LongSide > MaxSide {
			return &Problem{Field: "longSide", Message: "The long side must be between {{.Min}} and {{.Max}} pixels.", Args: map[string]any{"Min": MinSide, "Max": MaxSide}}
		}
		if f.MaxPixels != 0 && (f.MaxPixels < MinSide*MinSide || f.MaxPixels > int64(MaxSide)*MaxSide) {
			return &Problem{Field: "maxPixels", Message: "The pixel limit must be empty or between {{.Min}} and {{.Max}}.", Args: map[string]any{"Min": MinSide * MinSide, "Max": int64(MaxSide) * MaxSide}}
		}
		f.Width, f.Height = 0, 0
	default:
		return &Problem{Field: "fit", Message: "Please choose whether the format crops or only limits the size."}
	}
	if f.MaxBytes < 0 || (f.MaxBytes != 0 && f.MaxBytes < MinMaxBytes) {
		return &Problem{Field: "maxBytes", Message: "The file size limit must be empty or at least {{.Min}} bytes.", Args: map[string]any{"Min": MinMaxBytes}}
	}
	return nil
}

// CheckAll checks every format and that no two share a name; an ID two
// formats share is made unique.
func CheckAll(fs []Format) *Problem {
	ids := map[string]bool{}
	names := map[string]bool{}
	for i := range fs {
		if p := fs[i].Check(); p != nil {
			return p
		}
		if names[strings.ToLower(fs[i].Name)] {
			return &Problem{Field: "name", Message: "There is already a format named “{{.Name}}”.", Args: map[string]any{"Name": fs[i].Name}}
		}
		// Two names can give one slug ("4:5" and "4x5"): number the later.
		for n, base := 2, fs[i].ID; ids[fs[i].ID]; n++ {
			fs[i].ID = base + "-" + strconv.Itoa(n)
		}
		ids[fs[i].ID] = true
		names[strings.ToLower(fs[i].Name)] = true
	}
	return nil
}

// Ratio returns width:height of a fixed format, 0 for a limit.
func (f Format) Ratio() float64 {
	if f.Fit != FitCrop || f.Height == 0 {
		return 0
	}
	return float64(f.Width) / float64(f.Height)
}

// Describe returns the size in figures, e.g. "1080 × 1350" or "≤ 2000 px".
// It is for lists; the words around it come from the UI.
func (f Format) Describe() string {
	if f.Fit == FitCrop {
		return fmt.Sprintf("%d × %d", f.Width, f.Height)
	}
	return fmt.Sprintf("≤ %d px", f.LongSide)
}

// Slug makes an ID from a name: lower-case ASCII letters and digits joined
// by '-'.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == 'ä':
			b.WriteString("ae")
		case r == 'ö':
			b.WriteString("oe")
		case r == 'ü':
			b.WriteString("ue")
		case r == 'ß':
			b.WriteString("ss")
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "format"
	}
	return b.String()
}

// Sources of the default formats, as read in late 2026. They are English
// sentences that double as translation keys (the UI shows them through
// its translations; a source she types herself is shown as typed). Where
// sources disagree the stricter value is the default and the text says so.
const (
	srcInstagram = "Instagram/Meta help: feed pictures from 4:5 to 1.91:1 at 1080 px width, 1080×1350 portrait; Stories and Reels 9:16"
	srcFacebook  = "Meta's recommendation for link and landscape pictures, about 1.91:1 (1200×630); not from a checked source, please check"
	srcLinkedIn  = "LinkedIn: 1200×627 (platform documentation)"
	srcX         = "X shows single pictures at 16:9 in the timeline; 1600×900 is the usual upload size; not from a checked source, please check"
	srcMastodon  = "Mastodon source code (app/models/media_attachment.rb, 4.x): originals at most 8,294,400 pixels (3840×2160), 16 MB per picture; instances may set other limits"
	srcBluesky   = "atproto lexicon app.bsky.embed.images: 1,000,000 bytes per picture; long side 2000 px as the app scales. Newer reports name 2 MB / 4000 px in the app; the stricter value is kept"
	checked      = "2026-11"
)

// DefaultSource reports whether s is the source text of a default format
// (and so a translation key).
func DefaultSource(s string) bool {
	switch s {
	case srcInstagram, srcFacebook, srcLinkedIn, srcX, srcMastodon, srcBluesky:
		return true
	}
	return false
}

// Defaults returns the formats a new workspace starts with.
func Defaults() []Format {
	return []Format{
		{ID: "instagram-4x5", Name: "Instagram 4:5", Platform: "instagram", Fit: FitCrop, Width: 1080, Height: 1350, Source: srcInstagram, Checked: checked},
		{ID: "instagram-1x1", Name: "Instagram 1:1", Platform: "instagram", Fit: FitCrop, Width: 1080, Height: 1080, Source: srcInstagram, Checked: checked},
		{ID: "instagram-9x16", Name: "Instagram 9:16 Story, Reel", Platform: "instagram", Fit: FitCrop, Width: 1080, Height: 1920, Source: srcInstagram, Checked: checked},
		{ID: "instagram-1-91x1", Name: "Instagram 1.91:1", Platform: "instagram", Fit: FitCrop, Width: 1080, Height: 566, Source: srcInstagram, Checked: checked},
		{ID: "facebook-landscape", Name: "Facebook 1.91:1", Platform: "facebook", Fit: FitCrop, Width: 1200, Height: 630, Source: srcFacebook, Checked: checked},
		{ID: "linkedin-landscape", Name: "LinkedIn 1.91:1", Platform: "linkedin", Fit: FitCrop, Width: 1200, Height: 627, Source: srcLinkedIn, Checked: checked},
		{ID: "x-16x9", Name: "X 16:9", Platform: "x", Fit: FitCrop, Width: 1600, Height: 900, Source: srcX, Checked: checked},
		{ID: "mastodon", Name: "Mastodon", Platform: "mastodon", Fit: FitLimit, LongSide: 3840, MaxPixels: 8_294_400, MaxBytes: 16_000_000, Source: srcMastodon, Checked: checked},
		{ID: "bluesky", Name: "Bluesky", Platform: "bluesky", Fit: FitLimit, LongSide: 2000, MaxBytes: 1_000_000, Source: srcBluesky, Checked: checked},
	}
}
