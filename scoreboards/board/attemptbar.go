package board

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// KgSymbol follows every weight: a non-breaking space keeps "170 kg" on one line.
const KgSymbol = "\u00a0kg"

// breakModes are OWLCMS's board modes in which the attempt bar shows a break, not a lifter.
var breakModes = map[string]bool{
	"INTRO_COUNTDOWN": true, "LIFT_COUNTDOWN": true, "LIFT_COUNTDOWN_CEREMONY": true,
	"CEREMONY": true, "INTERRUPTION": true, "SESSION_DONE": true,
}

// Waiting reports whether the platform has no session to show: nothing received yet,
// OWLCMS hides it, or it is inactive with nobody to lift.
func Waiting(f *hub.FOP) bool {
	return f == nil || f.Hidden || f.Mode == "WAIT" || (f.State == "INACTIVE" && f.CurrentKey == "")
}

// InBreak reports whether the attempt bar shows a break message instead of a lifter.
func InBreak(f *hub.FOP) bool {
	return f != nil && (breakModes[f.Mode] || f.SessionDone || (f.Break && f.Mode != "CURRENT_ATHLETE"))
}

// AttemptBar builds the attempt bar of a platform in the viewer's language.
func AttemptBar(r Request) components.AttemptBarView {
	f := r.FOP
	if Waiting(f) {
		return components.AttemptBarView{
			Waiting:     true,
			Message:     r.CompetitionName(),
			SessionLine: r.T("Scoreboard.WaitingNextGroup", "Waiting for the next session."),
		}
	}
	v := components.AttemptBarView{SessionLine: SessionLine(r), Slot: Slot(r)}
	if InBreak(f) {
		v.Break = true
		v.FullName = f.Current.FullName
		if v.FullName == "" {
			v.FullName = r.Tf("Group_number", "Session {0}", f.SessionName)
		}
		return v
	}
	c := f.Current
	v.StartNumber, v.FullName, v.Team, v.Category = c.StartNumber, c.FullName, c.TeamName, c.Category
	if a := athlete(f, f.CurrentKey); a != nil {
		v.FlagURL = a.FlagURL
		if v.Team == "" {
			v.Team = a.TeamName
		}
	}
	v.AttemptHTML = AttemptLabel(r, f)
	if c.Weight != "" && c.Weight != "0" {
		v.Weight, v.KgSymbol = c.Weight, KgSymbol
	}
	return v
}

// AttemptLabel is "Snatch #2" / "C&J #3" in the viewer's language, or OWLCMS's own label
// when the attempt number is unknown.
func AttemptLabel(r Request, f *hub.FOP) string {
	n := f.Current.AttemptNumber
	if n < 1 || n > 3 {
		return f.Current.AttemptHTML
	}
	if f.LiftType == "Clean_and_Jerk" {
		return r.Tf("C_and_J_number", "C&J #{0}", n)
	}
	return r.Tf("Snatch_number", "Snatch #{0}", n)
}

// SessionLine is "Session M1 Snatch – 10 attempts done." in the viewer's language.
func SessionLine(r Request) string {
	f := r.FOP
	if f == nil || f.SessionName == "" {
		return ""
	}
	lift := r.T("Scoreboard.Snatch", "Snatch")
	if f.LiftType == "Clean_and_Jerk" {
		lift = components.SanitizeRichText(r.T("Scoreboard.Clean_and_Jerk", "Clean & Jerk"))
	}
	line := strings.TrimSpace(r.Tf("Scoreboard.GroupLiftType", "Session {0} {1}", f.SessionName, lift))
	if done := AttemptsDone(f); done >= 0 {
		line += " – " + r.Tf("Scoreboard.AttemptsDone", "{0,choice,0#No attempts done.|1#1 attempt done.|1<{0} attempts done.}", done)
	}
	return line
}

// AttemptsDone counts the attempts taken so far (good or failed) in the lift being contested,
// as OWLCMS does ("10 attempts done." during the clean & jerk of a 4-athlete session); -1
// without athletes.
func AttemptsDone(f *hub.FOP) int {
	if len(f.Athletes) == 0 {
		return -1
	}
	n := 0
	for _, a := range f.Athletes {
		cells := a.Snatch
		if f.LiftType == "Clean_and_Jerk" {
			cells = a.CleanJerk
		}
		for _, c := range cells {
			if c.Status == hub.AttemptGood || c.Status == hub.AttemptBad {
				n++
			}
		}
	}
	return n
}

// Slot picks what the bar's right-hand slot shows: the decision (lights, or the down
// signal before the lights), else the break clock during a break, else the athlete clock.
func Slot(r Request) components.SlotView {
	f := r.FOP
	d := f.Decision
	switch {
	case d.Visible && hasLight(d.Lights):
		s := components.SlotView{Kind: "lights"}
		lights := d.Lights[:]
		if d.SingleReferee {
			lights = d.Lights[1:2] // the centre referee decides alone
		}
		for _, l := range lights {
			s.Lights = append(s.Lights, lightClass(l))
		}
		return s
	case d.Down:
		return components.SlotView{Kind: "down"}
	case InBreak(f):
		b := f.BreakClock
		if b.Indefinite || f.Mode == "INTERRUPTION" {
			return components.SlotView{Kind: "break", Text: "STOP"}
		}
		rem := b.Remaining
		return components.SlotView{Kind: "break", Text: Clock(rem), RemainingMS: rem.Milliseconds(),
			AnchorMS: unixMS(b.ReceivedAt), Running: b.Running}
	case f.State == "INACTIVE":
		return components.SlotView{}
	}
	c := f.Clock
	rem := c.Remaining
	if c.Event == "" && rem == 0 { // no clock event yet: the time the athlete will get
		rem = cmp.Or(max(c.TimeAllowed, f.Current.TimeAllowed), time.Minute)
	}
	warn := c.FinalWarning
	if warn == 0 {
		warn = 30 * time.Second
	}
	return components.SlotView{Kind: "clock", Text: Clock(rem), RemainingMS: rem.Milliseconds(),
		AnchorMS: unixMS(c.ReceivedAt), Running: c.Running, Warning: rem <= warn}
}

// Clock formats a remaining time as m:ss, rounding up so 0:00 means the time is over.
func Clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

func hasLight(ls [3]hub.Light) bool {
	for _, l := range ls {
		if l != hub.LightNone {
			return true
		}
	}
	return false
}

func lightClass(l hub.Light) string {
	switch l {
	case hub.LightGood:
		return "good"
	case hub.LightBad:
		return "bad"
	}
	return ""
}

// athlete finds a session athlete by key, nil when absent.
func athlete(f *hub.FOP, key string) *hub.Athlete {
	if key == "" {
		return nil
	}
	for _, a := range f.Athletes {
		if a.Key == key {
			return a
		}
	}
	return nil
}
