package owlcms

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub"
)

// Connections over the caps are refused at the upgrade (503), so OWLCMS's back-off grows.
func TestConnectionCaps(t *testing.T) {
	for _, tc := range []struct {
		name       string
		total, ip  int
		wantReason string
	}{
		{"per address", 10, 2, "WS_MAX_CONNECTIONS_PER_IP"},
		{"total", 2, 10, "WS_MAX_CONNECTIONS)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := newFakeHub()
			hs := newHarness(t, fake, Options{MaxConnections: tc.total, MaxConnectionsPerIP: tc.ip})
			c1 := hs.dial("")
			hs.dial("")
			if _, status, err := hs.dialErr(""); err == nil || status != http.StatusServiceUnavailable {
				t.Fatalf("third connection: status %d, err %v", status, err)
			}
			r := fake.inner.Refusals()
			if len(r) != 1 || r[0].Key != "connections" || !strings.Contains(r[0].Reason, tc.wantReason) {
				t.Fatalf("refusals: %+v", r)
			}
			// A place freed is a place taken again.
			c1.ws.Close(websocket.StatusNormalClosure, "")
			waitFor(t, "the place to be freed", func() bool { return hs.h.Connections() == 1 })
			waitFor(t, "a new connection", func() bool {
				c, _, err := hs.dialErr("")
				if err == nil {
					c.ws.CloseNow()
				}
				return err == nil
			})
		})
	}
}

// Sockets that have not proven the key hold at most the shared pre-authentication budget,
// messages still being read included, and give it back when they go.
func TestPreAuthBudgetCountsPartialMessages(t *testing.T) {
	const limit, budget = 1 << 20, 2 << 20
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey, ReadLimit: limit, PreAuthBudget: budget})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var clients []*client
	for range 4 {
		c := hs.dial("")
		clients = append(clients, c)
		w, err := c.ws.Writer(ctx, websocket.MessageBinary)
		if err != nil {
			t.Fatal(err)
		}
		// 900 KiB of a message that never ends: the tracker must hold it, or drop it, but
		// never beyond the budget.
		if _, err := w.Write(EncodeFrame("64.0.0", "database_zip", make([]byte, 900<<10))); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "the partial messages to be read", func() bool { return hs.h.held.used.Load() >= budget-(1<<20) })
	time.Sleep(50 * time.Millisecond)
	if used := hs.h.held.used.Load(); used > budget {
		t.Fatalf("%d bytes held before authentication, budget %d", used, budget)
	}
	for _, c := range clients {
		c.ws.CloseNow()
	}
	waitFor(t, "the budget to be given back", func() bool { return hs.h.held.used.Load() == 0 })
	if fake.openSources() != 0 {
		t.Fatal("unauthenticated sockets counted as OWLCMS connections")
	}
}

// A resource OWLCMS does not answer is given up on (for the back-off), on every connection;
// the database is always asked for.
func TestUnansweredResourceIsNotAskedAgain(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UnansweredAfter: 50 * time.Millisecond})
	fake.setNeeds(hub.Need{Resource: hub.ResourceDatabase, Gen: 1}, hub.Need{Resource: hub.ResourceLogos, Gen: 2})
	c := hs.dial("")
	if got := c.roundTrip(textFrame(t, "update", "")); !strings.Contains(got, `"missing":["database","logos_zip"]`) {
		t.Fatalf("first update: %s", got)
	}
	waitFor(t, "logos to be given up on", func() bool {
		r := fake.inner.Refusals()
		return len(r) == 1 && r[0].Key == "unanswered:logos_zip" && strings.Contains(r[0].Reason, "did not send logos when asked")
	})
	c2 := hs.dial("")
	if got := c2.roundTrip(textFrame(t, "update", "")); !strings.Contains(got, `"missing":["database"]`) {
		t.Fatalf("new connection: %s", got)
	}
	// Logos arriving after all clear the failure.
	c2.sendBinary(EncodeFrame("64.0.0", "logos_zip", []byte("PK\x03\x04lo")))
	c2.roundTrip(textFrame(t, "timer", ""))
	if r := fake.inner.Refusals(); len(r) != 0 {
		t.Fatalf("refusals after logos arrived: %+v", r)
	}
}

// A resource that failed is remembered across connections.
func TestTooBigResourceNotAskedOnNextConnection(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{ReadLimit: 4096})
	c := hs.dial("")
	c.sendBinary(EncodeFrame("64.0.0", "pictures_zip", append([]byte("PK\x03\x04"), make([]byte, 8192)...)))
	c.roundTrip(textFrame(t, "timer", ""))
	fake.setNeeds(hub.Need{Resource: hub.ResourcePictures, Gen: 1})
	c2 := hs.dial("")
	if got := c2.roundTrip(textFrame(t, "timer", "")); got != `{"status":200,"message":"Timer processed"}` {
		t.Fatalf("pictures asked again after failing: %s", got)
	}
}

// Refused upgrades, which anyone can cause, write a bounded number of log lines.
func TestRefusedUpgradesLogRateLimited(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey})
	for range 3 * logBurst {
		if _, _, err := hs.dialErr("?updateKey=nope"); err == nil {
			t.Fatal("wrong URL key accepted")
		}
	}
	if n := strings.Count(hs.logs.String(), "wrong update key in URL"); n != logBurst {
		t.Fatalf("%d log lines for %d refused upgrades, want %d", n, 3*logBurst, logBurst)
	}
	if r := fake.inner.Refusals(); len(r) != 1 || r[0].Count != 3*logBurst {
		t.Fatalf("refusals: %+v", r)
	}
}
