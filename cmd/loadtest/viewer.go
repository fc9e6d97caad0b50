package main

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// viewer is one board page: an event stream, and the fragment requests its events trigger
// (one at a time, the last trigger queued, as hx-sync="this:queue last" does). As on a board
// with the attempt bar, one request follows each event: the grid's, whose answer carries the
// bar (docs/performance.md, "One request per change").
//
// Over HTTP/1.1 it holds two connections, as a browser does: the stream's, and a keep-alive
// one for fragments. It writes its requests by hand and parses the responses with
// http.ReadResponse instead of using http.Client: the generator shares the tracker's cores,
// and a Transport's two goroutines and channel hand-offs per connection would cost about as
// much CPU as the tracker itself, inflating every latency it measures.
//
// Over h2c it is one of the many viewers a proxy carries on one HTTP/2 connection: its stream
// and its fragment requests are streams of the shared client's connection (h2 is set).
type viewer struct {
	cfg      config
	addr     string       // the tracker it watches (host:port)
	h2       *http.Client // h2c: the connection shared with other viewers; nil: HTTP/1.1
	sent     []atomic.Int64
	counting *atomic.Bool
	seen     []int64       // unix ns the k-th change was on screen, in the bar and in the grid (0: never)
	barSeen  []int64       // unix ns the k-th change appeared in the bar (0: not yet)
	gridSeen []int64       // unix ns the k-th change appeared in the athlete's attempt cell (0: not yet)
	bytes    *atomic.Int64 // wire bytes received: the viewer's own, or its shared connection's
	errors   atomic.Int64
	dropped  atomic.Bool // the tracker ended the event stream while the run went on
	etag     string      // the grid's last whole answer's ETag, which a browser's cache sends back
	grid     string      // the version of the grid the page shows (X-Fragment-Version)
	bar      string      // the version of the bar it shows (X-Fragment-Carried-Version)

	frag  *conn        // HTTP/1.1: the fragments' keep-alive connection (nil until needed or after an error)
	zr    *gzip.Reader // reused to decompress fragments
	plain bytes.Buffer // the last fragment decompressed
	buf   bytes.Buffer // reused fragment body
}

func newViewer(c config, addr string, h2 *http.Client, wire *atomic.Int64, sent []atomic.Int64, counting *atomic.Bool) *viewer {
	if wire == nil {
		wire = new(atomic.Int64)
	}
	return &viewer{cfg: c, addr: addr, h2: h2, sent: sent, counting: counting, bytes: wire,
		seen: make([]int64, len(sent)), barSeen: make([]int64, len(sent)), gridSeen: make([]int64, len(sent))}
}

// conn is one HTTP/1.1 connection; its reads count wire bytes into the viewer's total.
type conn struct {
	nc net.Conn
	br *bufio.Reader
}

func (v *viewer) dial(ctx context.Context) (*conn, error) {
	d := net.Dialer{Timeout: 10 * time.Second}
	nc, err := d.DialContext(ctx, "tcp", v.addr)
	if err != nil {
		return nil, err
	}
	return &conn{nc: nc, br: bufio.NewReader(&counter{r: nc, n: v.bytes, on: v.counting})}, nil
}

// get sends one GET and reads its response head (the body is left to the caller).
func (c *conn) get(path string, headers ...string) (*http.Response, error) {
	var b strings.Builder
	b.WriteString("GET " + path + " HTTP/1.1\r\nHost: loadtest\r\n")
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i+1] != "" {
			b.WriteString(headers[i] + ": " + headers[i+1] + "\r\n")
		}
	}
	b.WriteString("\r\n")
	if _, err := io.WriteString(c.nc, b.String()); err != nil {
		return nil, err
	}
	return http.ReadResponse(c.br, nil)
}

// h2Get sends one GET on the shared HTTP/2 connection.
func (v *viewer) h2Get(ctx context.Context, path string, headers ...string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+v.addr+path, nil)
	if err != nil {
		return nil, err
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i+1] != "" {
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	return v.h2.Do(req)
}

// openStream opens the page's event stream: its body, which ends when ctx does.
func (v *viewer) openStream(ctx context.Context) (io.ReadCloser, error) {
	headers := []string{"Accept", "text/event-stream", "Cache-Control", "no-cache"}
	var resp *http.Response
	if v.h2 != nil {
		var err error
		if resp, err = v.h2Get(ctx, "/events/A", headers...); err != nil {
			return nil, err
		}
	} else {
		stream, err := v.dial(ctx)
		if err != nil {
			return nil, err
		}
		// Closing the connection is what ends the reads when the run stops.
		context.AfterFunc(ctx, func() { stream.nc.Close() })
		if resp, err = stream.get("/events/A", headers...); err != nil {
			stream.nc.Close()
			return nil, err
		}
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("/events/A: %s", resp.Status)
	}
	return resp.Body, nil
}

func (v *viewer) run(ctx context.Context, connected *atomic.Int64) {
	body, err := v.openStream(ctx)
	if err != nil {
		if ctx.Err() == nil {
			v.errors.Add(1)
		}
		return
	}
	defer body.Close()
	connected.Add(1)

	triggers := make(chan struct{}, 1) // one request queued at most: the last trigger's
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if v.frag != nil {
				v.frag.nc.Close()
			}
		}()
		for range triggers {
			v.fetch(ctx)
		}
	}()
	triggers <- struct{}{} // the page's load trigger
	sc := bufio.NewScanner(body)
	for sc.Scan() {
		ev, ok := strings.CutPrefix(sc.Text(), "event: ")
		if !ok || (ev != "data" && ev != "live") {
			continue
		}
		select { // queue last: a request already queued answers this event too
		case triggers <- struct{}{}:
		default:
		}
	}
	if ctx.Err() == nil {
		// A page's EventSource would reconnect; until it does, the viewer sees no change.
		v.dropped.Store(true)
	}
	close(triggers)
	<-done
}

// fetch gets the grid as htmx does (gzip accepted, the versions of the grid and the bar the
// page shows sent along) and notes when each change is complete on screen: the weight in the
// bar and in the athlete's attempt cell of the grid, both of which come in the grid's answer.
// Measuring the bar alone would hide the cost of a change that reaches the grid, which is what
// a weight change does.
func (v *viewer) fetch(ctx context.Context) {
	body, err := v.fetchBody(ctx)
	if err != nil {
		if v.frag != nil {
			v.frag.nc.Close()
			v.frag = nil
		}
		if ctx.Err() == nil {
			v.errors.Add(1)
		}
		return
	}
	if body == nil {
		return
	}
	now := time.Now().UnixNano()
	for k := range v.seen {
		if v.seen[k] != 0 || v.sent[k].Load() == 0 {
			continue
		}
		if v.barSeen[k] == 0 && bytes.Contains(body, []byte(`"bar-weight">`+marker(k)+"<")) {
			v.barSeen[k] = now
		}
		if v.gridSeen[k] == 0 && bytes.Contains(body, []byte(`">`+marker(k)+"</td>")) {
			v.gridSeen[k] = now
		}
		if v.barSeen[k] != 0 && v.gridSeen[k] != 0 {
			v.seen[k] = max(v.barSeen[k], v.gridSeen[k])
		}
	}
}

// fetchBody returns the grid's decoded answer, or nil when neither it nor the bar has changed
// (204, or 304 to the browser's cache). Like a board page, it names the versions it shows
// (X-Fragment-Have, X-Fragment-Carried-Have), so that a change confined to rows comes as those
// rows alone, and a change of the bar alone as the bar alone; the markers are in them either way.
func (v *viewer) fetchBody(ctx context.Context) ([]byte, error) {
	path := "/" + v.cfg.board + "/grid?fop=A&lang=en"
	resp, err := v.get(ctx, path, "Accept-Encoding", "gzip", "HX-Request", "true", "If-None-Match", v.etag,
		"X-Fragment-Have", v.grid, "X-Fragment-Carried-Have", v.bar)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusNotModified, http.StatusNoContent:
		return nil, nil
	case http.StatusOK:
	default:
		return nil, fmt.Errorf("%s: %s", path, resp.Status)
	}
	if et := resp.Header.Get("ETag"); et != "" {
		v.etag = et
	}
	v.grid = cmp.Or(resp.Header.Get("X-Fragment-Version"), v.grid)
	v.bar = cmp.Or(resp.Header.Get("X-Fragment-Carried-Version"), v.bar)
	if resp.Header.Get("Content-Encoding") != "gzip" {
		return v.buf.Bytes(), nil
	}
	if v.zr == nil {
		v.zr, err = gzip.NewReader(bytes.NewReader(v.buf.Bytes()))
	} else {
		err = v.zr.Reset(bytes.NewReader(v.buf.Bytes()))
	}
	if err != nil {
		return nil, err
	}
	// Decoded into a buffer the viewer keeps: 2000 viewers allocating a fresh one per change
	// cost the generator a few percent of its CPU, which the tracker shares.
	v.plain.Reset()
	_, err = v.plain.ReadFrom(v.zr)
	return v.plain.Bytes(), err
}

// get sends a fragment request and reads its body into v.buf (resp.Body is then closed).
// Over HTTP/1.1, a keep-alive connection the server closed while idle (its IdleTimeout) is
// dialled again once, as a browser retries a request that died on a stale connection.
func (v *viewer) get(ctx context.Context, path string, headers ...string) (*http.Response, error) {
	if v.h2 != nil {
		rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		resp, err := v.h2Get(rctx, path, headers...)
		if err != nil {
			return nil, err
		}
		return resp, v.readBody(resp)
	}
	for attempt := 0; ; attempt++ {
		reused := v.frag != nil
		if !reused {
			c, err := v.dial(ctx)
			if err != nil {
				return nil, err
			}
			v.frag = c
		}
		// A tracker that stops answering costs an error, not a viewer stuck for the rest of the run.
		_ = v.frag.nc.SetDeadline(time.Now().Add(30 * time.Second))
		resp, err := v.frag.get(path, headers...)
		if err != nil {
			v.frag.nc.Close()
			v.frag = nil
			if reused && attempt == 0 && staleConn(err) {
				continue
			}
			return nil, err
		}
		err = v.readBody(resp)
		if err == nil && resp.Close {
			v.frag.nc.Close()
			v.frag = nil
		}
		return resp, err
	}
}

// staleConn says a request failed because its keep-alive connection had been closed by the
// server before the request reached it.
func staleConn(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "broken pipe")
}

func (v *viewer) readBody(resp *http.Response) error {
	v.buf.Reset()
	_, err := v.buf.ReadFrom(resp.Body)
	resp.Body.Close()
	return err
}

// counter counts the bytes read while on is true.
type counter struct {
	r  io.Reader
	n  *atomic.Int64
	on *atomic.Bool
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.on.Load() {
		c.n.Add(int64(n))
	}
	return n, err
}
