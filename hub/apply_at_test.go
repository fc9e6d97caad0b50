package hub

import (
	"testing"
	"time"
)

// ApplyAt anchors clocks and UpdatedAt to the given time, not to the hub's clock: a replica
// applies frames with the time the ingest received them.
func TestApplyAtAnchorsToTheGivenTime(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	h := New(Options{Now: func() time.Time { return now }})
	at := now.Add(-3 * time.Second)
	timer := []byte(`{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000"}`)
	if _, err := h.ApplyAt(MessageTimer, timer, at); err != nil {
		t.Fatal(err)
	}
	f := h.Snapshot().FOP("A")
	if !f.UpdatedAt.Equal(at) {
		t.Errorf("UpdatedAt = %v, want %v", f.UpdatedAt, at)
	}
	then := New(Options{Now: func() time.Time { return at }})
	if _, err := then.Apply(MessageTimer, timer); err != nil {
		t.Fatal(err)
	}
	if got, want := f.Clock, then.Snapshot().FOP("A").Clock; got != want {
		t.Errorf("clock applied as of %v: %+v; applied then: %+v", at, got, want)
	}
	// A zero time is now.
	if _, err := h.ApplyAt(MessageTimer, []byte(`{"fopName":"B","athleteTimerEventType":"StopTime","athleteMillisRemaining":"5000"}`), time.Time{}); err != nil {
		t.Fatal(err)
	}
	if got := h.Snapshot().FOP("B").UpdatedAt; !got.Equal(now) {
		t.Errorf("zero time: UpdatedAt = %v, want now %v", got, now)
	}
}
