package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub/owlcms"
)

// A refused OWLCMS connection is explained on /status and in /api/status, in plain words.
func TestStatusExplainsRefusals(t *testing.T) {
	s := newTestServer(t, owlcms.Options{UpdateKey: "the-key", MaxConnectionsPerIP: 1})
	wsURL := "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/ws"
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, _, err := websocket.Dial(ctx, wsURL+"?updateKey=wrong", nil); err == nil {
		t.Fatal("a wrong key in the URL was accepted")
	}
	ws, _, err := websocket.Dial(ctx, wsURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	if _, _, err := websocket.Dial(ctx, wsURL, nil); err == nil {
		t.Fatal("a second connection from the same address was accepted")
	}

	get := func(path string) string {
		resp, err := http.Get(s.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	page := get("/status")
	for _, want := range []string{"the update key in its URL is wrong", "connections from that address are already open (WS_MAX_CONNECTIONS_PER_IP)", "OWLCMS not connected"} {
		if !strings.Contains(page, want) {
			t.Errorf("/status lacks %q", want)
		}
	}
	var st Status
	if err := json.Unmarshal([]byte(get("/api/status")), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Refusals) != 2 || st.Refusals[0].Key != "auth" || st.Refusals[1].Key != "connections" || st.Refusals[0].Count != 1 {
		t.Fatalf("refusals: %+v", st.Refusals)
	}
	// The open socket has not proven the key: it is not "OWLCMS connected".
	if st.OWLCMS.Connected {
		t.Fatal("an unauthenticated socket counts as OWLCMS connected")
	}
}
