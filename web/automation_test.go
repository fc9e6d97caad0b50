package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

// stateEvents reads the automation feed's state events from a stream, in order.
func stateEvents(t *testing.T, url string) (<-chan map[string]any, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		cancel()
		t.Fatalf("%s: %d %v", url, resp.StatusCode, resp.Header)
	}
	out := make(chan map[string]any, 16)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		event, data := "", ""
		for sc.Scan() { // fields in any order, an event ends at a blank line
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event:"):
				event = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
			case strings.HasPrefix(line, "data:"):
				data = strings.TrimSpace(strings.TrimPrefix(line, "data:"))
			case line == "":
				var m map[string]any
				if event == "state" && json.Unmarshal([]byte(data), &m) == nil {
					out <- m
				}
				event, data = "", ""
			}
		}
	}()
	return out, cancel
}

func nextState(t *testing.T, ch <-chan map[string]any, what string) map[string]any {
	t.Helper()
	select {
	case m, ok := <-ch:
		if !ok {
			t.Fatalf("%s: the stream ended", what)
		}
		return m
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: no state event within 10 s", what)
	}
	return nil
}

// TestAutomationFeed: a tool that joins the feed hears the platform's state at once, then each
// change (and only changes); the state is also one line of text to poll, and the title of the
// OBS monitor page, in the words of OWLCMS's own OBS monitor.
func TestAutomationFeed(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	apply := func(typ hub.MessageType, payload string) {
		t.Helper()
		if _, err := s.hub.Apply(typ, []byte(payload)); err != nil {
			t.Fatal(err)
		}
	}
	apply(hub.MessageUpdate, `{"fop":"A","uiEvent":"LiftingOrderUpdated","fopState":"CURRENT_ATHLETE_DISPLAYED","fullName":"NORDMANN, Kari","currentAthleteKey":"1","liftTypeKey":"Snatch","sessionName":"W1"}`)
	if r, _ := s.get(t, "/automation/events?fop=B"); r.StatusCode != http.StatusNotFound {
		t.Errorf("unknown platform: %d", r.StatusCode)
	}

	ch, stop := stateEvents(t, s.srv.URL+"/automation/events?fop=A")
	defer stop()
	first := nextState(t, ch, "on joining")
	if first["word"] != "CURRENT_ATHLETE_DISPLAYED" || first["athlete"] != "NORDMANN, Kari" || first["session"] != "W1" {
		t.Errorf("on joining: %v", first)
	}

	// Changes come seconds apart at a meet; the feed reports the state it finds when it looks
	// (changes are coalesced), so each step waits for the previous one to be heard.
	for _, step := range []struct {
		typ           hub.MessageType
		payload, want string
	}{
		{hub.MessageTimer, `{"fop":"A","fopState":"TIME_RUNNING","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`, "TIME_RUNNING"},
		{hub.MessageTimer, `{"fop":"A","fopState":"TIME_RUNNING","athleteTimerEventType":"StartTime","athleteMillisRemaining":59000}`, ""}, // same state: nothing
		{hub.MessageDecision, `{"fop":"A","fopState":"DECISION_VISIBLE","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"true","decision":"true","decisionsVisible":"true"}`, "DECISION_VISIBLE.GOOD_LIFT"},
	} {
		apply(step.typ, step.payload)
		if step.want == "" {
			continue
		}
		if got := nextState(t, ch, step.want); got["word"] != step.want {
			t.Errorf("got %v, want %s", got["word"], step.want)
		}
	}
	const title = "state=DECISION_VISIBLE.GOOD_LIFT;previous=TIME_RUNNING;liftType=Snatch;fop=A"
	if r, body := s.get(t, "/automation/state?fop=A"); r.StatusCode != http.StatusOK || body != title+"\n" {
		t.Errorf("state text: %d %q", r.StatusCode, body)
	}
	if r, body := s.get(t, "/obs-monitor?fop=A"); r.StatusCode != http.StatusOK || !strings.Contains(body, "<title>"+title+"</title>") {
		t.Errorf("monitor page: %d %.400s", r.StatusCode, body)
	}
	select {
	case m := <-ch:
		t.Errorf("an event without a change of state: %v", m)
	default:
	}
}
