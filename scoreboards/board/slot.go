package board

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// How long a board keeps showing a signal that the next event may replace at once.
const (
	// DownHold: the down arrow stays at least this long, even when the lights (immediate
	// decision display) or a reset follow straight away. OWLCMS's displays show it 2.75 s;
	// remote boards without a hold flashed it too briefly (owlcms4 #759, #820).
	DownHold = 2 * time.Second
	// JuryHold: a jury's decision shows as long as OWLCMS shows a referees' decision, and
	// longer while the deliberation lasts (jury.go).
	JuryHold = 3500 * time.Millisecond
)

// Default warning thresholds of the athlete clock, when OWLCMS does not send its own.
const (
	finalWarning   = 30 * time.Second
	initialWarning = 90 * time.Second // only on a two-minute clock
)

// Slot picks what the bar's right-hand slot shows, in this order: the referees' decision
// (lights until OWLCMS's RESET, the down arrow before them), the break clock during a
// countdown, a stop sign during an interruption, nothing during a ceremony or after the
// session, else the athlete clock. A signal that must outlast the next event (the down arrow
// for DownHold, a jury decision for JuryHold) is laid over it as a Hold that the page drops
// on time by itself.
func Slot(r Request) components.SlotView {
	f := r.FOP
	if f == nil {
		return components.SlotView{}
	}
	m := ModeOf(f)
	d := f.Decision
	var s components.SlotView
	switch {
	case d.Visible && hasLight(d.Lights):
		ls := lights(d, d.Lights)
		s = components.SlotView{Kind: "lights", Lights: ls, Label: verdictLabel(r, ls)}
	case d.Down:
		s = components.SlotView{Kind: "down"}
	case m.HasCountdown() && !f.BreakClock.Indefinite:
		s = breakClock(r, f.BreakClock)
	case m == hub.ModeInterruption || m.HasCountdown():
		s = components.SlotView{Kind: "stop", Label: hub.PlainText(breakText(r, f))}
	case Deliberation(r) != "": // the jury stopped the competition before OWLCMS's break came
		s = components.SlotView{Kind: "stop", Label: Deliberation(r)}
	case m.IsBreak() || m == hub.ModeWait || hub.FOPState(f.State) == hub.StateInactive:
		// A ceremony or the session's results: no clock.
	default:
		s = athleteClock(r, f)
	}
	if m == hub.ModeCurrentAthlete || m == hub.ModeInterruption { // never over a countdown or a ceremony
		s.Hold = hold(r, s.Kind)
	}
	return s
}

// hold is the signal laid over the slot, nil when none is due at the time of the render.
func hold(r Request, base string) *components.HoldView {
	if h := juryHold(r); h != nil {
		return h
	}
	d := r.FOP.Decision
	if base != "down" && !d.DownAt.IsZero() && r.before(d.DownAt.Add(DownHold)) {
		return &components.HoldView{Kind: "down", UntilMS: d.DownAt.Add(DownHold).UnixMilli()}
	}
	return nil
}

// before reports whether the render happens before t; a request without a time (a test that
// does not care) counts as before.
func (r Request) before(t time.Time) bool { return r.Now.IsZero() || r.Now.Before(t) }

// athleteClock is the athlete's countdown with its warning thresholds: 30 s, and 90 s on a
// two-minute clock. The text and warning are those at the render, for a page without script;
// the page's script recomputes both from the anchor.
func athleteClock(r Request, f *hub.FOP) components.SlotView {
	c := f.Clock
	allowed := cmp.Or(max(c.TimeAllowed, f.Current.TimeAllowed), time.Minute)
	rem := c.Remaining
	if c.Event == "" && rem == 0 { // no clock event yet: the time the athlete will get
		rem = allowed
	}
	final := cmp.Or(c.FinalWarning, finalWarning)
	initial := c.InitialWarning
	if initial == 0 && allowed >= 2*time.Minute {
		initial = initialWarning // builds that do not send athleteInitialWarningMillis
	}
	if initial >= allowed || initial <= final {
		initial = 0 // a one-minute clock has no first warning
	}
	shown := rem
	if c.Running && !r.Now.IsZero() {
		shown = c.RemainingAt(r.Now)
	}
	s := components.SlotView{Kind: "clock", Text: Clock(shown), RemainingMS: rem.Milliseconds(),
		AnchorMS: unixMS(c.ReceivedAt), Running: c.Running,
		InitialMS: initial.Milliseconds(), FinalMS: final.Milliseconds()}
	switch {
	case shown <= final:
		s.Warning = "final"
	case initial > 0 && shown <= initial:
		s.Warning = "initial"
	}
	return s
}

// breakClock is the countdown to the end of a break (introduction, first snatch, first C&J).
func breakClock(r Request, b hub.BreakClock) components.SlotView {
	shown := b.Remaining
	if !r.Now.IsZero() {
		shown = b.RemainingAt(r.Now)
	}
	return components.SlotView{Kind: "break", Text: Clock(shown), RemainingMS: b.Remaining.Milliseconds(),
		AnchorMS: unixMS(b.ReceivedAt), Running: b.Running}
}

// Clock formats a remaining time as m:ss (h:mm:ss from an hour up, for a countdown to an
// introduction set hours ahead), rounding up so that 0:00 means the time is over. The page's
// script formats the same way while the clock runs.
func Clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64((d + time.Second - 1) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// lights are the slot's lights: three, or the centre one for a single referee.
func lights(d hub.Decision, ls [3]hub.Light) []string {
	shown := ls[:]
	if d.SingleReferee {
		shown = ls[1:2] // the centre referee decides alone
	}
	out := make([]string, len(shown))
	for i, l := range shown {
		out[i] = lightClasses[l]
	}
	return out
}

// verdictLabel is the decision lights make, for those who cannot see them (a screen reader):
// a good lift when most of them are white, in the viewer's language (OWLCMS's jury labels).
func verdictLabel(r Request, lights []string) string {
	good := 0
	for _, l := range lights {
		if l == "good" {
			good++
		}
	}
	if 2*good > len(lights) {
		return hub.PlainText(r.T("JuryDialog.GoodLiftLabel", "Good lift"))
	}
	return hub.PlainText(r.T("JuryDialog.BadLiftLabel", "No lift"))
}

func hasLight(ls [3]hub.Light) bool {
	return slices.ContainsFunc(ls[:], func(l hub.Light) bool { return l != hub.LightNone })
}

// lightClasses are the CSS classes of the lights that are on; a light that is off has none.
var lightClasses = map[hub.Light]string{hub.LightGood: "good", hub.LightBad: "bad"}
