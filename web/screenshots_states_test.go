package web_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

// barStates drive the demo's platform A through what its attempt bar shows during a session,
// in the order a session goes (the down signal after the lights, so the arrow's hold does not
// cover them).
var barStates = []struct {
	name string
	msgs []string // "type payload" pairs applied in order
}{
	{"clock-warning", []string{"timer", `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"26000","timeAllowed":"60000"}`}},
	{"lights", []string{"decision", `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"false","d3":"true","decisionsVisible":"true","down":"false"}`}},
	{"down", []string{
		"decision", `{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`,
		"decision", `{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`,
	}},
	{"countdown", []string{
		"decision", `{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`,
		"update", `{"fop":"A","fopState":"BREAK","break":"true","breakType":"FIRST_CJ","mode":"LIFT_COUNTDOWN","sessionName":"A1","liftTypeKey":"Snatch","uiEvent":"BreakStarted"}`,
		"timer", `{"fopName":"A","breakTimerEventType":"BreakStarted","breakMillisRemaining":"600000","indefiniteBreak":"false","breakType":"FIRST_CJ"}`,
	}},
	{"interruption", []string{
		"update", `{"fop":"A","fopState":"BREAK","break":"true","breakType":"JURY","mode":"INTERRUPTION","sessionName":"A1","liftTypeKey":"Snatch","uiEvent":"BreakStarted"}`,
	}},
	{"jury-reversal", []string{
		"decision", `{"fop":"A","decisionEventType":"JURY_DECISION","juryDecision":"BAD_LIFT","juryReversal":"true","fopState":"BREAK","break":"true","mode":"INTERRUPTION"}`,
	}},
	{"ceremony", []string{
		"update", `{"fop":"A","fopState":"BREAK","break":"true","breakType":"FIRST_SNATCH","ceremonyType":"INTRODUCTION","ceremonyEventType":"ceremonyStarted","sessionName":"A2","uiEvent":"CeremonyStarted"}`,
	}},
	{"session-done", []string{
		"update", `{"fop":"A","fopState":"BREAK","break":"true","breakType":"GROUP_DONE","mode":"SESSION_DONE","sessionName":"A1","liftTypeKey":"Clean_and_Jerk","uiEvent":"GroupDone"}`,
	}},
	{"waiting", []string{"update", `{"fop":"A","fopState":"INACTIVE","hidden":"true","uiEvent":"SwitchGroup"}`}},
}

// TestScreenshotsStates writes a picture of the attempt bar in each state of barStates, and
// one of a board whose OWLCMS is not connected. Like TestScreenshots, it runs only when asked:
//
//	SCREENSHOTS=$PWD/docs/screenshots go test ./web -run TestScreenshotsStates
func TestScreenshotsStates(t *testing.T) {
	dir := screenshotDir(t)
	s := demoServer(t)
	b := newBrowser(t)
	for _, st := range barStates {
		for i := 0; i < len(st.msgs); i += 2 {
			if _, err := s.hub.Apply(hub.MessageType(st.msgs[i]), []byte(st.msgs[i+1])); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
		}
		png, err := barShot(b, s.srv.URL+"/start-order?fop=A")
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		writeShot(t, filepath.Join(dir, "bar-"+st.name+".png"), png)
	}

	// A tracker whose OWLCMS went away: the board keeps its state and says so in a corner.
	lost := newServer(t, hub.Limits{}, owlcms.Options{}, false)
	if _, err := lost.hub.Apply(hub.MessageUpdate, []byte(lifterUpdate)); err != nil {
		t.Fatal(err)
	}
	png, err := screenshot(b, lost.srv.URL+"/start-order?fop=A", 1366, 768)
	if err != nil {
		t.Fatal(err)
	}
	writeShot(t, filepath.Join(dir, "start-order-owlcms-lost-1366x768.png"), png)
}

// barShot captures the attempt bar of a board at 1366 px, half the device pixels.
func barShot(b *browser, u string) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(b.ctx)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, browserTimeout)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1366, 768, chromedp.EmulateScale(1)),
		chromedp.Navigate(u),
		chromedp.WaitVisible("#bar .bar"),
		chromedp.Sleep(400*time.Millisecond), // the load refresh and the first clock tick
	)
	if err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.Screenshot("#bar"))
}
