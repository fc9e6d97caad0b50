package app

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestH2C: with H2C the tracker speaks HTTP/2 without TLS to a client that knows it does (as
// Fly's proxy with h2_backend), and HTTP/1.1 still to everyone else; without it, HTTP/1.1 only.
func TestH2C(t *testing.T) {
	for _, on := range []bool{true, false} {
		a, err := New(Config{Logger: quietLog(), H2C: on, ShutdownPeriod: 5 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		served := make(chan error, 1)
		go func() { served <- a.Serve(ctx, ln) }()

		var h2 http.Protocols
		h2.SetUnencryptedHTTP2(true)
		clients := map[string]*http.Client{
			"h2c":      {Transport: &http.Transport{Protocols: &h2}},
			"HTTP/1.1": {Transport: &http.Transport{}},
		}
		for name, c := range clients {
			resp, err := c.Get("http://" + ln.Addr().String() + "/healthz")
			if name == "h2c" && !on {
				if err == nil {
					resp.Body.Close()
					t.Error("without H2C, an HTTP/2 client got an answer")
				}
				continue
			}
			if err != nil {
				t.Fatalf("H2C %v, %s: %v", on, name, err)
			}
			resp.Body.Close()
			want := map[string]int{"h2c": 2, "HTTP/1.1": 1}[name]
			if resp.StatusCode != http.StatusOK || resp.ProtoMajor != want {
				t.Errorf("H2C %v, %s client: %s over HTTP/%d, want 200 over HTTP/%d", on, name, resp.Status, resp.ProtoMajor, want)
			}
			c.CloseIdleConnections()
		}
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}
}
