package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// cspProbe is installed before any page script runs: it keeps every Content-Security-Policy
// violation and every expression htmx refused to evaluate, and counts the swaps and the event
// stream's openings.
const cspProbe = `
window.__csp = [];
window.__evalRefused = 0;
window.__swaps = 0;
window.__opens = 0;
document.addEventListener('securitypolicyviolation', (e) => {
	window.__csp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || '?') + ' ' + (e.sample || ''));
}, true);
document.addEventListener('htmx:evalDisallowedError', () => { window.__evalRefused++; }, true);
document.addEventListener('htmx:afterSwap', () => { window.__swaps++; }, true);
document.addEventListener('htmx:sseOpen', () => { window.__opens++; }, true);
`

// cspState is what cspStateJS reads from the page.
type cspState struct {
	Violations  []string `json:"violations"`
	EvalRefused int      `json:"evalRefused"`
	Swaps       int      `json:"swaps"`
	Opens       int      `json:"opens"`
	Configured  bool     `json:"configured"` // htmx read its CSP-safe configuration
	Styles      int      `json:"styles"`     // <style> elements in the document
	Text        string   `json:"text"`
}

const cspStateJS = `(() => ({
	violations: window.__csp || [],
	evalRefused: window.__evalRefused || 0,
	swaps: window.__swaps || 0,
	opens: window.__opens || 0,
	configured: !!window.htmx && htmx.config.includeIndicatorStyles === false && htmx.config.allowEval === false,
	styles: document.querySelectorAll('style').length,
	text: document.body ? document.body.textContent.replace(/\s+/g, ' ') : '',
}))()`

// TestBrowserContentSecurityPolicy opens the landing page, the status page and boards of every
// kind under the tracker's Content-Security-Policy: each renders (htmx configured, fragments
// swapped in, the event stream open) and none violates the policy.
func TestBrowserContentSecurityPolicy(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.onNewDocument(cspProbe)

	pages := []struct {
		path  string
		board bool   // a board: waits for its fragments and its event stream
		shows string // text the rendered page contains
	}{
		{path: "/", shows: "Lifting order"},
		{path: "/status", shows: "Demo competition"},
		{path: "/lifting-order?fop=A", board: true, shows: "HADDAD, Nadia"},
		{path: "/attempt-board?fop=B&size=1.3", board: true},
		{path: "/attempt-bar?fop=B", board: true},
		{path: "/team-scoreboard?fop=A", board: true},
		{path: "/team-rankings?fop=A&pageSize=2&pagePauseMs=1000&sweepDurationMs=200", board: true, shows: "Sakura Lifting"},
		{path: "/referee-assignments", board: true},
	}
	for _, p := range pages {
		b.do(chromedp.Navigate(s.srv.URL + p.path))
		st := waitFor(b, p.path+" rendered", 15*time.Second, cspStateJS, func(st cspState) bool {
			return len(st.Violations) > 0 || st.Configured && (!p.board || st.Swaps >= 1 && st.Opens >= 1)
		})
		if !st.Configured {
			t.Errorf("%s: htmx did not read its configuration (meta htmx-config)", p.path)
		}
		if p.shows != "" && !strings.Contains(st.Text, p.shows) {
			t.Errorf("%s does not show %q: %.300q", p.path, p.shows, st.Text)
		}
		if len(st.Violations) > 0 || st.EvalRefused > 0 || st.Styles > 0 {
			t.Errorf("%s: CSP violations %q, %d expressions htmx refused to evaluate, %d <style> elements",
				p.path, st.Violations, st.EvalRefused, st.Styles)
		}
	}

	// The policy is in force, and the probe hears of violations: an inline script does not run.
	// (Through the DevTools protocol, the test's own expressions are exempt from the policy.)
	ran := eval[bool](b, `(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__inlineRan = true';
		document.head.appendChild(s);
		return !!window.__inlineRan;
	})()`)
	if ran {
		t.Error("an inline script ran under the policy")
	}
	waitFor(b, "the inline script's violation reported", 5*time.Second, `window.__csp.length`, func(n int) bool { return n >= 1 })
	b.do(chromedp.Navigate("about:blank")) // the event stream closes before the server does
}
