package owlcms

import (
	"errors"
	"io"

	"github.com/coder/websocket"
)

// Reading frames without ever ending the connection over their size.
//
// coder/websocket fails the whole connection (close 1009) when a message passes
// SetReadLimit. OWLCMS reconnects one second later (its back-off restarts at every successful
// open) and re-exports everything, including the same too-big ZIP: a reconnect storm for the
// rest of the meet. So the library's limit is off and the read loop enforces its own: a message
// over the limit is read to its end and thrown away, keeping only its first bytes (enough for
// the binary header, to know which resource it was), and the connection stays.

// headKeep is how much of a discarded message is kept: a binary header is at most 4 + 64 + 4
// bytes plus a short type name.
const headKeep = 256

// preAuthTextFree is how much of a text frame a connection that has not proven the key may
// send outside its pre-authentication allowance. OWLCMS's updates are a few kB, a session switch
// with its results under a megabyte for most meets; the rest draws on the allowance.
const preAuthTextFree = 1 << 20

// readChunk is the first buffer size of a message.
const readChunk = 64 << 10

// Why a frame was not read whole (inFrame.dropped).
const (
	dropTooBig  = "too-big"  // over the read limit
	dropPreAuth = "pre-auth" // over the pre-authentication budget
	dropIgnored = "ignored"  // binary frame of a connection whose update key was wrong
)

// readFrame reads the next message. Before authentication every byte read is reserved from
// the connection's preAuthAllowance as it arrives, so a message still being read counts as
// much as a held one; the frame keeps the reservation (inFrame.reserved) until it is applied
// or discarded.
func (c *conn) readFrame() (inFrame, error) {
	typ, r, err := c.ws.Reader(c.ctx)
	if err != nil {
		return inFrame{}, err
	}
	f := inFrame{typ: typ}
	preAuth := !c.authed.Load()
	if preAuth && typ == websocket.MessageBinary && c.keyFailed.Load() {
		f.dropped = dropIgnored
	}
	if typ == websocket.MessageBinary {
		c.binaryReading.Store(true)
		defer c.binaryReading.Store(false)
	}
	var buf, scratch []byte
	var total, free int64
	if preAuth && typ == websocket.MessageText {
		free = preAuthTextFree
	}
	for {
		var n int
		switch {
		case f.dropped == "":
			if len(buf) == cap(buf) {
				// Grow by doubling, at most 8 MiB at a time, never past the limit (plus the
				// one byte that tells a message over it).
				grow := min(max(cap(buf), readChunk), 8<<20, int(c.h.readLimit+1)-len(buf))
				buf = append(buf, make([]byte, grow)...)[:len(buf)]
			}
			n, err = r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if preAuth && n > 0 {
				// The first bytes of a text frame are free: the frame that carries the key
				// must get through even when the binary frames before it used the allowance.
				charge := int64(n) - max(0, min(int64(n), free-total))
				if c.preAuth.reserve(charge) {
					f.reserved += charge
				} else {
					f.dropped = dropPreAuth
				}
			}
		case len(buf) < headKeep:
			// Keep the head even of a frame being thrown away: it names the resource.
			if cap(buf) < headKeep {
				buf = append(make([]byte, 0, headKeep), buf...)
			}
			n, err = r.Read(buf[len(buf):headKeep])
			buf = buf[:len(buf)+n]
		default:
			if scratch == nil {
				scratch = make([]byte, 32<<10)
			}
			n, err = r.Read(scratch)
		}
		total += int64(n)
		if f.dropped == "" && total > c.h.readLimit {
			f.dropped = dropTooBig
		}
		if f.dropped != "" && len(buf) > headKeep {
			buf = append([]byte(nil), buf[:headKeep]...)
		}
		if f.dropped != "" && f.reserved > 0 {
			c.preAuth.release(f.reserved)
			f.reserved = 0
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			c.preAuth.release(f.reserved)
			return inFrame{}, err
		}
	}
	f.data, f.size, f.at = buf, total, c.h.now()
	return f, nil
}
