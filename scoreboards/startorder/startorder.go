// Package startorder is the standard scoreboard: the session's athletes in OWLCMS's start
// order (by category, then lot), with the current and next lifters highlighted.
package startorder

import (
	"github.com/a-h/templ"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

const (
	title    = "Scoreboard"
	titleKey = "" // OWLCMS translation of the title
)

// Board is the start-order board's registration.
var Board = &board.Board{
	Name:        "start-order",
	Title:       title,
	Description: "The session in start order, with leaders and records: the venue's main board.",
	Category:    board.Standard,
	Order:       100,
	Fragments:   []board.Fragment{{Name: "bar", Live: true}, {Name: "grid"}},
	Wants:       []hub.Resource{hub.ResourceFlags}, // its rows or bar show flags
	View:        func(r board.Request) templ.Component { return components.StandardBoard(Data(r)) },
}

// Data is the board's view model: every number on the board comes from here.
func Data(r board.Request) components.StandardView {
	return board.StandardView(r, r.T(titleKey, title), board.Rows(r.FOP, startOrder(r.FOP)), "")
}

// startOrder is OWLCMS's start order, or its athletes in display order when it sent no keys.
func startOrder(f *hub.FOP) []hub.OrderEntry {
	if f == nil {
		return nil
	}
	if len(f.StartOrder) > 0 {
		return f.StartOrder
	}
	return board.Entries(f.Athletes)
}
