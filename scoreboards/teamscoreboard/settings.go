package teamscoreboard

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// options are the team scoreboard's own, which settingsOf reads.
var options = slices.Concat([]board.Option{
	board.ScoringOption(false),
	{Key: "gender", Label: "Gender", Kind: "select", Choices: []string{"current", "M", "F", "MF"}, Default: "current"},
	{Key: "topM", Label: "Men's scores that count", Kind: "number", Default: "4", Min: "1", Max: "20", Step: "1"},
	{Key: "topF", Label: "Women's scores that count", Kind: "number", Default: "4", Min: "1", Max: "20", Step: "1"},
	{Key: "allAthletes", Label: "Every athlete counts", Kind: "bool", Default: "false"},
	{Key: "showPredicted", Label: "Show the score if the next lift succeeds", Kind: "bool", Default: "false"},
	{Key: "top", Label: "Teams shown (0: all)", Kind: "number", Default: "0", Min: "0", Max: "100", Step: "1"},
	board.PageSecondsOption,
	{Key: "fixedTeamOrder", Label: "Teams in alphabetical order (not by score)", Kind: "bool", Default: "false"},
	{Key: "cjDecl", Label: "Predicted total includes the C&J declaration", Kind: "bool", Default: "true"},
	{Key: "enforceBombout", Label: "A total needs both lifts (a bomb-out scores 0)", Kind: "bool", Default: "true"},
	{Key: "topMFm", Label: "Both genders: men's scores that count", Kind: "number", Default: "", Min: "1", Max: "20", Step: "1"},
	{Key: "topMFf", Label: "Both genders: women's scores that count", Kind: "number", Default: "", Min: "1", Max: "20", Step: "1"},
}, board.YearOptions)

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

// number is a whole-number option within [lo, hi], def when absent or unreadable.
func number(r board.Request, key string, def, lo, hi int) int {
	n, err := strconv.Atoi(strings.TrimSpace(r.Query.Get(key)))
	if err != nil {
		return def
	}
	return min(max(n, lo), hi)
}
