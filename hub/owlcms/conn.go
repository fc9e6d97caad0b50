package owlcms

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub"
)

// conn is one OWLCMS connection. Two goroutines serve it: the read loop (ServeHTTP's own
// goroutine) only reads frames and queues them, so pings are answered at once whatever the
// processing costs; the processing goroutine handles the frames one at a time, in arrival order,
// and writes the replies. The hub serialises state changes across connections.
type conn struct {
	h      *Handler
	ws     *websocket.Conn
	seq    uint64        // the handler's number for this connection, the "conn" log attribute
	id     atomic.Uint64 // hub source id once authenticated (SourceConnected), else 0
	remote string
	host   string // remote without the port, for the per-address cap
	path   string
	log    *slog.Logger

	// ctx lives as long as the connection is served: it ends when processing stops or when the
	// handler gives up on a graceful close. Reads, queue pushes and writes use it.
	ctx    context.Context
	cancel context.CancelFunc
	queue  *frameQueue

	// Owned by the processing goroutine.
	urlAuthed  bool       // the upgrade URL carried the right key
	held       heldFrames // binary frames waiting for authentication
	frames     int
	rejected   int
	badPreAuth int  // malformed frames before authentication
	textSeen   bool // a trusted text frame was processed on this connection
	logs       logLimiter

	// Shared with the read loop.
	preAuth       preAuthAllowance
	keyFailed     atomic.Bool // a text frame carried a wrong or missing key: frames are ignored
	binaryReading atomic.Bool // a binary message is being read (a requested resource arriving)

	// Shared with the needs watcher.
	authed atomic.Bool   // binary frames may be applied
	active atomic.Uint64 // Handler.activity stamp of the last routed text frame; 0 = none yet
	mu     sync.Mutex
	// requested holds the needs already asked for on this connection: each request makes
	// OWLCMS re-export everything, so a (resource, generation) is asked at most once.
	requested map[hub.Need]bool
	// asked holds when each resource was last requested on this connection and has not
	// arrived since, to notice resources this OWLCMS build never answers.
	asked map[hub.Resource]time.Time
}

// run serves the connection until the peer goes away, processing fails for good, or the
// handler closes. It returns once both goroutines have ended.
func (c *conn) run() {
	alive := make(chan struct{})
	go func() {
		defer close(alive)
		c.keepalive()
	}()
	defer func() { <-alive }() // c.ctx is cancelled once processing ends, which stops it
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			// handleFrame recovers per frame; this only catches a bug in the loop itself.
			if r := recover(); r != nil {
				c.log.Error("panic in owlcms processing loop", "panic", r, "stack", string(debug.Stack()))
				c.cancel()
			}
		}()
		c.process()
	}()
	err := c.readLoop()
	c.queue.close()
	<-done
	c.logClosed(err)
}

// keepalive pings OWLCMS every ping interval and tears the connection down when a pong does
// not come back in time: the read loop then ends and the hub hears that OWLCMS is gone.
func (c *conn) keepalive() {
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("panic in owlcms keepalive", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	t := time.NewTicker(c.h.ping.every)
	defer t.Stop()
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(c.ctx, c.h.ping.timeout)
		sent := time.Now()
		err := c.ws.Ping(ctx)
		cancel()
		if err == nil {
			c.h.counters.pingRTT.Store(int64(time.Since(sent)))
			c.h.counters.lastPing.Store(time.Now().UnixNano())
		}
		if err != nil {
			if c.ctx.Err() == nil {
				c.log.Warn("owlcms stopped answering pings: closing the connection", "timeout", c.h.ping.timeout, "error", err)
				_ = c.ws.CloseNow()
			}
			return
		}
	}
}

// readLoop reads frames and queues them. It does nothing else, so that the library keeps
// answering OWLCMS's pings (it only does so while a Read is in progress).
func (c *conn) readLoop() (err error) {
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("panic in owlcms read loop", "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("panic in read loop: %v", r)
			_ = c.ws.CloseNow()
		}
	}()
	for {
		f, err := c.readFrame()
		if err != nil {
			return err
		}
		c.h.counters.bytes.Add(uint64(f.size))
		if err := c.queue.push(c.ctx, f); err != nil {
			c.preAuth.release(f.reserved)
			return err
		}
	}
}

// process handles queued frames until the queue is closed and drained, a frame ends the
// connection (failed authentication), or the handler starts closing.
func (c *conn) process() {
	defer c.cancel() // unblock the read loop if it waits on a full queue
	defer c.discardHeld("connection closed")
	for {
		f, ok := c.queue.pop(c.h.stopCtx)
		if !ok {
			break
		}
		if !c.handleFrame(f) {
			return
		}
	}
	if c.h.stopCtx.Err() != nil {
		// Going away makes OWLCMS reconnect with its back-off once the tracker is back.
		if err := c.ws.Close(websocket.StatusGoingAway, "tracker shutting down"); err != nil {
			c.log.Debug("close handshake incomplete", "error", err)
		}
	}
}

// handleFrame processes one frame, reporting whether the connection stays open. A panic is
// logged, answered with a 500 for a text frame, and the connection carries on: losing the feed
// mid-competition blanks every board.
func (c *conn) handleFrame(f inFrame) (keepOpen bool) {
	c.frames++
	held := false
	defer func() {
		if !held {
			c.preAuth.release(f.reserved)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("panic while processing owlcms frame", "panic", r, "bytes", len(f.data),
				"binary", f.typ == websocket.MessageBinary, "stack", string(debug.Stack()))
			if f.typ == websocket.MessageText {
				c.send(replyInternal("Internal error while processing the message"))
			}
			keepOpen = true
		}
	}()
	if f.dropped != "" {
		return c.handleDropped(f)
	}
	if f.typ == websocket.MessageBinary {
		held = c.handleBinary(f)
		return true
	}
	return c.handleText(f)
}

// send writes a reply. A failure only means the peer is gone or stuck; the read loop notices.
func (c *conn) send(r *reply) {
	ctx, cancel := context.WithTimeout(c.ctx, writeTimeout)
	defer cancel()
	if err := c.ws.Write(ctx, websocket.MessageText, r.encode()); err != nil {
		c.log.Debug("reply not sent", "status", r.Status, "error", err)
	}
}

// onPing records OWLCMS's keepalive. It runs inside the read loop's Read, so it must be quick
// and must not panic through the library.
func (c *conn) onPing() {
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("panic recording owlcms ping", "panic", r)
		}
	}()
	c.h.counters.lastPing.Store(time.Now().UnixNano())
	if id := c.id.Load(); id != 0 {
		c.h.hub.SourcePing(id)
	}
}

func (c *conn) authState() string {
	switch {
	case !c.h.keys.on:
		return "off"
	case c.urlAuthed:
		return "url-key"
	default:
		return "pending"
	}
}

// logClosed reports why the connection ended.
func (c *conn) logClosed(err error) {
	attrs := []any{"frames", c.frames, "rejected", c.rejected}
	status := websocket.CloseStatus(err)
	switch {
	case status == websocket.StatusNormalClosure || status == websocket.StatusGoingAway:
		c.log.Info("owlcms disconnected", append(attrs, "status", int(status))...)
	case c.h.stopCtx.Err() != nil || errors.Is(err, context.Canceled):
		c.log.Info("owlcms connection closed by the tracker", attrs...)
	case status != -1:
		c.log.Info("owlcms disconnected", append(attrs, "status", int(status), "error", err)...)
	default:
		c.log.Info("owlcms connection lost", append(attrs, "error", err)...)
	}
}
