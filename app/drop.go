// The window's one drop handler: files and folders dropped from Explorer go
// to whatever can take them.

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// dropped routes files and folders dropped on the window: an open post
// editor imports them into the Mediathek and links them to the post; the
// Mediathek imports them; anywhere else a hint says where a drop works.
// It is installed once for the window (New), so screens never fight over
// the window's one handler.
func (u *UI) dropped(pos fyne.Position, uris []fyne.URI) {
	if u.ws == nil || u.shell == nil {
		return // the welcome screen: no workspace to import into
	}
	paths := filePaths(uris)
	if len(paths) == 0 {
		return
	}
	switch lib := u.shell.library; {
	case u.editor != nil:
		u.editor.dropFiles(paths)
	case lib != nil && u.shell.tabs.SelectedIndex() == screenMedia:
		lib.dropped(pos, uris)
	default:
		dialog.ShowInformation(lang.L("Import"), lang.L("To import, switch to the media library or open a post."), u.win)
	}
}

// filePaths are the local paths among dropped URIs.
func filePaths(uris []fyne.URI) []string {
	var paths []string
	for _, u := range uris {
		if u != nil && u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	return paths
}
