package multiranks

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the board in the clean & jerk of a session where Carver, a junior, is
// ranked among the seniors too (his own category's ranks live, the seniors' from the
// database), and on a platform OWLCMS has sent nothing for (go test ./scoreboards/... -update
// rewrites them).
func TestGolden(t *testing.T) {
	snap := boardtest.Snapshot(nil, boardtest.SessionM2("A"))
	snap.Database = boardtest.Database(t, "../meet/testdata/ceremony.json")
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: snap, FOP: "A"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
