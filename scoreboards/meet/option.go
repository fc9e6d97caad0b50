package meet

import "github.com/owlcms/tracker/scoreboards/board"

// ScoringOption is the scoringSystem option of the team boards: "" (the competition's system),
// then each system by name; individual says only those that rank individuals (team points do
// not).
func ScoringOption(individual bool) board.Option {
	choices := []string{""}
	for _, s := range Systems {
		if !individual || !s.Points {
			choices = append(choices, s.Name)
		}
	}
	return board.Option{Key: "scoringSystem", Label: "Scoring", Kind: "select", Choices: choices, Default: ""}
}
