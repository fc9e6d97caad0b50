package web_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/owlcms/tracker/scoreboards"
)

var thTag = regexp.MustCompile(`<th(\s[^>]*)?>`)

// TestHeaderCellsHaveScope: every header cell of every board says what it heads (a column, a
// group of columns, a row), so that a screen reader reads a cell with its headings.
func TestHeaderCellsHaveScope(t *testing.T) {
	s := demoServer(t)
	pages := []string{"/status"}
	for _, b := range scoreboards.All() {
		u := "/" + b.Name
		if !b.NoPlatform {
			u += "?fop=A"
		}
		pages = append(pages, u)
	}
	pages = append(pages, "/start-order?fop=B", "/team-scoreboard?fop=A&gender=MF&showPredicted=true")
	n := 0
	for _, u := range pages {
		_, page := s.get(t, u)
		for _, th := range thTag.FindAllString(page, -1) {
			n++
			if !strings.Contains(th, ` scope="`) {
				t.Errorf("%s: header cell without scope: %s", u, th)
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d header cells: the pages did not render", n)
	}
}
