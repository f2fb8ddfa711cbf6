package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// The rights badge on a Mediathek tile: one small round mark per state,
// told apart by its sign (readable in greyscale and by people who do not
// tell red from orange) and by its colour. A picture that is fine carries
// none, so the grid is not covered in marks; "ungeklärt", the state of
// every picture nobody has looked at yet, is grey.

// rightsBadgeSize is the badge's diameter.
const rightsBadgeSize = 22

// rightsLook is a state's sign and colour.
type rightsLook struct {
	icon  fyne.Resource // nil: text stands in (the licence's ©)
	text  string
	color fyne.ThemeColorName
}

func lookOf(s data.RightsState) (rightsLook, bool) {
	switch s {
	case data.RightsMissing:
		return rightsLook{icon: theme.ErrorIcon(), color: theme.ColorNameError}, true
	case data.RightsWithdrawn:
		return rightsLook{icon: theme.CancelIcon(), color: theme.ColorNameError}, true
	case data.RightsLicenceExpired:
		return rightsLook{text: "©", color: theme.ColorNameError}, true
	case data.RightsExpiring:
		return rightsLook{icon: theme.HistoryIcon(), color: theme.ColorNameWarning}, true
	case data.RightsUnclear:
		return rightsLook{icon: theme.QuestionIcon(), color: theme.ColorNamePlaceHolder}, true
	}
	return rightsLook{}, false
}

// rightsName is a state in words: the badge's meaning, the filter's
// option, the detail pane's heading.
func rightsName(s data.RightsState) string {
	switch s {
	case data.RightsMissing:
		return lang.L("Consent missing")
	case data.RightsWithdrawn:
		return lang.L("Consent withdrawn")
	case data.RightsLicenceExpired:
		return lang.L("Licence expired")
	case data.RightsExpiring:
		return lang.L("Expiring")
	case data.RightsUnclear:
		return lang.L("People not yet decided")
	}
	return lang.L("Consent valid")
}

// legendText is a state's badge explained in the legend.
func legendText(s data.RightsState) string {
	switch s {
	case data.RightsMissing:
		return lang.L("Consent missing or expired: someone shown has no valid consent.")
	case data.RightsWithdrawn:
		return lang.L("Consent withdrawn: someone shown withdrew it.")
	case data.RightsLicenceExpired:
		return lang.L("Licence expired: the “usable until” day has passed.")
	case data.RightsExpiring:
		return lang.L("Expiring: a consent or the licence expires within the next 30 days.")
	}
	return lang.L("People not yet decided: nobody recorded whether identifiable people are shown.")
}

// rightsBadge is the mark on a tile (and beside the state in the detail
// pane and the legend).
type rightsBadge struct {
	content *fyne.Container
	ring    *canvas.Circle
	icon    *widget.Icon
	text    *canvas.Text
	state   data.RightsState
}

func newRightsBadge() *rightsBadge {
	b := &rightsBadge{}
	b.ring = canvas.NewCircle(theme.Color(theme.ColorNameBackground))
	b.ring.StrokeWidth = 2
	b.icon = widget.NewIcon(nil)
	b.text = canvas.NewText("", nil)
	b.text.TextStyle.Bold = true
	b.text.Alignment = fyne.TextAlignCenter
	b.text.TextSize = theme.TextSize()
	sign := container.New(layout.NewCustomPaddedLayout(2, 2, 2, 2), container.NewStack(b.icon, container.NewCenter(b.text)))
	b.content = container.NewGridWrap(fyne.NewSize(rightsBadgeSize, rightsBadgeSize), container.NewStack(b.ring, sign))
	b.content.Hide()
	return b
}

// set shows state s; ok (or an unread state, "") hides the badge.
func (b *rightsBadge) set(s data.RightsState) {
	if s == b.state {
		return
	}
	b.state = s
	look, ok := lookOf(s)
	if !ok {
		b.content.Hide()
		return
	}
	c := theme.Color(look.color)
	b.ring.StrokeColor = c
	b.ring.FillColor = theme.Color(theme.ColorNameBackground)
	if look.icon != nil {
		b.icon.SetResource(theme.NewColoredResource(look.icon, look.color))
		b.icon.Show()
		b.text.Hide()
	} else {
		b.icon.Hide()
		b.text.Text, b.text.Color = look.text, c
		b.text.Show()
	}
	b.content.Show()
	b.content.Refresh()
}

// showRightsLegend opens the legend in a small dialog. In the detail pane
// it stood as an accordion among the fields; opened, it drew over
// "Titel" and "Bildbeschreibung" where the pane was not laid out anew
// (REVIEW8 item 4), and it made a long pane longer still.
func showRightsLegend(win fyne.Window) dialog.Dialog {
	body := container.NewGridWrap(fyne.NewSize(420, 330), rightsLegend())
	d := dialog.NewCustom(lang.L("What the signs on the tiles mean"), lang.L("Close"), body, win)
	d.Show()
	return d
}

// rightsLegend explains the badges: each sign with its meaning, and that
// a picture without a sign is fine.
func rightsLegend() fyne.CanvasObject {
	rows := container.NewVBox()
	for _, s := range []data.RightsState{data.RightsWithdrawn, data.RightsMissing, data.RightsLicenceExpired, data.RightsExpiring, data.RightsUnclear} {
		b := newRightsBadge()
		b.set(s)
		l := widget.NewLabel(legendText(s))
		l.Wrapping = fyne.TextWrapWord
		rows.Add(container.NewBorder(nil, nil, container.NewCenter(b.content), nil, l))
	}
	none := widget.NewLabel(lang.L("No sign: consent valid, or nobody identifiable."))
	none.Wrapping = fyne.TextWrapWord
	rows.Add(none)
	return rows
}

// rightsFilterStates are the rights filter's options after "Alle Rechte",
// in its order.
func rightsFilterStates() []data.RightsState { return data.RightsStates() }

// rightsFilterNames are the options of the rights filter.
func rightsFilterNames() []string {
	out := []string{lang.L("Any rights")}
	for _, s := range rightsFilterStates() {
		out = append(out, rightsFilterName(s))
	}
	return out
}

// rightsFilterName is a filter option: the state's name, except that
// "fehlt" also finds the pictures whose consent has expired (one sign,
// the rule's worst), and the option says so.
func rightsFilterName(s data.RightsState) string {
	if s == data.RightsMissing {
		return lang.L("Consent missing or expired")
	}
	return rightsName(s)
}
