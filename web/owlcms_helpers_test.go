package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/app"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/web/events"
	"github.com/owlcms/tracker/web/fragcache"
)

// testServer is a tracker (app.New, the one assembly) on an httptest server.
type testServer struct {
	hub    *hub.Hub
	ws     *owlcms.Handler
	srv    *httptest.Server
	events *events.Broker
	frags  *fragcache.Cache
}

func newTestServer(t *testing.T, opts owlcms.Options) *testServer {
	t.Helper()
	return newTestServerLimits(t, hub.Limits{}, opts)
}

func newTestServerLimits(t *testing.T, limits hub.Limits, opts owlcms.Options) *testServer {
	t.Helper()
	return newServer(t, limits, opts, false)
}

// newServer starts a tracker; demo says it runs the demo competition (loaded, no OWLCMS
// expected, so boards never mark themselves "not connected"; no simulator runs).
func newServer(t *testing.T, limits hub.Limits, opts owlcms.Options, demo bool) *testServer {
	t.Helper()
	return serveApp(t, app.Config{Limits: limits, OWLCMS: opts, Demo: demo})
}

// serveApp builds an App from cfg (quiet unless cfg says otherwise) and serves its handler.
// The cleanup shuts the App down before closing the httptest server: App.Shutdown ends the
// event streams, and httptest's Close waits for every handler.
func serveApp(t *testing.T, cfg app.Config) *testServer {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	cfg.Version = "test"
	a, err := app.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = a.Shutdown(ctx)
		srv.Close()
	})
	return &testServer{hub: a.Hub, ws: a.OWLCMS, srv: srv, events: a.Events, frags: a.Fragments}
}

// owlcmsClient is a WebSocket client that talks like OWLCMS 64.
type owlcmsClient struct {
	t    *testing.T
	conn *websocket.Conn
	ctx  context.Context
}

// apply is s's hub taking a message as OWLCMS sends it, failing t if it is refused.
func (s *testServer) apply(t *testing.T) func(hub.MessageType, []byte) {
	return func(typ hub.MessageType, payload []byte) {
		t.Helper()
		if _, err := s.hub.Apply(typ, payload); err != nil {
			t.Fatal(err)
		}
	}
}

func (s *testServer) dial(t *testing.T, path string) *owlcmsClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.srv.URL, "http")+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.SetReadLimit(1 << 20)
	t.Cleanup(func() { _ = c.CloseNow() })
	return &owlcmsClient{t: t, conn: c, ctx: ctx}
}

// sendBinary sends [u32 len][version][u32 len][type][payload], OWLCMS 64's binary layout.
func (c *owlcmsClient) sendBinary(version, typ string, payload []byte) {
	c.t.Helper()
	if err := c.conn.Write(c.ctx, websocket.MessageBinary, owlcms.EncodeFrame(version, typ, payload)); err != nil {
		c.t.Fatal(err)
	}
}

// sendText sends {version,type,payload} and returns the tracker's JSON reply.
func (c *owlcmsClient) sendText(version, typ string, payload json.RawMessage) map[string]any {
	c.t.Helper()
	env, err := json.Marshal(map[string]any{"version": version, "type": typ, "payload": payload})
	if err != nil {
		c.t.Fatal(err)
	}
	if err := c.conn.Write(c.ctx, websocket.MessageText, env); err != nil {
		c.t.Fatal(err)
	}
	for {
		// The tracker may ask for a resource on its own at any time (a board that shows flags
		// was opened): that unprompted 428 is not this frame's reply.
		if reply := c.readReply(); reply["reason"] != "plugin_preconditions" {
			return reply
		}
	}
}

func (c *owlcmsClient) readReply() map[string]any {
	c.t.Helper()
	mt, data, err := c.conn.Read(c.ctx)
	if err != nil {
		c.t.Fatal(err)
	}
	if mt != websocket.MessageText {
		c.t.Fatalf("reply of type %v", mt)
	}
	var reply map[string]any
	if err := json.Unmarshal(data, &reply); err != nil {
		c.t.Fatalf("reply %q: %v", data, err)
	}
	return reply
}

func zipFiles(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = f.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// capturesDir returns ../shared/fixtures/owlcms-v2 next to the repository, or skips: the real
// captures are not part of the repository (they describe real people).
func capturesDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	fx := filepath.Join(dir, "..", "shared", "fixtures", "owlcms-v2")
	if _, err := os.Stat(fx); err != nil {
		t.Skipf("real OWLCMS captures not available (%s absent): conformance against real traffic skipped", fx)
	}
	return fx
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}
