package web

import (
	"fmt"
	"slices"
	"strings"

	"github.com/owlcms/tracker/scoreboards/board"
)

// overlayPlacement tells an OBS operator where a video overlay draws and how big its frame
// is: the page is a transparent browser source of the whole frame, and its cards sit where
// position= puts them, inside the safe area safe= keeps clear. "" for a board that is not an
// overlay.
func overlayPlacement(b *board.Board) string {
	if b.Category != board.VideoOverlay {
		return ""
	}
	where := "inside the safe area"
	if i := slices.IndexFunc(b.Options, func(o board.Option) bool { return o.Key == "position" }); i >= 0 {
		o := b.Options[i]
		if slices.ContainsFunc(o.Choices, func(c string) bool { return strings.Contains(c, "-") }) {
			where = "in a corner of the safe area (position=" + strings.Join(o.Choices, ", ") + ")"
		} else {
			where = "across the safe area, at the " + strings.Join(o.Choices, " or ") + " (position=)"
		}
	}
	w, h := safeBox(1920, 1080, board.SafeGraphics)
	aw, ah := safeBox(1920, 1080, board.SafeAction)
	return fmt.Sprintf("OBS: a 1920×1080 browser source (3840×2160 scales), transparent; cards %s. "+
		"safe=graphics %d×%d (EBU R 95, default), action %d×%d, none, or a %% margin.", where, w, h, aw, ah)
}

// safeBox is the size of the area inside a margin of pct percent on each side of a frame.
func safeBox(w, h int, pct float64) (int, int) {
	return w - 2*int(float64(w)*pct/100+0.5), h - 2*int(float64(h)*pct/100+0.5)
}
