package board_test

import (
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestSlot(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	ms := t0.UnixMilli()
	good3 := [3]hub.Light{hub.LightGood, hub.LightGood, hub.LightGood}
	tests := []struct {
		name string
		edit func(f *hub.FOP)
		now  time.Time // the render; zero: a request without a time
		want components.SlotView
	}{
		{
			name: "one-minute clock before it starts: the allowance, final warning only",
			edit: func(f *hub.FOP) { f.Current.TimeAllowed = time.Minute },
			want: components.SlotView{Kind: "clock", Text: "1:00", RemainingMS: 60000, FinalMS: 30000},
		},
		{
			name: "two-minute clock: OWLCMS's first warning at 90 s",
			edit: func(f *hub.FOP) {
				f.Clock = hub.AthleteClock{Event: "SetTime", Remaining: 2 * time.Minute, ReceivedAt: t0,
					TimeAllowed: 2 * time.Minute, InitialWarning: 90 * time.Second, FinalWarning: 30 * time.Second}
			},
			want: components.SlotView{Kind: "clock", Text: "2:00", RemainingMS: 120000, AnchorMS: ms, InitialMS: 90000, FinalMS: 30000},
		},
		{
			name: "two-minute clock from a build without warning fields: 90 s all the same",
			edit: func(f *hub.FOP) {
				f.Clock = hub.AthleteClock{Event: "StopTime", Remaining: 85 * time.Second, ReceivedAt: t0, TimeAllowed: 2 * time.Minute}
			},
			want: components.SlotView{Kind: "clock", Text: "1:25", RemainingMS: 85000, AnchorMS: ms, InitialMS: 90000, FinalMS: 30000,
				Warning: "initial"},
		},
		{
			name: "running clock: text and warning at the render, anchor as received",
			edit: func(f *hub.FOP) {
				f.Clock = hub.AthleteClock{Event: "StartTime", Running: true, Remaining: time.Minute, ReceivedAt: t0, TimeAllowed: time.Minute}
			},
			now:  t0.Add(35 * time.Second),
			want: components.SlotView{Kind: "clock", Text: "0:25", RemainingMS: 60000, AnchorMS: ms, Running: true, FinalMS: 30000, Warning: "final"},
		},
		{
			name: "a clock stops at 0:00",
			edit: func(f *hub.FOP) {
				f.Clock = hub.AthleteClock{Event: "StartTime", Running: true, Remaining: time.Minute, ReceivedAt: t0, TimeAllowed: time.Minute}
			},
			now:  t0.Add(3 * time.Minute),
			want: components.SlotView{Kind: "clock", Text: "0:00", RemainingMS: 60000, AnchorMS: ms, Running: true, FinalMS: 30000, Warning: "final"},
		},
		{
			name: "down signal",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "DOWN_SIGNAL", Down: true, DownAt: t0, ReceivedAt: t0}
			},
			now:  t0.Add(100 * time.Millisecond),
			want: components.SlotView{Kind: "down"},
		},
		{
			name: "lights right after the down signal: the arrow is held 2 s over them",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true, Lights: good3, DownAt: t0, ReceivedAt: t0.Add(300 * time.Millisecond)}
			},
			now: t0.Add(400 * time.Millisecond),
			want: components.SlotView{Kind: "lights", Lights: []string{"good", "good", "good"}, Label: "Good lift",
				Hold: &components.HoldView{Kind: "down", UntilMS: ms + 2000}},
		},
		{
			name: "lights after the hold: no arrow",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true, Lights: good3, DownAt: t0, ReceivedAt: t0.Add(3 * time.Second)}
			},
			now:  t0.Add(3 * time.Second),
			want: components.SlotView{Kind: "lights", Lights: []string{"good", "good", "good"}, Label: "Good lift"},
		},
		{
			name: "a reset right after the down signal: the arrow is held over the clock",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "RESET", DownAt: t0, ReceivedAt: t0.Add(time.Second)}
				f.Clock = hub.AthleteClock{Event: "StopTime", Remaining: 40 * time.Second, ReceivedAt: t0}
			},
			now: t0.Add(time.Second),
			want: components.SlotView{Kind: "clock", Text: "0:40", RemainingMS: 40000, AnchorMS: ms, FinalMS: 30000,
				Hold: &components.HoldView{Kind: "down", UntilMS: ms + 2000}},
		},
		{
			name: "initial decisions are not for the public",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "INITIAL_DECISION", Lights: [3]hub.Light{hub.LightBad}}
			},
			want: components.SlotView{Kind: "clock", Text: "1:00", RemainingMS: 60000, FinalMS: 30000},
		},
		{
			name: "jury reversal: the jury's verdict over the slot for 3.5 s",
			edit: func(f *hub.FOP) {
				breakState("INTERRUPTION", "JURY", "")(f)
				f.Decision = hub.Decision{Event: "JURY_DECISION", JuryDecision: "BAD_LIFT", JuryReversal: true, ReceivedAt: t0}
				f.Jury = hub.JuryState{Verdict: hub.JuryBadLift, Reversal: true, DecidedAt: t0}
			},
			now: t0.Add(time.Second),
			want: components.SlotView{Kind: "stop", Label: "Jury Deliberation",
				Hold: &components.HoldView{Kind: "jury", Label: "Jury REVERSAL", Lights: []string{"bad", "bad", "bad"}, Verdict: "No lift", UntilMS: ms + 3500}},
		},
		{
			name: "jury confirmation for a single referee",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "JURY_DECISION", JuryDecision: "GOOD_LIFT", SingleReferee: true, ReceivedAt: t0}
				f.Jury = hub.JuryState{Verdict: hub.JuryGoodLift, SingleReferee: true, DecidedAt: t0}
				f.Clock = hub.AthleteClock{Event: "StopTime", Remaining: 12 * time.Second, ReceivedAt: t0}
			},
			now: t0,
			want: components.SlotView{Kind: "clock", Text: "0:12", RemainingMS: 12000, AnchorMS: ms, FinalMS: 30000, Warning: "final",
				Hold: &components.HoldView{Kind: "jury", Label: "Jury Confirmation", Lights: []string{"good"}, Verdict: "Good lift", UntilMS: ms + 3500}},
		},
		{
			// OWLCMS ends the deliberation as the jury decides: the decision still shows.
			name: "jury decision followed by END_DELIBERATION: still held",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "END_DELIBERATION", ReceivedAt: t0.Add(50 * time.Millisecond)}
				f.Jury = hub.JuryState{Verdict: hub.JuryGoodLift, Reversal: true, DecidedAt: t0}
			},
			now: t0.Add(time.Second),
			want: components.SlotView{Kind: "clock", Text: "1:00", RemainingMS: 60000, FinalMS: 30000,
				Hold: &components.HoldView{Kind: "jury", Label: "Jury REVERSAL", Lights: []string{"good", "good", "good"}, Verdict: "Good lift", UntilMS: ms + 3500}},
		},
		{
			name: "jury decision while the deliberation lasts: held past 3.5 s, with no end",
			edit: func(f *hub.FOP) {
				breakState("INTERRUPTION", "JURY", "")(f)
				f.Jury = hub.JuryState{Deliberating: true, Since: t0.Add(-time.Minute), Verdict: hub.JuryBadLift, DecidedAt: t0}
			},
			now: t0.Add(10 * time.Second),
			want: components.SlotView{Kind: "stop", Label: "Jury Deliberation",
				Hold: &components.HoldView{Kind: "jury", Label: "Jury Confirmation", Lights: []string{"bad", "bad", "bad"}, Verdict: "No lift"}},
		},
		{
			name: "the jury deliberates before OWLCMS's break: a stop sign",
			edit: func(f *hub.FOP) {
				f.Jury = hub.JuryState{Deliberating: true, Challenge: true, Since: t0}
			},
			now:  t0.Add(10 * time.Second),
			want: components.SlotView{Kind: "stop", Label: "Challenge"},
		},
		{
			name: "jury decision long past: gone",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "JURY_DECISION", JuryDecision: "GOOD_LIFT", ReceivedAt: t0}
				f.Jury = hub.JuryState{Verdict: hub.JuryGoodLift, DecidedAt: t0}
			},
			now:  t0.Add(4 * time.Second),
			want: components.SlotView{Kind: "clock", Text: "1:00", RemainingMS: 60000, FinalMS: 30000},
		},
		{
			name: "running break countdown",
			edit: func(f *hub.FOP) {
				breakState("LIFT_COUNTDOWN", "FIRST_SNATCH", "")(f)
				f.BreakClock = hub.BreakClock{Event: "BreakStarted", Running: true, Remaining: 10 * time.Minute, ReceivedAt: t0}
			},
			now:  t0.Add(90 * time.Second),
			want: components.SlotView{Kind: "break", Text: "8:30", RemainingMS: 600000, AnchorMS: ms, Running: true},
		},
		{
			name: "paused break countdown holds its value",
			edit: func(f *hub.FOP) {
				breakState("INTRO_COUNTDOWN", "BEFORE_INTRODUCTION", "")(f)
				f.BreakClock = hub.BreakClock{Event: "BreakPaused", Remaining: 75 * time.Minute, ReceivedAt: t0}
			},
			now:  t0.Add(time.Hour),
			want: components.SlotView{Kind: "break", Text: "1:15:00", RemainingMS: 4500000, AnchorMS: ms},
		},
		{
			name: "interruption: a stop sign, no countdown",
			edit: func(f *hub.FOP) {
				breakState("INTERRUPTION", "TECHNICAL", "")(f)
				f.BreakClock = hub.BreakClock{Event: "BreakStarted", Indefinite: true, ReceivedAt: t0}
			},
			want: components.SlotView{Kind: "stop", Label: "Competition paused"},
		},
		{
			name: "introduction of athletes: no clock",
			edit: breakState("CEREMONY", "FIRST_SNATCH", "INTRODUCTION"),
			want: components.SlotView{},
		},
		{
			name: "session done: no clock",
			edit: func(f *hub.FOP) { f.SessionDone = true },
			want: components.SlotView{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.Lifting("A")
			tt.edit(f)
			r := board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil)
			r.Now = tt.now
			if diff := gocmp.Diff(tt.want, board.Slot(r)); diff != "" {
				t.Errorf("Slot (-want +got):\n%s", diff)
			}
		})
	}
}
