package attemptbar

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the attempt bar overlay as the landing page lists it.
var declaration = board.Board{Name: "attempt-bar", Title: "Attempt bar", Category: board.VideoOverlay, Order: 100,
	Description: "The attempt bar alone on a transparent page: an OBS browser source over the video."}

// Board is the attempt bar overlay's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
