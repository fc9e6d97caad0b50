package owlcms

import (
	"sync/atomic"
	"time"

	"github.com/owlcms/tracker/hub"
)

// Counters for the metrics endpoint. They are plain atomics, so counting costs nothing on the
// frame path, and frames are counted by type only from a fixed list: a peer sending made-up
// types must not grow the set of metric labels.

// OtherType is the type label under which frames of any unlisted type are counted.
const OtherType = "other"

type counters struct {
	accepted map[string]*atomic.Uint64 // built once, then read-only: no lock needed
	rejected atomic.Uint64
	bytes    atomic.Uint64
	lastPing atomic.Int64 // unix ns of OWLCMS's last sign of life on the keepalive
	pingRTT  atomic.Int64 // ns, the last round trip of our own ping
}

func newCounters() *counters {
	c := &counters{accepted: map[string]*atomic.Uint64{OtherType: {}}}
	for _, t := range []string{string(hub.MessageUpdate), string(hub.MessageTimer), string(hub.MessageDecision),
		"database", "database_zip", "translations_zip"} {
		c.accepted[t] = &atomic.Uint64{}
	}
	for t := range assetTypes {
		c.accepted[t] = &atomic.Uint64{}
	}
	return c
}

func (c *counters) accept(typ string) {
	n, ok := c.accepted[typ]
	if !ok {
		n = c.accepted[OtherType]
	}
	n.Add(1)
}

// Stats is a snapshot of what the handler has received since it started.
type Stats struct {
	Connections int               // OWLCMS connections open now
	Accepted    map[string]uint64 // frames applied, by message type (unlisted types: OtherType)
	Rejected    uint64            // frames refused or ignored (each one is logged with its reason)
	Bytes       uint64            // bytes of every frame received, accepted or not
	LastPing    time.Time         // OWLCMS's last ping, or last pong to ours; zero if none yet
	PingRTT     time.Duration     // round trip of the last ping the tracker sent
}

// Stats returns the handler's counters.
func (h *Handler) Stats() Stats {
	s := Stats{Connections: h.Connections(), Accepted: make(map[string]uint64, len(h.counters.accepted)),
		Rejected: h.counters.rejected.Load(), Bytes: h.counters.bytes.Load(),
		PingRTT: time.Duration(h.counters.pingRTT.Load())}
	for t, n := range h.counters.accepted {
		s.Accepted[t] = n.Load()
	}
	if ns := h.counters.lastPing.Load(); ns != 0 {
		s.LastPing = time.Unix(0, ns)
	}
	return s
}
