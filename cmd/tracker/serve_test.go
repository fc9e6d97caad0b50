package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// startServe runs serve on a free port and returns its address and a stop function that
// returns serve's error.
func startServe(t *testing.T, c config) (string, func() error) {
	t.Helper()
	c.Addr = "127.0.0.1:0"
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	errc := make(chan error, 1)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	go func() { errc <- serve(ctx, c, log, func(a string) { addrc <- a }) }()
	select {
	case a := <-addrc:
		return a, func() error { cancel(); return <-errc }
	case err := <-errc:
		cancel()
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	return "", nil
}

func TestServeDemo(t *testing.T) {
	addr, stop := startServe(t, config{Demo: true, WSReadLimitMB: 64, ShutdownPeriod: 5})
	defer func() {
		if err := stop(); err != nil && !errors.Is(err, context.Canceled) {
			t.Error(err)
		}
		http.DefaultClient.CloseIdleConnections()
	}()
	resp, err := http.Get("http://" + addr + "/api/status")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !containsAll(string(body), `"loaded": true`, `"name": "A"`, `"name": "B"`) {
		t.Errorf("demo status: %s", body)
	}
}

func TestHealthCheckFailsWithoutServer(t *testing.T) {
	if err := healthCheck("127.0.0.1:1"); err == nil {
		t.Error("healthcheck passed with nothing listening")
	}
	if err := healthCheck("not an address"); err == nil {
		t.Error("bad address accepted")
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// TestServeAdminListener: metrics are served on the admin address only, never on the public
// one, and the admin listener goes away with the tracker.
func TestServeAdminListener(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	adminAddr := ln.Addr().String()
	ln.Close()
	addr, stop := startServe(t, config{Demo: true, AdminAddr: adminAddr, WSReadLimitMB: 64, ShutdownPeriod: 5})
	defer http.DefaultClient.CloseIdleConnections()

	get := func(url string) (int, string) {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, body := get("http://" + adminAddr + "/metrics"); code != http.StatusOK || !strings.Contains(body, "tracker_viewers") {
		t.Errorf("admin /metrics: %d\n%s", code, body)
	}
	for _, p := range []string{"/metrics", "/debug/pprof/"} {
		if code, body := get("http://" + addr + p); code == http.StatusOK && strings.Contains(body, "tracker_") || strings.Contains(body, "goroutine?debug") {
			t.Errorf("public %s serves admin content (%d)", p, code)
		}
	}
	if err := stop(); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	if _, err := http.Get("http://" + adminAddr + "/metrics"); err == nil {
		t.Error("admin listener still up after shutdown")
	}
}
