package events

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// failingWriter fails every write after the first n.
type failingWriter struct {
	*httptest.ResponseRecorder
	n, writes int
}

func (w *failingWriter) Write(p []byte) (int, error) {
	w.writes++
	if w.writes > w.n {
		return 0, errors.New("broken pipe")
	}
	return w.ResponseRecorder.Write(p)
}

func TestDeadlineWriterCancelsOnFirstError(t *testing.T) {
	fw := &failingWriter{ResponseRecorder: httptest.NewRecorder(), n: 1}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newDeadlineWriter(fw, 0, cancel)
	if _, ok := any(w).(http.Flusher); !ok {
		t.Fatal("deadlineWriter is not an http.Flusher; r3labs would refuse to stream")
	}
	if _, err := w.Write([]byte("ok")); err != nil {
		t.Fatalf("first write: %v", err)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Fatal("second write succeeded")
	}
	if ctx.Err() == nil {
		t.Fatal("write error did not cancel the connection")
	}
	if _, err := w.Write([]byte("y")); err == nil || fw.writes != 2 {
		t.Fatalf("a write after the error reached the connection (writes=%d, err=%v)", fw.writes, err)
	}
	w.Flush() // must not panic
}

func TestDeadlineWriterAbort(t *testing.T) {
	rec := httptest.NewRecorder()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newDeadlineWriter(rec, 0, cancel)
	w.abort()
	if _, err := w.Write([]byte("x")); !errors.Is(err, errAborted) || rec.Body.Len() != 0 {
		t.Fatalf("write after abort: err=%v body=%q", err, rec.Body.String())
	}
	if ctx.Err() == nil {
		t.Fatal("abort did not cancel")
	}
}

// deadlineRecorder is a ResponseWriter that can take write deadlines, as a connection's can,
// and records them.
type deadlineRecorder struct {
	*httptest.ResponseRecorder
	set []time.Time
}

func (w *deadlineRecorder) SetWriteDeadline(t time.Time) error {
	w.set = append(w.set, t)
	return nil
}

// writeEvent writes one event as r3labs does: four pieces, then a flush.
func writeEvent(t *testing.T, w *deadlineWriter) {
	t.Helper()
	for _, p := range []string{"id: \n", "data: v\n", "event: data\n", "\n"} {
		if _, err := w.Write([]byte(p)); err != nil {
			t.Fatalf("write: %v", err)
		}
	}
	w.Flush()
}

// TestDeadlineWriterMovesTheDeadlineLazily: the deadline is set once for many events written
// close together (r3labs writes each in four pieces and a flush), moved WriteTimeout ahead once
// less than half of it is left, and set again before a write after a long quiet spell, when
// the last one has passed (a write then would fail at once).
func TestDeadlineWriterMovesTheDeadlineLazily(t *testing.T) {
	rec := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
	_, cancel := context.WithCancel(context.Background())
	defer cancel()
	const timeout = 10 * time.Second
	w := newDeadlineWriter(rec, timeout, cancel)
	clock := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	w.now = func() time.Time { return clock }
	event := func() { t.Helper(); writeEvent(t, w) }
	start := clock
	for range 10 { // ten events in 4 s
		event()
		clock = clock.Add(400 * time.Millisecond)
	}
	if len(rec.set) != 1 || !rec.set[0].Equal(start.Add(timeout)) {
		t.Fatalf("deadlines set for ten events in 4 s: %v, want one, at %v", rec.set, start.Add(timeout))
	}
	clock = start.Add(timeout/2 + time.Millisecond) // less than half left
	event()
	if len(rec.set) != 2 || !rec.set[1].Equal(clock.Add(timeout)) {
		t.Fatalf("deadlines once less than half is left: %v, want a second at %v", rec.set, clock.Add(timeout))
	}
	clock = clock.Add(time.Minute) // a quiet minute: the deadline has passed
	event()
	if len(rec.set) != 3 || !rec.set[2].Equal(clock.Add(timeout)) {
		t.Fatalf("deadlines after a quiet minute: %v, want a third at %v", rec.set, clock.Add(timeout))
	}
}

// TestDeadlineWriterClearsTheDeadlineWhereItCutsIdleStreams: where a passing deadline cuts an
// idle stream (HTTP/2), each event sets one before its writes and clears it after its flush.
func TestDeadlineWriterClearsTheDeadlineWhereItCutsIdleStreams(t *testing.T) {
	rec := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
	_, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newDeadlineWriter(rec, 10*time.Second, cancel)
	w.idleCut = true
	for range 2 {
		writeEvent(t, w)
	}
	if len(rec.set) != 4 || rec.set[0].IsZero() || !rec.set[1].IsZero() || rec.set[2].IsZero() || !rec.set[3].IsZero() {
		t.Fatalf("deadlines for two events: %v, want set, cleared, set, cleared", rec.set)
	}
}
