package web_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

// nextLifterUpdate is platform fop's demo update moved on to the next athlete, with the name and
// weight a viewer would read, as OWLCMS sends it the moment the lights come on.
func nextLifterUpdate(t *testing.T, fop, name, weight string) []byte {
	t.Helper()
	var u map[string]any
	if err := json.Unmarshal(demo.UpdateJSON(fop), &u); err != nil {
		t.Fatal(err)
	}
	u["uiEvent"], u["fullName"], u["weight"] = "LiftingOrderUpdated", name, weight
	u["currentAthleteKey"], u["nextAthleteKey"] = u["nextAthleteKey"], u["currentAthleteKey"]
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBrowserJudgedLiftKeepsItsLifter: the most watched moment of the sport. While the down
// signal and the lights show, the top band of a scoreboard and the attempt board show the
// lifter being judged, their attempt and weight, not the next lifter whose update OWLCMS sent
// with the lights; once OWLCMS resets the decision, the next lifter shows.
func TestBrowserJudgedLiftKeepsItsLifter(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	type bar struct{ Name, Weight string }
	const barJS = `(() => { const q = (s) => (document.querySelector(s) || {}).textContent || '';
		return {name: q('.bar-name').trim(), weight: q('.bar-weight').trim()}; })()`
	const boardJS = `(() => { const q = (s) => (document.querySelector(s) || {}).textContent || '';
		return {name: q('.ab-last').trim(), weight: q('.ab-weight').trim()}; })()`
	apply := s.apply(t)
	for _, page := range []struct{ url, js string }{{"/start-order?fop=A", barJS}, {"/attempt-board?fop=A", boardJS}} {
		if err := demo.Load(s.hub); err != nil { // the same lifter on stage for each page
			t.Fatal(err)
		}
		b.do(chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(s.srv.URL+page.url))
		judged := waitFor(b, page.url+": the lifter", 10*time.Second, page.js, func(v bar) bool { return v.Name != "" && v.Weight != "" })

		apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`))
		apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decisionsVisible":"true","down":"false"}`))
		apply(hub.MessageUpdate, nextLifterUpdate(t, "A", "NEXT, Lifter", "199"))
		waitFor(b, page.url+": the lights", 10*time.Second, `document.querySelectorAll('.light.good').length`, func(n int) bool { return n >= 2 })
		time.Sleep(300 * time.Millisecond) // any fragment the update triggers has landed
		if got := eval[bar](b, page.js); got != judged {
			t.Errorf("%s with the lights: shows %+v, want the judged lift %+v", page.url, got, judged)
		}

		apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`))
		waitFor(b, page.url+": the next lifter after the reset", 10*time.Second, page.js, func(v bar) bool {
			return strings.HasPrefix(v.Weight, "199") && v.Name != judged.Name
		})
	}
	b.do(chromedp.Navigate("about:blank"))
}
