// Package teamrankings is the championship table of teams: per championship and gender (men,
// women, mixed teams), the teams ranked by their score (IWF team points by default, with the
// snatch, clean & jerk and total points apart when the meet gives medals for each lift),
// with how many of their members count, limited to the top N, live as lifts happen. A table
// longer than a page pages itself on the TV: static/js/pager.js sweeps its rows up a
// page at a time.
package teamrankings

import (
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// View is everything the team rankings show.
type View struct {
	board.Frame
	Labels Labels
	Paging Paging
	Tables []Table
	Empty  string // shown when no team has athletes yet
	Fit    components.Fit
}

// Labels are the translated column headers.
type Labels struct{ Rank, Team, Members, Snatch, CleanJerk, Total, Score string }

// Paging is how a long table pages itself (the script reads it from data attributes).
type Paging struct{ PageSize, PauseMS, SweepMS int }

// Table is one championship's teams of one gender.
type Table struct {
	ID     string // unique on the page: the script keeps each table's page across refreshes
	Title  string
	Lifts  bool // snatch, C&J and total points apart
	Rows   []Row
	Pages  int
	Filler int // empty rows that complete the last page, so every page is a page high
}

// Row is one team.
type Row struct {
	Rank, Team, FlagURL  string
	Members              string // "3/5": the members whose scores count, of its members
	Snatch, CleanJerk    string // points for the places, with Table.Lifts
	Total, Score         string
	Mixed                bool
	Men, Women, Counting int
}

// Data is the board's view model: every number on the team rankings comes from here.
func Data(r board.Request) View {
	s := settingsOf(r)
	v := View{Frame: declaration.Frame(r), Paging: s.paging}
	v.Page.Scripts = []string{"js/pager.js"}
	v.Labels = Labels{
		Rank: "#", Team: r.T("Scoreboard.Team", "Team"), Members: r.T("Athletes", "Athletes"),
		Snatch: r.T("Scoreboard.Snatch", "Snatch"), CleanJerk: hub.PlainText(r.T("Scoreboard.Clean_and_Jerk", "Clean &amp; Jerk")),
		Total: r.T("Scoreboard.Total", "Total"), Score: r.T(s.system.Key, s.system.English),
	}
	champs := championships(r.Database(), meet.Lifters(r.Database(), r.FOP))
	for ci, c := range champs {
		if len(s.championships) > 0 && !containsFold(s.championships, c.Name) {
			continue
		}
		for _, g := range s.genders {
			t := table(r, s, c.Lifters, g)
			if len(t.Rows) == 0 || (s.allGenders && len(g) == 2 && !mixes(t)) {
				continue // with every gender shown, a mixed table only for teams that mix
			}
			t.ID = "ranking-" + strconv.Itoa(ci) + "-" + strings.Join(g, "")
			t.Title = tableTitle(r, c.Name, g, len(champs) > 1)
			v.Tables = append(v.Tables, t)
		}
	}
	if len(v.Tables) == 0 {
		v.Empty = r.T("Scoreboard.WaitingNextGroup", "Waiting for next session.")
	}
	v.Fit = fit(v.Tables, s)
	return v
}

// table ranks one gender's teams (both genders for mixed teams) of a championship.
func table(r board.Request, s settings, lifters []*meet.Lifter, genders []string) Table {
	ms := meet.Settings{System: s.system, Genders: genders, Top: s.top, All: s.all, TeamPoints: s.teamPoints, LiftRanks: s.liftRanks}
	mixed := len(genders) == 2
	if mixed {
		ms.Top = s.topMixed
	}
	t := Table{Lifts: s.system.Points && s.liftRanks && !s.onlyTotal}
	for i, team := range meet.Teams(lifters, ms) {
		if s.limit > 0 && i >= s.limit {
			break
		}
		row := Row{Rank: strconv.Itoa(i + 1), Team: team.Name, FlagURL: r.AssetURL(hub.AssetFlags, team.Name), Mixed: mixed,
			Score: format(team.Score, s.system.Points)}
		var sn, cj, tot int
		for _, m := range team.Members {
			if m.Gender == "F" {
				row.Women++
			} else {
				row.Men++
			}
			if !m.Counts {
				continue
			}
			row.Counting++
			if s.system.Points {
				a, b, c := liftPoints(m, s)
				sn, cj, tot = sn+a, cj+b, tot+c
			}
		}
		row.Members = strconv.Itoa(row.Counting) + "/" + strconv.Itoa(len(team.Members))
		if t.Lifts {
			row.Snatch, row.CleanJerk, row.Total = points(sn), points(cj), points(tot)
		}
		t.Rows = append(t.Rows, row)
	}
	if n := len(t.Rows); n > 0 {
		t.Pages = (n + s.paging.PageSize - 1) / s.paging.PageSize
		t.Filler = t.Pages*s.paging.PageSize - n
		if t.Pages == 1 {
			t.Filler = 0
		}
	}
	return t
}

// mixes reports whether a team of the table has both men and women.
func mixes(t Table) bool {
	for _, r := range t.Rows {
		if r.Men > 0 && r.Women > 0 {
			return true
		}
	}
	return false
}

// liftPoints are a counted member's points for the snatch, clean & jerk and total places,
// as meet's team points count them (a place scores only with its lift).
func liftPoints(m *meet.Member, s settings) (sn, cj, tot int) {
	if !m.TeamMember {
		return 0, 0, 0
	}
	if m.Total() > 0 {
		tot = s.teamPoints.For(m.Ranks[2])
	}
	if s.liftRanks {
		if meet.Best(m.Snatch) > 0 {
			sn = s.teamPoints.For(m.Ranks[0])
		}
		if meet.Best(m.CleanJerk) > 0 {
			cj = s.teamPoints.For(m.Ranks[1])
		}
	}
	return sn, cj, tot
}

func points(n int) string { return strconv.Itoa(n) }

// format writes a team's score: whole team points, else 2 decimals; "-" before any score.
func format(v float64, isPoints bool) string {
	switch {
	case isPoints:
		return strconv.Itoa(int(v))
	case v > 0:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return "-"
}

// tableTitle is "Men", "Women" or "Mixed", after the championship's name when the meet has
// several.
func tableTitle(r board.Request, champ string, genders []string, several bool) string {
	g := r.T("Gender.Mixed", "Mixed")
	switch {
	case len(genders) == 1 && genders[0] == "M":
		g = r.T("Gender.Men", "Men")
	case len(genders) == 1:
		g = r.T("Gender.Women", "Women")
	}
	if champ != "" && several {
		return hub.PlainText(champ + " – " + g)
	}
	return hub.PlainText(g)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Widths and heights in em, mirrored by static/css/team-rankings.css: the font is the
// largest with which a page of every table fits the screen both ways.
const (
	emRank, emTeam, emMembers, emPoints, emScore = 2.6, 16, 4.6, 5.6, 6
	emRow, emHeader, emTitle                     = 1.75, 1.6, 2.2
)

func fit(tables []Table, s settings) components.Fit {
	w := emRank + emTeam + emMembers + emScore + 1.5
	h := 0.0
	for _, t := range tables {
		if t.Lifts {
			w = max(w, emRank+emTeam+emMembers+3*emPoints+emScore+1.5)
		}
		h += emTitle + emHeader + float64(min(len(t.Rows), s.paging.PageSize))*emRow
	}
	return components.Fit{Width: w, Height: h}
}
