// Package liftingorder is the warm-up room's board: the session's athletes in the order
// they will lift (OWLCMS's lifting order), next lifter first.
package liftingorder

import (
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// Declaration is the lifting-order board: the standard board in OWLCMS's lifting order (a
// spacer separates the athletes done with the current lift). OWLCMS decides the order; the
// board never re-sorts it.
var Declaration = board.OrderBoard{Name: "lifting-order", Place: 200,
	Title: "Lifting order", TitleKey: "Scoreboard.LiftingOrder",
	Description: "Who lifts next, in OWLCMS's lifting order: for the warm-up room and the coaches.",
	Order:       func(f *hub.FOP) []hub.OrderEntry { return f.LiftingOrder }}

// Board is the lifting-order board's registration.
var Board = Declaration.Board()
