// The post editor's preview: the final text of one chosen channel as that
// platform will show it (placeholders filled, line breaks, hashtags
// marked, Instagram's cut after the first lines) with a counter that
// counts the way the platform counts; and a small counter under every
// channel's own text. Everything is rendered from the RenderContext read
// when the editor opened, so it follows every keystroke without the
// database.

package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/rivo/uniseg"

	"feedtakt/data"
	"feedtakt/data/caption"
)

// Instagram shows a caption's first 125 characters or two lines, then
// "… mehr".
const (
	instagramCutChars = 125
	instagramCutLines = 2
)

// previewPanel is the right side's upper part: the channel choice, the
// text as that channel shows it and its counter.
type previewPanel struct {
	e       *editor
	top     fyne.CanvasObject
	content *fyne.Container

	choice  *widget.Select
	ids     []int64 // the choice's channels, in its order
	chosen  int64
	handle  *widget.Label
	text    *widget.RichText
	cut     *widget.Label // "Nach „… mehr“:" above the rest of an Instagram caption
	rest    *widget.RichText
	more    *fyne.Container // the cut label and the whole text, shown where Instagram cuts
	counter *counterLine
	empty   *widget.Label
	card    *fyne.Container
	scroll  *container.Scroll // the right side's scroll, holding the preview and the checks

	final data.FinalText // what is shown, for tests
}

func (e *editor) newPreviewPanel() *previewPanel {
	pp := &previewPanel{e: e}
	head := widget.NewLabelWithStyle(lang.L("Preview"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pp.choice = widget.NewSelect(nil, func(string) {
		if i := pp.choice.SelectedIndex(); i >= 0 && i < len(pp.ids) {
			pp.chosen = pp.ids[i]
		}
		e.onFormChanged()
	})
	pp.choice.PlaceHolder = lang.L("(choose a channel)")
	pp.top = container.NewBorder(nil, nil, head, nil, pp.choice)

	pp.handle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pp.text = widget.NewRichText()
	pp.text.Wrapping = fyne.TextWrapWord
	pp.cut = widget.NewLabelWithStyle(lang.L("Whole text after “… more”:"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	pp.rest = widget.NewRichText()
	pp.rest.Wrapping = fyne.TextWrapWord
	pp.more = container.NewVBox(widget.NewSeparator(), pp.cut, pp.rest)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	pp.card = container.NewStack(bg, container.NewPadded(container.NewVBox(pp.handle, pp.text, pp.more)))
	pp.counter = newCounterLine()
	pp.empty = wrapped(lang.L("Tick a channel: the preview shows the text as that channel will show it."))
	pp.empty.Importance = widget.LowImportance
	pp.content = container.NewVBox(pp.empty, pp.card, pp.counter.box)
	return pp
}

// update shows p's final text for the chosen channel (the first ticked
// one when the chosen one is no longer ticked).
func (pp *previewPanel) update(p data.Post, media []data.Media) {
	e := pp.e
	var names []string
	pp.ids = nil
	for _, c := range p.Channels {
		if _, ok := e.rc.Channels[c.ChannelID]; !ok {
			continue // a deleted channel: nothing to render for
		}
		pp.ids = append(pp.ids, c.ChannelID)
		names = append(names, e.look.channelName(c.ChannelID))
	}
	idx := -1
	for i, id := range pp.ids {
		if id == pp.chosen {
			idx = i
		}
	}
	if idx < 0 && len(pp.ids) > 0 {
		idx, pp.chosen = 0, pp.ids[0]
	}
	pp.choice.Options = names
	if idx >= 0 && pp.choice.SelectedIndex() != idx {
		// SetSelectedIndex would call back into onFormChanged.
		pp.choice.Selected = names[idx]
	}
	pp.choice.Refresh()
	if idx < 0 {
		pp.chosen = 0
		pp.final = data.FinalText{}
		if e.rcErr != nil {
			pp.empty.SetText(lang.L("The preview could not be prepared.") + " " + explain(e.rcErr))
		}
		pp.empty.Show()
		pp.card.Hide()
		pp.counter.box.Hide()
		return
	}
	pp.empty.Hide()
	pp.card.Show()
	f := e.rc.Final(p, media, pp.chosen)
	pp.final = f
	pp.handle.SetText(previewHandle(f.Channel))
	text := strings.ReplaceAll(f.Text, "\r\n", "\n")
	head, rest := text, ""
	if f.Channel.Platform == data.Instagram {
		head, rest = instagramCut(text)
	}
	segs := previewSegments(head)
	if rest != "" {
		segs = append(segs, &widget.TextSegment{Text: " " + lang.L("… more"), Style: widget.RichTextStyle{
			Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}})
	}
	if strings.TrimSpace(text) == "" {
		segs = []widget.RichTextSegment{&widget.TextSegment{Text: lang.L("(no text yet)"), Style: widget.RichTextStyle{
			Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Italic: true}}}}
	}
	pp.text.Segments = segs
	pp.text.Refresh()
	pp.more.Hidden = rest == ""
	pp.rest.Segments = previewSegments(text) // the whole text, as it reads after "… mehr"
	pp.rest.Refresh()
	pp.counter.set(f.Channel.Platform, f.Counted)
	pp.content.Refresh()
	if pp.scroll != nil {
		pp.scroll.Refresh() // a shorter text gives the room back
	}
}

// previewHandle is the line above the text: the channel's handle as the
// platform shows the author, else its name.
func previewHandle(c data.Channel) string {
	if c.Handle != "" {
		return c.Name + " · " + c.Handle
	}
	return c.Name
}

// instagramCut splits text where Instagram puts "… mehr": after the first
// 125 characters or the second line, whichever comes first; rest is ""
// when the whole text shows.
func instagramCut(text string) (head, rest string) {
	n, lines := 0, 0
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		from, _ := g.Positions()
		if g.Str() == "\n" {
			lines++
			if lines == instagramCutLines {
				return text[:from], text[from:]
			}
		}
		if n == instagramCutChars {
			return text[:from], text[from:]
		}
		n++
	}
	return text, ""
}

// previewSegments are text's pieces for the preview, hashtags in bold and
// the accent colour.
func previewSegments(text string) []widget.RichTextSegment {
	plain := widget.RichTextStyleInline
	tag := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}
	var out []widget.RichTextSegment
	add := func(s string, st widget.RichTextStyle) {
		if s != "" {
			out = append(out, &widget.TextSegment{Text: s, Style: st})
		}
	}
	at := 0
	for _, h := range caption.TextHashtags(text) {
		i := strings.Index(text[at:], h)
		if i < 0 {
			continue
		}
		// The space before a hashtag goes with it: Fyne wraps a segment
		// that does not fit the rest of a line letter by letter unless
		// it has a space to break at.
		lead := text[at : at+i]
		sp := len(lead) - len(strings.TrimRight(lead, " "))
		add(lead[:len(lead)-sp], plain)
		add(lead[len(lead)-sp:]+h, tag)
		at += i + len(h)
	}
	add(text[at:], plain)
	return out
}

// counterLine is a count against the platform's limits: "287 / 280
// Zeichen · 6 / 5 Hashtags", in the error colour with a stop icon when
// over (not colour alone).
type counterLine struct {
	box   *fyne.Container
	icon  *widget.Icon
	label *widget.Label
	over  bool
}

func newCounterLine() *counterLine {
	cl := &counterLine{icon: widget.NewIcon(theme.ErrorIcon()), label: widget.NewLabel("")}
	cl.label.Wrapping = fyne.TextWrapWord
	cl.icon.Hide()
	cl.box = container.NewBorder(nil, nil, cl.icon, nil, cl.label)
	return cl
}

func (cl *counterLine) set(p data.Platform, c caption.Counted) {
	cl.over = c.Over()
	cl.label.SetText(overCounterText(p, c))
	cl.icon.Hidden = !cl.over
	cl.label.Importance = widget.MediumImportance
	if cl.over {
		cl.label.Importance = widget.DangerImportance
	}
	cl.label.Refresh()
	cl.box.Show()
	cl.box.Refresh()
}

// overCounterText is the editor's counter: counterText's figures, and
// when over "– zu lang für X" (or "zu viele Hashtags für Instagram" when
// only the hashtags are over).
func overCounterText(p data.Platform, c caption.Counted) string {
	s := counterText(c)
	if !c.Over() {
		return s
	}
	args := map[string]any{"Platform": platformName(p)}
	if c.HashtagLimit > 0 && c.Hashtags > c.HashtagLimit && !(c.Limit > 0 && c.N > c.Limit) && !(c.ByteLimit > 0 && c.Bytes > c.ByteLimit) {
		return s + " – " + lang.L("too many hashtags for {{.Platform}}", args)
	}
	return s + " – " + lang.L("too long for {{.Platform}}", args)
}

// ownCounter is the counter line under channel id's own text.
func (e *editor) ownCounter(id int64) *counterLine {
	if e.ownCounts == nil {
		e.ownCounts = map[int64]*counterLine{}
	}
	cl, ok := e.ownCounts[id]
	if !ok {
		cl = newCounterLine()
		cl.box.Hide()
		e.ownCounts[id] = cl
	}
	return cl
}

// watchText makes a text field feed the preview and the checks, and
// remembers it as where Baustein and Hashtag-Set go in.
func (e *editor) watchText(en *keyEntry) {
	en.OnChanged = func(string) {
		e.lastText = en
		e.onFormChanged()
	}
	en.OnCursorChanged = func() { e.lastText = en }
}

// mediaItems are the pictures as linked in the form now.
func (e *editor) mediaItems() []data.Media {
	if e.mediaBox != nil && !e.mediaBox.readErr {
		return e.mediaBox.items
	}
	return e.media
}

// onFormChanged renders the preview, the own texts' counters and the
// checks from the form as typed; pure, so it runs on every keystroke.
func (e *editor) onFormChanged() {
	if e.preview == nil || e.checks == nil {
		return // still being built
	}
	p, _ := e.collect()
	media := e.mediaItems()
	e.preview.update(p, media)
	for _, pc := range p.Channels {
		cl := e.ownCounter(pc.ChannelID)
		if _, ok := e.rc.Channels[pc.ChannelID]; !ok || strings.TrimSpace(pc.Caption) == "" {
			cl.box.Hide()
			continue
		}
		f := e.rc.Final(p, media, pc.ChannelID)
		cl.set(f.Channel.Platform, f.Counted)
	}
	e.checks.update(p, media)
	e.showFillButton()
}

// onPicturesChanged follows pictures added or removed: their credit lines
// feed {Bildnachweis} and their alt texts the checks. The pictures come
// with the media section (read with their current credit), and the
// RenderContext holds nothing about them, so nothing is read again.
func (e *editor) onPicturesChanged() {
	if e.preview == nil {
		return
	}
	e.onFormChanged()
}

// hashtagSetSelect is the choice of the hashtag set {Hashtags} stands for.
func (e *editor) hashtagSetSelect(id int64) *widget.Select {
	opts := []string{lang.L("(none)")}
	e.tagSets = nil
	for _, t := range e.templates {
		if t.Kind == data.KindHashtags {
			e.tagSets = append(e.tagSets, t)
			opts = append(opts, t.Name)
		}
	}
	s := widget.NewSelect(opts, nil)
	s.SetSelectedIndex(0)
	for i, t := range e.tagSets {
		if t.ID == id {
			s.SetSelectedIndex(i + 1)
		}
	}
	if id != 0 && s.SelectedIndex() == 0 {
		// A set that is gone (or unreadable) stays as it was rather than
		// silently becoming "(keins)".
		e.tagSets = append(e.tagSets, data.Template{ID: id, Kind: data.KindHashtags, Name: lang.L("(unknown set)")})
		s.Options = append(s.Options, lang.L("(unknown set)"))
		s.SetSelectedIndex(len(s.Options) - 1)
	}
	s.OnChanged = func(string) { e.onFormChanged() }
	return s
}

// hashtagSetID is the chosen hashtag set, 0 for none.
func (e *editor) hashtagSetID() int64 {
	if e.tagSet == nil {
		return e.post.HashtagSetID
	}
	if i := e.tagSet.SelectedIndex(); i > 0 && i <= len(e.tagSets) {
		return e.tagSets[i-1].ID
	}
	return 0
}

// setHashtagSet chooses set id (0: none).
func (e *editor) setHashtagSet(id int64) {
	if id == 0 {
		e.tagSet.SetSelectedIndex(0)
		return
	}
	for i, t := range e.tagSets {
		if t.ID == id {
			e.tagSet.SetSelectedIndex(i + 1)
		}
	}
}
