package teamrankings

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/hub/scoring"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// settings are the board's choices.
type settings struct {
	system        meet.System
	teamPoints    scoring.TeamPoints
	liftRanks     bool
	onlyTotal     bool
	all           bool
	top, topMixed map[string]int
	genders       [][]string
	allGenders    bool // men, women, and mixed teams where there are
	championships []string
	limit         int
	paging        Paging
}

// options are the team rankings' own, which settingsOf reads.
var options = slices.Concat([]board.Option{
	board.ScoringOption(false),
	{Key: "championship", Label: "Championship (empty: all)", Kind: "text", Default: ""},
	{Key: "gender", Label: "Gender", Kind: "select", Choices: []string{"all", "M", "F", "MF"}, Default: "all"},
	{Key: "teamLimit", Label: "Teams shown (0: all)", Kind: "number", Default: "0", Min: "0", Max: "100", Step: "1"},
	{Key: "onlyTotalPoints", Label: "Only the total of the points", Kind: "bool", Default: "false"},
	{Key: "pageSize", Label: "Teams per page", Kind: "number", Default: "10", Min: "1", Max: "50", Step: "1"},
	{Key: "pagePauseMs", Label: "Pause on a page (ms)", Kind: "number", Default: "8000", Min: "1000", Max: "120000", Step: "500"},
	{Key: "sweepDurationMs", Label: "Sweep to the next page (ms)", Kind: "number", Default: "1200", Min: "0", Max: "10000", Step: "100"},
	{Key: "topM", Label: "Men's scores that count", Kind: "number", Default: "", Min: "1", Max: "20", Step: "1"},
	{Key: "topF", Label: "Women's scores that count", Kind: "number", Default: "", Min: "1", Max: "20", Step: "1"},
	{Key: "topMFm", Label: "Mixed teams: men's scores that count", Kind: "number", Default: "", Min: "1", Max: "20", Step: "1"},
	{Key: "topMFf", Label: "Mixed teams: women's scores that count", Kind: "number", Default: "", Min: "1", Max: "20", Step: "1"},
	{Key: "allAthletes", Label: "Every athlete counts", Kind: "bool", Default: "false"},
}, board.YearOptions)

// settingsOf reads the options, with the competition's defaults.
func settingsOf(r board.Request) settings {
	comp := r.Competition()
	y := meet.Years{SMHFSinclair: number(r.Query, "smhfOverrideSinclairYear", 0, 0, 2100), SMHFAgeFactor: number(r.Query, "smhfAgeFactorYear", 0, 0, 2100)}
	name := r.Query.Get("scoringSystem")
	if name == "" {
		name = "TeamPoints"
	}
	s := settings{
		system:     meet.SystemForYears(name, comp, y),
		teamPoints: meet.TeamPointsOf(comp),
		liftRanks:  comp.SnatchCJTotalMedals,
		onlyTotal:  r.Flag("onlyTotalPoints", false),
		all:        r.Flag("allAthletes", false),
		limit:      number(r.Query, "teamLimit", 0, 0, 1000),
		paging: Paging{
			PageSize: number(r.Query, "pageSize", 10, 1, 50),
			PauseMS:  number(r.Query, "pagePauseMs", 8000, 1000, 120000),
			SweepMS:  number(r.Query, "sweepDurationMs", 1200, 0, 10000),
		},
	}
	men, women := teamSize(comp.MensTeamSize), teamSize(comp.WomensTeamSize)
	s.top = map[string]int{"M": number(r.Query, "topM", men, 1, 99), "F": number(r.Query, "topF", women, 1, 99)}
	s.topMixed = map[string]int{"M": number(r.Query, "topMFm", men, 1, 99), "F": number(r.Query, "topMFf", women, 1, 99)}
	switch strings.ToUpper(r.Query.Get("gender")) {
	case "M":
		s.genders = [][]string{{"M"}}
	case "F":
		s.genders = [][]string{{"F"}}
	case "MF":
		s.genders = [][]string{{"M", "F"}}
	default:
		s.genders, s.allGenders = [][]string{{"M"}, {"F"}, {"M", "F"}}, true
	}
	for _, c := range strings.Split(r.Query.Get("championship"), ",") {
		if c = strings.TrimSpace(c); c != "" {
			s.championships = append(s.championships, c)
		}
	}
	return s
}

// teamSize is the competition's team size, else 4.
func teamSize(n int) int {
	if n > 0 {
		return n
	}
	return 4
}

// number is a whole-number option held to [lo, hi], def when absent or unreadable.
func number(q url.Values, key string, def, lo, hi int) int {
	n, err := strconv.Atoi(strings.TrimSpace(q.Get(key)))
	if err != nil {
		return def
	}
	return min(max(n, lo), hi)
}
