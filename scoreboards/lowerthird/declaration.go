package lowerthird

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the lower third as the landing page lists it.
var declaration = board.Board{Name: "lower-third", Title: "Lower third", Category: board.VideoOverlay, Order: 200,
	Description: "The lifter, attempt and weight, and the clock or the decision, on two cards in a corner of the video.",
	Options:     []board.Option{{Key: "position", Label: "Position", Kind: "select", Choices: positions, Default: positions[0]}}}

// Board is the lower third's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
