package attemptbar

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the overlay's page and fragment at each moment of a platform
// (go test ./scoreboards/... -update rewrites them).
func TestGolden(t *testing.T) {
	cases := boardtest.LiveCases()
	top := cases[0]
	top.Name, top.Query = "top", "position=top-right"
	boardtest.Goldens(t, Board, append(append(cases, top), boardtest.JuryCases()...)...)
}
