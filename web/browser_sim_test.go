package web_test

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/demo/sim"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

// TestBrowserLiveDemo: the live demo (the simulated OWLCMS of `tracker -demo`, here 25 times
// faster) drives a board through a whole attempt: the clock runs, the decision lights show,
// and the next athlete is called.
func TestBrowserLiveDemo(t *testing.T) {
	requireBrowser(t)
	s := newServer(t, hub.Limits{}, owlcms.Options{}, true)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sim.Run(ctx, sim.Options{URL: "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/ws", Speed: 25, Seed: 3, Logger: slog.New(slog.DiscardHandler)})
	}()
	t.Cleanup(func() { cancel(); wg.Wait() })

	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	const probe = `(() => ({
		name: (document.querySelector('#bar .bar-name') || {}).textContent || '',
		running: !!document.querySelector('#bar .clock[data-running="true"]'),
		lights: document.querySelectorAll('#bar .light.good, #bar .light.bad').length,
	}))()`
	type state struct {
		Name    string `json:"name"`
		Running bool   `json:"running"`
		Lights  int    `json:"lights"`
	}
	deadline := time.Now().Add(30 * time.Second)
	var names []string
	var running, lights bool
	for i := 0; time.Now().Before(deadline); i++ {
		if i == 0 {
			b.do(chromedp.Navigate(s.srv.URL + "/lifting-order?fop=A"))
		}
		st, err := evalErr[state](b, probe)
		if err == nil {
			running = running || st.Running
			lights = lights || st.Lights == 3
			if st.Name != "" && (len(names) == 0 || names[len(names)-1] != st.Name) {
				names = append(names, st.Name)
			}
			if running && lights && len(names) >= 2 {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("athletes called: %q", names)
	if !running || !lights || len(names) < 2 {
		t.Errorf("in 30 s: clock running %v, lights %v, athletes %q", running, lights, names)
	}
	if errs := eval[[]string](b, `window.__errors`); len(errs) > 0 {
		t.Errorf("script errors: %q", errs)
	}
	b.do(chromedp.Navigate("about:blank"))
}
