package medals

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the medals board as the landing page lists it.
var declaration = board.Board{Name: board.MedalsBoard, Category: board.Ceremony, Order: 200,
	Stylesheets: []string{"css/ceremony.css"},
	Title:       "Medals", TitleKey: "CeremonyType.MEDALS",
	Description: "The podium of a medal ceremony; between ceremonies the session's medals and medal leaders. Public displays show it during ceremonies.",
	// The podiums follow the ceremony (a live change) as well as the results.
	Fragments: board.WithLiveBar("medals")}

// Board is the medals board's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
