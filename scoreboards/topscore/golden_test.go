package topscore

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the best lifters of the invented meet by the competition's score and by
// Q-points, and before OWLCMS sent anything (go test ./scoreboards/... -update rewrites them).
func TestGolden(t *testing.T) {
	s := boardtest.Snapshot(nil)
	s.Database = boardtest.Database(t, "../meet/testdata/teams.json")
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: s, FOP: "A"},
		boardtest.Case{Name: "qpoints", Snap: s, FOP: "A", Query: "scoringSystem=QPoints"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
