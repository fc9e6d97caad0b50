package owlcms

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/owlcms/tracker/internal/defaults"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub"
)

// Options configure a Handler. The zero value works: no authentication, no learning mode.
type Options struct {
	Logger *slog.Logger // default slog.Default()

	// ReadLimit caps one frame, in bytes (default 64 MiB). OWLCMS's database, translations and
	// flag ZIPs are far above coder/websocket's 32 KiB default. It also caps the frames queued
	// per connection and the binary frames held for a connection before it authenticates;
	// all connections together hold at most twice that.
	ReadLimit int64

	// UpdateKey is OWLCMS_UPDATEKEY (read by main). "" turns authentication off.
	UpdateKey string

	// LearningDir, when set, records every accepted frame there (format in the package doc).
	LearningDir string
	// LearningMaxBytes stops learning mode after this many bytes were written (default 512 MiB).
	LearningMaxBytes int64

	// MinimumVersion is the oldest OWLCMS protocol version accepted (default "64.0.0").
	// NewHandler panics if it is not MAJOR.MINOR.PATCH.
	MinimumVersion string

	Now func() time.Time // default time.Now

	// PingInterval is how often the tracker pings each OWLCMS connection (default 20 s), and
	// PingTimeout how long it waits for the pong (default 15 s) before closing the connection
	// as dead. A cable pulled or a venue Wi-Fi gone silent leaves a half-open TCP connection
	// that no read ever ends: without this the status page and the boards would say "connected"
	// for as long as the OS keeps it. OWLCMS's Java client answers pings by itself.
	PingInterval, PingTimeout time.Duration

	// MaxConnections caps the /ws connections open at once (default 16), and
	// MaxConnectionsPerIP those from one address (default 4). One OWLCMS uses one connection;
	// the rest is room for a restart overlapping the old socket. A connection over the cap is
	// refused at the upgrade (HTTP 503), which makes OWLCMS's back-off grow instead of reset.
	MaxConnections, MaxConnectionsPerIP int
	// ClientIP returns the address a connection is counted under for MaxConnectionsPerIP
	// (default: the TCP peer). Behind a proxy, the header it sets with the client address.
	ClientIP func(*http.Request) string

	// PreAuthBudget caps the bytes that all connections not yet authenticated hold together,
	// frames being read included (default twice ReadLimit). Each such connection holds at most
	// ReadLimit. Only used when UpdateKey is set.
	PreAuthBudget int64

	// UnansweredAfter is how long a requested resource may take to start arriving before the
	// connected OWLCMS is taken as not offering it (default 2 min). FailureBackoff is how long
	// a failed resource (too big, corrupt, unanswered) is not asked for; it doubles at each
	// new failure, up to 8 h (default 30 min).
	UnansweredAfter, FailureBackoff time.Duration
}

const (
	defaultReadLimit        = 64 << 20
	defaultLearningMaxBytes = 512 << 20
	defaultPingInterval     = 20 * time.Second
	defaultPingTimeout      = 15 * time.Second
	defaultMaxConnections   = 16
	defaultMaxPerIP         = 4
	defaultUnansweredAfter  = 2 * time.Minute
	defaultFailureBackoff   = 30 * time.Minute
	maxQueuedFrames         = 256
	writeTimeout            = 10 * time.Second
)

// Handler is the endpoint OWLCMS connects to (its "URL for Video Data", ws://host:8096/ws).
// It implements http.Handler; mount it on every path OWLCMS may use (/ws, /ws/update...): it
// routes on the envelope type, never on the path. Several OWLCMS connections may coexist.
// Call Close on shutdown: http.Server.Shutdown does not touch hijacked connections.
type Handler struct {
	hub       Hub
	log       *slog.Logger
	now       func() time.Time
	readLimit int64
	ping      struct{ every, timeout time.Duration }
	keys      keyChecker
	gate      versionGate
	learn     *learner // nil when learning mode is off
	held      *heldBudget
	counters  *counters
	failures  failureMemory
	// upgradeLogs bounds the warnings about refused upgrades.
	upgradeLogs sharedLogLimiter

	maxConns, maxPerIP              int
	clientIP                        func(*http.Request) string
	unansweredAfter, failureBackoff time.Duration

	// stopCtx ends when Close starts: connections stop taking frames and close with 1001, and
	// the needs watcher stops. killCtx ends when Close gives up waiting: every socket is torn
	// down at once. Connection contexts derive from killCtx, never from a request context.
	stopCtx, killCtx context.Context
	stop, kill       context.CancelFunc

	wg       sync.WaitGroup // every goroutine started by the handler
	activity atomic.Uint64  // sequence stamping the last accepted text frame of each connection

	seq atomic.Uint64 // connection numbers, for the log

	mu       sync.Mutex
	admitted int            // connections past the caps (upgrading or open)
	perHost  map[string]int // admitted connections by remote address
	conns    map[*conn]struct{}
	closing  bool
	watching bool
}

// NewHandler returns a Handler feeding h. No goroutine runs until the first connection.
func NewHandler(h Hub, o Options) *Handler {
	o.Logger = cmp.Or(o.Logger, slog.Default())
	if o.Now == nil {
		o.Now = time.Now
	}
	o.ReadLimit = defaults.Positive(o.ReadLimit, defaultReadLimit)
	o.LearningMaxBytes = defaults.Positive(o.LearningMaxBytes, defaultLearningMaxBytes)
	o.PingInterval = defaults.Positive(o.PingInterval, defaultPingInterval)
	o.PingTimeout = defaults.Positive(o.PingTimeout, defaultPingTimeout)
	o.MaxConnections = defaults.Positive(o.MaxConnections, defaultMaxConnections)
	o.MaxConnectionsPerIP = defaults.Positive(o.MaxConnectionsPerIP, defaultMaxPerIP)
	o.PreAuthBudget = defaults.Positive(o.PreAuthBudget, 2*o.ReadLimit)
	o.UnansweredAfter = defaults.Positive(o.UnansweredAfter, defaultUnansweredAfter)
	o.FailureBackoff = defaults.Positive(o.FailureBackoff, defaultFailureBackoff)
	hd := &Handler{
		hub:       h,
		log:       o.Logger,
		now:       o.Now,
		readLimit: o.ReadLimit,
		counters:  newCounters(),
		keys:      newKeyChecker(o.UpdateKey),
		gate:      newVersionGate(o.MinimumVersion),
		learn:     newLearner(o.LearningDir, o.LearningMaxBytes, o.Logger),
		held:      &heldBudget{max: o.PreAuthBudget},
		conns:     map[*conn]struct{}{},
		perHost:   map[string]int{},
		failures:  failureMemory{m: map[hub.Resource]resourceFailure{}},
		maxConns:  o.MaxConnections, maxPerIP: o.MaxConnectionsPerIP, clientIP: o.ClientIP,
		unansweredAfter: o.UnansweredAfter, failureBackoff: o.FailureBackoff,
	}
	hd.ping.every, hd.ping.timeout = o.PingInterval, o.PingTimeout
	hd.stopCtx, hd.stop = context.WithCancel(context.Background())
	hd.killCtx, hd.kill = context.WithCancel(context.Background())
	return hd
}

// ServeHTTP accepts an OWLCMS WebSocket connection and serves it until it closes.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !isWebSocketUpgrade(r) {
		explainEndpoint(w, r)
		return
	}
	remote := r.RemoteAddr
	// Never r.URL.String(): the query may carry the update key.
	path := r.URL.Path
	urlAuthed := false
	if key, ok := urlKey(r); ok && h.keys.on {
		if !h.keys.match(key) {
			// Refused before the upgrade: OWLCMS's handshake fails, so its back-off grows
			// instead of restarting at one second.
			h.upgradeLogs.warn(h.log, h.now(), "owlcms connection refused: wrong update key in URL", "remote", remote, "path", path)
			h.hub.ReportRefusal(hub.Refusal{Key: "auth", Reason: "A connection from " + hostOf(remote) +
				" was refused: the update key in its URL is wrong. Give OWLCMS and the tracker the same OWLCMS_UPDATEKEY."})
			http.Error(w, "invalid update key", http.StatusUnauthorized)
			return
		}
		urlAuthed = true
	}

	h.mu.Lock()
	if h.closing {
		h.mu.Unlock()
		http.Error(w, "tracker shutting down", http.StatusServiceUnavailable)
		return
	}
	host := hostOf(remote)
	if h.clientIP != nil {
		host = h.clientIP(r)
	}
	if refusal := h.admitLocked(host); refusal != "" {
		h.mu.Unlock()
		h.upgradeLogs.warn(h.log, h.now(), "owlcms connection refused: too many connections", "remote", remote, "reason", refusal)
		h.hub.ReportRefusal(hub.Refusal{Key: "connections", Reason: refusal})
		w.Header().Set("Retry-After", "30")
		http.Error(w, "too many connections", http.StatusServiceUnavailable)
		return
	}
	h.wg.Add(1)
	h.startWatcherLocked()
	h.mu.Unlock()
	defer h.wg.Done()
	defer h.leave(host)

	c := &conn{h: h, seq: h.seq.Add(1), remote: remote, host: host, path: path, urlAuthed: urlAuthed,
		requested: map[hub.Need]bool{}, asked: map[hub.Resource]time.Time{}}
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		// No OriginPatterns: OWLCMS's Java client sends no Origin header, which Accept allows.
		CompressionMode: websocket.CompressionDisabled, // payloads that matter are ZIPs already
		OnPingReceived: func(context.Context, []byte) bool {
			c.onPing()
			return true
		},
	})
	if err != nil {
		// Accept has already answered the request.
		h.log.Warn("owlcms websocket upgrade failed", "remote", remote, "path", path, "error", err)
		return
	}
	defer ws.CloseNow()
	// The read loop enforces its own limits (read.go): the library's would end the connection.
	ws.SetReadLimit(-1)

	c.ws = ws
	c.ctx, c.cancel = context.WithCancel(h.killCtx)
	defer c.cancel()
	c.queue = newFrameQueue(maxQueuedFrames, h.readLimit)
	c.preAuth.max, c.preAuth.budget = h.readLimit, h.held
	defer c.preAuth.releaseAll()
	c.log = h.log.With("conn", c.seq, "remote", remote)
	if !h.keys.on || urlAuthed {
		c.authed.Store(true)
		c.authenticate()
	}
	defer func() {
		if id := c.id.Load(); id != 0 {
			h.hub.SourceDisconnected(id)
		}
	}()

	if !h.register(c) {
		_ = ws.Close(websocket.StatusGoingAway, "tracker shutting down")
		return
	}
	defer h.unregister(c)

	c.log.Info("owlcms connected", "path", path, "auth", c.authState())
	c.run()
}

// Close closes every OWLCMS connection with 1001 (going away), so that OWLCMS starts its
// reconnect back-off, and waits for all the handler's goroutines to end. If ctx ends first the
// sockets are torn down at once and ctx's error is returned. New connections are refused.
func (h *Handler) Close(ctx context.Context) error {
	h.mu.Lock()
	h.closing = true
	h.mu.Unlock()
	h.stop()

	done := make(chan struct{})
	go func() {
		h.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		h.kill()
		return nil
	case <-ctx.Done():
		h.kill()
		return fmt.Errorf("owlcms: connections still closing: %w", ctx.Err())
	}
}

// Connections returns the number of open OWLCMS connections.
func (h *Handler) Connections() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.conns)
}

func (h *Handler) register(c *conn) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closing {
		return false
	}
	h.conns[c] = struct{}{}
	return true
}

func (h *Handler) unregister(c *conn) {
	h.mu.Lock()
	delete(h.conns, c)
	h.mu.Unlock()
}

// startWatcherLocked starts the needs watcher with the first connection. Called with h.mu held.
func (h *Handler) startWatcherLocked() {
	if h.watching {
		return
	}
	h.watching = true
	sub := h.hub.Subscribe()
	h.wg.Add(1)
	go h.watchNeeds(sub)
}

// isWebSocketUpgrade reports whether r asks for a WebSocket.
func isWebSocketUpgrade(r *http.Request) bool {
	return headerHasToken(r.Header, "Connection", "upgrade") && headerHasToken(r.Header, "Upgrade", "websocket")
}

func headerHasToken(h http.Header, name, token string) bool {
	for _, v := range h.Values(name) {
		for t := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}

// explainEndpoint answers a plain HTTP request (someone opening /ws in a browser, or OWLCMS
// configured with http://) with what the endpoint is for, instead of a bare error.
func explainEndpoint(w http.ResponseWriter, r *http.Request) {
	scheme := "ws"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "wss"
	}
	host := r.Host
	if host == "" {
		host = "<host>:8096"
	}
	w.Header().Set("Upgrade", "websocket")
	w.Header().Set("Connection", "Upgrade")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusUpgradeRequired)
	fmt.Fprintf(w, "This is the OWLCMS WebSocket endpoint of the tracker: only OWLCMS connects here, with a WebSocket.\n"+
		"In OWLCMS, set the URL for Video Data to %s://%s/ws\n"+
		"(add ?updateKey=<key> if the tracker runs with OWLCMS_UPDATEKEY).\n", scheme, host)
}

// admitLocked takes a place for a connection from host, or says in plain words why there is
// none. Called with h.mu held.
func (h *Handler) admitLocked(host string) string {
	switch {
	case h.admitted >= h.maxConns:
		return fmt.Sprintf("A connection from %s was refused: %d OWLCMS connections are already open (WS_MAX_CONNECTIONS).", host, h.admitted)
	case h.perHost[host] >= h.maxPerIP:
		return fmt.Sprintf("A connection from %s was refused: %d connections from that address are already open (WS_MAX_CONNECTIONS_PER_IP).", host, h.perHost[host])
	}
	h.admitted++
	h.perHost[host]++
	return ""
}

// leave gives back a connection's place.
func (h *Handler) leave(host string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.admitted--
	if h.perHost[host]--; h.perHost[host] <= 0 {
		delete(h.perHost, host)
	}
}

// hostOf is the address part of a RemoteAddr.
func hostOf(remote string) string {
	if host, _, err := net.SplitHostPort(remote); err == nil {
		return host
	}
	return remote
}
