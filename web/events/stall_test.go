package events

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// stalledViewer sends a stream request on a raw TCP connection and never reads the answer,
// like a TV whose Wi-Fi died without a FIN.
func stalledViewer(t *testing.T, f *fixture, path string) {
	t.Helper()
	conn, err := net.Dial("tcp", f.ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.Write([]byte("GET " + path + " HTTP/1.1\r\nHost: tracker\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
}

// bigEvent makes each event a few KiB, so that a viewer that does not read fills the socket
// buffers after a few hundred events instead of a few hundred thousand.
var bigEvent = strings.Repeat("x", 4096)

func TestStalledViewerIsDropped(t *testing.T) {
	f := newFixture(t, Options{WriteTimeout: 200 * time.Millisecond})
	healthy := f.connect(t, "/events/A")
	stalledViewer(t, f, "/events/A")
	waitFor(t, "two viewers on A", func() bool { return f.b.Viewers()["fop:A"] == 2 })

	// The healthy viewer reads everything; it reports when it sees the final marker.
	const final = 1 << 40
	gotFinal := make(chan struct{})
	go func() {
		for {
			select {
			case fr := <-healthy.frames:
				if fr == (frame{Event: EventData, Data: "v=1099511627776"}) {
					close(gotFinal)
					return
				}
			case <-healthy.done:
				return
			}
		}
	}()

	// Publish until r3labs drops the stalled viewer. With a blocking Publish (hazard 6) this
	// loop would never end; the guard turns that into a failure.
	loop := make(chan bool)
	go func() {
		deadline := time.Now().Add(guard)
		for v := uint64(1); time.Now().Before(deadline); v++ {
			if f.b.Viewers()["fop:A"] == 1 {
				loop <- true
				return
			}
			f.b.Publish("A", bigEvent, v)
			time.Sleep(time.Millisecond)
		}
		loop <- false
	}()
	select {
	case dropped := <-loop:
		if !dropped {
			t.Fatal("the stalled viewer was never dropped")
		}
	case <-time.After(2 * guard):
		t.Fatal("Publish blocked")
	}

	// The stream works again: the healthy viewer gets the newest event. TryPublish may drop it
	// while the queue drains, so repeat it until it arrives.
	timeout := time.After(guard)
	for {
		f.b.Publish("A", EventData, final)
		select {
		case <-gotFinal:
			if !isOpen(healthy) {
				t.Fatal("healthy viewer was dropped too")
			}
			return
		case <-healthy.done:
			t.Fatal("healthy viewer's stream ended")
		case <-timeout:
			t.Fatal("healthy viewer never got the final event")
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func isOpen(v *viewer) bool {
	select {
	case <-v.done:
		return false
	default:
		return true
	}
}

// A viewer stalled in the middle of a write does not hold Close for WriteTimeout.
func TestCloseCutsStalledWrite(t *testing.T) {
	f := newFixture(t, Options{WriteTimeout: time.Hour})
	stalledViewer(t, f, "/events/A")
	waitFor(t, "the stalled viewer", func() bool { return f.b.Viewers()["fop:A"] == 1 })
	// About 8 MiB: more than loopback buffers hold, so the handler ends up blocked in a write.
	for v := uint64(1); v <= 2000; v++ {
		f.b.Publish("A", bigEvent, v)
		time.Sleep(200 * time.Microsecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	if err := f.b.Close(ctx); err != nil {
		t.Fatalf("Close: %v (a stalled write was not cut)", err)
	}
}
