package attemptbar

import (
	"net/url"
	"testing"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	f := boardtest.Lifting("A")
	snap := boardtest.Snapshot(nil, f)
	tests := []struct {
		fop, query string
		position   string
		hidden     bool
	}{
		{"A", "", "bottom", false},
		{"A", "position=top", "top", false},
		{"A", "position=middle", "bottom", false}, // a typo keeps the default
		{"Z", "", "bottom", true},                 // no session: nothing over the video
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		v := Data(board.NewRequest(snap, tt.fop, "en", board.DefaultOptions, Board.BoardQuery(q)))
		if v.Position != tt.position || v.Hidden != tt.hidden || !v.Page.Overlay {
			t.Errorf("%s?%s: position %q hidden %v overlay %v", tt.fop, tt.query, v.Position, v.Hidden, v.Page.Overlay)
		}
		if !tt.hidden && (v.Bar.FullName != "ADA, Ann" || v.Bar.Weight != "81") {
			t.Errorf("bar %+v", v.Bar)
		}
	}
}
