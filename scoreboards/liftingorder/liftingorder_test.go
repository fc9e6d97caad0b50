package liftingorder

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestDataFollowsOWLCMSLiftingOrder(t *testing.T) {
	f := boardtest.Lifting("A")
	f.LiftingOrder = boardtest.Order(f, "b", "|", "c", "a") // OWLCMS decides; we never re-sort
	v := Data(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))
	var got string
	for _, r := range v.Grid.Rows {
		if r.Spacer {
			got += "|"
		} else {
			got += r.Start
		}
	}
	if got != "2|31" {
		t.Errorf("order %q, want 2|31", got)
	}
	if v.Page.Title != "Lifting order" {
		t.Errorf("title %q", v.Page.Title)
	}
	if !v.Grid.Rows[3].Current {
		t.Error("the current athlete is highlighted wherever OWLCMS puts him")
	}
}
