package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

// TestBrowserOBSMonitor: the OBS monitor page's window title follows the platform's state, as
// OWLCMS's own OBS monitor's does, without a reload and without script errors.
func TestBrowserOBSMonitor(t *testing.T) {
	requireBrowser(t)
	s := newTestServer(t, owlcms.Options{})
	apply := func(typ hub.MessageType, payload string) {
		t.Helper()
		if _, err := s.hub.Apply(typ, []byte(payload)); err != nil {
			t.Fatal(err)
		}
	}
	apply(hub.MessageUpdate, `{"fop":"A","uiEvent":"LiftingOrderUpdated","fopState":"CURRENT_ATHLETE_DISPLAYED","fullName":"NORDMANN, Kari","currentAthleteKey":"1","liftTypeKey":"Snatch"}`)

	b := newBrowser(t)
	b.onNewDocument(pageProbe)
	b.do(chromedp.Navigate(s.srv.URL + "/obs-monitor?fop=A"))
	const probe = `({title: document.title, word: document.getElementById('monitor-word').textContent, errors: window.__errors})`
	type page struct {
		Title  string   `json:"title"`
		Word   string   `json:"word"`
		Errors []string `json:"errors"`
	}
	waitFor(b, "the current state", 10*time.Second, probe, func(p page) bool {
		return strings.HasPrefix(p.Title, "state=CURRENT_ATHLETE_DISPLAYED;")
	})
	eval[int](b, `window.__marker = 1`)
	apply(hub.MessageUpdate, `{"fop":"A","uiEvent":"BreakStarted","fopState":"BREAK","break":"true","breakType":"CEREMONY","ceremonyType":"MEDALS","ceremonyEventType":"ceremonyStarted","liftTypeKey":"Snatch"}`)
	p := waitFor(b, "the medal ceremony", 10*time.Second, probe, func(p page) bool {
		return p.Title == "break=BREAK.MEDALS;previous=CURRENT_ATHLETE_DISPLAYED;liftType=Snatch;fop=A"
	})
	if p.Word != "BREAK.MEDALS" || len(p.Errors) > 0 || eval[int](b, `window.__marker || 0`) != 1 {
		t.Errorf("after the ceremony started: %+v", p)
	}
}
