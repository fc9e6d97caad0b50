package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/static"
)

// landingPage serves / from a tracker prepared by setup and returns the page.
func landingPage(t *testing.T, setup func(h *hub.Hub)) string {
	t.Helper()
	s := newTestServer(t, owlcms.Options{})
	if setup != nil {
		setup(s.hub)
	}
	resp, body := get(t, s.srv.URL+"/")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: %d %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("Content-Type %q", ct)
	}
	return string(body)
}

func TestLanding(t *testing.T) {
	loadDemo := func(h *hub.Hub) {
		if err := demo.Load(h); err != nil {
			t.Fatal(err)
		}
	}
	onePlatform := func(h *hub.Hub) {
		if _, err := h.Apply(hub.MessageUpdate, []byte(`{"fop":"Main","competitionName":"Club <b>Meet</b> & Co"}`)); err != nil {
			t.Fatal(err)
		}
	}
	demoName := html.EscapeString(demo.NewDemo().Name)
	if demoName == "" {
		t.Fatal("the demo competition has no name")
	}
	tests := []struct {
		name  string
		setup func(h *hub.Hub)
		// per board: its links, from its URL name
		links   func(name string) []string
		want    []string
		notWant []string
	}{
		{
			name:  "demo: two platforms, three languages",
			setup: loadDemo,
			links: func(n string) []string {
				return []string{`href="/` + n + `?fop=A"`, `href="/` + n + `?fop=B"`}
			},
			want: []string{
				"<title>" + demoName + "</title>", "<h1>" + demoName + "</h1>",
				`<a class="conn line down" href="/status"`, "OWLCMS not connected",
				`<select id="lb-fop" name="fop"><option value="A">A</option><option value="B">B</option></select>`,
				`<option value="en">English (en)</option>`, `<option value="fr">Français (fr)</option>`,
				`<option value="fr-CA">Français (fr-CA)</option>`,
			},
			notWant: []string{"has not sent a platform yet"},
		},
		{
			name:  "one platform: no fop, the platform's competition name",
			setup: onePlatform,
			links: func(n string) []string { return []string{`href="/` + n + `">Main</a>`} },
			want: []string{
				"<h1>Club &lt;b&gt;Meet&lt;/b&gt; &amp; Co</h1>", "Main (the only one)",
				`<option value="en">English (en)</option>`,
			},
			notWant: []string{"fop=", `name="fop"`, "<b>", "has not sent a platform yet"},
		},
		{
			name:  "no platform yet: bare links, English offered",
			links: func(n string) []string { return []string{`href="/` + n + `">Open</a>`} },
			want: []string{
				"<h1>OWLCMS Tracker</h1>", "OWLCMS has not sent a platform yet",
				`<option value="en">English (en)</option>`, `<option value="">Default: English (en)</option>`,
			},
			notWant: []string{"fop=", `name="fop"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := landingPage(t, tt.setup)
			want := append([]string{
				`<script src="` + static.Path("js/landing.js") + `" defer></script>`,
				`<form id="lb-form" class="lb-form" method="get" action="/`,
			}, tt.want...)
			for _, b := range scoreboards.All() {
				want = append(want, "<h4>"+html.EscapeString(b.Title)+"</h4>",
					`formaction="/`+b.Name+`"`, `<option value="`+b.Name+`" data-keys="`)
				if b.NoPlatform { // a document of the whole meet: one link, whatever the platforms
					want = append(want, `href="/`+b.Name+`">Open</a>`)
				} else {
					want = append(want, tt.links(b.Name)...)
				}
			}
			for _, c := range board.Categories {
				n := 0
				for _, b := range scoreboards.All() {
					if b.Category == c {
						n++
					}
				}
				if h3 := "<h3>" + html.EscapeString(string(c)) + "</h3>"; n > 0 {
					want = append(want, h3)
				} else if strings.Contains(page, h3) {
					t.Errorf("empty category %q shown", c)
				}
			}
			for _, w := range want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(page, nw) {
					t.Errorf("page has %s", nw)
				}
			}
			if strings.Contains(page, "<script>") {
				t.Error("inline script")
			}
		})
	}
}

// TestLandingCheckboxSendsTrueFirst: a checked box sends "true" before its hidden "false",
// and the board reads the first value.
func TestLandingCheckboxSendsTrueFirst(t *testing.T) {
	page := landingPage(t, nil)
	for _, o := range board.CommonOptions {
		if o.Kind != "bool" {
			continue
		}
		box := strings.Index(page, `<input type="checkbox" name="`+o.Key+`" value="true"`)
		hidden := strings.Index(page, `<input type="hidden" name="`+o.Key+`" value="false">`)
		if box < 0 || hidden < 0 || box > hidden {
			t.Errorf("%s: checkbox at %d, hidden false at %d", o.Key, box, hidden)
		}
	}
	o := board.ParseOptions(url.Values{"showLeaders": {"true", "false"}, "showRecords": {"false"}})
	if !o.ShowLeaders || o.ShowRecords {
		t.Errorf("checked then hidden: %+v", o)
	}
}

func TestLandingScriptServed(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	resp, body := get(t, s.srv.URL+static.Path("js/landing.js"))
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") ||
		!strings.Contains(string(body), "lb-form") {
		t.Errorf("landing.js: %d %q %.80s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}

func TestBoardLinks(t *testing.T) {
	tests := []struct {
		platforms []string
		want      []boardLink
	}{
		{nil, []boardLink{{"Open", "/rankings"}}},
		{[]string{"A"}, []boardLink{{"A", "/rankings"}}},
		{[]string{"A", "B"}, []boardLink{{"A", "/rankings?fop=A"}, {"B", "/rankings?fop=B"}}},
		{[]string{"Salle 1 & 2", "B/C"}, []boardLink{{"Salle 1 & 2", "/rankings?fop=Salle+1+%26+2"}, {"B/C", "/rankings?fop=B%2FC"}}},
	}
	for _, tt := range tests {
		got := boardLinks("rankings", tt.platforms)
		if len(got) != len(tt.want) {
			t.Errorf("%q: %v, want %v", tt.platforms, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: %v, want %v", tt.platforms, got, tt.want)
			}
		}
	}
}

func TestLocaleLabel(t *testing.T) {
	for code, want := range map[string]string{
		"en": "English (en)", "fr-CA": "Français (fr-CA)", "pt_BR": "Português (pt_BR)",
		"DE": "Deutsch (DE)", "xx": "xx", "": "",
	} {
		if got := localeLabel(code); got != want {
			t.Errorf("localeLabel(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestConnectionState(t *testing.T) {
	connected := OWLCMSStatus{Connected: true}
	tests := []struct {
		st   Status
		want string
	}{
		{Status{}, "down"},
		{Status{Demo: true}, "demo"},
		{Status{OWLCMS: connected}, "ok"},
		{Status{Demo: true, OWLCMS: connected}, "ok"},
	}
	for _, tt := range tests {
		if got := connectionState(tt.st).Class; got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.st, got, tt.want)
		}
	}
}
