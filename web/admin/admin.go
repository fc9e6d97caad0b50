// Package admin serves what an operator's tools read and viewers must not: Prometheus
// metrics (/metrics) and the Go profiler (/debug/pprof/). The tracker mounts it on a listener
// of its own (ADMIN_ADDR, loopback by default), never on the public one.
package admin

import (
	"net/http"
	"net/http/pprof"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/web/events"
	"github.com/owlcms/tracker/web/fragcache"
)

// Sources are the components whose counters /metrics reads. A nil one is left out.
type Sources struct {
	Hub       *hub.Hub
	OWLCMS    *owlcms.Handler
	Events    *events.Broker
	Fragments *fragcache.Cache
}

// NewHandler returns the admin endpoints.
func NewHandler(s Sources) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metricsHandler(s))
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("owlcms-tracker admin: /metrics (Prometheus), /debug/pprof/ (Go profiler)\n"))
	})
	return mux
}
