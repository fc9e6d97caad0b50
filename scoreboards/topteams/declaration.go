package topteams

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the top-teams board as the landing page lists it.
var declaration = board.Board{Name: "top-teams", Category: board.Team, Order: 200,
	Stylesheets: []string{"css/teams.css"},
	Title:       "Top teams", TitleKey: "Scoreboard.TopTeams",
	Description: "Team points per gender, from the sessions that are done, with each team's members and how many have lifted.",
	Fragments:   board.WithBar("tables")}

// Board is the top-teams board's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
