package medals

import (
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the medals of the invented meet during session M2 (a category decided,
// one still lifting), during the medal ceremony of SR 96, and before OWLCMS sent anything
// (go test ./scoreboards/... -update rewrites them).
func TestGolden(t *testing.T) {
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: boardtest.CeremonyMeet(t), FOP: "A"},
		boardtest.Case{Name: "ceremony", Snap: medalsOf(t, hub.CeremonyTarget{Session: "M1", Category: "SR 96", AgeGroup: "SR"}), FOP: "A"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
