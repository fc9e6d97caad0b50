package startlist

import (
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the start list of the invented session M2 (two categories, entry totals
// from the database), during its introduction, and before OWLCMS sent anything
// (go test ./scoreboards/... -update rewrites them).
func TestGolden(t *testing.T) {
	intro := boardtest.CeremonyMeet(t)
	intro.FOPs["A"] = boardtest.InCeremony(intro.FOPs["A"], hub.CeremonyIntroduction, hub.CeremonyTarget{})
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: boardtest.CeremonyMeet(t), FOP: "A"},
		boardtest.Case{Name: "introduction", Snap: intro, FOP: "A"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
