package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// viewer is one board page: an event stream, and the fragment requests its events trigger
// (one at a time, the last trigger queued, as hx-sync="this:queue last" does). Like a browser
// on HTTP/1.1, it holds two connections: the stream's, and a keep-alive one for fragments.
//
// It speaks HTTP/1.1 on raw connections (requests written by hand, responses parsed by
// http.ReadResponse) instead of using http.Client: the generator shares the tracker's cores,
// and a Transport's two goroutines and channel hand-offs per connection would cost about as
// much CPU as the tracker itself, inflating every latency it measures.
type viewer struct {
	cfg      config
	sent     []atomic.Int64
	counting *atomic.Bool
	seen     []int64 // unix ns the k-th change was on screen, in the bar and in the grid (0: never)
	barSeen  []int64 // unix ns the k-th change appeared in the bar (0: not yet)
	gridSeen []int64 // unix ns the k-th change appeared in the athlete's attempt cell (0: not yet)
	bytes    atomic.Int64
	errors   atomic.Int64
	etags    map[string]string

	frag *conn        // the fragments' keep-alive connection (nil until needed or after an error)
	zr   *gzip.Reader // reused to decompress fragments
	buf  bytes.Buffer // reused fragment body
}

// conn is one HTTP/1.1 connection; its reads count wire bytes into the viewer's total.
type conn struct {
	nc net.Conn
	br *bufio.Reader
}

func (v *viewer) dial(ctx context.Context) (*conn, error) {
	d := net.Dialer{Timeout: 10 * time.Second}
	nc, err := d.DialContext(ctx, "tcp", v.cfg.addr)
	if err != nil {
		return nil, err
	}
	return &conn{nc: nc, br: bufio.NewReader(&counter{r: nc, n: &v.bytes, on: v.counting})}, nil
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

func (v *viewer) run(ctx context.Context, connected *atomic.Int64) {
	v.etags = map[string]string{}
	stream, err := v.dial(ctx)
	if err != nil {
		if ctx.Err() == nil {
			v.errors.Add(1)
		}
		return
	}
	// Closing the connections is what ends the reads below when the run stops.
	stop := context.AfterFunc(ctx, func() { stream.nc.Close() })
	defer stop()
	defer stream.nc.Close()
	resp, err := stream.get("/events/A", "Accept", "text/event-stream", "Cache-Control", "no-cache")
	if err != nil || resp.StatusCode != http.StatusOK {
		if ctx.Err() == nil {
			v.errors.Add(1)
		}
		return
	}
	defer resp.Body.Close()
	connected.Add(1)

	triggers := make(chan string, 1) // "data" or "live"; a newer trigger replaces a queued one
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if v.frag != nil {
				v.frag.nc.Close()
			}
		}()
		for ev := range triggers {
			v.fetch(ctx, "bar")
			if ev == "data" {
				v.fetch(ctx, "grid")
			}
		}
	}()
	triggers <- "data" // the page's load trigger
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		ev, ok := strings.CutPrefix(sc.Text(), "event: ")
		if !ok || (ev != "data" && ev != "live") {
			continue
		}
		select {
		case triggers <- ev:
		default:
			select { // queue last: the pending trigger becomes a data trigger if either is
			case old := <-triggers:
				if old == "data" {
					ev = "data"
				}
			default:
			}
			select {
			case triggers <- ev:
			default:
			}
		}
	}
	close(triggers)
	<-done
}

// fetch gets a fragment as htmx does (gzip accepted, the last ETag sent back) and notes when
// each change is complete on screen: the weight in the bar and in the athlete's attempt cell of
// the grid. Measuring the bar alone would hide the cost of a change that reaches the grid,
// which is what a weight change does.
func (v *viewer) fetch(ctx context.Context, fragment string) {
	body, err := v.fetchBody(ctx, fragment)
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
		switch fragment {
		case "bar":
			if v.barSeen[k] == 0 && bytes.Contains(body, []byte(`"bar-weight">`+marker(k)+"<")) {
				v.barSeen[k] = now
			}
		case "grid":
			if v.gridSeen[k] == 0 && bytes.Contains(body, []byte(`">`+marker(k)+"</td>")) {
				v.gridSeen[k] = now
			}
		}
		if v.barSeen[k] != 0 && v.gridSeen[k] != 0 {
			v.seen[k] = max(v.barSeen[k], v.gridSeen[k])
		}
	}
}

// fetchBody returns the fragment's decoded body, or nil when it has not changed (304).
func (v *viewer) fetchBody(ctx context.Context, fragment string) ([]byte, error) {
	if v.frag == nil {
		c, err := v.dial(ctx)
		if err != nil {
			return nil, err
		}
		v.frag = c
	}
	// A tracker that stops answering costs an error, not a viewer stuck for the rest of the run.
	_ = v.frag.nc.SetDeadline(time.Now().Add(30 * time.Second))
	path := "/" + v.cfg.board + "/" + fragment + "?fop=A&lang=en"
	resp, err := v.frag.get(path, "Accept-Encoding", "gzip", "HX-Request", "true", "If-None-Match", v.etags[fragment])
	if err != nil {
		return nil, err
	}
	v.buf.Reset()
	_, err = v.buf.ReadFrom(resp.Body)
	resp.Body.Close()
	switch {
	case err != nil:
		return nil, err
	case resp.Close:
		v.frag.nc.Close()
		v.frag = nil
	}
	switch resp.StatusCode {
	case http.StatusNotModified:
		return nil, nil
	case http.StatusOK:
	default:
		return nil, fmt.Errorf("%s: %s", path, resp.Status)
	}
	v.etags[fragment] = resp.Header.Get("ETag")
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
	return io.ReadAll(v.zr)
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
