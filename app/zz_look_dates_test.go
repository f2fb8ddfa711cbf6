//go:build lookdates

package app

import (
	"context"
	"image/png"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"feedtakt/data"
	"feedtakt/data/calendar"
)

func snap(t *testing.T, u *UI, name string) {
	img := u.win.Canvas().Capture()
	f, _ := os.Create("/tmp/look-" + name + ".png")
	png.Encode(f, img)
	f.Close()
}

func TestLookDates(t *testing.T) {
	u, _ := newTestUI(t, Config{Demo: true})
	ws := u.Workspace()
	ctx := context.Background()
	cs, _ := ws.Channels(ctx)
	ts, _ := ws.Topics(ctx)
	d := today()
	sr := data.Series{Title: "Azubi-Dienstag", TopicID: ts[0].ID, Channels: []int64{cs[0].ID, cs[1].ID}, Rule: calendar.Recurrence{Weekday: time.Tuesday, Start: d, Hour: 10}}
	ws.SaveSeries(ctx, &sr)
	end := d.AddDays(200)
	sr2 := data.Series{Title: "Erster Montag: Rathaus-Geschichten", Rule: calendar.Recurrence{Kind: calendar.MonthlyNth, Nth: 1, Weekday: time.Monday, Start: d, End: &end, Hour: 9, Minute: 30}}
	ws.SaveSeries(ctx, &sr2)
	ws.SaveOwnDate(ctx, &data.OwnDate{Date: d.AddDays(-5), Name: "Ratssitzung"})
	ws.SaveOwnDate(ctx, &data.OwnDate{Date: d.AddDays(40), Name: "Tag der offenen Tür im Rathaus", Note: "Fotograf buchen, Presse einladen", LeadDays: 14})
	ws.SaveQuietPeriod(ctx, &data.QuietPeriod{From: d.AddDays(3), To: d.AddDays(20), Note: "Vorwahlzeit vor der Kommunalwahl: keine Beiträge mit Kandidierenden"})
	txt, _, _ := ws.ActionDayText(ctx)
	ws.SaveActionDayText(ctx, txt+"\n31.02. | Kaputt\n")
	s := newDatesScreen(u)
	u.setContent(s.content)
	u.win.Resize(fyne.NewSize(1366, 768))
	snap(t, u, "top")
	sc := s.content.(*container.Scroll)
	sc.Offset = fyne.NewPos(0, 600)
	sc.Refresh()
	snap(t, u, "mid")
	sc.Offset = fyne.NewPos(0, 5000)
	sc.Refresh()
	snap(t, u, "bottom")
	s.editSeries(sr)
	snap(t, u, "form")
	topOverlay(u).Hide()
	u.win.Canvas().Overlays().Remove(topOverlay(u))
	s.editOwnDate(data.OwnDate{})
	snap(t, u, "own")
	u.win.Canvas().Overlays().Remove(topOverlay(u))
	s.editQuietPeriod(data.QuietPeriod{})
	snap(t, u, "quiet")
	u.win.Canvas().Overlays().Remove(topOverlay(u))
	openEditor(u, data.Post{Status: data.StatusIdea}, nil)
	snap(t, u, "editor")
	_ = test.Tap
}
