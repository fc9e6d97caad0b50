package sim

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/owlcms/tracker/hub"
)

// The introduction of the athletes runs during the countdown to the first snatch: OWLCMS's
// CeremonyStarted update (mode CEREMONY, the countdown going on), then CeremonyDone; a hub fed
// them has the introduction under way, then the countdown again.
func TestIntroductionLikeOWLCMS(t *testing.T) {
	s, p := simFor(t)
	s.startCountdown(p, string(hub.BreakFirstSnatch), time.Minute)
	_ = framesOf(t, s.link)
	h := hub.New(hub.Options{Logger: quiet})
	apply := func(f map[string]any) {
		t.Helper()
		delete(f, "_type")
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.Apply(hub.MessageUpdate, b); err != nil {
			t.Fatal(err)
		}
	}
	if !s.introduction(context.Background(), p, time.Minute) {
		t.Fatal("introduction interrupted")
	}
	fr := framesOf(t, s.link)
	if len(fr) != 2 {
		t.Fatalf("introduction frames %v", fr)
	}
	start, done := fr[0], fr[1]
	if start["ceremonyType"] != "INTRODUCTION" || start["ceremonyEventType"] != "ceremonyStarted" || start["uiEvent"] != "CeremonyStarted" ||
		start["breakType"] != "FIRST_SNATCH" || start["mode"] != "CEREMONY" || start["breakTimerEventType"] != "BreakStarted" {
		t.Errorf("introduction start %v", start)
	}
	apply(start)
	f := h.Snapshot().FOP(p.Name)
	if f.CeremonyUnderWay() != hub.CeremonyIntroduction || f.BoardMode() != hub.ModeCeremony {
		t.Errorf("during the introduction: ceremony %q, mode %s", f.CeremonyUnderWay(), f.BoardMode())
	}
	if done["ceremonyType"] != "INTRODUCTION" || done["ceremonyEventType"] != "ceremonyDone" || done["breakType"] != "FIRST_SNATCH" {
		t.Errorf("introduction done %v", done)
	}
	apply(done)
	f = h.Snapshot().FOP(p.Name)
	if f.CeremonyUnderWay() != "" || f.BoardMode() != hub.ModeLiftCountdown {
		t.Errorf("after the introduction: ceremony %q, mode %s", f.CeremonyUnderWay(), f.BoardMode())
	}
}
