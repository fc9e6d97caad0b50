package attemptboard

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the attempt board as the landing page lists it.
var declaration = board.Board{Name: "attempt-board", Category: board.AttemptBoard, Order: 100,
	Stylesheets: []string{"css/attemptboard.css"},
	Title:       "Attempt board", TitleKey: "AttemptBoard",
	Description: "Full screen for the platform: the lifter, the weight and the barbell as loaded, the clock and the decision.",
	Options: []board.Option{
		{Key: "showPlates", Label: "Show the barbell", Kind: "bool", Default: "true"},
		{Key: "showTimer", Label: "Show the clock", Kind: "bool", Default: "true"},
		{Key: "showDecisions", Label: "Show the decisions", Kind: "bool", Default: "true"},
		{Key: "showPicture", Label: "Show the athlete's picture", Kind: "bool", Default: "true"},
		{Key: "showFlag", Label: "Show the flag", Kind: "bool", Default: "true"},
	},
}

// Board is the attempt board's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
