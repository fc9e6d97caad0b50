package sim

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// tracker is a hub behind the OWLCMS endpoint: what the simulator talks to.
func tracker(t *testing.T) (*hub.Hub, *httptest.Server, *owlcms.Handler) {
	t.Helper()
	h := hub.New(hub.Options{Logger: quiet})
	ws := owlcms.NewHandler(h, owlcms.Options{Logger: quiet})
	srv := httptest.NewServer(ws)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = ws.Close(ctx)
		srv.Close()
	})
	return h, srv, ws
}

func start(t *testing.T, o Options) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); Run(ctx, o) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
}

// waitFor polls cond every 20 ms for up to d.
func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, d)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRunsTheMeet: at 50 times real time, within seconds the tracker has the database, the
// translations and the flags, and both platforms lift: the clock runs, the referees decide,
// and the lifting order moves on.
func TestRunsTheMeet(t *testing.T) {
	h, srv, _ := tracker(t)
	start(t, Options{URL: "ws" + strings.TrimPrefix(srv.URL, "http"), Speed: 50, Seed: 7, Logger: quiet})
	waitFor(t, "the resources", 5*time.Second, func() bool {
		s := h.Snapshot()
		return s.Database != nil && len(s.Translations.Locales) > 0 && s.Assets[hub.AssetFlags] > 0
	})
	seen := map[string]map[string]bool{"A": {}, "B": {}}
	firstCurrent := map[string]string{}
	waitFor(t, "a full attempt on both platforms", 15*time.Second, func() bool {
		done := true
		for fop, ev := range seen {
			f := h.Snapshot().FOP(fop)
			if f == nil {
				done = false
				continue
			}
			if f.Clock.Running {
				ev["clock"] = true
			}
			if f.Decision.Event == "FULL_DECISION" && f.Decision.Visible {
				ev["lights"] = true
			}
			if firstCurrent[fop] == "" {
				firstCurrent[fop] = f.CurrentKey
			} else if f.CurrentKey != firstCurrent[fop] {
				ev["next"] = true
			}
			done = done && ev["clock"] && ev["lights"] && ev["next"]
		}
		return done
	})
}

// TestAnswers428AndReconnects: what the tracker asks for is sent; when the tracker goes away
// (a restart: the connection closes with 1001) the simulator comes back by itself and sends
// the database, the translations and the flags to the new tracker.
func TestAnswers428AndReconnects(t *testing.T) {
	h1, srv1, ws1 := tracker(t)
	h1.Want(hub.ResourcePictures)
	h2 := hub.New(hub.Options{Logger: quiet})
	ws2 := owlcms.NewHandler(h2, owlcms.Options{Logger: quiet})
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = ws2.Close(ctx)
	})
	// One address for both trackers, as after a restart.
	var current atomic.Pointer[owlcms.Handler]
	current.Store(ws1)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { current.Load().ServeHTTP(w, r) }))
	t.Cleanup(front.Close)
	_ = srv1

	start(t, Options{URL: "ws" + strings.TrimPrefix(front.URL, "http"), Speed: 20, Logger: quiet})
	waitFor(t, "the pictures asked for by a 428", 10*time.Second, func() bool {
		_, ok := h1.Snapshot().Assets[hub.AssetPictures]
		return ok
	})
	current.Store(ws2)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := ws1.Close(ctx); err != nil { // the old tracker goes away
		t.Fatal(err)
	}
	waitFor(t, "the new tracker fed", 10*time.Second, func() bool {
		s := h2.Snapshot()
		return s.Database != nil && len(s.Translations.Locales) > 0 && s.Assets[hub.AssetFlags] > 0
	})
}
