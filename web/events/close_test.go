package events

import (
	"context"
	"net/http"
	"testing"
	"time"
)

func TestCloseEndsStreams(t *testing.T) {
	f := newFixture(t, Options{})
	viewers := []*viewer{f.connect(t, "/events/A"), f.connect(t, "/events/A"), f.connect(t, "/events")}
	waitFor(t, "viewers", func() bool { return f.b.Viewers()["fop:A"] == 2 && f.b.Viewers()[GlobalStream] == 1 })

	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	if err := f.b.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	for i, v := range viewers {
		select {
		case <-v.done:
		case <-time.After(guard):
			t.Fatalf("viewer %d: stream did not end", i)
		}
	}
	if err := f.b.Close(ctx); err != nil {
		t.Errorf("second Close: %v", err)
	}
	for _, path := range []string{"/events", "/events/A", "/events/Z"} {
		if code := f.status(t, path); code != http.StatusServiceUnavailable {
			t.Errorf("GET %s after Close = %d, want 503", path, code)
		}
	}
	if f.b.Ensure("Z") {
		t.Error("Ensure created a stream after Close")
	}
	f.b.Publish("A", EventData, 1) // no-ops, no panic
	f.b.PublishAll(EventReload, 2)
	f.b.heartbeat()
}

func TestCloseHonoursContext(t *testing.T) {
	f := newFixture(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// An already cancelled context may win the race with the handlers: either answer is fine,
	// and the broker still finishes closing in the background (the fixture's Close waits).
	if err := f.b.Close(ctx); err != nil && err != context.Canceled {
		t.Fatalf("Close: %v", err)
	}
}
