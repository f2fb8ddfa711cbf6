package exchange

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// The sections of the handover report after the cover (report.go).

// Columns of the plan's rows in the report: a box to tick, date and time,
// channels, title, status.
const (
	colBox    = 6.0
	colWhen   = 27.0
	colChan   = 38.0
	colStatus = 26.0
	colTitle  = repTextW - colBox - colWhen - colChan - colStatus
)

// planSection prints the period week by week; a week without posts is
// one grey line.
func (d *reportDoc) planSection(ctx context.Context, sum *Summary) {
	var shown []data.Post
	for _, p := range d.r.plan.posts {
		if p.Status == data.StatusDiscarded {
			sum.LeftOut++
			continue
		}
		shown = append(shown, p)
	}
	sum.Posts = len(shown)
	p := d.r.plan
	d.heading("Redaktionsplan")
	intro := fmt.Sprintf("%d Beiträge im Zeitraum.", len(shown))
	if len(shown) == 1 {
		intro = "1 Beitrag im Zeitraum."
	}
	d.text(intro+" Das Kästchen vorne ist zum Abhaken, wenn ein Beitrag erschienen ist.", 0, "", 60)
	i := 0
	for start := calendar.WeekStart(p.from); !start.After(p.to) && ctx.Err() == nil; start = start.AddDays(7) {
		end := start.AddDays(6)
		j := i
		for j < len(shown) && !shown[j].Date.After(end) {
			j++
		}
		d.week(start, shown[i:j])
		i = j
	}
}

// week prints one week: its heading, its special days and its posts.
func (d *reportDoc) week(start calendar.Date, posts []data.Post) {
	label := d.weekHeading(start)
	d.subheading(label)
	if days := d.weekMarks(start); days != "" {
		d.holdText(days, 90)
	}
	if len(posts) == 0 {
		d.text("Keine Beiträge geplant.", 0, "", 110)
		return
	}
	for _, post := range posts {
		if h := d.planRowHeight(post); len(d.held) == 0 && d.f.GetY()+h > repBottom {
			d.f.AddPage()
			d.subheading(label + " (Fortsetzung)")
		}
		d.planRow(post)
	}
}

// weekMarks names the week's holidays, action days, own dates and quiet
// days in one line: "Besondere Tage: Fr 25.12. 1. Weihnachtstag · …".
func (d *reportDoc) weekMarks(start calendar.Date) string {
	a, b := d.span(start)
	var parts []string
	for _, q := range d.r.quiet {
		if !q.To.Before(a) && !q.From.After(b) {
			parts = append(parts, "Ruhezeit "+shortDate(q.From)+" – "+shortDate(q.To)+" ("+q.Note+")")
		}
	}
	for day := a; !day.After(b); day = day.AddDays(1) {
		for _, m := range d.r.marks[day] {
			label := m.Label
			switch m.Kind {
			case data.MarkReminder, data.MarkQuiet:
				continue // quiet periods are named once, above
			case data.MarkOwnDate:
				label = "eigener Termin: " + m.Label
			}
			parts = append(parts, weekdayShort[day.Weekday()]+" "+shortDate(day)+" "+label)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Besondere Tage: " + strings.Join(parts, " · ")
}

// planCells are a post's row texts: when, channels, title, status.
func (d *reportDoc) planCells(post data.Post) [4][]string {
	var c [4]string
	c[0] = weekdayShort[post.Date.Weekday()] + " " + shortDate(*post.Date)
	if post.Time != nil {
		c[0] += " " + post.Time.String()
	}
	c[1] = strings.Join(d.r.plan.channelNames(post), ", ")
	c[2] = post.Title
	c[3] = statusName(post.Status)
	d.font("", 9, 0)
	title := d.wrap(c[2], colTitle-1.5, 4)
	if q, ok := d.r.quietOn(*post.Date); ok {
		d.font("B", 9, 0)
		title = append(title, d.wrap("Achtung, Ruhezeit: "+q.Note+" – nicht veröffentlichen, nachfragen.", colTitle-1.5, 2)...)
	}
	if len(d.r.blocked[post.ID]) > 0 {
		d.font("B", 9, 0)
		title = append(title, d.wrap(blockedNote, colTitle-1.5, 2)...)
	}
	d.font("", 9, 0)
	return [4][]string{
		d.wrap(c[0], colWhen-1.5, 1),
		d.wrap(c[1], colChan-1.5, 3),
		title,
		d.wrap(c[3], colStatus, 1),
	}
}

// quietOn returns the quiet period a day lies in.
func (r *report) quietOn(day calendar.Date) (data.QuietPeriod, bool) {
	for _, q := range r.quiet {
		if !day.Before(q.From) && !day.After(q.To) {
			return q, true
		}
	}
	return data.QuietPeriod{}, false
}

func (d *reportDoc) planRowHeight(post data.Post) float64 {
	cells := d.planCells(post)
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return float64(n)*4.2 + 2.4
}

func (d *reportDoc) planRow(post data.Post) {
	f := d.f
	cells := d.planCells(post)
	h := d.planRowHeight(post)
	d.room(h)
	y := f.GetY()
	f.SetDrawColor(90, 90, 90)
	f.SetLineWidth(0.25)
	f.Rect(repMargin+0.5, y+1.6, 3, 3, "D")
	x := repMargin + colBox
	for k, w := range []float64{colWhen, colChan, colTitle, colStatus} {
		switch {
		case k == 0:
			d.font("B", 9, 0)
		case k == 3 && post.Status == data.StatusReview:
			d.font("B", 9, 0)
		case k == 3 && (post.Status == data.StatusIdea || post.Status == data.StatusDraft):
			d.font("", 9, 100)
		default:
			d.font("", 9, 0)
		}
		for n, l := range cells[k] {
			if k == 2 && (strings.HasPrefix(l, "Achtung, Ruhezeit") || strings.HasPrefix(l, blockedNote[:20])) {
				d.font("B", 9, 0)
				f.SetTextColor(160, 20, 20)
			}
			f.SetXY(x, y+1.2+float64(n)*4.2)
			f.CellFormat(w-1.5, 4.2, l, "", 0, "L", false, 0, "")
		}
		x += w
	}
	f.SetDrawColor(215, 215, 215)
	f.SetLineWidth(0.15)
	f.Line(repMargin, y+h, repW-repMargin, y+h)
	f.SetY(y + h)
}

// postLine is a post in a list: "Titel — Instagram, Facebook".
func (d *reportDoc) postLine(p data.Post) string {
	s := p.Title
	if ch := d.r.plan.channelNames(p); len(ch) > 0 {
		s += " — " + strings.Join(ch, ", ")
	}
	if t, ok := d.r.plan.topic(p); ok {
		s += " · Rubrik " + t.Name
	}
	if n := strings.TrimSpace(p.Notes); n != "" {
		s += " · Notiz: " + n
	}
	return s
}

func reportWhen(p data.Post) string {
	s := weekdayShort[p.Date.Weekday()] + " " + shortDate(*p.Date)
	if p.Time != nil {
		s += " " + p.Time.String()
	}
	return s
}

// openSection lists what still needs work: posts waiting for sign-off
// and drafts, each with its notes.
func (d *reportDoc) openSection() {
	var review, drafts []data.Post
	for _, p := range d.r.plan.posts {
		switch p.Status {
		case data.StatusReview:
			review = append(review, p)
		case data.StatusDraft, data.StatusIdea:
			drafts = append(drafts, p)
		}
	}
	d.heading("Offene Entwürfe und Freigaben")
	d.subheading("Zur Freigabe – warten auf die Referatsleitung")
	if len(review) == 0 {
		d.none("Keine Beiträge warten auf Freigabe.")
	}
	for _, p := range review {
		d.item(reportWhen(p), 32, d.postLine(p), 0)
	}
	d.subheading("Entwürfe und Ideen mit Termin – Text fertigstellen, dann zur Freigabe geben")
	if len(drafts) == 0 {
		d.none("Keine offenen Entwürfe im Zeitraum.")
	}
	for _, p := range drafts {
		d.item(reportWhen(p), 32, d.postLine(p)+" ("+statusName(p.Status)+")", 0)
	}
}

// ideasSection lists the ideas without a date that can fill a gap.
func (d *reportDoc) ideasSection() {
	ideas := d.r.ideas
	d.heading("Ideen, die bereitliegen")
	d.text("Ohne festen Termin; geeignet, wenn im Plan eine Lücke entsteht.", 0, "", 60)
	if len(ideas) == 0 {
		d.none("Keine Ideen gespeichert.")
		return
	}
	more := len(ideas) > repIdeasLimit
	if more {
		ideas = ideas[:repIdeasLimit]
	}
	for _, p := range ideas {
		line := d.postLine(p)
		if p.Status != data.StatusIdea {
			line += " (" + statusName(p.Status) + ")"
		}
		d.item("–", 5, line, 0)
	}
	if more {
		d.none(fmt.Sprintf("Weitere Ideen stehen im Ideenspeicher; hier die %d zuletzt bearbeiteten.", repIdeasLimit))
	}
}

// datesSection lists the series with their free slots in the period and
// the authority's own dates.
func (d *reportDoc) datesSection() {
	d.heading("Serien und eigene Termine")
	d.subheading("Serien (feste Formate)")
	free := map[int64][]string{}
	for _, s := range d.r.slots {
		free[s.SeriesID] = append(free[s.SeriesID], shortDate(s.Date))
	}
	n := 0
	for _, s := range d.r.series {
		if len(s.Rule.Occurrences(d.r.plan.from, d.r.plan.to)) == 0 {
			continue // ended or not yet started
		}
		n++
		body := s.Rule.String()
		var chs []string
		for _, id := range s.Channels {
			if c, ok := d.r.plan.channels[id]; ok {
				chs = append(chs, c.Name)
			}
		}
		if len(chs) > 0 {
			body += " — " + strings.Join(chs, ", ")
		}
		if f := free[s.ID]; len(f) > 0 {
			body += ". Noch ohne Beitrag: " + strings.Join(f, ", ")
		} else {
			body += ". Alle Termine im Zeitraum sind belegt."
		}
		if note := strings.TrimSpace(s.Notes); note != "" {
			body += " Hinweis: " + note
		}
		d.item(s.Title, 45, body, 0)
	}
	if n == 0 {
		d.none("Keine Serie im Zeitraum.")
	}
	d.subheading("Eigene Termine der Behörde")
	if len(d.r.ownDates) == 0 {
		d.none("Keine eigenen Termine im Zeitraum.")
	}
	for _, o := range d.r.ownDates {
		body := o.Name
		if note := strings.TrimSpace(o.Note); note != "" {
			body += " — " + note
		}
		d.item(o.Date.String(), 32, body, 0)
	}
}

// platformNames are the platforms as the report names them.
var platformNames = map[data.Platform]string{
	data.Instagram: "Instagram", data.TikTok: "TikTok", data.Facebook: "Facebook", data.LinkedIn: "LinkedIn",
	data.YouTube: "YouTube", data.Mastodon: "Mastodon", data.X: "X", data.Bluesky: "Bluesky", data.Threads: "Threads",
	data.Website: "Website", data.Newsletter: "Newsletter", data.Print: "Print", data.Other: "Sonstiges",
}

// channelsSection lists the channels in use with their handle, their
// cadence and where their access is documented.
func (d *reportDoc) channelsSection() {
	chs, _ := d.r.channelList()
	d.heading("Kanäle und Zugänge")
	d.text("Passwörter stehen nie in dieser Mappe, nur wo der Zugang hinterlegt ist.", 0, "", 60)
	if len(chs) == 0 {
		d.none("Keine Kanäle angelegt.")
	}
	for _, c := range chs {
		var parts []string
		if pn := platformNames[c.Platform]; pn != c.Name {
			parts = append(parts, pn)
		}
		if h := strings.TrimSpace(c.Handle); h != "" {
			parts = append(parts, h)
		}
		if c.Cadence.Count > 0 {
			per := "Woche"
			if c.Cadence.Period == data.PerMonth {
				per = "Monat"
			}
			parts = append(parts, fmt.Sprintf("Takt: %d pro %s", c.Cadence.Count, per))
		}
		access := "Zugang: nicht hinterlegt – bitte bei den Ansprechpartnern erfragen."
		if d.r.notes.Contacts == "" {
			access = "Zugang: nicht hinterlegt – bitte bei der Referatsleitung oder der IT erfragen."
		}
		if a := c.AccessNote; a != "" {
			access = "Zugang: " + strings.TrimPrefix(strings.TrimPrefix(a, "Zugang:"), " ")
		}
		d.item(c.Name, 38, strings.Join(parts, " · ")+"\n"+access, 0)
	}
}

// channelList is the channels in display order, disabled ones left out.
func (r *report) channelList() ([]data.Channel, int) {
	var out []data.Channel
	off := 0
	for _, c := range r.plan.channels {
		if c.Disabled {
			off++
			continue
		}
		out = append(out, c)
	}
	sortChannels(out)
	return out, off
}

func sortChannels(cs []data.Channel) {
	slices.SortFunc(cs, func(a, b data.Channel) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
}

// rulesSection prints the quiet periods near the period and the office's
// netiquette.
func (d *reportDoc) rulesSection() {
	d.heading("Regeln")
	d.subheading("Ruhezeiten – in dieser Zeit nichts veröffentlichen")
	if len(d.r.quiet) == 0 {
		d.none("Keine Ruhezeit im Zeitraum oder in den zwei Wochen davor und danach.")
	}
	for _, q := range d.r.quiet {
		span := q.From.String() + " – " + q.To.String()
		if q.From == q.To {
			span = q.From.String()
		}
		d.item(span, 48, q.Note, 0)
	}
	net := d.r.notes.Netiquette
	d.subheading("Netiquette – so antworten wir auf Kommentare und Nachrichten")
	if net == "" {
		d.none("Keine Netiquette hinterlegt. Im Zweifel nicht antworten, sondern die Ansprechpartner fragen.")
		return
	}
	d.text(net, 0, "", 0)
}

// consentsSection lists consents and licences that end before the period
// is over, and withdrawals that still concern planned posts.
func (d *reportDoc) consentsSection() {
	d.heading("Einwilligungen und Lizenzen")
	d.text("Bilder mit Personen dürfen nur mit gültiger Einwilligung erscheinen; Bilder mit abgelaufener Lizenz gar nicht. "+
		"Ist ein Beitrag betroffen, das Bild nicht verwenden und nachfragen.", 0, "", 60)
	if len(d.r.reminders) == 0 {
		d.none("Bis zum Ende des Zeitraums endet keine Einwilligung und keine Lizenz; niemand hat widerrufen.")
	}
	for _, rm := range d.r.reminders {
		d.item(rm.Date.String(), 26, rm.Message().Text("de"), 0)
	}
	if len(d.r.blocked) == 0 {
		return
	}
	d.subheading("Geplante Beiträge, die so nicht erscheinen dürfen")
	for _, p := range d.r.plan.posts {
		why := d.r.blocked[p.ID]
		if len(why) == 0 {
			continue
		}
		if len(why) > 4 {
			why = append(why[:4:4], fmt.Sprintf("… und %d weitere Gründe", len(why)-4))
		}
		line := p.Title
		if ch := d.r.plan.channelNames(p); len(ch) > 0 {
			line += " — " + strings.Join(ch, ", ")
		}
		d.item(reportWhen(p), 26, line+"\n"+strings.Join(why, "\n"), 0)
	}
}

// blockedNote marks a post in the plan that may not go out as it is.
const blockedNote = "Achtung, Einwilligung oder Lizenz fehlt – so nicht veröffentlichen."

// contactsSection names the authority, the contacts the office wrote
// down and who worked in the workspace lately.
func (d *reportDoc) contactsSection() {
	c := d.r.notes.Contacts
	d.heading("Ansprechpartner")
	if d.r.plan.org != "" {
		d.item("Behörde", 38, d.r.plan.org, 0)
	}
	if len(d.r.authors) > 0 {
		d.item("Zuletzt in Feedtakt", 38, strings.Join(d.r.authors, ", "), 0)
	}
	if c == "" {
		d.none("Keine Ansprechpartner hinterlegt (in Feedtakt unter Einstellungen).")
		return
	}
	d.f.SetY(d.f.GetY() + 1)
	d.text(c, 0, "", 0)
}
