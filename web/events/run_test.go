package events

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/owlcms/tracker/hub"
)

func startRun(t *testing.T, b *Broker, h *hub.Hub) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.Run(ctx, h)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

func apply(t *testing.T, h *hub.Hub, mt hub.MessageType, payload string) hub.ApplyResult {
	t.Helper()
	r, err := h.Apply(mt, []byte(payload))
	if err != nil {
		t.Fatalf("Apply(%s, %s): %v", mt, payload, err)
	}
	return r
}

func TestRunMapsHubChanges(t *testing.T) {
	f := newFixture(t, Options{})
	h := hub.New(hub.Options{Logger: discard})
	apply(t, h, hub.MessageUpdate, `{"fop":"Red","sessionName":"M1"}`)
	startRun(t, f.b, h)
	// Red was in the snapshot when Run started.
	waitFor(t, "Red's stream", func() bool { _, ok := f.b.Viewers()["fop:Red"]; return ok })

	red := f.connect(t, "/events/Red")
	glob := f.connect(t, "/events")

	if r := apply(t, h, hub.MessageUpdate, `{"fop":"Red","sessionName":"M2"}`); !r.DataChanged {
		t.Fatalf("update changed no data: %+v", r)
	}
	red.expect(t, EventData, h.Snapshot().FOP("Red").DataVersion)

	// An update that changes the athletes and the mode at once: one event, the data one,
	// which the elements that follow live events follow too.
	if r := apply(t, h, hub.MessageUpdate, `{"fop":"Red","sessionName":"M3","mode":"INTERRUPTION"}`); !r.DataChanged || !r.LiveChanged {
		t.Fatalf("update changed only one part: %+v", r)
	}
	red.expect(t, EventData, h.Snapshot().FOP("Red").DataVersion)
	// and then nothing: the next event is the timer's.

	timer := `{"fopName":"Red","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000"}`
	if r := apply(t, h, hub.MessageTimer, timer); !r.LiveChanged {
		t.Fatalf("timer changed nothing live: %+v", r)
	}
	if fr, want := red.next(t), (frame{Event: EventLive, Data: fmt.Sprintf("v=%d", h.Snapshot().FOP("Red").LiveVersion)}); fr != want {
		t.Errorf("after the data event: %v, want the timer's %v alone", fr, want)
	}

	if _, err := h.LoadTranslationsJSON([]byte(`{"en":{"Start":"Start"}}`)); err != nil {
		t.Fatal(err)
	}
	v := h.Snapshot().TranslationsVersion
	red.expect(t, EventReload, v)
	glob.expect(t, EventReload, v)

	h.SourceConnected("192.0.2.1:1234", "/ws")
	v = h.Snapshot().StatusVersion
	red.expect(t, EventLink, v) // OWLCMS came: boards drop their "not connected" mark
	glob.expect(t, EventLink, v)

	// A platform that appears later gets its stream from the change itself, and the global
	// stream hears of it (pages opened before it existed wait there).
	apply(t, h, hub.MessageUpdate, `{"fop":"Blue","sessionName":"B1"}`)
	waitFor(t, "Blue's stream", func() bool { _, ok := f.b.Viewers()["fop:Blue"]; return ok })
	if fr := glob.next(t); fr.Event != EventReload {
		t.Errorf("global stream after a new platform: %v, want a %s event", fr, EventReload)
	}
}

func TestRunSendsHeartbeat(t *testing.T) {
	f := newFixture(t, Options{Heartbeat: 20 * time.Millisecond})
	startRun(t, f.b, hub.New(hub.Options{Logger: discard}))
	g := f.connect(t, "/events")
	select {
	case fr := <-g.frames:
		if fr != (frame{Comment: "hb"}) {
			t.Fatalf("got %v, want the hb comment", fr)
		}
	case <-g.done:
		t.Fatal("stream ended")
	case <-time.After(guard):
		t.Fatal("no heartbeat")
	}
}

func TestRunSurvivesPanic(t *testing.T) {
	f := newFixture(t, Options{})
	f.b.safely("test", func() { panic("boom") }) // logged, not propagated
	h := hub.New(hub.Options{Logger: discard})
	startRun(t, f.b, h)
	g := f.connect(t, "/events")
	h.SourceConnected("192.0.2.1:1234", "/ws")
	g.expect(t, EventLink, h.Snapshot().StatusVersion)
}

// TestRunAnnouncesLinkChangesOnly: the link event goes out when OWLCMS connects or the last
// connection goes, not for every status change (every OWLCMS message is one).
func TestRunAnnouncesLinkChangesOnly(t *testing.T) {
	f := newFixture(t, Options{})
	h := hub.New(hub.Options{Logger: discard})
	startRun(t, f.b, h)
	g := f.connect(t, "/events")

	link := func() frame { return frame{Event: EventLink, Data: fmt.Sprintf("v=%d", h.Snapshot().StatusVersion)} }
	a := h.SourceConnected("192.0.2.1:1234", "/ws")
	if fr, want := g.next(t), link(); fr != want {
		t.Errorf("OWLCMS connected: %v, want %v", fr, want)
	}
	b := h.SourceConnected("192.0.2.2:1234", "/ws") // a second connection: still linked
	h.SourceDisconnected(a)
	h.SourceDisconnected(b)                        // the last one: boards mark themselves
	if fr, want := g.next(t), link(); fr != want { // and nothing before it
		t.Errorf("the last connection gone: %v, want %v", fr, want)
	}
}
