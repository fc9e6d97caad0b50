package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// contrastJS lists the texts of the page whose contrast with what is behind them is under
// WCAG's 4.5:1 for normal text (3:1 for large text: 24 px, or 18.7 px bold). The background is
// the element's and its ancestors' backgrounds laid over each other down to the first opaque
// one; an overlay's translucent card over video is judged over black and over white; texts
// over a picture or straight on a transparent page are left out, as their background is not
// the page's to know.
const contrastJS = `(() => {
	const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
		const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
	const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
		return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
	// Translucent backgrounds are laid over what is under them, down to the first opaque one.
	const bgOf = (e) => { const layers = [];
		for (; e; e = e.parentElement) { const s = getComputedStyle(e);
			if (s.backgroundImage !== 'none' && !s.backgroundImage.startsWith('linear-gradient')) return null;
			const c = parse(s.backgroundColor); if (!c || c.a <= 0.01) continue; layers.push(c); if (c.a >= 0.99) break; }
		if (!layers.length) return null;
		// A card over video (an overlay's translucent band) is judged over black and over
		// white, the worst the picture under it can be.
		const unders = layers[layers.length - 1].a < 0.99 ? [{r: 0, g: 0, b: 0, a: 1}, {r: 255, g: 255, b: 255, a: 1}] : [layers.pop()];
		return unders.map((u) => { let c = u; for (let i = layers.length - 1; i >= 0; i--) { const t = layers[i];
			c = {r: t.r * t.a + c.r * (1 - t.a), g: t.g * t.a + c.g * (1 - t.a), b: t.b * t.a + c.b * (1 - t.a), a: 1}; }
			return c; }); };
	const out = []; const seen = new Set();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const text = n.textContent.trim(); const e = n.parentElement; if (!text || !e || seen.has(e)) continue; seen.add(e);
		const s = getComputedStyle(e); const r = e.getBoundingClientRect();
		if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) continue;
		if (e.closest('[aria-hidden="true"]')) continue;
		const fg = parse(s.color); const bgs = bgOf(e); if (!fg || !bgs) continue;
		const a = lum(fg); const ratio = Math.min(...bgs.map((bg) => { const b = lum(bg); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }));
		const px = parseFloat(s.fontSize); const large = px >= 24 || (px >= 18.66 && parseInt(s.fontWeight) >= 700);
		if (ratio < (large ? 3 : 4.5)) out.push(text.slice(0, 30) + ' [' + (e.className || e.tagName) + '] ' + ratio.toFixed(2) + ':1');
	}
	return out;
})()`

// TestBrowserContrast: every text of every board is readable, in both themes: at least 4.5:1
// against its background (3:1 when large), as WCAG asks and a TV across a hall needs.
func TestBrowserContrast(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	boards := []string{"/start-order?fop=A", "/lifting-order?fop=A", "/rankings?fop=A", "/attempt-board?fop=A",
		"/team-scoreboard?fop=A&gender=MF&showPredicted=true", "/top-teams?fop=A", "/top-score?fop=A", "/referee-assignments", "/", "/status",
		"/multi-ranks?fop=A", "/records?fop=A", "/start-list?fop=A", "/medals?fop=A", "/team-rankings?fop=A", "/jury?fop=A",
		"/attempt-bar?fop=A", "/current-athlete?fop=A", "/lower-third?fop=A"}
	for _, theme := range []string{"dark", "light"} {
		for _, u := range boards {
			url := u + map[bool]string{true: "&", false: "?"}[strings.Contains(u, "?")] + "theme=" + theme
			b.do(chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(s.srv.URL+url))
			waitFor(b, url, 10*time.Second, `document.body.innerText.length`, func(n int) bool { return n > 20 })
			time.Sleep(300 * time.Millisecond) // fragments loaded
			if low := eval[[]string](b, contrastJS); len(low) > 0 {
				t.Errorf("%s: %d texts under the contrast minimum:\n  %s", url, len(low), strings.Join(first(low, 12), "\n  "))
			}
			// A white flag on a white cell needs an edge.
			if bare := eval[int](b, `[...document.querySelectorAll('img.flag, img.ab-flag')].filter(e => getComputedStyle(e).outlineStyle === 'none').length`); bare > 0 {
				t.Errorf("%s: %d flags without an outline", url, bare)
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}

func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… and %d more", len(s)-n))
	}
	return s
}
