package web_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
)

// phoneRows says what every row of a board must show on a phone: the rows (a CSS selector),
// the athlete's or team's name in each, its total (or score, or entry total), and whether the
// row has the six attempts.
type phoneRows struct {
	Rows  string `json:"rows"`
	Name  string `json:"name"`
	Total string `json:"total"`
	Atts  bool   `json:"atts"`
}

// phoneBoards are the boards with a table (the standard, team and ceremony boards) and what
// their rows show. A board of those categories missing here fails the test.
var phoneBoards = map[string]phoneRows{
	"start-order":     {Rows: "#grid table.grid tbody tr:not(.spacer):not(.leaders-title)", Name: "td.name", Total: "td.total", Atts: true},
	"lifting-order":   {Rows: "#grid table.grid tbody tr:not(.spacer):not(.leaders-title)", Name: "td.name", Total: "td.total", Atts: true},
	"rankings":        {Rows: "#grid table.grid tbody tr:not(.spacer):not(.leaders-title)", Name: "td.name", Total: "td.total", Atts: true},
	"multi-ranks":     {Rows: "#grid table.grid tbody tr:not(.spacer):not(.leaders-title)", Name: "td.name", Total: "td.total", Atts: true},
	"records":         {Rows: "#records table.records-board tbody tr", Name: "td.name", Total: "td.record:last-child"},
	"team-scoreboard": {Rows: "#teams tbody tr:not(.team-head)", Name: "td.name", Total: "td.total", Atts: true},
	"top-score":       {Rows: "#tables tbody tr", Name: "td.name", Total: "td.total"},
	"top-teams":       {Rows: "#tables tbody tr", Name: "td.team", Total: "td.total"},
	"team-rankings":   {Rows: "#rankings .tr-body tbody tr:not(.filler)", Name: "td.team", Total: "td.score"},
	"start-list":      {Rows: "#list tbody tr:not(.spacer)", Name: "td.name", Total: "td:last-child"},
	"medals":          {Rows: "#medals tbody tr", Name: "td.name", Total: "td.total"},
}

// phoneJS measures a board on a phone: how far the page reaches past the screen's width, the
// texts under 16 px or reaching past the screen's edge, the rows shown and those missing their
// name, their total or one of their six attempts, or with a number cut.
const phoneJS = `((spec) => {
	// Shown: with a size, not hidden, and not cut away by a box around it that clips what
	// overflows it (a pager of no height hides its rows though they have one).
	const clipped = (e, r) => {
		for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			if (getComputedStyle(a).overflow === 'visible') continue;
			const q = a.getBoundingClientRect();
			if (r.bottom <= q.top + 1 || r.top >= q.bottom - 1 || r.right <= q.left + 1 || r.left >= q.right - 1) return true;
		}
		return false;
	};
	const vis = (e) => {
		if (!e) return false;
		const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
		return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !e.closest('[hidden]') && !clipped(e, r);
	};
	const inside = (e) => { const r = e.getBoundingClientRect(); return r.left >= -1 && r.right <= innerWidth + 1; };
	const de = document.documentElement;
	const out = {overflow: Math.max(de.scrollWidth, document.body.scrollWidth) - innerWidth, small: [], outside: [], rows: 0, bad: []};
	const seen = new Set();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const text = n.textContent.trim(); const e = n.parentElement;
		if (!text || !e || seen.has(e) || !vis(e) || e.closest('[aria-hidden="true"]')) continue;
		seen.add(e);
		const s = getComputedStyle(e);
		if (parseFloat(s.opacity) === 0) continue;
		const px = parseFloat(s.fontSize);
		if (px < 16) out.small.push(text.slice(0, 30) + ' [' + (e.className || e.tagName) + '] ' + px.toFixed(1) + 'px');
		if (!inside(e)) out.outside.push(text.slice(0, 30) + ' [' + (e.className || e.tagName) + ']');
	}
	for (const tr of document.querySelectorAll(spec.rows)) {
		if (!vis(tr)) continue;
		out.rows++;
		const problems = [];
		const ok = (e) => vis(e) && inside(e) && e.textContent.trim() !== '';
		const name = tr.querySelector(spec.name);
		if (!ok(name)) problems.push('no name');
		if (spec.atts) {
			const atts = [...tr.querySelectorAll('td.att')].filter((e) => vis(e) && inside(e)).length;
			if (atts !== 6) problems.push(atts + ' attempts');
		}
		if (!ok(tr.querySelector(spec.total))) problems.push('no total');
		// Numbers are never cut (a long name or team may end in an ellipsis).
		for (const td of tr.querySelectorAll('td:not(.name):not(.team):not(.team-name)')) {
			if (vis(td) && td.scrollWidth > td.clientWidth + 1) problems.push('cut: ' + td.textContent.trim());
		}
		if (problems.length) out.bad.push((name ? name.textContent.trim() : tr.textContent.trim()).slice(0, 30) + ': ' + problems.join(', '));
	}
	return out;
})`

type phoneView struct {
	Overflow float64  `json:"overflow"`
	Small    []string `json:"small"`
	Outside  []string `json:"outside"`
	Rows     int      `json:"rows"`
	Bad      []string `json:"bad"`
}

// TestBrowserPhoneView: every board with a table, on a phone held upright (390×844 and
// 412×915, and a tablet upright, 768×1024), in both themes, on the demo competition: the page never scrolls sideways, no text
// is under 16 px, past the screen's edge or under the contrast minimum, and every row shows its name and total, and its
// six attempts on the boards that have them, no number cut.
func TestBrowserPhoneView(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	checkPhoneBoards(t, b, s.srv.URL, "A", []string{"&showPredicted=true&gender=MF"})
	// A medal ceremony: the podium of the category awarded, with medals beside the lifts.
	ceremony(t, s, "B", demoMedals("B"))
	checkPhonePages(t, b, s.srv.URL, map[string]phoneRows{"/medals?fop=B": phoneBoards["medals"]})
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserPhoneViewOfTheCapturedMeet: the same on the captured Norwegian team meet (39
// athletes, long Norwegian names and team names), in its own language too. Skipped without
// the captures.
func TestBrowserPhoneViewOfTheCapturedMeet(t *testing.T) {
	requireBrowser(t)
	s, _, _ := capturedMeet(t)
	b := newBrowser(t)
	checkPhoneBoards(t, b, s.srv.URL, "A", []string{"&gender=MF&showPredicted=true", "&lang=no"})
	b.do(chromedp.Navigate("about:blank"))
}

// checkPhoneBoards checks every board with a table on platform fop, as it is and with each
// variant of its options.
func checkPhoneBoards(t *testing.T, b *browser, base, fop string, variants []string) {
	t.Helper()
	pages := map[string]phoneRows{}
	for _, bd := range scoreboards.All() {
		if bd.Category != board.Standard && bd.Category != board.Team && bd.Category != board.Ceremony {
			continue
		}
		spec, ok := phoneBoards[bd.Name]
		if !ok {
			t.Errorf("%s: no phone expectations: add it to phoneBoards", bd.Name)
			continue
		}
		for _, v := range append([]string{""}, variants...) {
			if strings.Contains(v, "showPredicted") && bd.Name != "team-scoreboard" {
				continue
			}
			pages["/"+bd.Name+"?fop="+fop+v] = spec
		}
	}
	checkPhonePages(t, b, base, pages)
}

// checkPhonePages checks each page (URL → what its rows show) on the two phones, in both
// themes.
func checkPhonePages(t *testing.T, b *browser, base string, pages map[string]phoneRows) {
	t.Helper()
	urls := slices.Sorted(maps.Keys(pages))
	specJS := func(p phoneRows) string {
		return fmt.Sprintf(`{rows: %q, name: %q, total: %q, atts: %t}`, p.Rows, p.Name, p.Total, p.Atts)
	}
	for _, size := range [][2]int64{{390, 844}, {412, 915}, {768, 1024}} {
		for _, theme := range []string{"dark", "light"} {
			for _, u := range urls {
				p := struct {
					url  string
					rows phoneRows
				}{u, pages[u]}
				url := p.url + "&theme=" + theme
				what := fmt.Sprintf("%s at %dx%d", url, size[0], size[1])
				b.do(chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(base+url))
				waitFor(b, what, 15*time.Second, `document.querySelectorAll('`+p.rows.Rows+`').length`, func(n int) bool { return n > 0 })
				time.Sleep(300 * time.Millisecond) // every fragment loaded, headings fitted
				v := eval[phoneView](b, phoneJS+`(`+specJS(p.rows)+`)`)
				if v.Overflow > 0 {
					t.Errorf("%s: the page is %.0f px wider than the screen", what, v.Overflow)
				}
				if len(v.Small) > 0 {
					t.Errorf("%s: %d texts under 16 px:\n  %s", what, len(v.Small), strings.Join(first(v.Small, 8), "\n  "))
				}
				if len(v.Outside) > 0 {
					t.Errorf("%s: %d texts past the screen's edge:\n  %s", what, len(v.Outside), strings.Join(first(v.Outside, 8), "\n  "))
				}
				if low := eval[[]string](b, contrastJS); len(low) > 0 {
					t.Errorf("%s: %d texts under the contrast minimum:\n  %s", what, len(low), strings.Join(first(low, 8), "\n  "))
				}
				if v.Rows == 0 {
					t.Errorf("%s: no row shown", what)
				}
				if len(v.Bad) > 0 {
					t.Errorf("%s: %d of %d rows incomplete:\n  %s", what, len(v.Bad), v.Rows, strings.Join(first(v.Bad, 8), "\n  "))
				}
			}
		}
	}
}

// TestBrowserPhoneBarStates: the current lifter's card on a phone in every state of the
// attempt bar (clock, lights, down signal, break countdown, interruption, jury decision,
// ceremony, session done, no session): nothing past the screen's edge, no text under 16 px,
// and the clock, lights or down arrow inside the screen.
func TestBrowserPhoneBarStates(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	for _, st := range barStates {
		for i := 0; i < len(st.msgs); i += 2 {
			if _, err := s.hub.Apply(hub.MessageType(st.msgs[i]), []byte(st.msgs[i+1])); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
		}
		for _, theme := range []string{"dark", "light"} {
			what := st.name + ", " + theme
			b.do(chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.srv.URL+"/start-order?fop=A&theme="+theme))
			waitFor(b, what, 15*time.Second, `document.querySelectorAll('#bar .bar').length`, func(n int) bool { return n > 0 })
			time.Sleep(300 * time.Millisecond)
			v := eval[phoneView](b, phoneJS+`({rows: '#bar', name: '.bar-name', total: '.bar-name', atts: false})`)
			if v.Overflow > 0 || len(v.Small) > 0 || len(v.Outside) > 0 {
				t.Errorf("%s: %.0f px too wide, under 16 px: %v, past the edge: %v", what, v.Overflow, first(v.Small, 6), first(v.Outside, 6))
			}
			if st.name != "waiting" && st.name != "ceremony" && st.name != "session-done" {
				inside := eval[bool](b, `[...document.querySelectorAll('#bar .slot > *')].some((e) => {
					const r = e.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= innerWidth; })`)
				if !inside {
					t.Errorf("%s: the clock, lights or down arrow is not on the screen", what)
				}
			}
		}
	}
	b.do(chromedp.Navigate("about:blank"))
}

// TestBrowserPhoneMultiRanksSayTheirGroup: on a phone, a multi-rank board's cards show the
// total's rank in each age group with the group's name ("JR 1"), and no unlabelled rank cell
// (the lifts' ranks stay on the TV), as no header stands above them.
func TestBrowserPhoneMultiRanksSayTheirGroup(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.do(chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.srv.URL+"/multi-ranks?fop=A"))
	const js = `(() => { const out = {shown: 0, bare: []};
		for (const td of document.querySelectorAll('#grid table.grid tbody td.rank')) {
			const r = td.getBoundingClientRect(); if (r.width === 0 || getComputedStyle(td).display === 'none') continue;
			out.shown++;
			const label = getComputedStyle(td, '::before').content;
			if (!td.dataset.group || !label.includes(td.dataset.group)) out.bare.push(td.closest('tr').querySelector('td.name').textContent.trim() + ': ' + td.textContent.trim());
		}
		return out; })()`
	type probe struct {
		Shown int      `json:"shown"`
		Bare  []string `json:"bare"`
	}
	p := waitFor(b, "the multi-rank cards", 10*time.Second, js, func(p probe) bool { return p.Shown > 0 })
	if len(p.Bare) > 0 {
		t.Errorf("rank cells without their group on a phone: %q", first(p.Bare, 8))
	}
	b.do(chromedp.Navigate("about:blank"))
}
