package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// rankingsProbe is the first team table of the team rankings: its pages, the offset its
// body is moved up by, and whether the page scrolls.
type rankingsProbe struct {
	Pages   int      `json:"pages"`
	Rows    int      `json:"rows"`
	Offset  float64  `json:"offset"`
	Height  float64  `json:"height"`
	Scrolls bool     `json:"scrolls"`
	Errors  []string `json:"errors"`
}

const rankingsProbeJS = `(() => {
	const vp = document.querySelector('#rankings .tr-viewport');
	const se = document.scrollingElement;
	if (!vp) return { pages: 0, errors: window.__errors || [] };
	const body = vp.querySelector('.tr-body');
	const m = new DOMMatrixReadOnly(getComputedStyle(body).transform);
	return {
		pages: Number(vp.dataset.pages),
		rows: body.querySelectorAll('tr:not(.filler)').length,
		offset: -m.m42,
		height: vp.getBoundingClientRect().height,
		scrolls: se.scrollHeight > innerHeight || se.scrollWidth > innerWidth,
		errors: window.__errors || [],
	};
})()`

// TestBrowserTeamRankingsPages: a mixed-team table of two teams a page sweeps to its second
// page after the pause, and back to the first, on a 1080p and a 4K screen, without scrolling.
func TestBrowserTeamRankingsPages(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	for _, size := range [][2]int64{{1920, 1080}, {3840, 2160}} {
		b.do(chromedp.EmulateViewport(size[0], size[1]),
			chromedp.Navigate(s.srv.URL+"/team-rankings?fop=A&gender=MF&pageSize=2&pagePauseMs=1000&sweepDurationMs=200"))
		p := waitFor(b, "the first page", 10*time.Second, rankingsProbeJS, func(p rankingsProbe) bool { return p.Rows > 2 })
		if p.Offset != 0 || p.Pages < 2 {
			t.Fatalf("at %dx%d: starts at offset %v with %d pages", size[0], size[1], p.Offset, p.Pages)
		}
		// The second page: moved up by about a page's height (two rows of the viewport).
		p2 := waitFor(b, "the second page", 5*time.Second, rankingsProbeJS, func(p rankingsProbe) bool { return p.Offset > 0 })
		time.Sleep(300 * time.Millisecond) // the sweep's end
		p2 = eval[rankingsProbe](b, rankingsProbeJS)
		if p2.Offset < p2.Height*0.8 || p2.Offset > p2.Height*1.2 {
			t.Errorf("at %dx%d: second page at %v, the viewport is %v high", size[0], size[1], p2.Offset, p2.Height)
		}
		if p.Scrolls || len(p.Errors) > 0 || len(p2.Errors) > 0 {
			t.Errorf("at %dx%d: scrolls %v, script errors %q %q", size[0], size[1], p.Scrolls, p.Errors, p2.Errors)
		}
		if p.Pages == 2 {
			waitFor(b, "back to the first page", 5*time.Second, rankingsProbeJS, func(p rankingsProbe) bool { return p.Offset == 0 })
		}
		t.Logf("%dx%d: %d rows on %d pages, page 2 at %.0f px of %.0f", size[0], size[1], p.Rows, p.Pages, p2.Offset, p2.Height)
	}
	b.do(chromedp.Navigate("about:blank"))
}
