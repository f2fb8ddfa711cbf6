package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/assets"
	"feedtakt/data"
	"feedtakt/data/calendar"
)

// welcome is the first-start screen: create a workspace, open one, or look
// around in the demo.
type welcome struct {
	u       *UI
	content fyne.CanvasObject

	org    *widget.Entry
	land   *widget.Select
	folder *widget.Entry
	create *widget.Button
	open   *widget.Button
	demo   *widget.Button
}

func (u *UI) showWelcome() {
	u.closeWorkspace()
	u.win.SetTitle("Feedtakt")
	w := newWelcome(u)
	u.setContent(w.content)
}

func newWelcome(u *UI) *welcome {
	w := &welcome{u: u}

	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(72, 72))
	title := widget.NewLabelWithStyle(lang.L("Welcome to Feedtakt"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel(lang.L("Plan your authority's social media in one place: editorial calendar, media library and caption templates. Everything stays on this PC or your network drive."))
	intro.Wrapping = fyne.TextWrapWord

	// Create
	w.org = widget.NewEntry()
	w.org.SetPlaceHolder(lang.L("e.g. Stadt Musterstadt, Pressestelle"))
	w.land = widget.NewSelect(landNames(), nil)
	w.land.PlaceHolder = lang.L("Choose federal state")
	w.folder = widget.NewEntry()
	w.folder.SetText(data.DefaultDir())
	choose := widget.NewButtonWithIcon(lang.L("Choose folder …"), theme.FolderOpenIcon(), w.onChooseFolder)
	w.create = widget.NewButtonWithIcon(lang.L("Create workspace"), theme.ContentAddIcon(), w.onCreate)
	w.create.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Organisation"), w.org),
		widget.NewFormItem(lang.L("Federal state"), w.land),
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, choose, w.folder)),
	)
	createCard := section(lang.L("Create a new workspace"),
		lang.L("For the start: a folder in Documents, or on a network drive that a colleague can reach."),
		container.NewVBox(form, container.NewHBox(layout.NewSpacer(), w.create)))

	// Open
	w.open = widget.NewButtonWithIcon(lang.L("Open workspace …"), theme.FolderOpenIcon(), w.onOpen)
	openBox := container.NewVBox(container.NewHBox(w.open, widget.NewButtonWithIcon(lang.L("Open handover bundle …"), theme.FolderOpenIcon(), u.chooseBundle)))
	if last := u.app.Preferences().String(prefLastWorkspace); last != "" {
		// Back to where the person came from (e.g. after "New workspace …").
		back := widget.NewButtonWithIcon(lang.L("Open the last one again"), theme.HistoryIcon(), func() { u.openWorkspace(last) })
		hint := widget.NewLabel(last)
		hint.Truncation = fyne.TextTruncateEllipsis
		openBox.Add(container.NewBorder(nil, nil, back, nil, hint))
	}
	openCard := section(lang.L("Open an existing workspace"),
		lang.L("A folder with feedtakt.db, e.g. on H:\\ or a share, or a colleague's workspace you cover for."),
		openBox)

	// Demo
	w.demo = widget.NewButtonWithIcon(lang.L("Explore the demo"), theme.MediaPlayIcon(), func() { u.openDemo() })
	demoCard := section(lang.L("Look around first"),
		lang.L("A sample state office for monument protection with channels, topics and about 40 posts. Changes there do not touch your own workspace."),
		container.NewHBox(w.demo))

	head := container.NewBorder(nil, nil, icon, nil, container.NewVBox(title, intro))
	body := container.NewVBox(layout.NewSpacer(), head, createCard, container.NewGridWithColumns(2, openCard, demoCard), layout.NewSpacer())
	w.content = container.NewVScroll(container.NewPadded(narrow(860, body)))
	return w
}

// landNames lists the 16 Länder by German name for a selection.
func landNames() []string {
	var names []string
	for _, l := range calendar.Lands() {
		names = append(names, l.Name)
	}
	return names
}

// landByName maps a selection back to its code.
func landByName(name string) calendar.Land {
	for _, l := range calendar.Lands() {
		if l.Name == name {
			return l.Code
		}
	}
	return ""
}

func (w *welcome) onChooseFolder() {
	d := dialog.NewFolderOpen(func(uri fyne.ListableURI, err error) {
		if err != nil || uri == nil {
			return
		}
		w.folder.SetText(uri.Path())
	}, w.u.win)
	if loc, err := storage.ListerForURI(storage.NewFileURI(data.DocumentsDir())); err == nil {
		d.SetLocation(loc)
	}
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

func (w *welcome) onCreate() {
	dir := w.folder.Text
	if dir == "" {
		dialog.ShowInformation(lang.L("Folder missing"), lang.L("Please choose a folder for the workspace."), w.u.win)
		return
	}
	if w.land.Selected == "" {
		dialog.ShowInformation(lang.L("Federal state missing"), lang.L("Please choose your federal state; the calendar shows its public holidays."), w.u.win)
		return
	}
	w.u.createWorkspace(dir, data.Settings{Organisation: w.org.Text, Land: landByName(w.land.Selected)})
}

func (w *welcome) onOpen() {
	w.u.chooseAndOpen()
}

// chooseAndOpen asks for a workspace folder and opens it.
func (u *UI) chooseAndOpen() {
	d := dialog.NewFolderOpen(func(uri fyne.ListableURI, err error) {
		if err != nil || uri == nil {
			return
		}
		u.openWorkspace(uri.Path())
	}, u.win)
	if loc, err := storage.ListerForURI(storage.NewFileURI(data.DocumentsDir())); err == nil {
		d.SetLocation(loc)
	}
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}
