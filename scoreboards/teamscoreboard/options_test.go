package teamscoreboard

import (
	"fmt"
	"testing"

	"github.com/owlcms/tracker/hub/scoring"
)

// The Node tracker's team scoreboard options, on the invented meet.
func TestOptions(t *testing.T) {
	db := database(t)
	s24 := func(total, bw float64, g string) float64 { return scoring.Sinclair(2024, total, bw, g) }
	smhf := func(total, bw float64, age int) float64 { return scoring.SMHF(total, bw, "M", age, 2020, 2020) }
	tests := []struct {
		name, query string
		women       bool
		want        string
	}{
		{
			// SM(H)F ranks Birchwood first; the fixed order keeps the teams alphabetical.
			name: "fixedTeamOrder", query: "gender=M&scoringSystem=SMHF&fixedTeamOrder=true",
			want: fmt.Sprintf("Alder Bay WC %.2f [ARNOTT* AVERY ASHDOWN*]\nBirchwood Barbell %.2f [BROOK* BIRTLES*]\nCedar Point %.2f [CARVER*]\n",
				smhf(280, 80.2, 30)+smhf(274, 94.0, 42), smhf(277, 80.9, 47)+smhf(279, 95.5, 68), smhf(281, 92.3, 27)),
		},
		{
			// top=2: the two best teams by score, then (fixedTeamOrder) alphabetical.
			name: "top", query: "gender=M&scoringSystem=SMHF&fixedTeamOrder=true&top=2",
			want: fmt.Sprintf("Alder Bay WC %.2f [ARNOTT* AVERY ASHDOWN*]\nBirchwood Barbell %.2f [BROOK* BIRTLES*]\n",
				smhf(280, 80.2, 30)+smhf(274, 94.0, 42), smhf(277, 80.9, 47)+smhf(279, 95.5, 68)),
		},
		{
			// Both genders, one man and one woman counting: the men's lines alone score (the
			// women have no total yet).
			name: "topMFm and topMFf", query: "gender=MF&topMFm=1&topMFf=1",
			want: fmt.Sprintf("Alder Bay WC %.2f [ARNOTT* AVERY ASHDOWN ABBOT]\nBirchwood Barbell %.2f [BROOK* BIRTLES BELL BLAKE]\nCedar Point %.2f [CARVER* CRANE]\n",
				s24(280, 80.2, "M"), s24(277, 80.9, "M"), s24(281, 92.3, "M")),
		},
		{
			// Abbot has snatched 85 and not begun the clean & jerk: without the bomb-out rule
			// her 85 already scores as a total.
			name: "enforceBombout=false", query: "gender=F&enforceBombout=false", women: true,
			want: fmt.Sprintf("Alder Bay WC %.2f [ABBOT*]\nBirchwood Barbell - [BELL BLAKE]\nCedar Point - [CRANE]\n", s24(85, 63.1, "F")),
		},
		{
			name: "enforceBombout=true: a total needs both lifts", query: "gender=F&enforceBombout=true", women: true,
			want: "Alder Bay WC - [ABBOT]\nBirchwood Barbell - [BELL BLAKE]\nCedar Point - [CRANE]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := women()
			if !tt.women {
				f = nil
			}
			if got := summary(view(t, db, f, tt.query)); got != tt.want {
				t.Errorf("teams:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// With cjDecl=false, the prediction during the snatch is the snatch request alone: Abbot's 88
// (against 88 + her 105 declaration by default).
func TestPredictedWithoutDeclaration(t *testing.T) {
	for query, want := range map[string]float64{
		"gender=F&showPredicted=true&cjDecl=false": scoring.Sinclair(2024, 88, 63.1, "F"),
		"gender=F&showPredicted=true":              scoring.Sinclair(2024, 88+105, 63.1, "F"),
	} {
		v := view(t, database(t), women(), query)
		for _, tv := range v.Teams {
			if tv.Name == "Alder Bay WC" {
				if got := tv.Members[0].Predicted; got != fmt.Sprintf("%.2f", want) {
					t.Errorf("%s: Abbot predicted %s, want %.2f", query, got, want)
				}
			}
		}
	}
}

// SM(H)F's overrides reach the team scoreboard: the 2028 Sinclair with the 2025 age factors.
func TestSMHFOverrides(t *testing.T) {
	v := view(t, database(t), nil, "gender=M&scoringSystem=SMHF&smhfOverrideSinclairYear=2028&smhfAgeFactorYear=2025&topM=1")
	want := fmt.Sprintf("%.2f", scoring.SMHF(281, 92.3, "M", 27, 2028, 2025))
	for _, tv := range v.Teams {
		if tv.Name == "Cedar Point" && tv.Score != want {
			t.Errorf("Cedar Point %s, want %s", tv.Score, want)
		}
	}
}
