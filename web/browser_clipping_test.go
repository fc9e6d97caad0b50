package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// clippedJS lists the header cells and labels whose text does not fit their box (cut or
// ellipsised): a heading a viewer cannot read is a fault whatever the language.
const clippedJS = `(() => {
	const out = [];
	for (const e of document.querySelectorAll('th, .bar-attempt, .bar-session, .records-name')) {
		const r = e.getBoundingClientRect(); if (r.width === 0 || !e.textContent.trim()) continue;
		if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 2)
			out.push(e.textContent.trim().slice(0, 30) + ' [' + (e.className || e.tagName) + '] ' + e.scrollWidth + '>' + e.clientWidth);
	}
	return out;
})()`

// TestBrowserNoClippedHeadings: the scoreboards' headings fit in every language the tracker
// has, at 1366×768 and 1920×1080. With the captured meet's translations beside the repository
// (22 locales), all of them; otherwise the demo's.
func TestBrowserNoClippedHeadings(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	locales := []string{"en", "fr", "fr-CA"}
	dir := filepath.Join("..", "..", "shared", "fixtures", "owlcms-v2")
	if data, err := os.ReadFile(filepath.Join(dir, "translations.json")); err == nil {
		if _, err := s.hub.LoadTranslationsJSON(data); err != nil {
			t.Fatal(err)
		}
		locales = nil
		for l := range s.hub.Snapshot().Translations.Locales {
			locales = append(locales, l)
		}
	} else {
		t.Log("the captured meet's translations (../shared beside the repository) are absent: checking the demo's locales only")
	}
	b := newBrowser(t)
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
		for _, board := range []string{"start-order", "lifting-order", "rankings", "multi-ranks"} {
			for _, lang := range locales {
				url := "/" + board + "?fop=A&lang=" + lang
				b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+url))
				waitFor(b, url, 10*time.Second, `document.querySelectorAll('.grid tbody tr').length`, func(n int) bool { return n > 0 })
				// The headings are fitted after each swap (static/js/fit.js): give a loaded
				// machine a moment, then report what is still cut.
				deadline := time.Now().Add(3 * time.Second)
				cut := eval[[]string](b, clippedJS)
				for len(cut) > 0 && time.Now().Before(deadline) {
					time.Sleep(100 * time.Millisecond)
					cut = eval[[]string](b, clippedJS)
				}
				if len(cut) > 0 {
					t.Errorf("%s at %dx%d: %d headings cut:\n  %s", url, size[0], size[1], len(cut), strings.Join(first(cut, 8), "\n  "))
				}
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}
