package owlcms

import (
	"io"
	"log/slog"
	"testing"

	"github.com/owlcms/tracker/hub"
)

func newRealHub() *hub.Hub {
	return hub.New(hub.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// With the real hub: an update before any database gets exactly one 428, whose missing list
// starts with "database"; later updates are not asked again.
func TestRealHubRequestsDatabaseOnce(t *testing.T) {
	h := newRealHub()
	hs := newHarness(t, h, Options{})
	c := hs.dial("")

	c.sendText(textFrame(t, "update", ""))
	first := c.read()
	missing, _ := first["missing"].([]any)
	if first["status"] != 428.0 || first["reason"] != "missing_preconditions" || len(missing) == 0 || missing[0] != "database" {
		t.Fatalf("first update: %v", first)
	}
	t.Logf("first reply: %v", first)
	for _, typ := range []string{"update", "timer", "decision"} {
		c.sendText(textFrame(t, typ, ""))
		if r := c.read(); r["status"] == 428.0 {
			t.Fatalf("%s asked again: %v", typ, r)
		}
	}
}

// The whole connect sequence as OWLCMS 64 sends it, against the real hub.
func TestRealHubConnectSequence(t *testing.T) {
	h := newRealHub()
	hs := newHarness(t, h, Options{UpdateKey: testKey})
	c := hs.dial("")

	c.sendBinary(EncodeFrame("64.0.0", "database_zip", makeZip(t, "competition.json", readTestdata(t, "database.json"))))
	c.sendBinary(EncodeFrame("64.0.0", "translations_zip", makeZip(t, "translations.json", readTestdata(t, "translations.json"))))
	c.sendBinary(EncodeFrame("64.0.0", "flags_zip", makeZip(t,
		"Cedar Hollow WC.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"Blue Quarry Barbell.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)))
	if h.Snapshot().Database != nil {
		t.Fatal("database loaded before authentication")
	}

	// The database OWLCMS sends on connect is the one it exported at start-up, and it has no
	// checksum: the first text frame asks for a fresh one, once.
	if got := c.roundTrip(textFrame(t, "update", testKey)); got != `{"status":428,"message":"Precondition Required: Missing required data","reason":"missing_preconditions","missing":["database"]}` {
		t.Fatalf("first update after the ZIPs: %s (needs %v)", got, h.Needs())
	}
	if got := c.roundTrip(textFrame(t, "update", testKey)); got != want200 {
		t.Fatalf("second update: %s (needs %v)", got, h.Needs())
	}
	s := h.Snapshot()
	if s.Database == nil || len(s.Database.Athletes) != 2 {
		t.Fatalf("database not loaded: %+v", s.Database)
	}
	if s.ProtocolVersion != "64.0.0" || len(s.Sources) != 1 {
		t.Fatalf("status: version %q, %d sources", s.ProtocolVersion, len(s.Sources))
	}

	// A board wants logos: OWLCMS is asked at once, unprompted.
	h.Want(hub.ResourceLogos)
	if got := string(c.readRaw()); got != wantPlugLogo {
		t.Fatalf("unprompted request: %s", got)
	}

	// A too-old binary frame latches a protocol error (the reply to a malformed text frame,
	// which does not touch the hub, proves it was processed); a valid frame clears it.
	c.sendBinary(EncodeFrame("63.0.0", "flags_zip", makeZip(t, "x.svg", "<svg/>")))
	c.roundTrip([]byte(`{"version":`))
	if pe := h.Snapshot().ProtocolError; pe == nil || pe.Source != "binary" || pe.Received != "63.0.0" {
		t.Fatalf("binary protocol error: %+v", pe)
	}
	if n := len(h.Assets().Names(hub.AssetFlags)); n != 2 {
		t.Fatalf("a too-old flags_zip replaced the flags: %d files", n)
	}
	c.roundTrip(textFrame(t, "timer", testKey))
	if pe := h.Snapshot().ProtocolError; pe != nil {
		t.Fatalf("protocol error not cleared by a valid frame: %+v", pe)
	}
	c.sendText(wrap("63.0.0", "update", payloadFile(t, "update.json", testKey)))
	c.readRaw()
	if pe := h.Snapshot().ProtocolError; pe == nil || pe.Source != "text" || pe.Received != "63.0.0" {
		t.Fatalf("protocol error: %+v", pe)
	}
	assertKeyNeverLogged(t, hs)
}

// Asked for flags it does not have, OWLCMS sends a 0-byte flags_zip: the tracker takes it as
// "no flags", and neither asks again nor lists flags as missing.
func TestRealHubEmptyFlagsZip(t *testing.T) {
	h := newRealHub()
	hs := newHarness(t, h, Options{})
	c := hs.dial("")
	c.sendBinary(EncodeFrame("64.0.0", "flags_zip", nil))
	c.sendBinary(EncodeFrame("64.0.0", "translations_zip", makeZip(t, "translations.json", readTestdata(t, "translations.json"))))
	c.roundTrip(textFrame(t, "timer", ""))
	if n, ok := h.Snapshot().Assets[hub.AssetFlags]; !ok || n != 0 {
		t.Fatalf("flags after an empty flags_zip: %v", h.Snapshot().Assets)
	}
	for _, n := range h.Needs() {
		if n.Resource == hub.ResourceFlags {
			t.Fatalf("flags still needed: %v", h.Needs())
		}
	}
}
