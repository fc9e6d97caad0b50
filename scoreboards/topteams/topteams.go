// Package topteams is OWLCMS's "top teams" board: for each gender, the teams by the IWF team
// points their athletes earned in the sessions that are over, with how many team members each
// team has and how many of them have lifted.
package topteams

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// View is what the board shows: a table per gender.
type View = board.GenderTables[Labels, Row]

// Labels are the translated column headers.
type Labels struct{ Team, Points, Members, Scored string }

// Table is one gender's teams.
type Table = board.Table[Row]

// Row is one team.
type Row struct {
	Rank, Team, FlagURL, Points, Members, Scored string
}

// Data is the board's view model, a function of r alone: every number on the top-teams board
// is read from the hub snapshot in r here (hub → board → components), and the templates only
// lay it out.
func Data(r board.Request) View {
	v := View{Frame: declaration.Frame(r)}
	v.Labels = Labels{
		Team: r.T("Scoreboard.Team", "Team"), Points: r.T("Scoreboard.Points", "Points"),
		Members: r.T("Scoreboard.TeamSize", "# Team Members"), Scored: r.T("Scoreboard.Done", "# Athletes Scored (Done Sessions)"),
	}
	lifters := meet.Lifters(r.Database(), r.FOP)
	v.AddGenders(r, func(gender string) Table {
		t := table(r, r.Competition(), lifters, gender)
		t.Title = hub.PlainText(r.T(genderTitles[gender].key, genderTitles[gender].english))
		return t
	})
	v.FitTables(40, 2)
	return v
}

// genderTitles are each gender's table title: its translation key and its English.
var genderTitles = map[string]struct{ key, english string }{
	"M": {"Scoreboard.TopTeamsMen", "Top Teams - Men"}, "F": {"Scoreboard.TopTeamsWomen", "Top Teams - Women"},
}

// teamCount is a team's members and how many of them lifted in a finished session.
type teamCount struct{ members, scored int }

// table ranks the teams of a gender: points from the finished sessions only (the best
// team-size athletes count, as the competition sets it), then the team name.
func table(r board.Request, comp hub.Competition, lifters []*meet.Lifter, gender string) Table {
	counts := map[string]*teamCount{}
	var done []*meet.Lifter
	for _, l := range lifters {
		if l.Gender != gender || l.Team == "" || !l.TeamMember {
			continue
		}
		c := counts[l.Team]
		if c == nil {
			c = &teamCount{}
			counts[l.Team] = c
		}
		c.members++
		if l.SessionDone {
			c.scored++
			done = append(done, l)
		}
	}
	s := meet.Settings{
		System: meet.SystemFor("TeamPoints", comp), Genders: []string{gender},
		TeamPoints: meet.TeamPointsOf(comp),
		LiftRanks:  comp.SnatchCJTotalMedals,
	}
	size := comp.MensTeamSize
	if gender == "F" {
		size = comp.WomensTeamSize
	}
	s.Top, s.All = map[string]int{gender: size}, size <= 0
	points := map[string]float64{}
	for _, t := range meet.Teams(done, s) {
		points[t.Name] = t.Score
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(points[b], points[a]), cmp.Compare(a, b)) })
	// Equal points share a place: seven teams at 0 before any session ends are all first.
	places := meet.Places(len(names), func(i int) bool { return points[names[i]] == points[names[i-1]] })
	var t Table
	for i, n := range names {
		t.Rows = append(t.Rows, Row{Rank: strconv.Itoa(places[i]), Team: n, FlagURL: r.AssetURL(hub.AssetFlags, n),
			Points: strconv.Itoa(int(points[n])), Members: strconv.Itoa(counts[n].members), Scored: strconv.Itoa(counts[n].scored)})
	}
	return t
}
