package exchange

import (
	"context"
	"strconv"
	"strings"

	"feedtakt/data"
)

// The texts below a post's row (Request.Texts): the labels ("Instagram,
// Facebook:", "Bildbeschreibung:") under the Kanäle column, the texts from
// the Titel column to the right edge, the picture under Datum and Uhrzeit.
const (
	textLabelX = marginX + 37 + cellPad // under the Kanäle column
	textLabelW = 48 - 2*cellPad
	textX      = marginX + 85 + cellPad // under the Titel column
	textW      = tableW - 85 - 2*cellPad
	textSize   = 9.0
	labelSize  = 8.0
	groupGap   = 2.0 // above each channel's text and each Bildbeschreibung
	paraGap    = 1.8 // for an empty line between paragraphs
	blockPad   = 1.6 // below the texts, above the line to the next post
)

// The marks put into a text where the fonts lack characters: a run of
// emoji becomes "[Emoji]", other characters (a script the fonts lack)
// "[Zeichen]", printed in grey.
const (
	emojiMark = "[Emoji]"
	charMark  = "[Zeichen]"
)

// textLine is one line of a post's texts.
type textLine struct {
	label string  // the label's line beside it, if any
	group string  // the label's first line, repeated when a page break splits the text
	text  string  // cleaned and wrapped
	note  bool    // text is a remark ("kein Text", "fehlt"), printed grey
	gap   float64 // room above the line
}

// postTexts adds the units of a post's texts: its picture, the final text
// of each channel (channels with the same text together), the
// Bildbeschreibung of each picture and video, and the line below them. A
// long text goes on on the next page below the week's heading and a
// "Fortsetzung" line naming the post; the row, the picture and the first
// two lines stay together.
func (d *pdfPlan) postTexts(ctx context.Context, post data.Post, cont func()) error {
	media := d.p.texts.media[post.ID]
	d.counting = true
	lines := d.textLines(post, media)
	d.counting = false
	pic, more, err := d.postPicture(ctx, media)
	if err != nil {
		return err
	}
	d.font("", labelSize, 0)
	title := d.fit("„"+post.Title+"“", textW-30)
	lineCont := func() {
		cont()
		d.contNote("Fortsetzung: " + dayName(*post.Date) + " · " + title)
	}
	var bottom float64 // where the picture ends, on page picPage
	picPage := 0
	if pic != nil {
		need := pic.h + 2
		if more > 0 {
			need += lineH
		}
		d.add(&unit{need: need, keep: true, cont: lineCont, draw: func(y float64) {
			d.drawPicture(pic, more, y+1.2)
			picPage, bottom = d.f.PageNo(), y+need
		}})
	}
	for i, l := range lines {
		// After a page break inside a text its label comes again.
		again := l
		if again.label == "" {
			again.label = l.group
		}
		d.add(&unit{h: lineH + l.gap, keep: i == 0 || i == len(lines)-1, cont: lineCont, draw: func(y float64) {
			if d.pageTop {
				d.textLine(again, y)
				return
			}
			d.textLine(l, y)
		}})
	}
	end := func(y float64) float64 {
		if picPage == d.f.PageNo() && bottom > y {
			return bottom - y + blockPad
		}
		return blockPad
	}
	d.add(&unit{h: blockPad, dyn: end, cont: cont, draw: func(y float64) {
		f := d.f
		f.SetDrawColor(210, 210, 210)
		f.SetLineWidth(0.15)
		f.Line(marginX, y+end(y), marginX+tableW, y+end(y))
		d.underHead = false
	}})
	return nil
}

// contNote is the grey line at the top of a page that goes on with a
// post's texts.
func (d *pdfPlan) contNote(text string) {
	f := d.f
	y := f.GetY() + 0.8
	d.font("", labelSize, 110)
	f.SetXY(textLabelX, y)
	f.CellFormat(tableW-textLabelX+marginX, lineH, text, "", 0, "L", false, 0, "")
	f.SetY(y + lineH + 0.4)
	d.underHead = false
}

// textLines are the lines of a post's texts.
func (d *pdfPlan) textLines(post data.Post, media []data.Media) []textLine {
	var out []textLine
	for _, g := range d.captionGroups(post, media) {
		out = append(out, d.group(g.label, g.text, "(kein Text)")...)
	}
	var pictures []data.Media
	for _, m := range media {
		if m.Kind == "image" || m.Kind == "video" {
			pictures = append(pictures, m)
		}
	}
	for i, m := range pictures {
		label := "Bildbeschreibung:"
		if len(pictures) > 1 {
			label = "Bildbeschreibung " + strconv.Itoa(i+1) + ":"
		}
		out = append(out, d.group(label, m.AltText, "(fehlt)")...)
	}
	return out
}

type captionGroup struct {
	names []string
	label string
	text  string
}

// captionGroups are a post's final texts, placeholders filled as they go
// out, one per different text, labelled with the channels that post it.
// A post without channels shows its caption as "Text:".
func (d *pdfPlan) captionGroups(post data.Post, media []data.Media) []captionGroup {
	rc := d.p.texts.rc
	if len(post.Channels) == 0 {
		return []captionGroup{{label: "Text:", text: rc.Final(post, media, 0).Text}}
	}
	var groups []captionGroup
	index := map[string]int{}
	for _, ft := range rc.Finals(post, media) {
		name := ft.Channel.Name
		if c, ok := d.p.channels[ft.ChannelID]; ok {
			name = c.Name
		}
		text := strings.TrimSpace(ft.Text)
		if k, ok := index[text]; ok {
			groups[k].names = append(groups[k].names, name)
			continue
		}
		index[text] = len(groups)
		groups = append(groups, captionGroup{names: []string{name}, text: text})
	}
	for i := range groups {
		groups[i].label = strings.Join(groups[i].names, ", ") + ":"
	}
	return groups
}

// group lays out one labelled text: the label wrapped beside the text's
// first lines, paragraphs kept, an empty line as a small gap; empty
// stands in for a text that is empty.
func (d *pdfPlan) group(label, text, empty string) []textLine {
	d.font("B", labelSize, 0)
	labels := d.wrap(label, textLabelW, 3)
	d.font("", textSize, 0)
	var body []textLine
	blank := false
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) == "" {
			blank = len(body) > 0
			continue
		}
		for k, l := range d.wrapClean(d.cleanWith(para, true), textW, 1<<30) {
			tl := textLine{text: l}
			if k == 0 && blank {
				tl.gap = paraGap
			}
			body = append(body, tl)
		}
		blank = false
	}
	if len(body) == 0 {
		body = []textLine{{text: empty, note: true}}
	}
	for len(body) < len(labels) {
		body = append(body, textLine{})
	}
	for i, l := range labels {
		body[i].label = l
	}
	for i := range body {
		body[i].group = labels[0]
	}
	body[0].gap = groupGap
	return body
}

// textLine draws a line of a post's texts at y, the marks for characters
// the fonts lack in grey.
func (d *pdfPlan) textLine(l textLine, y float64) {
	f := d.f
	y += l.gap
	if l.label != "" {
		d.font("B", labelSize, 75)
		f.SetXY(textLabelX, y)
		f.CellFormat(textLabelW, lineH, l.label, "", 0, "L", false, 0, "")
	}
	grey := 0
	if l.note {
		grey = 110
	}
	x := textX
	for _, s := range splitMarks(l.text) {
		g := grey
		if s.mark {
			g = 130
		}
		d.font("", textSize, g)
		w := f.GetStringWidth(s.text)
		f.SetXY(x, y)
		f.CellFormat(w, lineH, s.text, "", 0, "L", false, 0, "")
		x += w
	}
}

type segment struct {
	text string
	mark bool
}

// splitMarks cuts a line into text and the marks for left-out characters.
func splitMarks(s string) []segment {
	var out []segment
	for s != "" {
		i, m := -1, ""
		for _, mk := range []string{emojiMark, charMark} {
			if k := strings.Index(s, mk); k >= 0 && (i < 0 || k < i) {
				i, m = k, mk
			}
		}
		if i < 0 {
			return append(out, segment{text: s})
		}
		if i > 0 {
			out = append(out, segment{text: s[:i]})
		}
		out = append(out, segment{text: m, mark: true})
		s = s[i+len(m):]
	}
	return out
}
