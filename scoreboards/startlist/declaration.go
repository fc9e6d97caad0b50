package startlist

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the start-list board as the landing page lists it.
var declaration = board.Board{Name: board.StartListBoard, Category: board.Ceremony, Order: 100,
	Stylesheets: []string{"css/ceremony.css"},
	Title:       "Start list", TitleKey: "StartList.StartList",
	Description: "The session's athletes with team, category and entry total, for their introduction (public displays show it then).",
	Fragments:   board.WithBar("list")}

// Board is the start-list board's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
