package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromiumPath returns Debian's Chromium (/usr/bin/chromium, else `chromium` on PATH), or ""
// when it is not installed (.ci/run installs it).
func chromiumPath() string {
	if fi, err := os.Stat("/usr/bin/chromium"); err == nil && !fi.IsDir() {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// requireBrowser skips the test in -short mode or when Chromium is not installed, and
// returns Chromium's path.
func requireBrowser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped in -short mode")
	}
	path := chromiumPath()
	if path == "" {
		t.Skip("browser test: chromium not installed (apt-get install chromium; .ci/run does it)")
	}
	return path
}

// browserTimeout bounds each browser action, so that a hung page fails the test instead of
// reaching go test's -timeout.
const browserTimeout = 30 * time.Second

// browser is one headless Chromium tab.
type browser struct {
	t   *testing.T
	ctx context.Context // the tab's chromedp context (no deadline: it owns the browser)
}

// newBrowser starts headless Chromium, or skips the test in -short mode or when Chromium is
// not installed. Call it after newTestServer: cleanups run last-in first-out, so the browser
// (and every connection it holds) is gone before the server shuts down, and chromedp's
// goroutines have all returned before goleak looks.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := requireBrowser(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Headless,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1920, 1080),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	stop := func() {
		cancelTab()   // closes the browser and waits for it
		cancelAlloc() // waits for the allocator's goroutines and removes the profile directory
	}
	// The first Run starts the browser; it must not carry a deadline (that would end the
	// browser with it), so bound it from outside.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			stop()
			t.Fatalf("starting %s: %v", path, err)
		}
	case <-time.After(browserTimeout):
		stop()
		<-started
		t.Fatalf("starting %s: no answer in %v", path, browserTimeout)
	}
	t.Cleanup(stop)
	return &browser{t: t, ctx: ctx}
}

// do runs actions on the tab with a deadline.
func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// onNewDocument makes the tab run script in every document it loads from now on, before the
// page's own scripts.
func (b *browser) onNewDocument(script string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	params := page.AddScriptToEvaluateOnNewDocumentParams{Source: script}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, params); err != nil {
		b.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its JSON value into T.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := evalErr[T](b, expr)
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func evalErr[T any](b *browser, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// waitFor polls the page every 100 ms until expr's value satisfies ok, and returns that value;
// after timeout it fails the test with the last value seen. Evaluation errors (a page in the
// middle of a swap) are retried.
func waitFor[T any](b *browser, what string, timeout time.Duration, expr string, ok func(T) bool) T {
	b.t.Helper()
	deadline := time.Now().Add(timeout)
	var last T
	var lastErr error
	for {
		v, err := evalErr[T](b, expr)
		if err == nil && ok(v) {
			return v
		}
		if err == nil {
			last = v
		}
		lastErr = err
		if time.Now().After(deadline) {
			seen, _ := json.Marshal(last)
			b.t.Fatalf("%s: not seen within %v; last value %s (last error %v)", what, timeout, seen, lastErr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// gate sits in front of a test server and can refuse new event-stream connections, so that a
// test decides exactly when a page that lost its stream may reconnect.
type gate struct {
	srv     *httptest.Server
	down    atomic.Bool  // refuse /events requests with 503
	refused atomic.Int64 // /events requests refused so far
}

// newGate serves s's router on a second httptest server with a switch on /events. Its cleanup
// closes s's event streams first (httptest waits for every handler, and SSE handlers never
// return by themselves); the later cleanup of s closes them again, which is a no-op.
func newGate(t *testing.T, s *testServer) *gate {
	t.Helper()
	g := &gate{}
	next := s.srv.Config.Handler
	g.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.down.Load() && (r.URL.Path == "/events" || strings.HasPrefix(r.URL.Path, "/events/")) {
			g.refused.Add(1)
			http.Error(w, "event streams are down (test)", http.StatusServiceUnavailable)
			return
		}
		next.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.events.Close(ctx)
		g.srv.Close()
	})
	return g
}
