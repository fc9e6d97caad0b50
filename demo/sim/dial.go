package sim

import (
	"context"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

// dialTimeout bounds a connection attempt, as OWLCMS's client does.
const dialTimeout = 10 * time.Second

// Dial opens a WebSocket to url as OWLCMS does, within dialTimeout. Its HTTP client keeps no
// connection for reuse: with the shared default client, an attempt cancelled while its TCP
// connection is being set up leaves that connection, once set up, idle in the client's pool,
// open to the tracker but never used; the tracker's HTTP server then waits five seconds for
// it on shutdown (net/http treats a connection that has sent nothing as busy until then).
func Dial(ctx context.Context, url string) (*websocket.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPClient: dialClient})
	return ws, err
}

// dialClient sets up every connection afresh and closes any it will not hand over.
var dialClient = &http.Client{Transport: &http.Transport{DisableKeepAlives: true, Proxy: http.ProxyFromEnvironment}}
