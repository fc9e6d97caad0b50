package currentathlete

import (
	"context"
	"strings"
	"testing"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// The attempt bar names the lifter and the team: the line under it does not say them again.
func TestStripNamesTheLifterOnce(t *testing.T) {
	f := boardtest.Lifting("A")
	a := f.Athletes[0]
	var b strings.Builder
	if err := Page(Data(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, s := range []string{a.FullName, a.TeamName} {
		if n := strings.Count(html, ">"+s+"<"); n != 1 {
			t.Errorf("%q shown %d times, want once (in the bar)", s, n)
		}
	}
	if strings.Contains(html, `class="start"`) {
		t.Error("the line has a start-number column: the bar shows it")
	}
}
