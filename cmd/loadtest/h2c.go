package main

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// h2cClient is one HTTP/2 connection without TLS (prior knowledge), as a proxy with
// h2_backend holds to the tracker: the viewers given this client share it, each stream and
// fragment request a stream of it. wire counts the bytes it receives while counting is on.
func h2cClient(wire *atomic.Int64, counting *atomic.Bool) *http.Client {
	var p http.Protocols
	p.SetUnencryptedHTTP2(true)
	d := net.Dialer{Timeout: 10 * time.Second}
	return &http.Client{Transport: &http.Transport{
		Protocols: &p,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			nc, err := d.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &countedConn{Conn: nc, r: counter{r: nc, n: wire, on: counting}}, nil
		},
		// One connection per client: its viewers' streams stay under the tracker's stream limit.
		MaxConnsPerHost: 1,
	}}
}

// countedConn counts what is read from a connection.
type countedConn struct {
	net.Conn
	r counter
}

func (c *countedConn) Read(p []byte) (int, error) { return c.r.Read(p) }
