package app

import (
	"context"
	"fmt"
	"image"
	"path/filepath"
	"strings"
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
	facts    *widget.Label
	usedIn   *fyne.Container
	save     *widget.Button
	del      *widget.Button
}

func newMediaDetail(s *libraryScreen) *mediaDetail {
	d := &mediaDetail{s: s}
	d.preview = canvas.NewImageFromImage(nil)
	d.preview.FillMode = canvas.ImageFillContain
	d.preview.SetMinSize(fyne.NewSize(320, 220))
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
	d.facts = widget.NewLabel("")
	d.facts.Wrapping = fyne.TextWrapWord
	d.usedIn = container.NewVBox()
	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.saveEdits)
	d.save.Importance = widget.HighImportance
	d.del = widget.NewButtonWithIcon(lang.L("Delete …"), theme.DeleteIcon(), d.confirmDelete)
	if s.u.ws.ReadOnly() {
		d.save.Disable()
		d.del.Disable()
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
		container.NewGridWithColumns(2, field(lang.L("Credit"), d.credit), field(lang.L("Author"), d.creator)),
		container.NewGridWithColumns(2, field(lang.L("Licence"), d.licence), field(lang.L("Usable until"), d.until)),
		field(lang.L("Usage terms"), d.terms),
		field(lang.L("Tags"), d.tags),
		field(lang.L("Notes"), d.notes),
	)
	usedHead := widget.NewLabelWithStyle(lang.L("Used in"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	buttons := container.NewHBox(d.save, d.del)
	d.form = container.NewBorder(nil, container.NewPadded(buttons), nil, nil, container.NewVScroll(container.NewPadded(container.NewVBox(
		d.preview, d.name, form, widget.NewSeparator(), d.facts, widget.NewSeparator(), usedHead, d.usedIn,
	))))
	hint := widget.NewLabelWithStyle(lang.L("Select a file to see and edit its details."), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	d.none = container.NewCenter(container.NewGridWrap(fyne.NewSize(280, 80), hint))
	d.stack = container.NewStack(d.none)
	d.content = d.stack
	return d
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
	d.facts.SetText(mediaFacts(m))
	d.preview.Image = nil
	d.preview.Refresh()
	d.loadPreview(m)
	d.loadUsage(m.ID)
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
		lines = append(lines, lang.L("Date taken: {{.Date}}", map[string]any{"Date": m.Taken.Format("02.01.2006 15:04")}))
	}
	if m.Camera != "" {
		lines = append(lines, lang.L("Camera: {{.Camera}}", map[string]any{"Camera": m.Camera}))
	}
	if m.Width > 0 && m.Height > 0 {
		lines = append(lines, lang.L("Pixel size: {{.Size}}", map[string]any{"Size": fmt.Sprintf("%d × %d", m.Width, m.Height)}))
	}
	lines = append(lines, lang.L("File size: {{.Size}}", map[string]any{"Size": formatBytes(m.Size)}))
	if m.HasGPS {
		lines = append(lines, lang.L("GPS position: yes (removed when prepared for a channel)"))
	} else {
		lines = append(lines, lang.L("GPS position: no"))
	}
	if m.Missing != data.MissingNone {
		lines = append(lines, lang.L("The file is missing or was changed outside Feedtakt."))
	}
	return strings.Join(lines, "\n")
}

// loadPreview reads the preview-size thumbnail in the background (made by
// the pool when missing) and shows it if the pane still shows m.
func (d *mediaDetail) loadPreview(m data.Media) {
	if m.Kind != "image" || m.Missing != data.MissingNone {
		return
	}
	s := d.s
	hash, id := m.Hash, m.ID
	src := filepath.Join(s.u.ws.Dir(), filepath.FromSlash(m.Path))
	cache, pool, poolCtx, deliver := s.cache, s.pool, s.poolCtx, s.u.deliver
	apply := func(img image.Image) {
		if img != nil && d.m.ID == id {
			d.preview.Image = img
			d.preview.Refresh()
		}
	}
	s.u.run(func(ctx context.Context) func() {
		if cache.Exists(hash, thumbs.PreviewSize) {
			img := decodeThumb(cache.Path(hash, thumbs.PreviewSize))
			return func() { apply(img) }
		}
		j := thumbs.Job{Hash: hash, Src: src, Orientation: m.Orientation, Sizes: []int{thumbs.GridSize, thumbs.PreviewSize}}
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
				l.OnTapped = func() { d.s.u.shell.calendar.openPost(postID) }
				d.usedIn.Add(l)
			}
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
