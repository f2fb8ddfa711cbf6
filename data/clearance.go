package data

import (
	"context"
	"fmt"
	"slices"

	"feedtakt/data/calendar"
)

// This file holds THE rule of the Einwilligungen: may a picture appear on a
// channel on a day, and if not, why. The editor's lines, the thumbnails'
// badges, the approval rule, the calendar marks and the command line all
// ask ClearPicture (through PictureClearance and PostClearance); nothing
// else decides it.

// ExpiringDays is how far ahead an end of a consent or a licence is
// announced ("läuft ab").
const ExpiringDays = 30

// Reason is one finding of the rule.
type Reason string

// The findings, as codes; Blocks says which stop an approval.
const (
	ReasonUnclear         Reason = "unclear"          // ungeklärt: nobody decided who is shown (warns)
	ReasonMissing         Reason = "missing"          // fehlt: no consent covers the picture
	ReasonGuardians       Reason = "guardians"        // a minor without the guardians' consent
	ReasonOwnConsent      Reason = "own"              // of age, only the guardians' consent
	ReasonOutOfScope      Reason = "scope"            // außerhalb des Umfangs: channel or purpose not covered
	ReasonExpired         Reason = "expired"          // abgelaufen: valid until before the day
	ReasonWithdrawn       Reason = "withdrawn"        // widerrufen on or before the day
	ReasonExpiring        Reason = "expiring"         // läuft ab within ExpiringDays (warns)
	ReasonWithdrawnLater  Reason = "withdrawn-later"  // widerrufen after the day: a published post may need removing (warns)
	ReasonLicenceExpired  Reason = "licence-expired"  // Lizenz abgelaufen: Media.UsableUntil before the day
	ReasonLicenceExpiring Reason = "licence-expiring" // the licence ends within ExpiringDays (warns)
)

// Blocks reports whether the finding stops a post from being approved or
// published; the others warn.
func (r Reason) Blocks() bool {
	switch r {
	case ReasonUnclear, ReasonExpiring, ReasonWithdrawnLater, ReasonLicenceExpiring:
		return false
	}
	return true
}

// severity orders findings for a badge: the worst first.
func (r Reason) severity() int {
	order := []Reason{ReasonWithdrawn, ReasonLicenceExpired, ReasonExpired, ReasonGuardians, ReasonOwnConsent,
		ReasonMissing, ReasonOutOfScope, ReasonWithdrawnLater, ReasonUnclear, ReasonExpiring, ReasonLicenceExpiring}
	return len(order) - slices.Index(order, r)
}

// PeopleDecision is what was decided about the people in a picture.
type PeopleDecision string

// The decisions; a picture without one is ungeklärt.
const (
	DecisionUnclear PeopleDecision = ""       // ungeklärt
	DecisionNone    PeopleDecision = "none"   // keine erkennbaren Personen
	DecisionCrowd   PeopleDecision = "crowd"  // nur Menschenmenge, nicht erkennbar
	DecisionPeople  PeopleDecision = "people" // the people linked to it
)

// Finding is one reason a picture may not (or only with care) be used:
// per person and channel, or for the picture as a whole (PersonID and
// ChannelID 0). Key and Args word it (lang.L(Key, Args)).
type Finding struct {
	Reason    Reason
	PersonID  int64
	ChannelID int64
	ConsentID int64          // the consent it is about; 0 when none
	Date      *calendar.Date // the day that matters: valid until, withdrawn on, nutzbar bis
	Key       string
	Args      map[string]any
}

// Blocks reports whether the finding stops an approval.
func (f Finding) Blocks() bool { return f.Reason.Blocks() }

// Clearance is the rule's answer for one picture, a set of channels and a
// day.
type Clearance struct {
	MediaID  int64
	Day      calendar.Date
	Decision PeopleDecision
	Findings []Finding // empty: may be used
}

// Blocked reports whether a finding stops an approval.
func (c Clearance) Blocked() bool {
	return slices.ContainsFunc(c.Findings, Finding.Blocks)
}

// Worst is the most serious finding's reason, for a badge ("" = ok).
func (c Clearance) Worst() Reason {
	var worst Reason
	for _, f := range c.Findings {
		if worst == "" || f.Reason.severity() > worst.severity() {
			worst = f.Reason
		}
	}
	return worst
}

// PersonConsents is a person in a picture with all their consents.
type PersonConsents struct {
	Person   Person
	Consents []Consent
}

// PictureFacts is what the rule needs to know about a picture.
type PictureFacts struct {
	Media    Media // Hash, Taken (for a shoot's dates), UsableUntil are read
	Decision PeopleDecision
	People   []PersonConsents
}

// ClearanceInput is where and when a picture is to be used.
type ClearanceInput struct {
	Channels []Channel // none: an idea without channels; the channel is then not checked
	Day      calendar.Date
	Purpose  Purpose // "" is PurposePR
	// Today words an end before Day: "ist am … abgelaufen" when it lies
	// before Today, "endet am …, vor dem Termin am …" when it is still to
	// come (also when Today is zero). It never changes a finding's reason.
	Today calendar.Date
}

// endedBy reports whether an end on d lies before today (zero: unknown,
// not ended).
func (in ClearanceInput) endedBy(d calendar.Date) bool {
	return !in.Today.IsZero() && d.Before(in.Today)
}

// ClearPicture is the rule. For every person shown and every channel it
// looks for a consent that covers the picture, was given by the right
// people for the person's age on the day, and covers the channel and the
// purpose on the day; the best such consent decides. A picture without a
// decision is ungeklärt (warns); the licence's "nutzbar bis" counts for
// every channel.
func ClearPicture(f PictureFacts, in ClearanceInput) Clearance {
	if in.Purpose == "" {
		in.Purpose = PurposePR
	}
	out := Clearance{MediaID: f.Media.ID, Day: in.Day, Decision: f.Decision}
	if lf, ok := licenceFinding(f.Media, in); ok {
		out.Findings = append(out.Findings, lf)
	}
	switch {
	case f.Decision == DecisionNone, f.Decision == DecisionCrowd:
		return out
	case f.Decision == DecisionUnclear, len(f.People) == 0:
		// "people" without anyone linked (every one of them removed) is
		// no decision either.
		out.Findings = append(out.Findings, Finding{Reason: ReasonUnclear,
			Key: "Not yet decided whether identifiable people are shown in this picture."})
		return out
	}
	channels := in.Channels
	if len(channels) == 0 {
		channels = []Channel{{}} // any channel
	}
	for _, pc := range f.People {
		for _, ch := range channels {
			if fd, ok := personFinding(pc, f.Media, ch, in); ok {
				out.Findings = append(out.Findings, fd)
			}
		}
	}
	return out
}

// licenceFinding is the rule for the item's "nutzbar bis": an end before
// the day blocks, an end within ExpiringDays of it warns. The sentence
// names no field and no picture (the screens put the picture's title
// before it).
func licenceFinding(m Media, in ClearanceInput) (Finding, bool) {
	u := m.UsableUntil
	if u == nil {
		return Finding{}, false
	}
	day := in.Day
	args := map[string]any{"Date": u.String(), "Day": day.String()}
	switch {
	case u.Before(day) && in.endedBy(*u):
		return Finding{Reason: ReasonLicenceExpired, Date: u, Key: "The licence ended on {{.Date}}.", Args: args}, true
	case u.Before(day):
		return Finding{Reason: ReasonLicenceExpired, Date: u, Key: "The licence ends on {{.Date}}, before the post's day {{.Day}}.", Args: args}, true
	case u.Sub(day) < ExpiringDays:
		return Finding{Reason: ReasonLicenceExpiring, Date: u, Key: "The licence ends on {{.Date}}.", Args: args}, true
	}
	return Finding{}, false
}

// personFinding is the rule for one person on one channel; ok false when
// the person may appear there without remark.
func personFinding(pc PersonConsents, m Media, ch Channel, in ClearanceInput) (Finding, bool) {
	p := pc.Person
	minor := p.MinorOn(in.Day)
	covering, fitting := candidates(pc.Consents, m, in.Day, minor)
	base := Finding{PersonID: p.ID, ChannelID: ch.ID}
	args := map[string]any{"Person": p.Name, "Channel": channelArg(ch)}
	switch {
	case covering == 0:
		return base.with(ReasonMissing, "{{.Person}}: no consent for {{.Channel}}.", args, nil, 0), true
	case len(fitting) == 0 && minor:
		return base.with(ReasonGuardians, "{{.Person}} is a minor: the guardians' consent for {{.Channel}} is missing.", args, nil, 0), true
	case len(fitting) == 0:
		return base.with(ReasonOwnConsent, "{{.Person}} is of age: their own consent for {{.Channel}} is missing; the guardians' no longer suffices.", args, nil, 0), true
	}
	best, bestState := Consent{}, consentState{}
	for _, c := range fitting {
		st := c.stateOn(pc.Consents, ch, in)
		if best.ID == 0 || st.rank() < bestState.rank() {
			best, bestState = c, st
		}
	}
	if bestState.reason == "" {
		return Finding{}, false
	}
	if bestState.purpose {
		args["Purpose"] = calendar.Message{Key: in.Purpose.Key()}
	}
	if bestState.reason == ReasonExpired {
		args["Day"] = in.Day.String()
	}
	return base.with(bestState.reason, bestState.key(in), args, bestState.date, best.ID), true
}

// candidates counts the consents about picture m given by day, and returns
// those of them given by the right people for a minor or an adult.
func candidates(all []Consent, m Media, day calendar.Date, minor bool) (covering int, fitting []Consent) {
	for _, c := range all {
		if c.GivenOn.After(day) || !c.coversPicture(m) {
			continue
		}
		covering++
		if c.GivenBy.fits(minor) {
			fitting = append(fitting, c)
		}
	}
	return covering, fitting
}

func (f Finding) with(r Reason, key string, args map[string]any, d *calendar.Date, consentID int64) Finding {
	f.Reason, f.Key, f.Date, f.ConsentID = r, key, d, consentID
	f.Args = args
	if d != nil {
		f.Args["Date"] = d.String()
	}
	return f
}

// channelArg names the channel in a finding; an idea without channels is
// checked for "any channel".
func channelArg(ch Channel) any {
	if ch.ID == 0 {
		return calendar.Message{Key: "any channel"}
	}
	return ch.Name
}

// consentState is what one consent says for a channel and a day.
type consentState struct {
	reason  Reason // "" = covers it without remark
	purpose bool   // out of scope by purpose, not by channel
	date    *calendar.Date
}

func (s consentState) rank() int {
	switch s.reason {
	case "":
		return 0
	case ReasonExpiring:
		return 1
	case ReasonWithdrawnLater:
		return 2
	case ReasonOutOfScope:
		return 3
	case ReasonExpired:
		return 4
	}
	return 5
}

// key words the state; in tells an end already past ("abgelaufen") from
// one still to come before the post's day ("endet am …, vor dem Termin").
func (s consentState) key(in ClearanceInput) string {
	switch s.reason {
	case ReasonOutOfScope:
		if s.purpose {
			return "The consent of {{.Person}} does not cover the purpose {{.Purpose}}."
		}
		return "The consent of {{.Person}} does not cover {{.Channel}}."
	case ReasonExpired:
		if s.date != nil && in.endedBy(*s.date) {
			return "The consent of {{.Person}} for {{.Channel}} ended on {{.Date}}."
		}
		return "The consent of {{.Person}} for {{.Channel}} ends on {{.Date}}, before the post's day {{.Day}}."
	case ReasonWithdrawn:
		return "{{.Person}} withdrew the consent on {{.Date}}."
	case ReasonWithdrawnLater:
		return "{{.Person}} withdrew the consent on {{.Date}}, after this day: check whether the post must be removed from {{.Channel}}."
	case ReasonExpiring:
		return "The consent of {{.Person}} for {{.Channel}} ends soon, on {{.Date}}."
	}
	return ""
}

// withdrawnOn is the day a consent stopped counting by a withdrawal: its
// own, or a withdrawal of another consent of the person recorded on or
// after the day this one was given. A person who says "I withdraw my
// consent" means every consent they had given up to then (the newest one
// withdrawn does not leave an older one standing); a consent given after
// the withdrawal counts anew.
func (c Consent) withdrawnOn(all []Consent) *calendar.Date {
	var first *calendar.Date
	for _, o := range all {
		if o.Withdrawal == nil || o.Withdrawal.On.Before(c.GivenOn) {
			continue
		}
		if first == nil || o.Withdrawal.On.Before(*first) {
			d := o.Withdrawal.On
			first = &d
		}
	}
	return first
}

// stateOn is what consent c says for channel ch on the day.
func (c Consent) stateOn(all []Consent, ch Channel, in ClearanceInput) consentState {
	w := c.withdrawnOn(all)
	switch {
	case w != nil && !w.After(in.Day):
		return consentState{reason: ReasonWithdrawn, date: w}
	case ch.ID != 0 && !c.coversChannel(ch):
		return consentState{reason: ReasonOutOfScope}
	case !slices.Contains(c.Purposes, in.Purpose):
		return consentState{reason: ReasonOutOfScope, purpose: true}
	case c.ValidUntil != nil && c.ValidUntil.Before(in.Day):
		return consentState{reason: ReasonExpired, date: c.ValidUntil}
	case w != nil:
		return consentState{reason: ReasonWithdrawnLater, date: w}
	case c.ValidUntil != nil && c.ValidUntil.Sub(in.Day) < ExpiringDays:
		return consentState{reason: ReasonExpiring, date: c.ValidUntil}
	}
	return consentState{}
}

func (c Consent) coversChannel(ch Channel) bool {
	return slices.Contains(c.Platforms, ch.Platform) || slices.Contains(c.ChannelIDs, ch.ID)
}

// coversPicture reports whether the consent is about picture m: one of its
// chosen pictures, or a picture of its shoot (by Aufnahmedatum, in the
// workspace zone, when the shoot has dates).
func (c Consent) coversPicture(m Media) bool {
	if c.Pictures == ScopeItems {
		return slices.Contains(c.mediaHashes, m.Hash)
	}
	taken := calendar.FromTime(m.Taken.In(WorkspaceZone()))
	if c.ShootFrom != nil && taken.Before(*c.ShootFrom) {
		return false
	}
	return c.ShootTo == nil || !taken.After(*c.ShootTo)
}

// PersonState is where a person's consent stands on a day, for the
// Personen list and its filters.
type PersonState string

// The states of a person's consent.
const (
	PersonOK        PersonState = "ok"        // a consent is in force
	PersonMissing   PersonState = "missing"   // none in force, none withdrawn
	PersonExpiring  PersonState = "expiring"  // in force, but every one ends within ExpiringDays
	PersonWithdrawn PersonState = "withdrawn" // withdrawn, no consent given since
)

// PersonStateOn sums up a person's consents on day, whatever the pictures
// and channels: in force means given, by the right people for the
// person's age, not ended and not withdrawn.
func PersonStateOn(p Person, consents []Consent, day calendar.Date) PersonState {
	minor := p.MinorOn(day)
	state, withdrawn := PersonMissing, false
	for _, c := range consents {
		if c.GivenOn.After(day) {
			continue
		}
		if w := c.withdrawnOn(consents); w != nil && !w.After(day) {
			withdrawn = true
			continue
		}
		if !c.GivenBy.fits(minor) {
			continue
		}
		switch {
		case c.ValidUntil != nil && c.ValidUntil.Before(day):
		case c.ValidUntil != nil && c.ValidUntil.Sub(day) < ExpiringDays:
			if state == PersonMissing {
				state = PersonExpiring
			}
		default:
			return PersonOK
		}
	}
	if state == PersonMissing && withdrawn {
		return PersonWithdrawn
	}
	return state
}

// PictureClearance answers for picture mediaID whether it may be used on
// the channels channelIDs on day, and if not, why (see ClearPicture). A
// channel id that does not exist is ErrNotFound.
func (w *Workspace) PictureClearance(ctx context.Context, mediaID int64, channelIDs []int64, day calendar.Date) (Clearance, error) {
	facts, err := w.pictureFacts(ctx, mediaID)
	if err != nil {
		return Clearance{}, err
	}
	chans, err := w.channelsByID(ctx, channelIDs)
	if err != nil {
		return Clearance{}, err
	}
	return ClearPicture(facts, ClearanceInput{Channels: chans, Day: day, Today: w.Today()}), nil
}

// PostClearance answers PictureClearance for every picture of a post, on
// its channels and its day (an idea without a day: today), in the post's
// order of pictures.
func (w *Workspace) PostClearance(ctx context.Context, postID int64) ([]Clearance, error) {
	p, err := w.Post(ctx, postID)
	if err != nil {
		return nil, err
	}
	day := w.Today()
	if p.Date != nil {
		day = *p.Date
	}
	var ids []int64
	for _, c := range p.Channels {
		ids = append(ids, c.ChannelID)
	}
	chans, err := w.channelsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	media, err := queryColumn[int64](ctx, w.reader(), `SELECT media_id FROM post_media WHERE post_id = ? ORDER BY position, media_id`, postID)
	if err != nil {
		return nil, w.fault("read post pictures", err)
	}
	out := make([]Clearance, 0, len(media))
	for _, id := range media {
		facts, err := w.pictureFacts(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, ClearPicture(facts, ClearanceInput{Channels: chans, Day: day, Today: w.Today()}))
	}
	return out, nil
}

func (w *Workspace) channelsByID(ctx context.Context, ids []int64) ([]Channel, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	all, err := w.Channels(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Channel, 0, len(ids))
	for _, id := range ids {
		i := slices.IndexFunc(all, func(c Channel) bool { return c.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("channel %d: %w", id, ErrNotFound)
		}
		out = append(out, all[i])
	}
	return out, nil
}

// pictureFacts reads what ClearPicture needs about a picture.
func (w *Workspace) pictureFacts(ctx context.Context, mediaID int64) (PictureFacts, error) {
	m, err := w.Media(ctx, mediaID)
	if err != nil {
		return PictureFacts{}, err
	}
	dec, people, err := w.peopleOf(ctx, m.Hash)
	if err != nil {
		return PictureFacts{}, err
	}
	f := PictureFacts{Media: m, Decision: dec}
	if len(people) == 0 {
		return f, nil
	}
	ids := make([]int64, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	consents, err := w.consentsOf(ctx, w.reader(), ids)
	if err != nil {
		return f, w.fault("read consents", err)
	}
	for _, p := range people {
		f.People = append(f.People, PersonConsents{Person: p, Consents: consents[p.ID]})
	}
	return f, nil
}

// Message is the finding as a sentence for a person (Args may hold a
// Message of their own, such as "any channel"; see calendar.ResolveArgs).
func (f Finding) Message() calendar.Message { return calendar.Message{Key: f.Key, Args: f.Args} }
