package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

func (s *datesScreen) loadActionDays() {
	ws := s.u.ws
	s.u.run(func(ctx context.Context) func() {
		text, errs, err := ws.ActionDayText(ctx)
		return func() {
			if err != nil {
				s.u.showError(lang.L("The action days could not be read."), err)
				return
			}
			s.actionText.SetText(text)
			s.showActionDays(text, errs)
		}
	})
}

// showActionDays says how many days the list has and which lines could
// not be read (in German, from the calendar package).
func (s *datesScreen) showActionDays(text string, errs []calendar.ParseError) {
	rules, _ := calendar.ParseActionDays(text)
	s.actionInfo.SetText(lang.N("{{.Count}} action day in the list.", len(rules), map[string]any{"Count": len(rules)}))
	if len(errs) == 0 {
		s.actionErrors.SetText("")
		s.actionErrors.Hide()
		return
	}
	lines := []string{lang.N("{{.Count}} line could not be read. It is saved as typed but ignored until it is corrected:", len(errs), map[string]any{"Count": len(errs)})}
	for i, e := range errs {
		if i == maxActionErrors {
			rest := len(errs) - maxActionErrors
			lines = append(lines, lang.N("… and {{.Count}} more line", rest, map[string]any{"Count": rest}))
			break
		}
		lines = append(lines, lang.L("Line {{.Line}}: {{.Text}}", map[string]any{"Line": e.Line, "Text": message(e.Message)}))
	}
	s.actionErrors.SetText(strings.Join(lines, "\n"))
	s.actionErrors.Show()
}

func (s *datesScreen) onSaveActionDays() {
	text := s.actionText.Text
	ws := s.u.ws
	s.u.run(func(ctx context.Context) func() {
		errs, err := ws.SaveActionDayText(ctx, text)
		return func() {
			if err != nil {
				s.showProblem(lang.L("The action days could not be saved."), err)
				return
			}
			s.showActionDays(text, errs)
		}
	})
}

func (s *datesScreen) onResetActionDays() {
	dialog.ShowConfirm(lang.L("Restore the default list?"),
		lang.L("Replace the list of action days with the one shipped with Feedtakt? Lines you added or changed are lost; own dates, series and quiet periods stay."),
		func(ok bool) {
			if !ok {
				return
			}
			s.u.do((*data.Workspace).ResetActionDayText, func(err error) {
				if err != nil {
					s.u.showError(lang.L("The action days could not be saved."), err)
					return
				}
				s.loadActionDays()
			})
		}, s.u.win)
}
