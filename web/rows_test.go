package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestRowsAnswer: a page that shows the grid before a weight change and says so gets only the
// rows that changed, once per pair of versions; a page that says nothing, or names a version
// the tracker does not know, gets the whole grid; a page already up to date gets nothing.
func TestRowsAnswer(t *testing.T) {
	s, c, fx := capturedMeet(t)
	const u = "/lifting-order/grid?fop=A&lang=nb"

	r1, whole1 := s.get(t, u)
	v1 := r1.Header.Get("ETag") // a whole fragment's version is its ETag
	if v1 == "" || r1.Header.Get("X-Fragment-Version") != "" || !strings.Contains(whole1, `<tr id="grid-r0"`) {
		t.Fatalf("whole grid: %v %.200s", r1.Header, whole1)
	}
	if r, body := s.get(t, u, "X-Fragment-Have: "+v1); r.StatusCode != http.StatusNoContent || body != "" {
		t.Errorf("up to date: %d %q", r.StatusCode, body)
	}

	sendUpdate(t, c, liftingOrderUpdate(t, fx, 172))
	r2, whole2 := s.get(t, u)
	v2 := r2.Header.Get("ETag")
	renders := s.frags.Stats().Renders
	var rows string
	for range 3 { // three viewers at v1
		r, body := s.get(t, u, "X-Fragment-Have: "+v1)
		if r.StatusCode != http.StatusOK || r.Header.Get("HX-Reswap") != "none" || r.Header.Get("X-Fragment-Version") != v2 ||
			r.Header.Get("ETag") != "" || r.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("rows answer: %d %v", r.StatusCode, r.Header)
		}
		rows = body
	}
	if n := s.frags.Stats().Renders - renders; n != 1 {
		t.Errorf("%d renders for three viewers moving from the same version, want 1", n)
	}
	if !strings.Contains(rows, `hx-swap-oob="true"`) || !strings.Contains(rows, "172") || strings.Contains(rows, "<table") ||
		len(rows)*3 > len(whole2) {
		t.Errorf("rows answer (%d bytes, whole grid %d): %.300s", len(rows), len(whole2), rows)
	}
	t.Logf("whole grid %d bytes, rows answer %d bytes", len(whole2), len(rows))
	for _, have := range []string{"", `"not-a-version"`} {
		r, body := s.get(t, u, "X-Fragment-Have: "+have)
		if r.StatusCode != http.StatusOK || body != whole2 {
			t.Errorf("have %q: %d, whole grid %v", have, r.StatusCode, body == whole2)
		}
	}
}
