package teamscoreboard

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the team scoreboard of the invented meet while the women lift, with its
// default settings, every athlete of both genders with the predicted score, and before
// OWLCMS sent anything (go test ./scoreboards/... -update rewrites them).
func TestGolden(t *testing.T) {
	s := boardtest.Snapshot(nil, women())
	s.Database = database(t)
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: s, FOP: "A"},
		boardtest.Case{Name: "predicted", Snap: s, FOP: "A", Query: "gender=MF&allAthletes=true&showPredicted=true&scoringSystem=QPoints"},
		boardtest.Case{Name: "points", Snap: s, FOP: "A", Query: "scoringSystem=TeamPoints&topF=1"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
