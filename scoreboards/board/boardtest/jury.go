package boardtest

import (
	"time"

	"github.com/owlcms/tracker/hub"
)

// JuryCases are the jury's moments on platform A (Lifting's): the referees failed Bea's 83 kg
// (two reds) and OWLCMS has called Ada; the jury deliberates on it (for a minute, in OWLCMS's
// JURY break), then reverses it to a good lift.
func JuryCases() []Case {
	edits := []struct {
		name string
		edit func(f *hub.FOP)
	}{
		{"jury-deliberation", func(f *hub.FOP) {}},
		{"jury-reversal", func(f *hub.FOP) {
			f.State, f.Mode = "DECISION_VISIBLE", "CURRENT_ATHLETE"
			f.Decision = hub.Decision{Event: string(hub.DecisionJury), JuryDecision: string(hub.JuryGoodLift), JuryReversal: true, ReceivedAt: Now}
			f.Jury.Verdict, f.Jury.Reversal, f.Jury.DecidedAt = hub.JuryGoodLift, true, Now
			f.Jury.Details = hub.JuryDetails{AthleteFull: "BEA, Bo", AthleteAbbreviated: "BEA B.", RecordKind: "none", ActualLift: "83"}
		}},
	}
	var out []Case
	for _, e := range edits {
		f := JuryDeliberating(Lifting("A"))
		e.edit(f)
		out = append(out, Case{Name: e.name, Snap: Snapshot(nil, f), FOP: "A", Now: Now.Add(100 * time.Millisecond)})
	}
	return out
}

// JuryDeliberating puts platform f (Lifting's) in a jury deliberation on Bea's failed 83 kg
// snatch, begun a minute before Now.
func JuryDeliberating(f *hub.FOP) *hub.FOP {
	f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "INTERRUPTION", "JURY"
	f.Decision = hub.Decision{Event: string(hub.DecisionStartDeliberation), ReceivedAt: Now.Add(-time.Minute)}
	st := hub.Stage{Key: "b", LiftType: "Snatch", Attempt: hub.CurrentAttempt{FullName: "BEA, Bo", TeamName: "Club Two",
		StartNumber: "2", Category: "SR 58", AttemptNumber: 2, Weight: "83", AttemptHTML: "2<sup>nd</sup> att."}}
	f.Jury = hub.JuryState{Judged: &st, Lights: [3]hub.Light{hub.LightGood, hub.LightBad, hub.LightBad},
		JudgedAt: Now.Add(-80 * time.Second), Deliberating: true, Since: Now.Add(-time.Minute)}
	return f
}
