package refereeassignments

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the sheet as the landing page lists it.
var declaration = board.Board{Name: "referee-assignments", Category: board.Documents, Order: 100,
	Stylesheets: []string{"css/documents.css"},
	Title:       "Official assignments", TitleKey: "OfficialAssignments",
	Description: "The officials of every session, by day and platform, ready to print (A4)."}

// Board is the sheet's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
