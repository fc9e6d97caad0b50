package owlcms

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
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

const testKey = "s3cret-Key-Of-The-Meet"

// harness is a Handler behind a real HTTP server, with its log captured.
type harness struct {
	t    *testing.T
	h    *Handler
	srv  *httptest.Server
	logs *syncBuffer
}

func newHarness(t *testing.T, hb Hub, o Options) *harness {
	t.Helper()
	logs := &syncBuffer{}
	o.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := NewHandler(hb, o)
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := h.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
		srv.Close()
		if t.Failed() {
			t.Logf("handler log:\n%s", logs.String())
		}
	})
	return &harness{t: t, h: h, srv: srv, logs: logs}
}

func (hs *harness) wsURL(query string) string {
	return "ws" + strings.TrimPrefix(hs.srv.URL, "http") + "/ws" + query
}

// dialErr opens a connection, returning the HTTP status on failure.
func (hs *harness) dialErr(query string) (*client, int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ws, resp, err := websocket.Dial(ctx, hs.wsURL(query), &websocket.DialOptions{HTTPClient: hs.srv.Client()})
	status := 0
	if resp != nil {
		status = resp.StatusCode
		if resp.Body != nil {
			resp.Body.Close()
		}
	}
	if err != nil {
		return nil, status, err
	}
	ws.SetReadLimit(8 << 20)
	hs.t.Cleanup(func() { ws.CloseNow() })
	return &client{t: hs.t, ws: ws}, status, nil
}

func (hs *harness) dial(query string) *client {
	hs.t.Helper()
	c, status, err := hs.dialErr(query)
	if err != nil {
		hs.t.Fatalf("dial: status %d: %v", status, err)
	}
	return c
}

// client plays OWLCMS.
type client struct {
	t  *testing.T
	ws *websocket.Conn
}

func (c *client) send(typ websocket.MessageType, data []byte) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.ws.Write(ctx, typ, data); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *client) sendText(s []byte)   { c.t.Helper(); c.send(websocket.MessageText, s) }
func (c *client) sendBinary(b []byte) { c.t.Helper(); c.send(websocket.MessageBinary, b) }

// readRaw returns the next text frame.
func (c *client) readRaw() []byte {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	typ, data, err := c.ws.Read(ctx)
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	if typ != websocket.MessageText {
		c.t.Fatalf("got a %v frame, want text", typ)
	}
	return data
}

// read returns the next reply, decoded.
func (c *client) read() map[string]any {
	c.t.Helper()
	raw := c.readRaw()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		c.t.Fatalf("reply %q is not a JSON object: %v", raw, err)
	}
	return m
}

// roundTrip sends a text frame and returns the raw reply.
func (c *client) roundTrip(s []byte) string {
	c.t.Helper()
	c.sendText(s)
	return string(c.readRaw())
}

// expectClose reads until the connection closes and returns the close status.
func (c *client) expectClose() websocket.StatusCode {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		_, data, err := c.ws.Read(ctx)
		if err != nil {
			return websocket.CloseStatus(err)
		}
		c.t.Logf("frame before close: %s", data)
	}
}

// wrap builds a text frame.
func wrap(version, typ string, payload []byte) []byte {
	env := map[string]any{"type": typ, "payload": json.RawMessage(payload)}
	if version != "" {
		env["version"] = version
	}
	b, err := json.Marshal(env)
	if err != nil {
		panic(err)
	}
	return b
}

// payloadFile reads testdata/name and sets its update key (removed when key is "").
func payloadFile(t *testing.T, name, key string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "updateKey")
	if key != "" {
		m["updateKey"], _ = json.Marshal(key)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// textFrame is a 64.0.0 envelope around testdata/<typ>.json.
func textFrame(t *testing.T, typ, key string) []byte {
	t.Helper()
	return wrap("64.0.0", typ, payloadFile(t, typ+".json", key))
}

// encodeLegacy builds a legacy binary frame (no version).
func encodeLegacy(typ string, payload []byte) []byte {
	return EncodeFrame("", typ, payload)
}

// makeZip builds a ZIP archive from name/content pairs.
func makeZip(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// syncBuffer is a bytes.Buffer safe for the handler's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// httpGet performs a plain GET through the test server's client.
func (hs *harness) httpGet(path string) (*http.Response, string) {
	hs.t.Helper()
	resp, err := hs.srv.Client().Get(hs.srv.URL + path)
	if err != nil {
		hs.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp, b.String()
}
