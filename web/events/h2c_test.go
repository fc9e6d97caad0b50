package events

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// newH2CFixture is newFixture speaking HTTP/2 without TLS, as a proxy with h2_backend speaks
// to the tracker.
func newH2CFixture(t *testing.T, o Options) *fixture {
	t.Helper()
	if o.Logger == nil {
		o.Logger = discard
	}
	b := New(o)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /events/{fop}", func(w http.ResponseWriter, r *http.Request) {
		if r.ProtoMajor != 2 {
			http.Error(w, "want HTTP/2", http.StatusHTTPVersionNotSupported)
			return
		}
		b.ServeStream(w, r, r.PathValue("fop"))
	})
	var p http.Protocols
	p.SetUnencryptedHTTP2(true)
	ts := httptest.NewUnstartedServer(mux)
	ts.Config.Protocols = &p
	ts.Start()
	client := &http.Client{Transport: &http.Transport{Protocols: &p}}
	t.Cleanup(ts.Close)
	t.Cleanup(client.CloseIdleConnections)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), guard)
		defer cancel()
		if err := b.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return &fixture{b: b, ts: ts, client: client}
}

// TestQuietStreamStaysOpenOverHTTP2: over HTTP/2, net/http resets a stream when its write
// deadline passes, written to or not. A stream quiet for longer than WriteTimeout (during a
// break only heartbeats come, further apart than that) must still be open for the next event.
func TestQuietStreamStaysOpenOverHTTP2(t *testing.T) {
	const timeout = 100 * time.Millisecond
	f := newH2CFixture(t, Options{WriteTimeout: timeout, Heartbeat: time.Hour})
	v := f.connect(t, "/events/A")
	f.b.Publish("A", EventData, 1)
	v.expect(t, EventData, 1)
	time.Sleep(5 * timeout) // quiet: the deadline of the last write would have passed
	f.b.Publish("A", EventData, 2)
	v.expect(t, EventData, 2)
}
