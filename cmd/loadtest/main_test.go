package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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
	a, err := app.New(app.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = a.Shutdown(ctx) // the event streams first: httptest's Close waits for every handler
		srv.Close()
	}()

	r, err := run(context.Background(), config{addr: strings.TrimPrefix(srv.URL, "http://"), viewers: 5, updates: 3,
		interval: 200 * time.Millisecond, board: "lifting-order"})
	if err != nil {
		t.Fatal(err)
	}
	if r.connected != 5 || len(r.latencies) != 15 || r.missed != 0 || r.errors != 0 || r.bytes == 0 {
		t.Errorf("connected %d, samples %d, missed %d, errors %d, bytes %d", r.connected, len(r.latencies), r.missed, r.errors, r.bytes)
	}
	var out bytes.Buffer
	r.print(&out)
	if !strings.Contains(out.String(), "update -> bar and grid (fetch complete): p50") || !strings.Contains(out.String(), "errors: 0") ||
		!strings.Contains(out.String(), `summary: meet="demo" viewers=5 connected=5 updates=3`) {
		t.Errorf("report:\n%s", out.String())
	}
}

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
