package web_test

import (
	"context"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/demo"
)

// fitsJS says whether the page scrolls and whether the ceremony board's tables are inside the
// window.
const fitsJS = `(() => {
	const se = document.scrollingElement;
	const tables = Array.from(document.querySelectorAll('.fit table, .fit .grid-empty'));
	return {scrolls: se.scrollWidth > innerWidth || se.scrollHeight > innerHeight,
		inside: tables.length > 0 && tables.every((t) => { const r = t.getBoundingClientRect();
			return r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5; }),
		rows: document.querySelectorAll('.fit tbody tr').length, w: innerWidth};
})()`

type fits struct {
	Scrolls, Inside bool
	Rows            int
	W               float64
}

// demoMedals is the medal ceremony of the first category of the demo's session on fop.
func demoMedals(fop string) map[string]any {
	c := demo.NewDemo().Platform(fop).Session.Athletes[0].Category
	m := maps.Clone(medalsStarted)
	m["ceremonyCategory"], m["ceremonyAgeGroup"], m["ceremonyChampionship"] = c.Name(), c.AgeGroup.Code, c.AgeGroup.Championship
	return m
}

// TestBrowserCeremonyBoards: the start list and the medals (outside and during a ceremony)
// render on the demo and fit a laptop and a TV, in both themes, without scrolling.
func TestBrowserCeremonyBoards(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	check := func(path string) {
		t.Helper()
		for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
			b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+path))
			f := waitFor(b, path, 10*time.Second, fitsJS, func(f fits) bool { return f.W == float64(size[0]) && f.Rows > 0 })
			if f.Scrolls || !f.Inside {
				t.Errorf("%s at %dx%d: %+v", path, size[0], size[1], f)
			}
		}
	}
	for _, theme := range []string{"dark", "light"} {
		check("/start-list?fop=A&theme=" + theme)
		check("/medals?fop=A&theme=" + theme)
	}
	ceremony(t, s, "A", demoMedals("A"))
	check("/medals?fop=A")
	check("/medals?fop=A&theme=light")
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserPublicDisplay: a public start order switches to the medals when the medal
// ceremony starts and back when it ends, then to the start list for the introduction and back,
// at its own URL; a warm-up start order open beside it follows the same events without switching.
func TestBrowserPublicDisplay(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	warm, closeWarm := chromedp.NewContext(b.ctx)
	defer closeWarm()
	wb := &browser{t: t, ctx: warm}
	ctx, cancel := context.WithTimeout(warm, browserTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768), chromedp.Navigate(s.srv.URL+"/start-order?fop=A")); err != nil {
		t.Fatal(err)
	}
	waitFor(wb, "the warm-up board", 10*time.Second, `!!document.querySelector('#grid table')`, func(ok bool) bool { return ok })
	eval[bool](wb, `(window.notReloaded = true)`)

	b.do(chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(s.srv.URL+"/start-order?fop=A&public=true"))
	shows := func(what, sel string) {
		t.Helper()
		waitFor(b, what, 15*time.Second, `!!document.querySelector('`+sel+`') && location.pathname + location.search`,
			func(ok any) bool { return ok == "/start-order?fop=A&public=true" })
	}
	shows("the public start order", "#grid table")

	ceremony(t, s, "A", demoMedals("A"))
	shows("the medals during the ceremony", "#medals table.medals")
	waitFor(wb, "the warm-up bar announcing the ceremony", 10*time.Second, `document.querySelector('#bar').innerText`,
		func(s string) bool { return strings.Contains(s, "Medal") })
	if !eval[bool](wb, `window.notReloaded === true && !!document.querySelector('#grid table')`) {
		t.Error("the warm-up board switched during the medal ceremony")
	}

	ceremony(t, s, "A", medalsDone)
	shows("the start order after the ceremony", "#grid table")
	ceremony(t, s, "A", introStarted)
	shows("the start list during the introduction", "#list table.start-list")
	ceremony(t, s, "A", introDone)
	shows("the start order after the introduction", "#grid table")
	if !eval[bool](wb, `window.notReloaded === true`) {
		t.Error("the warm-up board reloaded")
	}
	b.do(chromedp.Navigate("about:blank"))
}
