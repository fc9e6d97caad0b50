package board_test

import (
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestPlaceIfGood: Ada (78 so far) asks for her second snatch while Bea holds 80. At 81 she
// would lead; at 80 she would be behind Bea, who lifted it first; nothing is said while the
// decision shows or outside the lifting. The sentence is in the board's language: the
// viewer's when the competition has it, else English.
func TestPlaceIfGood(t *testing.T) {
	for _, tt := range []struct {
		name, lang, weight string
		edit               func(f *hub.FOP)
		want               string
	}{
		{"ahead of the leader", "en", "81", nil, "If good: rank 1 in the snatch"},
		{"equal to a weight lifted first", "en", "80", nil, "If good: rank 2 in the snatch"},
		{"in the viewer's language", "fr", "80", nil, "Si réussi : rang 2 à l'arraché"},
		{"Norwegian from its macrolanguage", "no", "81", nil, "Hvis godkjent: plass 1 i rykk"},
		{"a language the tracker does not speak reads English", "ja", "81", nil, "If good: rank 1 in the snatch"},
		{"a language the competition lacks reads English, like the board", "de", "81", nil, "If good: rank 1 in the snatch"},
		{"no weight", "en", "", nil, ""},
		{"the decision shows", "en", "81", func(f *hub.FOP) { f.Decision = hub.Decision{Down: true} }, ""},
		{"a break", "en", "81", func(f *hub.FOP) { f.Mode, f.BreakType = "INTERRUPTION", "TECHNICAL" }, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.Lifting("A")
			f.Current.Weight = tt.weight
			if tt.edit != nil {
				tt.edit(f)
			}
			tr := map[string]map[string]string{"en": {"Scoreboard.Rank": "Rank"}, "fr": {"Scoreboard.Rank": "Rang"},
				"no": {"Scoreboard.Rank": "Plass"}, "ja": {"Scoreboard.Rank": "順位"}}
			r := board.NewRequest(boardtest.Snapshot(tr, f), "A", tt.lang, board.Options{}, nil)
			if got := board.PlaceIfGood(r); got != tt.want {
				t.Errorf("PlaceIfGood = %q, want %q", got, tt.want)
			}
		})
	}
}
