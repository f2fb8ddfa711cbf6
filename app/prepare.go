package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/thumbs"
	"feedtakt/data/upload"
	"feedtakt/data/upload/render"
)

// prepareDialog is "Für Kanal vorbereiten …": the format choice, the crop
// frame on the preview, the resulting size, and Speichern.
type prepareDialog struct {
	u    *UI
	m    data.Media
	post *data.Post
	dlg  *dialog.CustomDialog

	formats  []upload.Format
	channels []data.Channel // the post's channels (for the file name)
	size     image.Point    // the picture's displayed size (full resolution)

	choice  *widget.Select
	view    *cropView
	pixels  *widget.Label
	warning *widget.Label
	source  *widget.Label
	file    *widget.Label
	save    *widget.Button
	side    *fyne.Container

	saving bool
	// saved is called with the written file's path (tests wait on it).
	saved func(path string)
}

// prepareForChannel opens "Für Kanal vorbereiten …" for picture m: choose a
// target format, drag the crop frame, write a JPEG without metadata into
// the workspace's upload folder. post, when not nil, names the file after
// the post (and the chosen channel) and offers its channels' formats first.
func (u *UI) prepareForChannel(m data.Media, post *data.Post) {
	u.openPrepare(m, post)
}

// openPrepare builds and shows the dialog; the formats, the channels and
// the preview are loaded in the background.
func (u *UI) openPrepare(m data.Media, post *data.Post) *prepareDialog {
	p := &prepareDialog{u: u, m: m, post: post, size: image.Pt(m.Width, m.Height)}
	if m.Kind != "image" {
		dialog.ShowInformation(lang.L("Prepare for channel"), lang.L("Only pictures can be prepared for a channel."), u.win)
		return nil
	}
	if m.Missing != data.MissingNone {
		dialog.ShowInformation(lang.L("Prepare for channel"), lang.L("The file is missing or was changed outside Feedtakt."), u.win)
		return nil
	}
	p.view = newCropView(p.onCropChanged)
	p.choice = widget.NewSelect(nil, func(string) { p.onFormat() })
	p.choice.PlaceHolder = lang.L("Choose format")
	p.pixels = widget.NewLabel("")
	p.pixels.Wrapping = fyne.TextWrapWord
	p.warning = widget.NewLabel("")
	p.warning.Wrapping = fyne.TextWrapWord
	p.warning.Importance = widget.DangerImportance
	p.warning.Hide()
	p.source = widget.NewLabel("")
	p.source.Wrapping = fyne.TextWrapWord
	p.file = widget.NewLabel("")
	p.file.Wrapping = fyne.TextWrapWord
	privacy := widget.NewLabel(lang.L("The copy is an sRGB JPEG without location (GPS), camera data or other metadata."))
	privacy.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(lang.L("Drag the frame to move it; drag its corner to resize. With the keyboard: click the picture, then arrow keys and + or -."))
	hint.Wrapping = fyne.TextWrapWord
	hint.TextStyle.Italic = true

	side := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Target format"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.choice, p.source, widget.NewSeparator(), p.pixels, p.warning,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("File"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.file, privacy, hint,
	)
	// The column scrolls: on a 768 px screen its texts do not all fit.
	p.side = container.New(&fixedWidth{w: 300}, container.NewVScroll(side))
	content := container.NewBorder(nil, nil, nil, p.side, p.view)

	p.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), p.onSave)
	p.save.Importance = widget.HighImportance
	p.save.Disable()
	cancel := widget.NewButton(lang.L("Cancel"), func() { p.dlg.Hide() })
	title := lang.L("Prepare for channel: {{.Name}}", map[string]any{"Name": displayMediaName(m)})
	p.dlg = dialog.NewCustomWithoutButtons(title, content, u.win)
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, p.save})
	winSize := u.win.Canvas().Size()
	p.dlg.Resize(fyne.NewSize(min(1100, winSize.Width-40), min(680, winSize.Height-40)))
	p.dlg.Show()
	p.load()
	return p
}

// load reads the formats, the post's channels and the preview.
func (p *prepareDialog) load() {
	ws := p.u.ws
	m := p.m
	src := filepath.Join(ws.Dir(), filepath.FromSlash(m.Path))
	cache := thumbs.NewCache(filepath.Join(ws.Dir(), data.ThumbsDir))
	var chanIDs []int64
	if p.post != nil {
		for _, c := range p.post.Channels {
			chanIDs = append(chanIDs, c.ChannelID)
		}
	}
	p.u.run(func(ctx context.Context) func() {
		fs, err := ws.UploadFormats(ctx)
		var chans []data.Channel
		if err == nil && len(chanIDs) > 0 {
			all, cerr := ws.Channels(ctx)
			err = cerr
			for _, id := range chanIDs {
				for _, c := range all {
					if c.ID == id {
						chans = append(chans, c)
					}
				}
			}
		}
		return func() {
			if err != nil {
				p.u.showError(lang.L("The formats could not be read."), err)
				return
			}
			p.channels = chans
			p.setFormats(fs)
		}
	})
	p.u.run(func(ctx context.Context) func() {
		if !cache.Exists(m.Hash, thumbs.PreviewSize) {
			if err := cache.Make(ctx, m.Hash, src, thumbs.FormatUnknown, m.Orientation, []int{thumbs.GridSize, thumbs.PreviewSize}); err != nil {
				return func() { p.view.setFailed(lang.L("The preview could not be made.")) }
			}
		}
		img := decodeThumb(cache.Path(m.Hash, thumbs.PreviewSize))
		return func() {
			if img == nil {
				p.view.setFailed(lang.L("The preview could not be made."))
				return
			}
			if p.size.X <= 0 || p.size.Y <= 0 {
				// No size recorded: the preview's shape is the best guess;
				// render.Copy carries the crop over to the real size.
				p.size = img.Bounds().Size()
			}
			p.view.setImage(img, p.size)
			p.onFormat()
		}
	})
}

// setFormats fills the choice: with a post, the formats of its channels'
// platforms first, in the order of the channels.
func (p *prepareDialog) setFormats(fs []upload.Format) {
	var first, rest []upload.Format
	used := map[string]bool{}
	for _, c := range p.channels {
		for _, f := range fs {
			if f.Platform == string(c.Platform) && !used[f.ID] {
				first = append(first, f)
				used[f.ID] = true
			}
		}
	}
	for _, f := range fs {
		if !used[f.ID] {
			rest = append(rest, f)
		}
	}
	p.formats = append(first, rest...)
	names := make([]string, len(p.formats))
	for i, f := range p.formats {
		names[i] = f.Name + "  (" + describeFormat(f) + ")"
	}
	p.choice.SetOptions(names)
	if len(names) > 0 {
		p.choice.SetSelectedIndex(0)
	}
}

// describeFormat says a format's size in words for the choice.
func describeFormat(f upload.Format) string {
	if f.Fit == upload.FitCrop {
		return fmt.Sprintf("%d × %d", f.Width, f.Height)
	}
	s := "≤ " + strconv.Itoa(f.LongSide) + " px"
	if f.MaxBytes > 0 {
		s += ", ≤ " + limitBytes(f.MaxBytes)
	}
	return s
}

// limitBytes writes a byte count the way platforms state limits (1 MB =
// 1,000,000 bytes).
func limitBytes(n int64) string {
	switch {
	case n >= 1_000_000:
		v := fmt.Sprintf("%.1f", float64(n)/1e6)
		v = strings.TrimSuffix(v, ".0")
		if language == "de" {
			v = strings.ReplaceAll(v, ".", ",")
		}
		return v + " MB"
	case n >= 1000:
		return fmt.Sprintf("%d kB", n/1000)
	}
	return fmt.Sprintf("%d B", n)
}

// sourceText is a format's source in the UI language: the defaults'
// sources are translation keys, her own are shown as typed.
func sourceText(s string) string {
	if upload.DefaultSource(s) {
		return lang.L(s)
	}
	return s
}

// current returns the chosen format.
func (p *prepareDialog) current() (upload.Format, bool) {
	i := p.choice.SelectedIndex()
	if i < 0 || i >= len(p.formats) {
		return upload.Format{}, false
	}
	return p.formats[i], true
}

// onFormat starts the chosen format with its default crop.
func (p *prepareDialog) onFormat() {
	f, ok := p.current()
	if !ok {
		return
	}
	src := sourceText(f.Source)
	if f.Checked != "" {
		src += " (" + lang.L("as of {{.Date}}", map[string]any{"Date": f.Checked}) + ")"
	}
	if src != "" {
		p.source.SetText(lang.L("Source: {{.Source}}", map[string]any{"Source": src}))
	} else {
		p.source.SetText("")
	}
	p.view.setFormat(f, upload.DefaultCrop(p.size, f))
	p.update()
}

func (p *prepareDialog) onCropChanged() { p.update() }

// update shows the crop's pixel size, the copy's size, an upscaling
// warning and the file name.
func (p *prepareDialog) update() {
	f, ok := p.current()
	if !ok || p.view.img == nil {
		p.save.Disable()
		return
	}
	crop := p.view.crop
	out, upscaled := upload.OutputSize(crop, f)
	if f.Fit == upload.FitCrop {
		p.pixels.SetText(lang.L("Crop {{.CW}} × {{.CH}} px → copy {{.W}} × {{.H}} px", map[string]any{
			"CW": crop.Dx(), "CH": crop.Dy(), "W": out.X, "H": out.Y}))
	} else {
		text := lang.L("Not cropped, only made smaller: {{.W}} × {{.H}} px", map[string]any{"W": out.X, "H": out.Y})
		if f.MaxBytes > 0 {
			text += "\n" + lang.L("At most {{.Size}}; the quality is lowered if needed.", map[string]any{"Size": limitBytes(f.MaxBytes)})
		}
		p.pixels.SetText(text)
	}
	if upscaled {
		p.warning.SetText(lang.L("The crop is smaller than the format ({{.W}} × {{.H}} px): the copy is enlarged and will look soft. Choose a larger crop or another picture.", map[string]any{"W": f.Width, "H": f.Height}))
		p.warning.Show()
	} else {
		p.warning.Hide()
	}
	p.file.SetText(upload.SafeStem(p.stem(f), 120) + upload.Ext + "\n" + lang.L("in the folder “{{.Folder}}” of the workspace", map[string]any{"Folder": data.UploadDir}))
	if !p.saving {
		p.save.Enable()
	}
	// Wrapped labels changed their height: lay the column out again.
	p.side.Refresh()
}

// label names the format in the file: the post's channel on the format's
// platform when it has its own name ("Instagram Ausbildung 4:5"), else
// the format's name.
func (p *prepareDialog) label(f upload.Format) string {
	for _, c := range p.channels {
		if string(c.Platform) != f.Platform {
			continue
		}
		pname := platformName(c.Platform)
		if c.Name == pname || c.Name == "" {
			break
		}
		rest := strings.TrimSpace(strings.TrimPrefix(f.Name, pname))
		return strings.TrimSpace(c.Name + " " + rest)
	}
	return f.Name
}

// stem is the file name without extension: after the post when there is
// one, else after the picture.
func (p *prepareDialog) stem(f upload.Format) string {
	if p.post != nil {
		date := ""
		if p.post.Date != nil {
			date = p.post.Date.ISO() // sorts by date in a folder listing
		}
		return upload.Stem(date, p.post.Title, p.label(f))
	}
	name := displayMediaName(p.m)
	if p.m.Title == "" {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return upload.Stem("", name, f.Name)
}

// onSave renders and writes the copy in a job shown in the status area
// (with Abbrechen), then says where it is.
func (p *prepareDialog) onSave() {
	f, ok := p.current()
	if !ok || p.saving {
		return
	}
	ws := p.u.ws
	req := render.Request{
		Src:         filepath.Join(ws.Dir(), filepath.FromSlash(p.m.Path)),
		Orientation: p.m.Orientation,
		Size:        p.size,
		Format:      f,
		Crop:        p.view.crop,
	}
	stem := p.stem(f)
	dir := ws.UploadPath()
	p.saving = true
	p.save.Disable()
	p.dlg.Hide()
	p.u.runShown(lang.L("Preparing picture"), func(ctx context.Context, j *job) func() {
		j.progress(0, 2)
		res, err := render.Copy(ctx, req)
		path := ""
		if err == nil {
			j.progress(1, 2)
			path, err = upload.Save(ctx, dir, stem, res.JPEG)
		}
		return func() {
			p.saving = false
			p.save.Enable()
			if err != nil {
				if errors.Is(err, context.Canceled) {
					p.dlg.Show()
					return
				}
				p.u.showError(lang.L("The picture could not be prepared."), prepareError(err))
				p.dlg.Show() // keep the chosen format and crop
				return
			}
			p.showSaved(path, res)
		}
	})
}

// prepareError turns the upload and decoder errors into sentences
// data.Explain does not know.
func prepareError(err error) error {
	msg := ""
	switch {
	case errors.Is(err, render.ErrTooBig):
		msg = "The copy does not fit the format's file size limit even at low quality. Choose a smaller crop or raise the limit in the settings."
	case errors.Is(err, thumbs.ErrTooLarge):
		msg = "The picture has too many pixels to be processed."
	case errors.Is(err, thumbs.ErrUnsupported):
		msg = "Only pictures can be prepared for a channel."
	case errors.Is(err, thumbs.ErrDamaged):
		msg = "The picture is damaged or incomplete."
	default:
		return err
	}
	return &data.InvalidError{Field: "picture", Message: msg}
}

// showSaved says where the copy is, with Ordner öffnen.
func (p *prepareDialog) showSaved(path string, res render.Result) {
	text := lang.L("Saved as “{{.Name}}” ({{.W}} × {{.H}} px, {{.Size}}) in the folder “{{.Folder}}”.", map[string]any{
		"Name": filepath.Base(path), "W": res.Size.X, "H": res.Size.Y, "Size": formatBytes(int64(len(res.JPEG))), "Folder": data.UploadDir})
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(filepath.Dir(path))
	where.Wrapping = fyne.TextWrapBreak
	where.Importance = widget.LowImportance
	var d *dialog.CustomDialog
	open := widget.NewButtonWithIcon(lang.L("Open folder"), theme.FolderOpenIcon(), func() {
		openPath(p.u, filepath.Dir(path))
		d.Hide()
	})
	open.Importance = widget.HighImportance
	ok := widget.NewButton(lang.L("Close"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Picture prepared"), container.NewVBox(msg, where), p.u.win)
	d.SetButtons([]fyne.CanvasObject{ok, open})
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
	if p.saved != nil {
		p.saved(path)
	}
}

// fixedWidth lays out its one object at a fixed width (and its own height).
type fixedWidth struct{ w float32 }

func (l *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.w, h)
}

func (l *fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// cropView shows the preview with the crop frame: the area outside the
// frame darkened, a handle at the bottom-right corner. Dragging inside the
// frame moves it, dragging the handle resizes it in the format's ratio. The
// crop is kept in the picture's full-resolution pixels.
type cropView struct {
	widget.BaseWidget
	img      image.Image
	size     image.Point // the picture's full size, which crop refers to
	format   upload.Format
	crop     image.Rectangle
	failed   string
	onChange func()
	focused  bool

	// Drag state: what the drag does, and the crop and pointer where it began.
	mode      int
	startCrop image.Rectangle
	total     fyne.Delta
}

const (
	dragNone = iota
	dragMove
	dragResize
)

// handleSize is the side of the resize handle in the UI's units; the grab
// area around it is twice as large.
const handleSize = 14

func newCropView(onChange func()) *cropView {
	v := &cropView{onChange: onChange}
	v.ExtendBaseWidget(v)
	return v
}

func (v *cropView) setImage(img image.Image, size image.Point) {
	v.img, v.size = img, size
	v.Refresh()
}

func (v *cropView) setFailed(msg string) {
	v.failed = msg
	v.Refresh()
}

func (v *cropView) setFormat(f upload.Format, crop image.Rectangle) {
	v.format, v.crop = f, crop
	v.Refresh()
}

// geometry returns where the picture sits in the widget: its scale (UI
// units per picture pixel) and its top-left corner.
func (v *cropView) geometry() (scale float32, origin fyne.Position) {
	sz := v.Size()
	if v.size.X <= 0 || v.size.Y <= 0 || sz.Width <= 0 || sz.Height <= 0 {
		return 0, fyne.Position{}
	}
	scale = min(sz.Width/float32(v.size.X), sz.Height/float32(v.size.Y))
	w, h := float32(v.size.X)*scale, float32(v.size.Y)*scale
	return scale, fyne.NewPos((sz.Width-w)/2, (sz.Height-h)/2)
}

// frameRect is the crop in widget coordinates.
func (v *cropView) frameRect() (pos fyne.Position, size fyne.Size) {
	scale, o := v.geometry()
	pos = fyne.NewPos(o.X+float32(v.crop.Min.X)*scale, o.Y+float32(v.crop.Min.Y)*scale)
	size = fyne.NewSize(float32(v.crop.Dx())*scale, float32(v.crop.Dy())*scale)
	return pos, size
}

// Dragged moves or resizes the frame; the first event decides which, by
// where the drag began. The movement is summed from the events' deltas,
// so the frame follows the pointer without drifting from rounding.
func (v *cropView) Dragged(e *fyne.DragEvent) {
	scale, _ := v.geometry()
	if scale <= 0 || v.img == nil || v.format.Fit != upload.FitCrop {
		return // nothing shown yet, or a limit format: no frame to move
	}
	if v.mode == dragNone {
		start := e.Position.Subtract(e.Dragged)
		v.startCrop, v.total = v.crop, fyne.Delta{}
		fp, fs := v.frameRect()
		corner := fp.Add(fyne.NewPos(fs.Width, fs.Height))
		v.mode = dragMove
		if abs32(start.X-corner.X) <= handleSize && abs32(start.Y-corner.Y) <= handleSize {
			v.mode = dragResize
		}
		// Anywhere else moves the frame: a drag beside it still means
		// "put the frame over there".
	}
	v.total.DX += e.Dragged.DX
	v.total.DY += e.Dragged.DY
	d := image.Pt(round32(v.total.DX/scale), round32(v.total.DY/scale))
	switch v.mode {
	case dragMove:
		v.crop = upload.Move(v.startCrop, d, v.size)
	case dragResize:
		v.crop = upload.ResizeFromTopLeft(v.startCrop, v.startCrop.Max.Add(d), v.size, v.format)
	}
	v.setCrop(v.crop)
}

// FocusGained shows that the arrow keys now move the frame.
func (v *cropView) FocusGained() { v.focused = true; v.Refresh() }

// FocusLost ends keyboard moving.
func (v *cropView) FocusLost() { v.focused = false; v.Refresh() }

// TypedRune: "+" and "-" make the frame larger or smaller.
func (v *cropView) TypedRune(r rune) {
	switch r {
	case '+':
		v.resizeBy(1.05)
	case '-':
		v.resizeBy(1 / 1.05)
	}
}

// TypedKey moves the frame with the arrow keys, by 1 % of the picture's
// longer side, so the dialog works without a mouse too.
func (v *cropView) TypedKey(e *fyne.KeyEvent) {
	if v.img == nil || v.format.Fit != upload.FitCrop {
		return
	}
	step := max(1, max(v.size.X, v.size.Y)/100)
	var d image.Point
	switch e.Name {
	case fyne.KeyLeft:
		d.X = -step
	case fyne.KeyRight:
		d.X = step
	case fyne.KeyUp:
		d.Y = -step
	case fyne.KeyDown:
		d.Y = step
	default:
		return
	}
	v.setCrop(upload.Move(v.crop, d, v.size))
}

// resizeBy scales the frame about its centre, in the format's ratio and
// inside the picture.
func (v *cropView) resizeBy(f float64) {
	if v.img == nil || v.format.Fit != upload.FitCrop {
		return
	}
	c := v.crop
	w := max(float64(upload.MinCrop), float64(c.Dx())*f)
	h := w * float64(v.format.Height) / float64(v.format.Width)
	cx, cy := float64(c.Min.X+c.Max.X)/2, float64(c.Min.Y+c.Max.Y)/2
	r := image.Rect(int(cx-w/2), int(cy-h/2), int(cx+w/2), int(cy+h/2))
	v.setCrop(upload.Normalize(r, v.size, v.format))
}

func (v *cropView) setCrop(r image.Rectangle) {
	v.crop = r
	v.Refresh()
	if v.onChange != nil {
		v.onChange()
	}
}

// Tapped takes the keyboard focus, so a click and then the arrow keys
// work.
func (v *cropView) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
}

// DragEnd ends the drag.
func (v *cropView) DragEnd() { v.mode = dragNone }

// Cursor shows the hand over the picture: it can be grabbed.
func (v *cropView) Cursor() desktop.Cursor { return desktop.PointerCursor }

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

func round32(f float32) int {
	if f < 0 {
		return -int(-f + 0.5)
	}
	return int(f + 0.5)
}

func (v *cropView) MinSize() fyne.Size { return fyne.NewSize(420, 320) }

func (v *cropView) CreateRenderer() fyne.WidgetRenderer {
	r := &cropRenderer{v: v}
	r.bg = canvas.NewRectangle(color.NRGBA{0x20, 0x20, 0x20, 0xFF})
	r.pic = canvas.NewImageFromImage(nil)
	r.pic.FillMode = canvas.ImageFillStretch
	r.pic.ScaleMode = canvas.ImageScaleSmooth
	shade := color.NRGBA{0, 0, 0, 150}
	for i := range r.shade {
		r.shade[i] = canvas.NewRectangle(shade)
	}
	r.frame = canvas.NewRectangle(color.Transparent)
	r.frame.StrokeColor = color.White
	r.frame.StrokeWidth = 2
	r.handle = canvas.NewRectangle(color.White)
	r.handle.StrokeColor = color.NRGBA{0, 0, 0, 200}
	r.handle.StrokeWidth = 1
	r.msg = widget.NewLabel(lang.L("Loading preview …"))
	r.msg.Alignment = fyne.TextAlignCenter
	r.msg.Wrapping = fyne.TextWrapWord
	r.objs = []fyne.CanvasObject{r.bg, r.pic, r.shade[0], r.shade[1], r.shade[2], r.shade[3], r.frame, r.handle, r.msg}
	return r
}

type cropRenderer struct {
	v      *cropView
	bg     *canvas.Rectangle
	pic    *canvas.Image
	shade  [4]*canvas.Rectangle
	frame  *canvas.Rectangle
	handle *canvas.Rectangle
	msg    *widget.Label
	objs   []fyne.CanvasObject
}

func (r *cropRenderer) Destroy()                     {}
func (r *cropRenderer) MinSize() fyne.Size           { return r.v.MinSize() }
func (r *cropRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *cropRenderer) Refresh() {
	if r.pic.Image != r.v.img {
		r.pic.Image = r.v.img
		r.pic.Refresh()
	}
	r.Layout(r.v.Size())
	for _, o := range r.objs[2:8] {
		o.Refresh()
	}
}

func (r *cropRenderer) Layout(size fyne.Size) {
	v := r.v
	r.bg.Resize(size)
	r.msg.Move(fyne.NewPos(0, size.Height/2-20))
	r.msg.Resize(fyne.NewSize(size.Width, 40))
	scale, o := v.geometry()
	if v.img == nil || scale <= 0 {
		if v.failed != "" {
			r.msg.SetText(v.failed)
		}
		r.msg.Show()
		for _, obj := range r.objs[1:8] {
			obj.Hide()
		}
		return
	}
	r.msg.Hide()
	pw, ph := float32(v.size.X)*scale, float32(v.size.Y)*scale
	r.pic.Move(o)
	r.pic.Resize(fyne.NewSize(pw, ph))
	r.pic.Show()
	fp, fs := v.frameRect()
	// Four bands around the frame: above, below, left, right.
	bands := [4][4]float32{
		{o.X, o.Y, pw, fp.Y - o.Y},
		{o.X, fp.Y + fs.Height, pw, o.Y + ph - fp.Y - fs.Height},
		{o.X, fp.Y, fp.X - o.X, fs.Height},
		{fp.X + fs.Width, fp.Y, o.X + pw - fp.X - fs.Width, fs.Height},
	}
	crop := v.format.Fit == upload.FitCrop
	for i, b := range bands {
		r.shade[i].Move(fyne.NewPos(b[0], b[1]))
		r.shade[i].Resize(fyne.NewSize(max(b[2], 0), max(b[3], 0)))
		r.shade[i].Show()
	}
	if !crop {
		// A limit format keeps the whole picture: no frame, no handle.
		r.frame.Hide()
		r.handle.Hide()
		return
	}
	r.frame.StrokeColor = color.Color(color.White)
	if v.focused {
		r.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
		r.frame.StrokeWidth = 3
	} else {
		r.frame.StrokeWidth = 2
	}
	r.frame.Move(fp)
	r.frame.Resize(fs)
	r.frame.Show()
	// The handle sits inside the corner, so it stays visible when the
	// frame reaches the picture's edge.
	r.handle.Move(fp.Add(fyne.NewPos(fs.Width-handleSize, fs.Height-handleSize)))
	r.handle.Resize(fyne.NewSize(handleSize, handleSize))
	r.handle.Show()
}
