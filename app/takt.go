package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"feedtakt/data"
)

// The Takt in words. "IG 5/2" and "Monatsziel: Website 7/4" were never
// explained; these say the count and the target in a sentence
// ("Instagram: 5 geplant, Ziel 2 ✓", "Facebook: 1 von 2, 1 fehlt"), with
// the week's figures for the week and the month's for the month. Only the
// narrow KW column of the month keeps a short form ("IG 5 ✓", "FB 1 von 2");
// tapping it opens the week with the sentences.

// taktCount is a count against its target: "5 geplant, Ziel 2 ✓" when the
// target is reached, "1 von 2, 1 fehlt" when not.
func taktCount(planned, target int) string {
	args := map[string]any{"Planned": planned, "Target": target, "Missing": target - planned}
	switch {
	case planned >= target:
		return lang.L("{{.Planned}} planned, target {{.Target}} ✓", args)
	case target-planned == 1:
		return lang.L("{{.Planned}} of {{.Target}}, 1 missing", args)
	}
	return lang.L("{{.Planned}} of {{.Target}}, {{.Missing}} missing", args)
}

// taktLine is one channel's count against its target:
// "Instagram: 5 geplant, Ziel 2 ✓".
func taktLine(channel string, planned, target int) string {
	return channel + ": " + taktCount(planned, target)
}

// taktShort is the KW column's short form: "IG 5 ✓" when the target is
// reached, "FB 1 von 2" when not.
func taktShort(badge string, planned, target int) string {
	if planned >= target {
		return fmt.Sprintf("%s %d ✓", badge, planned)
	}
	return lang.L("{{.Channel}} {{.Planned}} of {{.Target}}", map[string]any{"Channel": badge, "Planned": planned, "Target": target})
}

// weekTaktText is one channel's Takt in the week view. A per-week target
// shows the week's count against it; a per-month target shows the week's
// own count and, beside it, the month's count against the month's target —
// never the month's count as if it were the week's (the "Website 7/4"
// defect).
func weekTaktText(channel string, c data.ChannelCadence) string {
	if c.Period == data.PerMonth {
		return lang.L("{{.Channel}}: {{.Week}} this week; in {{.Month}} {{.Count}}", map[string]any{
			"Channel": channel, "Week": c.WeekPlanned + c.WeekSlots, "Month": monthName(c.Month),
			"Count": taktCount(c.Planned+c.Slots, c.Target)})
	}
	return taktLine(channel, c.WeekPlanned+c.WeekSlots, c.Target)
}

// monthTaktText is the line under the month: the channels with a
// monthly target counted for month m ("Im Dezember: Website: 3 von 4,
// 1 fehlt"); empty when there are none.
func monthTaktText(m time.Month, monthly []string) string {
	if len(monthly) == 0 {
		return ""
	}
	return lang.L("In {{.Month}}:", map[string]any{"Month": monthName(m)}) + " " + strings.Join(monthly, " · ")
}

// taktExplained is the sentence that says what the Takt figures mean, at
// the top of the Takt gaps (the KW column has no room for it).
func taktExplained() string {
	return lang.L("Cadence: how many posts are planned per channel, measured against its target. In the CW column: ✓ = target reached, “1 of 2” = one post too few.")
}
