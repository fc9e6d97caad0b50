// Package teamscoreboard ranks the meet's teams: every athlete of the database (the live
// session's with their live attempts), grouped under their team, the team's score made of its
// best scores (top N per gender, or all) in the chosen scoring system, and optionally what the
// score would be if each athlete's next attempt succeeds.
package teamscoreboard

import (
	"fmt"
	"net/url"
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
	Page      components.PageMeta
	Bar       components.AttemptBarView
	Title     string // "Top Teams – Sinclair – Men"
	Labels    Labels
	Predicted bool // the predicted columns are shown
	Teams     []TeamView
	Empty     string // shown when no team has athletes yet
	Fit       components.Fit
}

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
	v := View{Page: r.Page(declaration.PageTitle(r)), Bar: board.AttemptBar(r), Predicted: s.Predicting}
	v.Page.Stylesheets = []string{"css/teams.css"}
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

// options are the team scoreboard's own, which settingsOf reads.
var options = slices.Concat([]board.Option{
	meet.ScoringOption(false),
	{Key: "gender", Label: "Gender", Kind: "select", Choices: []string{"current", "M", "F", "MF"}, Default: "current"},
	{Key: "topM", Label: "Men's scores that count", Kind: "number", Default: "4", Min: "1", Max: "20", Step: "1"},
	{Key: "topF", Label: "Women's scores that count", Kind: "number", Default: "4", Min: "1", Max: "20", Step: "1"},
	{Key: "allAthletes", Label: "Every athlete counts", Kind: "bool", Default: "false"},
	{Key: "showPredicted", Label: "Show the score if the next lift succeeds", Kind: "bool", Default: "false"},
	{Key: "fixedTeamOrder", Label: "Teams in alphabetical order (not by score)", Kind: "bool", Default: "false"},
	{Key: "cjDecl", Label: "Predicted total includes the C&J declaration", Kind: "bool", Default: "true"},
	{Key: "enforceBombout", Label: "A total needs both lifts (a bomb-out scores 0)", Kind: "bool", Default: "true"},
	{Key: "topMFm", Label: "Both genders: men's scores that count", Kind: "number", Default: "", Min: "1", Max: "20", Step: "1"},
	{Key: "topMFf", Label: "Both genders: women's scores that count", Kind: "number", Default: "", Min: "1", Max: "20", Step: "1"},
}, meet.YearOptions)

// settingsOf reads the options, with the competition's defaults.
func settingsOf(r board.Request) meet.Settings {
	return settingsFor(r, gendersOf(r))
}

// gendersOf is the gender option: one gender, both, or the current session's.
func gendersOf(r board.Request) []string {
	switch g := strings.ToUpper(r.Query.Get("gender")); g {
	case "M", "F":
		return []string{g}
	case "MF":
		return []string{"M", "F"}
	default:
		return currentGender(r.FOP)
	}
}

// settingsFor reads the options for the given genders.
func settingsFor(r board.Request, genders []string) meet.Settings {
	s := meet.Settings{All: r.Flag("allAthletes", false), Predicting: r.Flag("showPredicted", false),
		Totals: meet.TotalRules{SumOfBests: !r.Flag("enforceBombout", true), NoCJDeclaration: !r.Flag("cjDecl", true)}}
	comp := r.Competition()
	years := meet.Years{SMHFSinclair: year(r.Query, "smhfOverrideSinclairYear"), SMHFAgeFactor: year(r.Query, "smhfAgeFactorYear")}
	s.System = meet.SystemForYears(r.Query.Get("scoringSystem"), comp, years)
	s.TeamPoints = meet.TeamPointsOf(comp)
	s.LiftRanks = comp.SnatchCJTotalMedals
	s.Top = map[string]int{"M": topOption(r.Query, "topM", comp.MensTeamSize), "F": topOption(r.Query, "topF", comp.WomensTeamSize)}
	s.Genders = genders
	if len(s.Genders) == 2 {
		// Both genders in one team: their own counts, else the per-gender ones.
		s.Top = map[string]int{"M": topOption(r.Query, "topMFm", s.Top["M"]), "F": topOption(r.Query, "topMFf", s.Top["F"])}
	}
	return s
}

// year is a year option, 0 when absent (the scoring's own default).
func year(q url.Values, key string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(q.Get(key)))
	return n
}

// currentGender is the gender of the session lifting now (its current athlete's, else its
// first athlete's); both before any session.
func currentGender(f *hub.FOP) []string {
	if a := board.CurrentAthlete(f); a != nil && a.Gender != "" {
		return []string{strings.ToUpper(a.Gender)}
	}
	if f != nil {
		for _, a := range f.Athletes {
			if a.Gender != "" {
				return []string{strings.ToUpper(a.Gender)}
			}
		}
	}
	return []string{"M", "F"}
}

// topOption is how many scores of a gender count: the URL's, else the competition's team
// size, else 4.
func topOption(q url.Values, key string, teamSize int) int {
	if n, err := strconv.Atoi(q.Get(key)); err == nil && n > 0 {
		return min(n, 99)
	}
	if teamSize > 0 {
		return teamSize
	}
	return 4
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

// Cell is an attempt as the grid shows it.
func Cell(a meet.Attempt) components.Cell {
	v := ""
	if a.Weight > 0 {
		v = strconv.Itoa(a.Weight)
	}
	return board.AttemptCell(hub.Attempt{Value: v, Status: a.Status})
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
	return components.Fit{Width: w, Height: emTitle + 2*emHeader + float64(teams)*emTeamRow + float64(athletes)*emRow}
}
