package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub/owlcms"
)

// skewedClock is installed before any page script: the viewer's clock runs 90 minutes fast (a
// TV never set right), while __realNow keeps the true time (browser and server share this
// machine's clock) for the test to compare with.
const skewedClock = `
(() => {
	const real = Date.now.bind(Date);
	window.__realNow = real;
	Date.now = () => real() + 90 * 60 * 1000;
})();
`

// clockProbe reads the bar's clock: its text, the time left by the page's own estimate, and
// the true time left (from the real clock and the anchor the server sent).
type clockProbe struct {
	Text  string  `json:"text"`
	Page  float64 `json:"page"`  // ms left by the page's reckoning (its server-time estimate)
	True  float64 `json:"true"`  // ms truly left
	Warn  string  `json:"warn"`  // the clock's class list
	Down  bool    `json:"down"`  // the down arrow is visible
	Light int     `json:"light"` // visible decision lights
	Clock bool    `json:"clock"` // the clock is visible
}

const clockProbeJS = `(() => {
	const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
	const c = document.querySelector('#bar .clock');
	const out = {text: '', page: 0, true: 0, warn: '',
		down: Array.from(document.querySelectorAll('#bar .down')).some(visible),
		light: Array.from(document.querySelectorAll('#bar .light')).filter(visible).length,
		clock: visible(c)};
	if (c) {
		const rem = Number(c.dataset.remainingMs), anchor = Number(c.dataset.anchorMs);
		out.text = c.textContent.trim();
		out.page = rem - (window.trackerServerNow() - anchor);
		out.true = rem - (window.__realNow() - anchor);
		out.warn = c.className;
	}
	return out;
})()`

// TestBrowserClockAfterReload: a 60 s clock starts, the page reloads 5 s later and shows about
// 0:55, although the viewer's clock is 90 minutes off: the page reckons in server time.
func TestBrowserClockAfterReload(t *testing.T) {
	requireBrowser(t)
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	send(t, c, "update", lifterUpdate)

	b := newBrowser(t)
	b.onNewDocument(skewedClock)
	b.do(chromedp.Navigate(s.srv.URL + "/start-order?fop=A"))
	waitFor(b, "the clock at 1:00, not running", 15*time.Second, clockProbeJS, func(p clockProbe) bool { return p.Text == "1:00" })

	send(t, c, "timer", `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000","athleteStartTimeMillis":"1000"}`)
	started := s.hub.Snapshot().FOP("A").Clock.ReceivedAt
	p := waitFor(b, "the clock running", 10*time.Second, clockProbeJS, func(p clockProbe) bool { return p.Text == "0:59" || p.Text == "0:58" })
	t.Logf("running: %+v", p)

	time.Sleep(time.Until(started.Add(5 * time.Second))) // the scenario: reload 5 s after the start
	b.do(chromedp.Reload())
	p = waitFor(b, "about 0:55 after the reload, within 0.3 s of the truth", 10*time.Second, clockProbeJS, func(p clockProbe) bool {
		return p.Text != "" && p.Page-p.True < 300 && p.True-p.Page < 300
	})
	t.Logf("after reload: %+v (%.0f ms from the truth)", p, p.Page-p.True)
	if p.Text != "0:55" && p.Text != "0:54" {
		t.Errorf("after reloading 5 s into a 60 s clock the page shows %q, want 0:55", p.Text)
	}
	if skew := eval[float64](b, `Date.now() - window.__realNow()`); skew < 89*60*1000 {
		t.Fatalf("the viewer's clock is not skewed (%.0f ms): the test proves nothing", skew)
	}
	// It keeps counting by itself.
	waitFor(b, "the clock keeps running", 5*time.Second, clockProbeJS, func(q clockProbe) bool { return q.True < p.True-1500 && q.Text != p.Text })
	if p.Warn != "clock running" {
		t.Errorf("classes at 0:55: %q", p.Warn)
	}

	// The warning colours come on by themselves as the clock runs: 90 s on a two-minute clock,
	// then 30 s.
	send(t, c, "timer", `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"90600","timeAllowed":"120000","athleteInitialWarningMillis":"90000","athleteFinalWarningMillis":"30000"}`)
	waitFor(b, "the 90 s warning", 5*time.Second, clockProbeJS, func(q clockProbe) bool {
		return q.Text == "1:30" && strings.Contains(q.Warn, "warn-initial") && !strings.Contains(q.Warn, "warn-final")
	})
	send(t, c, "timer", `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"30600","timeAllowed":"120000","athleteInitialWarningMillis":"90000","athleteFinalWarningMillis":"30000"}`)
	waitFor(b, "the 30 s warning", 5*time.Second, clockProbeJS, func(q clockProbe) bool {
		return q.Text == "0:30" && strings.Contains(q.Warn, "warn-final") && !strings.Contains(q.Warn, "warn-initial")
	})
	// And it stops at 0:00.
	send(t, c, "timer", `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"500","timeAllowed":"60000"}`)
	waitFor(b, "0:00", 5*time.Second, clockProbeJS, func(q clockProbe) bool { return q.Text == "0:00" && q.True < -500 })
}

// TestBrowserDownSignalThenLights: the down arrow shows as soon as it arrives and stays at least
// 2 s even though the lights follow at once (as with an immediate decision display); the lights
// then stay until OWLCMS's RESET, after which the clock is back.
func TestBrowserDownSignalThenLights(t *testing.T) {
	requireBrowser(t)
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	send(t, c, "update", lifterUpdate)
	send(t, c, "timer", `{"fopName":"A","athleteTimerEventType":"StopTime","athleteMillisRemaining":"41000","timeAllowed":"60000"}`)

	b := newBrowser(t)
	b.onNewDocument(skewedClock)
	b.do(chromedp.Navigate(s.srv.URL + "/lifting-order?fop=A"))
	waitFor(b, "the stopped clock", 15*time.Second, clockProbeJS, func(p clockProbe) bool { return p.Text == "0:41" && p.Clock })

	send(t, c, "decision", `{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`)
	downAt := s.hub.Snapshot().FOP("A").Decision.DownAt
	waitFor(b, "the down arrow", 5*time.Second, clockProbeJS, func(p clockProbe) bool { return p.Down && !p.Clock })
	send(t, c, "decision", `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"false","d3":"true","decisionsVisible":"true","down":"false"}`)

	// The lights are in the page at once, but under the held arrow until 2 s after the down signal.
	waitFor(b, "the lights fragment", 5*time.Second, `document.querySelectorAll('#bar .light').length`, func(n int) bool { return n == 3 })
	held := eval[clockProbe](b, clockProbeJS)
	if since := time.Since(downAt); since >= 1800*time.Millisecond {
		t.Logf("the lights arrived only %v after the down signal: the hold was not observed", since)
	} else if !held.Down || held.Light != 0 {
		t.Errorf("%v after the down signal the lights replaced the arrow: %+v", since, held)
	}
	p := waitFor(b, "the lights after the hold", 5*time.Second, clockProbeJS, func(p clockProbe) bool { return p.Light == 3 })
	if since := time.Since(downAt); since < 1950*time.Millisecond {
		t.Errorf("the arrow was held only %v", since)
	}
	if p.Down {
		t.Errorf("the arrow stays over the lights: %+v", p)
	}
	white := eval[int](b, `document.querySelectorAll('#bar .light.good').length`)
	red := eval[int](b, `document.querySelectorAll('#bar .light.bad').length`)
	if white != 2 || red != 1 {
		t.Errorf("lights: %d white, %d red; want 2 and 1", white, red)
	}

	// An update arriving while the lights are up (OWLCMS moves to the next athlete) keeps them.
	send(t, c, "update", lifterUpdate)
	time.Sleep(300 * time.Millisecond)
	if p := eval[clockProbe](b, clockProbeJS); p.Light != 3 {
		t.Errorf("an update cleared the lights before the reset: %+v", p)
	}

	send(t, c, "decision", `{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`)
	waitFor(b, "the clock after the reset", 5*time.Second, clockProbeJS, func(p clockProbe) bool { return p.Light == 0 && !p.Down && p.Clock })
}

// markerJS says whether the board's connection marker is visible.
const markerJS = `(() => { const m = document.querySelector('#link .link-marker'); return !!m && m.getClientRects().length > 0; })()`

// TestBrowserConnectionMarker: when OWLCMS goes away the board keeps its last state and shows a
// discreet marker, gone as soon as OWLCMS is back; the same marker shows while the page's own
// event stream is down.
func TestBrowserConnectionMarker(t *testing.T) {
	requireBrowser(t)
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	send(t, c, "update", lifterUpdate)

	g := newGate(t, s)
	b := newBrowser(t)
	b.do(chromedp.Navigate(g.srv.URL + "/start-order?fop=A"))
	waitFor(b, "the board, no marker", 15*time.Second, `document.querySelector('#bar').textContent.includes('MARLOWE') && !(`+markerJS+`)`,
		func(ok bool) bool { return ok })

	_ = c.conn.CloseNow() // OWLCMS killed
	waitFor(b, "the marker once OWLCMS is gone", 10*time.Second, markerJS, func(v bool) bool { return v })
	if !eval[bool](b, `document.querySelector('#bar').textContent.includes('MARLOWE')`) {
		t.Error("the board lost its state with OWLCMS")
	}

	c = s.dial(t, "/ws") // OWLCMS back
	send(t, c, "update", lifterUpdate)
	waitFor(b, "no marker once OWLCMS is back", 10*time.Second, markerJS, func(v bool) bool { return !v })

	// The page's own stream down (the tracker unreachable): marked after a few seconds.
	g.down.Store(true)
	g.srv.CloseClientConnections()
	waitFor(b, "the marker while the stream is down", 15*time.Second, markerJS, func(v bool) bool { return v })
	g.down.Store(false)
	waitFor(b, "no marker once the stream is back", 20*time.Second, markerJS, func(v bool) bool { return !v })
	b.do(chromedp.Navigate("about:blank"))
}
