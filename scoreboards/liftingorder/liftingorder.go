// Package liftingorder is the warm-up room's board: the session's athletes in the order
// they will lift (OWLCMS's lifting order), next lifter first.
package liftingorder

import (
	"github.com/a-h/templ"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

const (
	title    = "Lifting order"
	titleKey = "Scoreboard.LiftingOrder" // OWLCMS translation of the title
)

// Board is the lifting-order board's registration.
var Board = &board.Board{
	Name:        "lifting-order",
	Title:       title,
	TitleKey:    titleKey,
	Description: "Who lifts next, in OWLCMS's lifting order: for the warm-up room and the coaches.",
	Category:    board.Standard,
	Order:       200,
	Fragments:   []board.Fragment{{Name: "bar", Live: true}, {Name: "grid"}},
	Wants:       []hub.Resource{hub.ResourceFlags}, // its rows or bar show flags
	View:        func(r board.Request) templ.Component { return components.StandardBoard(Data(r)) },
}

// Data is the board's view model: every number on the board comes from here.
func Data(r board.Request) components.StandardView {
	return board.StandardView(r, r.T(titleKey, title), board.Rows(r.FOP, liftingOrder(r.FOP)), "")
}

// liftingOrder is OWLCMS's lifting order (a spacer separates the athletes done with the
// current lift), or its athletes in display order when it sent no keys.
func liftingOrder(f *hub.FOP) []hub.OrderEntry {
	if f == nil {
		return nil
	}
	if len(f.LiftingOrder) > 0 {
		return f.LiftingOrder
	}
	return board.Entries(f.Athletes)
}
