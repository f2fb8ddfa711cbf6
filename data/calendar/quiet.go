package calendar

// QuietPeriod is a span of days in which nothing may be posted, e.g. the
// neutrality period before an election or official mourning. From and To
// are both included.
type QuietPeriod struct {
	From, To Date
	// Note says why, e.g. "Karenzzeit vor der Kommunalwahl".
	Note string
}

// Validate returns an *InputError when the period has no valid days or
// ends before it starts.
func (q QuietPeriod) Validate() error {
	switch {
	case q.From.IsZero() || q.To.IsZero():
		return &InputError{Key: "The period needs a start and an end date."}
	case !q.From.Valid():
		return &InputError{Key: "The start date {{.Date}} does not exist.", Args: map[string]any{"Date": q.From.String()}}
	case !q.To.Valid():
		return &InputError{Key: "The end date {{.Date}} does not exist.", Args: map[string]any{"Date": q.To.String()}}
	case q.To.Before(q.From):
		return &InputError{Key: "The period ends before it starts: {{.To}} is before {{.From}}.", Args: map[string]any{"To": q.To.String(), "From": q.From.String()}}
	}
	return nil
}

// Contains reports whether d lies in the period, the first and last day
// included.
func (q QuietPeriod) Contains(d Date) bool {
	return !d.Before(q.From) && !d.After(q.To)
}
