package app

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// embeddedNATS runs a NATS server with JetStream on loopback for one test.
func embeddedNATS(t *testing.T) string {
	t.Helper()
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true, MaxPayload: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("embedded NATS not ready")
	}
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })
	return "nats://" + srv.Addr().(*net.TCPAddr).String()
}

// TestIngestAndReplica: the two-tier layout as main builds it. The ingest (the demo, fed like
// OWLCMS feeds a tracker) publishes; a replica started from the same NATS serves the same
// board fragments, says on /status that it follows, and sends OWLCMS to the ingest.
func TestIngestAndReplica(t *testing.T) {
	url := embeddedNATS(t)
	ingest, err := New(Config{Logger: quietLog(), Demo: true, NATSURL: url})
	if err != nil {
		t.Fatal(err)
	}
	ing := httptest.NewServer(ingest.Handler())
	replica, err := New(Config{Logger: quietLog(), NATSURL: url, Follow: true})
	if err != nil {
		t.Fatal(err)
	}
	rep := httptest.NewServer(replica.Handler())
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = replica.Shutdown(ctx)
		_ = ingest.Shutdown(ctx)
		rep.Close()
		ing.Close()
	}()

	get := func(base, path string) (int, string) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	const grid = "/start-order/grid?fop=A&lang=en"
	_, want := get(ing.URL, grid)
	deadline := time.Now().Add(20 * time.Second)
	for {
		if code, got := get(rep.URL, grid); code == http.StatusOK && got == want {
			break
		}
		if time.Now().After(deadline) {
			_, got := get(rep.URL, grid)
			t.Fatalf("the replica's grid never became the ingest's:\n%.300s\nvs\n%.300s", got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, st := get(rep.URL, "/api/status"); !strings.Contains(st, `"replication"`) {
		t.Errorf("the replica's status does not say it follows: %.400s", st)
	}
	if code, body := get(rep.URL, "/ws"); code != http.StatusServiceUnavailable || !strings.Contains(body, "replica") {
		t.Errorf("OWLCMS at a replica's /ws: %d %q, want a refusal that says where to go", code, body)
	}
	if _, err := New(Config{Logger: quietLog(), Follow: true}); err == nil {
		t.Error("a replica without NATS started")
	}
}
