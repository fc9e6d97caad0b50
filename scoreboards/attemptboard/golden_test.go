package attemptboard

import (
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestGolden renders the attempt board at each moment of a platform, with the loaded bar, the
// lifter's picture and flag, and with every option off (go test ./scoreboards/... -update
// rewrites them).
func TestGolden(t *testing.T) {
	cases := append(boardtest.LiveCases(), boardtest.JuryCases()...)
	for i := range cases {
		f := cases[i].Snap.FOPs["A"]
		cases[i].Snap = snapshot(t, f)
	}
	off := cases[0]
	off.Name, off.Query = "options-off", "showPlates=false&showTimer=false&showPicture=false&showFlag=false"
	long := boardtest.LiveCases()[0]
	long.Name = "long-name"
	f := long.Snap.FOPs["A"]
	long.Snap = snapshot(t, f)
	f.Athletes[0].LastName = "Papadopoulou-Konstantinidou"
	boardtest.Goldens(t, Board, append(cases, off, long)...)
}

var _ = hub.AssetFlags
