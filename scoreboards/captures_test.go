package scoreboards

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestBoardsOfARealMeet renders every board, page and fragments, from what a real OWLCMS sent
// at the start of a session, in English and in OWLCMS's own French, in both themes. The
// captures describe real people, so no golden file keeps what this renders: the test checks
// what must hold of any meet instead. Skipped when the captures are absent.
func TestBoardsOfARealMeet(t *testing.T) {
	h := boardtest.Captures(t)
	snap := h.Snapshot()
	f := snap.FOP("A")
	if f == nil || len(f.Athletes) == 0 || f.Current.FullName == "" {
		t.Fatalf("the captures give platform A no session with a lifter: %+v", f)
	}
	for _, b := range All() {
		for _, lang := range []string{"en", "fr-CA"} {
			for _, theme := range []string{"dark", "light"} {
				c := boardtest.Case{Snap: snap}
				if !b.NoPlatform {
					c.FOP = "A"
				}
				r := c.Request(b, lang, theme)
				where := b.Name + " " + lang + " " + theme
				page := boardtest.RenderPage(t, b, r)
				checkHTML(t, where+" page", page)
				frags := map[string]string{}
				for _, fr := range b.Fragments {
					frags[fr.Name] = boardtest.RenderFragment(t, b, r, fr.Name)
					checkHTML(t, where+" "+fr.Name, frags[fr.Name])
					if frags[fr.Name] == "" {
						t.Errorf("%s: fragment %s is empty while a session is lifting", where, fr.Name)
					}
					if !strings.Contains(page, frags[fr.Name]) {
						t.Errorf("%s: the page does not contain its fragment %s as served alone", where, fr.Name)
					}
				}
				if _, grid := frags["grid"]; grid && b.Category == board.Standard {
					// Every athlete of the session has a line, whatever the order.
					for _, a := range f.Athletes {
						if !strings.Contains(frags["grid"], ">"+html.EscapeString(a.FullName)+"<") {
							t.Errorf("%s: athlete %s (start %s) has no line", where, a.Key, a.StartNumber)
						}
					}
					if n := strings.Count(frags["grid"], `<tr class="current`); n != 1 {
						t.Errorf("%s: %d current lines, want 1", where, n)
					}
				}
				if bar, ok := frags["bar"]; ok && !strings.Contains(bar, html.EscapeString(f.Current.FullName)) {
					t.Errorf("%s: the attempt bar does not name the current lifter", where)
				}
			}
		}
	}
}

// emptyCell is a cell of the athletes' grid that a line must fill: start number, name,
// category.
var emptyCell = regexp.MustCompile(`<td class="(start|name|category)">\s*</td>`)

// checkHTML fails on what a board must never show, whatever the meet: an unfilled required
// cell, a translation key or an unformatted message instead of text, a Go formatting error.
func checkHTML(t *testing.T, where, s string) {
	t.Helper()
	if m := emptyCell.FindString(s); m != "" {
		t.Errorf("%s: empty required cell %s", where, m)
	}
	for _, bad := range []string{">Scoreboard.", ">!", "{0", "{1", "%!", "<nil>", "NaN"} {
		if strings.Contains(s, bad) {
			i := strings.Index(s, bad)
			t.Errorf("%s: shows %q: …%s…", where, bad, s[max(0, i-80):min(len(s), i+80)])
		}
	}
}
