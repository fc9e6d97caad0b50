package hub

import (
	"testing"
	"time"
)

func TestRefusalsAreKeptCountedAndCleared(t *testing.T) {
	h := New(Options{})
	sub := h.Subscribe()
	defer sub.Close()

	h.ReportRefusal(Refusal{Key: "too-big:pictures_zip", Resource: ResourcePictures, Reason: "pictures are too large"})
	h.ReportRefusal(Refusal{Key: "auth", Reason: "wrong key"})
	h.ReportRefusal(Refusal{Key: "auth", Reason: "wrong key"})
	got := h.Refusals()
	if len(got) != 2 || got[0].Key != "auth" || got[0].Count != 2 || got[1].Resource != ResourcePictures || got[1].At.IsZero() {
		t.Fatalf("refusals: %+v", got)
	}
	statusChanges := 0
	for _, ch := range sub.Take() {
		if ch.Kind == ChangeStatus {
			statusChanges++
		}
	}
	if statusChanges == 0 {
		t.Fatal("the status page was not told")
	}

	h.ClearRefusal("auth")
	if got := h.Refusals(); len(got) != 1 || got[0].Key != "too-big:pictures_zip" {
		t.Fatalf("after clear: %+v", got)
	}
	for i := range maxRefusals + 10 {
		h.ReportRefusal(Refusal{Key: string(rune('a' + i)), Reason: "x", At: time.Unix(1, 0)})
	}
	if n := len(h.Refusals()); n != maxRefusals {
		t.Fatalf("%d refusals kept, want the cap %d", n, maxRefusals)
	}
}
