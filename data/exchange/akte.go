package exchange

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"feedtakt/assets/fonts"
	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/thumbs"

	"github.com/go-pdf/fpdf"
	xdraw "golang.org/x/image/draw"
)

// The Akte (records export): every published post of a period as the
// office files it — a PDF with date, channels, final texts, small
// pictures, credit lines, link and who approved it when (from the change
// log), the original media files and an index for Excel. Every name and
// byte follows from the period and the workspace, so a second export of
// the same period is identical.

// Names inside an Akte folder.
const (
	AktePDF   = "Akte.pdf"
	AkteIndex = "index.csv"
	AkteMedia = "Medien"
)

// AkteSummary tells what an Akte holds.
type AkteSummary struct {
	Posts, Files, Pages int
	// MissingFiles counts media files that were not found in the workspace
	// (listed in the index with an empty file name).
	MissingFiles int
	DroppedChars int
}

// akteEntry is one published post with what the Akte prints of it.
type akteEntry struct {
	post     data.Post
	media    []data.Media
	files    []string // the copied file per media item, "" when missing
	approver string   // "Maria Muster, 01.12.2026 09:14 Uhr" or ""
}

// WriteAkte writes the Akte of the published posts from..to into dir,
// which must not exist or be empty. It is built in dir+".part" and
// renamed when complete, so a failure leaves no half Akte; the PDF's
// creation date is the period's end, so that the same period gives the
// same bytes.
func WriteAkte(ctx context.Context, ws *data.Workspace, from, to calendar.Date, dir string) (AkteSummary, error) {
	var sum AkteSummary
	if err := ValidateAktePeriod(from, to); err != nil {
		return sum, err
	}
	if err := akteTargetFree(dir); err != nil {
		return sum, err
	}
	entries, plan, err := loadAkte(ctx, ws, from, to)
	if err != nil {
		return sum, fmt.Errorf("akte: %w", err)
	}
	part := strings.TrimRight(dir, `/\`) + ".part"
	if err := os.RemoveAll(part); err != nil {
		return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	if err := os.MkdirAll(filepath.Join(part, AkteMedia), 0o755); err != nil {
		return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(part)
		}
	}()
	if sum, err = writeAkteParts(ctx, ws, dirSink(part), entries, plan); err != nil {
		return sum, err
	}
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		if err := os.Remove(dir); err != nil { // the empty target gives way
			return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
		}
	}
	if err := os.Rename(part, dir); err != nil {
		return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	ok = true
	return sum, nil
}

// ValidateAktePeriod checks an Akte's period: the PDF plan's limit.
func ValidateAktePeriod(from, to calendar.Date) error {
	return Request{Format: FormatPDF, From: from, To: to}.Validate()
}

func akteTargetFree(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%w: %w", ErrWriteFile, err)
	case len(entries) > 0:
		return &data.InvalidError{Field: "folder", Message: "The folder for the Akte must be new or empty; please choose another one."}
	}
	return nil
}

func loadAkte(ctx context.Context, ws *data.Workspace, from, to calendar.Date) ([]akteEntry, *plan, error) {
	// Now = the end of the period: "Stand" and the PDF dates stay put.
	end := time.Date(to.Year, to.Month, to.Day, 23, 59, 0, 0, berlin())
	p, err := load(ctx, ws, Request{Format: FormatPDF, From: from, To: to, Now: end})
	if err != nil {
		return nil, nil, err
	}
	approvals, err := approvers(ctx, ws)
	if err != nil {
		return nil, nil, err
	}
	var out []akteEntry
	for _, post := range p.posts {
		if post.Status != data.StatusPublished {
			continue
		}
		m, err := ws.PostMedia(ctx, post.ID)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, akteEntry{post: post, media: m, approver: approvals[post.ID]})
	}
	return out, p, nil
}

// approvers reads from the change log who set each post to Freigegeben
// last, and when: "Maria Muster, 01.12.2026, 09:14 Uhr".
func approvers(ctx context.Context, ws *data.Workspace) (map[int64]string, error) {
	out := map[int64]string{}
	var before int64
	for {
		cs, err := ws.Changes(ctx, before, 1000)
		if err != nil {
			return nil, err
		}
		for _, c := range cs { // newest first: the first found is the last approval
			if c.Item != "post" || out[c.ItemID] != "" {
				continue
			}
			if strings.Contains(c.Summary, "→ "+data.StatusApproved.German()) {
				at := c.At.In(berlin())
				who := c.Person
				if who == "" {
					who = "unbekannt"
				}
				out[c.ItemID] = who + ", " + calendar.FromTime(at).String() + ", " + at.Format("15:04") + " Uhr"
			}
		}
		if len(cs) < 1000 {
			return out, nil
		}
		before = cs[len(cs)-1].ID
	}
}

// akteFileName is the stable name of a post's n-th media file:
// "2026-12-01_Beitrag-17_1_Werkstatt.jpg".
func akteFileName(post data.Post, n int, m data.Media) string {
	base := strings.TrimSuffix(m.OriginalName, filepath.Ext(m.OriginalName))
	ext := strings.ToLower(filepath.Ext(m.OriginalName))
	if ext == "" {
		ext = strings.ToLower(filepath.Ext(m.Path))
	}
	var b strings.Builder
	for _, r := range base {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-")
	if len([]rune(name)) > 60 {
		name = string([]rune(name)[:60])
	}
	if name == "" {
		name = "Datei"
	}
	return fmt.Sprintf("%s_Beitrag-%d_%d_%s%s", post.Date.ISO(), post.ID, n, name, ext)
}

// akteSink takes the files of an Akte: a folder (WriteAkte) or a zip
// file (WriteAkteZip). name uses "/" between folder and file; compress
// is a hint for the zip (the index is text, the media are compressed
// already).
type akteSink interface {
	put(name string, compress bool, r io.Reader) error
}

// dirSink writes the files below a folder.
type dirSink string

func (d dirSink) put(name string, _ bool, r io.Reader) error {
	out, err := os.OpenFile(filepath.Join(string(d), filepath.FromSlash(name)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, r); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// writeAkteParts puts the media files, the index and the PDF into sink,
// in this order (the index and the PDF name the files that were found).
func writeAkteParts(ctx context.Context, ws *data.Workspace, sink akteSink, entries []akteEntry, p *plan) (AkteSummary, error) {
	var sum AkteSummary
	sum.Posts = len(entries)
	for i := range entries {
		e := &entries[i]
		e.files = make([]string, len(e.media))
		for n, m := range e.media {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
			name := akteFileName(e.post, n+1, m)
			missing, err := putFile(sink, AkteMedia+"/"+name, filepath.Join(ws.Dir(), filepath.FromSlash(m.Path)))
			if missing {
				sum.MissingFiles++
				continue
			}
			if err != nil {
				return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
			}
			e.files[n] = name
			sum.Files++
		}
	}
	idx, err := akteIndex(entries, p)
	if err == nil {
		err = sink.put(AkteIndex, true, bytes.NewReader(idx))
	}
	if err != nil {
		return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	var buf bytes.Buffer
	pages, dropped, err := writeAktePDF(ctx, ws, &buf, entries, p)
	if err != nil {
		return sum, err
	}
	sum.Pages, sum.DroppedChars = pages, dropped
	if err := sink.put(AktePDF, false, &buf); err != nil {
		return sum, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	return sum, nil
}

// putFile puts the file src into sink; missing tells that src is not
// there.
func putFile(sink akteSink, name, src string) (missing bool, err error) {
	in, err := os.Open(src)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer in.Close()
	return false, sink.put(name, false, in)
}

// akteHeader is the index's first row.
var akteHeader = []string{"Datum", "Uhrzeit", "Titel", "Kanäle", "Link", "Freigabe", "Datei", "Originalname", "Bildnachweis", "SHA-256"}

// akteIndex is index.csv for German Excel (UTF-8 with BOM, ";"): one row
// per media file, or one per post without media.
func akteIndex(entries []akteEntry, p *plan) ([]byte, error) {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	bw.WriteString(utf8BOM)
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	cw.Write(akteHeader)
	for _, e := range entries {
		clock := ""
		if e.post.Time != nil {
			clock = e.post.Time.String()
		}
		base := []string{e.post.Date.String(), clock, e.post.Title, strings.Join(p.channelNames(e.post), ", "), strings.Join(publishedLinks(e.post), " "), e.approver}
		rows := [][]string{append(base, "", "", "", "")}
		if len(e.media) > 0 {
			rows = rows[:0]
			for n, m := range e.media {
				rows = append(rows, append(append([]string(nil), base...), e.files[n], m.OriginalName, m.Credit, m.Hash))
			}
		}
		for _, r := range rows {
			for j := range r {
				r[j] = excelCell(data.CleanText(r[j], false))
			}
			cw.Write(r)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// akteWidth is the width in pixels of the k-th small picture of an Akte
// (35 mm wide on paper: 480 pixels are about 350 dpi). fpdf writes the
// pictures sorted by width, in map order where widths are equal, so every
// picture gets a width of its own to keep the file the same from export
// to export: 480, 479, … 240, then 481, 482, ….
func akteWidth(k int) int {
	if k < 240 {
		return 480 - k
	}
	return 481 + k - 240
}

// akteSmall makes the Akte's small picture of m from its original file:
// decoded with the thumbnails' guards (the pixel count checked first, a
// JPEG at a reduced scale where that still gives twice the width), turned
// upright by its EXIF orientation (m.Orientation, read at the import: a
// photo taken with the phone held upright is stored sideways), scaled to
// width pixels and encoded the same way every time, so that the PDF does
// not depend on which thumbnails the app happened to make yet. ok is
// false for a video, a document, a missing or unreadable file.
func akteSmall(ctx context.Context, wsDir string, m data.Media, width int) (jpg []byte, w, h int, ok bool) {
	if m.Kind != "image" {
		return nil, 0, 0, false
	}
	img, _, err := thumbs.Decode(ctx, filepath.Join(wsDir, filepath.FromSlash(m.Path)), 2*width)
	if err != nil {
		return nil, 0, 0, false
	}
	b := img.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 {
		return nil, 0, 0, false
	}
	// The size as seen: orientations 5–8 swap the axes.
	turned := m.Orientation >= 5 && m.Orientation <= 8
	seenW, seenH := b.Dx(), b.Dy()
	if turned {
		seenW, seenH = seenH, seenW
	}
	w = width
	h = max(1, seenH*w/seenW)
	// Scaled as stored, then turned.
	dw, dh := w, h
	if turned {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	dst = thumbs.OrientRGBA(dst, m.Orientation)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 80}); err != nil {
		return nil, 0, 0, false
	}
	return buf.Bytes(), w, h, true
}

func writeAktePDF(ctx context.Context, ws *data.Workspace, w io.Writer, entries []akteEntry, p *plan) (int, int, error) {
	f := fpdf.New("P", "mm", "A4", "")
	rc, err := ws.RenderContext(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("akte: %w", err)
	}
	r := &report{plan: p}
	d := &reportDoc{pdfPlan: &pdfPlan{f: f, p: p, glyphs: pdfGlyphs()}, r: r, wsDir: ws.Dir(), pictures: map[string]*fpdf.ImageInfoType{}}
	f.AddUTF8FontFromBytes(fontFamily, "", fonts.NotoSansRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fonts.NotoSansBold)
	f.AliasNbPages("{nb}")
	f.SetMargins(repMargin, repTop, repMargin)
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	f.SetCatalogSort(true)
	f.SetCreationDate(p.now)
	f.SetModificationDate(p.now)
	title := "Akte Social Media"
	if p.org != "" {
		title += " " + p.org
	}
	f.SetTitle(d.clean(title+" "+p.period()), true)
	f.SetAuthor(d.clean(p.org), true)
	f.SetCreator("Feedtakt", true)
	f.SetLang("de-DE")
	d.docTitle = title
	f.SetHeaderFunc(d.repHeader)
	f.SetFooterFunc(d.akteFooter)
	f.AddPage()
	d.counting = true
	f.SetXY(repMargin, repTop)
	d.font("B", 18, 0)
	for _, l := range d.wrap(title, repTextW, 2) {
		f.CellFormat(repTextW, 8, l, "", 2, "L", false, 0, "")
	}
	d.font("", 11, 30)
	f.CellFormat(repTextW, 6, fmt.Sprintf("Veröffentlichte Beiträge %s · %d Beiträge", p.period(), len(entries)), "", 2, "L", false, 0, "")
	d.text("Die Originaldateien der Bilder liegen im Ordner „"+AkteMedia+"“ neben dieser Datei, das Verzeichnis aller Beiträge und Dateien in „"+AkteIndex+"“.", 0, "", 60)
	if len(entries) == 0 {
		d.none("Im Zeitraum wurde kein Beitrag veröffentlicht.")
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return 0, 0, err
		}
		d.aktePost(ctx, rc, e)
	}
	if err := ctx.Err(); err != nil { // a picture left out for it
		return 0, 0, err
	}
	if err := f.Error(); err != nil {
		return 0, 0, fmt.Errorf("pdf: %w", err)
	}
	pages := f.PageCount()
	return pages, d.dropped, f.Output(w)
}

// publishedLines are a post's channel marks, one line each: "Instagram:
// 10.11.2026 10:02 · https://…" (the link when one was given); none when
// no channel was marked (a post published before marks existed).
func (p *plan) publishedLines(post data.Post) []string {
	var out []string
	for _, pc := range post.Channels {
		if pc.PublishedAt.IsZero() {
			continue
		}
		line := pc.PublishedAt.Format("02.01.2006 15:04")
		if c, ok := p.channels[pc.ChannelID]; ok {
			line = c.Name + ": " + line
		}
		if pc.PublishedLink != "" {
			line += " · " + pc.PublishedLink
		}
		out = append(out, line)
	}
	return out
}

// publishedLinks are the post's links on the platforms, in channel order,
// each once; the post's own link when no channel has one.
func publishedLinks(post data.Post) []string {
	var out []string
	for _, pc := range post.Channels {
		if pc.PublishedLink != "" && !slices.Contains(out, pc.PublishedLink) {
			out = append(out, pc.PublishedLink)
		}
	}
	if len(out) == 0 && post.PublishedLink != "" {
		out = append(out, post.PublishedLink)
	}
	return out
}

// akteFooter is the report's footer without the moment of printing: the
// Akte names its period instead, so that it stays the same.
func (d *reportDoc) akteFooter() {
	d.pageFooter(repW, repH-13, repMargin, 120, "Stand: "+d.r.plan.to.String()+" · Feedtakt")
}

func (d *reportDoc) aktePost(ctx context.Context, rc data.RenderContext, e akteEntry) {
	post := e.post
	d.heading(reportWhen(post) + " · " + post.Title)
	d.item("Kanäle", 30, strings.Join(d.r.plan.channelNames(post), ", "), 0)
	if lines := d.r.plan.publishedLines(post); len(lines) > 0 {
		d.item("Veröffentlicht", 30, strings.Join(lines, "\n"), 0)
	} else {
		if post.PublishedOn != nil {
			d.item("Veröffentlicht", 30, post.PublishedOn.String(), 0)
		}
		if post.PublishedLink != "" {
			d.item("Link", 30, post.PublishedLink, 0)
		}
	}
	approver := e.approver
	if approver == "" {
		approver = "im Änderungsprotokoll nicht vermerkt"
	}
	d.item("Freigabe", 30, approver, 0)
	var texts, labels []string
	for _, f := range rc.Finals(post, e.media) {
		if i := indexOf(texts, f.Text); i >= 0 {
			labels[i] += ", " + f.Channel.Name
			continue
		}
		texts = append(texts, f.Text)
		labels = append(labels, f.Channel.Name)
	}
	for i, t := range texts {
		d.longItem(labels[i], t)
	}
	for n, m := range e.media {
		d.aktePicture(ctx, m, e.files[n])
	}
	if c := data.CreditLine(e.media); c != "" {
		d.item("Bildnachweis", 30, c, 0)
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// aktePicture draws a small picture (its thumbnail, 35 mm wide) with its
// file name, Bildbeschreibung and credit beside it.
func (d *reportDoc) aktePicture(ctx context.Context, m data.Media, file string) {
	f := d.f
	if file == "" {
		file = "Datei fehlte beim Export"
	}
	body := file + " · Original: " + m.OriginalName
	if a := strings.TrimSpace(m.AltText); a != "" {
		body += "\nBildbeschreibung: " + a
	}
	h := 0.0
	info, ok := d.pictures[m.Hash]
	if !ok {
		if jpg, _, _, made := akteSmall(ctx, d.wsDir, m, akteWidth(len(d.pictures))); made {
			info = f.RegisterImageOptionsReader(m.Hash, fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(jpg))
		}
		d.pictures[m.Hash] = info
	}
	ok = info != nil && info.Width() > 0
	if ok {
		h = 35 * info.Height() / info.Width()
	}
	d.room(max(h, 2*repLineH) + 2)
	y := f.GetY()
	if ok {
		f.ImageOptions(m.Hash, repMargin, y+1, 35, h, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
	}
	d.font("", 9, 60)
	x := repMargin + 38
	ly := y + 1
	for _, para := range strings.Split(body, "\n") {
		for _, l := range d.wrap(para, repTextW-38, 8) {
			f.SetXY(x, ly)
			f.CellFormat(repTextW-38, 4.2, l, "", 0, "L", false, 0, "")
			ly += 4.2
		}
	}
	f.SetY(max(y+h+3, ly+1))
}
