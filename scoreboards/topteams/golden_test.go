package topteams

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the top teams of the invented meet (the men's sessions done, the
// women's not) and before OWLCMS sent anything (go test ./scoreboards/... -update rewrites
// them).
func TestGolden(t *testing.T) {
	s := boardtest.Snapshot(nil)
	s.Database = boardtest.Database(t, "../meet/testdata/teams.json")
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: s, FOP: "A"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
