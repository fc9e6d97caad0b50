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
