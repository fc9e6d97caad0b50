package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub/owlcms"
)

// cellsProbe is the standard grid's first athlete: the font of the cells, whether the name
// and the team show whole, and whether the page scrolls.
type cellsProbe struct {
	CellPx    float64  `json:"cellPx"`
	Name      string   `json:"name"`
	NameWhole bool     `json:"nameWhole"`
	TeamWhole bool     `json:"teamWhole"`
	TeamStubs int      `json:"teamStubs"` // team names shown cut to under 3 em ("I…")
	Scrolls   bool     `json:"scrolls"`
	Errors    []string `json:"errors"`
}

const cellsProbeJS = `(() => {
	const name = document.querySelector('#grid tbody td.name');
	const team = document.querySelector('#grid tbody td.team .team-name');
	const se = document.scrollingElement;
	return {
		cellPx: name ? parseFloat(getComputedStyle(name).fontSize) : 0,
		name: name ? name.textContent.trim() : '',
		nameWhole: !!name && name.scrollWidth <= name.clientWidth,
		teamWhole: !!team && team.clientWidth > 0 && team.scrollWidth <= team.clientWidth,
		teamStubs: Array.from(document.querySelectorAll('#grid tbody td.team .team-name')).filter((e) =>
			e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && e.clientWidth < 3 * parseFloat(getComputedStyle(e).fontSize)).length,
		scrolls: se.scrollHeight > innerHeight || se.scrollWidth > innerWidth,
		errors: window.__errors || [],
	};
})()`

// TestBrowserSizeScalesTheTable: size=1.5 sets the start order's cells larger than size=1 on a
// TV and a laptop, where the table's width set the font: the name and the team give way,
// nothing scrolls, and a team column too narrow for its names shows the flags alone rather
// than "I…".
func TestBrowserSizeScalesTheTable(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	for _, size := range [][2]int64{{1920, 1080}, {1366, 768}} {
		px := map[string]float64{}
		for _, scale := range []string{"1", "1.5"} {
			b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+"/start-order?fop=A&size="+scale))
			p := waitFor(b, "the grid", 10*time.Second, cellsProbeJS, func(p cellsProbe) bool { return p.CellPx > 0 })
			time.Sleep(300 * time.Millisecond)
			p = eval[cellsProbe](b, cellsProbeJS)
			if p.Scrolls || len(p.Errors) > 0 || p.TeamStubs > 0 {
				t.Errorf("at %dx%d, size=%s: scrolls %v, %d team names cut to a stub, script errors %q", size[0], size[1], scale, p.Scrolls, p.TeamStubs, p.Errors)
			}
			px[scale] = p.CellPx
		}
		if px["1.5"] < px["1"]*1.1 {
			t.Errorf("at %dx%d: cells at %.1f px with size=1, %.1f px with size=1.5", size[0], size[1], px["1"], px["1.5"])
		}
		t.Logf("%dx%d: cells at %.1f px, %.1f px with size=1.5", size[0], size[1], px["1"], px["1.5"])
	}
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserLongNameBeforeTeam: an athlete of the real meet renamed with a long name and a
// long team: on a laptop and a TV the name shows whole and the team is the one ellipsized.
// Skipped without the captures.
func TestBrowserLongNameBeforeTeam(t *testing.T) {
	requireBrowser(t)
	fx := capturesDir(t)
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	feedCapture(t, c, fx)
	sendUpdate(t, c, longNameUpdate(t, fx))
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}} {
		b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+"/start-order?fop=A"))
		waitFor(b, "the long name", 10*time.Second, cellsProbeJS, func(p cellsProbe) bool { return p.Name == longName })
		time.Sleep(300 * time.Millisecond) // the names measured
		p := eval[cellsProbe](b, cellsProbeJS)
		if !p.NameWhole || p.TeamWhole {
			t.Errorf("at %dx%d: name whole %v, team whole %v (want the name whole, the team ellipsized)", size[0], size[1], p.NameWhole, p.TeamWhole)
		}
		if p.Scrolls || len(p.Errors) > 0 {
			t.Errorf("at %dx%d: scrolls %v, script errors %q", size[0], size[1], p.Scrolls, p.Errors)
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}

// slackJS is the room the standard grid's name column has beyond its longest name, in em of
// the table's font, and how many team names are cut.
const slackJS = `(() => {
	const box = document.querySelector('#grid .fit.flex'); const col = box && box.querySelector('col.c-name');
	if (!col) return {slack: -1, cut: 0, rows: 0};
	const px = parseFloat(getComputedStyle(box).fontSize);
	let need = 0; const names = box.querySelectorAll('tbody td.name');
	for (const td of names) { const r = document.createRange(); r.selectNodeContents(td); const cs = getComputedStyle(td);
		need = Math.max(need, r.getBoundingClientRect().width + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight)); }
	const cut = [...box.querySelectorAll('tbody td.team .team-name')].filter((e) => e.scrollWidth > e.clientWidth + 1).length;
	return {slack: (col.getBoundingClientRect().width - need) / px, cut, rows: names.length};
})()`

type slackProbe struct {
	Slack float64 `json:"slack"`
	Cut   int     `json:"cut"`
	Rows  int     `json:"rows"`
}

// TestBrowserTeamTakesTheNameSlack: on the real meet's lifting order, the team names are
// not cut while the name column keeps room beyond its longest name (it had 2 em to spare
// beside "Spyde…"). Skipped without the captures.
func TestBrowserTeamTakesTheNameSlack(t *testing.T) {
	requireBrowser(t)
	s, _, _ := capturedMeet(t)
	b := newBrowser(t)
	for _, size := range [][2]int64{{1366, 768}, {1920, 1080}, {3840, 2160}} {
		for _, board := range []string{"lifting-order", "start-order"} {
			b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+"/"+board+"?fop=A"))
			waitFor(b, "the grid", 10*time.Second, slackJS, func(p slackProbe) bool { return p.Rows > 0 })
			time.Sleep(300 * time.Millisecond) // the names measured
			p := eval[slackProbe](b, slackJS)
			if p.Cut > 0 && p.Slack > 0.5 {
				t.Errorf("%s at %dx%d: %d team names cut while the name column has %.1f em to spare", board, size[0], size[1], p.Cut, p.Slack)
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}
