package boardtest

import (
	"time"

	"github.com/owlcms/tracker/hub"
)

// LiveCases are the moments of a platform that the boards showing the attempt in progress
// (attempt bar, lower third, current athlete) each render differently: the lift with its
// clock, the referees' decision, a jury interruption, the countdown to the clean & jerk, and no
// session at all.
func LiveCases() []Case {
	edits := []struct {
		name string
		edit func(f *hub.FOP)
	}{
		{"", nil},
		{"decision", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true,
				Lights: [3]hub.Light{hub.LightGood, hub.LightGood, hub.LightBad}, ReceivedAt: Now}
		}},
		{"jury", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "INTERRUPTION", "JURY"
		}},
		{"countdown", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "LIFT_COUNTDOWN", "FIRST_CJ"
			f.BreakClock = hub.BreakClock{Event: "BreakStarted", Running: true, Remaining: 10 * time.Minute, ReceivedAt: Now}
		}},
		{"no-session", func(f *hub.FOP) { f.Hidden = true }},
	}
	var out []Case
	for _, e := range edits {
		f := Lifting("A")
		if e.edit != nil {
			e.edit(f)
		}
		out = append(out, Case{Name: e.name, Snap: Snapshot(nil, f), FOP: "A", Now: Now.Add(100 * time.Millisecond)})
	}
	return out
}
