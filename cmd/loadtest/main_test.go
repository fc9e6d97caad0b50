package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/owlcms/tracker/app"
	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestRunSmall runs the load tool against an in-process tracker with a few viewers: every
// viewer sees every change, nothing fails, and the report says so.
func TestRunSmall(t *testing.T) {
	var named, bars atomic.Int64
	srv := startApp(t, app.Config{}, nil, func(r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/grid") && r.Header.Get("X-Fragment-Have") != "" && r.Header.Get("X-Fragment-Carried-Have") != "" {
			named.Add(1)
		}
		if strings.HasSuffix(r.URL.Path, "/bar") && r.Header.Get("HX-Request") != "" { // a viewer's, not the readiness probe's
			bars.Add(1)
		}
	})
	r, err := run(context.Background(), config{addr: hostOf(srv), viewers: 5, updates: 3,
		interval: 200 * time.Millisecond, board: "lifting-order"})
	if err != nil {
		t.Fatal(err)
	}
	if r.connected != 5 || len(r.latencies) != 15 || r.missed != 0 || r.errors != 0 || r.bytes == 0 {
		t.Errorf("connected %d, samples %d, missed %d, errors %d, bytes %d", r.connected, len(r.latencies), r.missed, r.errors, r.bytes)
	}
	if named.Load() < 5*3 { // as a page does, each viewer names the grid and bar it shows on every change
		t.Errorf("%d grid requests named the versions they show, want at least 15", named.Load())
	}
	if bars.Load() != 0 { // the grid's answers carry the bar: one request per change
		t.Errorf("%d viewer requests for the bar, want none", bars.Load())
	}
	var out bytes.Buffer
	r.print(&out)
	if !strings.Contains(out.String(), "update -> bar and grid (fetch complete): p50") || !strings.Contains(out.String(), "errors: 0") {
		t.Errorf("report:\n%s", out.String())
	}
	got := summaryOf(t, out.String())
	for k, want := range map[string]string{"meet": "demo", "viewers": "5", "connected": "5", "replicas": "0", "proto": "http1",
		"updates": "3", "missed": "0", "errors": "0", "dropped": "0"} {
		if got[k] != want {
			t.Errorf("summary %s=%q, want %q", k, got[k], want)
		}
	}
}

// summaryOf parses the report's summary line: key=value fields, every one there, the numbers
// numbers. Scripts and the tables in docs/performance.md rely on it.
func summaryOf(t *testing.T, report string) map[string]string {
	t.Helper()
	var line string
	for l := range strings.Lines(report) {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(l), "summary: "); ok {
			line = rest
		}
	}
	if line == "" {
		t.Fatalf("no summary line in:\n%s", report)
	}
	fields := map[string]string{}
	for _, f := range strings.Fields(line) {
		k, v, ok := strings.Cut(f, "=")
		if !ok || v == "" {
			t.Fatalf("summary field %q is not key=value", f)
		}
		fields[k] = v
	}
	for _, k := range []string{"meet", "viewers", "connected", "replicas", "proto", "updates", "p50_ms", "p99_ms", "max_ms", "missed",
		"bytes_per_viewer_update", "errors", "dropped", "tracker_cpu_ms_per_update", "generator_cpu_ms_per_update", "peak_rss_mb",
		"lag_p50_ms", "lag_p99_ms", "load1"} {
		v, ok := fields[k]
		if !ok {
			t.Errorf("summary has no %s: %s", k, line)
			continue
		}
		if _, err := strconv.ParseFloat(v, 64); err != nil && k != "meet" && k != "proto" {
			t.Errorf("summary %s=%q is not a number", k, v)
		}
	}
	return fields
}

// TestViewersSpreadOverReplicas: with an ingest and two replicas following it through NATS,
// the viewers are spread over the replicas (each replica's server sees its share of event
// streams), every viewer sees every change, and the replication lag is measured.
func TestViewersSpreadOverReplicas(t *testing.T) {
	ns, err := startNATS(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
	ingest := startApp(t, app.Config{NATSURL: natsURL(ns)}, nil, nil)
	var streams [2]atomic.Int64
	var targets []string
	for i := range streams {
		rep := startApp(t, app.Config{NATSURL: natsURL(ns), Follow: true}, &streams[i], nil)
		targets = append(targets, hostOf(rep))
	}
	r, err := run(context.Background(), config{addr: hostOf(ingest), targets: targets, replicas: 2, viewers: 6, updates: 3,
		interval: 300 * time.Millisecond, board: "lifting-order"})
	if err != nil {
		t.Fatal(err)
	}
	if r.connected != 6 || !slices.Equal(r.perTarget, []int{3, 3}) || r.missed != 0 || r.errors != 0 {
		t.Errorf("connected %d %v, missed %d, errors %d", r.connected, r.perTarget, r.missed, r.errors)
	}
	for i := range streams { // three viewers and the probe
		if n := streams[i].Load(); n != 4 {
			t.Errorf("replica %d served %d event streams, want 4", i, n)
		}
	}
	if len(r.lags) != 6 {
		t.Errorf("%d replication lag samples, want 6 (2 replicas, 3 changes)", len(r.lags))
	}
	var out bytes.Buffer
	r.print(&out)
	if got := summaryOf(t, out.String()); got["replicas"] != "2" || !strings.Contains(out.String(), "replication lag") {
		t.Errorf("report:\n%s", out.String())
	}
}

// TestH2C: with -proto h2c the viewers speak HTTP/2 to the tracker (the server sees
// ProtoMajor 2 on every viewer request) and share connections, per-conn viewers on each.
func TestH2C(t *testing.T) {
	var mu sync.Mutex
	protos, conns := map[int]int{}, map[string]bool{}
	srv := startApp(t, app.Config{}, nil, func(r *http.Request) {
		if r.Header.Get("HX-Request") == "" && !strings.HasPrefix(r.URL.Path, "/events/") {
			return // the OWLCMS feed and the readiness probe
		}
		mu.Lock()
		defer mu.Unlock()
		protos[r.ProtoMajor]++
		conns[r.RemoteAddr] = true
	})
	r, err := run(context.Background(), config{addr: hostOf(srv), viewers: 6, updates: 2, h2c: true, perConn: 3,
		interval: 200 * time.Millisecond, board: "lifting-order"})
	if err != nil {
		t.Fatal(err)
	}
	if r.connected != 6 || r.missed != 0 || r.errors != 0 || r.bytes == 0 || r.proto != "h2c" {
		t.Errorf("connected %d, missed %d, errors %d, bytes %d, proto %s", r.connected, r.missed, r.errors, r.bytes, r.proto)
	}
	mu.Lock()
	defer mu.Unlock()
	if protos[1] != 0 || protos[2] < 6*3 { // a stream, a bar and a grid each at least
		t.Errorf("requests by HTTP major version: %v, want HTTP/2 only", protos)
	}
	if len(conns) != 2 {
		t.Errorf("6 viewers, 3 a connection, came on %d connections, want 2", len(conns))
	}
}

// TestDroppedStreamsCounted: an event stream the tracker ends while the run goes on (an HTTP/2
// stream cut by a write deadline did) is counted, not silently taken for a quiet viewer.
func TestDroppedStreamsCounted(t *testing.T) {
	cut := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, "/events/") {
				ctx, cancel := context.WithTimeout(r.Context(), 300*time.Millisecond)
				defer cancel()
				r = r.WithContext(ctx)
			}
			next.ServeHTTP(w, r)
		})
	}
	srv := startApp(t, app.Config{}, nil, nil, cut)
	r, err := run(context.Background(), config{addr: hostOf(srv), viewers: 3, updates: 3,
		interval: 300 * time.Millisecond, board: "lifting-order"})
	if err != nil {
		t.Fatal(err)
	}
	if r.dropped != 3 {
		t.Errorf("%d dropped streams counted, want 3 (every stream ends after 300 ms)", r.dropped)
	}
	var out bytes.Buffer
	r.print(&out)
	if got := summaryOf(t, out.String()); got["dropped"] != "3" {
		t.Errorf("summary dropped=%q, want 3", got["dropped"])
	}
}

// startApp serves an in-process tracker on an httptest server (HTTP/1.1 and h2c), stopped at
// the end of the test. streams, if not nil, counts the event streams it was asked for; seen,
// if not nil, sees every request; wrap, if given, stands between the server and the tracker.
func startApp(t *testing.T, cfg app.Config, streams *atomic.Int64, seen func(*http.Request), wrap ...func(http.Handler) http.Handler) *httptest.Server {
	t.Helper()
	cfg.Logger = slog.New(slog.DiscardHandler)
	a, err := app.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := a.Handler()
	for _, w := range wrap {
		h = w(h)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if streams != nil && strings.HasPrefix(r.URL.Path, "/events/") {
			streams.Add(1)
		}
		if seen != nil {
			seen(r)
		}
		h.ServeHTTP(w, r)
	}))
	srv.Config.Protocols = app.H2CProtocols()
	srv.Start()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = a.Shutdown(ctx) // the event streams first: httptest's Close waits for every handler
		srv.Close()
	})
	return srv
}

func hostOf(srv *httptest.Server) string { return strings.TrimPrefix(srv.URL, "http://") }

// TestUpdateChangesTheGrid: each change the load tool sends must reach the current athlete's
// attempt cell, not only the bar; otherwise the grid is answered 304 on every change and only
// the bar's cost is measured (an athlete key compared as a float64 never matched).
func TestUpdateChangesTheGrid(t *testing.T) {
	h := hub.New(hub.Options{Logger: slog.New(slog.DiscardHandler)})
	if _, err := h.LoadDatabaseJSON(demo.DatabaseJSON(), ""); err != nil {
		t.Fatal(err)
	}
	for k := range 3 {
		payload, err := update(demo.UpdateJSON("A"), k)
		if err != nil {
			t.Fatal(err)
		}
		res, err := h.Apply(hub.MessageUpdate, payload)
		if err != nil {
			t.Fatal(err)
		}
		if k > 0 && !res.DataChanged {
			t.Errorf("change %d: the platform's athletes did not change", k)
		}
		f := h.Snapshot().FOP("A")
		var cur *hub.Athlete
		for _, a := range f.Athletes {
			if a.Key == f.CurrentKey {
				cur = a
			}
		}
		if cur == nil {
			t.Fatalf("change %d: no current athlete %q", k, f.CurrentKey)
		}
		var cells []string
		for _, a := range append(cur.Snatch[:], cur.CleanJerk[:]...) {
			if a.Status == hub.AttemptCurrent {
				cells = append(cells, a.Value)
			}
		}
		if len(cells) != 1 || cells[0] != marker(k) {
			t.Errorf("change %d: current attempt cells %q, want [%s]", k, cells, marker(k))
		}
	}
}

// TestCapturedMeet feeds the real captured meet when ../shared is beside the repository: its
// changes reach the grid too (its keys are numbers in one place and strings in another).
func TestCapturedMeet(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "fixtures", "owlcms-v2")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("the captured meet (../shared/fixtures/owlcms-v2 beside the repository) is absent: skipped")
	}
	m, err := capturedMeet(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := hub.New(hub.Options{Logger: slog.New(slog.DiscardHandler)})
	if _, err := h.LoadDatabaseJSON(m.database, ""); err != nil {
		t.Fatal(err)
	}
	payload, err := update(m.base, 1)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(payload, []byte("updateKey")) {
		t.Error("the captured update key travels on")
	}
	if _, err := h.Apply(hub.MessageUpdate, payload); err != nil {
		t.Fatal(err)
	}
	f := h.Snapshot().FOP("A")
	found := false
	for _, a := range f.Athletes {
		for _, c := range append(a.Snatch[:], a.CleanJerk[:]...) {
			found = found || (a.Key == f.CurrentKey && c.Status == hub.AttemptCurrent && c.Value == marker(1))
		}
	}
	if !found {
		t.Errorf("the current athlete %q's attempt cell does not show %s", f.CurrentKey, marker(1))
	}
}
