package board

import "github.com/owlcms/tracker/scoreboards/meet"

// ScoringOption is the scoringSystem option of the team boards: "" (the competition's system),
// then each system by name; individual says only those that rank individuals (team points do
// not).
func ScoringOption(individual bool) Option {
	choices := []string{""}
	for _, s := range meet.Systems {
		if !individual || !s.Points {
			choices = append(choices, s.Name)
		}
	}
	return Option{Key: "scoringSystem", Label: "Scoring", Kind: "select", Choices: choices, Default: ""}
}

// YearOptions choose the years of the SM(H)F tables (meet.Years), "" for the competition's.
var YearOptions = []Option{
	{Key: "smhfOverrideSinclairYear", Label: "SM(H)F: Sinclair of", Kind: "select", Choices: []string{"", "2020", "2024", "2028"}, Default: ""},
	{Key: "smhfAgeFactorYear", Label: "SM(H)F: age factors of", Kind: "select", Choices: []string{"", "2020", "2025"}, Default: ""},
}
