// Package attemptbar is the attempt bar alone on a transparent page, for OBS: the lifter, the
// attempt and weight, the clock or the decision, over the video (a 1920×1080 browser source).
package attemptbar

import (
	"github.com/a-h/templ"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

const (
	title    = "Attempt bar"
	titleKey = ""
)

// Board is the attempt bar overlay's registration.
var Board = &board.Board{
	Name:        "attempt-bar",
	Title:       title,
	Description: "The attempt bar alone on a transparent page: an OBS browser source over the video.",
	Category:    board.VideoOverlay,
	Order:       100,
	Options:     []board.Option{board.PositionOption},
	NoCommon:    board.OverlayNoCommon,
	Fragments:   []board.Fragment{{Name: "overlay", Live: true}},
	Wants:       []hub.Resource{hub.ResourceFlags}, // its rows or bar show flags
	View:        func(r board.Request) templ.Component { return Page(Data(r)) },
}

// View is what the overlay shows.
type View struct {
	Page     components.PageMeta
	Position string // "bottom" or "top" of the frame
	Hidden   bool   // no session on the platform: nothing over the video
	Bar      components.AttemptBarView
}

// Data is the overlay's view model: the standard attempt bar.
func Data(r board.Request) View {
	v := View{Page: r.OverlayPage(r.T(titleKey, title)), Position: r.Choice("position", "bottom", "top"), Bar: board.AttemptBar(r)}
	v.Hidden = v.Bar.Waiting
	return v
}
