package owlcms

import (
	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub"
)

// What a connection does when its update key is right, wrong, or missing.

// maxBadFramesBeforeAuth is how many malformed frames (not JSON, not an envelope, over the
// budget) a connection that has not proven the key may send before it is closed. OWLCMS never
// sends one; a connection that does is not OWLCMS, and must not hold a slot by chattering.
const maxBadFramesBeforeAuth = 5

// authenticate makes the connection count as "OWLCMS connected" (status page, boards' link
// mark), once, when the key is proven (or when no key is configured).
func (c *conn) authenticate() {
	if c.id.Load() != 0 {
		return
	}
	c.id.Store(c.h.hub.SourceConnected(c.remote, c.path))
	if c.keyFailed.Swap(false) || c.h.keys.on {
		c.h.hub.ClearRefusal("auth")
	}
}

// refuseKey handles a text frame with a wrong or missing key. The connection stays open and
// its frames are ignored: closing it would make OWLCMS reconnect a second later and re-export
// the database, for as long as the key stays wrong. It is answered 401 once, and the status
// page says what to fix.
func (c *conn) refuseKey(attrs []any) {
	c.reject(attrs, "update key missing or wrong")
	if c.keyFailed.Swap(true) {
		return
	}
	c.send(replyUnauthorized())
	c.discardHeld("authentication failed")
	c.h.hub.ReportRefusal(hub.Refusal{Key: "auth", Reason: "A connection from " + c.host +
		" sent a wrong or missing update key: its data is ignored. Give OWLCMS and the tracker the same OWLCMS_UPDATEKEY."})
}

// badFrameBeforeAuth counts a malformed frame and reports whether the connection stays open.
func (c *conn) badFrameBeforeAuth() bool {
	if c.authed.Load() {
		return true
	}
	c.badPreAuth++
	if c.badPreAuth < maxBadFramesBeforeAuth {
		return true
	}
	c.log.Warn("closing an unauthenticated connection that sends malformed frames", "bad_frames", c.badPreAuth)
	c.discardHeld("malformed frames before authentication")
	if err := c.ws.Close(websocket.StatusPolicyViolation, "malformed frames"); err != nil {
		c.log.Debug("close handshake incomplete", "error", err)
	}
	return false
}
