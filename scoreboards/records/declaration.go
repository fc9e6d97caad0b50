package records

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the records board as the landing page lists it.
var declaration = board.Board{Name: "records", Category: board.Standard, Order: 400,
	Stylesheets: []string{"css/ceremony.css"},
	Title:       "Records", TitleKey: "Scoreboard.records",
	Description: "The records the session's athletes can break, the one attempted now highlighted, and the records set during the meet.",
	NoCommon:    []string{"showLeaders", "showRecords"},
	// The record attempted follows the lifter, and a jury's denial is a live change.
	Fragments: board.WithLiveBar("records")}

// Board is the records board's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
