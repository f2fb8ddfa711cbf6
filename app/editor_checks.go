// The post editor's checks before posting (Prüfung vor dem Posten): what
// RenderContext.Review finds in the form as typed, blocking findings
// first, each saying what to do; and the message when the data layer
// refuses Freigegeben because of one (*data.ReviewError).

package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
)

// checksPanel is the list under the preview.
type checksPanel struct {
	e       *editor
	content *fyne.Container
	summary *widget.Label
	list    *fyne.Container

	findings []data.ReviewFinding // the last answer, for tests
	lines    []string             // the rows' texts, for tests
	shown    string               // what the list shows, so an unchanged answer is not rebuilt
}

func newChecksPanel(e *editor) *checksPanel {
	cp := &checksPanel{e: e}
	head := widget.NewLabelWithStyle(lang.L("Checks before posting"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cp.summary = wrapped("")
	cp.list = container.NewVBox()
	cp.content = container.NewVBox(widget.NewSeparator(), head, cp.summary, cp.list)
	return cp
}

// update runs the review on the form as typed and shows its findings.
func (cp *checksPanel) update(p data.Post, media []data.Media) {
	e := cp.e
	var fs []data.ReviewFinding
	if e.rcErr == nil {
		fs = e.rc.Review(p, media)
	}
	cp.findings = fs
	lines := make([]string, len(fs))
	blocking := 0
	for i, f := range fs {
		lines[i] = findingLine(e, f, media)
		if f.Blocking {
			blocking++
		}
	}
	key := fmt.Sprint(e.rcErr, lines, blocking)
	if key == cp.shown {
		return // typing inside a limit changes nothing here
	}
	cp.shown, cp.lines = key, lines
	switch {
	case e.rcErr != nil:
		cp.summary.SetText(lang.L("The checks could not be prepared.") + " " + explain(e.rcErr))
		cp.summary.Importance = widget.WarningImportance
	case len(fs) == 0:
		cp.summary.SetText(lang.L("No problems found."))
		cp.summary.Importance = widget.SuccessImportance
	case blocking > 0:
		cp.summary.SetText(lang.N("{{.Count}} point blocks the approval; fix it before “Approved”.", blocking, map[string]any{"Count": blocking}))
		cp.summary.Importance = widget.DangerImportance
	default:
		cp.summary.SetText(lang.L("Nothing blocks the approval; please look at these points:"))
		cp.summary.Importance = widget.WarningImportance
	}
	cp.summary.Refresh()
	objs := make([]fyne.CanvasObject, len(fs))
	for i, f := range fs {
		objs[i] = findingRow(f, lines[i])
	}
	cp.list.Objects = objs
	cp.list.Refresh()
}

// findingLine words a finding with what it is about in front: the
// channel's name or the picture's.
func findingLine(e *editor, f data.ReviewFinding, media []data.Media) string {
	s := lang.L(f.Key, f.Args)
	if f.Args == nil {
		s = lang.L(f.Key)
	}
	switch {
	case f.MediaID != 0:
		name := lang.L("(picture)")
		for _, m := range media {
			if m.ID == f.MediaID {
				name = data.PictureName(m)
			}
		}
		switch {
		case !strings.Contains(s, name):
			if f.ChannelID != 0 {
				name += ", " + e.look.channelName(f.ChannelID)
			}
			s = lang.L("“{{.Picture}}”: {{.Reason}}", map[string]any{"Picture": name, "Reason": s})
		case f.ChannelID != 0: // the sentence names the picture already
			s = e.look.channelName(f.ChannelID) + ": " + s
		}
	case f.ChannelID != 0:
		s = e.look.channelName(f.ChannelID) + ": " + s
	}
	return s
}

// findingRow is one line: a stop icon and "blockiert die Freigabe" in
// front for a blocking finding, a warning icon for the others – never
// colour alone.
func findingRow(f data.ReviewFinding, line string) fyne.CanvasObject {
	text := widget.NewRichText()
	text.Wrapping = fyne.TextWrapWord
	icon := theme.WarningIcon()
	if f.Blocking {
		icon = theme.ErrorIcon()
		text.Segments = append(text.Segments, &widget.TextSegment{Text: lang.L("blocks the approval") + ": ", Style: widget.RichTextStyle{
			Inline: true, ColorName: theme.ColorNameError, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}})
	}
	text.Segments = append(text.Segments, &widget.TextSegment{Text: line, Style: widget.RichTextStyleInline})
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, text)
}

// showReviewBlocked explains a save refused by the checks before posting:
// every blocking finding and what to do. The editor keeps everything.
func (e *editor) showReviewBlocked(re *data.ReviewError) {
	intro := wrapped(lang.L("The post cannot be saved with the status “{{.Status}}”:", map[string]any{"Status": statusName(re.Status)}))
	objs := []fyne.CanvasObject{intro}
	media := e.mediaItems()
	for _, f := range re.Findings {
		if !f.Blocking {
			continue
		}
		l := wrapped("• " + findingLine(e, f, media))
		l.Importance = widget.DangerImportance
		objs = append(objs, l)
	}
	objs = append(objs, wrapped(lang.L("Fix these points (see “Checks before posting”), or save it as “For approval” or “Draft”. Nothing you typed is lost.")))
	title := lang.L("Cannot be approved")
	if re.Status == data.StatusPublished {
		title = lang.L("Cannot be marked as published")
	}
	d := dialog.NewCustom(title, lang.L("Back to the post"), container.NewVScroll(container.NewVBox(objs...)), e.u.win)
	d.Resize(fyne.NewSize(560, min(480, e.u.win.Canvas().Size().Height-40)))
	d.Show()
	e.onFormChanged()
}
