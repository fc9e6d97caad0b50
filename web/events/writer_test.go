package events

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
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
