package web_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// barProbe is the attempt bar's main line: the lifter's name and whether it shows whole, its
// font, whether the team shows whole, and whether everything on the line (the weight, the
// clock) stays inside the bar.
type barProbe struct {
	Name      string   `json:"name"`
	NameWhole bool     `json:"nameWhole"`
	NamePx    float64  `json:"namePx"`
	TeamWhole bool     `json:"teamWhole"`
	TeamGone  bool     `json:"teamGone"`
	Attempt   bool     `json:"attempt"`
	AttWhole  bool     `json:"attWhole"`
	Inside    bool     `json:"inside"`
	Errors    []string `json:"errors"`
}

const barProbeJS = `(() => {
	const main = document.querySelector('#bar .bar-main');
	const name = main && main.querySelector('.bar-name');
	const team = main && main.querySelector('.bar-team span');
	const att = main && main.querySelector('.bar-attempt');
	const right = main ? main.getBoundingClientRect().right : 0;
	return {
		name: name ? name.textContent.trim() : '',
		nameWhole: !!name && name.scrollWidth <= name.clientWidth + 1,
		namePx: name ? parseFloat(getComputedStyle(name).fontSize) : 0,
		teamWhole: !team || (team.clientWidth > 0 && team.scrollWidth <= team.clientWidth + 1),
		teamGone: !!team && team.closest('.bar-team').classList.contains('bar-gone'),
		attempt: !!att && att.clientWidth > 0,
		attWhole: !!att && att.clientWidth > 0 && att.scrollWidth <= att.clientWidth + 1,
		inside: !!main && Array.from(main.children).every((c) => c.getBoundingClientRect().right <= right + 1),
		errors: window.__errors || [],
	};
})()`

// checkBarName opens the start order (dark) and the lifting order (light, whose bar has the
// place-if-good line) at size=1.5 and 2 on a laptop and a TV: the lifter's
// name in the attempt bar shows whole, nothing pushed out of the bar. The team, then the
// attempt label ("Snatch #1"), give way whole: a team cut to "I…" or a label cut to
// "Snatch …" says nothing, so each shows whole or not at all.
func checkBarName(t *testing.T, b *browser, base, want string) {
	t.Helper()
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
		for _, scale := range []string{"1.5", "2"} {
			for _, theme := range []string{"dark", "light"} {
				board := map[string]string{"dark": "/start-order", "light": "/lifting-order"}[theme]
				b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(base+board+"?fop=A&size="+scale+"&theme="+theme))
				waitFor(b, "the bar", 10*time.Second, barProbeJS, func(p barProbe) bool { return p.Name != "" && (want == "" || p.Name == want) })
				time.Sleep(300 * time.Millisecond) // the bar fitted
				p := eval[barProbe](b, barProbeJS)
				if !p.NameWhole || !p.Inside || p.NamePx < 16 || len(p.Errors) > 0 ||
					!(p.TeamWhole || p.TeamGone) || (p.Attempt && !p.AttWhole) {
					t.Errorf("%s at %dx%d %s, size=%s: %+v", board, size[0], size[1], theme, scale, p)
				}
				t.Logf("%s %dx%d %s size=%s: %q at %.1f px, team whole %v, attempt whole %v", board, size[0], size[1], theme, scale, p.Name, p.NamePx, p.TeamWhole, p.AttWhole)
			}
		}
	}
}

// TestBrowserBarNameWholeAtSize2: the demo's lifter on the attempt bar at size=2.
func TestBrowserBarNameWholeAtSize2(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	checkBarName(t, b, s.srv.URL, "")
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserBarLongNameWholeAtSize2: the real meet's lifter, and a long name of a long team,
// on the attempt bar at size=2. Skipped without the captures.
func TestBrowserBarLongNameWholeAtSize2(t *testing.T) {
	requireBrowser(t)
	s, c, fx := capturedMeet(t)
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	checkBarName(t, b, s.srv.URL, "")
	sendUpdate(t, c, currentNamed(t, fx, longName, longTeam))
	checkBarName(t, b, s.srv.URL, longName)
	b.do(chromedp.Navigate("about:blank"))
}

// currentNamed is the captured update (KJELLEVAND's third clean & jerk at 170) with the
// current athlete's name and team, as the attempt bar reads them, set to name and team.
func currentNamed(t *testing.T, fx, name, team string) json.RawMessage {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(liftingOrderUpdate(t, fx, 170)))
	dec.UseNumber()
	var u map[string]any
	if err := dec.Decode(&u); err != nil {
		t.Fatal(err)
	}
	u["fullName"], u["teamName"] = name, team
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
