// Package app is the tracker assembled: the one place that builds the hub, the OWLCMS
// adapter, the boards' event broker, the fragment cache, the router, the admin listener and
// the demo's simulated OWLCMS, and the one place that knows the order they stop in.
// cmd/tracker only turns flags into a Config; tests build the same App.
package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/demo/sim"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/web"
	"github.com/owlcms/tracker/web/events"
	"github.com/owlcms/tracker/web/fragcache"
)

// Config is what an App is built from. The zero value is a tracker with assets in memory,
// no admin listener and no demo.
type Config struct {
	Logger  *slog.Logger // default slog.Default()
	Version string       // shown by /api/status

	// Demo loads the embedded demo competition and, once Serve listens, runs a simulated
	// OWLCMS against the tracker's own /ws at Speed (1 is real time).
	Demo  bool
	Speed float64
	Seed  uint64 // the simulated referees' choices; 0 picks one from the clock

	// LocalDir keeps the assets OWLCMS sends on disk. "" keeps them in memory; so does a
	// directory that cannot be written (with a warning): the boards matter more than the
	// files surviving a restart.
	LocalDir string

	Limits    hub.Limits
	OWLCMS    owlcms.Options    // its Logger defaults to Logger
	Events    events.Options    // its Logger defaults to Logger
	Fragments fragcache.Options // fragment cache bounds

	// DataDir keeps the hub's state (database, translations, each platform's last state) on
	// disk, restored at start so that boards are right before OWLCMS speaks again. "" keeps
	// nothing. Replicas and the demo keep nothing: their state comes from elsewhere.
	DataDir string

	// NATSURL, when set, connects the tracker to NATS JetStream: the ingest (the tracker
	// OWLCMS connects to) publishes everything it accepts; with Follow the tracker is a
	// replica that serves boards from that stream and refuses OWLCMS.
	NATSURL string
	Follow  bool
	// FlyReplay, on a replica on Fly.io, is the fly-replay header value that sends OWLCMS's
	// connection to the ingest machine (e.g. "instance=<machine id>"); "" refuses it instead.
	FlyReplay string

	// AdminAddr is where /metrics and /debug/pprof/ listen (from New to Shutdown), never on
	// the public port. "" starts no admin listener.
	AdminAddr string
	// ShutdownPeriod bounds Serve's shutdown once its context ends (default 20 s).
	ShutdownPeriod time.Duration
}

// App is one tracker. Build it with New; stop it with Shutdown (Serve does when its context
// ends). Its fields are for tests and the admin listener: the App owns them.
type App struct {
	Hub       *hub.Hub
	OWLCMS    *owlcms.Handler
	Events    *events.Broker
	Feed      *events.Feed // the broadcast automation feed (docs/automation.md)
	Fragments *fragcache.Cache

	cfg     Config
	log     *slog.Logger
	handler http.Handler
	dir     *hub.DirStore // the asset store on LocalDir, nil when assets are in memory

	stopEvents context.CancelFunc
	eventsDone chan struct{}
	background []stopper // persistence and replication, stopped after the OWLCMS sockets

	mu       sync.Mutex
	srv      *http.Server // set by Serve
	stopSim  context.CancelFunc
	simDone  chan struct{}
	stopAdm  func()
	shutOnce sync.Once
	shutErr  error
}

// New builds a tracker and starts feeding its event broker from the hub: Handler serves at
// once (an httptest server is enough), and Shutdown must be called.
func New(cfg Config) (*App, error) {
	log := cmp.Or(cfg.Logger, slog.Default())
	cfg.Logger = log
	cfg.ShutdownPeriod = cmp.Or(cfg.ShutdownPeriod, 20*time.Second)
	a := &App{cfg: cfg, log: log}

	store := a.assetStore()
	a.Hub = hub.New(hub.Options{Logger: log, Assets: store, Limits: cfg.Limits})
	if cfg.DataDir != "" && !cfg.Demo && !cfg.Follow {
		a.restoreState() // before anything listens: the first board served is already right
	}
	if cfg.Demo {
		if err := demo.Load(a.Hub); err != nil {
			_ = a.closeStore()
			return nil, fmt.Errorf("demo: %w", err)
		}
		log.Info("demo competition loaded; its simulated OWLCMS connects once the tracker listens", "speed", cfg.Speed)
	}

	ingest, replication, err := a.startReplication()
	if err != nil {
		_ = a.closeStore()
		return nil, err
	}
	wsOpts := cfg.OWLCMS
	wsOpts.Logger = cmp.Or(wsOpts.Logger, log)
	a.OWLCMS = owlcms.NewHandler(ingest, wsOpts)
	var wsHandler http.Handler = a.OWLCMS
	if cfg.Follow {
		wsHandler = replicaRefusal(cfg.FlyReplay)
	}
	if cfg.DataDir != "" && !cfg.Demo && !cfg.Follow {
		a.startPersist()
	}

	evOpts := cfg.Events
	evOpts.Logger = cmp.Or(evOpts.Logger, log)
	a.Events = events.New(evOpts)
	a.Feed = events.NewFeed(evOpts)
	a.Fragments = fragcache.New(cfg.Fragments)

	a.handler = web.NewRouter(web.Config{Hub: a.Hub, OWLCMS: wsHandler, Logger: log, Version: cfg.Version,
		Demo: cfg.Demo, Started: time.Now(), Events: a.Events, Feed: a.Feed, Fragments: a.Fragments,
		Replication: replication, Follower: cfg.Follow})

	// The admin listener starts with the App, so that it is up by the time the public one is.
	a.stopAdm = startAdmin(cfg.AdminAddr, log, a)

	// The broker is fed by the hub until Shutdown; its streams never end by themselves, so
	// it is closed before the HTTP server (whose Shutdown would wait for them).
	ctx, stop := context.WithCancel(context.Background())
	a.stopEvents, a.eventsDone = stop, make(chan struct{})
	var running sync.WaitGroup
	running.Go(func() { a.Events.Run(ctx, a.Hub) })
	running.Go(func() { a.Feed.Run(ctx, a.Hub) })
	go func() { running.Wait(); close(a.eventsDone) }()
	return a, nil
}

// assetStore is the directory store on LocalDir, or the memory store when there is none or it
// cannot be used.
func (a *App) assetStore() hub.AssetStore {
	if a.cfg.LocalDir == "" {
		return hub.NewMemoryStore()
	}
	ds, err := hub.NewDirStore(a.cfg.LocalDir)
	if err != nil {
		a.log.Warn("asset directory not usable: the flags, logos and pictures OWLCMS sends are kept in memory and sent again when it reconnects",
			"dir", a.cfg.LocalDir, "error", err)
		return hub.NewMemoryStore()
	}
	a.dir = ds
	return ds
}

func (a *App) closeStore() error {
	if a.dir == nil {
		return nil
	}
	return a.dir.Close()
}

// Handler is the tracker's public HTTP handler (boards, /ws, status, assets).
func (a *App) Handler() http.Handler { return a.handler }

// Serve serves on ln, with, for the demo, the simulated OWLCMS, until
// ctx ends or the server fails; then it shuts the App down within ShutdownPeriod.
func (a *App) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           a.Handler(), // the handler tests mount on an httptest server
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		// No WriteTimeout: it would cut SSE streams (a scoreboard stays open all day).
		ErrorLog: slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	port := portOf(ln.Addr())
	a.log.Info("tracker listening", "addr", ln.Addr().String(), "owlcms_url", "ws://<this host>"+port+"/ws",
		"auth", a.cfg.OWLCMS.UpdateKey != "", "learning_mode", a.cfg.OWLCMS.LearningDir != "", "version", a.cfg.Version)

	a.mu.Lock()
	a.srv = srv
	if a.cfg.Demo {
		a.startSim("ws://127.0.0.1" + port + "/ws")
	}
	a.mu.Unlock()

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var serveErr error
	select {
	case serveErr = <-errc:
	case <-ctx.Done():
		a.log.Info("shutting down")
	}
	sctx, cancel := context.WithTimeout(context.Background(), a.cfg.ShutdownPeriod)
	defer cancel()
	err := a.Shutdown(sctx)
	if serveErr == nil {
		serveErr = <-errc
	}
	if errors.Is(serveErr, http.ErrServerClosed) {
		serveErr = nil
	}
	return cmp.Or(serveErr, err)
}

// startSim runs the demo's simulated OWLCMS against url until Shutdown. Called with a.mu held.
func (a *App) startSim(url string) {
	ctx, stop := context.WithCancel(context.Background())
	a.stopSim, a.simDone = stop, make(chan struct{})
	seed := a.cfg.Seed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	go func() {
		defer close(a.simDone)
		sim.Run(ctx, sim.Options{URL: url, UpdateKey: a.cfg.OWLCMS.UpdateKey, Speed: a.cfg.Speed, Seed: seed,
			Logger: a.log.With("component", "owlcms-sim")})
	}()
}

// Shutdown stops the tracker, in this order: the simulated OWLCMS; the OWLCMS sockets, with
// 1001 (going away) so that OWLCMS starts reconnecting at once; the boards' event streams,
// which never end by themselves; the HTTP server, which then has only short requests left;
// the admin listener; the asset store. Later calls return the first call's result. Warnings
// are logged; the error joins what did not stop in time.
func (a *App) Shutdown(ctx context.Context) error {
	a.shutOnce.Do(func() { a.shutErr = a.shutdown(ctx) })
	return a.shutErr
}

func (a *App) shutdown(ctx context.Context) error {
	a.mu.Lock()
	srv, stopSim, simDone, stopAdm := a.srv, a.stopSim, a.simDone, a.stopAdm
	a.mu.Unlock()
	if stopSim != nil {
		stopSim()
		<-simDone
	}
	var errs []error
	if err := a.OWLCMS.Close(ctx); err != nil {
		a.log.Warn("closing OWLCMS connections", "error", err)
		errs = append(errs, err)
	}
	// Nothing more comes in: the state's last write and the last publications can go out.
	for i := len(a.background) - 1; i >= 0; i-- {
		a.background[i]()
	}
	a.stopEvents()
	<-a.eventsDone
	if err := a.Events.Close(ctx); err != nil {
		a.log.Warn("closing board event streams", "error", err)
		errs = append(errs, err)
	}
	if err := a.Feed.Close(ctx); err != nil {
		a.log.Warn("closing the automation feed", "error", err)
		errs = append(errs, err)
	}
	if srv != nil {
		if err := srv.Shutdown(ctx); err != nil {
			a.log.Warn("http shutdown", "error", err)
			_ = srv.Close()
			errs = append(errs, err)
		}
	}
	if stopAdm != nil {
		stopAdm()
	}
	if err := a.closeStore(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func portOf(addr net.Addr) string {
	if ta, ok := addr.(*net.TCPAddr); ok {
		return fmt.Sprintf(":%d", ta.Port)
	}
	return ""
}
