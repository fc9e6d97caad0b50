package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

// A platform named with a "/" (OWLCMS lets the organiser type "A/B") gets a working event
// stream: the board's sse-connect URL escapes the name, the route unescapes it, and the
// platform's events arrive on it.
func TestEventStreamForPlatformWithSlash(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	const fop = "A/B"
	if _, err := s.hub.Apply(hub.MessageUpdate, []byte(`{"fop":"A/B","sessionName":"M1","weight":"80"}`)); err != nil {
		t.Fatal(err)
	}
	_, page := s.get(t, "/start-order?fop="+url.QueryEscape(fop))
	m := regexp.MustCompile(`sse-connect="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no sse-connect on the page: %.400s", page)
	}
	sse := html.UnescapeString(m[1])
	if sse == "/events" {
		t.Fatalf("the board for %q fell back to the global stream", fop)
	}
	names := sseEvents(t, s.srv.URL+sse)
	if _, err := s.hub.Apply(hub.MessageTimer, []byte(`{"fopName":"A/B","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`)); err != nil {
		t.Fatal(err)
	}
	awaitEvent(t, names, "live")

	// Another platform's name that merely starts the same way is not this one.
	if resp, _ := get(t, s.srv.URL+"/events/A"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("/events/A: %s", resp.Status)
	}
	http.DefaultClient.CloseIdleConnections()
}
