package app

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

func quietLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestUnusableLocalDirFallsBackToMemory: a LOCAL_DIR the tracker cannot create or write starts
// the tracker anyway, with the assets in memory and a warning that says so.
func TestUnusableLocalDirFallsBackToMemory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	dirs := map[string]string{"not creatable": filepath.Join(file, "local")}
	if os.Geteuid() != 0 { // root writes anywhere: the mode alone cannot make it read-only
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(ro, 0o755) })
		dirs["read-only"] = ro
	}
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			var logs bytes.Buffer
			a, err := New(Config{LocalDir: dir, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			if err != nil {
				t.Fatalf("New refused an unusable asset directory: %v", err)
			}
			defer a.Shutdown(context.Background())
			if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), "kept in memory") {
				t.Errorf("no warning about the memory fallback:\n%s", logs.String())
			}
		})
	}
}

// TestServeShutdownOrder: when Serve's context ends, OWLCMS hears 1001 (going away) while the
// HTTP server still runs, and Serve returns nil with every listener closed.
func TestServeShutdownOrder(t *testing.T) {
	a, err := New(Config{Logger: quietLog(), ShutdownPeriod: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- a.Serve(ctx, ln) }()

	dctx, dcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer dcancel()
	conn, _, err := websocket.Dial(dctx, "ws://"+addr+"/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	// A viewer's event stream stays open until the server ends it.
	resp, err := http.Get("http://" + addr + "/events")
	if err != nil {
		t.Fatal(err)
	}
	streamDone := make(chan struct{})
	go func() { defer close(streamDone); _, _ = io.Copy(io.Discard, resp.Body); resp.Body.Close() }()

	cancel()
	_, _, rerr := conn.Read(dctx)
	if got := websocket.CloseStatus(rerr); got != websocket.StatusGoingAway {
		t.Errorf("OWLCMS socket closed with %v, want 1001 going away", got)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
	<-streamDone
	if _, err := net.Dial("tcp", addr); err == nil {
		t.Error("still listening after shutdown")
	}
	http.DefaultClient.CloseIdleConnections()
}

// TestHandlerWithoutServe: an App serves through its Handler alone (as tests do with
// httptest), and Shutdown twice is harmless.
func TestHandlerWithoutServe(t *testing.T) {
	a, err := New(Config{Logger: quietLog(), Demo: true})
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, "/api/status", nil)
	rec := httptest.NewRecorder()
	a.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"loaded": true`) {
		t.Errorf("/api/status: %d %s", rec.Code, rec.Body.String())
	}
	if err := a.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := a.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// serveDemo serves an App on a free port and returns its address and the function that
// ends Serve's context and returns its error.
func serveDemo(t *testing.T, cfg Config) (string, func() error) {
	t.Helper()
	cfg.Logger = quietLog()
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = a.Shutdown(context.Background())
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- a.Serve(ctx, ln) }()
	return ln.Addr().String(), func() error { cancel(); return <-errc }
}

// TestServeShutdownDuringTraffic: the demo meet running fast, board streams open and fragments
// being fetched, an OWLCMS connected: shutting down returns without hanging, and OWLCMS hears
// 1001 (going away), so it starts reconnecting.
func TestServeShutdownDuringTraffic(t *testing.T) {
	addr, stop := serveDemo(t, Config{Demo: true, Speed: 20, ShutdownPeriod: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}

	ws, _, err := websocket.Dial(ctx, "ws://"+addr+"/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	closed := make(chan error, 1)
	go func() {
		for {
			if _, _, err := ws.Read(ctx); err != nil {
				closed <- err
				return
			}
		}
	}()

	trafficCtx, stopTraffic := context.WithCancel(ctx)
	defer stopTraffic()
	var wg sync.WaitGroup
	for range 5 { // viewers: a stream each, read until the server ends it
		wg.Go(func() {
			req, _ := http.NewRequestWithContext(trafficCtx, http.MethodGet, "http://"+addr+"/events/A", nil)
			if resp, err := client.Do(req); err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	wg.Go(func() { // fragments fetched in a loop until the server is gone
		for trafficCtx.Err() == nil {
			req, _ := http.NewRequestWithContext(trafficCtx, http.MethodGet, "http://"+addr+"/lifting-order/grid?fop=A", nil)
			resp, err := client.Do(req)
			if err != nil {
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	})
	time.Sleep(300 * time.Millisecond) // traffic under way

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	select {
	case err := <-stopped:
		if err != nil {
			t.Errorf("Serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("shutdown hung")
	}
	if got := websocket.CloseStatus(<-closed); got != websocket.StatusGoingAway {
		t.Errorf("OWLCMS socket closed with %v, want 1001", got)
	}
	stopTraffic()
	wg.Wait()
}
