package web_test

import (
	"os"
	"path/filepath"
	"slices"
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

// brokenJS lists the headings with a word broken across two lines ("CLEAN&JER" over "K"): a
// heading may wrap between its words, never inside one unless the word is longer than its
// column even at the legible size (12 px on a laptop: "POSICIÓN" over a rank).
const brokenJS = `(() => {
	const out = [];
	const legible = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--legible')) || 0;
	for (const th of document.querySelectorAll('th')) {
		if (parseFloat(getComputedStyle(th).fontSize) <= legible + 0.5) continue;
		const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			const re = /[^\s\-‐–]+/g; // words: a line may break at a space or after a hyphen
			for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
				const r = document.createRange();
				r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
				const lines = new Set(Array.from(r.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top)));
				if (lines.size > 1) out.push(m[0] + ' [' + th.textContent.trim().slice(0, 30) + ']');
			}
		}
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
	// The other boards with headings, in the languages whose words are the longest (and
	// English): every locale on every board would take minutes.
	others := []string{"en"}
	for _, l := range []string{"de", "nb", "fr", "es", "it"} {
		if slices.Contains(locales, l) {
			others = append(others, l)
		}
	}
	b := newBrowser(t)
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
		for _, board := range []string{"start-order", "lifting-order", "rankings", "multi-ranks",
			"records", "start-list", "medals", "team-scoreboard", "team-rankings", "top-teams", "top-score"} {
			langs, sizes := locales, []string{""}
			if !slices.Contains([]string{"start-order", "lifting-order", "rankings", "multi-ranks"}, board) {
				langs = others
			}
			if board == "lifting-order" {
				sizes = append(sizes, "&size=1.5") // headings set smaller still, or wrapped
			}
			for _, lang := range langs {
				for _, scale := range sizes {
					url := "/" + board + "?fop=A&lang=" + lang + scale
					b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+url))
					waitFor(b, url, 10*time.Second, `document.querySelectorAll('main tbody tr, .grid tbody tr').length`, func(n int) bool { return n > 0 })
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
					if broken := eval[[]string](b, brokenJS); len(broken) > 0 {
						t.Errorf("%s at %dx%d: words broken across lines: %q", url, size[0], size[1], first(broken, 8))
					}
				}
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserRankingsRankHeadingWhole: the rankings' last column is named by the lift it
// ranks ("Rank" over "Snatch" during the snatch): on a laptop and a TV, in English and in
// French, the word is never broken, even at the legible size ("SNATC" over "H" at 1366).
func TestBrowserRankingsRankHeadingWhole(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	strict := strictBrokenJS(t)
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
		for _, lang := range []string{"en", "fr"} {
			url := "/rankings?fop=A&lang=" + lang
			b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+url))
			waitFor(b, url, 10*time.Second, `document.querySelectorAll('.grid tbody tr').length`, func(n int) bool { return n > 0 })
			time.Sleep(300 * time.Millisecond) // headings fitted
			if broken := eval[[]string](b, strict); len(broken) > 0 {
				t.Errorf("%s at %dx%d: words broken across lines: %q", url, size[0], size[1], broken)
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}

// strictBrokenJS is brokenJS without its exemption for headings at the legible size.
func strictBrokenJS(t *testing.T) string {
	t.Helper()
	strict := strings.Replace(brokenJS, "if (parseFloat(getComputedStyle(th).fontSize) <= legible + 0.5) continue;", "", 1)
	if strict == brokenJS {
		t.Fatal("brokenJS changed: its legible-size exemption was not found")
	}
	return strict
}

// TestBrowserPhoneHeadingsWhole: on a phone, the headings of the boards whose cards keep a
// header row never break a word ("Athlete" over "s" on the team rankings).
func TestBrowserPhoneHeadingsWhole(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	strict := strictBrokenJS(t)
	for _, u := range []string{"/team-rankings?fop=A", "/lifting-order?fop=A", "/start-list?fop=A", "/medals?fop=A"} {
		for _, lang := range []string{"en", "fr"} {
			url := u + "&lang=" + lang
			b.do(chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.srv.URL+url))
			waitFor(b, url, 10*time.Second, `document.querySelectorAll('tbody tr').length`, func(n int) bool { return n > 0 })
			time.Sleep(300 * time.Millisecond) // headings fitted
			if broken := eval[[]string](b, strict); len(broken) > 0 {
				t.Errorf("%s at 390x844: words broken across lines: %q", url, broken)
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}
