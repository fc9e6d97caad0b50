package app

import (
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/owlcms/tracker/web/admin"
)

// startAdmin serves metrics and the profiler on their own listener, never on the public port,
// and returns the function that stops it. An empty addr starts nothing. Failing to listen is
// logged, not fatal: the boards matter more than the metrics.
func startAdmin(addr string, log *slog.Logger, a *App) (stop func()) {
	if addr == "" {
		return func() {}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Error("admin listener (metrics, pprof) not started", "addr", addr, "error", err)
		return func() {}
	}
	srv := &http.Server{
		Handler:           admin.NewHandler(admin.Sources{Hub: a.Hub, OWLCMS: a.OWLCMS, Events: a.Events, Fragments: a.Fragments}),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("admin listening", "addr", ln.Addr().String(), "metrics", "/metrics", "pprof", "/debug/pprof/")
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if p := recover(); p != nil {
				log.Error("admin listener panicked", "panic", p)
			}
		}()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("admin listener stopped", "error", err)
		}
	}()
	return func() {
		_ = srv.Close()
		<-done
	}
}
