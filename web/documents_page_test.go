package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/documents"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

var (
	formRe     = regexp.MustCompile(`(?s)<form [^>]*action="([^"]+)"[^>]*>(.*?)</form>`)
	methodRe   = regexp.MustCompile(`method="([^"]+)"`)
	selectRe   = regexp.MustCompile(`(?s)<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>`)
	optionRe   = regexp.MustCompile(`<option value="([^"]*)"( selected)?>`)
	inputRe    = regexp.MustCompile(`<input [^>]*name="([^"]+)"[^>]*>`)
	valueRe    = regexp.MustCompile(`value="([^"]*)"`)
	labelForRe = regexp.MustCompile(`<label for="([^"]+)">([^<]*)</label>`)
)

// pageForm is a form of the /documents page as a browser submits it: its action and the
// query its fields make with their preselected values.
type pageForm struct {
	method, action string
	query          url.Values
	labels         map[string]string // field id → label
}

func pageForms(t *testing.T, page string) map[string]pageForm {
	t.Helper()
	forms := map[string]pageForm{}
	for _, m := range formRe.FindAllStringSubmatch(page, -1) {
		f := pageForm{action: m[1], query: url.Values{}, labels: map[string]string{}}
		if mm := methodRe.FindStringSubmatch(m[0]); mm != nil {
			f.method = mm[1]
		}
		body := m[2]
		for _, s := range selectRe.FindAllStringSubmatch(body, -1) {
			opts := optionRe.FindAllStringSubmatch(s[2], -1)
			if len(opts) == 0 {
				t.Fatalf("%s: select %s has no option", f.action, s[1])
			}
			v := opts[0][1] // a browser submits the first option when none is selected
			for _, o := range opts {
				if o[2] != "" {
					v = o[1]
				}
			}
			f.query.Add(s[1], v)
		}
		for _, in := range inputRe.FindAllStringSubmatch(body, -1) {
			v := ""
			if vm := valueRe.FindStringSubmatch(in[0]); vm != nil {
				v = vm[1]
			}
			f.query.Add(in[1], v)
		}
		for _, l := range labelForRe.FindAllStringSubmatch(body, -1) {
			f.labels[l[1]] = l[2]
		}
		forms[f.action] = f
	}
	return forms
}

// The page has a GET form per document of documents.All, with the language and every option
// as a field; submitting a form as it stands gives the PDF.
func TestDocumentsPageForms(t *testing.T) {
	s := newServer(t, hub.Limits{}, owlcms.Options{}, true)
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	res, page := getDoc(t, s.srv.URL+"/documents")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("/documents: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if strings.Contains(page, "not been received") {
		t.Error("the demo is loaded, yet the page says the competition has not been received")
	}
	forms := pageForms(t, page)
	if len(forms) != len(documents.All) {
		t.Errorf("%d forms for %d documents", len(forms), len(documents.All))
	}
	for _, d := range documents.All {
		f, ok := forms["/documents/"+d.Name+".pdf"]
		if !ok {
			t.Errorf("no form for %s", d.Name)
			continue
		}
		if !strings.EqualFold(f.method, "get") {
			t.Errorf("%s: method %q, want get (a URL that can be bookmarked)", d.Name, f.method)
		}
		if _, ok := f.query["lang"]; !ok {
			t.Errorf("%s: no language field", d.Name)
		}
		for _, o := range d.Options {
			if _, ok := f.query[o.Name]; !ok {
				t.Errorf("%s: no field for the option %s", d.Name, o.Name)
			}
			if f.labels[d.Name+"-"+o.Name] == "" {
				t.Errorf("%s: the option %s has no label", d.Name, o.Name)
			}
		}
		if want := len(d.Options) + 1; len(f.query) != want {
			t.Errorf("%s: fields %v, want lang and the %d options", d.Name, f.query, len(d.Options))
		}
		u := s.srv.URL + f.action + "?" + f.query.Encode()
		res, body := getDoc(t, u)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
			t.Errorf("%s: %d %s", u, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
}

// The results book offers the demo's sessions by name, "all" first.
func TestDocumentsPageSessions(t *testing.T) {
	s := newServer(t, hub.Limits{}, owlcms.Options{}, true)
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	_, page := getDoc(t, s.srv.URL+"/documents")
	sessions := s.hub.Snapshot().Database.Sessions
	if len(sessions) == 0 {
		t.Fatal("the demo has no session")
	}
	m := regexp.MustCompile(`(?s)<select id="results-book-session" name="session">(.*?)</select>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the results book has no session select")
	}
	opts := optionRe.FindAllStringSubmatch(m[1], -1)
	if len(opts) != len(sessions)+1 || opts[0][1] != "" {
		t.Fatalf("session choices %v, want all then the %d sessions", opts, len(sessions))
	}
	for i, ses := range sessions {
		if opts[i+1][1] != ses.Name {
			t.Errorf("choice %d is %q, want %q", i+1, opts[i+1][1], ses.Name)
		}
	}
}

// ?lang= preselects the language for the PDFs and translates the labels that have a key;
// an unknown language is ignored.
func TestDocumentsPageLanguage(t *testing.T) {
	s := newServer(t, hub.Limits{}, owlcms.Options{}, true)
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	// Invented translations: the French of the options with an OWLCMS key, and of the titles.
	tr := `{"en":{"Officials":"Officials"},"fr":{"Officials":"Officiels","Documents.Title":"Documents du meet","Documents.StartBook":"Livre de d&eacute;part"}}`
	if _, err := s.hub.LoadTranslationsJSON([]byte(tr)); err != nil {
		t.Fatal(err)
	}
	_, page := getDoc(t, s.srv.URL+"/documents?lang=fr")
	forms := pageForms(t, page)
	f := forms["/documents/start-book.pdf"]
	if got := f.query.Get("lang"); got != "fr" {
		t.Errorf("lang preselected %q, want fr", got)
	}
	if got := f.labels["start-book-officials"]; got != "Officiels" {
		t.Errorf("officials label %q, want Officiels", got)
	}
	if got := f.labels["start-book-categories"]; got != "Category participants" {
		t.Errorf("a label without translation is %q, want the English", got)
	}
	for _, want := range []string{"<h1>Documents du meet</h1>", "Livre de départ (PDF)"} {
		if !strings.Contains(page, want) {
			t.Errorf("the French page lacks %q", want)
		}
	}
	_, page = getDoc(t, s.srv.URL+"/documents?lang=xx%22")
	if got := pageForms(t, page)["/documents/start-book.pdf"].query.Get("lang"); got != "" {
		t.Errorf("unknown language preselected as %q", got)
	}
}

// The page runs under the tracker's Content-Security-Policy: no inline script or style.
func TestDocumentsPageCSP(t *testing.T) {
	s := newServer(t, hub.Limits{}, owlcms.Options{}, true)
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	res, page := getDoc(t, s.srv.URL+"/documents")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	for _, m := range regexp.MustCompile(`<script[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(m, ` src="/static/`) {
			t.Errorf("inline script %s", m)
		}
	}
	if strings.Contains(page, "<style") || strings.Contains(page, " style=") {
		t.Error("inline style on the page")
	}
	for _, m := range regexp.MustCompile(`<link [^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(m, `href="/static/`) {
			t.Errorf("stylesheet outside /static/: %s", m)
		}
	}
}
