package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// mainMenu is the window's menu: workspace switching lives under Datei.
func (u *UI) mainMenu() *fyne.MainMenu {
	newWS := fyne.NewMenuItem(lang.L("New workspace …"), func() { u.showWelcome() })
	open := fyne.NewMenuItem(lang.L("Open workspace …"), func() { u.chooseAndOpen() })
	demo := fyne.NewMenuItem(lang.L("Open demo workspace"), func() { u.openDemo() })
	backup := fyne.NewMenuItem(lang.L("Back up now"), func() {
		if u.ws == nil || u.ws.ReadOnly() {
			return
		}
		ws := u.ws
		u.run(func(ctx context.Context) func() {
			_, err := ws.Backup(ctx, "")
			return func() {
				if err != nil {
					u.showError(lang.L("The backup failed."), err)
					return
				}
				if u.shell != nil {
					u.shell.refreshHandover()
				}
				dialog.ShowInformation(lang.L("Backup"), lang.L("The backup was written and verified."), u.win)
			}
		})
	})
	quit := fyne.NewMenuItem(lang.L("Quit"), u.quit)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("File"), newWS, open, demo, fyne.NewMenuItemSeparator(), backup, fyne.NewMenuItemSeparator(), quit)

	about := fyne.NewMenuItem(lang.L("About Feedtakt"), func() {
		meta := u.app.Metadata()
		dialog.ShowInformation(lang.L("About Feedtakt"),
			lang.L("Feedtakt {{.Version}}\nPlans the social media of a public authority, offline.", map[string]any{"Version": nonEmpty(meta.Version, "dev")}), u.win)
	})
	help := fyne.NewMenu(lang.L("Help"), about)
	return fyne.NewMainMenu(file, help)
}

// relabel switches the UI language and rebuilds the window so every label
// follows at once, keeping the open workspace and the selected screen.
func (u *UI) relabel(code string) {
	setLanguage(code)
	u.win.SetMainMenu(u.mainMenu())
	if u.ws == nil || u.shell == nil {
		u.showWelcome()
		return
	}
	sel := u.shell.tabs.SelectedIndex()
	u.shell = newShell(u)
	u.setContent(u.shell.content)
	u.shell.selectScreen(sel)
	u.updateTitle()
}

// formatSince writes when a lock was taken: the time alone for today,
// date and time otherwise.
func formatSince(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	t = t.Local()
	if y, m, d := t.Date(); y == time.Now().Year() && m == time.Now().Month() && d == time.Now().Day() {
		return t.Format("15:04")
	}
	return t.Format("02.01.2006 15:04")
}
