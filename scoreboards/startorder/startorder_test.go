package startorder

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	a, b := boardtest.Lifting("A"), boardtest.Lifting("B")
	b.Athletes[0].FullName = "ZED, Zoe" // platform B's own athlete
	noKeys := boardtest.Lifting("C")
	noKeys.StartOrder = nil
	snap := boardtest.Snapshot(nil, a, b, noKeys)
	tests := []struct {
		fop  string
		want []string // names, "|" for a category spacer
	}{
		{"A", []string{"ADA, Ann", "BEA, Bo", "|", "CYD, Cy"}},
		{"B", []string{"ZED, Zoe", "BEA, Bo", "|", "CYD, Cy"}},
		{"C", []string{"ADA, Ann", "BEA, Bo", "CYD, Cy"}}, // no start order sent: OWLCMS's row order
		{"Z", nil}, // unknown platform: nothing, never another platform's athletes
	}
	for _, tt := range tests {
		v := Data(board.NewRequest(snap, tt.fop, "en", board.DefaultOptions, nil))
		var got []string
		for _, r := range v.Grid.Rows {
			if r.Spacer {
				got = append(got, "|")
			} else {
				got = append(got, r.Name)
			}
		}
		if len(got) != len(tt.want) {
			t.Fatalf("fop %s: rows %v, want %v", tt.fop, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("fop %s: rows %v, want %v", tt.fop, got, tt.want)
			}
		}
	}
}

func TestDataUnknownPlatformShowsWaiting(t *testing.T) {
	v := Data(board.NewRequest(boardtest.Snapshot(nil), "A", "en", board.DefaultOptions, nil))
	if !v.Bar.Waiting || v.Grid.Empty == "" || len(v.Grid.Rows) != 0 {
		t.Errorf("waiting board: %+v", v)
	}
}
