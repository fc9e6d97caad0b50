package hub

import (
	"testing"
	"time"
)

func TestAthleteClockAnchoredAtReceipt(t *testing.T) {
	h, clk := newTestHub(t)
	// OWLCMS's host clock says 1970: it must not matter.
	mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","athleteStartTimeMillis":"1000","timeAllowed":"60000"}`)
	start := clk.now()
	clk.advance(5 * time.Second)
	c := h.Snapshot().FOP("A").Clock
	if got := c.RemainingAt(clk.now()); got != 55*time.Second {
		t.Errorf("5 s after StartTime: %v", got)
	}
	if got := c.RemainingAt(start.Add(2 * time.Minute)); got != 0 {
		t.Errorf("never below zero: %v", got)
	}

	// An update carries the clock recomputed to "now" by OWLCMS: re-anchor on it.
	clk.advance(5 * time.Second)
	mustApply(t, h, MessageUpdate, `{"fop":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":50000}`)
	clk.advance(time.Second)
	if got := h.Snapshot().FOP("A").Clock.RemainingAt(clk.now()); got != 49*time.Second {
		t.Errorf("after a re-anchoring update: %v", got)
	}

	// An update without timer fields keeps the running anchor.
	clk.advance(time.Second)
	mustApply(t, h, MessageUpdate, `{"fop":"A","weight":"100"}`)
	if got := h.Snapshot().FOP("A").Clock.RemainingAt(clk.now()); got != 48*time.Second || !h.Snapshot().FOP("A").Clock.Running {
		t.Errorf("update without clock fields: %v", got)
	}

	// StopTime freezes.
	mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StopTime","athleteMillisRemaining":48000}`)
	clk.advance(10 * time.Second)
	if c := h.Snapshot().FOP("A").Clock; c.Running || c.RemainingAt(clk.now()) != 48*time.Second {
		t.Errorf("stopped clock moved: %+v", c)
	}
	// StopTime without a value (older builds) freezes where it is.
	mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":30000}`)
	clk.advance(4 * time.Second)
	mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StopTime"}`)
	clk.advance(4 * time.Second)
	if got := h.Snapshot().FOP("A").Clock.RemainingAt(clk.now()); got != 26*time.Second {
		t.Errorf("valueless StopTime: %v", got)
	}
}

func TestBreakClock(t *testing.T) {
	h, clk := newTestHub(t)
	mustApply(t, h, MessageTimer, `{"fopName":"A","breakTimerEventType":"BreakStarted","breakMillisRemaining":"600000","breakStartTimeMillis":"5","indefiniteBreak":"false","breakType":"FIRST_SNATCH"}`)
	clk.advance(30 * time.Second)
	bc := h.Snapshot().FOP("A").BreakClock
	if !bc.Running || bc.RemainingAt(clk.now()) != 9*time.Minute+30*time.Second {
		t.Errorf("running break %+v", bc)
	}
	// BreakPaused carries no remaining time: freeze where it is.
	mustApply(t, h, MessageTimer, `{"fopName":"A","breakTimerEventType":"BreakPaused"}`)
	clk.advance(time.Minute)
	bc = h.Snapshot().FOP("A").BreakClock
	if bc.Running || bc.RemainingAt(clk.now()) != 9*time.Minute+30*time.Second {
		t.Errorf("paused break %+v", bc)
	}
	// Indefinite breaks have no countdown.
	mustApply(t, h, MessageTimer, `{"fopName":"A","breakTimerEventType":"BreakStarted","breakMillisRemaining":null,"indefiniteBreak":true}`)
	if bc = h.Snapshot().FOP("A").BreakClock; bc.Running || !bc.Indefinite {
		t.Errorf("indefinite break %+v", bc)
	}
	// Break done.
	mustApply(t, h, MessageUpdate, `{"fop":"A","uiEvent":"BreakDone","breakTimerEventType":""}`)
	if bc = h.Snapshot().FOP("A").BreakClock; bc.Running || bc.Event != "" {
		t.Errorf("break done %+v", bc)
	}
}
