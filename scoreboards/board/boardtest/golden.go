package boardtest

import (
	"bytes"
	"cmp"
	"context"
	"flag"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// update rewrites the golden files instead of comparing with them:
// go test ./scoreboards/... -update. Every package under scoreboards/ imports boardtest in
// its tests, so the flag exists in each of their test binaries.
var update = flag.Bool("update", false, "rewrite testdata/*.golden.html with what the boards render now")

// Now is the time of every golden render: the page carries the server's clock, and held
// signals (the down arrow) are shown or not by it.
var Now = time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

// Case is one situation a board is rendered in.
type Case struct {
	Name  string // "" for the board's main case; otherwise part of its files' names
	Snap  *hub.Snapshot
	FOP   string // the platform asked for ("" for the boards of the whole meet)
	Query string // the board's own options, as in its URL
	Now   time.Time
}

// variant is how a viewer opens a board: the suffix of its golden files, its language and
// its theme.
type variant struct{ suffix, lang, theme string }

// variants are the viewers every case is rendered for: English in both themes, and French,
// whose labels come from the translations OWLCMS sends (here French).
var variants = []variant{{"", "en", "dark"}, {"-light", "en", "light"}, {"-fr", "fr", "dark"}}

// Goldens renders the page and every fragment of b in each case and for each variant, and
// compares them with testdata/<board>[-<case>]-<fragment>[-light|-fr].golden.html (the page is
// the fragment "page"); a fragment that is empty in every case fails. The theme only reaches the page's frame, so the light variant has a
// page file and its fragments must equal the dark ones.
func Goldens(t *testing.T, b *board.Board, cases ...Case) {
	t.Helper()
	rendered := map[string]bool{} // fragments that were not empty at least once
	defer func() {
		for _, f := range b.Fragments {
			if !rendered[f.Name] {
				t.Errorf("fragment %s is empty in every case: the page has no templ.Fragment of that name", f.Name)
			}
		}
	}()
	for _, c := range cases {
		t.Run(cmp.Or(c.Name, "main"), func(t *testing.T) {
			t.Helper()
			base := b.Name
			if c.Name != "" {
				base += "-" + c.Name
			}
			dark := map[string]string{}
			for _, v := range variants {
				r := GoldenRequest(b, c, v.lang, v.theme)
				Golden(t, base+"-page"+v.suffix, RenderPage(t, b, r))
				for _, f := range b.Fragments {
					got := RenderFragment(t, b, r, f.Name)
					rendered[f.Name] = rendered[f.Name] || got != ""
					switch v.suffix {
					case "":
						dark[f.Name] = got
						Golden(t, base+"-"+f.Name, got)
					case "-light":
						if diff := gocmp.Diff(lines(dark[f.Name]), lines(got)); diff != "" {
							t.Errorf("fragment %s depends on the theme (-dark +light):\n%s", f.Name, diff)
						}
					default:
						Golden(t, base+"-"+f.Name+v.suffix, got)
					}
				}
			}
		})
	}
}

// GoldenRequest is the request the web layer would build for a viewer of case c, with the
// French translations and fixed URLs and time.
func GoldenRequest(b *board.Board, c Case, lang, theme string) board.Request {
	snap := *c.Snap
	snap.Translations = French
	c.Snap = &snap
	return c.Request(b, lang, theme)
}

// Request is the request the web layer would build for a viewer of case c on board b, with
// the case's snapshot and fixed URLs and time.
func (c Case) Request(b *board.Board, lang, theme string) board.Request {
	q, err := url.ParseQuery(c.Query)
	if err != nil {
		panic(err)
	}
	o := board.DefaultOptions
	o.Theme = theme
	r := board.NewRequest(c.Snap, c.FOP, lang, o, b.BoardQuery(q))
	r.Now = cmp.Or(c.Now, Now)
	fq := url.Values{"lang": {lang}}
	if c.FOP != "" {
		fq.Set("fop", c.FOP)
		r.SSEURL = "/events/" + c.FOP
	} else {
		r.SSEURL = "/events"
	}
	if theme != board.DefaultOptions.Theme {
		fq.Set("theme", theme)
	}
	maps.Copy(fq, r.Query)
	r.URLs = map[string]string{}
	for _, f := range b.Fragments {
		r.URLs[f.Name] = "/" + b.Name + "/" + f.Name + "?" + fq.Encode()
	}
	r.LinkURL = "/link?lang=" + lang
	return r
}

// RenderPage renders b's whole page for r.
func RenderPage(t testing.TB, b *board.Board, r board.Request) string {
	t.Helper()
	var buf bytes.Buffer
	if err := b.View(r).Render(context.Background(), &buf); err != nil {
		t.Fatalf("page: %v", err)
	}
	return buf.String()
}

// RenderFragment renders the fragment called name of b's page for r.
func RenderFragment(t testing.TB, b *board.Board, r board.Request, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := templ.RenderFragments(context.Background(), &buf, b.View(r), name); err != nil {
		t.Fatalf("fragment %s: %v", name, err)
	}
	return buf.String()
}

// Golden compares html with testdata/<name>.golden.html, or writes it there under -update.
// The file holds the HTML with a line break between adjacent tags, so that a change shows
// as the few lines that changed.
func Golden(t *testing.T, name, html string) {
	t.Helper()
	path := GoldenFile(name)
	got := Lines(html)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: run go test ./scoreboards/... -update to write it", err)
	}
	if diff := gocmp.Diff(lines(string(want)), lines(got)); diff != "" {
		t.Errorf("%s differs (-golden +rendered); if the change is meant, run go test ./scoreboards/... -update:\n%s", path, diff)
	}
}

// GoldenFile is the path of the golden file called name in a board package's directory:
// <board>[-<case>]-<fragment>[-light|-fr].
func GoldenFile(name string) string { return filepath.Join("testdata", name+".golden.html") }

// Lines is html with a line break between adjacent tags, ending with a line break, and the
// content hash of /static/ URLs replaced by "HASH": a stylesheet edit changes every page's
// hash, which is not what the golden files check.
func Lines(html string) string {
	html = staticHash.ReplaceAllString(html, "/static/HASH/")
	return strings.ReplaceAll(html, "><", ">\n<") + "\n"
}

var staticHash = regexp.MustCompile(`/static/[0-9a-f]+/`)

func lines(s string) []string { return strings.Split(s, "\n") }
