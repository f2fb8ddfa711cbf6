// Package exchange writes the Redaktionsplan out of the workspace in the
// forms an office already uses: iCalendar for Outlook and Thunderbird, CSV
// for German Excel and a printable PDF plan for the head of unit to sign
// off. The files are written in German, like the change log, because the
// office that reads them is German; error messages are English sentences
// that double as translation keys (see data.InvalidError).
//
// The PDF is set in Noto Sans (feedtakt/assets/fonts, the typeface of the
// screens), which is embedded and covers Latin, Greek and Cyrillic but has
// no emoji: characters they lack are left out
// of the PDF (and counted in Summary.DroppedChars) instead of being printed
// as empty boxes; in the posts' texts of a plan with texts (Request.Texts)
// a grey "[Emoji]" stands in their place, so that the wording signed off
// does not silently lose them. iCalendar and CSV keep every character.
//
// The package reads through the Workspace's methods and never writes to
// the workspace, so it works on a workspace opened read-only.
package exchange

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

// The export formats.
const (
	FormatICS = "ics"
	FormatCSV = "csv"
	FormatPDF = "pdf"
)

// Formats lists the export formats in the order a selection shows them.
func Formats() []string { return []string{FormatICS, FormatCSV, FormatPDF} }

// MaxPDFDays is the longest period a PDF plan covers. Two years of posts
// is already a thick printout; a longer one is almost certainly a typo in
// a year and would tie up the PC for nothing.
const MaxPDFDays = 731

// Request says what to export.
type Request struct {
	Format   string        // FormatICS, FormatCSV or FormatPDF
	From, To calendar.Date // both inclusive
	// Now is the moment of the export: DTSTAMP in iCalendar, "Gedruckt am"
	// in the PDF. The zero time means time.Now().
	Now time.Time
	// Texts adds to a PDF plan, below each post's row, its final text per
	// channel (placeholders filled as they go out), the Bildbeschreibung
	// of its pictures and a small picture, so that the wording can be
	// signed off too. Only for FormatPDF.
	Texts bool
}

// Summary tells what an export wrote, for the message after it.
type Summary struct {
	// Posts is the number of posts in the file.
	Posts int
	// LeftOut is the number of discarded (Verworfen) posts in the period
	// that the file leaves out (iCalendar and PDF; CSV keeps them).
	LeftOut int
	// DroppedChars counts characters the PDF font cannot show (emoji,
	// rare scripts) and that were left out of the PDF (or, in the texts,
	// marked "[Emoji]") instead of printing empty boxes.
	DroppedChars int
}

// Validate checks the request without touching a workspace, so a screen
// can refuse a bad period before asking where to save.
func (r Request) Validate() error {
	switch r.Format {
	case FormatICS, FormatCSV, FormatPDF:
	default:
		return &data.InvalidError{Field: "format", Message: "Unknown export format; choose ics, csv or pdf."}
	}
	if !r.From.Valid() || !r.To.Valid() {
		return &data.InvalidError{Field: "from", Message: "Please choose a valid start and end date."}
	}
	if r.From.After(r.To) {
		return &data.InvalidError{Field: "to", Message: "The start of the period lies after its end."}
	}
	if r.Texts && r.Format != FormatPDF {
		return &data.InvalidError{Field: "texts", Message: "Texts and pictures can only be added to a PDF plan; please choose the PDF format."}
	}
	if r.Format == FormatPDF && r.To.Sub(r.From)+1 > MaxPDFDays {
		return &data.InvalidError{Field: "to", Message: "A PDF plan covers at most two years; please choose a shorter period."}
	}
	return nil
}

// Export writes the posts from..to (both inclusive) of ws to w in format
// "ics", "csv" or "pdf". See Request.Export.
func Export(ctx context.Context, ws *data.Workspace, format string, from, to calendar.Date, w io.Writer) error {
	_, err := Request{Format: format, From: from, To: to}.Export(ctx, ws, w)
	return err
}

// Export validates r, reads the posts of the period with their channels
// and topics, and writes them to w. An empty period gives a valid file:
// a calendar without events, a CSV with its header row, a PDF that says
// there are no posts. Discarded posts are left out of iCalendar and PDF
// and kept, with their status, in CSV. Nothing is written to w when the
// request is invalid or the workspace cannot be read; a write error or a
// cancelled ctx can leave w with part of the file, so write to an
// fsx.Create file and Commit only on success.
func (r Request) Export(ctx context.Context, ws *data.Workspace, w io.Writer) (Summary, error) {
	if err := r.Validate(); err != nil {
		return Summary{}, err
	}
	if r.Now.IsZero() {
		r.Now = time.Now()
	}
	p, err := load(ctx, ws, r)
	if err != nil {
		return Summary{}, err
	}
	switch r.Format {
	case FormatICS:
		return writeICS(ctx, w, p)
	case FormatCSV:
		return writeCSV(ctx, w, p)
	default:
		return writePDF(ctx, w, p)
	}
}

// ErrWriteFile marks a failure to write the export file itself (folder
// missing or read-only, disk full), as opposed to reading the workspace.
var ErrWriteFile = errors.New("export file could not be written")

// ExportFile writes the export to the file at path, for the app and the
// command line alike: it goes to path+".part", is synced and renamed over
// path only when complete (fsx.Create), so an existing file at path stays
// whole when the export fails, is cancelled or the request is invalid.
// A failure of the file itself wraps ErrWriteFile.
func (r Request) ExportFile(ctx context.Context, ws *data.Workspace, path string) (Summary, error) {
	if err := r.Validate(); err != nil {
		return Summary{}, err // before any file is touched
	}
	f, err := fsx.Create(path)
	if err != nil {
		return Summary{}, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	defer f.Abort()
	fw := &fileWriter{w: f}
	sum, err := r.Export(ctx, ws, fw)
	if err != nil {
		if fw.err != nil {
			return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
		}
		return sum, err
	}
	if err := f.Commit(); err != nil {
		return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	return sum, nil
}

// fileWriter remembers whether writing the file failed, to tell a full
// disk from a workspace that could not be read.
type fileWriter struct {
	w   io.Writer
	err error
}

func (fw *fileWriter) Write(p []byte) (int, error) {
	n, err := fw.w.Write(p)
	if err != nil && fw.err == nil {
		fw.err = err
	}
	return n, err
}

// FormatFromName returns the format that a file name's extension asks
// for ("plan.PDF" → "pdf"), or "" for another extension.
func FormatFromName(name string) string {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	for _, f := range Formats() {
		if ext == f {
			return f
		}
	}
	return ""
}

// SuggestedName is a file name for a save dialog, e.g.
// "Redaktionsplan_2026-12-01_2026-12-31.pdf"; it is valid on Windows.
func SuggestedName(format string, from, to calendar.Date) string {
	return fmt.Sprintf("Redaktionsplan_%s_%s.%s", from.ISO(), to.ISO(), format)
}

// plan is what every format writes: the posts of the period and what they
// refer to, read once.
type plan struct {
	org      string
	from, to calendar.Date
	now      time.Time
	posts    []data.Post
	channels map[int64]data.Channel
	topics   map[int64]data.Topic
	// marks are the holidays, action days, own dates and quiet periods of
	// the period's days (PDF only).
	marks map[calendar.Date][]data.DayMark
	quiet map[int64]data.QuietPeriod // by ID, for the last day of one
	// texts is set for a PDF with texts and pictures (Request.Texts).
	texts *planTexts
}

// planTexts is what the texts of a PDF plan need besides the posts.
type planTexts struct {
	rc    data.RenderContext
	media map[int64][]data.Media // by post ID, in the post's order
	dir   string                 // the workspace folder, for the pictures
}

func load(ctx context.Context, ws *data.Workspace, r Request) (*plan, error) {
	settings, err := ws.Settings(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	channels, err := ws.Channels(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	topics, err := ws.Topics(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	posts, err := ws.PostsBetween(ctx, r.From, r.To)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	p := &plan{
		org: strings.TrimSpace(settings.Organisation), from: r.From, to: r.To, now: r.Now, posts: posts,
		channels: make(map[int64]data.Channel, len(channels)), topics: make(map[int64]data.Topic, len(topics)),
	}
	for _, c := range channels {
		p.channels[c.ID] = c
	}
	for _, t := range topics {
		p.topics[t.ID] = t
	}
	if r.Format != FormatPDF {
		return p, nil
	}
	if p.marks, err = ws.DayMarks(ctx, r.From, r.To); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	quiet, err := ws.QuietPeriods(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	p.quiet = make(map[int64]data.QuietPeriod, len(quiet))
	for _, q := range quiet {
		p.quiet[q.ID] = q
	}
	if r.Texts {
		if p.texts, err = loadTexts(ctx, ws, posts); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	}
	return p, nil
}

// loadTexts reads what the texts of a PDF plan need: how to render the
// final texts and each shown post's pictures.
func loadTexts(ctx context.Context, ws *data.Workspace, posts []data.Post) (*planTexts, error) {
	rc, err := ws.RenderContext(ctx)
	if err != nil {
		return nil, err
	}
	t := &planTexts{rc: rc, media: make(map[int64][]data.Media, len(posts)), dir: ws.Dir()}
	for _, p := range posts {
		if p.Status == data.StatusDiscarded {
			continue
		}
		m, err := ws.PostMedia(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		t.media[p.ID] = m
	}
	return t, nil
}

// title is the plan's name: "Redaktionsplan Stadt Musterstadt".
func (p *plan) title() string {
	if p.org == "" {
		return "Redaktionsplan"
	}
	return "Redaktionsplan " + p.org
}

// period is the range the German way: "01.12.2026 – 31.12.2026".
func (p *plan) period() string {
	if p.from == p.to {
		return p.from.String()
	}
	return p.from.String() + " – " + p.to.String()
}

// channelNames names a post's channels in display order; a channel that
// vanished between the two reads is skipped.
func (p *plan) channelNames(post data.Post) []string {
	names := make([]string, 0, len(post.Channels))
	for _, pc := range post.Channels {
		if c, ok := p.channels[pc.ChannelID]; ok {
			names = append(names, c.Name)
		}
	}
	return names
}

// topic returns the post's topic, if it has one that still exists.
func (p *plan) topic(post data.Post) (data.Topic, bool) {
	if post.TopicID == 0 {
		return data.Topic{}, false
	}
	t, ok := p.topics[post.TopicID]
	return t, ok
}

// statusName is the status as the exported files name them: the German
// words of the UI, from the one list in package data.
func statusName(s data.Status) string { return s.German() }

// weekdayShort are the German two-letter weekday names, Sunday first as
// in time.Weekday.
var weekdayShort = [...]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}

// berlin is the zone exports are written in: the zone of every German
// authority, also on a PC set to another zone.
func berlin() *time.Location { return calendar.GermanZone() }
