package exchange

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"feedtakt/assets/fonts"
	"feedtakt/data"
	"feedtakt/data/calendar"

	"github.com/go-pdf/fpdf"
)

// The handover report (Vertretungsmappe): everything a colleague who never
// opened Feedtakt needs to cover for a few weeks, on paper. A4 portrait,
// set in the plan's fonts; the plan of the period week by week, what is
// open, the ideas, series and dates, the channels with where their access
// is documented, the rules, consents and licences that end, the contacts
// and the office's notes for the person covering.

// MaxReportDays is the longest period a handover report covers: half a
// year of cover is already a long absence.
const MaxReportDays = 186

// Page geometry of the report in millimetres: A4 portrait.
const (
	repW, repH    = 210.0, 297.0
	repMargin     = 18.0
	repTop        = 16.0
	repBottom     = repH - 18.0 // the footer lives below
	repTextW      = repW - 2*repMargin
	repLineH      = 4.6 // one line of 9.5 pt text
	repHeadH      = 12.0
	repSubH       = 7.0
	repIdeasLimit = 40
)

// report is what the handover report prints, read once.
type report struct {
	plan      *plan // org, period, posts, channels, topics
	notes     data.HandoverNotes
	ideas     []data.Post
	series    []data.Series
	slots     []data.Slot
	ownDates  []data.OwnDate
	marks     map[calendar.Date][]data.DayMark
	quiet     []data.QuietPeriod
	reminders []data.Reminder
	blocked   map[int64][]string // planned posts that may not go out as they are: why, in German
	authors   []string
	today     calendar.Date
	texts     reportTexts
}

// ValidateReportPeriod checks a report's period without a workspace.
func ValidateReportPeriod(from, to calendar.Date) error {
	if !from.Valid() || !to.Valid() {
		return &data.InvalidError{Field: "from", Message: "Please choose a valid start and end date."}
	}
	if from.After(to) {
		return &data.InvalidError{Field: "to", Message: "The start of the period lies after its end."}
	}
	if to.Sub(from)+1 > MaxReportDays {
		return &data.InvalidError{Field: "to", Message: "A handover report covers at most half a year; please choose a shorter period."}
	}
	return nil
}

// WriteHandoverReport writes the handover report (Vertretungsmappe) for
// the days from..to (both inclusive) of ws to w as a PDF. Summary.Posts
// counts the posts of the plan (discarded ones left out, in LeftOut).
// Nothing is written when the period is invalid or the workspace cannot be
// read; a failed write can leave part of the file (write to an fsx.Create
// file and Commit only on success).
func WriteHandoverReport(ctx context.Context, ws *data.Workspace, from, to calendar.Date, w io.Writer) (Summary, error) {
	return writeHandoverReport(ctx, ws, from, to, time.Now(), w)
}

func writeHandoverReport(ctx context.Context, ws *data.Workspace, from, to calendar.Date, now time.Time, w io.Writer) (Summary, error) {
	if err := ValidateReportPeriod(from, to); err != nil {
		return Summary{}, err
	}
	r, err := loadReport(ctx, ws, from, to, now)
	if err != nil {
		return Summary{}, fmt.Errorf("handover report: %w", err)
	}
	return r.write(ctx, w)
}

func loadReport(ctx context.Context, ws *data.Workspace, from, to calendar.Date, now time.Time) (*report, error) {
	p, err := load(ctx, ws, Request{Format: FormatPDF, From: from, To: to, Now: now})
	if err != nil {
		return nil, err
	}
	r := &report{plan: p, today: ws.Today()}
	if r.notes, err = ws.HandoverNotes(ctx); err != nil {
		return nil, err
	}
	if r.ideas, err = ws.Ideas(ctx, repIdeasLimit+1); err != nil {
		return nil, err
	}
	if err := r.loadDates(ctx, ws, from, to); err != nil {
		return nil, err
	}
	if r.reminders, err = reportReminders(ctx, ws, r.today, to); err != nil {
		return nil, err
	}
	if r.blocked, err = reportBlocked(ctx, ws, p.posts); err != nil {
		return nil, err
	}
	if r.authors, err = ws.ChangeAuthors(ctx, 5); err != nil {
		return nil, err
	}
	if r.texts, err = loadReportTexts(ctx, ws, p.posts); err != nil {
		return nil, err
	}
	return r, nil
}

// loadDates reads the series, own dates, day marks and quiet periods.
func (r *report) loadDates(ctx context.Context, ws *data.Workspace, from, to calendar.Date) error {
	var err error
	if r.series, err = ws.Series(ctx); err != nil {
		return err
	}
	if r.slots, err = ws.SeriesSlots(ctx, from, to); err != nil {
		return err
	}
	if r.ownDates, err = ws.OwnDates(ctx, from, to); err != nil {
		return err
	}
	if r.marks, err = ws.DayMarks(ctx, from, to); err != nil {
		return err
	}
	quiet, err := ws.QuietPeriods(ctx)
	if err != nil {
		return err
	}
	// Quiet periods in the period and in the two weeks around it.
	for _, q := range quiet {
		if !q.To.Before(from.AddDays(-14)) && !q.From.After(to.AddDays(14)) {
			r.quiet = append(r.quiet, q)
		}
	}
	return nil
}

// reportBlocked checks the planned posts of the period against consents
// and licences (the approval rule) and returns, by post ID, the reasons of
// those that may not go out as they are: "„Grabung“: Sophie Kramer hat
// die Einwilligung am 30.11.2026 widerrufen." (one line per reason, the
// same reason for several channels once).
func reportBlocked(ctx context.Context, ws *data.Workspace, posts []data.Post) (map[int64][]string, error) {
	planned := slices.DeleteFunc(slices.Clone(posts), func(p data.Post) bool { return !data.Planned(p) })
	checks, err := ws.ClearPosts(ctx, planned)
	if err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	for id, c := range checks {
		if !c.Blocked() {
			continue
		}
		var lines []string
		for _, f := range c.Blocking() {
			l := f.Message().Text("de")
			if f.MediaName != "" {
				l = "„" + f.MediaName + "“: " + l
			}
			if !slices.Contains(lines, l) {
				lines = append(lines, l)
			}
		}
		out[id] = lines
	}
	return out, nil
}

// reportReminders are the consents and licences that end (or ended) from
// today until the end of the period, and the withdrawals still in planned
// posts: the reminders of today and of every 30 days up to the period's
// end, each once.
func reportReminders(ctx context.Context, ws *data.Workspace, today, to calendar.Date) ([]data.Reminder, error) {
	var out []data.Reminder
	seen := map[string]bool{}
	for day := today; ; day = day.AddDays(data.ExpiringDays) {
		rs, err := ws.Reminders(ctx, day)
		if err != nil {
			return nil, err
		}
		for _, rm := range rs {
			k := fmt.Sprint(rm.Kind, rm.PersonID, rm.ConsentID, rm.MediaID)
			if !seen[k] {
				seen[k] = true
				out = append(out, rm)
			}
		}
		if !day.AddDays(data.ExpiringDays).Before(to) {
			break
		}
	}
	return out, nil
}

// reportDoc draws the report; it borrows the plan's text cleaning and
// wrapping (pdfPlan) for the same fonts.
type reportDoc struct {
	*pdfPlan
	r    *report
	held []heldHead
	// docTitle replaces "Vertretungsmappe …" (the Akte); wsDir is the
	// workspace folder, for the Akte's pictures.
	docTitle string
	wsDir    string
	pictures map[string]*fpdf.ImageInfoType // the Akte's, by content hash
}

func (r *report) write(ctx context.Context, w io.Writer) (Summary, error) {
	var sum Summary
	f := fpdf.New("P", "mm", "A4", "")
	d := &reportDoc{pdfPlan: &pdfPlan{f: f, p: r.plan, glyphs: pdfGlyphs()}, r: r}
	f.AddUTF8FontFromBytes(fontFamily, "", fonts.NotoSansRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fonts.NotoSansBold)
	f.AliasNbPages("{nb}")
	f.SetMargins(repMargin, repTop, repMargin)
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	f.SetCatalogSort(true)
	f.SetCreationDate(r.plan.now)
	f.SetModificationDate(r.plan.now)
	f.SetTitle(d.clean(d.title()+" "+r.plan.period()), true)
	f.SetAuthor(d.clean(r.plan.org), true)
	f.SetCreator("Feedtakt", true)
	f.SetLang("de-DE")
	f.SetHeaderFunc(d.repHeader)
	f.SetFooterFunc(d.repFooter)
	f.AddPage()

	d.counting = true
	d.cover()
	d.hints()
	d.planSection(ctx, &sum)
	d.openSection()
	d.textsSection()
	d.ideasSection()
	d.datesSection()
	d.channelsSection()
	d.rulesSection()
	d.consentsSection()
	d.contactsSection()
	sum.DroppedChars = d.dropped
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if err := f.Error(); err != nil {
		return sum, fmt.Errorf("pdf: %w", err)
	}
	return sum, f.Output(w)
}

func (d *reportDoc) title() string {
	if d.docTitle != "" {
		return d.docTitle
	}
	if d.r.plan.org == "" {
		return "Vertretungsmappe"
	}
	return "Vertretungsmappe " + d.r.plan.org
}

func (d *reportDoc) repHeader() {
	if d.f.PageNo() == 1 {
		return
	}
	f := d.f
	d.font("", 8, 90)
	f.SetXY(repMargin, 9)
	f.CellFormat(repTextW, 4, d.fit(d.title()+" · "+d.r.plan.period(), repTextW), "", 0, "L", false, 0, "")
	f.SetDrawColor(180, 180, 180)
	f.SetLineWidth(0.2)
	f.Line(repMargin, 14, repW-repMargin, 14)
	f.SetXY(repMargin, repTop+4)
}

func (d *reportDoc) repFooter() {
	d.pageFooter(repW, repH-13, repMargin, 120, "Gedruckt am "+d.printedAt()+" · Feedtakt")
}

// ensure starts a new page when h millimetres do not fit on this one.
func (d *reportDoc) ensure(h float64) {
	if d.f.GetY()+h > repBottom {
		d.f.AddPage()
	}
}

// Headings are held until the content below them is placed: the content
// then asks for room for itself and the held headings together, so that a
// heading never stands alone at the bottom of a page.
type heldHead struct {
	h    float64
	draw func()
}

// hold keeps a heading (or a line that belongs to one) of height h until
// the next content is placed.
func (d *reportDoc) hold(h float64, draw func()) {
	d.held = append(d.held, heldHead{h, draw})
}

// room starts a new page when the held headings and h millimetres of
// content do not fit on this one, then draws the held headings.
func (d *reportDoc) room(h float64) {
	total := h
	for _, hh := range d.held {
		total += hh.h
	}
	d.ensure(total)
	held := d.held
	d.held = nil
	for _, hh := range held {
		hh.draw()
	}
}

// heading starts a section; a long one wraps (an Akte's post titles).
func (d *reportDoc) heading(title string) {
	d.font("B", 13, 0)
	lines := d.wrap(title, repTextW, 3)
	extra := float64(max(len(lines), 1)-1) * 6
	d.hold(repHeadH+1+extra, func() {
		f := d.f
		y := f.GetY() + 4
		d.font("B", 13, 0)
		for i, l := range lines {
			f.SetXY(repMargin, y+float64(i)*6)
			f.CellFormat(repTextW, 6, l, "", 0, "L", false, 0, "")
		}
		y += extra
		f.SetDrawColor(90, 90, 90)
		f.SetLineWidth(0.3)
		f.Line(repMargin, y+7, repW-repMargin, y+7)
		f.SetY(y + repHeadH - 3)
	})
}

// subheading is a heading inside a section.
func (d *reportDoc) subheading(title string) {
	d.hold(repSubH, func() {
		f := d.f
		y := f.GetY() + 1.5
		d.font("B", 10.5, 0)
		f.SetXY(repMargin, y)
		f.CellFormat(repTextW, 5, d.fit(title, repTextW), "", 0, "L", false, 0, "")
		f.SetY(y + repSubH - 1.5)
	})
}

// holdText holds a grey line of text that belongs to the heading above
// it (a week's special days).
func (d *reportDoc) holdText(s string, grey int) {
	d.font("", 9.5, grey)
	lines := d.wrap(s, repTextW, 6)
	d.hold(float64(len(lines))*repLineH, func() {
		f := d.f
		for _, l := range lines {
			d.font("", 9.5, grey)
			f.SetXY(repMargin, f.GetY())
			f.CellFormat(repTextW, repLineH, l, "", 2, "L", false, 0, "")
		}
	})
}

// text writes free text at indent from the margin in the given style,
// keeping its line breaks; a long text runs on over pages line by line,
// its first two lines kept with a heading above.
func (d *reportDoc) text(s string, indent float64, style string, grey int) {
	f := d.f
	w := repTextW - indent
	first := true
	for _, para := range strings.Split(data.CleanText(s, true), "\n") {
		d.font(style, 9.5, grey)
		lines := d.wrap(para, w, 1000)
		if len(lines) == 0 {
			f.SetY(f.GetY() + repLineH/2)
			continue
		}
		for i, l := range lines {
			if first {
				d.room(float64(min(2, len(lines)-i)) * repLineH)
				first = false
			}
			d.ensure(repLineH)
			d.font(style, 9.5, grey)
			f.SetXY(repMargin+indent, f.GetY())
			f.CellFormat(w, repLineH, l, "", 2, "L", false, 0, "")
		}
	}
}

// none writes the grey line of a section without entries.
func (d *reportDoc) none(s string) {
	d.text(s, 0, "", 110)
}

// item writes one entry: a bold lead (date, name) in a column of width
// lead, then its text wrapped beside it (a line break in body starts a
// new line); the entry is never split.
func (d *reportDoc) item(lead string, leadW float64, body string, grey int) {
	f := d.f
	d.font("", 9.5, grey)
	var lines []string
	for _, para := range strings.Split(body, "\n") {
		lines = append(lines, d.wrap(para, repTextW-leadW, 6)...)
	}
	h := float64(max(1, len(lines)))*repLineH + 1
	d.room(h)
	y := f.GetY()
	d.font("B", 9.5, 0)
	f.SetXY(repMargin, y)
	f.CellFormat(leadW-1.5, repLineH, d.fit(lead, leadW-1.5), "", 0, "L", false, 0, "")
	d.font("", 9.5, grey)
	for i, l := range lines {
		f.SetXY(repMargin+leadW, y+float64(i)*repLineH)
		f.CellFormat(repTextW-leadW, repLineH, l, "", 0, "L", false, 0, "")
	}
	f.SetY(y + h)
}

// cover is the head of the first page and the paragraph that explains
// how to work with the paper.
func (d *reportDoc) cover() {
	f := d.f
	r := d.r
	f.SetXY(repMargin, repTop)
	d.font("B", 20, 0)
	for _, l := range d.wrap(d.title(), repTextW, 2) {
		f.CellFormat(repTextW, 9, l, "", 2, "L", false, 0, "")
	}
	d.font("", 11, 30)
	f.CellFormat(repTextW, 6, "Vertretungszeitraum: "+r.plan.period(), "", 2, "L", false, 0, "")
	d.font("", 9, 90)
	f.CellFormat(repTextW, 5, "Stand: "+d.printedAt(), "", 2, "L", false, 0, "")
	d.heading("So arbeiten Sie mit diesem Plan")
	d.text("Diese Mappe enthält alles, was Sie für die Vertretung der Social-Media-Arbeit brauchen – auch ohne Feedtakt. "+
		"Im Redaktionsplan steht Woche für Woche, was wann auf welchem Kanal erscheinen soll, mit seinem Stand (Status):", 0, "", 20)
	for _, s := range []struct{ name, what string }{
		{data.StatusIdea.German(), "nur ein Gedanke, noch kein Text."},
		{data.StatusDraft.German(), "der Text ist in Arbeit und noch nicht abgestimmt."},
		{data.StatusReview.German(), "wartet auf die Freigabe der Referatsleitung; vorher nicht veröffentlichen."},
		{data.StatusApproved.German(), "darf zum angegebenen Zeitpunkt veröffentlicht werden."},
		{data.StatusPublished.German(), "ist erschienen; nichts mehr zu tun."},
	} {
		d.item("  "+s.name, 32, s.what, 20)
	}
	d.text("Veröffentlicht wird von Hand in den Apps und Webseiten der Plattformen, mit den Texten unter „Fertige Texte zum Veröffentlichen“; wo die Zugänge hinterlegt sind, steht unter "+
		"„Kanäle und Zugänge“. Beachten Sie vor jedem Beitrag die „Regeln“ (keine Beiträge in Ruhezeiten) und bei Bildern mit "+
		"Personen die „Einwilligungen und Lizenzen“. Haken Sie Erledigtes auf dem Papier ab und notieren Sie Links zu "+
		"veröffentlichten Beiträgen am Rand, damit sie nach der Vertretung nachgetragen werden können. "+
		"Bei Fragen helfen die „Ansprechpartner“ am Ende.", 0, "", 20)
}

// hints prints the office's notes for the person covering first: they are
// what the officer most wants read.
func (d *reportDoc) hints() {
	h := d.r.notes.Hints
	d.heading("Hinweise für die Vertretung")
	if h == "" {
		d.none("Keine Hinweise hinterlegt (in Feedtakt unter Einstellungen).")
		return
	}
	d.text(h, 0, "", 0)
}
