// Package multiranks is the multi-ranks scoreboard: the standard board in start order, with a
// rank column for each age group the session's athletes are ranked in (a junior ranked among
// the seniors too shows both ranks), like OWLCMS's multi-ranks scoreboard.
package multiranks

import (
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// Declaration is the multi-ranks board: the start order, every rank per age group.
var Declaration = board.OrderBoard{Name: "multi-ranks", Title: "Scoreboard, Multiple Age Groups",
	TitleKey: "ScoreboardMultiRanksTitle", Place: 150,
	Description: "The session in start order, with a rank for each age group an athlete competes in (juniors among the seniors, masters age groups).",
	Order:       func(f *hub.FOP) []hub.OrderEntry { return f.StartOrder }, MultiRanks: true}

// Board is the multi-ranks board's registration.
var Board = Declaration.Board()
