package meet

import (
	"testing"

	"github.com/owlcms/tracker/hub"
)

func TestTotalRules(t *testing.T) {
	good := func(w int) Attempt { return Attempt{Weight: w, Status: hub.AttemptGood} }
	bad := func(w int) Attempt { return Attempt{Weight: w, Status: hub.AttemptBad} }
	ask := func(w int) Attempt { return Attempt{Weight: w, Status: hub.AttemptRequest} }
	none := Attempt{}
	tests := []struct {
		name              string
		sn, cj            [3]Attempt
		total, sumOfBests int
		pred, predNoDecl  int // the predictions with the declaration, then without
		predSum           int // with SumOfBests
	}{
		{"snatch under way", [3]Attempt{good(100), ask(105), none}, [3]Attempt{ask(130), none, none}, 0, 100, 235, 105, 235},
		{"snatch done", [3]Attempt{good(100), good(105), bad(108)}, [3]Attempt{ask(130), none, none}, 0, 105, 235, 235, 235},
		{"bombed out of the snatch", [3]Attempt{bad(95), bad(95), bad(95)}, [3]Attempt{good(120), ask(125), none}, 0, 120, 0, 0, 125},
		{"done", [3]Attempt{good(100), bad(105), good(105)}, [3]Attempt{good(130), good(135), bad(140)}, 240, 240, 240, 240, 240},
	}
	for _, tt := range tests {
		l := &Lifter{Snatch: tt.sn, CleanJerk: tt.cj}
		owlcms, sum, noDecl := TotalRules{}, TotalRules{SumOfBests: true}, TotalRules{NoCJDeclaration: true}
		if g := owlcms.Total(l); g != tt.total {
			t.Errorf("%s: total %d, want %d", tt.name, g, tt.total)
		}
		if g := sum.Total(l); g != tt.sumOfBests {
			t.Errorf("%s: sum of bests %d, want %d", tt.name, g, tt.sumOfBests)
		}
		if g := owlcms.Predicted(l); g != tt.pred {
			t.Errorf("%s: predicted %d, want %d", tt.name, g, tt.pred)
		}
		if g := noDecl.Predicted(l); g != tt.predNoDecl {
			t.Errorf("%s: predicted without the declaration %d, want %d", tt.name, g, tt.predNoDecl)
		}
		if g := sum.Predicted(l); g != tt.predSum {
			t.Errorf("%s: predicted, sum of bests %d, want %d", tt.name, g, tt.predSum)
		}
	}
}
