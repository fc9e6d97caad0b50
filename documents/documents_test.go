package documents

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
)

// checkDocument checks what every document has: a PDF that reads back, "Page N of M" on
// every page but the title page, an outline starting with the contents, and the contents
// listing every bookmarked section with the page it is on.
func checkDocument(t *testing.T, b []byte) (pages []string, outline []string) {
	t.Helper()
	if !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatal("not a PDF")
	}
	pages, outline = readPDF(t, b)
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, p := range pages[1:] {
		if want := fmt.Sprintf("Page %d of %d", i+2, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d has no %q", i+2, want)
		}
	}
	if strings.Contains(pages[0], "Page 1 of") {
		t.Error("the title page has a footer")
	}
	if len(outline) < 2 || outline[0] != "Contents" {
		t.Fatalf("outline %q", outline)
	}
	toc := pages[1]
	for _, title := range outline[1:] {
		page := 0
		for i, p := range pages[2:] {
			if strings.Contains(strings.Join(strings.Fields(p), " "), strings.Join(strings.Fields(title), " ")) {
				page = i + 3
				break
			}
		}
		if page == 0 {
			t.Errorf("bookmark %q: no page shows it", title)
			continue
		}
		if !lineWith([]string{toc}, title, strconv.Itoa(page)) {
			t.Errorf("contents: no line %q … %d", title, page)
		}
	}
	return pages, outline
}

// Every document of the demo meet, with its live sessions.
func TestDemoDocuments(t *testing.T) {
	s := demoSnapshot(t)
	for _, d := range All {
		t.Run(d.Name, func(t *testing.T) {
			checkDocument(t, generate(t, d.Name, s, nil))
		})
	}
}

// The results book has every athlete of the meet, on a line with their total once they have
// one (live athletes included).
func TestResultsBookHasEveryAthlete(t *testing.T) {
	s := demoSnapshot(t)
	pages, outline := checkDocument(t, generate(t, "results-book", s, nil))
	for _, want := range []string{"Participants", "Medals", "Team points", "Rankings"} {
		if !slices.Contains(outline, want) {
			t.Errorf("no bookmark %q in %q", want, outline)
		}
	}
	m := newModel(s)
	totals := 0
	for _, l := range m.lifters {
		last, _ := splitName(l.Name)
		if tot := l.Total(); tot > 0 {
			totals++
			if !lineWith(pages, last, " "+strconv.Itoa(tot)+" ") {
				t.Errorf("%s: no line with the total %d", l.Name, tot)
			}
		} else if !lineWith(pages, last) {
			t.Errorf("%s missing", l.Name)
		}
	}
	if totals == 0 {
		t.Fatal("the demo has no total: the test proves nothing")
	}
}

// Names and teams in Cyrillic, Greek, Vietnamese and Polish come back out of the PDF as they
// went in (last names in capitals, Greek ones without their accents); a script the font lacks prints "?" instead of vanishing; control characters do not
// break the line.
func TestNamesInAnyScript(t *testing.T) {
	s, v := inventedSnapshot(t)
	for _, name := range []string{"results-book", "start-book"} {
		pages, _ := checkDocument(t, generate(t, name, s, nil))
		for _, a := range v.Athletes[:4] {
			last := capitals(strings.ToUpper(a.LastName))
			if !lineWith(pages, last, a.FirstName) {
				t.Errorf("%s: %s %s not found", name, last, a.FirstName)
			}
			if !lineWith(pages, a.Team) {
				t.Errorf("%s: team %q not found", name, a.Team)
			}
		}
		if !lineWith(pages, "Tab here newline") {
			t.Errorf("%s: the team with a tab and a line break is not on one line", name)
		}
		if !lineWith(pages, "?") {
			t.Errorf("%s: the Chinese name left no mark", name)
		}
	}
}

// A category longer than a page continues on the next with "(2/n)" and the header row again.
func TestLongCategoryContinues(t *testing.T) {
	pages, _ := checkDocument(t, generate(t, "results-book", longCategorySnapshot(t, 60), nil))
	continued := 0
	for _, p := range pages {
		for _, l := range strings.Split(p, "\n") {
			if strings.Contains(l, "Category ") && strings.Contains(l, "(2/") {
				continued++
				if !strings.Contains(p, "Last name") {
					t.Errorf("continued page without the header row:\n%s", p)
				}
			}
		}
	}
	if continued == 0 {
		t.Fatal("no category continued on a second page")
	}
	for i := range 60 {
		if !lineWith(pages, fmt.Sprintf("LIFTER%03d", i)) {
			t.Fatalf("LIFTER%03d missing", i)
		}
	}
}

// The options change what the books hold.
func TestOptions(t *testing.T) {
	s := demoSnapshot(t)
	_, outline := readPDF(t, generate(t, "results-book", s, url.Values{"format": {"protocols"}}))
	if slices.Contains(outline, "Rankings") || slices.Contains(outline, "Medals") {
		t.Errorf("protocols only: %q", outline)
	}
	session := s.Database.Sessions[0].Name
	_, outline = readPDF(t, generate(t, "results-book", s, url.Values{"session": {session}}))
	if len(outline) != 2 || !strings.Contains(outline[1], "Session "+session) {
		t.Errorf("session %s only: %q", session, outline)
	}
	_, outline = readPDF(t, generate(t, "start-book", s, url.Values{"startLists": {"false"}, "categories": {"false"}}))
	for _, o := range outline {
		if strings.HasPrefix(o, "Start list") || o == "Category participants" {
			t.Errorf("start book without lists: %q", outline)
		}
	}
	pages, _ := readPDF(t, generate(t, "results-book", s, url.Values{"lang": {"fr"}}))
	if !lineWith(pages, "Arraché") {
		t.Error("lang=fr: no “Arraché”")
	}
	pages, _ = readPDF(t, generate(t, "results-book", s, url.Values{"hideOfficials": {"true"}}))
	if lineWith(pages, "Referees") {
		t.Error("hideOfficials: the referees are listed")
	}
}

// Without a database there is nothing to print.
func TestNoDatabase(t *testing.T) {
	for _, d := range All {
		if _, err := d.Make(Source{Snap: quietHub().Snapshot()}, nil); err != ErrNoDatabase {
			t.Errorf("%s: %v", d.Name, err)
		}
	}
}

// The captured meet, when the captures are beside the repository (they are not part of it).
func TestCapturedMeet(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "fixtures", "owlcms-v2")
	files, err := filepath.Glob(filepath.Join(dir, "*-DATABASE.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("real OWLCMS captures not available (%s absent)", dir)
	}
	h := quietHub()
	db, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.LoadDatabaseJSON(db, ""); err != nil {
		t.Fatal(err)
	}
	if tr, err := os.ReadFile(filepath.Join(dir, "translations.json")); err == nil {
		if _, err := h.LoadTranslationsJSON(tr); err != nil {
			t.Fatal(err)
		}
	}
	updates, _ := filepath.Glob(filepath.Join(dir, "*-UPDATE-*.json"))
	for _, u := range updates {
		b, err := os.ReadFile(u)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = h.Apply(hub.MessageUpdate, b) // a refused update leaves the database alone
	}
	s := h.Snapshot()
	for _, d := range All {
		t.Run(d.Name, func(t *testing.T) {
			pages, _ := checkDocument(t, generate(t, d.Name, s, url.Values{"lang": {"no"}}))
			if d.Name != "results-book" {
				return
			}
			for _, l := range newModel(s).lifters {
				last, _ := splitName(l.Name)
				if !lineWith(pages, last) {
					t.Errorf("athlete %q missing", l.Name)
				}
			}
		})
	}
}

// BenchmarkResultsBook300 makes the results book of an invented 300-athlete meet.
func BenchmarkResultsBook300(b *testing.B) {
	s := bigSnapshot(b, 300)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := named(b, "results-book").Make(Source{Snap: s, Now: exportTime}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
