package liftingorder

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestViewFollowsOWLCMSLiftingOrder(t *testing.T) {
	f := boardtest.Lifting("A")
	f.LiftingOrder = boardtest.Order(f, "b", "|", "c", "a") // OWLCMS decides; we never re-sort
	v := Declaration.View(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))
	type line struct {
		Start   string
		Current bool
	}
	var got []line
	for _, r := range v.Grid.Rows {
		got = append(got, line{r.Start, r.Current})
	}
	// The current athlete is highlighted wherever OWLCMS puts her.
	want := []line{{"2", false}, {"", false}, {"3", false}, {"1", true}}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}
