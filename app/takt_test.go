package app

import (
	"strings"
	"testing"
	"time"

	"feedtakt/data"
)

// TestTaktInWords: the Takt says count and target in words in both
// languages, the week's figures for the week and the month's for a
// monthly target, and a short form only where space is tiny.
func TestTaktInWords(t *testing.T) {
	t.Cleanup(func() { setLanguage("de") })
	weekly := data.ChannelCadence{Period: data.PerWeek, Target: 2, Planned: 5, WeekPlanned: 5}
	short := data.ChannelCadence{Period: data.PerWeek, Target: 2, Planned: 1, WeekPlanned: 1}
	none := data.ChannelCadence{Period: data.PerWeek, Target: 3}
	monthly := data.ChannelCadence{Period: data.PerMonth, Target: 4, Planned: 3, Slots: 0, WeekPlanned: 1, Month: time.December, Year: 2026}
	for _, tc := range []struct {
		lang string
		got  func() string
		want string
	}{
		{"de", func() string { return weekTaktText("Instagram", weekly) }, "Instagram: 5 geplant, Ziel 2 ✓"},
		{"de", func() string { return weekTaktText("Facebook", short) }, "Facebook: 1 von 2, 1 fehlt"},
		{"de", func() string { return weekTaktText("Facebook", none) }, "Facebook: 0 von 3, 3 fehlen"},
		{"de", func() string { return weekTaktText("Website", monthly) }, "Website: 1 diese Woche; im Dezember 3 von 4, 1 fehlt"},
		{"de", func() string { return taktShort("IG", 5, 2) }, "IG 5 ✓"},
		{"de", func() string { return taktShort("FB", 1, 2) }, "FB 1 von 2"},
		{"de", func() string {
			return monthTaktText(time.December, []string{taktLine("Website", 7, 4), taktLine("Newsletter", 0, 1)})
		},
			"Im Dezember: Website: 7 geplant, Ziel 4 ✓ · Newsletter: 0 von 1, 1 fehlt"},
		{"de", func() string { return monthTaktText(time.December, nil) }, ""},
		{"de", taktExplained, "Takt: wie viele Beiträge je Kanal geplant sind, gemessen am Ziel. In der Spalte KW: ✓ = Ziel erreicht, „1 von 2“ = ein Beitrag zu wenig."},
		{"en", func() string { return weekTaktText("Instagram", weekly) }, "Instagram: 5 planned, target 2 ✓"},
		{"en", func() string { return weekTaktText("Facebook", short) }, "Facebook: 1 of 2, 1 missing"},
		{"en", func() string { return weekTaktText("Website", monthly) }, "Website: 1 this week; in December 3 of 4, 1 missing"},
		{"en", func() string { return taktShort("FB", 1, 2) }, "FB 1 of 2"},
		{"en", func() string { return monthTaktText(time.December, []string{"Website: 3 of 4, 1 missing"}) }, "In December: Website: 3 of 4, 1 missing"},
		{"en", taktExplained, "Cadence: how many posts are planned per channel, measured against its target. In the CW column: ✓ = target reached, “1 of 2” = one post too few."},
	} {
		setLanguage(tc.lang)
		if got := tc.got(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// TestMonthAndWeekSayTheTaktInWords: the calendar itself shows the words,
// not "IG 1/2" or "Monatsziel: Website 7/4".
func TestMonthAndWeekSayTheTaktInWords(t *testing.T) {
	u, s := newCalendarUI(t, data.Post{Title: "Azubi-Dienstag", Date: day(2026, 12, 8), Time: at(10, 0), Status: data.StatusApproved})
	var lines []string
	for _, o := range s.month.weeks[1].lines.Objects {
		lines = append(lines, texts(o)...)
	}
	if strings.Join(lines, "|") != "IG 1 von 2" {
		t.Errorf("KW 50 column shows %q", lines)
	}
	// The explanation stands where the figures are explained, above the gaps.
	assertShows(t, s.gaps.content, "Takt: wie viele Beiträge je Kanal geplant sind")
	s.setMode(viewWeek)
	u.Wait()
	if got := s.week.takt.Text; !strings.Contains(got, "Instagram: 1 von 2, 1 fehlt") {
		t.Errorf("week Takt %q", got)
	}
}
