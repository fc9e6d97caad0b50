package admin

import (
	"maps"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/owlcms/tracker/web/events"
)

// metricsHandler writes every metric, read fresh from its owner at each scrape.
func metricsHandler(s Sources) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		p := &promWriter{w: w}
		writeOWLCMS(p, s)
		writeViewers(p, s)
		writeFragments(p, s)
		writeRuntime(p)
	})
}

func writeOWLCMS(p *promWriter, s Sources) {
	if s.OWLCMS != nil {
		st := s.OWLCMS.Stats()
		p.one("tracker_owlcms_connected", "gauge", "OWLCMS WebSocket connections open now (0: boards show connection lost).", float64(st.Connections))
		p.family("tracker_owlcms_frames_total", "counter", "Frames from OWLCMS applied, by message type.")
		for _, typ := range slices.Sorted(maps.Keys(st.Accepted)) {
			p.sample("tracker_owlcms_frames_total", float64(st.Accepted[typ]), "type", typ)
		}
		p.one("tracker_owlcms_frames_rejected_total", "counter", "Frames from OWLCMS refused or ignored; each is logged with its reason.", float64(st.Rejected))
		p.one("tracker_owlcms_received_bytes_total", "counter", "Bytes of every frame received on /ws.", float64(st.Bytes))
		p.one("tracker_owlcms_last_ping_timestamp_seconds", "gauge", "When OWLCMS last answered or sent a keepalive ping (0: never).", unixSeconds(st.LastPing))
		p.one("tracker_owlcms_ping_rtt_seconds", "gauge", "Round trip of the last keepalive ping sent to OWLCMS.", st.PingRTT.Seconds())
	}
	if s.Hub != nil {
		snap := s.Hub.Snapshot()
		p.one("tracker_owlcms_last_message_timestamp_seconds", "gauge", "When the last frame from OWLCMS was received (0: never).", unixSeconds(snap.LastMessageAt))
		p.family("tracker_platform_last_update_timestamp_seconds", "gauge", "When OWLCMS last sent data for each platform.")
		for _, name := range snap.FOPNames() {
			if f := snap.FOP(name); f != nil {
				p.sample("tracker_platform_last_update_timestamp_seconds", unixSeconds(f.UpdatedAt), "fop", name)
			}
		}
	}
}

func writeViewers(p *promWriter, s Sources) {
	if s.Events == nil {
		return
	}
	viewers := s.Events.Viewers()
	p.family("tracker_viewers", "gauge", `Board pages connected, by platform ("" for pages of no platform).`)
	for _, id := range slices.Sorted(maps.Keys(viewers)) {
		fop := strings.TrimPrefix(id, "fop:")
		if id == events.GlobalStream {
			fop = ""
		}
		p.sample("tracker_viewers", float64(viewers[id]), "fop", fop)
	}
	published, dropped := s.Events.Counts()
	p.one("tracker_sse_events_published_total", "counter", "Change notices sent to board event streams.", float64(published))
	p.one("tracker_viewers_refused_total", "counter", "Board pages refused by MAX_VIEWERS or MAX_VIEWERS_PER_IP.", float64(s.Events.Refused()))
	p.one("tracker_sse_events_dropped_total", "counter", "Change notices dropped (a stream's queue full); harmless unless steady.", float64(dropped))
}

func writeFragments(p *promWriter, s Sources) {
	if s.Fragments == nil {
		return
	}
	st := s.Fragments.Stats()
	p.one("tracker_fragment_renders_total", "counter", "Board fragments rendered (once per version, then served from the cache).", float64(st.Renders))
	p.one("tracker_fragment_render_seconds_total", "counter", "Time spent rendering board fragments, gzip included.", st.RenderTime.Seconds())
	p.one("tracker_fragment_render_errors_total", "counter", "Fragment renders that failed (error or panic).", float64(st.Errors))
	p.one("tracker_fragment_cache_hits_total", "counter", "Fragment requests served from the cache.", float64(st.Hits))
	p.one("tracker_fragment_cache_misses_total", "counter", "Fragment requests that waited for a render.", float64(st.Misses))
	p.one("tracker_fragment_cache_bytes", "gauge", "Bytes of fragments cached, plain and gzip.", float64(st.Bytes))
}

func writeRuntime(p *promWriter) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	p.one("go_goroutines", "gauge", "Goroutines that currently exist.", float64(runtime.NumGoroutine()))
	p.one("go_memstats_heap_inuse_bytes", "gauge", "Heap bytes in use.", float64(m.HeapInuse))
	p.one("go_memstats_stack_inuse_bytes", "gauge", "Goroutine stack bytes in use.", float64(m.StackInuse))
	p.one("go_memstats_sys_bytes", "gauge", "Bytes obtained from the operating system.", float64(m.Sys))
}

func unixSeconds(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	return float64(t.UnixNano()) / 1e9
}
