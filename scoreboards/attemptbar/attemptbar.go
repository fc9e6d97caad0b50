// Package attemptbar is the attempt bar alone on a transparent page, for OBS: the lifter, the
// attempt and weight, the clock or the decision, over the video (a 1920×1080 browser source).
package attemptbar

import (
	"github.com/owlcms/tracker/scoreboards/board"
)

// View is what the overlay shows: the standard attempt bar.
type View = board.BarOverlay

// Data is the overlay's view model.
func Data(r board.Request) View { return r.BarOverlay(declaration.PageTitle(r)) }
