package owlcms

import (
	"fmt"
	"runtime/debug"
	"time"

	"github.com/owlcms/tracker/hub"
)

// Requests OWLCMS never answers.
//
// Some OWLCMS builds register 428 handlers only for "database" and "translations_zip": any
// other name is logged as an error on their side and nothing is sent. A resource requested on a
// connection that has not arrived after Options.UnansweredAfter (and is not arriving: no binary
// message in progress) is taken as not supported by that build and is not asked for again
// during the failure back-off. The database and the translations are always answered and are
// never given up on.

// noteAsked records that resources were requested on c now.
func (c *conn) noteAsked(missing []hub.Resource) {
	now := c.h.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range missing {
		if _, ok := c.asked[r]; !ok {
			c.asked[r] = now
		}
	}
}

// arrived records that a frame of resource res came in on c, whatever its fate.
func (c *conn) arrived(res hub.Resource) {
	c.mu.Lock()
	delete(c.asked, res)
	c.mu.Unlock()
}

// unanswered returns the resources asked on c longer than d ago, forgetting them.
func (c *conn) unanswered(now time.Time, d time.Duration) []hub.Resource {
	if c.binaryReading.Load() {
		return nil // something is arriving: maybe the answer, give it time
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []hub.Resource
	for r, at := range c.asked {
		if now.Sub(at) >= d {
			out = append(out, r)
			delete(c.asked, r)
		}
	}
	return out
}

// checkUnanswered gives up on the resources no connection answered in time.
func (h *Handler) checkUnanswered() {
	defer func() {
		if r := recover(); r != nil {
			h.log.Error("panic checking unanswered owlcms requests", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	now := h.now()
	h.mu.Lock()
	conns := make([]*conn, 0, len(h.conns))
	for c := range h.conns {
		conns = append(conns, c)
	}
	h.mu.Unlock()
	for _, c := range conns {
		for _, res := range c.unanswered(now, h.unansweredAfter) {
			if res == hub.ResourceDatabase || res == hub.ResourceTranslations {
				continue
			}
			c.log.Warn("owlcms did not answer a resource request: not asking for it for a while", "resource", res,
				"waited", h.unansweredAfter)
			h.failResource(res, "unanswered", fmt.Sprintf("OWLCMS did not send %s when asked (%s without an answer: this OWLCMS version probably does not offer them)",
				resourceWords(res), h.unansweredAfter))
		}
	}
}
