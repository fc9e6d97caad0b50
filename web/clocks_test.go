package web_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/owlcms/tracker/hub/owlcms"
)

// An invented platform "A" with one athlete lifting: enough for the attempt bar and its clock.
const lifterUpdate = `{"fop":"A","fopState":"CURRENT_ATHLETE_DISPLAYED","mode":"CURRENT_ATHLETE",
"uiEvent":"LiftingOrderUpdated","competitionName":"Harbour Lights Open","fullName":"MARLOWE, Tessa",
"teamName":"Cedar Hollow WC","startNumber":"1","attemptNumber":"1","weight":"70","timeAllowed":"60000",
"sessionName":"S1","liftTypeKey":"Snatch","currentAthleteKey":"4401","startOrderKeys":[4401],
"sessionAthletes":[{"athleteKey":"4401","athlete":{"key":4401,"lastName":"Marlowe","firstName":"Tessa","startNumber":1},
"displayInfo":{"fullName":"MARLOWE, Tessa","teamName":"Cedar Hollow WC",
"sattempts":[{"value":"70","status":"current"},{"value":null,"status":"empty"},{"value":null,"status":"empty"}],
"cattempts":[{"value":"88","status":"request"},{"value":null,"status":"empty"},{"value":null,"status":"empty"}]}}]}`

// send sends a live message; without a database the tracker applies it and answers 428 (asking
// for the database), which these tests do not need.
func send(t *testing.T, c *owlcmsClient, typ, payload string) {
	t.Helper()
	if reply := c.sendText(captureVersion, typ, json.RawMessage(payload)); reply["status"] != float64(200) && reply["status"] != float64(428) {
		t.Fatalf("%s: reply %v", typ, reply)
	}
}

// TestFragmentsCarryServerTime: every fragment answer, a 304 included, says the server's time,
// from which the page's clock script measures its offset.
func TestFragmentsCarryServerTime(t *testing.T) {
	s := demoServer(t)
	before := time.Now().UnixMilli()
	resp, _ := s.get(t, "/start-order/bar?fop=A&lang=en")
	stamp := func(resp *http.Response) int64 {
		t.Helper()
		v, err := strconv.ParseInt(resp.Header.Get("X-Server-Time"), 10, 64)
		if err != nil {
			t.Fatalf("X-Server-Time %q: %v", resp.Header.Get("X-Server-Time"), err)
		}
		return v
	}
	if v := stamp(resp); v < before || v > time.Now().UnixMilli() {
		t.Errorf("X-Server-Time %d outside the request [%d, now]", v, before)
	}
	again, _ := s.get(t, "/start-order/bar?fop=A&lang=en", "If-None-Match: "+resp.Header.Get("ETag"))
	if again.StatusCode != http.StatusNotModified {
		t.Fatalf("revalidation: %d", again.StatusCode)
	}
	if stamp(again) < stamp(resp) {
		t.Error("a 304 carries an older time than the first answer")
	}
	_, page := s.get(t, "/start-order?fop=A")
	if !strings.Contains(page, `data-server-ms="`) || !strings.Contains(page, "/js/clock.js") {
		t.Error("the page lacks its render time or the clock script")
	}
}

// TestClockAnchoredInFragment: a running clock's fragment says how much time was left at which
// server instant, so a page loaded later counts from the truth, not from the start event.
func TestClockAnchoredInFragment(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	c := s.dial(t, "/ws")
	send(t, c, "update", lifterUpdate)
	send(t, c, "timer", `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000","athleteStartTimeMillis":"1000"}`)
	anchor := s.hub.Snapshot().FOP("A").Clock.ReceivedAt.UnixMilli()
	_, bar := s.get(t, "/start-order/bar?fop=A&lang=en")
	for _, want := range []string{
		`data-remaining-ms="60000"`, `data-anchor-ms="` + strconv.FormatInt(anchor, 10) + `"`,
		`data-running="true"`, `data-final-ms="30000"`,
	} {
		if !strings.Contains(bar, want) {
			t.Errorf("bar lacks %s: %s", want, bar)
		}
	}
	if strings.Contains(bar, "data-initial-ms") {
		t.Error("a one-minute clock has no 90 s warning")
	}
}

// TestBreakMessagesTranslated: a break's message is built per viewer from the translations,
// not taken from OWLCMS's text in OWLCMS's language.
func TestBreakMessagesTranslated(t *testing.T) {
	s := demoServer(t) // the demo's translations: en, fr, fr-CA
	c := s.dial(t, "/ws")
	send(t, c, "update", `{"fop":"A","fopState":"BREAK","break":"true","breakType":"JURY","mode":"INTERRUPTION",
		"uiEvent":"BreakStarted","sessionName":"A1","fullName":"Session A1 &ndash; Jury Deliberation"}`)
	for lang, want := range map[string]string{"en": "Session A1 – Jury Deliberation", "fr": "Groupe A1 – Délibération du jury"} {
		_, bar := s.get(t, "/lifting-order/bar?fop=A&lang="+lang)
		if !strings.Contains(bar, want) || !strings.Contains(bar, `class="stop"`) {
			t.Errorf("%s bar: want %q and a stop sign: %s", lang, want, bar)
		}
	}
}

// TestLinkMarker: a board says discreetly when OWLCMS is not connected, and stops saying it
// once OWLCMS is back.
func TestLinkMarker(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	_, page := s.get(t, "/start-order?fop=A")
	if !strings.Contains(page, `class="link-marker down"`) || !strings.Contains(page, `hx-get="/link-status?lang=en"`) {
		t.Errorf("no OWLCMS: the page has no marker: %s", page)
	}
	_, marker := s.get(t, "/link-status?lang=en")
	if !strings.Contains(marker, "link-marker down") || !strings.Contains(marker, "Waiting for updates from the competition site.") {
		t.Errorf("marker without OWLCMS: %s", marker)
	}
	c := s.dial(t, "/ws")
	send(t, c, "update", lifterUpdate)
	if _, marker = s.get(t, "/link-status?lang=en"); strings.Contains(marker, "down") {
		t.Errorf("marker with OWLCMS connected: %s", marker)
	}
	if resp, _ := s.get(t, "/link-status?lang=%3Cb%3E"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad lang: %d", resp.StatusCode)
	}
}
