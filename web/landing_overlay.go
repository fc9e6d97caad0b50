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
		choices := b.Options[i].Choices
		if slices.ContainsFunc(choices, func(c string) bool { return strings.Contains(c, "-") }) {
			where = "in a corner of the safe area (position=" + strings.Join(choices, ", ") + "; default " + b.Options[i].Default + ")"
		} else {
			where = "across the safe area's width, at the " + strings.Join(choices, " or the ") + " (position=; default " + b.Options[i].Default + ")"
		}
	}
	w, h := safeBox(1920, 1080, board.SafeGraphics)
	aw, ah := safeBox(1920, 1080, board.SafeAction)
	return fmt.Sprintf("Browser source of 1920×1080 (or 3840×2160: it scales), transparent; its cards sit %s. "+
		"Safe area (safe=): graphics, EBU R 95's graphics-safe %d×%d at 1920×1080 (default); action, %d×%d; none, the whole frame; "+
		"or a margin in percent. Text size: size=.", where, w, h, aw, ah)
}

// safeBox is the size of the area inside a margin of pct percent on each side of a frame.
func safeBox(w, h int, pct float64) (int, int) {
	return w - 2*int(float64(w)*pct/100+0.5), h - 2*int(float64(h)*pct/100+0.5)
}
