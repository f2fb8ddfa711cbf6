package app

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
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
	"feedtakt/data/calendar"
)

// settingsScreen edits the workspace settings (organisation, Bundesland,
// channels, topics) and the personal ones (display name, language), on
// two tabs of Einstellungen.
type settingsScreen struct {
	u *UI
	// content is the tab "Kanäle & Rubriken", orgContent the tab
	// "Organisation" (the organisation, the person on this PC, the
	// consent form's wording).
	content    fyne.CanvasObject
	orgContent fyne.CanvasObject

	org      *widget.Entry
	land     *widget.Select
	saveGen  *widget.Button
	name     *widget.Entry
	langSel  *widget.Select
	channels *fyne.Container
	topics   *fyne.Container
	addChan  *widget.Button
	addTopic *widget.Button
	handover *handoverNotesForm
	// shown, if set, runs after the channels or topics were (re)listed:
	// the guided start lays its page out anew.
	shown func()
}

func newSettingsScreen(u *UI) *settingsScreen {
	s := &settingsScreen{u: u}
	ro := u.ws.ReadOnly()

	s.org = widget.NewEntry()
	s.org.SetPlaceHolder(lang.L("e.g. Stadt Musterstadt, Pressestelle"))
	s.land = widget.NewSelect(landNames(), nil)
	s.land.PlaceHolder = lang.L("Choose federal state")
	s.saveGen = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.onSaveGeneral)
	s.saveGen.Importance = widget.HighImportance
	general := section(lang.L("Organisation"), lang.L("Shared by everyone who opens this workspace."), container.NewVBox(
		widget.NewForm(
			widget.NewFormItem(lang.L("Name"), s.org),
			widget.NewFormItem(lang.L("Federal state"), s.land),
		),
		container.NewHBox(layout.NewSpacer(), s.saveGen),
	))

	s.name = widget.NewEntry()
	s.name.SetPlaceHolder(data.CurrentActor().Person)
	s.name.SetText(u.app.Preferences().String(prefDisplayName))
	s.name.OnSubmitted = func(string) { s.onSaveName() }
	saveName := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.onSaveName)
	s.langSel = widget.NewSelect([]string{lang.L("System language"), "Deutsch", "English"}, nil)
	switch u.app.Preferences().String(prefLanguage) {
	case "de":
		s.langSel.SetSelectedIndex(1)
	case "en":
		s.langSel.SetSelectedIndex(2)
	default:
		s.langSel.SetSelectedIndex(0)
	}
	s.langSel.OnChanged = func(string) { s.onLanguage() }
	personal := section(lang.L("You on this PC"), lang.L("Your name appears in the change log and tells a colleague who has the workspace open."), widget.NewForm(
		widget.NewFormItem(lang.L("Display name"), container.NewBorder(nil, nil, nil, saveName, s.name)),
		widget.NewFormItem(lang.L("Language"), s.langSel),
	))

	channels, topics := s.channelsSection(), s.topicsSection()
	if ro {
		s.org.Disable()
		s.land.Disable()
		s.saveGen.Disable()
	}
	s.content = container.NewVScroll(container.NewPadded(narrow(980, container.NewVBox(channels, topics))))
	s.orgContent = container.NewVScroll(container.NewPadded(narrow(980, container.NewVBox(general, s.handoverNotesSection(), personal, s.consentFormSection()))))
	s.load()
	return s
}

// channelsSection is the list of channels with their Takt; the guided
// start shows it too.
func (s *settingsScreen) channelsSection() fyne.CanvasObject {
	s.channels = container.NewVBox()
	s.addChan = widget.NewButtonWithIcon(lang.L("Add channel"), theme.ContentAddIcon(), func() {
		s.editChannel(data.Channel{Platform: data.Instagram, Color: "#607D8B", Cadence: data.Cadence{Count: 2, Period: data.PerWeek}})
	})
	if s.u.ws.ReadOnly() {
		s.addChan.Disable()
	}
	return section(lang.L("Channels"), lang.L("Where you post, with the cadence (Takt) you aim for. Disabled channels stay on old posts but are no longer offered."),
		container.NewVBox(s.channels, container.NewHBox(s.addChan)))
}

// topicsSection is the list of topics (Rubriken); the guided start shows
// it too.
func (s *settingsScreen) topicsSection() fyne.CanvasObject {
	s.topics = container.NewVBox()
	s.addTopic = widget.NewButtonWithIcon(lang.L("Add topic"), theme.ContentAddIcon(), func() { s.editTopic(data.Topic{Color: "#607D8B"}) })
	if s.u.ws.ReadOnly() {
		s.addTopic.Disable()
	}
	return section(lang.L("Topics"), lang.L("Topics (Rubriken) group posts and colour them in the calendar."),
		container.NewVBox(s.topics, container.NewHBox(s.addTopic)))
}

// newSettingsTabs are the tabs of Einstellungen, each named for what it
// holds; the channels and topics come first because they are what a new
// workspace needs before anything else.
func newSettingsTabs(u *UI, s *settingsScreen, d *datesScreen) *container.AppTabs {
	return container.NewAppTabs(
		container.NewTabItem(lang.L("Channels & topics"), s.content),
		container.NewTabItem(lang.L("Series & dates"), d.content),
		container.NewTabItem(lang.L("Action days"), d.actions.content),
		container.NewTabItem(lang.L("Platforms"), newLimitsScreen(u).content),
		container.NewTabItem(lang.L("Organisation"), s.orgContent),
	)
}

// load fills the screen from the workspace.
func (s *settingsScreen) load() {
	fetch(s.u, (*data.Workspace).Settings, func(st data.Settings, err error) {
		if err != nil {
			s.u.showError(lang.L("The settings could not be read."), err)
			return
		}
		s.org.SetText(st.Organisation)
		for _, l := range calendar.Lands() {
			if l.Code == st.Land {
				s.land.SetSelected(l.Name)
			}
		}
	})
	s.loadChannels()
	s.loadTopics()
	s.handover.load()
}

func (s *settingsScreen) onSaveGeneral() {
	st := data.Settings{Organisation: s.org.Text, Land: landByName(s.land.Selected)}
	s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SaveSettings(ctx, st) }, func(err error) {
		if err != nil {
			s.u.showError(lang.L("The settings could not be saved."), err)
			return
		}
		s.u.updateTitle()
	})
}

func (s *settingsScreen) onSaveName() {
	name := strings.TrimSpace(s.name.Text)
	s.u.app.Preferences().SetString(prefDisplayName, name)
	s.u.ws.SetActor(s.u.actor())
}

func (s *settingsScreen) onLanguage() {
	code := []string{"", "de", "en"}[s.langSel.SelectedIndex()]
	if s.u.app.Preferences().String(prefLanguage) == code {
		return
	}
	s.u.app.Preferences().SetString(prefLanguage, code)
	s.u.relabel(code)
}

// swatch is a small square in a colour.
func swatch(hex string) fyne.CanvasObject {
	r := canvas.NewRectangle(parseHex(hex))
	r.CornerRadius = 4
	r.SetMinSize(fyne.NewSize(20, 20))
	return container.NewCenter(r)
}

// parseHex reads "#RRGGBB"; bad input gives grey rather than failing a screen.
func parseHex(s string) color.NRGBA {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		return color.NRGBA{0x60, 0x7D, 0x8B, 0xFF}
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}
}

func toHex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}

// rowButtons are the small up/down/edit buttons of a settings row.
func rowButtons(ro bool, up, down, edit func(), extra ...fyne.CanvasObject) fyne.CanvasObject {
	bUp := widget.NewButtonWithIcon("", theme.MoveUpIcon(), up)
	bDown := widget.NewButtonWithIcon("", theme.MoveDownIcon(), down)
	bEdit := widget.NewButtonWithIcon(lang.L("Edit …"), theme.DocumentCreateIcon(), edit)
	objs := append([]fyne.CanvasObject{bUp, bDown, bEdit}, extra...)
	if ro {
		for _, o := range objs {
			if d, ok := o.(fyne.Disableable); ok {
				d.Disable()
			}
		}
	}
	return container.NewHBox(objs...)
}

func (s *settingsScreen) loadChannels() {
	fetch(s.u, (*data.Workspace).Channels, s.showChannels)
}

func (s *settingsScreen) showChannels(cs []data.Channel, err error) {
	if err != nil {
		s.u.showError(lang.L("The channels could not be read."), err)
		return
	}
	ro := s.u.ws.ReadOnly()
	var rows []fyne.CanvasObject
	if len(cs) == 0 {
		rows = append(rows, widget.NewLabel(lang.L("No channels yet. Add the accounts you post to.")))
	}
	for _, c := range cs {
		c := c
		name := widget.NewLabelWithStyle(c.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		detail := platformName(c.Platform)
		if c.Handle != "" {
			detail += " · " + c.Handle
		}
		detail += " · " + lang.L("Cadence") + ": " + cadenceText(c.Cadence)
		info := widget.NewLabel(detail)
		info.Truncation = fyne.TextTruncateEllipsis
		if c.Disabled {
			name.Importance = widget.LowImportance
			info.SetText(detail + " · " + lang.L("disabled"))
			info.Importance = widget.LowImportance
		}
		toggleText := lang.L("Disable")
		if c.Disabled {
			toggleText = lang.L("Enable")
		}
		toggle := widget.NewButton(toggleText, func() { s.onToggleChannel(c) })
		buttons := rowButtons(ro,
			func() { s.onMoveChannel(c.ID, -1) },
			func() { s.onMoveChannel(c.ID, +1) },
			func() { s.editChannel(c) }, toggle)
		rows = append(rows, container.NewBorder(nil, nil, swatch(c.Color), buttons, container.NewVBox(name, info)))
	}
	s.channels.Objects = rows
	s.channels.Refresh()
	if s.shown != nil {
		s.shown()
	}
}

func (s *settingsScreen) onMoveChannel(id int64, delta int) {
	s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.MoveChannel(ctx, id, delta) }, func(err error) {
		if err != nil {
			s.u.showError(lang.L("The channel could not be moved."), err)
		}
		s.loadChannels()
	})
}

func (s *settingsScreen) onToggleChannel(c data.Channel) {
	c.Disabled = !c.Disabled
	s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SaveChannel(ctx, &c) }, func(err error) {
		if err != nil {
			s.u.showError(lang.L("The channel could not be saved."), err)
		}
		s.loadChannels()
	})
}

// colorButton shows a colour and opens Fyne's colour picker.
type colorButton struct {
	hex    string
	sw     *canvas.Rectangle
	button *widget.Button
	box    fyne.CanvasObject
}

func newColorButton(hex string, parent fyne.Window) *colorButton {
	cb := &colorButton{hex: hex}
	cb.sw = canvas.NewRectangle(parseHex(hex))
	cb.sw.CornerRadius = 4
	cb.sw.SetMinSize(fyne.NewSize(28, 28))
	cb.button = widget.NewButton(lang.L("Choose colour …"), func() {
		d := dialog.NewColorPicker(lang.L("Colour"), "", func(c color.Color) { cb.set(toHex(c)) }, parent)
		d.Advanced = true
		d.SetColor(parseHex(cb.hex))
		d.Show()
	})
	cb.box = container.NewHBox(container.NewCenter(cb.sw), cb.button)
	return cb
}

func (cb *colorButton) set(hex string) {
	cb.hex = hex
	cb.sw.FillColor = parseHex(hex)
	cb.sw.Refresh()
}

// editChannel shows the channel form; ID 0 adds a new channel.
func (s *settingsScreen) editChannel(c data.Channel) {
	name := widget.NewEntry()
	name.SetText(c.Name)
	name.SetPlaceHolder(lang.L("e.g. Instagram Ausbildung"))
	platforms := data.Platforms()
	var pnames []string
	for _, p := range platforms {
		pnames = append(pnames, platformName(p))
	}
	platform := widget.NewSelect(pnames, nil)
	for i, p := range platforms {
		if p == c.Platform {
			platform.SetSelectedIndex(i)
		}
	}
	handle := widget.NewEntry()
	handle.SetText(c.Handle)
	handle.SetPlaceHolder(lang.L("e.g. @stadt.musterstadt"))
	count := widget.NewEntry()
	count.SetText(strconv.Itoa(c.Cadence.Count))
	period := widget.NewSelect([]string{lang.L("per week"), lang.L("per month")}, nil)
	if c.Cadence.Period == data.PerMonth {
		period.SetSelectedIndex(1)
	} else {
		period.SetSelectedIndex(0)
	}
	textLimit := widget.NewEntry()
	if c.TextLimit > 0 {
		textLimit.SetText(strconv.Itoa(c.TextLimit))
	}
	textLimit.SetPlaceHolder(lang.L("empty = as the platform"))
	active := widget.NewCheck(lang.L("Active (offered for new posts)"), nil)
	active.SetChecked(!c.Disabled)
	colour := newColorButton(c.Color, s.u.win)
	access := widget.NewEntry()
	access.SetText(c.AccessNote)
	access.SetPlaceHolder(lang.L("e.g. Passwortsafe, Eintrag Social Media"))

	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Platform"), platform),
		widget.NewFormItem(lang.L("Handle"), handle),
		widget.NewFormItem(lang.L("Cadence"), container.NewGridWithColumns(2, count, period)),
		{Text: lang.L("Own character limit"), Widget: textLimit,
			HintText: lang.L("empty = as the platform, e.g. a Mastodon instance with 1000")},
		widget.NewFormItem(lang.L("Colour"), colour.box),
		{Text: lang.L("Access documented in"), Widget: access,
			HintText: lang.L("For the handover report; never the password")},
		widget.NewFormItem("", active),
	}
	title := lang.L("Edit channel")
	if c.ID == 0 {
		title = lang.L("New channel")
	}
	var d *dialog.FormDialog
	d = dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n, err := strconv.Atoi(strings.TrimSpace(count.Text))
		if err != nil {
			s.u.showError(lang.L("The channel could not be saved."), &data.InvalidError{Field: "cadence", Message: "The cadence must be a whole number, e.g. 2."})
			d.Show()
			return
		}
		limit, okLimit := parseNumber(textLimit.Text)
		if !okLimit || limit > 1<<31-1 || limit < -(1<<31) {
			s.u.showError(lang.L("The channel could not be saved."), &data.InvalidError{Field: "text limit", Message: "The character limit must be a whole number, e.g. 1000, or empty."})
			d.Show()
			return
		}
		c.TextLimit = int(limit)
		c.Name = name.Text
		if i := platform.SelectedIndex(); i >= 0 {
			c.Platform = platforms[i]
		}
		c.Handle = handle.Text
		c.Cadence = data.Cadence{Count: n, Period: []string{data.PerWeek, data.PerMonth}[max(period.SelectedIndex(), 0)]}
		c.Color = colour.hex
		c.Disabled = !active.Checked
		c.AccessNote = access.Text
		saved := c // the save trims; the form keeps what was typed
		s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SaveChannel(ctx, &saved) }, func(err error) {
			if err != nil {
				s.u.showError(lang.L("The channel could not be saved."), err)
				d.Show() // keep what was typed
				return
			}
			s.loadChannels()
		})
	}, s.u.win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

func (s *settingsScreen) loadTopics() {
	fetch(s.u, (*data.Workspace).Topics, s.showTopics)
}

func (s *settingsScreen) showTopics(ts []data.Topic, err error) {
	if err != nil {
		s.u.showError(lang.L("The topics could not be read."), err)
		return
	}
	ro := s.u.ws.ReadOnly()
	var rows []fyne.CanvasObject
	if len(ts) == 0 {
		rows = append(rows, widget.NewLabel(lang.L("No topics yet.")))
	}
	for _, t := range ts {
		t := t
		name := widget.NewLabel(t.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		del := removeButton(func() { s.onDeleteTopic(t) })
		buttons := rowButtons(ro,
			func() { s.onMoveTopic(t.ID, -1) },
			func() { s.onMoveTopic(t.ID, +1) },
			func() { s.editTopic(t) }, del)
		rows = append(rows, container.NewBorder(nil, nil, swatch(t.Color), buttons, name))
	}
	s.topics.Objects = rows
	s.topics.Refresh()
	if s.shown != nil {
		s.shown()
	}
}

func (s *settingsScreen) onMoveTopic(id int64, delta int) {
	s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.MoveTopic(ctx, id, delta) }, func(err error) {
		if err != nil {
			s.u.showError(lang.L("The topic could not be moved."), err)
		}
		s.loadTopics()
	})
}

func (s *settingsScreen) onDeleteTopic(t data.Topic) {
	ws := s.u.ws
	removeConfirmed(s.u, t.Name, lang.L("The topic leaves the list. Its posts stay, just without a topic."),
		lang.L("The topic could not be deleted."),
		func(ctx context.Context) error { return ws.DeleteTopic(ctx, t.ID) },
		func(bool) { s.loadTopics() })
}

// editTopic shows the topic form; ID 0 adds a new topic.
func (s *settingsScreen) editTopic(t data.Topic) {
	name := widget.NewEntry()
	name.SetText(t.Name)
	name.SetPlaceHolder(lang.L("e.g. Behind the scenes"))
	colour := newColorButton(t.Color, s.u.win)
	title := lang.L("Edit topic")
	if t.ID == 0 {
		title = lang.L("New topic")
	}
	var d *dialog.FormDialog
	d = dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Colour"), colour.box),
	}, func(ok bool) {
		if !ok {
			return
		}
		t.Name = name.Text
		t.Color = colour.hex
		s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.SaveTopic(ctx, &t) }, func(err error) {
			if err != nil {
				s.u.showError(lang.L("The topic could not be saved."), err)
				d.Show()
				return
			}
			s.loadTopics()
		})
	}, s.u.win)
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
}

// removeButton is the one button that deletes a row of a settings list:
// the same word and icon in every list, with an ellipsis because it asks
// first (confirmRemoval).
func removeButton(onTap func()) *widget.Button {
	return widget.NewButtonWithIcon(lang.L("Delete …"), theme.DeleteIcon(), onTap)
}

// confirmRemoval is the one question every settings list asks before it
// deletes a row: "„Name“ löschen?", what follows, and the buttons Löschen
// and Abbrechen. remove runs only after Löschen.
func confirmRemoval(u *UI, name, consequence string, remove func()) {
	d := dialog.NewConfirm(lang.L("Delete “{{.Name}}”?", map[string]any{"Name": name}), consequence, func(ok bool) {
		if ok {
			remove()
		}
	}, u.win)
	d.SetConfirmText(lang.L("Delete"))
	d.SetDismissText(lang.L("Cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// removeConfirmed is confirmRemoval for a row the workspace stores: del
// runs in the background, failed explains a failure, done says whether
// the row is gone.
func removeConfirmed(u *UI, name, consequence, failed string, del func(ctx context.Context) error, done func(removed bool)) {
	confirmRemoval(u, name, consequence, func() {
		u.run(func(ctx context.Context) func() {
			err := del(ctx)
			return func() {
				if err != nil {
					u.showError(failed, err)
				}
				done(err == nil)
			}
		})
	})
}
