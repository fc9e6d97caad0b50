package owlcms

import (
	"context"
	"testing"
	"time"
)

// TestStatsCount: accepted frames are counted by type, refused ones (bad JSON, made-up types)
// as rejected without adding a label, every byte received is counted, and the keepalive
// records OWLCMS's last answer and its round trip.
func TestStatsCount(t *testing.T) {
	hs := newHarness(t, newRealHub(), Options{PingInterval: 20 * time.Millisecond, PingTimeout: time.Second})
	c := hs.dial("")
	frames := [][]byte{
		wrap("64.0.0", "database", payloadFile(t, "database.json", "")),
		textFrame(t, "update", ""),
		textFrame(t, "timer", ""),
		[]byte("{not json"),
		wrap("64.0.0", "made_up_type", []byte(`{}`)),
	}
	var sent uint64
	for _, f := range frames {
		c.roundTrip(f)
		sent += uint64(len(f))
	}

	s := hs.h.Stats()
	if s.Connections != 1 {
		t.Errorf("Connections = %d, want 1", s.Connections)
	}
	for typ, want := range map[string]uint64{"database": 1, "update": 1, "timer": 1, "decision": 0, OtherType: 0} {
		if s.Accepted[typ] != want {
			t.Errorf("Accepted[%q] = %d, want %d", typ, s.Accepted[typ], want)
		}
	}
	if _, ok := s.Accepted["made_up_type"]; ok {
		t.Error("a peer's made-up type became a label")
	}
	if s.Rejected != 2 {
		t.Errorf("Rejected = %d, want 2 (bad JSON, unknown type)", s.Rejected)
	}
	if s.Bytes != sent {
		t.Errorf("Bytes = %d, want %d", s.Bytes, sent)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { // reading is what answers the tracker's pings
		for {
			if _, _, err := c.ws.Read(ctx); err != nil {
				return
			}
		}
	}()
	waitFor(t, "a ping answered", func() bool { s := hs.h.Stats(); return !s.LastPing.IsZero() && s.PingRTT > 0 })
}
