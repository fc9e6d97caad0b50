package teamrankings

import "github.com/owlcms/tracker/scoreboards/board"

// declaration is the team rankings as the landing page lists them.
var declaration = board.Board{Name: "team-rankings", Category: board.Team, Order: 150,
	Stylesheets: []string{"css/teams.css", "css/team-rankings.css"},
	Title:       "Team rankings", TitleKey: "TeamResults.Title",
	Description: "The championship table of teams, per championship and gender (mixed teams too), paging itself: for a TV.",
	Options:     options, Fragments: board.WithBar("rankings")}

// Board is the team rankings' registration: the declaration with what its category implies.
var Board = board.New(declaration, Data, Page)
