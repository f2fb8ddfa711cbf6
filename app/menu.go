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
	quit := u.menuItem("quit")
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("File"), newWS, open, demo, fyne.NewMenuItemSeparator(), backup, fyne.NewMenuItemSeparator(), quit)
	edit := fyne.NewMenu(lang.L("Edit"), u.menuItem("new"), u.menuItem("duplicate"), u.menuItem("search"), fyne.NewMenuItemSeparator(), u.menuItem("save"))
	return fyne.NewMainMenu(file, edit, u.helpMenu())
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
