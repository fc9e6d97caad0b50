package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/demo/sim"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/web"
	"github.com/owlcms/tracker/web/admin"
	"github.com/owlcms/tracker/web/events"
	"github.com/owlcms/tracker/web/fragcache"
)

// serve runs the tracker until ctx ends, then shuts down: the OWLCMS sockets first (close
// 1001, so OWLCMS starts reconnecting), then the boards' event streams, then the HTTP server. ready, if not nil, receives the
// bound address once the listener is up.
func serve(ctx context.Context, c config, log *slog.Logger, ready func(addr string)) error {
	var store hub.AssetStore = hub.NewMemoryStore()
	if !c.Demo {
		ds, err := hub.NewDirStore(c.LocalDir)
		if err != nil {
			return fmt.Errorf("asset directory %s: %w", c.LocalDir, err)
		}
		defer ds.Close()
		store = ds
	}
	h := hub.New(hub.Options{Logger: log, Assets: store})
	if c.Demo {
		if err := demo.Load(h); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		log.Info("demo competition loaded; its simulated OWLCMS connects once the tracker listens", "speed", c.Speed)
	}

	wsOpts := owlcms.Options{
		Logger: log, ReadLimit: int64(c.WSReadLimitMB) << 20, UpdateKey: c.UpdateKey,
		LearningDir: learningDir(c), MaxConnections: c.WSMaxConns, MaxConnectionsPerIP: c.WSMaxConnsIP,
	}
	if c.ClientIPHeader != "" {
		wsOpts.ClientIP = events.HeaderIP(c.ClientIPHeader)
	}
	ws := owlcms.NewHandler(h, wsOpts)
	// The boards' event broker: fed by the hub until shutdown, closed before the HTTP server
	// (its streams never end by themselves, and Shutdown would wait for them).
	evOpts := events.Options{Logger: log, MaxViewers: c.MaxViewers, MaxViewersPerIP: c.MaxViewersIP}
	if c.ClientIPHeader != "" {
		evOpts.ClientIP = events.HeaderIP(c.ClientIPHeader)
	}
	ev := events.New(evOpts)
	runCtx, stopEvents := context.WithCancel(context.Background())
	defer stopEvents()
	eventsDone := make(chan struct{})
	go func() { defer close(eventsDone); ev.Run(runCtx, h) }()

	frags := fragcache.New(fragcache.Options{})
	srv := &http.Server{
		Handler: web.NewRouter(web.Config{Hub: h, OWLCMS: ws, Logger: log, Version: version, Demo: c.Demo,
			Started: time.Now(), Events: ev, Fragments: frags}),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		// No WriteTimeout: it would cut SSE streams (a scoreboard stays open all day).
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return err
	}
	log.Info("tracker listening", "addr", ln.Addr().String(), "owlcms_url", "ws://<this host>"+portOf(ln.Addr())+"/ws",
		"auth", c.UpdateKey != "", "learning_mode", c.LearningMode, "version", version)
	if ready != nil {
		ready(ln.Addr().String())
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	stopAdmin := startAdmin(c.AdminAddr, log, admin.Sources{Hub: h, OWLCMS: ws, Events: ev, Fragments: frags})
	defer stopAdmin()

	// The demo meet runs live: a simulated OWLCMS connects to this tracker's own /ws.
	simCtx, stopSim := context.WithCancel(context.Background())
	defer stopSim()
	simDone := make(chan struct{})
	if c.Demo {
		go func() {
			defer close(simDone)
			sim.Run(simCtx, sim.Options{URL: "ws://127.0.0.1" + portOf(ln.Addr()) + "/ws", UpdateKey: c.UpdateKey,
				Speed: c.Speed, Seed: uint64(time.Now().UnixNano()), Logger: log.With("component", "owlcms-sim")})
		}()
	} else {
		close(simDone)
	}

	select {
	case err := <-errc:
		stopSim()
		<-simDone
		return err
	case <-ctx.Done():
	}

	log.Info("shutting down")
	stopSim()
	<-simDone
	sctx, cancel := context.WithTimeout(context.Background(), time.Duration(c.ShutdownPeriod)*time.Second)
	defer cancel()
	if err := ws.Close(sctx); err != nil {
		log.Warn("closing OWLCMS connections", "error", err)
	}
	stopEvents()
	<-eventsDone
	if err := ev.Close(sctx); err != nil {
		log.Warn("closing board event streams", "error", err)
	}
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("http shutdown", "error", err)
		_ = srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func learningDir(c config) string {
	if !c.LearningMode {
		return ""
	}
	return filepath.Clean(c.SamplesDir)
}

func portOf(a net.Addr) string {
	if ta, ok := a.(*net.TCPAddr); ok {
		return fmt.Sprintf(":%d", ta.Port)
	}
	return ""
}

// healthCheck probes the local /healthz (the Docker HEALTHCHECK: distroless has no curl).
func healthCheck(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	client := &http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get("http://" + net.JoinHostPort(host, port) + "/healthz")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthz: %s", resp.Status)
	}
	return nil
}
