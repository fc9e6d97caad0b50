// Package startorder is the standard scoreboard: the session's athletes in OWLCMS's start
// order (by category, then lot), with the current and next lifters highlighted.
package startorder

import (
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// Declaration is the start-order board: the standard board in OWLCMS's start order.
var Declaration = board.OrderBoard{Name: "start-order", Title: "Scoreboard", TitleKey: "Scoreboard", Place: 100,
	Description: "The session in start order, with leaders and records: the venue's main board.",
	Order:       func(f *hub.FOP) []hub.OrderEntry { return f.StartOrder }}

// Board is the start-order board's registration.
var Board = Declaration.Board()
