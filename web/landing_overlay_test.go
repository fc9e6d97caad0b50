package web_test

import (
	"strings"
	"testing"

	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
)

// TestLandingStatesOverlayPlacement: for each video overlay, the landing page says where it
// draws and in what frame, with the safe area's size (EBU R 95 at 1920×1080), so an OBS
// operator can size the browser source without trying.
func TestLandingStatesOverlayPlacement(t *testing.T) {
	page := landingPage(t, nil)
	n := 0
	for _, b := range scoreboards.All() {
		if b.Category != board.VideoOverlay {
			continue
		}
		n++
		i := strings.Index(page, "<h4>"+b.Title+"</h4>")
		if i < 0 {
			t.Fatalf("%s: no card", b.Name)
		}
		card := page[i:]
		card = card[:strings.Index(card, "</li>")]
		for _, want := range []string{"1920×1080", "1728×972", "1786×1004", "position="} {
			if !strings.Contains(card, want) {
				t.Errorf("%s: the card does not state %q: %s", b.Name, want, card)
			}
		}
	}
	if n < 3 {
		t.Fatalf("%d overlays", n)
	}
	if strings.Count(page, `class="desc placement"`) != n {
		t.Errorf("a board that is not an overlay states a placement")
	}
}
