// Package web is the HTTP face of the tracker: it mounts the OWLCMS WebSocket endpoint, the
// health and status endpoints, the assets OWLCMS sent (/local/...) and the embedded static
// files. Scoreboards add their routes here.
package web

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/static"
	"github.com/owlcms/tracker/web/events"
	"github.com/owlcms/tracker/web/fragcache"
)

// Config is what the router serves.
type Config struct {
	Hub     *hub.Hub
	OWLCMS  http.Handler // the hub/owlcms WebSocket handler
	Logger  *slog.Logger
	Version string    // build version shown by /api/status
	Demo    bool      // the embedded demo competition is loaded (no OWLCMS expected)
	Started time.Time // process start, for uptime
	// Events is the SSE broker the boards listen to. The caller runs it (Run) and closes it
	// before shutting the HTTP server down (Close), since event streams never end by
	// themselves.
	Events *events.Broker
	// Feed is the broadcast automation feed (docs/automation.md), run and closed like Events.
	Feed *events.Feed
	// Fragments caches rendered board fragments; nil means a default-sized cache.
	Fragments *fragcache.Cache
	// Replication, when the tracker publishes to replicas or is one, says how that goes in one
	// line for /status ("" when there is nothing to say).
	Replication func(now time.Time) string
	// Follower says the tracker is a replica: its state comes from the ingest, not from disk.
	Follower bool
}

// NewRouter returns the tracker's HTTP handler.
func NewRouter(cfg Config) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Started.IsZero() {
		cfg.Started = time.Now()
	}
	if cfg.Fragments == nil {
		cfg.Fragments = fragcache.New(fragcache.Options{})
	}
	s := &server{cfg: cfg, cache: cfg.Fragments}
	root := chi.NewRouter()
	// HEAD answers wherever GET does (chi's Get registers GET only): monitors and link
	// checkers probe with HEAD. net/http drops the body. Routed before chi answers 405.
	root.Use(middleware.GetHead)
	// Board event streams: one per platform, plus the global one for pages without a
	// platform. Only tokens flow here; htmx fetches the fragments. They sit outside the
	// middleware below: a stream's handler stays parked on its stack for hours, once per
	// viewer, and without the middleware frames that stack fits in half the memory (measured
	// in docs/performance.md). ServeStream recovers and logs by itself.
	// The platform is read from the escaped path, not a chi parameter: a platform may be
	// named "A/B", and a {fop} segment never matches across a "/".
	root.Get("/events", s.handle(s.stream))
	root.Get(events.PathPrefix+"*", s.handle(s.stream))
	// A HEAD on a stream answers its headers without holding a viewer's slot open.
	root.Head("/events", s.handle(s.streamHead))
	root.Head(events.PathPrefix+"*", s.handle(s.streamHead))
	root.Get(automationEvents, s.handle(s.automationStream)) // a stream too: outside the middleware

	r := root.With(
		// Only streaming-safe middleware: /ws lives for hours. Recoverer skips upgraded
		// connections; the OWLCMS handler recovers its own goroutines.
		middleware.Recoverer,
		requestLog(cfg.Logger),
		securityHeaders, // CSP and friends (web/security.go)
	)
	r.Get("/", s.handle(s.landing))
	r.Get("/status", s.handle(s.statusPage))
	r.Get("/healthz", s.handle(health))
	r.Get("/api/status", s.handle(s.apiStatus))
	r.Get("/documents", s.handle(s.documentsPage))
	r.Get("/documents/{file}", s.handle(s.documentPDF))
	r.Get(automationState, s.handle(s.automationStateText))
	r.Get(monitorPath, s.handle(s.monitorPage))

	// OWLCMS may be configured with any of these paths; the adapter routes on the envelope
	// type, not the path.
	for _, p := range []string{"/ws", "/ws/update", "/ws/timer", "/ws/decision"} {
		r.Handle(p, cfg.OWLCMS)
	}

	r.Get("/local/{kind}/*", s.handle(s.asset))
	r.Handle(static.Prefix+"*", static.Handler())

	// The boards last: /{board} matches any single path segment the routes above do not.
	r.Get(linkPath, s.handle(s.link))
	r.Get(teamExportPath+".{ext}", s.handle(s.teamExport))
	r.With(embeddable).Get("/{board}", s.handle(s.page))
	r.Get("/{board}/{fragment}", s.handle(s.fragment))
	return root
}

// streamPlatform is the platform of an event stream's URL ("" for the global stream). Only
// platforms the hub knows get a stream: streams are never removed, so letting any URL create
// one would let a stranger use up the slots before OWLCMS's platforms arrive.
func (s *server) streamPlatform(r *http.Request) (string, error) {
	if r.URL.Path == "/events" {
		return "", nil
	}
	fop, ok := events.PlatformOf(r)
	if !ok || !known(s.cfg.Hub.Snapshot(), fop) {
		return "", &httpError{status: http.StatusNotFound, msg: "unknown platform"}
	}
	return fop, nil
}

func (s *server) stream(w http.ResponseWriter, r *http.Request) error {
	fop, err := s.streamPlatform(r)
	if err != nil {
		return err
	}
	s.cfg.Events.ServeStream(w, r, fop)
	return nil
}

func (s *server) streamHead(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.streamPlatform(r); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	return nil
}

// health is liveness only: 200 whenever the process serves HTTP. It never depends on OWLCMS,
// so an orchestrator does not restart a tracker that is merely waiting for a competition.
func health(w http.ResponseWriter, _ *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok\n"))
	return nil
}

// requestLog logs every request at debug level (long-lived streams are logged when they end).
func requestLog(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
			start := time.Now()
			next.ServeHTTP(ww, r)
			log.Debug("http", "method", r.Method, "path", r.URL.Path, "status", ww.Status(),
				"bytes", ww.BytesWritten(), "duration", time.Since(start))
		})
	}
}
