package currentathlete

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	f := boardtest.Lifting("A")
	v := Data(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))
	if v.Hidden || v.Grid == nil {
		t.Fatalf("strip %+v", v)
	}
	// The lifter's line, never marked current or next: the strip's only line would blink.
	want := []components.GridRow{board.Row(f, f.Athletes[0])}
	want[0].Current = false
	if diff := gocmp.Diff(want, v.Grid.Rows); diff != "" {
		t.Errorf("the lifter's line (-want +got):\n%s", diff)
	}
	if got := v.Grid.Rows[0]; got.Name != "ADA, Ann" || got.Snatch[1] != (components.Cell{Text: "81", Status: "current"}) {
		t.Errorf("not Ada's line with her current attempt: %+v", got)
	}

	type shown struct{ Hidden, Grid, Break bool }
	jury := boardtest.Lifting("A")
	jury.State, jury.Break, jury.Mode, jury.BreakType = "BREAK", true, "INTERRUPTION", "JURY"
	hidden := boardtest.Lifting("A")
	hidden.Hidden = true
	for _, tt := range []struct {
		name string
		f    *hub.FOP
		want shown
	}{
		{"during a break: only the bar with the break", jury, shown{Break: true}},
		{"no session", hidden, shown{Hidden: true}},
		{"no current athlete: the bar alone", &hub.FOP{Name: "A"}, shown{}},
	} {
		v := Data(board.NewRequest(boardtest.Snapshot(nil, tt.f), "A", "en", board.DefaultOptions, nil))
		if diff := gocmp.Diff(tt.want, shown{v.Hidden, v.Grid != nil, v.Bar.Break}); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}
