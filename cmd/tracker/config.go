package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"
)

// config is everything the tracker reads from flags and the environment.
type config struct {
	Addr           string
	AdminAddr      string // metrics and profiler listener; "" = none
	Demo           bool
	Speed          float64 // the demo's pace: 1 is real time
	LocalDir       string
	DataDir        string // the hub's state kept across restarts; "" or "off": none
	NATSURL        string // NATS JetStream for replicas; "" = a single tracker
	Follow         bool   // a replica: boards from the ingest's stream, no OWLCMS
	FlyReplay      string // on a Fly.io replica: the fly-replay value that sends OWLCMS to the ingest
	WSReadLimitMB  int
	UpdateKey      string
	LearningMode   bool
	SamplesDir     string
	LogLevel       slog.Level
	HealthCheck    bool
	MaxViewers     int           // event streams open at once; 0 = the broker's default
	MaxViewersIP   int           // event streams open at once per client address; 0 = no bound
	WSMaxConns     int           // OWLCMS /ws connections open at once
	WSMaxConnsIP   int           // OWLCMS /ws connections open at once from one address
	ClientIPHeader string        // header a trusted proxy sets with the client address ("" = TCP peer)
	ShutdownPeriod int           // seconds
	H2C            bool          // HTTP/2 without TLS beside HTTP/1.1, for a proxy that speaks it
	IdleTimeout    time.Duration // keep-alive connections idle this long are closed; 0: 2 min
}

// parseConfig reads flags (args) over environment variables (getenv) over defaults.
func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	c := config{Addr: ":8096", AdminAddr: "127.0.0.1:9096", LocalDir: "./local", DataDir: "./data", WSReadLimitMB: 64, SamplesDir: "./samples", ShutdownPeriod: 20,
		WSMaxConns: 16, WSMaxConnsIP: 4}
	if p := getenv("PORT"); p != "" {
		c.Addr = ":" + p
	}
	if v := getenv("ADMIN_ADDR"); v != "" {
		c.AdminAddr = v
	}
	if v := getenv("LOCAL_DIR"); v != "" {
		c.LocalDir = v
	}
	if v := getenv("DATA_DIR"); v != "" {
		c.DataDir = v
	}
	c.NATSURL = getenv("NATS_URL")
	c.Follow = strings.EqualFold(getenv("FOLLOW"), "true") || getenv("FOLLOW") == "1"
	c.FlyReplay = getenv("FLY_REPLAY")
	if v := getenv("SAMPLES_DIR"); v != "" {
		c.SamplesDir = v
	}
	if v := getenv("WS_READ_LIMIT_MB"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return c, fmt.Errorf("WS_READ_LIMIT_MB=%q: want a positive number of MiB", v)
		}
		c.WSReadLimitMB = n
	}
	for name, dst := range map[string]*int{"WS_MAX_CONNECTIONS": &c.WSMaxConns, "WS_MAX_CONNECTIONS_PER_IP": &c.WSMaxConnsIP} {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				return c, fmt.Errorf("%s=%q: want a positive number", name, v)
			}
			*dst = n
		}
	}
	for name, dst := range map[string]*int{"MAX_VIEWERS": &c.MaxViewers, "MAX_VIEWERS_PER_IP": &c.MaxViewersIP} {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return c, fmt.Errorf("%s=%q: want a number, 0 or more", name, v)
			}
			*dst = n
		}
	}
	c.ClientIPHeader = getenv("CLIENT_IP_HEADER")
	c.H2C = strings.EqualFold(getenv("H2C"), "true") || getenv("H2C") == "1"
	if v := getenv("IDLE_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return c, fmt.Errorf("IDLE_TIMEOUT=%q: want a duration such as 30s", v)
		}
		c.IdleTimeout = d
	}
	c.UpdateKey = getenv("OWLCMS_UPDATEKEY")
	c.LearningMode = strings.EqualFold(getenv("LEARNING_MODE"), "true")
	level := getenv("LOG_LEVEL")
	if level == "" {
		level = "info"
	}
	if err := c.LogLevel.UnmarshalText([]byte(level)); err != nil {
		return c, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", level)
	}

	fs := flag.NewFlagSet("tracker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address (PORT env sets the port)")
	fs.StringVar(&c.AdminAddr, "admin", c.AdminAddr, "listen address of /metrics and /debug/pprof/, kept off the public port; off: none (ADMIN_ADDR)")
	fs.BoolVar(&c.Demo, "demo", false, "run the embedded demo competition, live, through a simulated OWLCMS (no OWLCMS needed)")
	fs.Float64Var(&c.Speed, "speed", 1, "with -demo: how much faster than real time the demo meet runs")
	fs.StringVar(&c.LocalDir, "local", c.LocalDir, "directory for the flags, logos, pictures and styles OWLCMS sends (LOCAL_DIR)")
	fs.IntVar(&c.WSReadLimitMB, "ws-read-limit", c.WSReadLimitMB, "largest OWLCMS frame accepted, in MiB (WS_READ_LIMIT_MB)")
	fs.StringVar(&c.DataDir, "data", c.DataDir, "directory where the competition's state is kept, restored at start; off: none (DATA_DIR)")
	fs.StringVar(&c.NATSURL, "nats", c.NATSURL, "NATS JetStream URL: this tracker publishes to replicas, or with -follow is one (NATS_URL)")
	fs.BoolVar(&c.Follow, "follow", c.Follow, "be a replica: serve the boards of the ingest's stream on -nats, refuse OWLCMS (FOLLOW=true)")
	fs.StringVar(&c.SamplesDir, "samples", c.SamplesDir, "where LEARNING_MODE=true saves received frames (SAMPLES_DIR)")
	fs.IntVar(&c.MaxViewers, "max-viewers", c.MaxViewers, "board pages connected at once, in total; 0: 10000 (MAX_VIEWERS)")
	fs.IntVar(&c.MaxViewersIP, "max-viewers-per-ip", c.MaxViewersIP, "board pages connected at once from one address; 0: no bound (MAX_VIEWERS_PER_IP)")
	fs.IntVar(&c.WSMaxConns, "ws-max-connections", c.WSMaxConns, "OWLCMS WebSocket connections open at once, in total (WS_MAX_CONNECTIONS)")
	fs.IntVar(&c.WSMaxConnsIP, "ws-max-connections-per-ip", c.WSMaxConnsIP, "OWLCMS WebSocket connections open at once from one address (WS_MAX_CONNECTIONS_PER_IP)")
	fs.StringVar(&c.ClientIPHeader, "client-ip-header", c.ClientIPHeader, "header a trusted proxy sets with the viewer's address, e.g. Fly-Client-IP (CLIENT_IP_HEADER)")
	fs.BoolVar(&c.H2C, "h2c", c.H2C, "also accept HTTP/2 without TLS, as a proxy such as Fly's h2_backend speaks it (H2C=true)")
	fs.DurationVar(&c.IdleTimeout, "idle-timeout", c.IdleTimeout, "close keep-alive connections idle this long; 0: 2m (IDLE_TIMEOUT)")
	fs.BoolVar(&c.HealthCheck, "healthcheck", false, "probe this tracker's /healthz and exit 0 (healthy) or 1 (for Docker)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if strings.EqualFold(c.DataDir, "off") {
		c.DataDir = ""
	}
	if c.Follow && c.NATSURL == "" {
		return c, fmt.Errorf("-follow needs -nats (NATS_URL): a replica reads the ingest's stream")
	}
	if strings.EqualFold(c.AdminAddr, "off") {
		c.AdminAddr = ""
	}
	if c.MaxViewers < 0 || c.MaxViewersIP < 0 {
		return c, fmt.Errorf("-max-viewers and -max-viewers-per-ip must be 0 or more")
	}
	if c.WSMaxConns <= 0 || c.WSMaxConnsIP <= 0 {
		return c, fmt.Errorf("-ws-max-connections and -ws-max-connections-per-ip must be positive")
	}
	if c.IdleTimeout < 0 {
		return c, fmt.Errorf("-idle-timeout must be 0 or more")
	}
	if c.WSReadLimitMB <= 0 {
		return c, fmt.Errorf("-ws-read-limit must be positive")
	}
	return c, nil
}

// newLogger logs JSON when stdout is not a terminal (Docker, Fly), text otherwise.
func newLogger(w *os.File, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if fi, err := w.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}
