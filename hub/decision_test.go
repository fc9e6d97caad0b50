package hub

import (
	"testing"
	"time"
)

func TestClockStartClearsTheDecision(t *testing.T) {
	h, clk := newTestHub(t)
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decisionsVisible":"true","down":"false"}`)
	if d := h.Snapshot().FOP("A").Decision; !d.Visible || d.Lights != [3]Light{LightGood, LightGood, LightBad} {
		t.Fatalf("lights not shown: %+v", d)
	}
	clk.advance(time.Second)
	mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000"}`)
	if d := h.Snapshot().FOP("A").Decision; d.Visible || d.Down || d.Lights != [3]Light{} || d.Event != "" {
		t.Errorf("the clock started but the lights stay: %+v", d)
	}
	// An update from a build that copies the last decision map must not bring them back.
	mustApply(t, h, MessageUpdate, `{"fop":"A","uiEvent":"LiftingOrderUpdated","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decisionsVisible":"true"}`)
	if d := h.Snapshot().FOP("A").Decision; d.Visible || d.Lights != [3]Light{} {
		t.Errorf("a stale decision copy in an update brought the lights back: %+v", d)
	}
	// Stopping or setting the clock does not touch a decision.
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`)
	mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StopTime","athleteMillisRemaining":"41000"}`)
	if d := h.Snapshot().FOP("A").Decision; !d.Down {
		t.Errorf("StopTime cleared the down signal: %+v", d)
	}
}

func TestDownSignalTime(t *testing.T) {
	h, clk := newTestHub(t)
	start := clk.now()
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`)
	clk.advance(400 * time.Millisecond)
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"true","decisionsVisible":"true","down":"false"}`)
	clk.advance(time.Second)
	mustApply(t, h, MessageUpdate, `{"fop":"A","uiEvent":"LiftingOrderUpdated","weight":"90"}`)
	d := h.Snapshot().FOP("A").Decision
	if !d.DownAt.Equal(start) {
		t.Errorf("DownAt = %v, want the down signal's arrival %v", d.DownAt, start)
	}
	if want := start.Add(400 * time.Millisecond); !d.ReceivedAt.Equal(want) {
		t.Errorf("ReceivedAt = %v, want the full decision's arrival %v (updates do not date it)", d.ReceivedAt, want)
	}
	if !d.Visible || d.Lights != [3]Light{LightGood, LightGood, LightGood} {
		t.Errorf("the lights must stay up through an update until RESET: %+v", d)
	}
}

func TestCeremonyEvent(t *testing.T) {
	h, _ := newTestHub(t)
	mustApply(t, h, MessageUpdate, `{"fop":"A","fopState":"BREAK","break":"true","breakType":"FIRST_SNATCH","ceremonyType":"INTRODUCTION","ceremonyEventType":"ceremonyStarted"}`)
	if f := h.Snapshot().FOP("A"); f.CeremonyType != "INTRODUCTION" || f.CeremonyEvent != "ceremonyStarted" {
		t.Errorf("ceremony %q %q", f.CeremonyType, f.CeremonyEvent)
	}
}

// Every spelling of the initial decision is an initial decision, and never public, even when a
// build says decisionsVisible.
func TestInitialDecisionSpellings(t *testing.T) {
	for _, ev := range []string{"iniitialDecision", "INIITIAL_DECISION", "INITIAL_DECISION"} {
		t.Run(ev, func(t *testing.T) {
			h, _ := newTestHub(t)
			mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"`+ev+`","d1":"false","decisionsVisible":"true"}`)
			d := h.Snapshot().FOP("A").Decision
			if !d.Initial || d.Event != string(DecisionInitial) || d.Visible {
				t.Errorf("initial decision %q: %+v", ev, d)
			}
			if d.Lights != [3]Light{LightBad} {
				t.Errorf("lights %v", d.Lights)
			}
		})
	}
}

// The extras of a referee decision and the details of a jury decision are kept, typed, until
// the next decision message replaces them.
func TestDecisionExtrasAndJuryDetails(t *testing.T) {
	h, _ := newTestHub(t)
	mustApply(t, h, MessageUpdate, `{"fop":"A","uiEvent":"LiftingOrderUpdated","recordKind":"attempt"}`)
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decision":"true","decisionsVisible":"true","timingPolicy":"STANDARD","inputKind":"KEYPAD"}`)
	d := h.Snapshot().FOP("A").Decision
	if d.Overall != LightGood || d.TimingPolicy != "STANDARD" || d.InputKind != "KEYPAD" {
		t.Errorf("decision extras: %+v", d)
	}

	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"JURY_DECISION","juryDecision":"BAD_LIFT","juryReversal":"true",`+
		`"athleteFull":"DOE, Jane","athleteAbbreviated":"DOE J.","waitForAnnouncer":"true","actualLift":"SNATCH","recordKind":"denied"}`)
	want := JuryDetails{AthleteFull: "DOE, Jane", AthleteAbbreviated: "DOE J.", WaitForAnnouncer: true, ActualLift: "SNATCH", RecordKind: "denied"}
	if d := h.Snapshot().FOP("A").Decision; d.Jury != want || d.JuryDecision != "BAD_LIFT" || !d.JuryReversal || d.Overall != LightNone {
		t.Errorf("jury decision: %+v", d)
	}
	// An update in between (with its own recordKind) keeps the jury's details.
	mustApply(t, h, MessageUpdate, `{"fop":"A","uiEvent":"LiftingOrderUpdated","recordKind":"none"}`)
	if d := h.Snapshot().FOP("A").Decision; d.Jury != want {
		t.Errorf("jury details after an update: %+v", d.Jury)
	}
	// The next decision message is not the jury's.
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false"}`)
	if d := h.Snapshot().FOP("A").Decision; d.Jury != (JuryDetails{}) || d.JuryDecision != "" || d.Overall != LightNone {
		t.Errorf("jury details survive a reset: %+v", d)
	}
}

// A medal ceremony update names its target; the next update without one clears it.
func TestCeremonyTarget(t *testing.T) {
	h, _ := newTestHub(t)
	mustApply(t, h, MessageUpdate, `{"fop":"A","uiEvent":"CeremonyStarted","ceremonyEventType":"ceremonyStarted","ceremonyType":"MEDALS",`+
		`"ceremonySession":"M1","ceremonyCategory":"SM 89","ceremonyAgeGroup":"Senior Men","ceremonyChampionship":"Nationals"}`)
	want := CeremonyTarget{Session: "M1", Category: "SM 89", AgeGroup: "Senior Men", Championship: "Nationals"}
	if got := h.Snapshot().FOP("A").Ceremony; got != want {
		t.Errorf("ceremony target %+v", got)
	}
	// A timer during the ceremony keeps it.
	mustApply(t, h, MessageTimer, `{"fopName":"A","breakTimerEventType":"BreakStarted","breakMillisRemaining":60000}`)
	if got := h.Snapshot().FOP("A").Ceremony; got != want {
		t.Errorf("ceremony target after a timer %+v", got)
	}
	mustApply(t, h, MessageUpdate, `{"fop":"A","uiEvent":"CeremonyDone","ceremonyEventType":"ceremonyDone"}`)
	if got := h.Snapshot().FOP("A").Ceremony; got != (CeremonyTarget{}) {
		t.Errorf("ceremony target after the ceremony %+v", got)
	}
}
