package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// withdrawalsButton is the Personen toolbar's way to the list of
// withdrawals: once a person is erased, the list of people no longer
// shows her, yet the checklist may still have lines to tick.
func withdrawalsButton(u *UI) fyne.CanvasObject {
	return widget.NewButtonWithIcon(lang.L("Handled withdrawals …"), theme.HistoryIcon(), u.showWithdrawals)
}

// showWithdrawals shows every withdrawal and erasure, with what is still
// open, each leading to its withdrawal page.
func (u *UI) showWithdrawals() {
	fetch(u, (*data.Workspace).Withdrawals, func(items []data.WithdrawalItem, err error) {
		if err != nil {
			u.showError(lang.L("The withdrawals could not be read."), err)
			return
		}
		var d *dialog.CustomDialog
		rows := container.NewVBox()
		for _, it := range items {
			id := it.PersonID
			open := widget.NewButtonWithIcon(lang.L("Edit withdrawal …"), theme.DocumentIcon(), func() {
				d.Hide()
				u.showWithdrawal(id)
			})
			state := wrapped(withdrawalItemState(it))
			if it.Open > 0 {
				state.Importance = widget.WarningImportance
			}
			name := widget.NewLabelWithStyle(withdrawalItemName(it), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			icon := widget.NewIcon(theme.NewErrorThemedResource(theme.CancelIcon())) // canonical: Einwilligung widerrufen
			rows.Add(container.NewBorder(nil, nil, icon, container.NewCenter(open), container.NewVBox(name, state)))
			rows.Add(widget.NewSeparator())
		}
		var body fyne.CanvasObject = container.NewVScroll(rows)
		if len(items) == 0 {
			body = container.NewCenter(widget.NewLabel(lang.L("No withdrawal recorded yet.")))
		}
		intro := wrapped(lang.L("Everyone who withdrew a consent, also after the erasure (then by number only). Open the page to tick where the posts were removed."))
		d = dialog.NewCustom(lang.L("Handled withdrawals"), lang.L("Close"), container.NewBorder(intro, nil, nil, nil, body), u.win)
		win := u.win.Canvas().Size()
		d.Resize(fyne.NewSize(min(900, win.Width-40), min(560, win.Height-40)))
		d.Show()
	})
}

// withdrawalItemName names the person of a line: by name, or by number
// once erased.
func withdrawalItemName(it data.WithdrawalItem) string {
	if it.Name == "" {
		return lang.L("Person no. {{.ID}} (erased)", map[string]any{"ID": it.PersonID})
	}
	return lang.L("{{.Name}} (no. {{.ID}})", map[string]any{"Name": it.Name, "ID": it.PersonID})
}

// withdrawalItemState says when the person withdrew, whether the erasure
// ran and what is still to tick.
func withdrawalItemState(it data.WithdrawalItem) string {
	var parts []string
	if it.WithdrawnOn != nil {
		parts = append(parts, lang.L("withdrawn on {{.Date}}", map[string]any{"Date": it.WithdrawnOn.String()}))
	}
	switch e := it.Erasure; {
	case e != nil && e.Done():
		parts = append(parts, lang.L("erased on {{.Date}}", map[string]any{"Date": e.Erased.Local().Format("02.01.2006")}))
	case e != nil:
		parts = append(parts, lang.L("erasure not complete"))
	}
	if it.Open > 0 {
		parts = append(parts, lang.L("Still to tick: {{.N}}", map[string]any{"N": it.Open}))
	} else {
		parts = append(parts, lang.L("nothing left to tick"))
	}
	return strings.Join(parts, " · ")
}
