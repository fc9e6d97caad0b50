package events

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

// errAborted is returned by the writes of a connection whose context is done.
var errAborted = errors.New("events: connection aborted")

// deadlineWriter bounds how long a write to one viewer may block (hazard 6). r3labs feeds each
// viewer from its stream's goroutine with blocking channel sends, so one viewer that stops
// reading stalls the whole platform, then Publish. Before every Write and Flush the write
// deadline is at least half of WriteTimeout ahead (it is moved WriteTimeout ahead when less is
// left), so a blocked write is cut after WriteTimeout at the most and half of it at the least.
// On the first error it cancels the connection's context, which makes r3labs deregister the
// viewer, and fails every later write at once so that the handler drains what r3labs already
// queued for it without touching the network.
//
// Why not a new deadline before every write: r3labs writes an event in three or four pieces
// and a flush, and a deadline costs a timer update, over HTTP/2 a message to the connection's
// goroutine too. Moved once in WriteTimeout/2, it costs one call in many events instead of
// five in each (docs/performance.md, "Write deadlines moved lazily").
//
// Over HTTP/2 (h2c behind a proxy) a deadline is not only for writes: net/http's HTTP/2 server
// resets the stream when it passes, written to or not. A stream quiet for longer than
// WriteTimeout (a break has only the heartbeat, 15 s apart against 10 s) would be cut and its
// page would reconnect. There the deadline is cleared after each flush: set once before an
// event's writes, cleared once after, two calls an event instead of five (docs/sse.md).
type deadlineWriter struct {
	http.ResponseWriter
	rc       *http.ResponseController
	timeout  time.Duration
	cancel   context.CancelFunc
	err      error     // first write error; only the handler goroutine touches it
	deadline time.Time // the write deadline last set; only the handler goroutine touches it
	now      func() time.Time

	mu         sync.Mutex // orders abort against begin, so a deadline set by abort is never undone
	aborted    bool
	inWrite    bool
	noDeadline bool // the ResponseWriter cannot set deadlines (test recorders)
	// idleCut: a deadline that passes cuts the connection even with no write pending
	// (HTTP/2), so it is cleared after each flush.
	idleCut bool
}

func newDeadlineWriter(w http.ResponseWriter, timeout time.Duration, cancel context.CancelFunc) *deadlineWriter {
	return &deadlineWriter{ResponseWriter: w, rc: http.NewResponseController(w), timeout: timeout, cancel: cancel, now: time.Now}
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *deadlineWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *deadlineWriter) Write(p []byte) (int, error) {
	if err := w.begin(); err != nil {
		return 0, err
	}
	n, err := w.ResponseWriter.Write(p)
	w.end(err)
	return n, err
}

// Flush implements http.Flusher, which r3labs requires.
func (w *deadlineWriter) Flush() {
	if w.begin() != nil {
		return
	}
	err := w.rc.Flush()
	if err == nil && w.idleCut {
		err = w.clearDeadline()
	}
	w.end(err)
}

// clearDeadline takes the deadline away once an event is out, where a deadline cuts even an
// idle stream (idleCut); the next write sets one again. A deadline set by abort stays.
func (w *deadlineWriter) clearDeadline() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.aborted || w.noDeadline {
		return nil
	}
	w.deadline = time.Time{}
	return w.rc.SetWriteDeadline(time.Time{})
}

// begin keeps the rolling deadline at least WriteTimeout/2 ahead, unless the connection already
// failed or was aborted.
func (w *deadlineWriter) begin() error {
	if w.err != nil {
		return w.err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.aborted {
		return w.fail(errAborted)
	}
	if now := w.now(); !w.noDeadline && w.deadline.Sub(now) < w.timeout/2 {
		w.deadline = now.Add(w.timeout)
		err := w.rc.SetWriteDeadline(w.deadline)
		if errors.Is(err, http.ErrNotSupported) {
			w.noDeadline = true
		} else if err != nil {
			return w.fail(err)
		}
	}
	w.inWrite = true
	return nil
}

func (w *deadlineWriter) end(err error) {
	w.mu.Lock()
	w.inWrite = false
	w.mu.Unlock()
	if err != nil {
		w.fail(err)
	}
}

func (w *deadlineWriter) fail(err error) error {
	if w.err == nil {
		w.err = err
		w.cancel()
	}
	return w.err
}

// abort runs when the connection's context ends (Close, client gone, write error). Later writes
// fail at once; a write blocked right now on a viewer that does not read is cut by moving the
// deadline to now, so Close does not wait WriteTimeout for it. A healthy viewer that is not
// being written to keeps a clean end of stream.
func (w *deadlineWriter) abort() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.aborted = true
	if w.inWrite && !w.noDeadline {
		_ = w.rc.SetWriteDeadline(time.Now())
	}
}
