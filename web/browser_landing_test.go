package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// builderProbe is what the URL builder shows: its first control, the fields on screen, the
// address it built.
type builderProbe struct {
	First   string   `json:"first"`
	Visible []string `json:"visible"`
	URL     string   `json:"url"`
	TopM    string   `json:"topM"`
}

const builderProbeJS = `(() => {
	const form = document.getElementById('lb-form');
	const shown = (el) => el.getClientRects().length > 0;
	const first = Array.from(form.querySelectorAll('select, input:not([type=hidden]), textarea')).find(shown);
	const topM = form.querySelector('fieldset[data-board="team-scoreboard"] input[name="topM"]');
	return {
		first: first ? first.id : '',
		visible: Array.from(form.querySelectorAll('.field[data-key]')).filter(shown).map((f) => f.dataset.key),
		url: document.getElementById('lb-url').value,
		topM: topM ? topM.value : '',
	};
})()`

// TestBrowserURLBuilder: the builder asks for the board first, shows only the options that
// board reads, takes its defaults from the competition (the demo's teams count six scores, as
// the Norwegian team meet's do), and an option set to anything else than that default is in
// the address: four scores that count give topM=4.
func TestBrowserURLBuilder(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.do(chromedp.EmulateViewport(1366, 768), chromedp.Navigate(s.srv.URL+"/"))
	pick := func(board string) builderProbe {
		t.Helper()
		eval[bool](b, `(() => { const s = document.getElementById('lb-board'); s.value = '`+board+`';
			return s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
		return waitFor(b, board+" in the builder", 5*time.Second, builderProbeJS, func(p builderProbe) bool { return strings.Contains(p.URL, "/"+board) })
	}
	p := waitFor(b, "the builder", 10*time.Second, builderProbeJS, func(p builderProbe) bool { return p.URL != "" })
	if p.First != "lb-board" {
		t.Errorf("the builder's first control is %q, want the board choice", p.First)
	}

	p = pick("team-scoreboard")
	if p.TopM != "6" {
		t.Errorf("team scoreboard: topM shows %q, want the competition's team size 6", p.TopM)
	}
	for _, k := range []string{"showLeaders", "showRecords", "safe"} {
		if contains(p.Visible, k) {
			t.Errorf("team scoreboard: the builder shows %s, which it does not read", k)
		}
	}
	if strings.Contains(p.URL, "topM") {
		t.Errorf("the competition's own team size is in the address: %s", p.URL)
	}
	eval[bool](b, `(() => { const i = document.querySelector('fieldset[data-board="team-scoreboard"] input[name="topM"]'); i.value = '4';
		return i.dispatchEvent(new Event('input', {bubbles: true})); })()`)
	p = waitFor(b, "topM=4", 5*time.Second, builderProbeJS, func(p builderProbe) bool { return strings.Contains(p.URL, "topM") })
	if !strings.Contains(p.URL, "topM=4") {
		t.Errorf("four scores that count: address %s, want topM=4", p.URL)
	}

	p = pick("attempt-bar")
	if !contains(p.Visible, "safe") || contains(p.Visible, "showLeaders") || contains(p.Visible, "topM") {
		t.Errorf("attempt bar: the builder shows %v", p.Visible)
	}
	b.do(chromedp.Navigate("about:blank"))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
