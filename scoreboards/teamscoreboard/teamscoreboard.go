// Package teamscoreboard ranks the meet's teams: every athlete of the database (the live
// session's with their live attempts), grouped under their team, the team's score made of its
// best scores (top N per gender, or all) in the chosen scoring system, and optionally what the
// score would be if each athlete's next attempt succeeds.
package teamscoreboard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// View is everything the team scoreboard shows.
type View struct {
	board.Frame
	Title     string // "Top Teams – Sinclair – Men"
	Labels    Labels
	Predicted bool // the predicted columns are shown
	Teams     []TeamView
	Empty     string // shown when no team has athletes yet
	Fit       components.Fit
	Paging    Paging
}

// Paging is how the teams page themselves when they do not fit (static/js/pager.js reads it).
type Paging struct{ PauseMS, SweepMS int }

// Labels are the translated column headers.
type Labels struct {
	Order, Name, Category, Born, Total, Score, Predicted, Best string // Order: "#", the place in the lifting order
	SnatchHTML, CleanJerkHTML                                  string
}

// TeamView is one team: its header line and its athletes.
type TeamView struct {
	Name      string
	FlagURL   string
	Counting  string // which scores count: "Top 4", "Top 4 + 2"
	Score     string
	Predicted string
	Members   []MemberView
}

// MemberView is one athlete's line. Top marks the scores that make the team's.
type MemberView struct {
	Order             string // place in the lifting order, "" when not lifting now
	Current           bool
	Name              string
	Category          string
	Born              string
	Gender            string // "M" or "F": with both genders, their top scores are told apart
	Snatch, CleanJerk [3]components.Cell
	BestSnatch        string
	BestCleanJerk     string
	Total             string
	Score             string
	Predicted         string
	Top, TopPredicted bool
}

// Data is the board's view model, a function of r alone: every number on the team scoreboard
// is read from the hub snapshot in r here (hub → board → components), and the templates only
// lay it out.
func Data(r board.Request) View {
	s := settingsOf(r)
	v := View{Frame: declaration.Frame(r), Predicted: s.Predicting}
	v.Page.Scripts = []string{"js/pager.js"}
	v.Paging = Paging{PauseMS: 1000 * board.PageSeconds(r), SweepMS: 1200}
	v.Title = titleOf(r, s)
	v.Labels = Labels{
		Order: "#", Name: r.T("Scoreboard.Name", "Name"),
		Category: r.T("Scoreboard.Category", "Cat."), Born: r.T("Scoreboard.Birth", "Born"),
		Total: r.T("Scoreboard.Total", "Total"), Score: r.T(s.System.Key, s.System.English),
		Predicted: r.T("Scoreboard.NextAttempt", "Next Attempt"), Best: r.T("Scoreboard.Best", "✔"),
		SnatchHTML: r.T("Scoreboard.Snatch", "Snatch"), CleanJerkHTML: r.T("Scoreboard.Clean_and_Jerk", "Clean &amp; Jerk"),
	}
	athletes := 0
	teams := meet.Teams(meet.Lifters(r.Database(), r.FOP), s)
	if n := number(r, "top", 0, 0, 1000); n > 0 && n < len(teams) {
		// The best N teams (by score, ties as ranked).
		teams = teams[:n]
	}
	if r.Flag("fixedTeamOrder", false) {
		// A TV that keeps its teams in place: the scores change, not the order.
		slices.SortStableFunc(teams, func(a, b *meet.Team) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	}
	for _, t := range teams {
		tv := TeamView{Name: t.Name, FlagURL: r.AssetURL(hub.AssetFlags, t.Name), Counting: counting(r, s),
			Score: format(t.Score, s.System.Points, false), Predicted: format(t.Predicted, s.System.Points, false)}
		for _, m := range t.Members {
			tv.Members = append(tv.Members, memberView(m, s))
		}
		athletes += len(tv.Members)
		v.Teams = append(v.Teams, tv)
	}
	if len(v.Teams) == 0 {
		v.Empty = r.WaitingNextSession()
	}
	v.Fit = fit(len(v.Teams), athletes, s.Predicting)
	return v
}

func titleOf(r board.Request, s meet.Settings) string {
	t := r.T(declaration.TitleKey, "Top Teams") + " – " + r.T(s.System.Key, s.System.English)
	if len(s.Genders) == 1 {
		t += " – " + r.GenderName(s.Genders[0])
	}
	return hub.PlainText(t)
}

// counting says which scores make a team's: "Top 4", "Top 4 + 2" with both genders.
func counting(r board.Request, s meet.Settings) string {
	if s.All {
		return ""
	}
	n := strconv.Itoa(s.Top[s.Genders[0]])
	if len(s.Genders) == 2 {
		n += " + " + strconv.Itoa(s.Top[s.Genders[1]])
	}
	return hub.PlainText(r.Tf("Scoreboard.TopScore", "Top {0}", n))
}

func memberView(m *meet.Member, s meet.Settings) MemberView {
	mv := MemberView{Current: m.Current, Name: m.Name, Category: m.Category, Born: m.Born, Gender: m.Gender,
		BestSnatch: kg(meet.Best(m.Snatch)), BestCleanJerk: kg(meet.Best(m.CleanJerk)), Total: kg(m.Kg),
		Score: format(m.Score, s.System.Points, m.Finished()), Top: m.Counts && !s.All, TopPredicted: m.CountsPredicted && !s.All}
	if s.Predicting {
		// An athlete with an attempt to come is scored as if it succeeds; a finished one's
		// prediction is the total made, so the column shows the final score (as the Node
		// tracker does), marked where it counts in the team's predicted score.
		mv.Predicted = format(m.PredictedScore, s.System.Points, m.Finished())
	}
	if m.Order > 0 {
		mv.Order = strconv.Itoa(m.Order)
	}
	for i := range 3 {
		mv.Snatch[i], mv.CleanJerk[i] = Cell(m.Snatch[i]), Cell(m.CleanJerk[i])
	}
	return mv
}

// Cell is an attempt as the grid shows it: the attempt being lifted now, and the next
// lifter's, marked as on the standard boards.
func Cell(a meet.Attempt) components.Cell {
	v := ""
	if a.Weight > 0 {
		v = strconv.Itoa(a.Weight)
	}
	st := a.Status
	if a.Live != "" {
		st = a.Live
	}
	return board.AttemptCell(hub.Attempt{Value: v, Status: st})
}

// format writes a score: 2 decimals (whole points for team points); "-" while nothing is
// scored yet, "0.00" only once it is final.
func format(v float64, points, final bool) string {
	switch {
	case v > 0 && points:
		return strconv.Itoa(int(v))
	case v > 0:
		return fmt.Sprintf("%.2f", v)
	case final && points:
		return "0"
	case final:
		return "0.00"
	}
	return "-"
}

func kg(n int) string {
	if n <= 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// Widths and heights in em, mirrored by static/css/teams.css and board.css's grid: the font
// is the largest with which the table fits the screen both ways.
const (
	emOrder, emName, emCat, emBorn, emLift, emTotal, emScore = 3, 12, 5.5, 3.4, 3.7, 4, 5.2
	emRow, emTeamRow, emHeader, emTitle                      = 1.68, 2.3, 1.6, 2.2
)

func fit(teams, athletes int, predicted bool) components.Fit {
	w := emOrder + emName + emCat + emBorn + 8*emLift + emTotal + emScore + 16*0.15 + 1.5
	if predicted {
		w += emScore
	}
	return components.Fit{Width: w, Height: emTitle + 2*emHeader + float64(teams)*emTeamRow + float64(athletes)*emRow, Paged: true}
}
