package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// rowsProbe counts the rows htmx swapped out of band (the rows answers of the grid), the
// fragment requests by path, and the platform's events.
const rowsProbe = pageProbe + `
window.__oob = 0;
window.__requests = [];
window.__events = 0;
document.addEventListener('htmx:oobAfterSwap', (e) => { if (e.detail.target.tagName === 'TR') window.__oob++; }, true);
document.addEventListener('htmx:beforeRequest', (e) => { window.__requests.push(e.detail.requestConfig.path); }, true);
document.addEventListener('htmx:sseMessage', () => { window.__events++; }, true);
`

// gridRows compares, row by row (id, class, text), the grid the page shows with the whole grid
// fragment the server renders now for the same URL, parsed by the same browser.
const gridRowsJS = `(async () => {
	const host = document.querySelector('#grid');
	const html = await (await fetch(host.getAttribute('hx-get'))).text();
	const t = document.createElement('template');
	t.innerHTML = html;
	const rows = (root) => Array.from(root.querySelectorAll('tr'),
		(tr) => [tr.id, tr.className, tr.textContent.replace(/\s+/g, ' ').trim()].join('|'));
	const shown = rows(host), whole = rows(t.content);
	const diff = [];
	for (let i = 0; i < Math.max(shown.length, whole.length); i++) {
		if (shown[i] !== whole[i]) diff.push('shown ' + shown[i] + ' / whole ' + whole[i]);
	}
	return { rows: shown.length, oob: window.__oob, diff, requests: window.__requests, events: window.__events };
})()`

type gridRows struct {
	Rows int      `json:"rows"`
	OOB  int      `json:"oob"`
	Diff []string `json:"diff"`
	// Requests are the paths of the page's fragment requests; Events counts the events of
	// the platform's stream (each triggers the grid's request, or joins one queued).
	Requests []string `json:"requests"`
	Events   int      `json:"events"`
}

// TestBrowserRowsTravelAlone: on the captured meet, a weight change reaches the page as the
// grid rows that changed (out-of-band swaps), not as the whole grid, with the bar in the same
// answer: one request per event, none for the bar; the page then shows exactly what the whole
// grid would show, and the bar the new weight.
func TestBrowserRowsTravelAlone(t *testing.T) {
	requireBrowser(t)
	s, c, fx := capturedMeet(t)

	b := newBrowser(t)
	b.onNewDocument(rowsProbe)
	b.do(chromedp.Navigate(s.srv.URL + "/lifting-order?fop=A"))
	waitFor(b, "KJELLEVAND at 170", 15*time.Second, liftingPageJS, func(p liftingPage) bool { return p.shows("170") && p.Opens >= 1 })

	for _, w := range []int{172, 175} {
		sendUpdate(t, c, liftingOrderUpdate(t, fx, w))
		p := waitFor(b, "the change", 10*time.Second, liftingPageJS, func(p liftingPage) bool { return p.Current == strconv.Itoa(w) })
		if !p.shows(strconv.Itoa(w)) || len(p.Errors) > 0 {
			t.Fatalf("after %d: %+v", w, p)
		}
	}
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	g, err := chromedp.Run(ctx, chromedp.Evaluate[gridRows](gridRowsJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if g.OOB == 0 {
		t.Error("the weight changes came as whole grids, not as the rows that changed")
	}
	if g.Rows < 5 || len(g.Diff) > 0 {
		t.Errorf("%d rows shown; differences from the whole grid: %q", g.Rows, g.Diff)
	}
	grids := 0
	for _, p := range g.Requests {
		switch {
		case strings.HasPrefix(p, "/lifting-order/grid?"):
			grids++
		case strings.HasPrefix(p, "/lifting-order/"):
			t.Errorf("the page asked for %s: the grid's answers carry the bar", p)
		}
	}
	if grids == 0 || grids > g.Events+2 { // the page's load and its stream's opening ask too
		t.Errorf("%d grid requests for %d events", grids, g.Events)
	}
	t.Logf("%d rows, %d swapped out of band; %d requests for %d events", g.Rows, g.OOB, grids, g.Events)
}
