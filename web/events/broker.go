package events

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/r3labs/sse/v2"
)

// Broker fans change notices out to the SSE streams: one per platform plus the global one.
// Create it with New, serve it with ServeStream, feed it with Run, stop it with Close.
type Broker struct {
	log  *slog.Logger
	opts Options
	srv  *sse.Server

	mu        sync.Mutex               // guards streams, platforms, closed and handlers.Add
	streams   map[string]*atomic.Int64 // stream id -> connected viewers; never shrinks (hazard 7)
	platforms int                      // platform streams in streams (the global one is extra)
	closed    bool

	admit              admission
	published, dropped atomic.Uint64 // events handed to r3labs, and events it refused (queue full)

	nextPlatform uint64 // version of the "a platform appeared" event; only Run's goroutine uses it

	handlers  sync.WaitGroup     // active ServeStream calls
	base      context.Context    // parent of every connection's context, cancelled by Close
	cancel    context.CancelFunc // cancels base
	closeOnce sync.Once
	done      chan struct{} // closed once the r3labs server is closed
}

// New creates a broker with the r3labs server configured safely and the global stream.
func New(o Options) *Broker {
	o = o.withDefaults()
	b := &Broker{
		log:     o.Logger,
		opts:    o,
		streams: map[string]*atomic.Int64{},
		done:    make(chan struct{}),
		admit:   admission{max: o.MaxViewers, perIP: o.MaxViewersPerIP},
	}
	b.base, b.cancel = context.WithCancel(context.Background())

	s := sse.New()
	s.AutoReplay = false   // hazards 1-2: default on, replays and keeps every event forever; copied into each stream at CreateStream
	s.AutoStream = false   // hazard 8: clients must not create streams through ?stream=
	s.EncodeBase64 = false // hazard 11: mutates Event.Data in place
	s.SplitData = false    // hazard 5: data is a one-line token, never HTML
	s.EventTTL = 0         // hazard 3: with AutoReplay off, any TTL drops every event
	s.BufferSize = o.BufferSize
	s.Headers["X-Accel-Buffering"] = "no" // nginx-style proxies must not buffer the stream
	// Hazard 14: both callbacks run in new goroutines, so they only touch atomics.
	s.OnSubscribe = func(id string, _ *sse.Subscriber) {
		b.countViewer(id, 1)
		if o.OnSubscribe != nil {
			b.safely("subscribe", func() { o.OnSubscribe(platformOf(id)) })
		}
	}
	s.OnUnsubscribe = func(id string, _ *sse.Subscriber) { b.countViewer(id, -1) }
	b.srv = s

	s.CreateStream(GlobalStream)
	b.streams[GlobalStream] = new(atomic.Int64)
	return b
}

// Ensure creates the stream of a platform if it is absent and fewer than MaxStreams platform
// streams exist, and reports whether the stream exists. Streams are never removed: removing
// one with viewers connected leaks a goroutine per viewer in r3labs (hazard 7).
func (b *Broker) Ensure(fop string) bool {
	id := StreamFor(fop)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.streams[id] != nil {
		return true
	}
	// After Close the r3labs server is (being) closed: a new stream's goroutine would leak.
	if b.closed || b.platforms >= b.opts.MaxStreams {
		return false
	}
	// Under b.mu, so Close cannot close the server between the check and the creation.
	b.srv.CreateStream(id)
	b.streams[id] = new(atomic.Int64)
	b.platforms++
	return true
}

// Publish tells the viewers of a platform ("" = the global stream only) that event happened at
// version. It never blocks: when the stream's queue is full the event is dropped, which only
// delays a refetch that the next event triggers anyway.
func (b *Broker) Publish(fop string, event string, version uint64) {
	b.publish(StreamFor(fop), event, version)
}

// PublishAll sends event to every stream, the global one included.
func (b *Broker) PublishAll(event string, version uint64) {
	for _, id := range b.streamIDs() {
		b.publish(id, event, version)
	}
}

func (b *Broker) publish(id, event string, version uint64) {
	b.publishData(id, event, "v="+strconv.FormatUint(version, 10))
}

// PublishData sends event with data to the viewers of a platform ("" = the global stream only).
// data must be one line that is not empty (one-line JSON is): a line break would split it and
// an empty data ends every viewer's handler (hazards 4-5), so such data is refused and logged.
func (b *Broker) PublishData(fop, event, data string) {
	b.publishData(StreamFor(fop), event, data)
}

func (b *Broker) publishData(id, event, data string) {
	if event == "" || strings.ContainsAny(event, "\r\n") || data == "" || strings.ContainsAny(data, "\r\n") {
		// A line break would end the field and corrupt the framing (hazard 5).
		b.log.Error("sse event refused: empty, or a line break in its name or data", "stream", id, "event", event)
		return
	}
	// A fresh Event per stream and call (hazard 11), with Data never empty: an empty Data ends
	// the handler of every viewer of the stream (hazard 4).
	ev := &sse.Event{Event: []byte(event), Data: []byte(data)}
	if b.srv.TryPublish(id, ev) {
		b.published.Add(1)
	} else {
		b.dropped.Add(1)
		b.log.Debug("sse event dropped: no such stream or queue full", "stream", id, "event", event)
	}
}

// heartbeat sends a comment to every stream (hazard 9). Browsers ignore comments, and a comment
// is not an empty event (hazard 4).
func (b *Broker) heartbeat() {
	for _, id := range b.streamIDs() {
		b.srv.TryPublish(id, &sse.Event{Comment: []byte("hb")})
	}
}

// Counts returns the events published since start and those dropped because a stream's
// queue was full or the stream did not exist. A dropped event is harmless (the next one
// carries a newer version), but a steady count means a platform publishes faster than its
// stream can deliver.
func (b *Broker) Counts() (published, dropped uint64) {
	return b.published.Load(), b.dropped.Load()
}

// Viewers returns the connected viewers of every stream, keyed by stream id.
func (b *Broker) Viewers() map[string]int {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make(map[string]int, len(b.streams))
	for id, n := range b.streams {
		// The callbacks run in their own goroutines, so an unsubscribe can be counted before
		// its subscribe: a transient negative is shown as zero.
		out[id] = int(max(n.Load(), 0))
	}
	return out
}

func (b *Broker) countViewer(id string, delta int64) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("sse viewer callback panicked", "stream", id, "panic", p)
		}
	}()
	b.mu.Lock()
	n := b.streams[id]
	b.mu.Unlock()
	if n != nil {
		n.Add(delta)
	}
}

func (b *Broker) streamIDs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Collect(maps.Keys(b.streams))
}

// Close ends every stream: it cancels every connection, waits for the handlers to return, and
// only then closes the r3labs server. Closing the server first would leave each connected
// viewer's cleanup goroutine blocked forever (hazard 7), and http.Server.Shutdown alone never
// ends SSE handlers (hazard 13). When ctx ends first, Close returns its error and the server is
// still closed in the background once the handlers are gone (each is bounded by WriteTimeout).
// Close is idempotent; afterwards ServeStream answers 503.
func (b *Broker) Close(ctx context.Context) error {
	b.closeOnce.Do(func() {
		b.mu.Lock()
		b.closed = true // no handler is added after this, so Wait below cannot race with Add
		b.mu.Unlock()
		b.cancel()
		go func() {
			b.handlers.Wait()
			b.srv.Close()
			close(b.done)
		}()
	})
	select {
	case <-b.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
