package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
)

// TestOverlayPages: the video overlays are transparent pages with their own stylesheet, and
// their options reach the fragment URLs (so OBS gets the layout it asked for).
func TestOverlayPages(t *testing.T) {
	s := demoServer(t)
	for _, path := range []string{"/attempt-bar?fop=A", "/lower-third?fop=A&position=top-right&size=large", "/current-athlete?fop=A&position=top"} {
		resp, page := s.get(t, path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		if !strings.Contains(page, `class="board theme-dark transparent"`) || !strings.Contains(page, "/css/overlay.css") {
			t.Errorf("%s is not a transparent overlay page", path)
		}
	}
	_, page := s.get(t, "/lower-third?fop=A&position=top-right&size=large")
	if !strings.Contains(page, "position=top-right") || !strings.Contains(page, "size=1.25") || !strings.Contains(page, "lt-top-right") {
		t.Errorf("the lower third lost its options: %s", page)
	}
}

// TestAttemptBoardOptions: each option of the attempt board works both ways over HTTP, and
// opening the board asks OWLCMS for the athletes' pictures.
func TestAttemptBoardOptions(t *testing.T) {
	s := demoServer(t)
	parts := map[string]string{"showPlates": `class="barbell`, "showTimer": `class="ab-clock"`, "showFlag": `class="ab-flag"`}
	for opt, marker := range parts {
		for _, v := range []string{"true", "false"} {
			_, body := s.get(t, "/attempt-board/board?fop=A&lang=en&"+opt+"="+v)
			if got := strings.Contains(body, marker); got != (v == "true") {
				t.Errorf("%s=%s: %s shown %v", opt, v, marker, got)
			}
		}
	}
	wanted := func() bool {
		for _, n := range s.hub.Needs() {
			if n.Resource == hub.ResourcePictures {
				return true
			}
		}
		return false
	}
	if wanted() {
		t.Fatal("pictures wanted before any attempt board was opened")
	}
	s.get(t, "/attempt-board?fop=A")
	if !wanted() {
		t.Error("opening the attempt board did not ask OWLCMS for the pictures")
	}
}

// TestDocumentNeedsNoPlatform: the officials' sheet covers the whole meet: with several
// platforms it opens without fop (no redirect to the landing page) and never asks htmx to
// reload it.
func TestDocumentNeedsNoPlatform(t *testing.T) {
	s := demoServer(t) // two platforms
	resp, page := s.get(t, "/referee-assignments")
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, `hx-get="/referee-assignments/sheet?lang=en"`) {
		t.Fatalf("%d: %.400s", resp.StatusCode, page)
	}
	resp, _ = s.get(t, "/referee-assignments/sheet?lang=en")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("HX-Refresh") != "" {
		t.Errorf("sheet fragment: %d, HX-Refresh %q", resp.StatusCode, resp.Header.Get("HX-Refresh"))
	}
}
