package jury

import (
	"testing"
	"time"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the jury board after the referees failed Bea's 83 kg, while the jury
// deliberates on it, once it reversed it, and before any lift was judged (go test
// ./scoreboards/... -update rewrites them).
func TestGolden(t *testing.T) {
	f := boardtest.JuryDeliberating(boardtest.Lifting("A"))
	f.State, f.Break, f.Mode, f.BreakType = "CURRENT_ATHLETE_DISPLAYED", false, "CURRENT_ATHLETE", ""
	f.Jury.Deliberating = false
	judged := boardtest.Case{Snap: boardtest.Snapshot(nil, f), FOP: "A", Now: boardtest.Now.Add(100 * time.Millisecond)}
	waiting := boardtest.Case{Name: "nothing-judged", Snap: boardtest.Snapshot(nil, boardtest.Lifting("A")), FOP: "A", Now: boardtest.Now}
	boardtest.Goldens(t, Board, append([]boardtest.Case{judged, waiting}, boardtest.JuryCases()...)...)
}
