package owlcms

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestSilentPeerIsClosed: an OWLCMS that stops answering pings (a pulled cable, a dead Wi-Fi:
// the TCP connection stays half-open) is closed, so the hub and the boards learn it is gone.
func TestSilentPeerIsClosed(t *testing.T) {
	h := newRealHub()
	hs := newHarness(t, h, Options{PingInterval: 50 * time.Millisecond, PingTimeout: 100 * time.Millisecond})
	hs.dial("") // never reads: the library answers pings only inside a Read
	waitFor(t, "the connection registered", func() bool { return len(h.Snapshot().Sources) == 1 })
	waitFor(t, "the silent connection dropped", func() bool { return len(h.Snapshot().Sources) == 0 })
	if !strings.Contains(hs.logs.String(), "owlcms stopped answering pings") {
		t.Errorf("no log line says why: %s", hs.logs.String())
	}
}

// TestAnsweringPeerStays: a client that reads (and so answers pings) keeps its connection over
// many ping intervals.
func TestAnsweringPeerStays(t *testing.T) {
	h := newRealHub()
	hs := newHarness(t, h, Options{PingInterval: 20 * time.Millisecond, PingTimeout: time.Second})
	c := hs.dial("")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for {
			if _, _, err := c.ws.Read(ctx); err != nil {
				return
			}
		}
	}()
	time.Sleep(300 * time.Millisecond) // ~15 pings
	if n := len(h.Snapshot().Sources); n != 1 {
		t.Fatalf("%d sources, want the answering connection kept", n)
	}
}
