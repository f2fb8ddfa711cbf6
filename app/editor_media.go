// The post editor's media section: the linked items as thumbnails in
// order, and the ways to add more (Mediathek, file dialog, drop).

package app

import (
	"fmt"
	"image"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/thumbs"
)

// Width of one item in the editor's media section, and the size of its
// picture; the height follows from what a card holds.
var (
	editorMediaWidth = float32(196)
	editorMediaImage = fyne.NewSize(196, 128)
)

// mediaSection is the editor's list of linked media. It lives in the
// editor only: the list is saved with the post (Speichern), so a new post
// can get pictures before it exists, and Abbrechen throws changes away
// like any other field.
type mediaSection struct {
	e       *editor
	items   []data.Media
	readErr bool // the linked items could not be read: the list is shown as an error and left alone on save
	ro      bool

	content fyne.CanvasObject
	tiles   *fyne.Container
	empty   *widget.Label
	pick    *widget.Button
	add     *widget.Button

	cache   *thumbs.Cache
	images  map[string]image.Image // grid thumbnails by hash, loaded so far
	asked   map[string]bool        // hashes whose thumbnail is on its way (or failed)
	lastDir string                 // where "Dateien hinzufügen …" starts

	// consent holds the consent lines (editor_consent.go), one per
	// picture; consentLines their texts, for tests; consentGen drops an
	// older check's answer.
	consent      *fyne.Container
	consentLines []string
	consentRows  []consentLineText // the lines with their actions, for tests
	consentGen   int
	checked      string                    // the list of IDs the lines were last asked for
	marks        map[int64]consentLineText // the last answer by item, for the cards' marks
}

// mediaSection builds the section for the items read with the post.
func (e *editor) mediaSection() fyne.CanvasObject {
	u := e.u
	ms := &mediaSection{e: e, items: append([]data.Media(nil), e.media...), readErr: e.mediaErr != nil, ro: u.ws.ReadOnly(),
		images: map[string]image.Image{}, asked: map[string]bool{}}
	ms.cache = thumbs.NewCache(filepath.Join(u.ws.Dir(), data.ThumbsDir))
	e.mediaBox = ms
	if ms.readErr {
		return wrapped(lang.L("The linked pictures could not be read."))
	}
	ms.tiles = container.NewGridWrap(fyne.NewSize(editorMediaWidth, editorMediaImage.Height))
	ms.empty = widget.NewLabel(lang.L("No pictures linked yet."))
	ms.empty.Importance = widget.LowImportance
	ms.pick = widget.NewButtonWithIcon(lang.L("Choose from media library …"), theme.MediaPhotoIcon(), ms.onPick)
	ms.add = widget.NewButtonWithIcon(lang.L("Add files …"), theme.FileImageIcon(), ms.onAddFiles)
	hint := widget.NewLabelWithStyle(lang.L("or drag files onto this window"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	if ms.ro {
		ms.pick.Disable()
		ms.add.Disable()
		hint.Hide()
	}
	ms.consent = container.NewVBox()
	ms.content = container.NewVBox(ms.empty, ms.tiles, container.NewHBox(ms.pick, ms.add, hint), ms.consent)
	ms.rebuild()
	return ms.content
}

// ids are the linked items' IDs in order, as saved with the post.
func (ms *mediaSection) ids() []int64 {
	out := make([]int64, len(ms.items))
	for i, m := range ms.items {
		out[i] = m.ID
	}
	return out
}

// state is the list for the editor's changed(): the IDs in order.
func (ms *mediaSection) state() string {
	if ms == nil {
		return ""
	}
	return fmt.Sprint(ms.ids())
}

// append links items at the end; an item already linked stays where it is.
func (ms *mediaSection) append(items []data.Media) {
	if ms.readErr {
		return
	}
	have := map[int64]bool{}
	for _, m := range ms.items {
		have[m.ID] = true
	}
	for _, m := range items {
		if m.ID != 0 && !have[m.ID] {
			have[m.ID] = true
			ms.items = append(ms.items, m)
		}
	}
	ms.rebuild()
}

// move swaps item i with its neighbour (dir -1: left, +1: right).
func (ms *mediaSection) move(i, dir int) {
	j := i + dir
	if i < 0 || j < 0 || i >= len(ms.items) || j >= len(ms.items) {
		return
	}
	ms.items[i], ms.items[j] = ms.items[j], ms.items[i]
	ms.rebuild()
}

// remove unlinks item i (the item stays in the Mediathek).
func (ms *mediaSection) remove(i int) {
	if i < 0 || i >= len(ms.items) {
		return
	}
	ms.items = append(ms.items[:i], ms.items[i+1:]...)
	ms.rebuild()
}

// rebuild shows the items as they are now; a handful, so the cards are
// simply made again.
func (ms *mediaSection) rebuild() {
	objs := make([]fyne.CanvasObject, len(ms.items))
	h := editorMediaImage.Height
	for i, m := range ms.items {
		objs[i] = ms.card(i, m)
		h = max(h, objs[i].MinSize().Height)
	}
	// One height for all cards (the tallest), so rows line up and no card
	// runs into the buttons below.
	ms.tiles.Layout = layout.NewGridWrapLayout(fyne.NewSize(editorMediaWidth, h))
	ms.tiles.Objects = objs
	ms.tiles.Hidden = len(objs) == 0
	ms.empty.Hidden = len(objs) > 0
	ms.content.Refresh()
	ms.loadThumbs()
	if ms.state() != ms.checked {
		ms.checked = ms.state()
		ms.checkConsent()        // pictures added, removed (not moved: the rule does not care)
		ms.e.onPicturesChanged() // credit lines, alt texts: the preview and the checks
	}
}

// card is one linked item: picture (or a neutral tile until the thumbnail
// is there), "fehlt" when the file is gone, name, alt-text state and the
// actions.
func (ms *mediaSection) card(i int, m data.Media) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.SetMinSize(editorMediaImage)
	pic := []fyne.CanvasObject{bg}
	if hash, _, _, ok := thumbTarget(m); ok && ms.images[hash] != nil {
		img := ms.images[hash]
		ci := canvas.NewImageFromImage(img)
		ci.FillMode = canvas.ImageFillContain
		ci.ScaleMode = canvas.ImageScaleFastest
		pic = append(pic, ci)
	} else {
		icon := theme.FileImageIcon()
		switch m.Kind {
		case "video":
			icon = theme.FileVideoIcon()
		case "document":
			icon = theme.DocumentIcon()
		}
		pic = append(pic, container.NewCenter(container.NewGridWrap(fyne.NewSize(40, 40), widget.NewIcon(icon))))
	}
	var marks []fyne.CanvasObject
	if m.Missing != data.MissingNone {
		marks = append(marks, newMark(lang.L("missing"), theme.ColorNameError, theme.ColorNameForegroundOnError))
	}
	if mk := ms.cardMark(m.ID); mk != nil {
		marks = append(marks, mk)
	}
	if len(marks) > 0 {
		pic = append(pic, container.NewPadded(container.NewVBox(marks...)))
	}
	name := widget.NewLabel(displayMediaName(m))
	name.Truncation = fyne.TextTruncateEllipsis
	name.TextStyle.Bold = true

	var alt fyne.CanvasObject
	switch {
	case m.Kind != "image":
		alt = layout.NewSpacer()
	case strings.TrimSpace(m.AltText) == "":
		l := widget.NewLabelWithStyle(lang.L("no alt text"), fyne.TextAlignLeading, fyne.TextStyle{})
		l.Importance = widget.WarningImportance
		l.Truncation = fyne.TextTruncateEllipsis
		alt = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
	default:
		l := widget.NewLabelWithStyle(m.AltText, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		l.Truncation = fyne.TextTruncateEllipsis
		alt = l
	}

	rows := []fyne.CanvasObject{container.NewStack(pic...), name, alt}
	if !ms.ro {
		left := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { ms.move(i, -1) })
		right := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { ms.move(i, +1) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { ms.remove(i) })
		left.Importance, right.Importance, del.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
		if i == 0 {
			left.Disable()
		}
		if i == len(ms.items)-1 {
			right.Disable()
		}
		rows = append(rows, container.NewHBox(left, right, layout.NewSpacer(), del))
		if m.Kind == "image" {
			prep := widget.NewButton(lang.L("Prepare for channel …"), func() { ms.prepare(m) })
			if m.Missing != data.MissingNone {
				prep.Disable()
			}
			rows = append(rows, prep)
		}
	}
	return container.NewVBox(rows...)
}

// prepare opens "Für Kanal vorbereiten …" for m, named after the post as
// it is typed now.
func (ms *mediaSection) prepare(m data.Media) {
	p, _ := ms.e.collect() // a half-typed date does not matter for a name
	ms.e.u.prepareForChannel(m, &p)
}

// loadThumbs reads the grid thumbnails of the shown items in the
// background (a picture's own, a video's poster: thumbTarget), making those
// not cached yet the way the Mediathek's feeder does, and shows each when
// it is there.
func (ms *mediaSection) loadThumbs() {
	for _, m := range ms.items {
		if hash, _, _, ok := thumbTarget(m); !ok || ms.images[hash] != nil || ms.asked[hash] {
			continue
		}
		hash, _ := ms.e.u.loadThumb(ms.cache, m, func(hash string, img image.Image) {
			ms.images[hash] = img
			ms.rebuild()
		})
		ms.asked[hash] = true
	}
}

// onPick adds items chosen in the Mediathek picker.
func (ms *mediaSection) onPick() {
	ms.e.u.pickMedia(func(chosen []data.Media) { ms.append(chosen) })
}

// onAddFiles imports files chosen in the open dialog (Windows' own with
// multi-select; Fyne's elsewhere) and links them.
func (ms *mediaSection) onAddFiles() {
	ms.e.u.openFiles(lang.L("Add files …"), ms.lastDir, mediaFiles, func(paths []string) {
		ms.lastDir = filepath.Dir(paths[0])
		ms.e.importAndAttach(paths)
	})
}

// dropFiles is a drop of files and folders on the window while this
// editor is open: they are imported and linked to the post.
func (e *editor) dropFiles(paths []string) {
	switch {
	case e.u.ws.ReadOnly():
		dialog.ShowInformation(lang.L("Import"), lang.L("The workspace is open read-only; changes cannot be saved."), e.u.win)
	case e.mediaBox == nil || e.mediaBox.readErr:
		dialog.ShowInformation(lang.L("Import"), lang.L("The linked pictures could not be read."), e.u.win)
	default:
		e.importAndAttach(paths)
	}
}

// importAndAttach imports paths into the Mediathek (the same job as its
// own import) and links what came in, and what was there already, to the
// post in the editor. A summary follows only when a file was skipped or
// the import stopped: otherwise the new cards say enough.
func (e *editor) importAndAttach(paths []string) {
	u := e.u
	u.importFiles(paths, e.mediaBox.cache, nil, func(results []data.ImportResult, err error, cancelled bool) {
		var got []data.Media
		for _, r := range results {
			if r.Outcome != data.ImportSkipped && r.Media.ID != 0 {
				got = append(got, r.Media)
			}
		}
		if u.editor == e { // closed meanwhile: the files stay in the Mediathek
			e.mediaBox.append(got)
		}
		if err != nil && !cancelled {
			u.showError(lang.L("The import stopped."), err)
		}
		if cancelled || len(countImport(results).skipped) > 0 {
			u.showImportSummary(results, cancelled)
		}
	})
}
