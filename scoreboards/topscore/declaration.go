package topscore

import (
	"github.com/owlcms/tracker/scoreboards/board"
)

// declaration is the top-score board as the landing page lists it.
var declaration = board.Board{Name: "top-score", Category: board.Team, Order: 300,
	Stylesheets: []string{"css/teams.css"},
	Title:       "Top score", TitleKey: "Scoreboard.TopSinclair",
	Description: "The meet's best lifters of each gender by the competition's score, and the kilos each needs to take the lead.",
	Options:     []board.Option{board.ScoringOption(true), board.PageSecondsOption}, // team points rank no individual
	Fragments:   board.WithBar("tables")}

// Board is the top-score board's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
