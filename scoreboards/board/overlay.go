package board

import (
	"slices"

	"github.com/owlcms/tracker/components"
)

// OverlayPage is the page frame of a video overlay: transparent, so that OBS shows the video
// wherever the overlay draws nothing, with the overlays' stylesheet, its cards inside the safe
// area. It has no OWLCMS connection marker: the broadcast's viewers would see it.
func (r Request) OverlayPage(title string) components.PageMeta {
	p := r.Page(title)
	p.Overlay = true
	p.Safe = r.Options.Safe
	p.Link = components.LinkView{}
	p.Stylesheets = []string{"css/overlay.css"}
	return p
}

// Choice reads a board-specific option that takes one of choices; anything else (absent, a
// typo in an OBS source's URL) gives the first, the default.
func (r Request) Choice(key string, choices ...string) string {
	if v := r.Query.Get(key); slices.Contains(choices, v) {
		return v
	}
	return choices[0]
}

// PositionOption is the option of the overlays that sit at the top or bottom of the frame.
var PositionOption = Option{Key: "position", Label: "Position", Kind: "select", Choices: []string{"bottom", "top"}, Default: "bottom"}

// BarOverlay is what the overlays built on the attempt bar show: the bar at the bottom or top
// of the frame (PositionOption), and nothing at all while the platform has no session.
type BarOverlay struct {
	Page     components.PageMeta
	Position string // "bottom" or "top" of the frame
	Hidden   bool   // no session on the platform: nothing over the video
	Bar      components.AttemptBarView
}

// BarOverlay is the standard attempt bar as an overlay titled title.
func (r Request) BarOverlay(title string) BarOverlay {
	v := BarOverlay{Page: r.OverlayPage(title), Position: r.Choice("position", PositionOption.Choices...), Bar: AttemptBar(r)}
	v.Hidden = v.Bar.Waiting
	return v
}
