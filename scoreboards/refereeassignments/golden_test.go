package refereeassignments

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the officials' sheet of the invented meet and before OWLCMS sent its
// database (go test ./scoreboards/... -update rewrites them).
func TestGolden(t *testing.T) {
	s := boardtest.Snapshot(nil)
	s.Database = boardtest.Database(t, "../meet/testdata/teams.json")
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: s},
		boardtest.Case{Name: "no-database", Snap: boardtest.Snapshot(nil)},
	)
}
