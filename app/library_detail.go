package app

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/thumbs"
)

// mediaDetail is the pane beside the grid: preview, the texts she records
// about the selected item, its camera facts and where it is used.
type mediaDetail struct {
	s       *libraryScreen
	content fyne.CanvasObject
	form    fyne.CanvasObject
	none    fyne.CanvasObject
	stack   *fyne.Container

	m        data.Media // the item shown; ID 0: none
	preview  *canvas.Image
	kindIcon *widget.Icon // stands in for the preview: video, document, missing file, still loading
	missing  *fyne.Container
	why      *widget.Label // what is wrong with a missing file
	prepare  *widget.Button
	poster   *widget.Button // a video's "Vorschaubild wählen …"
	noPoster *widget.Button // and "Vorschaubild entfernen"
	name     *widget.Label
	title    *keyEntry
	alt      *keyEntry
	altCount *widget.Label
	credit   *keyEntry
	creator  *keyEntry
	licence  *widget.Select
	terms    *keyEntry
	until    *keyEntry
	notes    *keyEntry
	tags     *keyEntry
	subs     *widget.Check // a video's "Untertitel vorhanden"
	subsRow  fyne.CanvasObject
	facts    *widget.Label
	usedIn   *fyne.Container
	people   *picturePeople  // Personen auf dem Bild (library_people.go)
	body     *fyne.Container // the fields in the scroll, one below the other
	scroll   *container.Scroll
	save     *widget.Button
	del      *widget.Button
}

func newMediaDetail(s *libraryScreen) *mediaDetail {
	d := &mediaDetail{s: s}
	d.preview = canvas.NewImageFromImage(nil)
	d.preview.FillMode = canvas.ImageFillContain
	d.preview.SetMinSize(fyne.NewSize(320, 220))
	d.kindIcon = widget.NewIcon(theme.FileImageIcon())
	d.prepare = widget.NewButtonWithIcon(lang.L("Prepare for channel …"), theme.ViewFullScreenIcon(), func() {
		if d.m.ID != 0 {
			s.u.prepareForChannel(d.m, nil)
		}
	})
	d.poster = widget.NewButtonWithIcon(lang.L("Choose poster picture …"), theme.MediaPhotoIcon(), d.choosePoster)
	d.noPoster = widget.NewButton(lang.L("Remove poster"), func() { d.setPoster(0) })
	d.noPoster.Importance = widget.LowImportance
	d.missing = d.newMissingBox()
	d.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.name.Wrapping = fyne.TextWrapBreak
	d.title = newKeyEntry(false, nil)
	d.alt = newKeyEntry(true, nil)
	d.alt.Wrapping = fyne.TextWrapWord
	d.alt.SetMinRowsVisible(4)
	d.altCount = widget.NewLabel("")
	d.altCount.SizeName = theme.SizeNameCaptionText
	d.alt.OnChanged = func(string) { d.countAlt() }
	d.credit = newKeyEntry(false, nil)
	d.creator = newKeyEntry(false, nil)
	opts := []string{lang.L("not recorded")}
	for _, l := range data.Licences() {
		opts = append(opts, lang.L(l.Key))
	}
	d.licence = widget.NewSelect(opts, nil)
	d.terms = newKeyEntry(true, nil)
	d.terms.Wrapping = fyne.TextWrapWord
	d.terms.SetMinRowsVisible(2)
	d.until = newKeyEntry(false, nil)
	d.until.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	d.notes = newKeyEntry(true, nil)
	d.notes.Wrapping = fyne.TextWrapWord
	d.notes.SetMinRowsVisible(2)
	d.tags = newKeyEntry(false, nil)
	d.tags.SetPlaceHolder(lang.L("comma-separated, e.g. Rathaus, Sommerfest"))
	d.subs = widget.NewCheck(lang.L("Subtitles present"), nil)
	subsHint := widget.NewLabel(lang.L("Burnt in or as a file given to the platform: for people who cannot hear and for everyone who watches without sound (accessibility). The check before posting asks for them."))
	subsHint.Wrapping = fyne.TextWrapWord
	subsHint.SizeName = theme.SizeNameCaptionText
	d.subsRow = container.NewVBox(d.subs, subsHint)
	d.facts = widget.NewLabel("")
	d.facts.Wrapping = fyne.TextWrapWord
	d.usedIn = container.NewVBox()
	d.people = newPicturePeople(d)
	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.saveEdits)
	d.save.Importance = widget.HighImportance
	d.del = widget.NewButtonWithIcon(lang.L("Delete …"), theme.DeleteIcon(), d.confirmDelete)
	if s.u.ws.ReadOnly() {
		d.save.Disable()
		d.del.Disable()
		d.subs.Disable()
	}

	// Captions above the fields: the pane is narrow, and a caption
	// column would leave the texts little room.
	field := func(caption string, o fyne.CanvasObject) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewBorder(l, nil, nil, nil, o)
	}
	form := container.NewVBox(
		field(lang.L("Title"), d.title),
		field(lang.L("Alt text"), container.NewBorder(nil, d.altCount, nil, nil, d.alt)),
		d.subsRow,
		container.NewGridWithColumns(2, field(lang.L("Credit"), d.credit), field(lang.L("Author"), d.creator)),
		container.NewGridWithColumns(2, field(lang.L("Licence"), d.licence), field(lang.L("Usable until"), d.until)),
		field(lang.L("Usage terms"), d.terms),
		field(lang.L("Tags"), d.tags),
		field(lang.L("Notes"), d.notes),
	)
	usedHead := widget.NewLabelWithStyle(lang.L("Used in"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	buttons := container.NewHBox(d.save, d.del)
	preview := container.NewStack(container.NewCenter(container.NewGridWrap(fyne.NewSize(64, 64), d.kindIcon)), d.preview)
	d.body = container.NewVBox(
		d.missing, preview, d.name, container.NewHBox(d.prepare, d.poster, d.noPoster), widget.NewSeparator(), d.people.content, widget.NewSeparator(),
		form, widget.NewSeparator(), d.facts, widget.NewSeparator(), usedHead, d.usedIn,
	)
	d.scroll = container.NewVScroll(container.NewPadded(d.body))
	// The buttons below the scrolled fields, never over them.
	d.form = container.NewBorder(nil, container.NewPadded(buttons), nil, nil, d.scroll)
	hint := widget.NewLabelWithStyle(lang.L("Select a file to see and edit its details."), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	d.none = container.NewCenter(container.NewGridWrap(fyne.NewSize(280, 80), hint))
	d.stack = container.NewStack(d.none)
	d.content = d.stack
	return d
}

// relayout lays the fields out anew after a section changed its height
// (the rights read in the background, the posts using the item): the
// sections below move down and the scroll grows. Without it a grown
// section drew over "Titel" and "Bildbeschreibung" wherever the window
// did not notice the new height (REVIEW8 item 4).
func (d *mediaDetail) relayout() {
	d.body.Refresh()
	d.scroll.Refresh()
}

// countAlt shows how long the alt text is against its limit.
func (d *mediaDetail) countAlt() {
	n := utf8.RuneCountInString(d.alt.Text)
	d.altCount.SetText(lang.L("{{.N}} of {{.Max}} characters", map[string]any{"N": n, "Max": data.MaxAltText}))
	if n > data.MaxAltText {
		d.altCount.Importance = widget.DangerImportance
	} else {
		d.altCount.Importance = widget.MediumImportance
	}
	d.altCount.Refresh()
}

// show fills the pane with m and reads its preview and its posts.
func (d *mediaDetail) show(m data.Media) {
	d.m = m
	d.stack.Objects = []fyne.CanvasObject{d.form}
	d.stack.Refresh()
	d.name.SetText(m.OriginalName)
	d.title.SetText(m.Title)
	d.alt.SetText(m.AltText)
	d.countAlt()
	d.credit.SetText(m.Credit)
	d.creator.SetText(m.Creator)
	d.licence.SetSelectedIndex(0)
	for i, l := range data.Licences() {
		if l.Code == m.Licence {
			d.licence.SetSelectedIndex(i + 1)
		}
	}
	d.terms.SetText(m.UsageTerms)
	d.until.SetText("")
	if m.UsableUntil != nil {
		d.until.SetText(m.UsableUntil.String())
	}
	d.notes.SetText(m.Notes)
	d.tags.SetText(strings.Join(m.Tags, ", "))
	d.subs.SetChecked(m.Subtitles)
	showIf(d.subsRow, m.Kind == "video")
	d.facts.SetText(mediaFacts(m))
	d.showFileState()
	d.preview.Image = nil
	d.preview.Refresh()
	d.loadPreview(m)
	d.loadUsage(m.ID)
	d.people.load(m.ID)
}

// refreshSelected empties the pane when its item is no longer listed.
func (d *mediaDetail) refreshSelected() {
	if d.m.ID == 0 {
		return
	}
	for _, it := range d.s.items {
		if it.ID == d.m.ID {
			return
		}
	}
	d.m = data.Media{}
	d.stack.Objects = []fyne.CanvasObject{d.none}
	d.stack.Refresh()
}

// mediaFacts are the camera facts in words.
func mediaFacts(m data.Media) string {
	var lines []string
	if !m.Taken.IsZero() {
		taken := lang.L("Date taken: {{.Date}}", map[string]any{"Date": m.Taken.Format("02.01.2006 15:04")})
		switch m.TakenSource {
		case data.TakenFromFile:
			taken += " " + lang.L("(the file's date; the file has no date taken)")
		case data.TakenAtImport:
			taken += " " + lang.L("(the import; the file has no date)")
		}
		lines = append(lines, taken)
	}
	if m.Camera != "" {
		lines = append(lines, lang.L("Camera: {{.Camera}}", map[string]any{"Camera": m.Camera}))
	}
	if m.Width > 0 && m.Height > 0 {
		lines = append(lines, lang.L("Pixel size: {{.Size}}", map[string]any{"Size": fmt.Sprintf("%d × %d", m.Width, m.Height)}))
	}
	if m.Duration > 0 {
		lines = append(lines, lang.L("Duration: {{.Duration}}", map[string]any{"Duration": formatDuration(m.Duration)}))
	}
	if m.Pages > 0 {
		lines = append(lines, lang.N("{{.Count}} page", m.Pages, map[string]any{"Count": m.Pages}))
	}
	lines = append(lines, lang.L("File size: {{.Size}}", map[string]any{"Size": formatBytes(m.Size)}))
	if m.Kind != "document" {
		if m.HasGPS {
			lines = append(lines, lang.L("GPS position: yes (removed when prepared for a channel)"))
		} else {
			lines = append(lines, lang.L("GPS position: no"))
		}
	}
	if m.Rights != "" {
		lines = append(lines, lang.L("Rights statement in the file: {{.Rights}}", map[string]any{"Rights": m.Rights}))
	}
	if !m.Created.IsZero() {
		lines = append(lines, lang.L("Imported: {{.Date}}", map[string]any{"Date": m.Created.In(data.WorkspaceZone()).Format("02.01.2006 15:04")}))
	}
	return strings.Join(lines, "\n")
}

// formatDuration writes a video's length as 1:05 or 1:02:05.
func formatDuration(d time.Duration) string {
	sec := int((d + time.Second/2) / time.Second)
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}

// newMissingBox is the pane's "Datei fehlt" state: what happened to the
// file and "Neu verknüpfen …" to look for it in a folder.
func (d *mediaDetail) newMissingBox() *fyne.Container {
	c := theme.Color(theme.ColorNameError)
	r, g, b, _ := c.RGBA()
	bg := canvas.NewRectangle(color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x30})
	bg.StrokeColor = c
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	head := widget.NewLabelWithStyle(lang.L("File missing"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Importance = widget.DangerImportance
	d.why = widget.NewLabel("")
	d.why.Wrapping = fyne.TextWrapWord
	relink := widget.NewButtonWithIcon(lang.L("Relink …"), theme.SearchIcon(), d.s.chooseRelinkFolder)
	if d.s.u.ws.ReadOnly() {
		relink.Disable()
	}
	box := container.NewStack(bg, container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, head), d.why, container.NewHBox(relink))))
	box.Hide()
	return box
}

// showFileState shows the pane's parts that depend on the file: the
// "Datei fehlt" box, the icon standing in for the preview, and "Für Kanal
// vorbereiten …", which needs a picture that is there.
func (d *mediaDetail) showFileState() {
	m := d.m
	switch m.Missing {
	case data.MissingNone:
		d.missing.Hide()
	case data.MissingChanged:
		d.why.SetText(lang.L("The file in the workspace was changed outside Feedtakt (its content is no longer the imported one). “Relink …” looks in a folder you choose for the original and puts it back; the changed file goes to the Papierkorb."))
		d.missing.Show()
	default:
		d.why.SetText(lang.L("The file was deleted or moved outside Feedtakt; its details are kept. “Relink …” looks in a folder you choose (and its sub-folders) for a file with the same content and puts it back."))
		d.missing.Show()
	}
	switch {
	case m.Missing != data.MissingNone:
		d.kindIcon.SetResource(theme.BrokenImageIcon())
	case m.Kind == "video":
		d.kindIcon.SetResource(theme.FileVideoIcon())
	case m.Kind == "document":
		d.kindIcon.SetResource(theme.DocumentIcon())
	default:
		d.kindIcon.SetResource(theme.FileImageIcon())
	}
	d.kindIcon.Show()
	if m.Kind == "image" && m.Missing == data.MissingNone {
		d.prepare.Show()
	} else {
		d.prepare.Hide()
	}
	d.poster.Hidden = m.Kind != "video" || d.s.u.ws.ReadOnly()
	d.noPoster.Hidden = d.poster.Hidden || m.PosterHash == ""
	d.poster.Refresh()
	d.noPoster.Refresh()
}

// choosePoster lets her pick the picture a video's tile and preview show
// (there is no pure-Go video decoder to take a frame from the film).
func (d *mediaDetail) choosePoster() {
	video := d.m.ID
	d.s.u.pickMedia(func(chosen []data.Media) {
		for _, m := range chosen {
			if m.Kind == "image" && d.m.ID == video {
				d.setPoster(m.ID)
				return
			}
		}
		dialog.ShowInformation(lang.L("Choose poster picture …"), lang.L("Choose a picture as the video's poster."), d.s.u.win)
	})
}

// setPoster stores the video's poster (0: none) and shows it.
func (d *mediaDetail) setPoster(poster int64) {
	video := d.m.ID
	var m data.Media
	d.s.u.do(func(ws *data.Workspace, ctx context.Context) error {
		if err := ws.SetMediaPoster(ctx, video, poster); err != nil {
			return err
		}
		var err error
		m, err = ws.Media(ctx, video)
		return err
	}, func(err error) {
		if err != nil {
			d.s.u.showError(lang.L("The details could not be saved."), err)
			return
		}
		for i := range d.s.items {
			if d.s.items[i].ID == m.ID {
				d.s.items[i] = m
			}
		}
		d.s.grid.Refresh()
		if d.m.ID == m.ID {
			// Only the poster: texts she is typing stay as they are.
			d.m.PosterHash, d.m.PosterPath = m.PosterHash, m.PosterPath
			d.showFileState()
			d.preview.Image = nil
			d.preview.Refresh()
			d.loadPreview(d.m)
		}
	})
}

// fileBack is told that Relink put the shown item's file back: the pane
// drops its "Datei fehlt" state and reads the preview, keeping what she
// typed.
func (d *mediaDetail) fileBack() {
	d.m.Missing, d.m.MissingSince = data.MissingNone, time.Time{}
	d.facts.SetText(mediaFacts(d.m))
	d.showFileState()
	d.loadPreview(d.m)
}

// loadPreview reads the preview-size thumbnail in the background (made by
// the pool when missing) and shows it if the pane still shows m.
//
// A missing file's preview is shown when it was made before the file went,
// so she sees which picture is missing; it is not made again.
func (d *mediaDetail) loadPreview(m data.Media) {
	hash, rel, orientation, ok := thumbTarget(m)
	if !ok {
		return
	}
	s := d.s
	id := m.ID
	src := filepath.Join(s.u.ws.Dir(), filepath.FromSlash(rel))
	cache, pool, poolCtx, deliver := s.cache, s.pool, s.poolCtx, s.u.deliver
	apply := func(img image.Image) {
		if img != nil && d.m.ID == id {
			d.preview.Image = img
			d.preview.Refresh()
			d.kindIcon.Hide()
		}
	}
	s.u.run(func(ctx context.Context) func() {
		if cache.Exists(hash, thumbs.PreviewSize) {
			img := decodeThumb(cache.Path(hash, thumbs.PreviewSize))
			return func() { apply(img) }
		}
		if m.Missing != data.MissingNone {
			return nil
		}
		j := thumbs.Job{Hash: hash, Src: src, Orientation: orientation, Sizes: []int{thumbs.GridSize, thumbs.PreviewSize}}
		go func() {
			_ = pool.Submit(poolCtx, j, func(r thumbs.Result) {
				if r.Err != nil {
					return
				}
				img := decodeThumb(cache.Path(hash, thumbs.PreviewSize))
				deliver(func() { apply(img) })
			})
		}()
		return nil
	})
}

// loadUsage lists the posts using the item; a click opens the post.
func (d *mediaDetail) loadUsage(id int64) {
	fetch(d.s.u, func(ws *data.Workspace, ctx context.Context) ([]data.PostRef, error) { return ws.MediaUsage(ctx, id) },
		func(refs []data.PostRef, err error) {
			if d.m.ID != id {
				return
			}
			d.usedIn.RemoveAll()
			defer d.relayout()
			if err != nil {
				d.usedIn.Add(widget.NewLabel(lang.L("Could not be read.")))
				return
			}
			if len(refs) == 0 {
				d.usedIn.Add(widget.NewLabelWithStyle(lang.L("Not used in any post yet."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
				return
			}
			for _, r := range refs {
				postID := r.ID
				// A link that wraps: a long post title must not widen the pane.
				l := widget.NewHyperlink(postRefText(r), nil)
				l.Wrapping = fyne.TextWrapWord
				l.OnTapped = func() { d.openPost(postID) }
				d.usedIn.Add(l)
			}
		})
}

// openPost opens a post of "Verwendet in" in the editor; after a save the
// calendar and this list are read again (the post may have dropped the
// file).
func (d *mediaDetail) openPost(id int64) {
	u := d.s.u
	fetch(u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) { return ws.Post(ctx, id) },
		func(p data.Post, err error) {
			if err != nil {
				u.showError(lang.L("The post could not be opened."), err)
				d.loadUsage(d.m.ID)
				return
			}
			shown := d.m.ID
			openEditor(u, p, func() {
				u.shell.calendar.afterChange()
				if d.m.ID == shown && shown != 0 {
					d.loadUsage(shown)
				}
			})
		})
}

// postRefText names a post in "Verwendet in" and in the delete question.
func postRefText(r data.PostRef) string {
	when := lang.L("Idea")
	if r.Date != nil {
		when = r.Date.String()
		if r.Time != nil {
			when += " " + r.Time.String()
		}
	}
	return fmt.Sprintf("%s – %s (%s)", when, nonEmpty(r.Title, lang.L("(untitled)")), statusName(r.Status))
}

// edited is the shown item with the pane's texts, or an error naming a
// field she must correct.
func (d *mediaDetail) edited() (data.Media, error) {
	m := d.m
	m.Title, m.AltText, m.Credit, m.Creator = d.title.Text, d.alt.Text, d.credit.Text, d.creator.Text
	m.UsageTerms, m.Notes = d.terms.Text, d.notes.Text
	if m.Kind == "video" {
		m.Subtitles = d.subs.Checked
	}
	m.Licence = ""
	if i := d.licence.SelectedIndex(); i > 0 {
		m.Licence = data.Licences()[i-1].Code
	}
	m.UsableUntil = nil
	if t := strings.TrimSpace(d.until.Text); t != "" {
		day, err := calendar.ParseDate(t)
		if err != nil {
			return m, err
		}
		m.UsableUntil = &day
	}
	m.Tags = nil
	for _, t := range strings.Split(d.tags.Text, ",") {
		if t = strings.TrimSpace(t); t != "" {
			m.Tags = append(m.Tags, t)
		}
	}
	return m, nil
}

// saveEdits stores the pane's texts; the store writes the change log.
func (d *mediaDetail) saveEdits() {
	if d.m.ID == 0 {
		return
	}
	m, err := d.edited()
	if err != nil {
		d.s.u.showError(lang.L("The details could not be saved."), err)
		return
	}
	d.save.Disable()
	d.s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.UpdateMedia(ctx, &m) }, func(err error) {
		d.save.Enable()
		if err != nil {
			d.s.u.showError(lang.L("The details could not be saved."), err)
			return
		}
		if d.m.ID == m.ID {
			d.m = m
		}
		for i := range d.s.items {
			if d.s.items[i].ID == m.ID {
				d.s.items[i] = m
			}
		}
		d.s.grid.Refresh()
	})
}

// confirmDelete asks before moving the item to the Papierkorb; an item a
// planned post uses names those posts and asks again.
func (d *mediaDetail) confirmDelete() {
	m := d.m
	if m.ID == 0 {
		return
	}
	u := d.s.u
	dialog.ShowConfirm(lang.L("Delete file?"),
		lang.L("Move “{{.Name}}” to the Papierkorb? It can be restored there for 30 days.", map[string]any{"Name": displayMediaName(m)}),
		func(ok bool) {
			if ok {
				d.deleteItems([]int64{m.ID}, false)
			}
		}, u.win)
}

func (d *mediaDetail) deleteItems(ids []int64, force bool) {
	d.s.deleteMedia(ids, force, func() {
		d.m = data.Media{}
		d.stack.Objects = []fyne.CanvasObject{d.none}
		d.stack.Refresh()
	})
}
