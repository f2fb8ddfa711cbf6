// The Posten view: the hour she posts. Feedtakt never talks to a network,
// so she posts by hand in each platform's own app; this view puts
// everything she carries over in one place: per channel the final text
// (placeholders filled, counted by the platform's rule) to copy, per
// picture its Bildbeschreibung to copy and the upload file to prepare, and
// per channel the mark that it went out, with link and time.

package app

import (
	"context"
	"errors"
	"image"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/caption"
	"feedtakt/data/thumbs"
)

// copiedFor is how long "In die Zwischenablage kopiert" stays beside a
// copy button.
const copiedFor = 3 * time.Second

// postingPictureWidth is the width of the pictures' column.
const postingPictureWidth = float32(340)

// postingView is the open Posten view of one post.
type postingView struct {
	u       *UI
	changed func()
	ro      bool

	post     data.Post
	media    []data.Media
	rc       data.RenderContext
	findings []data.ReviewFinding

	dlg      *dialog.CustomDialog
	body     fyne.CanvasObject // the dialog's content (tests)
	meta     *widget.Label     // day, time, status
	done     *fyne.Container
	channels []*postingChannel
	pictures []*postingPicture

	cache  *thumbs.Cache
	thumbs map[string][]*canvas.Image // waiting for their thumbnail, by hash
	// form is the open "Als veröffentlicht markieren …" form (tests).
	form *markForm
}

// postingChannel is one channel's card.
type postingChannel struct {
	final   data.FinalText
	text    *widget.Label
	count   *widget.Label
	copyB   *widget.Button
	copied  *widget.Label
	markBox *fyne.Container
	markB   *widget.Button // "Als veröffentlicht markieren …" (nil while marked)
	unmarkB *widget.Button // "Markierung entfernen" (nil while not marked)
}

// postingPicture is one picture's card.
type postingPicture struct {
	m       data.Media
	copyB   *widget.Button
	copied  *widget.Label
	prepare *widget.Button
}

// openPosting shows the Posten view for post p: per channel the final text
// to copy, per picture its alt text and upload file, and marking the post
// published. changed runs after something was stored (a channel marked).
// The post, its pictures and everything rendering needs are read in the
// background first.
func openPosting(u *UI, p data.Post, changed func()) {
	startPosting(u, p, changed)
}

// startPosting is openPosting returning the view, which is filled in and
// shown once the background read is done (tests wait for it).
func startPosting(u *UI, p data.Post, changed func()) *postingView {
	if p.ID == 0 {
		dialog.ShowInformation(lang.L("Post …"), lang.L("Please save the post first."), u.win)
		return nil
	}
	if changed == nil {
		changed = func() {}
	}
	v := &postingView{u: u, changed: changed, ro: u.ws.ReadOnly(), thumbs: map[string][]*canvas.Image{}}
	ws := u.ws
	id := p.ID
	u.run(func(ctx context.Context) func() {
		post, err := ws.Post(ctx, id)
		var media []data.Media
		var rc data.RenderContext
		if err == nil {
			if media, err = ws.PostMedia(ctx, id); err == nil {
				rc, err = ws.RenderContext(ctx)
			}
		}
		return func() {
			if err != nil {
				u.showError(lang.L("The post could not be opened."), err)
				return
			}
			v.post, v.media, v.rc = post, media, rc
			v.findings = rc.Review(post, media)
			v.show()
		}
	})
	return v
}

// show builds the dialog: the head with the blocking findings, the
// channels' cards on the left, the pictures on the right.
func (v *postingView) show() {
	u := v.u
	v.cache = thumbs.NewCache(filepath.Join(u.ws.Dir(), data.ThumbsDir))
	v.body = container.NewBorder(v.head(), nil, nil, nil, v.columns())
	editB := widget.NewButtonWithIcon(lang.L("Open in the editor"), theme.DocumentCreateIcon(), v.onEdit)
	closeB := widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), func() { v.dlg.Hide() })
	title := lang.L("Posting")
	v.dlg = dialog.NewCustomWithoutButtons(title, v.body, u.win)
	v.dlg.SetButtons([]fyne.CanvasObject{editB, closeB})
	win := u.win.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(1240, win.Width-40), win.Height-40))
	v.dlg.Show()
	v.loadThumbs()
}

// head is the post's title, day, time and status, and — when a check
// blocks — a box that says the post is not ready, with the way to the
// editor.
func (v *postingView) head() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(v.post.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	title.Truncation = fyne.TextTruncateEllipsis
	v.meta = widget.NewLabel("")
	v.meta.Truncation = fyne.TextTruncateEllipsis
	v.done = container.NewVBox()
	v.updateHead()
	items := []fyne.CanvasObject{title, v.meta, v.done}
	var blocking []string
	for _, f := range v.findings {
		if f.Blocking {
			blocking = append(blocking, v.findingLine(f))
		}
	}
	if len(blocking) > 0 {
		items = append(items, v.notReady(blocking))
	}
	// Hints about the whole post (the shared caption, the day); those of
	// one channel or picture stand on its card.
	var hints int
	for _, f := range v.findings {
		if f.Blocking || f.ChannelID != 0 || f.MediaID != 0 {
			continue
		}
		if hints++; hints > maxHeadLines {
			continue
		}
		l := wrapped(findingText(f))
		l.Importance = widget.WarningImportance
		l.SizeName = theme.SizeNameCaptionText
		items = append(items, l)
	}
	if hints > maxHeadLines {
		items = append(items, widget.NewLabel(lang.L("… and {{.N}} more", map[string]any{"N": hints - maxHeadLines})))
	}
	return container.NewVBox(items...)
}

// updateHead shows the post's day, time and status as stored now, and
// says so when every channel is marked.
func (v *postingView) updateHead() {
	parts := []string{}
	if d := v.post.Date; d != nil {
		day := dayText(*d)
		if v.post.Time != nil {
			day += ", " + lang.L("{{.Time}} o'clock", map[string]any{"Time": v.post.Time.String()})
		}
		parts = append(parts, day)
	} else {
		parts = append(parts, lang.L("Idea (no date yet)"))
	}
	parts = append(parts, lang.L("Status: {{.Status}}", map[string]any{"Status": statusName(v.post.Status)}))
	v.meta.SetText(strings.Join(parts, " · "))
	v.done.Objects = nil
	if v.post.Status == data.StatusPublished {
		l := widget.NewLabelWithStyle(lang.L("Every channel is marked: the post is published."), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = widget.SuccessImportance
		l.Wrapping = fyne.TextWrapWord
		v.done.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, l)}
	}
	v.done.Refresh()
}

// maxHeadLines is how many blocking findings the head lists; the rest are
// counted, so the channels keep the room on a 768 px screen.
const maxHeadLines = 3

// notReady is the box of blocking findings.
func (v *postingView) notReady(lines []string) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(lang.L("This post is not ready to be posted yet"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Importance = widget.DangerImportance
	items := []fyne.CanvasObject{container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, head)}
	// One label for the lines: a label each would put a label's padding
	// between them, room the channels need on a 768 px screen.
	shown := make([]string, 0, maxHeadLines+1)
	for i, l := range lines {
		if i == maxHeadLines {
			shown = append(shown, lang.L("… and {{.N}} more", map[string]any{"N": len(lines) - maxHeadLines}))
			break
		}
		shown = append(shown, "• "+l)
	}
	items = append(items, wrapped(strings.Join(shown, "\n")))
	edit := widget.NewButtonWithIcon(lang.L("Open in the editor"), theme.DocumentCreateIcon(), v.onEdit)
	edit.Importance = widget.HighImportance
	items = append(items, container.NewHBox(edit))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	bg.StrokeColor = theme.Color(theme.ColorNameError)
	bg.StrokeWidth = 2
	return container.NewStack(bg, container.NewPadded(container.NewVBox(items...)))
}

// findingLine is a finding's full sentence, with the channel's name in
// front where it is about one channel's text.
func (v *postingView) findingLine(f data.ReviewFinding) string {
	text := findingText(f)
	if f.ChannelID != 0 {
		text = v.channelName(f.ChannelID) + ": " + text
	}
	return text
}

func (v *postingView) channelName(id int64) string {
	if c, ok := v.rc.Channels[id]; ok {
		return c.Name
	}
	return lang.L("(deleted channel)")
}

// columns are the channels' cards and, beside them, the pictures.
func (v *postingView) columns() fyne.CanvasObject {
	cards := container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding() * 3))
	for _, f := range v.rc.Finals(v.post, v.media) {
		pc := &postingChannel{final: f}
		v.channels = append(v.channels, pc)
		cards.Add(v.channelCard(pc))
	}
	if len(v.channels) == 0 {
		cards.Add(wrapped(lang.L("The post has no channel yet. Choose its channels in the editor.")))
	}
	left := container.NewVScroll(cards)
	if len(v.media) == 0 {
		return left
	}
	pics := container.NewVBox(widget.NewLabelWithStyle(lang.L("Pictures ({{.N}})", map[string]any{"N": len(v.media)}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, m := range v.media {
		pp := &postingPicture{m: m}
		v.pictures = append(v.pictures, pp)
		pics.Add(v.pictureCard(pp))
	}
	right := container.New(&fixedWidth{w: postingPictureWidth}, container.NewVScroll(pics))
	return container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewSeparator(), right), left)
}

// channelCard is one channel: name, platform and handle, the counter, the
// final text (selectable, not editable: changes belong in the editor),
// Text kopieren, the channel's other findings and the published mark.
func (v *postingView) channelCard(pc *postingChannel) fyne.CanvasObject {
	f := pc.final
	name := widget.NewLabelWithStyle(v.channelName(f.ChannelID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var parts []string // the platform where the name does not say it
	if pn := platformName(f.Channel.Platform); !strings.EqualFold(pn, name.Text) {
		parts = append(parts, pn)
	}
	if f.Channel.Handle != "" {
		parts = append(parts, f.Channel.Handle)
	}
	detail := strings.Join(parts, " · ")
	info := widget.NewLabel(detail)
	info.Truncation = fyne.TextTruncateEllipsis
	pc.count = widget.NewLabelWithStyle(counterText(f.Counted), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	if f.Counted.Over() {
		pc.count.Importance = widget.DangerImportance
	}
	top := container.NewBorder(nil, nil, name, pc.count, info)

	pc.text = widget.NewLabel(f.Text)
	pc.text.Wrapping = fyne.TextWrapWord
	pc.text.Selectable = true
	if strings.TrimSpace(f.Text) == "" {
		pc.text.SetText(lang.L("(no text)"))
		pc.text.Importance = widget.LowImportance
	}
	textBg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	textBg.CornerRadius = theme.InputRadiusSize()
	textBg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	textBg.StrokeWidth = 1
	text := container.NewStack(textBg, pc.text)

	pc.copied = widget.NewLabel("")
	pc.copied.Importance = widget.SuccessImportance
	pc.copyB = widget.NewButtonWithIcon(lang.L("Copy text"), theme.ContentCopyIcon(), func() {
		v.copy(pc.final.Text, pc.copied)
	})
	pc.copyB.Importance = widget.HighImportance
	if strings.TrimSpace(f.Text) == "" {
		pc.copyB.Disable()
	}
	pc.markBox = container.NewHBox()
	v.showMark(pc)
	items := []fyne.CanvasObject{top, text}
	for _, fd := range v.findings {
		if fd.ChannelID == f.ChannelID && fd.MediaID == 0 && !fd.Blocking {
			l := wrapped(findingText(fd))
			l.Importance = widget.WarningImportance
			l.SizeName = theme.SizeNameCaptionText
			items = append(items, l)
		}
	}
	items = append(items, container.NewBorder(nil, nil, container.NewHBox(pc.copyB, pc.copied), pc.markBox))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	return container.NewStack(bg, container.NewPadded(container.NewVBox(items...)))
}

// counterText is a count as the counter shows it: "287 / 280 Zeichen" (X:
// "gewichtete Zeichen"), with the byte and hashtag limits where the
// platform has them.
func counterText(c caption.Counted) string {
	unit := lang.L("characters")
	if c.Unit == caption.UnitWeighted {
		unit = lang.L("weighted characters")
	}
	s := formatCount(c.N) + " " + unit
	if c.Limit > 0 {
		s = formatCount(c.N) + " / " + formatCount(c.Limit) + " " + unit
	}
	if c.ByteLimit > 0 {
		s += " · " + formatCount(c.Bytes) + " / " + formatCount(c.ByteLimit) + " " + lang.L("bytes")
	}
	if c.HashtagLimit > 0 {
		s += " · " + formatCount(c.Hashtags) + " / " + formatCount(c.HashtagLimit) + " " + lang.L("hashtags")
	}
	return s
}

// copy puts text on the clipboard with this system's line breaks and says
// so beside the button for a moment.
func (v *postingView) copy(text string, feedback *widget.Label) {
	v.u.app.Clipboard().SetContent(clipboardText(text, runtime.GOOS))
	said := lang.L("Copied to the clipboard")
	feedback.SetText(said)
	time.AfterFunc(copiedFor, func() {
		v.u.deliver(func() {
			if feedback.Text == said {
				feedback.SetText("")
			}
		})
	})
}

// channelMark is the post's mark for one channel as stored now.
func (v *postingView) channelMark(id int64) data.PostChannel {
	for _, c := range v.post.Channels {
		if c.ChannelID == id {
			return c
		}
	}
	return data.PostChannel{ChannelID: id}
}

// showMark fills a card's mark area: the button to mark the channel, or
// when and where it went out with the button to take the mark back.
func (v *postingView) showMark(pc *postingChannel) {
	mark := v.channelMark(pc.final.ChannelID)
	pc.markB, pc.unmarkB = nil, nil
	if mark.PublishedAt.IsZero() {
		pc.markB = widget.NewButtonWithIcon(lang.L("Mark as published …"), theme.ConfirmIcon(), func() { v.openMarkForm(pc) })
		if v.ro {
			pc.markB.Disable()
		}
		pc.markBox.Objects = []fyne.CanvasObject{pc.markB}
		pc.markBox.Refresh()
		return
	}
	when := widget.NewLabelWithStyle(lang.L("Published on {{.When}}", map[string]any{"When": mark.PublishedAt.Format("02.01.2006, 15:04")}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	when.Importance = widget.SuccessImportance
	objs := []fyne.CanvasObject{widget.NewIcon(theme.ConfirmIcon()), when}
	if u, err := url.Parse(mark.PublishedLink); err == nil && mark.PublishedLink != "" {
		objs = append(objs, widget.NewLabel("·"), widget.NewHyperlink(lang.L("Link"), u))
	}
	pc.unmarkB = widget.NewButton(lang.L("Remove mark"), func() { v.onUnmark(pc) })
	pc.unmarkB.Importance = widget.LowImportance
	if v.ro {
		pc.unmarkB.Disable()
	}
	pc.markBox.Objects = append(objs, pc.unmarkB)
	pc.markBox.Refresh()
}

// pictureCard is one picture: thumbnail, file name, Bildbeschreibung with
// Alt-Text kopieren, and Für Kanal vorbereiten ….
func (v *postingView) pictureCard(pp *postingPicture) fyne.CanvasObject {
	m := pp.m
	size := fyne.NewSize(postingPictureWidth-20, 170)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.SetMinSize(size)
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleFastest
	icon := theme.FileImageIcon()
	switch m.Kind {
	case "video":
		icon = theme.FileVideoIcon()
	case "document":
		icon = theme.DocumentIcon()
	}
	placeholder := container.NewCenter(container.NewGridWrap(fyne.NewSize(40, 40), widget.NewIcon(icon)))
	pic := []fyne.CanvasObject{bg, placeholder, img}
	if hash, _, _, ok := thumbTarget(m); ok {
		v.thumbs[hash] = append(v.thumbs[hash], img)
	}
	if m.Missing != data.MissingNone {
		pic = append(pic, container.NewPadded(container.NewVBox(newMark(lang.L("missing"), theme.ColorNameError, theme.ColorNameForegroundOnError))))
	}
	name := widget.NewLabelWithStyle(m.OriginalName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis

	pp.copied = widget.NewLabel("")
	pp.copied.Importance = widget.SuccessImportance
	pp.copyB = widget.NewButtonWithIcon(lang.L("Copy alt text"), theme.ContentCopyIcon(), func() { v.copy(pp.m.AltText, pp.copied) })
	var alt *widget.Label
	if strings.TrimSpace(m.AltText) == "" {
		alt = widget.NewLabel(lang.L("no alt text"))
		alt.Importance = widget.WarningImportance
		pp.copyB.Disable()
	} else {
		alt = widget.NewLabel(m.AltText)
		alt.Selectable = true
		alt.TextStyle.Italic = true
	}
	alt.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{container.NewStack(pic...), name, alt}
	for _, f := range v.findings {
		if f.MediaID == m.ID && f.Code != caption.CodeAltMissing { // "ohne Bildbeschreibung" says it
			l := wrapped(shortFinding(f, v.channelName))
			l.Importance = widget.WarningImportance
			if f.Blocking {
				l.Importance = widget.DangerImportance
			}
			l.SizeName = theme.SizeNameCaptionText
			items = append(items, l)
		}
	}
	items = append(items, container.NewHBox(pp.copyB, pp.copied))
	if m.Kind == "image" {
		pp.prepare = widget.NewButtonWithIcon(lang.L("Prepare for channel …"), theme.ViewFullScreenIcon(), func() {
			post := v.post
			v.u.prepareForChannel(pp.m, &post)
		})
		if m.Missing != data.MissingNone {
			pp.prepare.Disable()
		}
		items = append(items, container.NewHBox(pp.prepare))
	}
	return container.NewVBox(append(items, widget.NewSeparator())...)
}

// loadThumbs reads the pictures' grid thumbnails the way the editor does
// (the Mediathek's cache, made where missing) and shows each when it is
// there.
func (v *postingView) loadThumbs() {
	for _, m := range v.media {
		v.u.loadThumb(v.cache, m, v.setThumb)
	}
}

func (v *postingView) setThumb(hash string, img image.Image) {
	for _, ci := range v.thumbs[hash] {
		ci.Image = img
		ci.Refresh()
	}
}

// onEdit closes the view and opens the post in the editor.
// When the view was opened from that post's editor, the editor is still
// there beneath it and is not opened twice.
func (v *postingView) onEdit() {
	v.dlg.Hide()
	if e := v.u.editor; e != nil && e.post.ID == v.post.ID {
		return
	}
	openEditor(v.u, v.post, v.changed)
}

// reload reads the post again after a mark changed and shows its marks
// and status; changed tells the calendar.
func (v *postingView) reload() {
	id := v.post.ID
	fetch(v.u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) { return ws.Post(ctx, id) },
		func(p data.Post, err error) {
			if err != nil {
				v.u.showError(lang.L("The post could not be read."), err)
				return
			}
			v.post = p
			for _, pc := range v.channels {
				v.showMark(pc)
			}
			v.updateHead()
		})
	v.changed()
}

// onUnmark takes a channel's mark back after asking.
func (v *postingView) onUnmark(pc *postingChannel) {
	name := v.channelName(pc.final.ChannelID)
	postID, channelID := v.post.ID, pc.final.ChannelID
	dialog.ShowConfirm(lang.L("Remove mark?"),
		lang.L("Remove the mark for {{.Channel}}? Its link and time are forgotten; a published post goes back to “Approved”.", map[string]any{"Channel": name}),
		func(ok bool) {
			if !ok {
				return
			}
			v.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.UnmarkPublished(ctx, postID, channelID) },
				func(err error) {
					if err != nil {
						v.u.showError(lang.L("The mark could not be removed."), err)
					}
					v.reload()
				})
		}, v.u.win)
}

// markForm is the small form "Als veröffentlicht markieren …" of one
// channel: the link to the published post (optional) and when it went out.
type markForm struct {
	dlg     *dialog.CustomDialog
	link    *widget.Entry
	date    *widget.Entry
	clock   *widget.Entry
	problem *widget.Label
	save    *widget.Button
}

// openMarkForm asks for link and time (now, in the post's zone) and marks
// the channel; a refusal shows in the form, which keeps what was typed.
func (v *postingView) openMarkForm(pc *postingChannel) {
	f := &markForm{link: widget.NewEntry(), date: widget.NewEntry(), clock: widget.NewEntry(), problem: widget.NewLabel("")}
	v.form = f
	loc, err := time.LoadLocation(v.post.Zone)
	if err != nil {
		loc = time.Local
	}
	now := time.Now().In(loc)
	f.link.SetPlaceHolder(lang.L("e.g. https://www.instagram.com/p/…"))
	f.date.SetText(now.Format("02.01.2006"))
	f.date.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	f.clock.SetText(now.Format("15:04"))
	f.clock.SetPlaceHolder("09:30")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Link to the post"), f.link),
		widget.NewFormItem(lang.L("Published on"), container.NewGridWithColumns(2, f.date, f.clock)),
	)
	form.Items[0].HintText = lang.L("optional; copy it from the platform's address bar")
	intro := wrapped(lang.L("Mark {{.Channel}} as published once the post is online there. When every channel is marked, the post becomes “Published”.",
		map[string]any{"Channel": v.channelName(pc.final.ChannelID)}))
	f.save = widget.NewButtonWithIcon(lang.L("Mark as published"), theme.ConfirmIcon(), func() { v.onMark(pc, f, loc) })
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { f.dlg.Hide() })
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Mark as published"), container.NewVBox(intro, form, f.problem), v.u.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})
	f.dlg.Resize(fyne.NewSize(560, f.dlg.MinSize().Height))
	f.dlg.Show()
	v.u.win.Canvas().Focus(f.link)
}

// markInput reads the form: the link (empty or an http(s) address) and the
// time in the post's zone.
func (f *markForm) input(loc *time.Location) (link string, at time.Time, err error) {
	link = strings.TrimSpace(f.link.Text)
	if link != "" {
		u, perr := url.Parse(link)
		if perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return "", at, &data.InvalidError{Field: "link", Message: "The link must be a web address starting with https:// or http://, e.g. https://www.instagram.com/p/…"}
		}
	}
	d, err := parseDay(f.date.Text, lang.L("Published on"))
	if err != nil {
		return "", at, err
	}
	if d.IsZero() {
		return "", at, &data.InvalidError{Field: "date", Message: "Please enter the day the post went out, e.g. 01.12.2026."}
	}
	c, err := data.ParseClock(f.clock.Text)
	if err != nil {
		return "", at, err
	}
	return link, time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, loc), nil
}

// onMark stores the mark in the background.
func (v *postingView) onMark(pc *postingChannel, f *markForm, loc *time.Location) {
	link, at, err := f.input(loc)
	if err != nil {
		f.showProblem(err)
		return
	}
	postID, channelID := v.post.ID, pc.final.ChannelID
	f.save.Disable()
	v.u.do(func(ws *data.Workspace, ctx context.Context) error {
		return ws.MarkPublished(ctx, postID, channelID, link, at)
	},
		func(err error) {
			f.save.Enable()
			if err != nil {
				f.showProblem(err)
				return
			}
			f.dlg.Hide()
			v.reload()
		})
}

// showProblem says in the form why the mark was not stored: bad input as
// what to check, a check or consent refusal as its sentence, anything else
// with what was being done.
func (f *markForm) showProblem(err error) {
	msg := explain(err)
	var inv *data.InvalidError
	if !errors.As(err, &inv) || msg == "" {
		msg = strings.TrimSpace(lang.L("The channel could not be marked as published.") + "\n" + msg)
	}
	f.problem.SetText(msg)
	f.problem.Show()
	f.dlg.Resize(fyne.NewSize(560, f.dlg.MinSize().Height))
}

// copyFinalText puts the final text of the post's first channel (the
// caption rendered for it) on the clipboard: the calendar's "Text
// kopieren".
func copyFinalText(u *UI, postID int64) {
	ws := u.ws
	u.run(func(ctx context.Context) func() {
		p, err := ws.Post(ctx, postID)
		var media []data.Media
		var rc data.RenderContext
		if err == nil {
			if media, err = ws.PostMedia(ctx, postID); err == nil {
				rc, err = ws.RenderContext(ctx)
			}
		}
		return func() {
			if err != nil {
				u.showError(lang.L("The post could not be copied."), err)
				return
			}
			text := p.Caption
			if len(p.Channels) > 0 {
				text = rc.Final(p, media, p.Channels[0].ChannelID).Text
			}
			u.app.Clipboard().SetContent(clipboardText(text, runtime.GOOS))
		}
	})
}
