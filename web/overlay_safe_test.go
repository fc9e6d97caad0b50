package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub/owlcms"
)

// TestOverlayHasNoLinkMarker: a transparent overlay over the video never shows "waiting for
// updates" (the viewers of the broadcast would see it); the board pages and /status do.
func TestOverlayHasNoLinkMarker(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	for _, path := range []string{"/attempt-bar?fop=A", "/lower-third?fop=A", "/current-athlete?fop=A"} {
		if _, page := s.get(t, path); strings.Contains(page, "link-marker") || strings.Contains(page, "/link-status") {
			t.Errorf("%s: the overlay carries the OWLCMS connection marker", path)
		}
	}
	if _, page := s.get(t, "/start-order?fop=A"); !strings.Contains(page, `class="link-marker down"`) {
		t.Error("/start-order: no OWLCMS connection marker")
	}
}

// TestBrowserOverlaySafeArea: by default every overlay card lies inside EBU R 95's graphics-safe
// area (5 % of the frame from each edge: 96 px and 54 lines at 1920×1080, twice that at 4K);
// safe=action keeps it inside the action-safe area (3.5 %), safe=none lets the attempt bar
// span the frame, and a number is a margin in percent.
func TestBrowserOverlaySafeArea(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	open := func(path string, w, h int64) overlayProbe {
		t.Helper()
		return probeOverlay(t, b, s.srv.URL+path, w, h)
	}
	inside := func(c rect, x, y, w, h float64) bool {
		return c.X >= x-0.5 && c.Y >= y-0.5 && c.X+c.W <= w-x+0.5 && c.Y+c.H <= h-y+0.5
	}
	for _, tt := range []struct {
		query  string
		margin float64 // fraction of the frame kept clear on each side
	}{
		{"", 0.05}, {"&safe=graphics", 0.05}, {"&safe=action", 0.035}, {"&safe=8", 0.08},
	} {
		for _, path := range []string{
			"/attempt-bar?fop=B", "/attempt-bar?fop=B&position=top", "/current-athlete?fop=B",
			"/lower-third?fop=B&position=bottom-left", "/lower-third?fop=B&position=top-right",
		} {
			for _, size := range [][2]float64{{1920, 1080}, {3840, 2160}} {
				p := open(path+tt.query, int64(size[0]), int64(size[1]))
				x, y := tt.margin*size[0], tt.margin*size[1]
				for _, c := range p.Cards {
					if !inside(c, x, y, size[0], size[1]) {
						t.Errorf("%s at %.0fx%.0f: card %+v outside the safe area (%.1f px, %.1f lines)", path+tt.query, size[0], size[1], c, x, y)
					}
				}
			}
		}
	}
	// Without a margin the bar spans the frame: the margin above is the option's doing.
	if p := open("/attempt-bar?fop=B&safe=none", 1920, 1080); len(p.Cards) == 0 || p.Cards[0].X > 0.5 || p.Cards[0].W < 1919 {
		t.Errorf("safe=none: the bar %+v does not span the frame", p.Cards)
	}
	b.do(chromedp.Navigate("about:blank"))
}
