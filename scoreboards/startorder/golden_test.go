package startorder

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the board's page and fragments in the middle of the snatch, with the
// leaders and a record attempt, and on a platform OWLCMS has sent nothing for
// (go test ./scoreboards/... -update rewrites them).
func TestGolden(t *testing.T) {
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: boardtest.Snapshot(nil, boardtest.Lifting("A")), FOP: "A"},
		boardtest.Case{Name: "records", Snap: boardtest.Snapshot(nil, boardtest.WithLeadersAndRecords(boardtest.Lifting("A"))), FOP: "A"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
