package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub/owlcms"
)

// pagedProbe is a paged board: what its page counter says, how far its rows are moved up, the
// font of its athletes' names, its current attempt, and whether the page scrolls.
type pagedProbe struct {
	Count   string   `json:"count"`
	Offset  float64  `json:"offset"`
	NamePx  float64  `json:"namePx"`
	Current string   `json:"current"`
	Rows    int      `json:"rows"`
	Scrolls bool     `json:"scrolls"`
	Errors  []string `json:"errors"`
}

const pagedProbeJS = `(() => {
	const c = document.querySelector('#teams .pager-count');
	const body = document.querySelector('#teams .pager-body');
	const name = document.querySelector('#teams td.name');
	const cur = document.querySelector('#teams tr.current td.att.current');
	const se = document.scrollingElement;
	return {
		count: c && !c.hidden ? c.textContent.trim() : '',
		offset: body ? -new DOMMatrixReadOnly(getComputedStyle(body).transform).m42 : 0,
		namePx: name ? parseFloat(getComputedStyle(name).fontSize) : 0,
		current: cur ? cur.textContent.trim() : '',
		rows: document.querySelectorAll('#teams tbody.team tr').length,
		scrolls: se.scrollHeight > innerHeight || se.scrollWidth > innerWidth,
		errors: window.__errors || [],
	};
})()`

// TestBrowserLongTeamBoardPages: the team scoreboard of the real team meet, both genders (39
// athletes in 5 teams), on a laptop (1366×768) and a TV: no text under 12 px, the names at
// 16 px at least, and the teams paging themselves ("1/N", then "2/N" after pageSeconds, the
// rows moved up), without scrolling; the current athlete's attempt marked in his row.
// Skipped without the captures.
func TestBrowserLongTeamBoardPages(t *testing.T) {
	requireBrowser(t)
	s, _, _ := capturedMeet(t)
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
		b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+"/team-scoreboard?fop=A&gender=MF&pageSeconds=2"))
		p := waitFor(b, "the first page", 10*time.Second, pagedProbeJS, func(p pagedProbe) bool { return strings.HasPrefix(p.Count, "1/") })
		if p.Rows < 39+5 || p.Offset != 0 || p.Count == "1/1" {
			t.Fatalf("at %dx%d: %d rows, first page at %v, %q", size[0], size[1], p.Rows, p.Offset, p.Count)
		}
		if p.NamePx < 16 {
			t.Errorf("at %dx%d: names at %.1f px", size[0], size[1], p.NamePx)
		}
		if small := eval[[]string](b, smallTextJS+`(12)`); len(small) > 0 {
			t.Errorf("at %dx%d: %d texts under 12 px:\n  %s", size[0], size[1], len(small), strings.Join(first(small, 12), "\n  "))
		}
		if p.Current != "170" {
			t.Errorf("at %dx%d: the current attempt marked %q, want KJELLEVAND's 170", size[0], size[1], p.Current)
		}
		n := strings.TrimPrefix(p.Count, "1/")
		p2 := waitFor(b, "the second page", 5*time.Second, pagedProbeJS, func(p pagedProbe) bool { return p.Count == "2/"+n })
		time.Sleep(1500 * time.Millisecond) // the sweep's end
		p2 = eval[pagedProbe](b, pagedProbeJS)
		if p2.Offset <= 0 {
			t.Errorf("at %dx%d: page %s with its rows at %v", size[0], size[1], p2.Count, p2.Offset)
		}
		if p.Scrolls || p2.Scrolls || len(p.Errors)+len(p2.Errors) > 0 {
			t.Errorf("at %dx%d: scrolls %v %v, script errors %q %q", size[0], size[1], p.Scrolls, p2.Scrolls, p.Errors, p2.Errors)
		}
		t.Logf("%dx%d: %s pages, names at %.1f px, page 2 at %.0f px", size[0], size[1], n, p.NamePx, p2.Offset)
	}
	b.do(chromedp.Navigate("about:blank"))
}

// gridPagesProbe is the standard grid: its counter, the athletes' rows shown and hidden, the
// start number of the first one shown, the cells' font, and whether the page scrolls.
type gridPagesProbe struct {
	Count   string   `json:"count"`
	Shown   int      `json:"shown"`
	Hidden  int      `json:"hidden"`
	First   string   `json:"first"`
	CellPx  float64  `json:"cellPx"`
	Inside  bool     `json:"inside"`
	Scrolls bool     `json:"scrolls"`
	Errors  []string `json:"errors"`
}

const gridPagesProbeJS = `(() => {
	const c = document.querySelector('#grid .pager-count');
	const rows = Array.from(document.querySelectorAll('#grid table.grid:not(.leaders) tbody tr:not(.spacer)'));
	const shown = rows.filter((r) => !r.hidden);
	const grid = document.querySelector('#grid');
	const last = shown[shown.length - 1];
	const se = document.scrollingElement;
	return {
		count: c && !c.hidden ? c.textContent.trim() : '',
		shown: shown.length, hidden: rows.length - shown.length,
		first: shown.length ? shown[0].querySelector('td.start').textContent.trim() : '',
		cellPx: shown.length ? parseFloat(getComputedStyle(shown[0].querySelector('td.name')).fontSize) : 0,
		inside: !!last && last.getBoundingClientRect().bottom <= grid.getBoundingClientRect().bottom + 1,
		scrolls: se.scrollHeight > innerHeight || se.scrollWidth > innerWidth,
		errors: window.__errors || [],
	};
})()`

// TestBrowserBigSessionPages: a 40-athlete session (the real meet's four, ten times over) on a
// laptop: the start order and the rankings do not shrink their rows under 16 px, they page
// ("1/2", then "2/2" from start number 2x after pageSeconds), every row shown inside the
// screen, no text under 12 px. Skipped without the captures.
func TestBrowserBigSessionPages(t *testing.T) {
	requireBrowser(t)
	fx := capturesDir(t)
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	feedCapture(t, c, fx)
	sendUpdate(t, c, bigSessionUpdate(t, fx, 10))
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	for _, board := range []string{"start-order", "rankings"} {
		b.do(chromedp.EmulateViewport(1366, 768), chromedp.Navigate(s.srv.URL+"/"+board+"?fop=A&pageSeconds=2"))
		p := waitFor(b, board+": the first page", 10*time.Second, gridPagesProbeJS, func(p gridPagesProbe) bool { return strings.HasPrefix(p.Count, "1/") })
		if p.CellPx < 16 || p.Hidden == 0 || p.Shown+p.Hidden != 40 || !p.Inside {
			t.Errorf("%s: %+v", board, p)
		}
		if small := eval[[]string](b, smallTextJS+`(12)`); len(small) > 0 {
			t.Errorf("%s: %d texts under 12 px:\n  %s", board, len(small), strings.Join(first(small, 12), "\n  "))
		}
		n := strings.TrimPrefix(p.Count, "1/")
		p2 := waitFor(b, board+": the second page", 5*time.Second, gridPagesProbeJS, func(p gridPagesProbe) bool { return p.Count == "2/"+n })
		if p2.First == p.First || p2.Shown == 0 || !p2.Inside {
			t.Errorf("%s: second page %+v after %+v", board, p2, p)
		}
		if p.Scrolls || p2.Scrolls || len(p.Errors)+len(p2.Errors) > 0 {
			t.Errorf("%s: scrolls %v %v, script errors %q %q", board, p.Scrolls, p2.Scrolls, p.Errors, p2.Errors)
		}
		t.Logf("%s: %s pages, %d rows on the first at %.1f px, the second from %s", board, n, p.Shown, p.CellPx, p2.First)
	}
	b.do(chromedp.Navigate("about:blank"))
}
