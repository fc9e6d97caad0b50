package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserLeavingABoardClosesItsStream: going from board to board in one tab (a TV's remote,
// the landing page's links) closes each page's event stream. The browser keeps a page it leaves
// (back-forward cache) with its connections and allows six per host: without this, the seventh
// board hung. Going back shows a live page again.
func TestBrowserLeavingABoardClosesItsStream(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	streamOpen := func(fop string) {
		t.Helper()
		waitFor(b, "platform "+fop+"'s page with its stream", 10*time.Second,
			`document.body.getAttribute('sse-connect')`, func(v string) bool { return v == "/events/"+fop })
		deadline := time.Now().Add(10 * time.Second)
		for s.events.Viewers()["fop:"+fop] != 1 {
			if time.Now().After(deadline) {
				t.Fatalf("platform %s: viewers %v, want its one page", fop, s.events.Viewers())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	for i := range 10 {
		fop := []string{"A", "B"}[i%2]
		b.do(chromedp.Navigate(s.srv.URL + "/start-order?fop=" + fop))
		streamOpen(fop)
		if other := []string{"B", "A"}[i%2]; s.events.Viewers()["fop:"+other] > 0 && i > 0 {
			// The previous page's stream closes as it is left; allow the server a moment.
			deadline := time.Now().Add(5 * time.Second)
			for s.events.Viewers()["fop:"+other] > 0 {
				if time.Now().After(deadline) {
					t.Fatalf("after leaving platform %s's page its stream stays open: %v", other, s.events.Viewers())
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
	}
	b.do(chromedp.NavigateBack())
	streamOpen("A")
	b.do(chromedp.Navigate("about:blank"))
}
