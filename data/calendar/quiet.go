package calendar

// QuietPeriod is a span of days in which nothing may be posted, e.g. the
// neutrality period before an election or official mourning. From and To
// are both included.
type QuietPeriod struct {
	From, To Date
	// Note says why, e.g. "Karenzzeit vor der Kommunalwahl".
	Note string
}

// Validate returns a German message when the period has no valid days or
// ends before it starts.
func (q QuietPeriod) Validate() error {
	switch {
	case q.From.IsZero() || q.To.IsZero():
		return inputErrorf("Der Zeitraum braucht ein Anfangs- und ein Enddatum")
	case !q.From.Valid():
		return inputErrorf("Das Anfangsdatum %s gibt es nicht", q.From)
	case !q.To.Valid():
		return inputErrorf("Das Enddatum %s gibt es nicht", q.To)
	case q.To.Before(q.From):
		return inputErrorf("Der Zeitraum endet vor dem Beginn: %s liegt vor %s", q.To, q.From)
	}
	return nil
}

// Contains reports whether d lies in the period, the first and last day
// included.
func (q QuietPeriod) Contains(d Date) bool {
	return !d.Before(q.From) && !d.After(q.To)
}
