package owlcms

import (
	"runtime/debug"
	"slices"
	"time"

	"github.com/owlcms/tracker/hub"
)

// Resource requests (the 428 replies).
//
// A 428 with a "missing" list is the only reply OWLCMS acts on: for each name it re-exports
// and sends that resource (database, translations_zip, flags_zip, logos_zip, pictures_zip).
// The reference tracker answered every message with a 428 while anything was missing, and
// each one made OWLCMS rebuild the whole database: a request storm at every start. Here the
// hub gives each need a generation, and a connection asks for a (resource, generation) at most
// once: in the reply to a text frame, or, when the need arises while OWLCMS is idle, in an
// unprompted 428 sent to the most recently active authenticated connection.

// claim returns the resources of needs not yet requested on this connection, in the hub's
// order, and records them as requested.
func (c *conn) claim(needs []hub.Need) []hub.Resource {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []hub.Resource
	for _, n := range needs {
		if c.requested[n] || c.h.suppressed(n.Resource) {
			continue // a suppressed need is asked again once its back-off is over
		}
		c.requested[n] = true
		if !slices.Contains(out, n.Resource) {
			out = append(out, n.Resource)
		}
	}
	return out
}

// watchNeeds sends unprompted 428s for needs raised while OWLCMS is idle (a board asking for
// logos, a database checksum announced without the database...). Right after connecting,
// OWLCMS sends the database, translations and flags by itself, so only connections that have
// had a text frame are asked; the needs present at that frame were claimed by its reply.
func (h *Handler) watchNeeds(sub *hub.Subscription) {
	defer h.wg.Done()
	defer sub.Close()
	tick := time.NewTicker(max(h.unansweredAfter/4, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-h.stopCtx.Done():
			return
		case <-tick.C:
			h.checkUnanswered()
			continue
		case <-sub.C():
		}
		if slices.ContainsFunc(sub.Take(), func(ch hub.Change) bool { return ch.Kind == hub.ChangeNeeds }) {
			h.requestIdleNeeds()
		}
	}
}

func (h *Handler) requestIdleNeeds() {
	defer func() {
		if r := recover(); r != nil {
			h.log.Error("panic in owlcms needs watcher", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	needs := h.hub.Needs()
	if len(needs) == 0 {
		return
	}
	c := h.mostRecentlyActive()
	if c == nil {
		return
	}
	missing := c.claim(needs)
	if len(missing) == 0 {
		return
	}
	c.log.Info("requesting resources from owlcms (unprompted)", "missing", missing)
	c.noteAsked(missing)
	c.send(replyPluginNeeds(missing))
}

// mostRecentlyActive returns the authenticated connection whose last routed text frame is the
// newest, or nil when none has had one.
func (h *Handler) mostRecentlyActive() *conn {
	h.mu.Lock()
	defer h.mu.Unlock()
	var best *conn
	var bestStamp uint64
	for c := range h.conns {
		if !c.authed.Load() {
			continue
		}
		if s := c.active.Load(); s > bestStamp {
			best, bestStamp = c, s
		}
	}
	return best
}

// staleNeedGen marks the database request made at the first text frame of a connection.
const staleNeedGen = ^uint64(0)

// staleDatabaseNeed asks for the database at the first text frame of a connection when the
// loaded one has no checksum: on reconnect OWLCMS re-sends the database it exported at start-up,
// which may be hours old, and without a checksum nothing tells us. Once per connection.
func (c *conn) staleDatabaseNeed() []hub.Need {
	s := c.h.hub.Snapshot()
	if s == nil || s.Database == nil || s.Database.Checksum != "" {
		return nil
	}
	return []hub.Need{{Resource: hub.ResourceDatabase, Gen: staleNeedGen}}
}
