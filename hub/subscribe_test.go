package hub

import (
	"slices"
	"testing"
)

func TestSubscriptionCoalescesWithoutLoss(t *testing.T) {
	h, _ := newTestHub(t)
	sub := h.Subscribe()
	defer sub.Close()

	// Many messages, nobody reading: the hub must not block, and the last versions survive.
	for range 1000 {
		mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`)
	}
	mustApply(t, h, MessageUpdate, `{"fop":"B","weight":"1"}`)
	<-sub.C()
	got := sub.Take()
	s := h.Snapshot()
	want := []Change{
		{Kind: ChangeFOPData, FOP: "A", Version: s.FOP("A").DataVersion},
		{Kind: ChangeFOPData, FOP: "B", Version: s.FOP("B").DataVersion},
		{Kind: ChangeFOPLive, FOP: "A", Version: s.FOP("A").LiveVersion},
		{Kind: ChangeFOPLive, FOP: "B", Version: s.FOP("B").LiveVersion},
		{Kind: ChangeStatus, Version: s.StatusVersion},
	}
	var filtered []Change
	for _, c := range got {
		if c.Kind != ChangeNeeds {
			filtered = append(filtered, c)
		}
	}
	if !slices.Equal(filtered, want) {
		t.Errorf("got  %+v\nwant %+v", filtered, want)
	}
	if more := sub.Take(); more != nil {
		t.Errorf("Take must drain: %+v", more)
	}
	select {
	case <-sub.C():
		t.Error("stale wake-up after Take drained everything") // allowed to be absent only
	default:
	}
}

func TestSubscriptionClose(t *testing.T) {
	h, _ := newTestHub(t)
	sub := h.Subscribe()
	sub.Close()
	mustApply(t, h, MessageUpdate, `{"fop":"A"}`)
	if got := sub.Take(); got != nil {
		t.Errorf("closed subscription got %+v", got)
	}
}

func TestChangeKindString(t *testing.T) {
	if ChangeFOPLive.String() != "fop-live" || ChangeKind(99).String() != "unknown" {
		t.Error(ChangeFOPLive.String())
	}
}
