package app

import (
	"context"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

// maxIdeas bounds the idea board's query; ideas beyond it are reached by
// the filter or the search.
const maxIdeas = 5000

// ideasScreen is the Ideenspeicher: posts without a date, filterable by
// topic and text, each one click away from a date.
type ideasScreen struct {
	u       *UI
	content fyne.CanvasObject
	list    *widget.List
	topic   *widget.Select
	filter  *widget.Entry
	info    *widget.Label

	look  lookups
	all   []data.Post
	shown []data.Post
	gen   int
}

func newIdeasScreen(u *UI) *ideasScreen {
	s := &ideasScreen{u: u}
	s.topic = widget.NewSelect(nil, func(string) { s.apply() })
	s.filter = widget.NewEntry()
	s.filter.SetPlaceHolder(lang.L("Filter by text"))
	s.filter.OnChanged = func(string) { s.apply() }
	s.info = widget.NewLabel("")
	add := widget.NewButtonWithIcon(lang.L("New idea"), theme.ContentAddIcon(), func() {
		openEditor(u, data.Post{Status: data.StatusIdea}, s.changed)
	})
	add.Importance = widget.HighImportance
	if u.ws.ReadOnly() {
		add.Disable()
	}
	s.list = widget.NewList(func() int { return len(s.shown) }, s.createRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if id < len(s.shown) {
			pid := s.shown[id].ID
			fetch(u, func(ws *data.Workspace, ctx context.Context) (data.Post, error) { return ws.Post(ctx, pid) },
				func(p data.Post, err error) {
					if err != nil {
						u.showError(lang.L("The post could not be opened."), err)
						return
					}
					openEditor(u, p, s.changed)
				})
		}
	}
	top := container.NewBorder(nil, nil, nil, add, container.NewGridWithColumns(2, s.topic, s.filter))
	s.content = container.NewBorder(container.NewPadded(container.NewVBox(heading(lang.L("Idea board")), top, s.info)), nil, nil, nil, s.list)
	s.reload()
	return s
}

// changed reloads the board and the calendar after an edit.
func (s *ideasScreen) changed() {
	s.reload()
	if s.u.shell != nil && s.u.shell.calendar != nil {
		s.u.shell.calendar.reload()
	}
}

func (s *ideasScreen) reload() {
	s.gen++
	gen := s.gen
	ws := s.u.ws
	s.u.run(func(ctx context.Context) func() {
		look, err := loadLookups(ctx, ws)
		var ideas []data.Post
		if err == nil {
			ideas, err = ws.Ideas(ctx, maxIdeas)
		}
		return func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				log.Printf("load ideas: %v", err)
				s.all, s.shown = nil, nil
				s.list.Refresh()
				s.info.SetText(lang.L("The ideas could not be loaded.") + " " + explain(err))
				return
			}
			s.look = look
			s.all = ideas
			var names []string
			for _, t := range look.topics {
				names = append(names, t.Name)
			}
			setFilterOptions(s.topic, lang.L("All topics"), names)
			s.apply()
		}
	})
}

func (s *ideasScreen) apply() {
	text := strings.ToLower(strings.TrimSpace(s.filter.Text))
	s.shown = s.shown[:0]
	for _, p := range s.all {
		if i := s.topic.SelectedIndex(); i > 0 && i-1 < len(s.look.topics) && p.TopicID != s.look.topics[i-1].ID {
			continue
		}
		if p.Status == data.StatusDiscarded {
			continue
		}
		if text != "" && !strings.Contains(strings.ToLower(p.Title+" "+p.Caption+" "+p.Notes), text) {
			continue
		}
		s.shown = append(s.shown, p)
	}
	switch {
	case len(s.all) == 0:
		s.info.SetText(lang.L("No ideas yet. Note every idea here – a photo opportunity, an anniversary, a question from citizens – and plan it when the feed needs something."))
	default:
		s.info.SetText(lang.N("{{.Count}} idea is waiting.", len(s.shown), map[string]any{"Count": len(s.shown)}))
	}
	s.list.Refresh()
}

func (s *ideasScreen) createRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	plan := widget.NewButtonWithIcon(lang.L("Give a date …"), theme.CalendarIcon(), nil)
	return container.NewBorder(nil, nil, swatch("#607D8B"), plan, container.NewVBox(title, detail))
}

func (s *ideasScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.shown) {
		return
	}
	p := s.shown[id]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	texts.Objects[0].(*widget.Label).SetText(p.Title)
	var parts []string
	if t := s.look.topicName(p.TopicID); t != "" {
		parts = append(parts, t)
	}
	var chans []string
	for _, c := range p.Channels {
		chans = append(chans, s.look.channelName(c.ChannelID))
	}
	if len(chans) > 0 {
		parts = append(parts, strings.Join(chans, ", "))
	}
	if c := firstLine(p.Caption); c != "" {
		parts = append(parts, c)
	}
	texts.Objects[1].(*widget.Label).SetText(strings.Join(parts, " · "))
	sw := row.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	sw.FillColor = s.look.topicColor(p.TopicID)
	sw.Refresh()
	b := row.Objects[2].(*widget.Button)
	b.OnTapped = func() { s.giveDate(p) }
	if s.u.ws.ReadOnly() {
		b.Disable()
	}
}

// giveDate asks for a day (and optional time) and places the idea there.
func (s *ideasScreen) giveDate(p data.Post) {
	date := widget.NewEntry()
	date.SetPlaceHolder(lang.L("DD.MM.YYYY"))
	date.SetText(today().AddDays(1).String())
	at := widget.NewEntry()
	at.SetPlaceHolder(lang.L("HH:MM (optional)"))
	dialog.ShowForm(lang.L("Give “{{.Title}}” a date", map[string]any{"Title": shortLine(p.Title, 300)}), lang.L("Place"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Date"), date), widget.NewFormItem(lang.L("Time"), at)},
		func(ok bool) {
			if !ok {
				return
			}
			d, err := calendar.ParseDate(date.Text)
			if err != nil {
				dialog.ShowInformation(lang.L("Date not recognised"), lang.L("Please write the date as 27.11.2026."), s.u.win)
				return
			}
			var clock *data.Clock
			if strings.TrimSpace(at.Text) != "" {
				c, err := data.ParseClock(at.Text)
				if err != nil {
					dialog.ShowInformation(lang.L("Please check"), explain(err), s.u.win)
					return
				}
				clock = &c
			}
			s.u.do(func(ws *data.Workspace, ctx context.Context) error { return ws.PlaceIdea(ctx, p.ID, d, clock) }, func(err error) {
				if err != nil {
					s.u.showError(lang.L("The idea could not be placed."), err)
					return
				}
				s.changed()
			})
		}, s.u.win)
}
