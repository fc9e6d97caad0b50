// Package topscore is OWLCMS's "top Sinclair" board: the meet's best lifters of each gender by
// the competition's scoring system (Sinclair, SM(H)F, Q-points, Q-masters), with how many kilos
// each athlete still lifting needs to pass the leader.
package topscore

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/meet"
)

const shown = 10 // athletes per gender

// View is what the board shows: a table per gender.
type View = board.GenderTables[Labels, Row]

// Labels are the translated column headers.
type Labels struct{ Name, Category, Born, Team, BodyWeight, Snatch, CleanJerk, Total, Score, Needed string }

// Table is one gender's best lifters.
type Table = board.Table[Row]

// Row is one athlete.
type Row struct {
	Rank, Name, Category, Born, Team, FlagURL, BodyWeight string
	Snatch, CleanJerk, Total, Score, Needed               string
	Current                                               bool
}

// Data is the board's view model, a function of r alone: every number on the top-score board
// is read from the hub snapshot in r here (hub → board → components), and the templates only
// lay it out.
func Data(r board.Request) View {
	sys := meet.SystemFor(r.Query.Get("scoringSystem"), r.Competition())
	if sys.Points {
		sys = meet.Systems[0]
	}
	v := View{Frame: declaration.Frame(r)}
	v.Labels = Labels{
		Name: r.T("Scoreboard.Name", "Name"), Category: r.T("Scoreboard.Category", "Cat."), Born: r.T("Scoreboard.Birth", "Born"),
		Team: r.T("Scoreboard.Team", "Team"), BodyWeight: r.T("Scoreboard.BodyWeight", "B.W."),
		Snatch: r.T("Scoreboard.Snatch", "Snatch"), CleanJerk: r.T("Scoreboard.Clean_and_Jerk", "Clean &amp; Jerk"),
		Total: r.T("Scoreboard.Total", "Total"), Score: r.T(sys.Key, sys.English), Needed: r.T("Scoreboard.Needed", "Kg Needed"),
	}
	lifters := meet.Lifters(r.Database(), r.FOP)
	v.AddGenders(r, func(gender string) Table {
		t := table(r, sys, lifters, gender)
		t.Title = hub.PlainText(r.T(sys.Key, sys.English) + " – " + r.GenderName(gender))
		return t
	})
	v.FitTables(64.5, 3) // the columns of static/css/teams.css (.teams.top), a name of 14em
	// A long board: never under the legible size, its rows paging when they do not fit.
	v.Fit.Paged = true
	// The name (14em in the width) and the team (11em) share what the other columns leave, the
	// team giving way first (board.css's .fit.flex): 10em and 3em at the least.
	v.Fit.Flex, v.Fit.FlexMin = 14+11, 10+3
	v.Page.Scripts = []string{"js/pager.js"}
	v.Paging = components.Paging{PauseMS: 1000 * board.PageSeconds(r)}
	return v
}

// scored is a lifter with their score.
type scored struct {
	l     *meet.Lifter
	score float64
}

// table ranks a gender's lifters with a total by score; the leader's score sets what the others
// need.
func table(r board.Request, sys meet.System, lifters []*meet.Lifter, gender string) Table {
	var ss []scored
	for _, l := range lifters {
		if l.Gender != gender {
			continue
		}
		if s := sys.Individual(l, l.Total()); s > 0 {
			ss = append(ss, scored{l, s})
		}
	}
	slices.SortStableFunc(ss, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), meet.CompareSessions(a.l.Session, b.l.Session), cmp.Compare(a.l.Start, b.l.Start))
	})
	var t Table
	for i, s := range ss[:min(len(ss), shown)] {
		l := s.l
		row := Row{Rank: strconv.Itoa(i + 1), Name: l.Name, Category: l.Category, Born: l.Born, Team: l.Team,
			FlagURL: r.AssetURL(hub.AssetFlags, l.Team), BodyWeight: cmp.Or(meet.BodyWeight(l.BodyWeight), "-"),
			Snatch: kg(meet.Best(l.Snatch)), CleanJerk: kg(meet.Best(l.CleanJerk)), Total: kg(l.Total()),
			Score: fmt.Sprintf("%.2f", s.score), Needed: "-", Current: l.Current}
		if i > 0 && !l.Finished() {
			row.Needed = kg(needed(sys, l, ss[0].score))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// needed is how many kilos a lifter must add to their total to score above leader, 0 when
// no total within reach (1000 kg) does.
func needed(sys meet.System, l *meet.Lifter, leader float64) int {
	// The score grows with the total: find the smallest total above the leader by bisection.
	lo, hi := l.Total(), 1000
	if sys.Individual(l, hi) <= leader {
		return 0
	}
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if sys.Individual(l, mid) > leader {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi - l.Total()
}

func kg(n int) string {
	if n <= 0 {
		return "-"
	}
	return strconv.Itoa(n)
}
