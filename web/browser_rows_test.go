package web_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// rowsProbe counts the rows htmx swapped out of band (the rows answers of the grid).
const rowsProbe = pageProbe + `
window.__oob = 0;
document.addEventListener('htmx:oobAfterSwap', () => { window.__oob++; }, true);
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
	return { rows: shown.length, oob: window.__oob, diff };
})()`

type gridRows struct {
	Rows int      `json:"rows"`
	OOB  int      `json:"oob"`
	Diff []string `json:"diff"`
}

// TestBrowserRowsTravelAlone: on the captured meet, a weight change reaches the page as the
// grid rows that changed (out-of-band swaps), not as the whole grid, and the page then shows
// exactly what the whole grid would show.
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
	t.Logf("%d rows, %d swapped out of band", g.Rows, g.OOB)
}
