package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub"
)

// barJuryJS measures the jury's decision on the attempt bar: where it lies, against what
// still shows on the line (the attempt label; the weight gives way to it), and whether its
// words fit their box.
const barJuryJS = `(() => {
	const hold = document.querySelector('#bar .hold-jury');
	if (!hold) return {shown: false};
	const main = hold.closest('.bar-main');
	const label = hold.querySelector('.hold-label');
	const box = (e) => e.getBoundingClientRect();
	const left = box(hold).left, right = box(hold).right;
	let over = [];
	for (const e of main.querySelectorAll('.bar-name, .bar-team, .bar-attempt')) {
		const r = box(e);
		if (r.width > 0 && getComputedStyle(e).visibility !== 'hidden' && r.right > left + 1) over.push(e.className + ' ' + e.textContent.trim());
	}
	return {
		shown: true,
		over,
		inside: right <= box(main).right + 1 && box(hold).top >= box(main).top - 1 && box(hold).bottom <= box(main).bottom + 1,
		// Its words, wrapped onto as many lines as they need, stay inside the bar's band.
		labelFits: !label || (box(label).top >= box(main.closest('.bar')).top - 1 && box(label).bottom <= box(main.closest('.bar')).bottom + 1 &&
			label.scrollWidth <= label.clientWidth + 1),
		label: label ? label.textContent.trim() : '',
	};
})()`

type barJury struct {
	Shown     bool     `json:"shown"`
	Over      []string `json:"over"`
	Inside    bool     `json:"inside"`
	LabelFits bool     `json:"labelFits"`
	Label     string   `json:"label"`
}

// TestBrowserBarJuryDecisionInside: the jury's decision (its words and the referees' lights)
// lies where the weight was, on the attempt bar of a laptop and a TV, at size=1 and 2, in both
// themes: it covers neither the name, the team nor the attempt label, and stays in the bar.
func TestBrowserBarJuryDecisionInside(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	apply := juryReviewing(t, s)
	check := func(decision string) {
		t.Helper()
		for _, size := range [][2]int64{{1366, 768}, {1920, 1080}, {3840, 2160}} {
			for _, scale := range []string{"1", "2"} {
				for _, lang := range []string{"en", "fr"} {
					theme := map[string]string{"1": "dark", "2": "light"}[scale]
					url := "/lifting-order?fop=A&size=" + scale + "&theme=" + theme + "&lang=" + lang
					b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+url))
					p := waitFor(b, "the jury's decision on "+url, 10*time.Second, barJuryJS, func(p barJury) bool { return p.Shown })
					time.Sleep(300 * time.Millisecond) // the bar fitted
					p = eval[barJury](b, barJuryJS)
					if len(p.Over) > 0 || !p.Inside || !p.LabelFits {
						t.Errorf("%s, %s at %dx%d: %+v", decision, url, size[0], size[1], p)
					}
				}
			}
		}
	}
	juryReverses(apply)
	check("reversal")
	apply(hub.MessageDecision, []byte(`{"fop":"A","decisionEventType":"JURY_DECISION","fopState":"DECISION_VISIBLE","mode":"CURRENT_ATHLETE",
		"juryDecision":"BAD_LIFT","juryReversal":"false","athleteFull":"X","athleteAbbreviated":"X","waitForAnnouncer":"true","recordKind":"none"}`))
	check("confirmation")
	b.do(chromedp.Navigate("about:blank"))
}
