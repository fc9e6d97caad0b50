package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/scoreboards"
)

// smallTextJS lists the texts of the page drawn under min px: the computed font size of the
// element holding each visible text node.
const smallTextJS = `((min) => {
	const out = []; const seen = new Set();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const text = n.textContent.trim(); const e = n.parentElement; if (!text || !e || seen.has(e)) continue; seen.add(e);
		const s = getComputedStyle(e); const r = e.getBoundingClientRect();
		if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) continue;
		if (e.closest('[aria-hidden="true"], [hidden]')) continue;
		const px = parseFloat(s.fontSize);
		if (px < min) out.push(text.slice(0, 30) + ' [' + (e.className || e.tagName) + '] ' + px.toFixed(1) + 'px');
	}
	return out;
})`

// TestBrowserNoTinyText: on a laptop screen (1366×768), no text of any board, of the landing
// page or of /status is under 12 px, in both themes.
func TestBrowserNoTinyText(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	pages := []string{"/", "/status", "/documents"}
	for _, bd := range scoreboards.All() {
		u := "/" + bd.Name
		if !bd.NoPlatform {
			u += "?fop=A"
		}
		pages = append(pages, u)
	}
	// (The team scoreboard of both genders at once is a long board: paging keeps it legible.)
	pages = append(pages, "/team-scoreboard?fop=A&showPredicted=true", "/lifting-order?fop=B", "/attempt-board?fop=B")
	for _, theme := range []string{"dark", "light"} {
		for _, u := range pages {
			url := u + map[bool]string{true: "&", false: "?"}[strings.Contains(u, "?")] + "theme=" + theme
			b.do(chromedp.EmulateViewport(1366, 768), chromedp.Navigate(s.srv.URL+url))
			waitFor(b, url, 10*time.Second, `document.body.innerText.length`, func(n int) bool { return n > 10 })
			time.Sleep(300 * time.Millisecond) // fragments loaded, headings fitted
			if small := eval[[]string](b, smallTextJS+`(12)`); len(small) > 0 {
				t.Errorf("%s: %d texts under 12 px:\n  %s", url, len(small), strings.Join(first(small, 12), "\n  "))
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}
