package web_test

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub/owlcms"
)

// feedDemo sends what OWLCMS sends on connect (database, translations, flags) and platform A's
// update, and returns the update's reply status.
func feedDemo(t *testing.T, c *owlcmsClient) float64 {
	t.Helper()
	c.sendBinary("64.0.0", "database_zip", zipFiles(t, map[string][]byte{"competition.json": demo.DatabaseJSON()}))
	c.sendBinary("64.0.0", "translations_zip", zipFiles(t, map[string][]byte{"translations.json": demo.TranslationsJSON()}))
	c.sendBinary("64.0.0", "flags_zip", demo.FlagsZip())
	r := c.sendText("64.0.0", "update", demo.UpdateJSON("A"))
	if updateAccepted(r) {
		return 200
	}
	st, _ := r["status"].(float64)
	return st
}

// sseEvents reads a stream's event names into a channel until the test ends.
func sseEvents(t *testing.T, url string) <-chan string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	names := make(chan string, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				select {
				case names <- ev:
				default:
				}
			}
		}
	}()
	t.Cleanup(func() { cancel(); resp.Body.Close(); <-done })
	return names
}

func awaitEvent(t *testing.T, names <-chan string, want string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case n := <-names:
			if n == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %q event", want)
		}
	}
}

// TestOWLCMSKilledAndBack: OWLCMS dies without a close frame in the middle of a session. The
// boards keep the competition and mark the link down; when OWLCMS comes back, its first
// update is answered 200 (nothing is asked again: everything is still here) and the mark goes.
func TestOWLCMSKilledAndBack(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	if st := feedDemo(t, c); st != 200 {
		t.Fatalf("first update answered %v", st)
	}
	_, barBefore := get(t, s.srv.URL+"/lifting-order/bar?fop=A&lang=en")
	names := sseEvents(t, s.srv.URL+"/events/A")
	if _, body := get(t, s.srv.URL+linkPath+"?lang=en"); bytes.Contains(body, []byte("link-marker down")) {
		t.Fatal("marked down while connected")
	}

	_ = c.conn.CloseNow() // killed: no close handshake
	awaitEvent(t, names, "link")
	if _, body := get(t, s.srv.URL+linkPath+"?lang=en"); !bytes.Contains(body, []byte("link-marker down")) {
		t.Errorf("not marked down after OWLCMS died: %s", body)
	}
	if _, bar := get(t, s.srv.URL+"/lifting-order/bar?fop=A&lang=en"); !bytes.Equal(bar, barBefore) {
		t.Error("the board changed when OWLCMS died; it must keep the last state")
	}

	back := s.dial(t, "/ws")
	// Only the database is asked again: the one loaded has no checksum, so it may be stale.
	if r := back.sendText("64.0.0", "update", demo.UpdateJSON("A")); !updateAccepted(r) {
		t.Errorf("update after reconnecting answered %v, want 200 or the database asked again", r)
	}
	awaitEvent(t, names, "link")
	if _, body := get(t, s.srv.URL+linkPath+"?lang=en"); bytes.Contains(body, []byte("link-marker down")) {
		t.Error("still marked down after OWLCMS came back")
	}
	http.DefaultClient.CloseIdleConnections()
}
