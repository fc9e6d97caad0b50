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
