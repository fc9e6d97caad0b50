package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

func getDoc(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

// Before the database: the page says so and the PDFs answer 503; unknown names 404.
func TestDocumentsWithoutCompetition(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	res, body := getDoc(t, s.srv.URL+"/documents")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "not been received") {
		t.Fatalf("/documents: %d %s", res.StatusCode, body)
	}
	if res, _ := getDoc(t, s.srv.URL+"/documents/results-book.pdf"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("results book without database: %d", res.StatusCode)
	}
	for _, p := range []string{"/documents/nothing.pdf", "/documents/results-book", "/documents/results-book.html"} {
		if res, _ := getDoc(t, s.srv.URL+p); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}
}

// With the demo meet: every listed document is a PDF, options in the query are accepted.
func TestDocumentsDemo(t *testing.T) {
	s := newServer(t, hub.Limits{}, owlcms.Options{}, true)
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	_, page := getDoc(t, s.srv.URL+"/documents")
	for _, name := range []string{"start-book", "results-book", "medal-count", "referee-assignments"} {
		if !strings.Contains(page, `action="/documents/`+name+`.pdf"`) {
			t.Errorf("/documents does not offer %s", name)
		}
		res, body := getDoc(t, s.srv.URL+"/documents/"+name+".pdf?lang=fr&format=complete&hideOfficials=true")
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
			t.Errorf("%s: %d %s", name, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
}
