package events

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// guard bounds every wait, so that a bug fails the test instead of hanging it. It is not a
// speed assertion: everything here normally happens in milliseconds.
const guard = 10 * time.Second

var discard = slog.New(slog.DiscardHandler)

type fixture struct {
	b      *Broker
	ts     *httptest.Server
	client *http.Client
}

// newFixture starts a broker behind an httptest server with the routes the web package uses.
// Cleanups run in reverse: broker first (SSE handlers never end on their own), then idle
// client connections, then the server.
func newFixture(t *testing.T, o Options) *fixture { return startFixture(t, o, nil) }

// startFixture is newFixture speaking the protocols p (nil: HTTP/1.1), the client too: with
// only unencrypted HTTP/2, as a proxy with h2_backend speaks to the tracker. A request that
// arrives over another protocol is refused, so a test cannot pass on the wrong one.
func startFixture(t *testing.T, o Options, p *http.Protocols) *fixture {
	t.Helper()
	if o.Logger == nil {
		o.Logger = discard
	}
	b := New(o)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /events", func(w http.ResponseWriter, r *http.Request) { b.ServeStream(w, r, "") })
	mux.HandleFunc("GET /events/{fop}", func(w http.ResponseWriter, r *http.Request) { b.ServeStream(w, r, r.PathValue("fop")) })
	ts := httptest.NewUnstartedServer(mux)
	if p != nil {
		ts.Config.Protocols = p
		ts.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.ProtoMajor != 2 {
				http.Error(w, "want HTTP/2", http.StatusHTTPVersionNotSupported)
				return
			}
			mux.ServeHTTP(w, r)
		})
	}
	ts.Start()
	client := &http.Client{Transport: &http.Transport{Protocols: p}}
	t.Cleanup(ts.Close)
	t.Cleanup(client.CloseIdleConnections)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), guard)
		defer cancel()
		if err := b.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return &fixture{b: b, ts: ts, client: client}
}

// frame is one SSE event as a browser would dispatch it.
type frame struct{ Event, Data, Comment string }

func (f frame) String() string {
	if f.Comment != "" {
		return ": " + f.Comment
	}
	return f.Event + " " + f.Data
}

// viewer is a raw HTTP client reading one stream line by line.
type viewer struct {
	frames chan frame
	done   chan struct{} // closed when the stream ended
	quit   chan struct{}
}

func (f *fixture) get(t *testing.T, path string, header http.Header) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, f.ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := f.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// status GETs path and returns the status code, reading and closing the body.
func (f *fixture) status(t *testing.T, path string) int {
	t.Helper()
	resp := f.get(t, path, nil)
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// connect opens a stream. When it returns, the viewer is registered with r3labs, which answers
// the headers only after the subscription is in place.
func (f *fixture) connect(t *testing.T, path string) *viewer {
	t.Helper()
	resp := f.get(t, path, nil)
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		t.Fatalf("GET %s: %s", path, resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type = %q", ct)
	}
	v := &viewer{frames: make(chan frame, 1024), done: make(chan struct{}), quit: make(chan struct{})}
	go func() {
		defer close(v.done)
		v.read(resp.Body)
	}()
	t.Cleanup(func() {
		close(v.quit)
		resp.Body.Close()
		<-v.done
	})
	return v
}

func (v *viewer) read(r io.Reader) {
	br := bufio.NewReader(r)
	var f frame
	started := false
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			if started {
				select {
				case v.frames <- f:
				case <-v.quit:
					return
				}
			}
			f, started = frame{}, false
		case strings.HasPrefix(line, ":"):
			f.Comment, started = strings.TrimSpace(line[1:]), true
		default:
			k, val, _ := strings.Cut(line, ":")
			val = strings.TrimPrefix(val, " ")
			switch k {
			case "event":
				f.Event = val
			case "data":
				f.Data = val
			}
			started = true
		}
	}
}

// next returns the next frame that is not a comment.
func (v *viewer) next(t *testing.T) frame {
	t.Helper()
	timeout := time.After(guard)
	for {
		select {
		case f := <-v.frames:
			if f.Comment == "" {
				return f
			}
		case <-v.done:
			t.Fatal("stream ended")
		case <-timeout:
			t.Fatal("no event")
		}
	}
}

// expect skips frames until event with data v=<version> arrives.
func (v *viewer) expect(t *testing.T, event string, version uint64) {
	t.Helper()
	want := frame{Event: event, Data: "v=" + strconv.FormatUint(version, 10)}
	timeout := time.After(guard)
	var seen []string
	for {
		select {
		case f := <-v.frames:
			if f == want {
				return
			}
			seen = append(seen, f.String())
		case <-v.done:
			t.Fatalf("stream ended before %v; saw %q", want, seen)
		case <-timeout:
			t.Fatalf("no %v; saw %q", want, seen)
		}
	}
}

// waitFor polls cond until it holds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(guard)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
