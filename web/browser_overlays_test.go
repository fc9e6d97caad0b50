package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub"
)

// overlayProbe is what a browser says of an overlay page: whether anything but its cards
// paints, whether it scrolls, and where its cards are.
type overlayProbe struct {
	HTMLBackground string  `json:"html"`
	BodyBackground string  `json:"body"`
	Scrolls        bool    `json:"scrolls"`
	Cards          []rect  `json:"cards"`
	Text           string  `json:"text"`
	Width          float64 `json:"width"`
	Height         float64 `json:"height"`
}

type rect struct {
	X, Y, W, H float64
}

const overlayProbeJS = `(() => {
	const bg = (el) => getComputedStyle(el).backgroundColor;
	const se = document.scrollingElement;
	return {
		html: bg(document.documentElement), body: bg(document.body),
		scrolls: se.scrollWidth > innerWidth || se.scrollHeight > innerHeight,
		cards: Array.from(document.querySelectorAll('.ov-card'), (c) => {
			const r = c.getBoundingClientRect();
			return {X: r.x, Y: r.y, W: r.width, H: r.height};
		}),
		text: document.body.innerText,
		width: innerWidth, height: innerHeight,
	};
})()`

// probeOverlay opens an overlay at w×h and probes it once its cards are there. Each page is in
// a tab of its own, closed afterwards with its event stream: a browser keeps at most six
// connections to a host, and an event stream holds one.
func probeOverlay(t *testing.T, b *browser, u string, w, h int64) overlayProbe {
	t.Helper()
	tab, closeTab := chromedp.NewContext(b.ctx)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, browserTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h), chromedp.Navigate(u)); err != nil {
		t.Fatalf("%s at %dx%d: %v", u, w, h, err)
	}
	return waitFor(&browser{t: t, ctx: tab}, u+" with its cards", 10*time.Second, overlayProbeJS, func(p overlayProbe) bool {
		return len(p.Cards) > 0 && p.Width == float64(w)
	})
}

// TestBrowserOverlays: every video overlay is transparent except its cards, never scrolls at
// 1920×1080 nor at 4K, and the lower third's four corners are four different places.
func TestBrowserOverlays(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	open := func(path string, w, h int64) overlayProbe {
		t.Helper()
		return probeOverlay(t, b, s.srv.URL+path, w, h)
	}
	const clear = "rgba(0, 0, 0, 0)"
	corners := map[string]rect{}
	for _, path := range []string{
		"/attempt-bar?fop=B", "/attempt-bar?fop=B&position=top&theme=light", "/current-athlete?fop=B",
		"/lower-third?fop=B&position=bottom-left", "/lower-third?fop=B&position=bottom-right",
		"/lower-third?fop=B&position=top-left&size=large", "/lower-third?fop=B&position=top-right&size=small",
	} {
		for _, size := range [][2]int64{{1920, 1080}, {3840, 2160}} {
			p := open(path, size[0], size[1])
			if p.HTMLBackground != clear || p.BodyBackground != clear {
				t.Errorf("%s: the page paints a background (html %s, body %s)", path, p.HTMLBackground, p.BodyBackground)
			}
			if p.Scrolls {
				t.Errorf("%s at %dx%d scrolls", path, size[0], size[1])
			}
			for _, c := range p.Cards {
				if c.X < 0 || c.Y < 0 || c.X+c.W > p.Width+0.5 || c.Y+c.H > p.Height+0.5 {
					t.Errorf("%s at %dx%d: a card leaves the frame: %+v", path, size[0], size[1], c)
				}
			}
			if size[0] == 1920 && len(p.Cards) > 0 {
				corners[path] = p.Cards[0]
			}
		}
	}
	left, right := corners["/lower-third?fop=B&position=bottom-left"], corners["/lower-third?fop=B&position=bottom-right"]
	top := corners["/lower-third?fop=B&position=top-left&size=large"]
	if left.X+left.W > 960 || right.X < 960 || left.Y < 540 || top.Y > 540 {
		t.Errorf("the corners are not where they say: bottom-left %+v, bottom-right %+v, top-left %+v", left, right, top)
	}
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserLowerThirdDoesNotMove: when the lights replace the clock, and go, no card moves or
// changes size.
func TestBrowserLowerThirdDoesNotMove(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.do(chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(s.srv.URL+"/lower-third?fop=B&position=bottom-right"))
	before := waitFor(b, "the lower third", 10*time.Second, overlayProbeJS, func(p overlayProbe) bool { return len(p.Cards) == 2 })
	if _, err := s.hub.Apply(hub.MessageDecision, []byte(`{"fop":"B","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decisionsVisible":"true","down":"false"}`)); err != nil {
		t.Fatal(err)
	}
	waitFor(b, "the lights", 10*time.Second, `document.querySelectorAll('.lt-clock .light').length`, func(n int) bool { return n == 3 })
	after := eval[overlayProbe](b, overlayProbeJS)
	if len(after.Cards) != 2 || after.Cards[0] != before.Cards[0] || after.Cards[1] != before.Cards[1] {
		t.Errorf("the cards moved when the lights came: %+v → %+v", before.Cards, after.Cards)
	}
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserAttemptBoardFits: the attempt board fills a laptop and a 4K TV without scrolling
// or cutting the weight, the clock or the barbell.
func TestBrowserAttemptBoardFits(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	const fitJS = `(() => {
		const inside = (sel) => { const e = document.querySelector(sel); if (!e) return false;
			const r = e.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5; };
		const se = document.scrollingElement;
		return {scrolls: se.scrollWidth > innerWidth || se.scrollHeight > innerHeight,
			weight: inside('.ab-weight'), clock: inside('.ab-clock .clock'), barbell: inside('.barbell'), name: inside('.ab-last'), w: innerWidth};
	})()`
	type fit struct {
		Scrolls, Weight, Clock, Barbell, Name bool
		W                                     float64
	}
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}, {3840, 2160}, {1080, 1920}} {
		b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+"/attempt-board?fop=B"))
		f := waitFor(b, "the attempt board", 10*time.Second, fitJS, func(f fit) bool { return f.W == float64(size[0]) && f.Barbell })
		if f.Scrolls || !f.Weight || !f.Clock || !f.Name {
			t.Errorf("attempt board at %dx%d: %+v", size[0], size[1], f)
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}
