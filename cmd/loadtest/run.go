package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub/owlcms"
)

type config struct {
	addr     string
	pid      int // the tracker's process id, for its CPU time (0: unknown)
	viewers  int
	updates  int
	interval time.Duration
	board    string
	meet     *meet // nil: the demo
}

// marker is the weight the k-th change asks for: the viewers look for it in the bar.
func marker(k int) string { return strconv.Itoa(300 + k) }

// result is what the run measured.
type result struct {
	meet                        string
	viewers, connected, updates int
	latencies                   []time.Duration // per viewer and update: sent → bar and grid show the change
	missed                      int64           // updates a viewer never showed
	bytes                       int64           // received by all viewers during the updates (wire bytes)
	errors                      int64
	rss, peakRSS                int64
	duration                    time.Duration
	trackerCPU, generatorCPU    time.Duration // CPU time each process used during the updates
}

func run(ctx context.Context, c config) (*result, error) {
	if c.meet == nil {
		c.meet = demoMeet()
	}
	feeder, err := connectOWLCMS(ctx, c.addr, c.meet)
	if err != nil {
		return nil, fmt.Errorf("feeding the tracker: %w", err)
	}
	defer feeder.CloseNow()
	if err := waitReady(ctx, c); err != nil {
		return nil, err
	}

	r := &result{meet: c.meet.name, viewers: c.viewers, updates: c.updates}
	sent := make([]atomic.Int64, c.updates) // unix ns the change was sent
	var counting atomic.Bool
	vctx, stopViewers := context.WithCancel(ctx)
	defer stopViewers()

	vs := make([]*viewer, c.viewers)
	var wg sync.WaitGroup
	var connected atomic.Int64
	for i := range vs {
		v := &viewer{cfg: c, sent: sent, counting: &counting, seen: make([]int64, c.updates),
			barSeen: make([]int64, c.updates), gridSeen: make([]int64, c.updates)}
		vs[i] = v
		wg.Add(1)
		go func() {
			defer wg.Done()
			v.run(vctx, &connected)
		}()
		if i%100 == 99 {
			time.Sleep(50 * time.Millisecond) // as screens come on, not all in one instant
		}
	}
	deadline := time.Now().Add(60 * time.Second)
	for connected.Load() < int64(c.viewers) && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	r.connected = int(connected.Load())
	time.Sleep(time.Second) // the first fragments

	counting.Store(true)
	start := time.Now()
	trackerCPU0, generatorCPU0 := cpuTime(c.pid), cpuTime(0)
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
	r.duration = time.Since(start)
	r.trackerCPU, r.generatorCPU = cpuTime(c.pid)-trackerCPU0, cpuTime(0)-generatorCPU0
	if c.pid == 0 {
		r.trackerCPU = 0
	}
	stopViewers()
	wg.Wait()

	for _, v := range vs {
		r.bytes += v.bytes.Load()
		r.errors += v.errors.Load()
		for k, at := range v.seen {
			if at == 0 {
				r.missed++
				continue
			}
			r.latencies = append(r.latencies, time.Duration(at-sent[k].Load()))
		}
	}
	slices.Sort(r.latencies)
	return r, nil
}

func (r *result) print(w io.Writer) {
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
	}
	perUpdate := float64(r.bytes) / float64(max(r.viewers, 1)) / float64(max(r.updates, 1))
	fmt.Fprintf(w, "viewers %d (connected %d), updates %d in %v\n", r.viewers, r.connected, r.updates, r.duration.Round(time.Millisecond))
	fmt.Fprintf(w, "update -> bar and grid (fetch complete): p50 %v  p99 %v  max %v  (%d samples, %d missed)\n",
		pct(0.5).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), pct(1).Round(time.Millisecond), len(r.latencies), r.missed)
	fmt.Fprintf(w, "bytes per viewer per update: %.0f\n", perUpdate)
	fmt.Fprintf(w, "errors: %d\n", r.errors)
	if n := max(r.updates, 1); r.trackerCPU > 0 {
		fmt.Fprintf(w, "CPU per update: tracker %v, load generator %v\n",
			(r.trackerCPU / time.Duration(n)).Round(time.Millisecond), (r.generatorCPU / time.Duration(n)).Round(time.Millisecond))
	}
	if r.rss > 0 {
		fmt.Fprintf(w, "tracker memory: RSS %.1f MB, peak %.1f MB\n", float64(r.rss)/1e6, float64(r.peakRSS)/1e6)
	}
	n := time.Duration(max(r.updates, 1))
	fmt.Fprintf(w, "summary: meet=%q viewers=%d connected=%d updates=%d p50_ms=%d p99_ms=%d missed=%d bytes_per_viewer_update=%.0f errors=%d tracker_cpu_ms_per_update=%d peak_rss_mb=%.1f\n",
		r.meet, r.viewers, r.connected, r.updates, pct(0.5).Milliseconds(), pct(0.99).Milliseconds(), r.missed, perUpdate, r.errors,
		(r.trackerCPU / n).Milliseconds(), float64(r.peakRSS)/1e6)
}

// --- OWLCMS side --------------------------------------------------------------------------

// connectOWLCMS connects as OWLCMS does and sends the meet's database, translations, flags and
// every platform's state.
func connectOWLCMS(ctx context.Context, addr string, m *meet) (*websocket.Conn, error) {
	ws, _, err := websocket.Dial(ctx, "ws://"+addr+"/ws", nil)
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
		{"database_zip", zipOf("competition.json", m.database)},
		{"translations_zip", zipOf("translations.json", m.translations)},
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

func zipOf(name string, data []byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	f, _ := zw.Create(name)
	_, _ = f.Write(data)
	_ = zw.Close()
	return b.Bytes()
}

// waitReady waits until the tracker shows the fed platform (frames are processed after they
// are acknowledged on the wire).
func waitReady(ctx context.Context, c config) error {
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get("http://" + c.addr + "/" + c.board + "/bar?fop=A&lang=en")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && bytes.Contains(body, []byte("bar-weight")) {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("platform A not shown by the tracker within 15 s")
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
