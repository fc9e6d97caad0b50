package web_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserCeremoniesOfTheCapturedMeet: the real captured meet, fed through OWLCMS's
// socket, with the ceremonies its session did not reach (its last update again with OWLCMS's
// ceremony fields): a public start order switches to the podium of a decided category (three
// medalists, no scrolling on a TV or a laptop), back to itself, then to the start list of the
// session's athletes for their introduction. Skipped without the captures.
func TestBrowserCeremoniesOfTheCapturedMeet(t *testing.T) {
	requireBrowser(t)
	s, c, fx := capturedMeet(t)
	send := func(extra map[string]any) {
		t.Helper()
		dec := json.NewDecoder(bytes.NewReader(liftingOrderUpdate(t, fx, 170)))
		dec.UseNumber()
		var u map[string]any
		if err := dec.Decode(&u); err != nil {
			t.Fatal(err)
		}
		maps.Copy(u, extra)
		b, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		sendUpdate(t, c, b)
	}
	// A category of the meet with its three medals decided in the database.
	db := s.hub.Snapshot().Database
	category := ""
	for _, cat := range db.Categories {
		medals := 0
		for _, a := range db.Athletes {
			for _, p := range a.Participations {
				if p.CategoryCode == cat.Code && p.TotalRank >= 1 && p.TotalRank <= 3 {
					medals++
				}
			}
		}
		if medals == 3 {
			category = cat.Name
			break
		}
	}
	if category == "" {
		t.Fatal("no category of the captured meet has its three medals")
	}

	b := newBrowser(t)
	const public = "/start-order?fop=A&public=true"
	b.do(chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(s.srv.URL+public))
	shows := func(what, sel string, rows int) {
		t.Helper()
		waitFor(b, what, 15*time.Second, `document.querySelector('`+sel+`') && location.pathname + location.search == '`+public+`' &&
			document.querySelectorAll('`+sel+` tbody tr:not(.spacer)').length`, func(n int) bool { return n == rows })
		for _, size := range [][2]int64{{1920, 1080}, {1366, 768}} {
			b.do(chromedp.EmulateViewport(size[0], size[1]))
			f := waitFor(b, what+" resized", 5*time.Second, fitsJS, func(f fits) bool { return f.W == float64(size[0]) })
			if f.Scrolls || !f.Inside {
				t.Errorf("%s at %dx%d: %+v", what, size[0], size[1], f)
			}
		}
	}
	waitFor(b, "the public start order", 15*time.Second, `!!document.querySelector('#grid table')`, func(ok bool) bool { return ok })
	send(map[string]any{"uiEvent": "CeremonyStarted", "fopState": "BREAK", "break": "true", "breakType": "CEREMONY", "mode": "CEREMONY",
		"ceremonyType": "MEDALS", "ceremonyEventType": "ceremonyStarted", "ceremonyCategory": category})
	shows("the podium of "+category, "#medals table.medals", 3)
	send(map[string]any{"uiEvent": "CeremonyDone", "ceremonyType": "MEDALS", "ceremonyEventType": "ceremonyDone"})
	waitFor(b, "the start order after the ceremony", 15*time.Second, `!!document.querySelector('#grid table')`, func(ok bool) bool { return ok })
	send(map[string]any{"uiEvent": "CeremonyStarted", "fopState": "BREAK", "break": "true", "breakType": "FIRST_SNATCH", "mode": "CEREMONY",
		"ceremonyType": "INTRODUCTION", "ceremonyEventType": "ceremonyStarted"})
	shows("the start list", "#list table.start-list", len(s.hub.Snapshot().FOP("A").Athletes))
	b.do(chromedp.Navigate("about:blank"))
}
