package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
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
		c.Addr = ":" + p // Fly.io and most platforms name the port alone
	}
	fs := flag.NewFlagSet("tracker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address (PORT env sets the port)")
	fs.StringVar(&c.AdminAddr, "admin", c.AdminAddr, "listen address of /metrics and /debug/pprof/, kept off the public port; off: none")
	fs.BoolVar(&c.Demo, "demo", false, "run the embedded demo competition, live, through a simulated OWLCMS (no OWLCMS needed)")
	fs.Float64Var(&c.Speed, "speed", 1, "with -demo: how much faster than real time the demo meet runs")
	fs.StringVar(&c.LocalDir, "local", c.LocalDir, "directory for the flags, logos, pictures and styles OWLCMS sends")
	fs.IntVar(&c.WSReadLimitMB, "ws-read-limit", c.WSReadLimitMB, "largest OWLCMS frame accepted, in MiB")
	fs.StringVar(&c.DataDir, "data", c.DataDir, "directory where the competition's state is kept, restored at start; off: none")
	fs.StringVar(&c.NATSURL, "nats", c.NATSURL, "NATS JetStream URL: this tracker publishes to replicas, or with -follow is one")
	fs.BoolVar(&c.Follow, "follow", c.Follow, "be a replica: serve the boards of the ingest's stream on -nats, refuse OWLCMS")
	fs.StringVar(&c.SamplesDir, "samples", c.SamplesDir, "where LEARNING_MODE=true saves received frames")
	fs.IntVar(&c.MaxViewers, "max-viewers", c.MaxViewers, "board pages connected at once, in total; 0: 10000")
	fs.IntVar(&c.MaxViewersIP, "max-viewers-per-ip", c.MaxViewersIP, "board pages connected at once from one address; 0: no bound")
	fs.IntVar(&c.WSMaxConns, "ws-max-connections", c.WSMaxConns, "OWLCMS WebSocket connections open at once, in total")
	fs.IntVar(&c.WSMaxConnsIP, "ws-max-connections-per-ip", c.WSMaxConnsIP, "OWLCMS WebSocket connections open at once from one address")
	fs.StringVar(&c.ClientIPHeader, "client-ip-header", c.ClientIPHeader, "header a trusted proxy sets with the viewer's address, e.g. Fly-Client-IP")
	fs.BoolVar(&c.H2C, "h2c", c.H2C, "also accept HTTP/2 without TLS, as a proxy such as Fly's h2_backend speaks it")
	fs.DurationVar(&c.IdleTimeout, "idle-timeout", c.IdleTimeout, "close keep-alive connections idle this long; 0: 2m")
	fs.BoolVar(&c.HealthCheck, "healthcheck", false, "probe this tracker's /healthz and exit 0 (healthy) or 1 (for Docker)")
	if err := applyEnv(fs, getenv); err != nil {
		return c, err
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	c.FlyReplay = getenv("FLY_REPLAY")
	c.UpdateKey = getenv("OWLCMS_UPDATEKEY")
	c.LearningMode = strings.EqualFold(getenv("LEARNING_MODE"), "true")
	level := cmp.Or(getenv("LOG_LEVEL"), "info")
	if err := c.LogLevel.UnmarshalText([]byte(level)); err != nil {
		return c, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", level)
	}
	if strings.EqualFold(c.DataDir, "off") {
		c.DataDir = ""
	}
	if strings.EqualFold(c.AdminAddr, "off") {
		c.AdminAddr = ""
	}
	return c, c.check()
}

// envOf names the environment variable of each flag that has one (Docker and Fly.io set
// variables). A flag on the command line wins over its variable, which wins over the default;
// both are read by the flag's own parser, so they accept the same values.
var envOf = map[string]string{
	"admin": "ADMIN_ADDR", "local": "LOCAL_DIR", "data": "DATA_DIR", "ws-read-limit": "WS_READ_LIMIT_MB",
	"nats": "NATS_URL", "follow": "FOLLOW", "samples": "SAMPLES_DIR",
	"max-viewers": "MAX_VIEWERS", "max-viewers-per-ip": "MAX_VIEWERS_PER_IP",
	"ws-max-connections": "WS_MAX_CONNECTIONS", "ws-max-connections-per-ip": "WS_MAX_CONNECTIONS_PER_IP",
	"client-ip-header": "CLIENT_IP_HEADER", "h2c": "H2C", "idle-timeout": "IDLE_TIMEOUT",
}

// applyEnv sets each flag from its environment variable, when that is set, and names the
// variable in the flag's help.
func applyEnv(fs *flag.FlagSet, getenv func(string) string) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		name, ok := envOf[f.Name]
		if !ok {
			return
		}
		f.Usage += " (" + name + ")"
		if v := getenv(name); v != "" && err == nil {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s=%q: %v", name, v, e)
			}
		}
	})
	return err
}

// check refuses settings that cannot work, naming the flag and its variable.
func (c config) check() error {
	switch {
	case c.Follow && c.NATSURL == "":
		return fmt.Errorf("-follow (FOLLOW) needs -nats (NATS_URL): a replica reads the ingest's stream")
	case c.MaxViewers < 0 || c.MaxViewersIP < 0:
		return fmt.Errorf("-max-viewers and -max-viewers-per-ip (MAX_VIEWERS, MAX_VIEWERS_PER_IP) must be 0 or more")
	case c.WSMaxConns <= 0 || c.WSMaxConnsIP <= 0:
		return fmt.Errorf("-ws-max-connections and -ws-max-connections-per-ip (WS_MAX_CONNECTIONS, WS_MAX_CONNECTIONS_PER_IP) must be positive")
	case c.IdleTimeout < 0:
		return fmt.Errorf("-idle-timeout (IDLE_TIMEOUT) must be 0 or more")
	case c.WSReadLimitMB <= 0:
		return fmt.Errorf("-ws-read-limit (WS_READ_LIMIT_MB) must be a positive number of MiB")
	}
	return nil
}

// newLogger logs JSON when stdout is not a terminal (Docker, Fly), text otherwise.
func newLogger(w *os.File, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if fi, err := w.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}
