package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

// TestHostileFramesLoseNothing sends, through a real socket to the real hub, every kind of bad
// input after good state was loaded: each is answered or logged, the good state stays, and
// the connection keeps working.
func TestHostileFramesLoseNothing(t *testing.T) {
	s := newTestServerLimits(t, hub.Limits{Zip: hub.ZipLimits{MaxEntryBytes: 1 << 10}}, owlcms.Options{})
	c := s.dial(t, "/ws")

	goodFlag := []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)
	c.sendBinary("64.0.0", "flags_zip", zipFiles(t, map[string][]byte{"Good Club.svg": goodFlag}))
	if r := c.sendText("64.0.0", "update", json.RawMessage(`{"fop":"A","weight":"80","sessionName":"S1"}`)); r["status"] == nil {
		t.Fatalf("reply %v", r)
	}

	// Binary frames: no reply, but nothing may change.
	hostileBinary := map[string][]byte{
		"zip-slip":          owlcms.EncodeFrame("64.0.0", "flags_zip", zipFiles(t, map[string][]byte{"../../evil.svg": goodFlag})),
		"oversized entry":   owlcms.EncodeFrame("64.0.0", "flags_zip", zipFiles(t, map[string][]byte{"big.svg": bytes.Repeat([]byte("x"), 4<<10)})),
		"corrupt zip":       owlcms.EncodeFrame("64.0.0", "flags_zip", []byte("PK\x03\x04not a zip")),
		"truncated header":  {0, 0, 0, 6, '6', '4'},
		"length past end":   {0xff, 0xff, 0xff, 0xff, 'x'},
		"old version":       owlcms.EncodeFrame("63.0.0", "flags_zip", zipFiles(t, map[string][]byte{"x.svg": goodFlag})),
		"garbage database":  owlcms.EncodeFrame("64.0.0", "database_zip", zipFiles(t, map[string][]byte{"competition.json": []byte(`{"athletes":[]}`)})),
		"unknown type":      owlcms.EncodeFrame("64.0.0", "mystery", []byte("x")),
		"empty frame":       {},
		"database not json": owlcms.EncodeFrame("64.0.0", "database", []byte("nope")),
	}
	for name, frame := range hostileBinary {
		if err := c.conn.Write(c.ctx, websocket.MessageBinary, frame); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}

	// Text frames: each gets a 4xx reply.
	hostileText := map[string]string{
		"malformed json": `{"version":"64.0.0","type":"update","payload":`,
		"unknown type":   `{"version":"64.0.0","type":"styles","payload":{"fop":"A"}}`,
		"wrong version":  `{"version":"2.3.0","type":"update","payload":{"fop":"A","weight":"1"}}`,
		"version number": `{"version":64,"type":"update","payload":{"fop":"A","weight":"1"}}`,
		"payload array":  `{"version":"64.0.0","type":"update","payload":[1,2]}`,
		"no payload":     `{"version":"64.0.0","type":"update"}`,
		"null":           `null`,
	}
	for name, frame := range hostileText {
		if err := c.conn.Write(c.ctx, websocket.MessageText, []byte(frame)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r := c.readReply()
		if st, _ := r["status"].(float64); st < 400 || st >= 500 {
			t.Errorf("%s: reply %v", name, r)
		}
	}

	// Still alive, and nothing was lost.
	if r := c.sendText("64.0.0", "timer", json.RawMessage(`{"fopName":"A","athleteTimerEventType":"SetTime","athleteMillisRemaining":60000}`)); r["status"] != float64(200) {
		t.Errorf("connection unusable after hostile frames: %v", r)
	}
	snap := s.hub.Snapshot()
	if f := snap.FOP("A"); f == nil || f.Current.Weight != "80" || f.SessionName != "S1" {
		t.Errorf("platform state lost: %+v", f)
	}
	if snap.Assets[hub.AssetFlags] != 1 {
		t.Errorf("flags replaced: %v", snap.Assets)
	}
	resp, body := get(t, s.srv.URL+"/local/flags/Good%20Club.svg")
	if resp.StatusCode != http.StatusOK || !bytes.Equal(body, goodFlag) {
		t.Errorf("good flag: %s", resp.Status)
	}
	if resp, _ := get(t, s.srv.URL+"/local/flags/evil.svg"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("zip-slip entry served: %s", resp.Status)
	}
}
