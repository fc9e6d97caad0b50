package web_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// topScoreProbe is the top-score board: its page counter, its athletes' rows (all, and those
// shown on screen), the smallest font of the text in its tables' cells, and whether the page
// scrolls.
type topScoreProbe struct {
	Count   string   `json:"count"`
	Rows    int      `json:"rows"`
	Shown   int      `json:"shown"`
	First   string   `json:"first"`
	CellPx  float64  `json:"cellPx"`
	Inside  bool     `json:"inside"`
	Clipped []string `json:"clipped"`
	Scrolls bool     `json:"scrolls"`
	Errors  []string `json:"errors"`
}

const topScoreProbeJS = `(() => {
	const c = document.querySelector('#tables .pager-count');
	const rows = Array.from(document.querySelectorAll('#tables table tbody tr'));
	const shown = rows.filter((r) => r.getClientRects().length > 0);
	let px = 0;
	for (const td of document.querySelectorAll('#tables table td')) {
		if (!td.textContent.trim() || td.getClientRects().length === 0) continue;
		const f = parseFloat(getComputedStyle(td).fontSize);
		px = px === 0 ? f : Math.min(px, f);
	}
	// Numbers are never cut (names and teams are ellipsized when they must).
	const clipped = Array.from(document.querySelectorAll('#tables table td:not(.name):not(.team)'))
		.filter((td) => td.getClientRects().length > 0 && td.scrollWidth > td.clientWidth + 1)
		.map((td) => td.textContent.trim());
	const se = document.scrollingElement;
	return {
		clipped,
		count: c && !c.hidden ? c.textContent.trim() : '',
		rows: rows.length, shown: shown.length,
		first: shown.length ? shown[0].querySelector('td.name').textContent.trim() : '',
		cellPx: px,
		inside: shown.every((r) => r.getBoundingClientRect().bottom <= innerHeight + 1),
		scrolls: se.scrollHeight > innerHeight || se.scrollWidth > innerWidth,
		errors: window.__errors || [],
	};
})()`

var pageCount = regexp.MustCompile(`^1/([2-9]|\d\d+)$`)

// checkTopScore opens the top-score board at w×h (with query): no text of its tables under 16 px, no
// number cut, every row shown inside the screen, and, when its rows do not all fit, "1/N", then another page
// after pageSeconds. It reports whether the board paged.
func checkTopScore(t *testing.T, b *browser, base string, w, h int64, theme, query string) bool {
	t.Helper()
	b.do(chromedp.EmulateViewport(w, h), chromedp.Navigate(base+"/top-score?fop=A&pageSeconds=2&theme="+theme+query))
	p := waitFor(b, "the tables", 10*time.Second, topScoreProbeJS, func(p topScoreProbe) bool { return p.Shown > 0 })
	time.Sleep(500 * time.Millisecond) // paged, headings fitted
	p = eval[topScoreProbe](b, topScoreProbeJS)
	if p.CellPx < 16 {
		t.Errorf("%dx%d %s%s: the tables' text at %.1f px", w, h, theme, query, p.CellPx)
	}
	if len(p.Clipped) > 0 {
		t.Errorf("%dx%d %s%s: cells cut: %q", w, h, theme, query, p.Clipped)
	}
	if !p.Inside || p.Scrolls || len(p.Errors) > 0 {
		t.Errorf("%dx%d %s%s: rows inside %v, scrolls %v, script errors %q", w, h, theme, query, p.Inside, p.Scrolls, p.Errors)
	}
	if small := eval[[]string](b, smallTextJS+`(12)`); len(small) > 0 {
		t.Errorf("%dx%d %s%s: %d texts under 12 px:\n  %s", w, h, theme, query, len(small), strings.Join(first(small, 12), "\n  "))
	}
	if p.Shown == p.Rows {
		if p.Count != "" {
			t.Errorf("%dx%d %s%s: every row shown, the counter says %q", w, h, theme, query, p.Count)
		}
		return false
	}
	if !pageCount.MatchString(p.Count) {
		t.Fatalf("%dx%d %s%s: %d of %d rows shown, the counter says %q (want 1/N)", w, h, theme, query, p.Shown, p.Rows, p.Count)
	}
	n := strings.TrimPrefix(p.Count, "1/")
	p2 := waitFor(b, "the second page", 5*time.Second, topScoreProbeJS, func(p topScoreProbe) bool { return p.Count == "2/"+n })
	if p2.First == p.First || p2.Shown == 0 || !p2.Inside || p2.CellPx < 16 {
		t.Errorf("%dx%d %s%s: second page %+v after %+v", w, h, theme, query, p2, p)
	}
	t.Logf("%dx%d %s%s: %s pages, %d of %d rows on the first at %.1f px", w, h, theme, query, n, p.Shown, p.Rows, p.CellPx)
	return true
}

// TestBrowserTopScoreLegible: the top-score board of the demo on a laptop and a TV, in both
// themes, is never under the legible size of long boards (16 px on a laptop): it pages when
// its rows do not fit.
func TestBrowserTopScoreLegible(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
		for _, theme := range []string{"dark", "light"} {
			checkTopScore(t, b, s.srv.URL, size[0], size[1], theme, "")
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserTopScorePages: the real team meet's best lifters (ten men and ten women) on a
// laptop and a TV, in both themes: never under 16 px, and with larger text (size=1.5) they
// no longer fit: the board pages them ("1/2", then "2/2"), every row shown inside the screen.
// Skipped without the captures.
func TestBrowserTopScorePages(t *testing.T) {
	requireBrowser(t)
	s, _, _ := capturedMeet(t)
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
		for _, theme := range []string{"dark", "light"} {
			checkTopScore(t, b, s.srv.URL, size[0], size[1], theme, "")
			if !checkTopScore(t, b, s.srv.URL, size[0], size[1], theme, "&size=1.5") {
				t.Errorf("%dx%d %s, size=1.5: twenty rows fit without paging", size[0], size[1], theme)
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}
