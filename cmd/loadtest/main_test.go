package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/owlcms/tracker/app"
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
	if !strings.Contains(out.String(), "update -> fragment: p50") || !strings.Contains(out.String(), "errors: 0") {
		t.Errorf("report:\n%s", out.String())
	}
}
