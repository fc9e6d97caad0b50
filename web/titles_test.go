package web_test

import (
	"encoding/json"
	"html"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
)

// TestBoardTitlesTranslated: the document title of every board shown on a screen (the tab, the
// TV's window list) is OWLCMS's name of it in the viewer's language. The video overlays have
// no name in OWLCMS and no visible title.
func TestBoardTitlesTranslated(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	de := map[string]string{}
	for _, b := range scoreboards.All() {
		if b.Category == board.VideoOverlay {
			continue
		}
		if b.TitleKey == "" {
			t.Errorf("%s: no translation key for its title %q", b.Name, b.Title)
			continue
		}
		de[b.TitleKey] = "Übersetzt " + b.TitleKey
	}
	raw, err := json.Marshal(map[string]any{"locales": map[string]any{"de": de, "en": map[string]string{}}, "translationsChecksum": "titles"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.hub.LoadTranslationsJSON(raw); err != nil {
		t.Fatal(err)
	}
	for _, b := range scoreboards.All() {
		if b.Category == board.VideoOverlay || b.TitleKey == "" {
			continue
		}
		_, page := s.get(t, "/"+b.Name+"?fop=A&lang=de")
		if want := "<title>" + html.EscapeString(de[b.TitleKey]); !strings.Contains(page, want) {
			i := strings.Index(page, "<title>")
			t.Errorf("%s in German: %.80s, want %s", b.Name, page[max(i, 0):], want)
		}
	}
}
