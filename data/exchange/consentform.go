package exchange

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"feedtakt/assets"
	"feedtakt/assets/fonts"
	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

// ConsentForm is what a printed Einwilligungserklärung is filled with: the
// paper she hands over at a shoot, so that what is signed and what is
// recorded match. Empty facts print as lines to fill in by hand.
type ConsentForm struct {
	Authority string // the office, from the settings
	Person    string
	BornOn    *calendar.Date
	// Guardian prints the variant for a minor: the guardians declare, with
	// a line for each of them (Guardians names those known) and one for
	// the child from 14 on.
	Guardian  bool
	Guardians []string
	Event     string // the shoot or event
	EventFrom *calendar.Date
	EventTo   *calendar.Date
	// Platforms (channel types) and Channels (single channels, by name)
	// print as ticked boxes, followed by empty boxes of the common types
	// to tick by hand; Purposes print every purpose, the chosen ones ticked.
	Platforms  []data.Platform
	Channels   []string
	Purposes   []data.Purpose
	ValidUntil *calendar.Date // nil: until withdrawn
	Text       data.ConsentFormText
	Now        time.Time // printed on the form; fixes the bytes for tests
}

// Page geometry of the form in millimetres: A4 portrait.
const (
	formW, formH   = 210.0, 297.0
	formMargin     = 20.0
	formTextW      = formW - 2*formMargin
	formBottom     = formH - 15.0
	formLabelW     = 52.0
	formParagraphH = 4.3
)

// consentFormPDF draws one form; it borrows the plan's text handling
// (fonts, glyph filter, wrapping) through a pdfPlan without a plan.
type consentFormPDF struct {
	d *pdfPlan
	f *fpdf.Fpdf
	c ConsentForm
}

// WriteConsentForm writes the filled-in consent form as PDF to w.
func WriteConsentForm(w io.Writer, c ConsentForm) error {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", fonts.NotoSansRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fonts.NotoSansBold)
	f.SetMargins(formMargin, formMargin, formMargin)
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	f.SetCatalogSort(true)
	if c.Now.IsZero() {
		c.Now = time.Now()
	}
	f.SetCreationDate(c.Now)
	f.SetModificationDate(c.Now)
	p := &consentFormPDF{d: &pdfPlan{f: f, glyphs: pdfGlyphs()}, f: f, c: c}
	f.SetTitle(p.d.clean(c.Text.Title), true)
	f.SetAuthor(p.d.clean(c.Authority), true)
	f.SetCreator("Feedtakt", true)
	f.SetLang("de-DE")
	f.SetFooterFunc(p.footer)
	f.AddPage()
	p.draw()
	if err := f.Error(); err != nil {
		return fmt.Errorf("consent form pdf: %w", err)
	}
	return f.Output(w)
}

// WriteConsentFormFile writes the form to path through a .part file, so an
// existing file stays whole when writing fails. A failure of the file
// itself wraps ErrWriteFile.
func WriteConsentFormFile(path string, c ConsentForm) error {
	f, err := fsx.Create(path)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	defer f.Abort()
	if err := WriteConsentForm(f, c); err != nil {
		return fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	return nil
}

// ConsentFormName suggests a file name for the form of a person ("" for a
// blank form).
func ConsentFormName(person string) string {
	name := "Einwilligungserklärung"
	if s := strings.TrimSpace(person); s != "" {
		name += " " + s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, name) + ".pdf"
}

func (p *consentFormPDF) draw() {
	f, d, c := p.f, p.d, p.c
	// Letterhead: the authority, then the title.
	d.font("B", 10, 70)
	f.SetXY(formMargin, formMargin)
	f.CellFormat(formTextW, 5, d.fit(p.or(c.Authority, "Behörde: ______________________________"), formTextW), "", 2, "L", false, 0, "")
	// The contacts the text points to ("auf diesem Formular genannt") sit
	// in the letterhead, where one looks for an address, and keep the
	// signatures on the first page.
	d.font("", 8.5, 60)
	for _, l := range p.contacts() {
		f.CellFormat(formTextW, 4, l, "", 2, "L", false, 0, "")
	}
	f.SetY(f.GetY() + 3)
	d.font("B", 14, 0)
	for _, l := range d.wrap(c.Text.Title, formTextW, 3) {
		f.CellFormat(formTextW, 6.5, l, "", 2, "L", false, 0, "")
	}
	if c.Guardian {
		d.font("", 10, 60)
		f.CellFormat(formTextW, 5, "für Kinder und Jugendliche – Erklärung der Erziehungsberechtigten", "", 2, "L", false, 0, "")
	}
	f.SetY(f.GetY() + 4)

	who := "Name der abgebildeten Person:"
	if c.Guardian {
		who = "Kind / Jugendliche/r:"
	}
	p.fact(who, c.Person)
	if c.Guardian || c.BornOn != nil {
		p.fact("Geburtsdatum:", dateOrEmpty(c.BornOn))
	}
	p.fact("Fototermin / Veranstaltung:", c.Event)
	if period := periodText(c.EventFrom, c.EventTo); period != "" || c.Event == "" {
		p.fact("Datum / Zeitraum:", period)
	}
	until := "bis auf Widerruf"
	if c.ValidUntil != nil {
		until = "bis einschließlich " + c.ValidUntil.String() + " (oder bis zum Widerruf)"
	}
	p.fact("Gültig:", until)
	f.SetY(f.GetY() + 3)

	intro := c.Text.Intro
	if c.Guardian {
		intro = c.Text.GuardianIntro
	}
	p.paragraph(intro, 9.5)
	var chans []string
	for _, pl := range c.Platforms {
		chans = append(chans, formPlatformName(pl))
	}
	chans = append(chans, c.Channels...)
	// The common channel types are printed also when not chosen, unticked:
	// the paper shows what was not agreed to as well.
	var offered []string
	for _, pl := range []data.Platform{data.Instagram, data.Facebook, data.YouTube, data.Website, data.Print} {
		offered = append(offered, formPlatformName(pl))
	}
	p.ticks("Veröffentlichung auf diesen Kanälen:", chans, offered)
	var chosen, all []string
	for _, pu := range data.Purposes() {
		all = append(all, assets.Text("de", pu.Key(), nil))
	}
	for _, pu := range c.Purposes {
		chosen = append(chosen, assets.Text("de", pu.Key(), nil))
	}
	p.ticks("Für diese Zwecke:", chosen, all)
	p.heading("Widerrufsrecht")
	p.paragraph(c.Text.Withdrawal, 9.5)
	p.paragraph(c.Text.Closing, 9.5)
	p.signatures()
}

func (p *consentFormPDF) or(s, blank string) string {
	if strings.TrimSpace(s) == "" {
		return blank
	}
	return s
}

// ensure starts a new page when h millimetres do not fit.
func (p *consentFormPDF) ensure(h float64) {
	if p.f.GetY()+h > formBottom {
		p.f.AddPage()
		p.f.SetXY(formMargin, formMargin)
	}
}

// fact is a labelled line; an empty value is a line to write on.
func (p *consentFormPDF) fact(label, value string) {
	f, d := p.f, p.d
	p.ensure(8)
	y := f.GetY()
	d.font("", 9.5, 60)
	f.SetXY(formMargin, y)
	f.CellFormat(formLabelW, 6, label, "", 0, "L", false, 0, "")
	d.font("B", 10.5, 0)
	if strings.TrimSpace(value) == "" {
		f.SetDrawColor(90, 90, 90)
		f.SetLineWidth(0.25)
		f.Line(formMargin+formLabelW, y+5.5, formMargin+formTextW, y+5.5)
	} else {
		f.CellFormat(formTextW-formLabelW, 6, d.fit(value, formTextW-formLabelW), "", 0, "L", false, 0, "")
	}
	f.SetXY(formMargin, y+6.5)
}

// contacts are the letterhead's lines: the postal address, the e-mail
// for withdrawals and the data protection officer; one left empty in the
// settings is a line to fill in by hand.
func (p *consentFormPDF) contacts() []string {
	t, d := p.c.Text, p.d
	oneLine := func(s string) string {
		var parts []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				parts = append(parts, l)
			}
		}
		return strings.Join(parts, " · ")
	}
	blank := "______________________________"
	var out []string
	for _, c := range []struct{ label, value string }{
		{"Anschrift", t.Address},
		{"E-Mail für den Widerruf", t.WithdrawalEmail},
		{"Datenschutzbeauftragte/r", t.DataProtection},
	} {
		out = append(out, d.wrap(c.label+": "+p.or(oneLine(c.value), blank), formTextW, 2)...)
	}
	return out
}

func (p *consentFormPDF) heading(s string) {
	p.ensure(12)
	p.f.SetY(p.f.GetY() + 2)
	p.d.font("B", 11, 0)
	p.f.CellFormat(formTextW, 6, p.d.fit(s, formTextW), "", 2, "L", false, 0, "")
}

// paragraph prints text, keeping its paragraphs (blank-line or line-break
// separated) and wrapping each.
func (p *consentFormPDF) paragraph(text string, size float64) {
	f, d := p.f, p.d
	d.font("", size, 0)
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		for _, l := range d.wrap(para, formTextW, 40) {
			p.ensure(formParagraphH)
			f.CellFormat(formTextW, formParagraphH, l, "", 2, "L", false, 0, "")
		}
		f.SetY(f.GetY() + 2)
	}
}

// ticks prints a list with boxes: the chosen ones ticked; with offered,
// the rest of offered unticked; with nothing at all, lines to fill in.
func (p *consentFormPDF) ticks(title string, chosen, offered []string) {
	f, d := p.f, p.d
	p.heading(title)
	items := append([]string(nil), chosen...)
	tick := map[string]bool{}
	for _, s := range chosen {
		tick[s] = true
	}
	for _, s := range offered {
		if !tick[s] {
			items = append(items, s)
		}
	}
	if len(items) == 0 {
		items = []string{"", ""}
	}
	d.font("", 10, 0)
	colW := formTextW / 2
	for i, s := range items {
		if i%2 == 0 {
			p.ensure(6)
		}
		x := formMargin + float64(i%2)*colW
		y := f.GetY()
		f.SetDrawColor(40, 40, 40)
		f.SetLineWidth(0.3)
		f.Rect(x, y+1, 3.6, 3.6, "D")
		if tick[s] {
			f.SetLineWidth(0.5)
			f.Line(x+0.6, y+2.9, x+1.5, y+4.0)
			f.Line(x+1.5, y+4.0, x+3.2, y+1.4)
		}
		if s == "" {
			f.SetLineWidth(0.25)
			f.Line(x+6, y+5, x+colW-6, y+5)
		} else {
			f.SetXY(x+6, y)
			f.CellFormat(colW-8, 5.6, d.fit(s, colW-8), "", 0, "L", false, 0, "")
		}
		if i%2 == 1 || i == len(items)-1 {
			f.SetXY(formMargin, y+5.5)
		}
	}
	f.SetY(f.GetY() + 2)
}

// signatures are the lines to sign: the person, or each guardian and the
// child (whose own say counts from about 14).
func (p *consentFormPDF) signatures() {
	f, d, c := p.f, p.d, p.c
	type line struct{ label, name string }
	var lines []line
	if c.Guardian {
		n := max(2, len(c.Guardians))
		for i := range n {
			name := ""
			if i < len(c.Guardians) {
				name = c.Guardians[i]
			}
			lines = append(lines, line{fmt.Sprintf("der/des Erziehungsberechtigten %d", i+1), name})
		}
		lines = append(lines, line{"des Kindes / der/des Jugendlichen (ab 14 Jahren)", c.Person})
	} else {
		lines = append(lines, line{"der abgebildeten Person", c.Person})
	}
	p.ensure(float64(len(lines))*13 + 2)
	for _, l := range lines {
		y := f.GetY() + 8
		f.SetDrawColor(40, 40, 40)
		f.SetLineWidth(0.25)
		f.Line(formMargin, y, formMargin+50, y)
		f.Line(formMargin+60, y, formMargin+formTextW, y)
		d.font("", 8.5, 70)
		f.SetXY(formMargin, y+0.8)
		f.CellFormat(50, 4, "Ort, Datum", "", 0, "L", false, 0, "")
		label := "Unterschrift " + l.label
		if l.name != "" {
			label += " (" + l.name + ")"
		}
		f.SetXY(formMargin+60, y+0.8)
		f.CellFormat(formTextW-60, 4, d.fit(label, formTextW-60), "", 0, "L", false, 0, "")
		f.SetY(y + 5)
	}
}

func (p *consentFormPDF) footer() {
	f, d := p.f, p.d
	d.font("", 7.5, 110)
	f.SetXY(formMargin, formH-12)
	left := "Erstellt mit Feedtakt am " + p.c.Now.In(berlin()).Format("02.01.2006")
	f.CellFormat(formTextW/2, 4, left, "", 0, "L", false, 0, "")
	f.CellFormat(formTextW/2, 4, fmt.Sprintf("Seite %d", f.PageNo()), "", 0, "R", false, 0, "")
}

// formPlatformName names a channel type on the German form.
func formPlatformName(p data.Platform) string {
	switch p {
	case data.Website, data.Newsletter, data.Print:
		return assets.Text("de", strings.ToUpper(string(p[:1]))+string(p[1:]), nil)
	case data.Other:
		return assets.Text("de", "Other platform", nil)
	case data.TikTok:
		return "TikTok"
	case data.LinkedIn:
		return "LinkedIn"
	case data.YouTube:
		return "YouTube"
	case data.X:
		return "X"
	}
	return strings.ToUpper(string(p[:1])) + string(p[1:])
}

func dateOrEmpty(d *calendar.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// periodText words a shoot's period: one day, a range, or an open end.
func periodText(from, to *calendar.Date) string {
	switch {
	case from != nil && to != nil && *from == *to:
		return from.String()
	case from != nil && to != nil:
		return from.String() + " – " + to.String()
	case from != nil:
		return "ab " + from.String()
	case to != nil:
		return "bis " + to.String()
	}
	return ""
}
