package records

import (
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the records board of the invented meet while Arnott attacks the senior
// clean & jerk record (Carver's junior records set earlier in the session), after the jury
// denied Carver's, and before OWLCMS sent anything (go test ./scoreboards/... -update rewrites
// them).
func TestGolden(t *testing.T) {
	denied := meetWithRecords(t)
	f := *denied.FOPs["A"]
	f.Decision = hub.Decision{Event: "JURY_DECISION", JuryDecision: "BAD_LIFT",
		Jury: hub.JuryDetails{AthleteFull: "CARVER, Dan", ActualLift: "CLEANJERK", RecordKind: "denied"}}
	denied.FOPs = map[string]*hub.FOP{"A": &f}
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: meetWithRecords(t), FOP: "A"},
		boardtest.Case{Name: "denied", Snap: denied, FOP: "A"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
