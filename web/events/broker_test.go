package events

import (
	"net/http"
	"testing"
)

func TestStreamFor(t *testing.T) {
	for fop, want := range map[string]string{"": GlobalStream, "A": "fop:A", "global": "fop:global"} {
		if got := StreamFor(fop); got != want {
			t.Errorf("StreamFor(%q) = %q, want %q", fop, got, want)
		}
	}
}

func TestPublishRoutesToItsPlatform(t *testing.T) {
	f := newFixture(t, Options{})
	a := f.connect(t, "/events/A")
	b := f.connect(t, "/events/B")
	g := f.connect(t, "/events")

	f.b.Publish("A", EventData, 7)
	if got := a.next(t); got != (frame{Event: "data", Data: "v=7"}) {
		t.Fatalf("A got %v, want data v=7", got)
	}

	// Streams are ordered: had B or global received A's event, it would come before this one.
	f.b.PublishAll(EventReload, 8)
	for name, v := range map[string]*viewer{"A": a, "B": b, "global": g} {
		if got := v.next(t); got != (frame{Event: "reload", Data: "v=8"}) {
			t.Errorf("%s got %v, want reload v=8", name, got)
		}
	}

	f.b.Publish("", EventLink, 9) // the global stream only
	f.b.Publish("B", EventLive, 10)
	if got := g.next(t); got != (frame{Event: "link", Data: "v=9"}) {
		t.Errorf("global got %v, want link v=9", got)
	}
	if got := b.next(t); got != (frame{Event: "live", Data: "v=10"}) {
		t.Errorf("B got %v, want live v=10", got)
	}
}

func TestNoReplay(t *testing.T) {
	f := newFixture(t, Options{})
	early := f.connect(t, "/events/A")
	for v := uint64(1); v <= 3; v++ {
		f.b.Publish("A", EventData, v)
	}
	// Once the early viewer has v=3, the stream has dispatched everything before it, so the
	// late viewer can only get old events through replay.
	early.expect(t, EventData, 3)

	late := f.connect(t, "/events/A")
	f.b.Publish("A", EventLive, 99)
	if got := late.next(t); got != (frame{Event: "live", Data: "v=99"}) {
		t.Fatalf("late viewer got %v first, want live v=99", got)
	}
}

func TestEnsureHonoursMaxStreams(t *testing.T) {
	f := newFixture(t, Options{MaxStreams: 2})
	for _, fop := range []string{"A", "B", "A"} {
		if !f.b.Ensure(fop) {
			t.Fatalf("Ensure(%q) = false under the cap", fop)
		}
	}
	if f.b.Ensure("C") {
		t.Fatal("Ensure(C) = true beyond MaxStreams")
	}
	if code := f.status(t, "/events/C"); code != http.StatusNotFound {
		t.Errorf("GET /events/C = %d, want 404", code)
	}
	f.connect(t, "/events/A")
	f.connect(t, "/events") // the global stream does not count

	f.b.Publish("C", EventData, 1) // no stream: dropped, not created
	got := f.b.Viewers()
	for _, id := range []string{GlobalStream, "fop:A", "fop:B"} {
		if _, ok := got[id]; !ok || len(got) != 3 {
			t.Errorf("Viewers() = %v, want exactly global, fop:A, fop:B", got)
		}
	}
	waitFor(t, "viewer counts", func() bool {
		v := f.b.Viewers()
		return v[GlobalStream] == 1 && v["fop:A"] == 1 && v["fop:B"] == 0
	})
}

func TestServeStreamCreatesUnderCap(t *testing.T) {
	f := newFixture(t, Options{})
	v := f.connect(t, "/events/New%20Platform")
	f.b.Publish("New Platform", EventData, 3)
	v.expect(t, EventData, 3)
}

func TestLastEventIDIgnored(t *testing.T) {
	f := newFixture(t, Options{})
	resp := f.get(t, "/events/A", http.Header{"Last-Event-Id": {"not-a-number"}})
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %s, want 200 (r3labs answers 400 to a non-numeric Last-Event-ID)", resp.Status)
	}
	if got := resp.Header.Get("X-Accel-Buffering"); got != "no" {
		t.Errorf("X-Accel-Buffering = %q, want no", got)
	}
}

func TestBadEventNameRefused(t *testing.T) {
	f := newFixture(t, Options{})
	v := f.connect(t, "/events/A")
	f.b.Publish("A", "data\ndata: injected", 1)
	f.b.Publish("A", "", 2)
	f.b.Publish("A", EventData, 3)
	if got := v.next(t); got != (frame{Event: "data", Data: "v=3"}) {
		t.Fatalf("got %v, want data v=3", got)
	}
}

// TestCounts: events handed to a stream are counted as published, events to a platform that
// has no stream as dropped.
func TestCounts(t *testing.T) {
	f := newFixture(t, Options{MaxStreams: 1})
	a := f.connect(t, "/events/A")
	f.b.Publish("A", EventData, 1)
	a.expect(t, EventData, 1)
	f.b.Publish("B", EventData, 2) // over MaxStreams: B has no stream
	if p, d := f.b.Counts(); p != 1 || d != 1 {
		t.Errorf("Counts = %d published, %d dropped; want 1, 1", p, d)
	}
}
