package meet

import (
	"math"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/scoring"
)

func TestSystemYears(t *testing.T) {
	l := &Lifter{Gender: "M", BodyWeight: 88.5, Age: 40}
	comp := hub.Competition{SinclairYear: 2028}
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"the competition's Sinclair year", SystemFor("Sinclair", comp).Score(l, 220, scoring.TeamPoints{}, false), scoring.Sinclair(2028, 220, 88.5, "M")},
		{"a board's Sinclair year over the competition's", SystemForYears("Sinclair", comp, Years{Sinclair: 2020}).Score(l, 220, scoring.TeamPoints{}, false), scoring.Sinclair(2020, 220, 88.5, "M")},
		{"no year: 2024", SystemFor("Sinclair", hub.Competition{}).Score(l, 220, scoring.TeamPoints{}, false), scoring.Sinclair(2024, 220, 88.5, "M")},
		{"SMHF ignores the competition's year", SystemFor("SMHF", comp).Score(l, 220, scoring.TeamPoints{}, false), scoring.SMHF(220, 88.5, "M", 40, 2020, 2020)},
		{"SMHF overrides", SystemForYears("SMHF", comp, Years{SMHFSinclair: 2028, SMHFAgeFactor: 2025}).Score(l, 220, scoring.TeamPoints{}, false), scoring.Sinclair(2028, 220, 88.5, "M") * scoring.QAgeFactor("M", 40)},
		{"GAMX by name", SystemFor("gamx", comp).Score(l, 350, scoring.TeamPoints{}, false), scoring.GAMX(scoring.GAMXSenior, 350, 88.5, "M", 40)},
		{"GAMX-A uses the age", SystemFor("GAMX-A", comp).Score(l, 350, scoring.TeamPoints{}, false), scoring.GAMX(scoring.GAMXAge, 350, 88.5, "M", 40)},
		{"the competition's GAMX", SystemFor("", hub.Competition{ScoringSystem: "GAMX"}).Score(l, 350, scoring.TeamPoints{}, false), scoring.GAMX(scoring.GAMXSenior, 350, 88.5, "M", 0)},
	}
	for _, tt := range tests {
		if tt.want == 0 || math.Abs(tt.got-tt.want) > 1e-9 {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if SystemFor("nonsense", comp).Name != "Sinclair" || Systems[len(Systems)-1].Name != "TeamPoints" {
		t.Error("fallbacks")
	}
}
