package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub/owlcms"
)

// End-to-end tests in headless Chromium: OWLCMS frames in through /ws, the hub, the SSE broker,
// htmx-ext-sse in the page, and the fragments htmx refetches. They skip in -short mode and when
// Chromium is absent. Every wait is a poll with a generous deadline, never a sleep.

// pageProbe is installed before any page script runs: it counts the event stream's
// (re)connections and keeps the page's script errors.
const pageProbe = `
window.__opens = 0;
window.__errors = [];
document.addEventListener('htmx:sseOpen', () => { window.__opens++; }, true);
window.addEventListener('error', (e) => { window.__errors.push(String(e.message)); });
`

// liftingPage is what the lifting-order board shows about the current athlete.
type liftingPage struct {
	Bar      string   `json:"bar"`      // text of #bar
	Weight   string   `json:"weight"`   // the bar's requested weight, without its unit
	Name     string   `json:"name"`     // name cell of the grid's current row
	Attempts []string `json:"attempts"` // the current row's six attempt cells
	Current  string   `json:"current"`  // the attempt cell marked current
	Marker   int      `json:"marker"`   // window.__marker: reset by any page reload
	Opens    int      `json:"opens"`    // htmx:sseOpen events since the page loaded
	Errors   []string `json:"errors"`   // script errors since the page loaded
}

const liftingPageJS = `(() => {
	const text = (el) => el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
	const bar = document.querySelector('#bar');
	const w = document.querySelector('#bar .bar-weight');
	const row = document.querySelector('#grid tr.current');
	return {
		bar: text(bar),
		weight: w && w.firstChild ? w.firstChild.textContent.trim() : '',
		name: row ? text(row.querySelector('td.name')) : '',
		attempts: row ? Array.from(row.querySelectorAll('td.att'), text) : [],
		current: row ? text(row.querySelector('td.att.current')) : '',
		marker: window.__marker || 0,
		opens: window.__opens || 0,
		errors: window.__errors || [],
	};
})()`

// shows reports whether the page shows the capture's current athlete with weight w requested
// in the bar and in his third clean & jerk cell.
func (p liftingPage) shows(w string) bool {
	return strings.Contains(p.Bar, "KJELLEVAND") && strings.Contains(p.Name, "KJELLEVAND") &&
		p.Weight == w && len(p.Attempts) == 6 && p.Attempts[5] == w && p.Current == w
}

const captureVersion = "64.0.0-rc08"

// capturedMeet is a test server fed the captured meet as OWLCMS sent it on connecting, then
// the LiftingOrderUpdated update (KJELLEVAND's third clean & jerk at 170), with the
// connection and the captures' folder. Skipped without the captures.
func capturedMeet(t *testing.T) (*testServer, *owlcmsClient, string) {
	t.Helper()
	fx := capturesDir(t)
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	feedCapture(t, c, fx)
	sendUpdate(t, c, liftingOrderUpdate(t, fx, 170))
	return s, c, fx
}

// feedCapture sends the captured database, translations and flags as OWLCMS does on connect.
func feedCapture(t *testing.T, c *owlcmsClient, fx string) {
	t.Helper()
	var dbEnvelope struct {
		Database json.RawMessage `json:"database"`
	}
	if err := json.Unmarshal(readFile(t, filepath.Join(fx, "2025-12-18T13-52-13-909-DATABASE.json")), &dbEnvelope); err != nil {
		t.Fatal(err)
	}
	c.sendBinary(captureVersion, "database_zip", zipFiles(t, map[string][]byte{"competition.json": dbEnvelope.Database}))
	c.sendBinary(captureVersion, "translations_zip", zipFiles(t, map[string][]byte{
		"translations.json": readFile(t, filepath.Join(fx, "translations.json")),
	}))
	flagFiles, err := filepath.Glob(filepath.Join(fx, "flags", "*.svg"))
	if err != nil || len(flagFiles) == 0 {
		t.Fatalf("flags: %v %v", flagFiles, err)
	}
	flags := map[string][]byte{}
	for _, f := range flagFiles {
		flags[filepath.Base(f)] = readFile(t, f)
	}
	c.sendBinary(captureVersion, "flags_zip", zipFiles(t, flags))
}

// liftingOrderUpdate returns the captured LiftingOrderUpdated update with the current
// athlete's request (his third clean & jerk) changed to weight kg, as OWLCMS sends it after a
// weight change: the bar's weight, the athlete's change and his attempt cell.
func liftingOrderUpdate(t *testing.T, fx string, weight int) json.RawMessage {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(readFile(t, filepath.Join(fx, "2025-12-18T14-05-16-672-UPDATE-LIFTINGORDERUPDATED.json"))))
	dec.UseNumber() // athlete keys and ids as sent
	var u map[string]any
	if err := dec.Decode(&u); err != nil {
		t.Fatal(err)
	}
	if u["liftTypeKey"] != "Clean_and_Jerk" || u["attemptNumber"] != "3" || u["weight"] != "170" {
		t.Fatalf("the capture is not KJELLEVAND's third clean & jerk at 170: %v %v %v", u["liftTypeKey"], u["attemptNumber"], u["weight"])
	}
	w := strconv.Itoa(weight)
	u["weight"] = w
	cur := fmt.Sprint(u["currentAthleteKey"])
	found := false
	for _, e := range u["sessionAthletes"].([]any) {
		e := e.(map[string]any)
		if fmt.Sprint(e["athleteKey"]) != cur {
			continue
		}
		found = true
		e["athlete"].(map[string]any)["cleanJerk3Change1"] = json.Number(w)
		cells := e["displayInfo"].(map[string]any)["cattempts"].([]any)
		cells[2].(map[string]any)["value"] = json.Number(w)
	}
	if !found {
		t.Fatalf("current athlete %s not among the session's athletes", cur)
	}
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sendUpdate(t *testing.T, c *owlcmsClient, payload json.RawMessage) {
	t.Helper()
	if reply := c.sendText(captureVersion, "update", payload); !updateAccepted(reply) {
		t.Fatalf("update: reply %v", reply)
	}
}

// TestBrowserLiftingOrderLive drives the real capture through the whole pipeline into a real
// browser: the page shows the current athlete, follows a weight change without reloading,
// and after losing its event stream (while an update is missed) catches up as soon as the
// stream is back, because the fragments refetch on htmx:sseOpen.
func TestBrowserLiftingOrderLive(t *testing.T) {
	requireBrowser(t)
	s, c, fx := capturedMeet(t)

	g := newGate(t, s) // the browser talks to the gate, which can refuse event streams
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	b.do(chromedp.Navigate(g.srv.URL + "/lifting-order?fop=A"))

	p := waitFor(b, "KJELLEVAND at 170 with the stream open", 15*time.Second, liftingPageJS,
		func(p liftingPage) bool { return p.shows("170") && p.Opens >= 1 })
	t.Logf("bar: %q", p.Bar)
	t.Logf("current row: %q %q", p.Name, p.Attempts)
	// Failed lifts are in parentheses, as on OWLCMS's own boards.
	if want := []string{"(130)", "(130)", "130", "160", "165", "170"}; !slices.Equal(p.Attempts, want) {
		t.Errorf("attempt cells %q, want %q", p.Attempts, want)
	}
	if p.Opens != 1 {
		t.Errorf("%d stream openings after the first load, want 1", p.Opens)
	}
	eval[int](b, `window.__marker = 1`)

	// A weight change reaches the page over SSE: no reload, no reconnection.
	sendUpdate(t, c, liftingOrderUpdate(t, fx, 172))
	p = waitFor(b, "the change to 172", 10*time.Second, liftingPageJS, func(p liftingPage) bool { return p.shows("172") })
	if p.Marker != 1 {
		t.Fatal("the page reloaded to show 172")
	}
	if p.Opens != 1 {
		t.Errorf("the stream reconnected (%d openings) instead of carrying the change", p.Opens)
	}

	// Drop the stream and keep it down while OWLCMS sends 174: the page cannot hear of it.
	g.down.Store(true)
	g.srv.CloseClientConnections()
	sendUpdate(t, c, liftingOrderUpdate(t, fx, 174))
	deadline := time.Now().Add(20 * time.Second)
	for g.refused.Load() == 0 { // the browser tried to reconnect and was refused
		if time.Now().After(deadline) {
			t.Fatal("the page did not try to reconnect its event stream within 20 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if p := eval[liftingPage](b, liftingPageJS); !p.shows("172") {
		t.Fatalf("while disconnected the page changed: %+v", p)
	}

	// Let it reconnect: htmx-ext-sse retries with backoff, and the fragments refetch on open.
	g.down.Store(false)
	p = waitFor(b, "174 after reconnecting", 20*time.Second, liftingPageJS, func(p liftingPage) bool { return p.shows("174") })
	if p.Marker != 1 {
		t.Fatal("the page reloaded to catch up")
	}
	if p.Opens != 2 {
		t.Errorf("%d stream openings, want 2 (the catch-up must come from the reconnection)", p.Opens)
	}
	t.Logf("reconnected after %d refused attempts", g.refused.Load())

	// The new stream carries later changes too (htmx-ext-sse re-binds the sse: triggers).
	sendUpdate(t, c, liftingOrderUpdate(t, fx, 176))
	p = waitFor(b, "176 on the new stream", 10*time.Second, liftingPageJS, func(p liftingPage) bool { return p.shows("176") })
	if p.Marker != 1 || p.Opens != 2 {
		t.Errorf("after 176: marker %d, %d openings", p.Marker, p.Opens)
	}
	if len(p.Errors) > 0 {
		t.Errorf("script errors in the page: %q", p.Errors)
	}
}

// platformPage is what a standard board shows: the names of the session's athletes (not of
// the leaders below them) and the whole page's text.
type platformPage struct {
	Names []string `json:"names"`
	Text  string   `json:"text"`
	SSE   string   `json:"sse"`
}

const platformPageJS = `(() => ({
	names: Array.from(document.querySelectorAll('#grid .fit table.grid:not(.leaders) td.name'), (td) => td.textContent.trim()),
	text: document.body ? document.body.textContent : '',
	sse: document.body ? (document.body.getAttribute('sse-connect') || '') : '',
}))()`

// TestBrowserTwoPlatforms: the demo's platforms A and B have different athletes; each board
// shows its own and none of the other's. (TestEachPlatformShowsOnlyItsAthletes checks the same
// over plain HTTP for every board.)
func TestBrowserTwoPlatforms(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	snap := s.hub.Snapshot()
	names := map[string][]string{}
	for _, fop := range []string{"A", "B"} {
		f := snap.FOP(fop)
		if f == nil {
			t.Fatalf("demo has no platform %s", fop)
		}
		for _, e := range f.StartOrder {
			if e.Athlete != nil {
				names[fop] = append(names[fop], e.Athlete.FullName)
			}
		}
		slices.Sort(names[fop])
	}
	if len(names["A"]) == 0 || len(names["B"]) == 0 {
		t.Fatalf("demo start orders: %v", names)
	}

	b := newBrowser(t)
	for fop, other := range map[string]string{"A": "B", "B": "A"} {
		b.do(chromedp.Navigate(s.srv.URL + "/start-order?fop=" + fop))
		p := waitFor(b, "platform "+fop+"'s grid", 15*time.Second, platformPageJS, func(p platformPage) bool {
			got := slices.Sorted(slices.Values(p.Names))
			return slices.Equal(got, names[fop])
		})
		if p.SSE != "/events/"+fop {
			t.Errorf("platform %s page listens to %q", fop, p.SSE)
		}
		for _, n := range names[other] {
			if strings.Contains(p.Text, n) {
				t.Errorf("platform %s's board shows %q of platform %s", fop, n, other)
			}
		}
	}
	// Leave the page so that its event stream closes before the server does.
	b.do(chromedp.Navigate("about:blank"))
}
