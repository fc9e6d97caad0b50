package currentathlete

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the current-athlete strip as the landing page lists it.
var declaration = board.Board{Name: "current-athlete", Category: board.VideoOverlay, Order: 300,
	Title: "Current athlete", TitleKey: "CurrentAthleteTitle",
	Description: "The attempt bar with the lifter's attempts, ranks and total on one line: a strip over the video."}

// Board is the current-athlete strip's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
