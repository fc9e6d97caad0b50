package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

// get fetches path from the test server with optional headers "Name: value".
func (s *testServer) get(t *testing.T, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	// A bare transport: the default one would ask for gzip and decode it behind our back.
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func demoServer(t *testing.T) *testServer {
	t.Helper()
	return newServer(t, hub.Limits{}, owlcms.Options{}, true) // the demo competition loaded
}

func TestBoardPageAndFragments(t *testing.T) {
	s := demoServer(t)
	for _, b := range []string{"start-order", "lifting-order", "rankings"} {
		resp, body := s.get(t, "/"+b+"?fop=A")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", b, resp.StatusCode, body)
		}
		for _, want := range []string{
			`sse-connect="/events/A"`, `hx-get="/` + b + `/grid?fop=A&amp;lang=en"`, `data-carries="bar"`,
			"htmx:sseOpen from:closest [sse-connect]", "HADDAD, Nadia", `class="current"`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s page lacks %q", b, want)
			}
		}
		if strings.Contains(body, `hx-get="/`+b+`/bar`) {
			t.Errorf("%s: the bar fetches itself; the grid's answers carry it", b)
		}
		if n := strings.Count(body, "sse-connect="); n != 1 {
			t.Errorf("%s: %d sse-connect attributes, want exactly one", b, n)
		}
		_, bar := s.get(t, "/"+b+"/bar?fop=A&lang=en")
		if !strings.Contains(bar, "HADDAD, Nadia") || strings.Contains(bar, "<html") || strings.Contains(bar, "<table") {
			t.Errorf("%s bar fragment: %s", b, bar)
		}
		_, grid := s.get(t, "/"+b+"/grid?fop=A&lang=en")
		// A page that names no version gets both whole: the grid, then the bar out of band.
		grid, carried, ok := strings.Cut(grid, `<template><div id="bar" hx-swap-oob="innerHTML">`)
		if !ok || !strings.Contains(grid, `<table class="grid">`) || strings.Contains(grid, "bar-main") ||
			!strings.Contains(carried, "bar-main") || !strings.HasSuffix(carried, "</div></template>") {
			t.Errorf("%s grid fragment: %.300s … %.300s", b, grid, carried)
		}
	}
}

func TestFragmentRenderedOnceWithETagAndGzip(t *testing.T) {
	s := demoServer(t)
	const u = "/lifting-order/grid?fop=A&lang=en"
	r1, plain := s.get(t, u)
	before := s.frags.Stats().Renders
	r2, _ := s.get(t, u, "Accept-Encoding: gzip")
	if got := s.frags.Stats().Renders; got != before {
		t.Errorf("second viewer re-rendered the fragment (%d → %d renders)", before, got)
	}
	etag := r1.Header.Get("ETag")
	if etag == "" || r2.Header.Get("ETag") != etag || r1.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("headers: %v / %v", r1.Header, r2.Header)
	}
	if r2.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip not used: %v", r2.Header)
	}
	_, gz := s.get(t, u, "Accept-Encoding: gzip")
	zr, err := gzip.NewReader(strings.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	unz, _ := io.ReadAll(zr)
	if string(unz) != plain {
		t.Error("gzip body differs from the plain one")
	}
	if r3, body := s.get(t, u, "If-None-Match: "+etag); r3.StatusCode != http.StatusNotModified || body != "" {
		t.Errorf("If-None-Match: %d %q", r3.StatusCode, body)
	}
	// A page that names the versions it shows is answered for itself: never a 304 from the
	// URL's validator, whatever the browser's cache adds.
	have := []string{"X-Fragment-Have: " + r1.Header.Get("X-Fragment-Version"), "X-Fragment-Carried-Have: " + r1.Header.Get("X-Fragment-Carried-Version")}
	if r4, body := s.get(t, u, append(have, "If-None-Match: "+etag)...); r4.StatusCode != http.StatusNoContent || body != "" {
		t.Errorf("up to date, with If-None-Match: %d %q", r4.StatusCode, body)
	}
}

// TestClockEventDoesNotRerenderGrid: a clock event changes the bar alone, so a page that shows
// the grid and the bar gets the bar alone, out of band, from the grid's URL (the grid's answers
// carry the bar); the grid is not rendered again.
func TestClockEventDoesNotRerenderGrid(t *testing.T) {
	s := demoServer(t)
	const u = "/start-order/grid?fop=A&lang=en"
	r1, _ := s.get(t, u)
	grid, bar := r1.Header.Get("X-Fragment-Version"), r1.Header.Get("X-Fragment-Carried-Version")
	if grid == "" || bar == "" {
		t.Fatalf("the grid's answer names the versions of the grid and the bar: %v", r1.Header)
	}
	if _, err := s.hub.Apply(hub.MessageTimer, []byte(`{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":45000}`)); err != nil {
		t.Fatal(err)
	}
	renders := s.frags.Stats().Renders
	r2, body := s.get(t, u, "X-Fragment-Have: "+grid, "X-Fragment-Carried-Have: "+bar)
	if r2.StatusCode != http.StatusOK || r2.Header.Get("HX-Reswap") != "none" || r2.Header.Get("X-Fragment-Version") != grid {
		t.Fatalf("bar alone: %d %v", r2.StatusCode, r2.Header)
	}
	if r2.Header.Get("X-Fragment-Carried-Version") == bar || strings.Contains(body, "<table") ||
		!strings.HasPrefix(body, `<template><div id="bar" hx-swap-oob="innerHTML">`) || !strings.Contains(body, "0:45") {
		t.Errorf("the bar must come alone with the new clock: %v %s", r2.Header, body)
	}
	// The bar, and the answer that carries it: the grid is the one it was.
	if got := s.frags.Stats().Renders; got != renders+2 {
		t.Errorf("%d renders for a clock event, want 2 (the bar and the answer)", got-renders)
	}
}

func TestEachPlatformShowsOnlyItsAthletes(t *testing.T) {
	s := demoServer(t)
	c := demo.NewDemo()
	names := map[string][]string{}
	for _, p := range c.Platforms {
		f := s.hub.Snapshot().FOP(p.Name)
		for _, a := range f.Athletes {
			names[p.Name] = append(names[p.Name], a.FullName)
		}
	}
	if len(names["A"]) == 0 || len(names["B"]) == 0 {
		t.Fatalf("demo platforms: %v", names)
	}
	for _, b := range []string{"start-order", "lifting-order", "rankings"} {
		for fop, other := range map[string]string{"A": "B", "B": "A"} {
			_, page := s.get(t, "/"+b+"?fop="+fop)
			_, grid := s.get(t, "/"+b+"/grid?fop="+fop+"&lang=en")
			for _, n := range names[fop] {
				if !strings.Contains(grid, n) {
					t.Errorf("%s %s: own athlete %q missing", b, fop, n)
				}
			}
			for _, n := range names[other] {
				if strings.Contains(page, n) || strings.Contains(grid, n) {
					t.Errorf("%s %s shows %q of platform %s", b, fop, n, other)
				}
			}
		}
	}
}

func TestBoardEscapesOWLCMSText(t *testing.T) {
	s := demoServer(t)
	payload := demo.NewDemo().UpdateJSON("A")
	hostile := bytes.ReplaceAll(payload, []byte("HADDAD"), []byte(`\u003cscript\u003ealert(1)\u003c/script\u003eHADDAD`))
	if bytes.Equal(hostile, payload) {
		t.Fatal("fixture: name not found in the demo update")
	}
	if _, err := s.hub.Apply(hub.MessageUpdate, hostile); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"/start-order?fop=A", "/start-order/bar?fop=A&lang=en", "/start-order/grid?fop=A&lang=en"} {
		_, body := s.get(t, u)
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: OWLCMS text rendered as HTML", u)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;HADDAD") {
			t.Errorf("%s: escaped name missing", u)
		}
	}
}

func TestBoardBadRequests(t *testing.T) {
	s := demoServer(t)
	tests := []struct {
		path string
		want int
	}{
		{"/no-such-board", http.StatusNotFound},
		{"/start-order/no-such-fragment?fop=A", http.StatusNotFound},
		{"/start-order?lang=" + strings.Repeat("x", 40), http.StatusBadRequest},
		{"/start-order?lang=%3Cscript%3E", http.StatusBadRequest},
		{"/start-order?fop=" + strings.Repeat("A", 65), http.StatusBadRequest},
		{"/start-order?fop=A%00", http.StatusBadRequest},
		{"/events/Nowhere", http.StatusNotFound}, // only known platforms get a stream
		{"/start-order?fop=A&theme=nonsense&size=huge", http.StatusOK},
	}
	for _, tt := range tests {
		if resp, body := s.get(t, tt.path); resp.StatusCode != tt.want {
			t.Errorf("%s: %d, want %d (%s)", tt.path, resp.StatusCode, tt.want, body)
		}
	}
}

func TestBoardBeforeItsPlatformExists(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	_, page := s.get(t, "/lifting-order?fop=A")
	if !strings.Contains(page, `sse-connect="/events"`) || !strings.Contains(page, "waiting=1") {
		t.Fatalf("a page for a platform not yet known listens to the global stream: %s", page)
	}
	resp, bar := s.get(t, "/lifting-order/bar?fop=A&lang=en&waiting=1")
	if resp.Header.Get("HX-Refresh") != "" || !strings.Contains(bar, "Waiting for next session.") {
		t.Errorf("waiting bar: %v %s", resp.Header, bar)
	}
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	if resp, _ := s.get(t, "/lifting-order/bar?fop=A&lang=en&waiting=1"); resp.Header.Get("HX-Refresh") != "true" {
		t.Error("once the platform exists, the waiting page must reload onto its own stream")
	}
}

func TestBoardOnePlatformNeedsNoFOP(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	payload := demo.NewDemo().UpdateJSON("A")
	if _, err := s.hub.Apply(hub.MessageUpdate, payload); err != nil {
		t.Fatal(err)
	}
	_, page := s.get(t, "/start-order")
	if !strings.Contains(page, `sse-connect="/events/A"`) || !strings.Contains(page, "HADDAD") {
		t.Errorf("with one platform, no fop is needed: %.400s", page)
	}
}

func TestBoardWithoutFOPAndSeveralPlatforms(t *testing.T) {
	s := demoServer(t)
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(s.srv.URL + "/start-order")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Errorf("no fop with two platforms: %d %s, want a redirect to the landing page", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestBoardLanguage(t *testing.T) {
	s := demoServer(t)
	_, fr := s.get(t, "/start-order/grid?fop=A&lang=fr")
	_, en := s.get(t, "/start-order/grid?fop=A&lang=en")
	_, frCA := s.get(t, "/start-order/grid?fop=A&lang=fr-CA")
	if fr == en || frCA == en {
		t.Error("the grid headers must follow lang")
	}
	for _, body := range []string{fr, en, frCA} {
		if strings.Contains(body, "!Scoreboard") || strings.Contains(body, "Scoreboard.") {
			t.Errorf("a raw translation key is shown: %.300s", body)
		}
	}
}
