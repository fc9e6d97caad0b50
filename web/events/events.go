// Package events tells browser pages, over Server-Sent Events, that a part of a platform
// changed. Pages use htmx-ext-sse: one sse-connect="/events/<fop>" (or "/events") per page and
// elements with hx-trigger="sse:data" and the like that refetch their fragment. The data of an
// event is only a version token ("v=123"): htmx ignores it, and HTML never travels over SSE.
//
// The broker wraps github.com/r3labs/sse/v2 behind a small API so that the library can be
// swapped. The library is unmaintained and has sharp edges, listed and numbered in
// docs/sse.md; each place that works around one names its hazard number there.
package events

import (
	"cmp"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/owlcms/tracker/internal/defaults"
)

// Event names, as matched by hx-trigger="sse:<name>".
const (
	EventData   = "data"   // a platform's athletes/order/records/session changed (hub.ChangeFOPData)
	EventLive   = "live"   // a platform's clock/decision/mode/break changed (hub.ChangeFOPLive)
	EventReload = "reload" // database, translations or assets changed: every fragment refetches (sent to every stream)
	EventLink   = "link"   // an OWLCMS connection came or went: boards refresh their marker (every stream)

	// GlobalStream is the stream of pages that show no particular platform. It receives only
	// the events sent to every stream.
	GlobalStream = "global"
)

// Options configure a Broker. The zero value is usable.
type Options struct {
	Logger *slog.Logger
	// Heartbeat is the period of the comment sent to every stream, so that proxies that cut
	// idle connections (Fly's is reported at 60 s) keep them open. Default 15 s.
	Heartbeat time.Duration
	// WriteTimeout bounds how long one write may block, a rolling deadline kept between half
	// of it and all of it ahead of each write. A viewer that stops reading (a TV on bad
	// Wi-Fi) is dropped after it at the most instead of stalling its whole stream. Default 10 s.
	WriteTimeout time.Duration
	// MaxStreams bounds the platform streams that may exist (default 64). Streams are never
	// removed, so this bounds memory; the global stream is extra.
	MaxStreams int
	// BufferSize is the queue of each stream (default 16). Events are published with
	// TryPublish: when the queue is full the event is dropped, which is harmless because every
	// event only says "there is a newer version".
	BufferSize int
	// MaxViewers bounds the streams open at once, all platforms together (default 10 000;
	// negative: no bound). Past it a new viewer gets 503 and its page retries by itself.
	MaxViewers int
	// MaxViewersPerIP bounds the streams open at once from one client address (default 0: no
	// bound, because a venue's spectators often share one public address). Past it: 429.
	MaxViewersPerIP int
	// ClientIP tells a request's client address, for MaxViewersPerIP. Default RemoteIP; behind
	// a proxy, HeaderIP with the header the proxy sets.
	ClientIP func(*http.Request) string
	// OnSubscribe, when set, is called with a stream's platform ("" for the global stream)
	// each time a viewer joins it, in a goroutine of its own, after the viewer is subscribed:
	// a stream whose events are states rather than notices publishes the current one there,
	// so a newcomer hears it at once without replay (the automation feed, Feed).
	OnSubscribe func(fop string)
}

func (o Options) withDefaults() Options {
	o.Logger = cmp.Or(o.Logger, slog.Default())
	o.Heartbeat = defaults.Positive(o.Heartbeat, 15*time.Second)
	o.WriteTimeout = defaults.Positive(o.WriteTimeout, 10*time.Second)
	o.MaxStreams = defaults.Positive(o.MaxStreams, 64)
	o.BufferSize = defaults.Positive(o.BufferSize, 16)
	switch {
	case o.MaxViewers == 0:
		o.MaxViewers = 10000
	case o.MaxViewers < 0:
		o.MaxViewers = 0
	}
	o.MaxViewersPerIP = max(o.MaxViewersPerIP, 0)
	if o.ClientIP == nil {
		o.ClientIP = RemoteIP
	}
	return o
}

// StreamFor returns the stream id of a platform; the empty name is the global stream. The
// prefix keeps a platform named "global" apart from the global stream.
func StreamFor(fop string) string {
	if fop == "" {
		return GlobalStream
	}
	return "fop:" + fop
}

// platformOf is the platform of a stream id, the inverse of StreamFor.
func platformOf(id string) string {
	fop, _ := strings.CutPrefix(id, "fop:")
	if id == GlobalStream {
		return ""
	}
	return fop
}
