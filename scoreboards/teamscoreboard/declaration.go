package teamscoreboard

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the team scoreboard as the landing page lists it.
var declaration = board.Board{Name: "team-scoreboard", Category: board.Team, Order: 100,
	Stylesheets: []string{"css/teams.css"},
	Title:       "Team scoreboard", TitleKey: "Scoreboard.TopTeams",
	Description: "Teams ranked by score, their athletes under them: all sessions, the live one included.",
	Options:     options, Fragments: board.WithBar("teams")}

// Board is the team scoreboard's registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
