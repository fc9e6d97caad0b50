package web_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// teamsProbe is what the team scoreboard shows: each team's score and how many of its
// athletes' scores are marked as counting, and whether the page scrolls.
type teamsProbe struct {
	Teams   []string `json:"teams"`
	Scores  []string `json:"scores"`
	Counted []int    `json:"counted"`
	Scrolls bool     `json:"scrolls"`
	Errors  []string `json:"errors"`
}

const teamsProbeJS = `(() => {
	const bodies = Array.from(document.querySelectorAll('#teams tbody.team'));
	const se = document.scrollingElement;
	return {
		teams: bodies.map((b) => b.querySelector('.team-name').textContent.trim()),
		scores: bodies.map((b) => b.querySelector('.team-head .score').textContent.trim()),
		counted: bodies.map((b) => b.querySelectorAll('td.score.top:not(.predicted)').length),
		scrolls: se.scrollHeight > innerHeight || se.scrollWidth > innerWidth,
		errors: window.__errors || [],
	};
})()`

// TestBrowserTeamScoreboard: the demo meet's teams, both genders, ranked by their score, with
// at most the team size of scores marked as counting, fitting the screen.
func TestBrowserTeamScoreboard(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	for _, size := range [][2]int64{{1920, 1080}, {1366, 768}} {
		b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.srv.URL+"/team-scoreboard?fop=A&gender=MF"))
		p := waitFor(b, "the teams", 10*time.Second, teamsProbeJS, func(p teamsProbe) bool { return len(p.Teams) > 1 })
		prev := 1e9
		for i, sc := range p.Scores {
			v, err := strconv.ParseFloat(sc, 64)
			if err != nil {
				v = 0 // "-": nothing scored yet
			}
			if v > prev {
				t.Errorf("%s (%s) ranks below a lower score", p.Teams[i], sc)
			}
			prev = v
			if p.Counted[i] > 12 { // the demo counts 6 + 6
				t.Errorf("%s: %d scores marked as counting", p.Teams[i], p.Counted[i])
			}
		}
		if p.Scrolls || len(p.Errors) > 0 {
			t.Errorf("at %dx%d: scrolls %v, script errors %q", size[0], size[1], p.Scrolls, p.Errors)
		}
		t.Logf("%dx%d: %v %v", size[0], size[1], p.Teams, p.Scores)
	}
	b.do(chromedp.Navigate("about:blank"))
}
