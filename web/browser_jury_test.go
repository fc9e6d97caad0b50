package web_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

// demoUpdate is platform fop's demo update with the fields of edit.
func demoUpdate(t *testing.T, fop string, edit map[string]any) []byte {
	t.Helper()
	var u map[string]any
	if err := json.Unmarshal(demo.UpdateJSON(fop), &u); err != nil {
		t.Fatal(err)
	}
	for k, v := range edit {
		u[k] = v
	}
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// refereesFail: the referees fail platform A's lift, OWLCMS calls the next lifter and resets
// the lights.
func refereesFail(t *testing.T, apply func(hub.MessageType, []byte)) {
	apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`))
	apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"FULL_DECISION","d1":"false","d2":"false","d3":"true","decisionsVisible":"true","down":"false"}`))
	apply(hub.MessageUpdate, nextLifterUpdate(t, "A", "NEXT, Lifter", "199"))
	apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`))
}

// juryDeliberates: the jury stops platform A (OWLCMS's JURY break) and deliberates.
func juryDeliberates(t *testing.T, apply func(hub.MessageType, []byte)) {
	apply(hub.MessageUpdate, demoUpdate(t, "A", map[string]any{"uiEvent": "BreakStarted", "fopState": "BREAK", "break": "true",
		"breakType": "JURY", "mode": "INTERRUPTION", "fullName": "Session A1 – Jury Deliberation"}))
	apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"START_DELIBERATION","fopState":"BREAK","break":"true","mode":"INTERRUPTION"}`))
}

// juryReviewing loads the demo into s, has the referees fail platform A's lift and the jury
// deliberate on it; it returns s's hub taking OWLCMS's next messages.
func juryReviewing(t *testing.T, s *testServer) func(hub.MessageType, []byte) {
	t.Helper()
	apply := s.apply(t)
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	refereesFail(t, apply)
	juryDeliberates(t, apply)
	return apply
}

// juryReverses: the jury of platform A reverses the referees' decision.
func juryReverses(apply func(hub.MessageType, []byte)) {
	apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"JURY_DECISION","fopState":"DECISION_VISIBLE","mode":"CURRENT_ATHLETE",
		"juryDecision":"GOOD_LIFT","juryReversal":"true","athleteFull":"X","athleteAbbreviated":"X","waitForAnnouncer":"true","recordKind":"none"}`))
}

// TestBrowserJuryDeliberationStays: coaches follow the jury on the attempt board. While the
// jury deliberates, the board names the lift under review and says "Jury Deliberation" for
// as long as the deliberation lasts, well past the 3.5 s a decision shows; the jury's
// decision then takes the centre until lifting resumes, and with it everything goes. The jury
// board says the same.
func TestBrowserJuryDeliberationStays(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	apply := s.apply(t)
	type board struct {
		Name, Jury string
		Hold       bool
	}
	const js = `(() => { const q = (s) => ((document.querySelector(s) || {}).textContent || '').trim();
		return {name: q('.ab-last'), jury: q('.ab-jury'), hold: !!document.querySelector('.hold-jury')}; })()`
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(s.srv.URL+"/attempt-board?fop=A"))
	judged := waitFor(b, "the lifter", 10*time.Second, js, func(v board) bool { return v.Name != "" })

	// The referees fail the lift; OWLCMS calls the next lifter, then resets the lights.
	refereesFail(t, apply)
	waitFor(b, "the next lifter", 10*time.Second, js, func(v board) bool { return v.Name != judged.Name })

	// The jury stops the competition (OWLCMS's JURY break) and deliberates.
	juryDeliberates(t, apply)
	want := board{Name: judged.Name, Jury: "Jury Deliberation"} // OWLCMS's English
	waitFor(b, "the deliberation on the judged lift", 10*time.Second, js, func(v board) bool { return v == want })
	time.Sleep(4 * time.Second) // longer than any decision shows
	if got := eval[board](b, js); got != want {
		t.Errorf("4 s into the deliberation the board shows %+v, want %+v", got, want)
	}

	// The jury reverses the decision: it shows while the deliberation lasts, past 3.5 s too.
	juryReverses(apply)
	decided := board{Name: judged.Name, Hold: true}
	waitFor(b, "the jury's decision", 10*time.Second, js, func(v board) bool { return v == decided })
	time.Sleep(4 * time.Second)
	if got := eval[board](b, js); got != decided {
		t.Errorf("4 s after the jury's decision, the deliberation still on, the board shows %+v, want %+v", got, decided)
	}
	b.do(chromedp.Navigate(s.srv.URL + "/jury?fop=A"))
	waitFor(b, "the jury board's reversal", 10*time.Second, `(document.querySelector('.jury-outcome.reversal') || {}).textContent || ''`,
		func(s string) bool { return s == "Jury REVERSAL" })

	// Lifting resumes: the deliberation is over.
	b.do(chromedp.Navigate(s.srv.URL + "/attempt-board?fop=A"))
	waitFor(b, "the decision again", 10*time.Second, js, func(v board) bool { return v == decided })
	apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"END_DELIBERATION","fopState":"DECISION_VISIBLE","mode":"CURRENT_ATHLETE"}`))
	apply(hub.MessageUpdate, demoUpdate(t, "A", map[string]any{"uiEvent": "StartLifting", "fopState": "CURRENT_ATHLETE_DISPLAYED",
		"break": "false", "breakType": "", "mode": "CURRENT_ATHLETE", "fullName": "NEXT, Lifter", "weight": "199"}))
	waitFor(b, "the end of the deliberation", 10*time.Second, js, func(v board) bool { return v.Jury == "" && !v.Hold })
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserJuryContrast: the jury board and the attempt board keep OWLCMS's contrast floor
// (4.5:1) in both themes while the jury deliberates and once it has decided.
func TestBrowserJuryContrast(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	apply := juryReviewing(t, s)
	check := func(moment string) {
		t.Helper()
		for _, theme := range []string{"dark", "light"} {
			for _, u := range []string{"/jury?fop=A", "/attempt-board?fop=A"} {
				url := u + "&theme=" + theme
				b.do(chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(s.srv.URL+url))
				waitFor(b, url, 10*time.Second, `document.body.innerText.length`, func(n int) bool { return n > 20 })
				time.Sleep(300 * time.Millisecond) // fragments loaded
				if low := eval[[]string](b, contrastJS); len(low) > 0 {
					t.Errorf("%s, %s: text below 4.5:1: %v", moment, url, low)
				}
			}
		}
	}
	check("deliberation")
	juryReverses(apply)
	check("reversal")
	b.do(chromedp.Navigate("about:blank"))
}
