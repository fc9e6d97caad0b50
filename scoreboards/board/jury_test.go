package board_test

import (
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestJuryOnBoards: what the boards take from the jury: the attempt on stage (the one under
// review while the jury deliberates or its decision shows), the deliberation's words and
// the decision's.
func TestJuryOnBoards(t *testing.T) {
	t0 := boardtest.Now
	type seen struct {
		OnStage, Deliberation, Hold string
		HoldEnd                     time.Duration // after t0; -1 when the hold has no end
	}
	tests := []struct {
		name string
		edit func(f *hub.FOP)
		now  time.Time
		want seen
	}{
		{"no jury: the current lifter", func(f *hub.FOP) { f.Jury = hub.JuryState{} }, t0, seen{OnStage: "ADA, Ann"}},
		{"judged, no jury: the current lifter", func(f *hub.FOP) { f.Jury.Deliberating = false }, t0, seen{OnStage: "ADA, Ann"}},
		{"deliberating: the lift under review, for as long as it lasts", nil, t0.Add(time.Hour),
			seen{OnStage: "BEA, Bo", Deliberation: "Jury Deliberation"}},
		{"deliberating on a lift never seen judged: the current lifter", func(f *hub.FOP) { f.Jury.Judged = nil }, t0,
			seen{OnStage: "ADA, Ann", Deliberation: "Jury Deliberation"}},
		{"the referees' lights show: their lift", func(f *hub.FOP) {
			st := hub.Stage{Key: "c", Attempt: hub.CurrentAttempt{FullName: "CYD, Cy"}}
			f.Judged = &st
		}, t0, seen{OnStage: "CYD, Cy", Deliberation: "Jury Deliberation"}},
		{"decided, still deliberating: held with no end", func(f *hub.FOP) {
			f.Jury.Verdict, f.Jury.DecidedAt = hub.JuryGoodLift, t0
		}, t0.Add(time.Minute), seen{OnStage: "BEA, Bo", Hold: "Jury Confirmation", HoldEnd: -1}},
		{"decided, deliberation over: 3.5 s", func(f *hub.FOP) {
			f.Jury.Deliberating, f.Jury.Verdict, f.Jury.Reversal, f.Jury.DecidedAt = false, hub.JuryGoodLift, true, t0
		}, t0.Add(time.Second), seen{OnStage: "BEA, Bo", Hold: "Jury REVERSAL", HoldEnd: board.JuryHold}},
		{"decided, then the clock started: the next lifter at once", func(f *hub.FOP) {
			f.Jury.Deliberating, f.Jury.Verdict, f.Jury.DecidedAt = false, hub.JuryGoodLift, t0
			f.Clock = hub.AthleteClock{Event: "StartTime", Running: true, Remaining: time.Minute, ReceivedAt: t0.Add(time.Second)}
		}, t0.Add(2 * time.Second), seen{OnStage: "ADA, Ann"}},
		{"decided long ago: gone", func(f *hub.FOP) {
			f.Jury.Deliberating, f.Jury.Verdict, f.Jury.DecidedAt = false, hub.JuryGoodLift, t0
		}, t0.Add(4 * time.Second), seen{OnStage: "ADA, Ann"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.JuryDeliberating(boardtest.Lifting("A"))
			f.State, f.Break, f.Mode, f.BreakType = "CURRENT_ATHLETE_DISPLAYED", false, "CURRENT_ATHLETE", ""
			if tt.edit != nil {
				tt.edit(f)
			}
			r := board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil)
			r.Now = tt.now
			got := seen{OnStage: board.OnStage(r).Attempt.FullName, Deliberation: board.Deliberation(r)}
			if h := board.Slot(r).Hold; h != nil && h.Kind == "jury" {
				got.Hold, got.HoldEnd = h.Label, -1
				if h.UntilMS > 0 {
					got.HoldEnd = time.UnixMilli(h.UntilMS).Sub(t0)
				}
			}
			if d := gocmp.Diff(tt.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}
