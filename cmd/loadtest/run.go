package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/demo/sim"
	"github.com/owlcms/tracker/hub/owlcms"
)

type config struct {
	addr       string   // the tracker fed like OWLCMS (with replicas, the ingest)
	targets    []string // the trackers the viewers watch, spread in turn; none: addr
	pids       []int    // every tracker's process id, for their CPU time (none: unknown)
	targetPids []int    // the targets' process ids, for their memory
	replicas   int      // how many of the targets are replicas of addr (for the report)
	viewers    int
	updates    int
	interval   time.Duration
	board      string
	meet       *meet // nil: the demo
	h2c        bool  // viewers speak HTTP/2 without TLS, perConn of them sharing a connection
	perConn    int
}

// marker is the weight the k-th change asks for: the viewers look for it in the bar.
func marker(k int) string { return strconv.Itoa(300 + k) }

// result is what the run measured.
type result struct {
	meet                        string
	viewers, connected, updates int
	replicas                    int
	proto                       string
	perTarget                   []int           // viewers connected to each target
	latencies                   []time.Duration // per viewer and update: sent → bar and grid show the change
	lags                        []time.Duration // per replica and update: the ingest's fragment shows it → the replica's does
	missed                      int64           // updates a viewer never showed
	blind                       int             // viewers that showed none of the updates
	dropped                     int             // event streams the tracker ended during the run
	bytes                       int64           // received by all viewers during the updates (wire bytes)
	errors                      int64
	rss, peakRSS                int64 // the largest of the targets'
	duration                    time.Duration
	trackerCPU, generatorCPU    time.Duration // CPU time the trackers (all of them) and the generator used during the updates
	load                        string        // the machine's load average at the end (1, 5, 15 min)
}

func run(ctx context.Context, c config) (*result, error) {
	if c.meet == nil {
		c.meet = demoMeet()
	}
	if len(c.targets) == 0 {
		c.targets = []string{c.addr}
	}
	c.perConn = max(c.perConn, 1)
	feeder, err := connectOWLCMS(ctx, c.addr, c.meet)
	if err != nil {
		return nil, fmt.Errorf("feeding the tracker: %w", err)
	}
	defer feeder.CloseNow()
	for _, t := range append([]string{c.addr}, c.targets...) {
		if err := waitReady(ctx, c.board, t); err != nil {
			return nil, err
		}
	}

	r := &result{meet: c.meet.name, viewers: c.viewers, updates: c.updates, replicas: c.replicas, proto: "http1",
		perTarget: make([]int, len(c.targets))}
	if c.h2c {
		r.proto = "h2c"
	}
	sent := make([]atomic.Int64, c.updates) // unix ns the change was sent
	var counting atomic.Bool
	vctx, stopViewers := context.WithCancel(ctx)
	defer stopViewers()

	vs := make([]*viewer, c.viewers)
	var wires []*atomic.Int64 // each viewer's bytes counter, or each shared connection's
	var wg sync.WaitGroup
	connected := make([]atomic.Int64, len(c.targets))
	var clients []*http.Client
	start := func(v *viewer, conn *atomic.Int64) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v.run(vctx, conn)
		}()
	}
	for i := range vs {
		t := i % len(c.targets)
		var client *http.Client
		var wire *atomic.Int64
		if c.h2c {
			// Viewers of a target share its connections perConn at a time, as a proxy's do.
			if n := i / len(c.targets); n%c.perConn == 0 {
				wire = new(atomic.Int64)
				client = h2cClient(wire, &counting)
				clients = append(clients, client)
				wires = append(wires, wire)
			} else {
				client, wire = vs[i-len(c.targets)].h2, vs[i-len(c.targets)].bytes
			}
		}
		vs[i] = newViewer(c, c.targets[t], client, wire, sent, &counting)
		if !c.h2c {
			wires = append(wires, vs[i].bytes)
		}
		start(vs[i], &connected[t])
		if i%100 == 99 {
			time.Sleep(50 * time.Millisecond) // as screens come on, not all in one instant
		}
	}
	// Probes: one quiet viewer on the ingest and one on each replica, to time the replication.
	var probes []*viewer
	var probesConnected atomic.Int64
	if c.replicas > 0 {
		for _, t := range append([]string{c.addr}, c.targets...) {
			p := newViewer(c, t, nil, nil, sent, &counting)
			probes = append(probes, p)
			start(p, &probesConnected)
		}
	}
	total := func() int64 {
		var n int64
		for i := range connected {
			n += connected[i].Load()
		}
		return n
	}
	deadline := time.Now().Add(60 * time.Second)
	for (total() < int64(c.viewers) || probesConnected.Load() < int64(len(probes))) && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	r.connected = int(total())
	for i := range connected {
		r.perTarget[i] = int(connected[i].Load())
	}
	time.Sleep(time.Second) // the first fragments

	counting.Store(true)
	began := time.Now()
	trackerCPU0, generatorCPU0 := cpuTimes(c.pids), cpuTime(0)
	for k := range c.updates {
		payload, err := update(c.meet.base, k)
		if err != nil {
			return nil, err
		}
		sent[k].Store(time.Now().UnixNano())
		if err := send(ctx, feeder, "update", payload); err != nil {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(c.interval):
		}
	}
	time.Sleep(2 * time.Second) // the last fragments
	counting.Store(false)
	r.duration = time.Since(began)
	r.trackerCPU, r.generatorCPU = cpuTimes(c.pids)-trackerCPU0, cpuTime(0)-generatorCPU0
	for _, pid := range c.targetPids {
		rss, peak := memory(pid)
		r.rss, r.peakRSS = max(r.rss, rss), max(r.peakRSS, peak)
	}
	stopViewers()
	wg.Wait()
	for _, cl := range clients {
		cl.CloseIdleConnections()
	}

	for _, w := range wires {
		r.bytes += w.Load()
	}
	for _, v := range vs {
		r.errors += v.errors.Load()
		if v.dropped.Load() {
			r.dropped++
		}
		seen := 0
		for k, at := range v.seen {
			if at == 0 {
				r.missed++
				continue
			}
			seen++
			r.latencies = append(r.latencies, time.Duration(at-sent[k].Load()))
		}
		if seen == 0 && c.updates > 0 {
			r.blind++
		}
	}
	if len(probes) > 0 {
		ingest := probes[0]
		for _, p := range probes[1:] {
			for k, at := range p.seen {
				if at != 0 && ingest.seen[k] != 0 {
					r.lags = append(r.lags, time.Duration(at-ingest.seen[k]))
				}
			}
		}
	}
	slices.Sort(r.latencies)
	slices.Sort(r.lags)
	r.load = loadAverage()
	return r, nil
}

// percentile is the p-th (0 to 1) of sorted durations, 0 when there are none.
func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[min(len(d)-1, int(p*float64(len(d))))]
}

func (r *result) print(w io.Writer) {
	pct := func(p float64) time.Duration { return percentile(r.latencies, p) }
	perUpdate := float64(r.bytes) / float64(max(r.viewers, 1)) / float64(max(r.updates, 1))
	n := time.Duration(max(r.updates, 1))
	load1 := "0"
	if f := strings.Fields(r.load); len(f) > 0 {
		load1 = f[0]
	}
	fmt.Fprintf(w, "viewers %d (connected %d: %v per tracker), replicas %d, %s, updates %d in %v\n",
		r.viewers, r.connected, r.perTarget, r.replicas, r.proto, r.updates, r.duration.Round(time.Millisecond))
	fmt.Fprintf(w, "update -> bar and grid (fetch complete): p50 %v  p99 %v  max %v  (%d samples, %d missed, %d viewers saw none)\n",
		pct(0.5).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), pct(1).Round(time.Millisecond), len(r.latencies), r.missed, r.blind)
	if len(r.lags) > 0 {
		fmt.Fprintf(w, "replication lag (the ingest's fragment -> a replica's): p50 %v  p99 %v  max %v  (%d samples)\n",
			percentile(r.lags, 0.5).Round(time.Millisecond), percentile(r.lags, 0.99).Round(time.Millisecond),
			percentile(r.lags, 1).Round(time.Millisecond), len(r.lags))
	}
	fmt.Fprintf(w, "bytes per viewer per update: %.0f\n", perUpdate)
	fmt.Fprintf(w, "errors: %d\n", r.errors)
	fmt.Fprintf(w, "event streams the tracker ended during the run: %d\n", r.dropped)
	if r.trackerCPU > 0 {
		fmt.Fprintf(w, "CPU per update: trackers %v, load generator %v\n",
			(r.trackerCPU / n).Round(time.Millisecond), (r.generatorCPU / n).Round(time.Millisecond))
	}
	if r.rss > 0 {
		fmt.Fprintf(w, "tracker memory (the largest of the trackers viewers watch): RSS %.1f MB, peak %.1f MB\n", float64(r.rss)/1e6, float64(r.peakRSS)/1e6)
	}
	fmt.Fprintf(w, "load average: %s\n", r.load)
	fmt.Fprintf(w, "summary: meet=%s viewers=%d connected=%d replicas=%d proto=%s updates=%d p50_ms=%d p99_ms=%d max_ms=%d missed=%d bytes_per_viewer_update=%.0f errors=%d dropped=%d tracker_cpu_ms_per_update=%d generator_cpu_ms_per_update=%d peak_rss_mb=%.1f lag_p50_ms=%d lag_p99_ms=%d load1=%s\n",
		strings.ReplaceAll(r.meet, " ", "_"), r.viewers, r.connected, r.replicas, r.proto, r.updates,
		pct(0.5).Milliseconds(), pct(0.99).Milliseconds(), pct(1).Milliseconds(), r.missed, perUpdate, r.errors, r.dropped,
		(r.trackerCPU / n).Milliseconds(), (r.generatorCPU / n).Milliseconds(), float64(r.peakRSS)/1e6,
		percentile(r.lags, 0.5).Milliseconds(), percentile(r.lags, 0.99).Milliseconds(), load1)
}

// --- OWLCMS side --------------------------------------------------------------------------

// connectOWLCMS connects as OWLCMS does and sends the meet's database, translations, flags and
// every platform's state.
func connectOWLCMS(ctx context.Context, addr string, m *meet) (*websocket.Conn, error) {
	ws, err := sim.Dial(ctx, "ws://"+addr+"/ws")
	if err != nil {
		return nil, err
	}
	go func() { // replies are read so that pings are answered
		for {
			if _, _, err := ws.Read(context.Background()); err != nil {
				return
			}
		}
	}()
	for _, fr := range []struct {
		typ     string
		payload []byte
	}{
		{"database_zip", sim.Zipped("competition.json", m.database)},
		{"translations_zip", sim.Zipped("translations.json", m.translations)},
		{"flags_zip", m.flags},
	} {
		if err := ws.Write(ctx, websocket.MessageBinary, owlcms.EncodeFrame("64.0.0", fr.typ, fr.payload)); err != nil {
			return nil, err
		}
	}
	for _, fop := range slices.Sorted(maps.Keys(m.updates)) {
		if err := send(ctx, ws, "update", m.updates[fop]); err != nil {
			return nil, err
		}
	}
	return ws, nil
}

func send(ctx context.Context, ws *websocket.Conn, typ string, payload []byte) error {
	env, err := json.Marshal(map[string]any{"version": "64.0.0", "type": typ, "payload": json.RawMessage(payload)})
	if err != nil {
		return err
	}
	return ws.Write(ctx, websocket.MessageText, env)
}

// update is platform A's update (base) with the current athlete's request changed to marker(k), as
// OWLCMS sends it after a weight change: the bar's weight and the athlete's attempt cell.
// Numbers are decoded as json.Number: OWLCMS's keys are integers that a float64 would print as
// "4.78945138e+08", and the athlete's key must be matched exactly or the grid never changes.
func update(base []byte, k int) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(base))
	dec.UseNumber()
	var u map[string]any
	if err := dec.Decode(&u); err != nil {
		return nil, err
	}
	w := marker(k)
	u["weight"] = w
	u["uiEvent"] = "LiftingOrderUpdated"
	cur := keyText(u["currentAthleteKey"])
	changed := false
	for _, e := range u["sessionAthletes"].([]any) {
		e := e.(map[string]any)
		if keyText(e["athleteKey"]) != cur {
			continue
		}
		for _, lift := range []string{"sattempts", "cattempts"} {
			for _, cell := range e["displayInfo"].(map[string]any)[lift].([]any) {
				if c := cell.(map[string]any); c["status"] == "current" {
					c["value"] = w
					changed = true
				}
			}
		}
	}
	if !changed {
		return nil, fmt.Errorf("update %d: the current athlete %q has no current attempt cell to change", k, cur)
	}
	return json.Marshal(u)
}

// keyText is an athlete key as text, whether OWLCMS sent it as a number or a string.
func keyText(v any) string {
	switch k := v.(type) {
	case json.Number:
		return k.String()
	case string:
		return k
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// waitReady waits until the tracker shows the fed platform (frames are processed after they
// are acknowledged on the wire).
func waitReady(ctx context.Context, board, addr string) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/" + board + "/bar?fop=A&lang=en")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && bytes.Contains(body, []byte("bar-weight")) {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("platform A not shown by the tracker at %s within 30 s", addr)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func healthy(addr string) error {
	c := &http.Client{Timeout: time.Second}
	resp, err := c.Get("http://" + addr + "/healthz")
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s", resp.Status)
	}
	return nil
}
