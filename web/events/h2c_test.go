package events

import (
	"net/http"
	"testing"
	"time"
)

// TestQuietStreamStaysOpenOverHTTP2: over HTTP/2, net/http resets a stream when its write
// deadline passes, written to or not. A stream quiet for longer than WriteTimeout (during a
// break only heartbeats come, further apart than that) must still be open for the next event.
func TestQuietStreamStaysOpenOverHTTP2(t *testing.T) {
	const timeout = 100 * time.Millisecond
	var p http.Protocols
	p.SetUnencryptedHTTP2(true)
	f := startFixture(t, Options{WriteTimeout: timeout, Heartbeat: time.Hour}, &p)
	v := f.connect(t, "/events/A")
	f.b.Publish("A", EventData, 1)
	v.expect(t, EventData, 1)
	time.Sleep(5 * timeout) // quiet: the deadline of the last write would have passed
	f.b.Publish("A", EventData, 2)
	v.expect(t, EventData, 2)
}
