package app

import (
	"feedtakt/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Screens of the navigation, in order.
const (
	screenCalendar = iota
	screenIdeas
	screenMedia
	screenPeople
	screenTemplates
	screenHandover
	screenSettings
)

// shell is the window content while a workspace is open: banners on top, a
// navigation on the left, the screens.
type shell struct {
	u       *UI
	content fyne.CanvasObject
	tabs    *container.AppTabs
	banners *fyne.Container

	gone          bool
	backupProblem error
	// mediaProblems counts media files found missing or changed outside
	// Feedtakt by the check at open.
	mediaProblems int
	demo          bool // the demo workspace: offer making an own one

	settings     *settingsScreen
	dates        *datesScreen
	settingsTabs *container.AppTabs
	handover     *handoverScreen
	calendar     *calendarScreen
	ideas        *ideasScreen
	library      *libraryScreen
	people       *peopleScreen
	templates    *templatesScreen
}

func newShell(u *UI) *shell {
	s := &shell{u: u}
	s.banners = container.NewVBox()
	s.settings = newSettingsScreen(u)
	s.dates = newDatesScreen(u)
	s.settingsTabs = newSettingsTabs(u, s.settings, s.dates)
	s.handover = newHandoverScreen(u)
	s.calendar = newCalendarScreen(u)
	s.ideas = newIdeasScreen(u)
	s.library = newLibraryScreen(u)
	s.people = newPeopleScreen(u)
	s.templates = newTemplatesScreen(u)

	// AppTabs is as wide as its widest screen. The calendar must fit a
	// 1366 px screen at 125 % (1093 units with the navigation); the other
	// screens scroll sideways there instead of widening the window.
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Calendar"), theme.GridIcon(), s.calendar.content),
		container.NewTabItemWithIcon(lang.L("Idea board"), ideaIcon, container.NewHScroll(s.ideas.content)),
		container.NewTabItemWithIcon(lang.L("Media library"), theme.MediaPhotoIcon(), container.NewHScroll(s.library.content)),
		container.NewTabItemWithIcon(lang.L("People"), theme.AccountIcon(), container.NewHScroll(s.people.content)),
		container.NewTabItemWithIcon(lang.L("Templates"), theme.DocumentIcon(), container.NewHScroll(s.templates.content)),
		container.NewTabItemWithIcon(lang.L("Handover"), theme.MailForwardIcon(), container.NewHScroll(s.handover.content)),
		container.NewTabItemWithIcon(lang.L("Settings"), theme.SettingsIcon(), container.NewHScroll(s.settingsTabs)),
	)
	s.tabs.SetTabLocation(container.TabLocationLeading)
	s.tabs.OnSelected = func(*container.TabItem) {
		switch s.tabs.SelectedIndex() {
		case screenHandover:
			s.handover.refresh()
		case screenIdeas:
			s.ideas.reload()
		case screenCalendar:
			s.calendar.reload()
		case screenMedia:
			s.library.reload()
		case screenPeople:
			s.people.reload()
		case screenTemplates:
			s.templates.reload()
		}
	}
	s.refreshBanners()
	s.content = container.NewBorder(s.banners, nil, nil, nil, s.tabs)
	s.load()
	return s
}

// load reads what the shell shows besides the screens: the demo flag for
// its banner.
func (s *shell) load() {
	fetch(s.u, (*data.Workspace).Settings, func(st data.Settings, err error) {
		if err == nil && st.Demo != s.demo {
			s.demo = st.Demo
			s.refreshBanners()
		}
	})
}

func (s *shell) selectScreen(i int) { s.tabs.SelectIndex(i) }

// emptyState is the honest screen for a part a later version fills: what
// will be there, and what the workspace already holds.
func emptyState(icon fyne.Resource, title, text string, fact *widget.Label) fyne.CanvasObject {
	img := canvas.NewImageFromResource(theme.NewDisabledResource(icon))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(64, 64))
	head := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	head.SizeName = theme.SizeNameSubHeadingText
	body := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{})
	body.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{img, head, body}
	if fact != nil {
		items = append(items, fact)
	}
	box := container.NewVBox(items...)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(560, box.MinSize().Height+60), box))
}

// banner is a coloured strip with a sentence, for states the person must
// not miss (read-only, restored, unreachable).
func banner(text string, colorName fyne.ThemeColorName, icon fyne.Resource) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(colorName))
	bg.CornerRadius = theme.InputRadiusSize()
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.HighImportance
	return container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l))
}

// bannerWithAction is a banner with a button at its end.
func bannerWithAction(text string, colorName fyne.ThemeColorName, icon fyne.Resource, action *widget.Button) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(colorName))
	bg.CornerRadius = theme.InputRadiusSize()
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(icon), action, l))
}

// ideaIcon is a light bulb for the idea board (Fyne's theme has none);
// themed, so it follows the theme's colours like the other icons.
var ideaIcon = theme.NewThemedResource(fyne.NewStaticResource("idea.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M12 2a7 7 0 0 0-4 12.74V17a1 1 0 0 0 1 1h6a1 1 0 0 0 1-1v-2.26A7 7 0 0 0 12 2zm2.5 11.5-.5.35V16h-4v-2.15l-.5-.35A5 5 0 1 1 14.5 13.5zM9 20h6v1a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1z"/></svg>`)))

// refreshBanners shows what the person must know about the open workspace.
func (s *shell) refreshBanners() {
	ws := s.u.ws
	var items []fyne.CanvasObject
	if s.gone {
		items = append(items, banner(lang.L("The workspace folder can no longer be reached (network drive disconnected or folder moved). Changes cannot be saved until it is back; then open it again from the File menu."),
			theme.ColorNameError, theme.ErrorIcon()))
	}
	if ws.ReadOnly() {
		text := lang.L("Read-only: you cannot write to this folder, so nothing can be changed.")
		if o := ws.HeldBy(); o != nil {
			text = lang.L("Read-only: opened by {{.Person}} on {{.PC}} since {{.Since}}. You can look at everything; to make changes, ask them to close Feedtakt and open the workspace again.",
				map[string]any{"Person": nonEmpty(o.Person, lang.L("someone")), "PC": nonEmpty(o.PC, "?"), "Since": formatSince(o.Since)})
		}
		items = append(items, banner(text, theme.ColorNameWarning, theme.WarningIcon()))
	}
	if s.demo {
		own := widget.NewButtonWithIcon(lang.L("Create your own workspace"), theme.ContentAddIcon(), func() { s.u.showWelcome() })
		items = append(items, bannerWithAction(lang.L("Demo workspace to try things out. For your real planning, create your own."),
			theme.ColorNameSelection, theme.InfoIcon(), own))
	}
	if r := ws.Restored(); r != nil {
		items = append(items, banner(lang.L("The workspace database was damaged. Feedtakt restored the backup of {{.Date}}; changes made after that are missing. The damaged file was kept as {{.File}}.",
			map[string]any{"Date": r.BackupTime.Format("02.01.2006 15:04"), "File": r.DamagedPath}), theme.ColorNameWarning, theme.WarningIcon()))
	}
	if s.backupProblem != nil {
		items = append(items, banner(lang.L("The daily backup failed: {{.Why}}", map[string]any{"Why": explain(s.backupProblem)}),
			theme.ColorNameWarning, theme.WarningIcon()))
	}
	if s.mediaProblems > 0 {
		relink := widget.NewButtonWithIcon(lang.L("Relink …"), theme.SearchIcon(), s.library.chooseRelinkFolder)
		items = append(items, bannerWithAction(lang.N("{{.Count}} file of the media library is missing or was changed outside Feedtakt.", s.mediaProblems, map[string]any{"Count": s.mediaProblems}),
			theme.ColorNameWarning, theme.WarningIcon(), relink))
	}
	s.banners.Objects = items
	s.banners.Refresh()
}

// setMediaProblems shows how many media files the check at open found
// missing or changed (0 hides the banner).
func (s *shell) setMediaProblems(n int) {
	s.mediaProblems = n
	s.refreshBanners()
}

func (s *shell) setGone(gone bool) {
	if s.gone == gone {
		return
	}
	s.gone = gone
	s.refreshBanners()
}

func (s *shell) setBackupProblem(err error) {
	s.backupProblem = err
	s.refreshBanners()
}

func (s *shell) refreshHandover() { s.handover.refresh() }

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
