package startorder

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestView(t *testing.T) {
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
		v := Declaration.View(board.NewRequest(snap, tt.fop, "en", board.DefaultOptions, nil))
		if diff := gocmp.Diff(tt.want, names(v.Grid.Rows)); diff != "" {
			t.Errorf("fop %s: rows (-want +got):\n%s", tt.fop, diff)
		}
	}
}

func names(rows []components.GridRow) []string {
	var out []string
	for _, r := range rows {
		if r.Spacer {
			out = append(out, "|")
		} else {
			out = append(out, r.Name)
		}
	}
	return out
}
