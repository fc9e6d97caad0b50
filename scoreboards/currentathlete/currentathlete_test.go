package currentathlete

import (
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	f := boardtest.Lifting("A")
	v := Data(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))
	if v.Hidden || v.Grid == nil || len(v.Grid.Rows) != 1 {
		t.Fatalf("strip %+v", v)
	}
	row := v.Grid.Rows[0]
	if row.Name != "ADA, Ann" || row.Snatch[0].Text != "78" || row.Snatch[1].Status != "current" || row.BestSnatch != "78" || row.SnatchRank != "2" {
		t.Errorf("the lifter's line: %+v", row)
	}
	if row.Current || row.Next {
		t.Error("the strip's only line is marked current: it would blink")
	}

	f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "INTERRUPTION", "JURY"
	if v := Data(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil)); v.Grid != nil || !v.Bar.Break {
		t.Errorf("during a break: only the bar with the break: %+v", v)
	}
	f.Hidden = true
	if v := Data(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil)); !v.Hidden {
		t.Errorf("no session: %+v", v)
	}
	if v := Data(board.NewRequest(boardtest.Snapshot(nil, &hub.FOP{Name: "A"}), "A", "en", board.DefaultOptions, nil)); v.Grid != nil {
		t.Errorf("no current athlete: %+v", v.Grid)
	}
}
