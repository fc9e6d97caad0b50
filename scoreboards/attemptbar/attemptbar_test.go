package attemptbar

import (
	"net/url"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	f := boardtest.Lifting("A")
	snap := boardtest.Snapshot(nil, f)
	type shown struct {
		Position       string
		Hidden         bool
		Lifter, Weight string
	}
	tests := []struct {
		fop, query string
		want       shown
	}{
		{"A", "", shown{"bottom", false, "ADA, Ann", "81"}},
		{"A", "position=top", shown{"top", false, "ADA, Ann", "81"}},
		{"A", "position=middle", shown{"bottom", false, "ADA, Ann", "81"}}, // a typo keeps the default
		{"Z", "", shown{"bottom", true, "", ""}},                           // no session: nothing over the video
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		v := Data(board.NewRequest(snap, tt.fop, "en", board.DefaultOptions, Board.BoardQuery(q)))
		if !v.Page.Overlay {
			t.Errorf("%s?%s: not an overlay page", tt.fop, tt.query)
		}
		if diff := gocmp.Diff(tt.want, shown{v.Position, v.Hidden, v.Bar.FullName, v.Bar.Weight}); diff != "" {
			t.Errorf("%s?%s (-want +got):\n%s", tt.fop, tt.query, diff)
		}
	}
}
