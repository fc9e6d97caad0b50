package owlcms

import (
	"context"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// inFrame is one data frame as read from the socket.
type inFrame struct {
	typ  websocket.MessageType
	data []byte // the whole message, or only its first bytes when dropped is set
	at   time.Time

	size     int64  // bytes the message had on the wire
	dropped  string // why the message was not kept whole (dropTooBig...), "" when it was
	reserved int64  // bytes of the pre-authentication budget this frame holds
}

// frameQueue hands frames from a connection's read loop to its processing goroutine. It is
// bounded by count and by bytes so that a fast peer cannot make the tracker buffer without
// limit; one frame is always accepted into an empty queue, whatever its size (the read limit
// already capped it). While the queue is full the read loop waits, and pings wait with it: the
// bounds are far above what OWLCMS sends at once (three ZIPs on connect, then small updates),
// so in practice the read loop is always reading and OWLCMS's 30 s pings are answered even
// while the database is being parsed.
type frameQueue struct {
	maxItems int
	maxBytes int64

	mu     sync.Mutex
	items  []inFrame
	bytes  int64
	closed bool

	notEmpty chan struct{} // cap 1: something was pushed or the queue closed
	notFull  chan struct{} // cap 1: something was popped
}

func newFrameQueue(maxItems int, maxBytes int64) *frameQueue {
	return &frameQueue{
		maxItems: maxItems,
		maxBytes: maxBytes,
		notEmpty: make(chan struct{}, 1),
		notFull:  make(chan struct{}, 1),
	}
}

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// push appends f, waiting while the queue is full. It fails when ctx ends.
func (q *frameQueue) push(ctx context.Context, f inFrame) error {
	for {
		q.mu.Lock()
		full := len(q.items) > 0 && (len(q.items) >= q.maxItems || q.bytes+int64(len(f.data)) > q.maxBytes)
		if !full {
			q.items = append(q.items, f)
			q.bytes += int64(len(f.data))
			q.mu.Unlock()
			signal(q.notEmpty)
			return nil
		}
		q.mu.Unlock()
		select {
		case <-q.notFull:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// close tells the consumer that nothing more will come; queued frames can still be popped.
func (q *frameQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	signal(q.notEmpty)
}

// pop removes the oldest frame, waiting for one. ok is false once the queue is closed and
// drained, or as soon as ctx ends (shutdown does not wait for queued frames).
func (q *frameQueue) pop(ctx context.Context) (f inFrame, ok bool) {
	for {
		if ctx.Err() != nil {
			return inFrame{}, false
		}
		q.mu.Lock()
		if len(q.items) > 0 {
			f = q.items[0]
			q.items[0] = inFrame{} // let the collector have the bytes
			q.items = q.items[1:]
			q.bytes -= int64(len(f.data))
			if len(q.items) == 0 {
				q.items = nil
			}
			q.mu.Unlock()
			signal(q.notFull)
			return f, true
		}
		closed := q.closed
		q.mu.Unlock()
		if closed {
			return inFrame{}, false
		}
		select {
		case <-q.notEmpty:
		case <-ctx.Done():
			return inFrame{}, false
		}
	}
}
