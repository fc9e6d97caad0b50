package web_test

import (
	"strings"
	"testing"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub/owlcms"
)

// TestStatusSaysWhichLanguageFellBack: a board opened in a language OWLCMS did not send
// shows another one; /status says which, and what it shows instead.
func TestStatusSaysWhichLanguageFellBack(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	if _, err := s.hub.LoadTranslationsJSON(demo.TranslationsJSON()); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/start-order?fop=A&lang=de", "/rankings?fop=A&lang=fr-BE", "/rankings?fop=A&lang=fr"} {
		s.get(t, path)
	}
	_, page := s.get(t, "/status")
	for _, want := range []string{"(/start-order) was opened in “de”, which OWLCMS did not send: it shows\n\t\t\t\t\t“en”",
		"(/rankings) was opened in “fr-BE”"} {
		if !strings.Contains(strings.Join(strings.Fields(page), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("/status does not say %q", want)
		}
	}
	if strings.Contains(page, "“fr”, which") {
		t.Error("/status reports French, which OWLCMS sent, as a fallback")
	}
}
