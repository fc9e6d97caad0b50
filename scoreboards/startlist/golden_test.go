package startlist

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the start list of the invented session (two categories, entry totals from
// the database) and before OWLCMS sent anything (go test ./scoreboards/... -update rewrites
// them).
func TestGolden(t *testing.T) {
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: introduction(t), FOP: "A"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
