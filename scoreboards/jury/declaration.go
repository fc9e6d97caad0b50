package jury

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the jury board as the landing page lists it.
var declaration = board.Board{Name: "jury", Category: board.AttemptBoard, Order: 110,
	Stylesheets: []string{"css/jury.css"},
	Title:       "Jury", TitleKey: "Jury",
	Description: "For the jury and the coaches: the lift last judged, each referee's decision, the jury's deliberation and its decision (reversal or confirmation), under the attempt bar.",
	// Both parts follow the lights and the jury's events (live changes).
	Fragments: board.WithLiveBar("jury"),
	Options:   []board.Option{}, NoCommon: []string{"showLeaders", "showRecords"}}

// Board is the jury board's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
