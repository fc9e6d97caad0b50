package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/owlcms/tracker/app"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/web/events"
)

// serve runs the tracker until ctx ends, then shuts it down (the order is app's). ready, if
// not nil, receives the bound address once the listener is up.
func serve(ctx context.Context, c config, log *slog.Logger, ready func(addr string)) error {
	a, err := app.New(appConfig(c, log))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		_ = a.Shutdown(context.Background())
		return err
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	return a.Serve(ctx, ln)
}

// appConfig turns the flags and environment into the App's configuration.
func appConfig(c config, log *slog.Logger) app.Config {
	ac := app.Config{
		Logger: log, Version: version, Demo: c.Demo, Speed: c.Speed,
		OWLCMS: owlcms.Options{ReadLimit: int64(c.WSReadLimitMB) << 20, UpdateKey: c.UpdateKey,
			LearningDir: learningDir(c), MaxConnections: c.WSMaxConns, MaxConnectionsPerIP: c.WSMaxConnsIP},
		Events:         events.Options{MaxViewers: c.MaxViewers, MaxViewersPerIP: c.MaxViewersIP},
		AdminAddr:      c.AdminAddr,
		ShutdownPeriod: time.Duration(c.ShutdownPeriod) * time.Second,
		H2C:            c.H2C, IdleTimeout: c.IdleTimeout,
	}
	if !c.Demo {
		ac.LocalDir = c.LocalDir // the demo's assets are embedded: nothing to keep on disk
		ac.DataDir = c.DataDir   // nor its state: the demo starts afresh
	}
	ac.NATSURL, ac.Follow, ac.FlyReplay = c.NATSURL, c.Follow, c.FlyReplay
	if c.ClientIPHeader != "" {
		ac.Events.ClientIP = events.HeaderIP(c.ClientIPHeader)
		ac.OWLCMS.ClientIP = events.HeaderIP(c.ClientIPHeader)
	}
	return ac
}

func learningDir(c config) string {
	if !c.LearningMode {
		return ""
	}
	return filepath.Clean(c.SamplesDir)
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
