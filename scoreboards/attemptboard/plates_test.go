package attemptboard

import (
	"maps"
	"strconv"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
)

// competitionSet is a platform with the inventory OWLCMS proposes (plates per side): three
// 25 kg bumpers, one of each other plate, collars, and every bar.
func competitionSet() *hub.Platform {
	return &hub.Platform{Name: "A", Plates: map[string]int{
		"nbL_25": 3, "nbL_20": 1, "nbL_15": 1, "nbL_10": 1, "nbL_5": 1, "nbL_2_5": 1,
		"nbS_5": 1, "nbS_2_5": 1, "nbS_2": 1, "nbS_1_5": 1, "nbS_1": 1, "nbS_0_5": 1,
		"nbC_2_5": 1, "nbB_20": 1, "nbB_15": 1, "nbB_10": 1,
	}}
}

// edited returns the competition set with some counts changed.
func edited(counts map[string]int, edit func(p *hub.Platform)) *hub.Platform {
	p := competitionSet()
	maps.Copy(p.Plates, counts)
	if edit != nil {
		edit(p)
	}
	return p
}

func TestPlates(t *testing.T) {
	tests := []struct {
		name   string
		p      *hub.Platform
		gender string
		weight int
		bar    int
		plates string // one side from the inside out, classes joined by spaces
		exact  bool
	}{
		{"170 kg, men", competitionSet(), "M", 170, 20, "L_25 L_25 L_20 S_2_5 C_2_5", true},
		{"87 kg, women", competitionSet(), "F", 87, 15, "L_25 S_5 S_2_5 C_2_5 S_1", true},
		{"173.5 would need a half kilo: 173 kg", competitionSet(), "M", 173, 20, "L_25 L_25 L_20 S_2_5 C_2_5 S_1_5", true},
		{"no 25 kg plates: 20s instead", edited(map[string]int{"nbL_25": 0, "nbL_20": 3}, nil), "M", 170, 20,
			"L_20 L_20 L_20 L_10 S_2_5 C_2_5", true},
		{"no 25 kg plates and too few others", edited(map[string]int{"nbL_25": 0}, nil), "M", 170, 20,
			"L_20 L_15 L_10 S_5 S_2_5 C_2_5 S_2 S_1_5 S_1 S_0_5", false},
		{"non-standard 10 kg bar", edited(nil, func(p *hub.Platform) { p.NonStandardBarAvailable, p.NonStandardBarWeight = true, 10 }),
			"M", 40, 10, "L_10 S_2_5 C_2_5", true},
		{"a non-standard weight not in use is ignored", edited(nil, func(p *hub.Platform) { p.NonStandardBarWeight = 10 }),
			"M", 40, 20, "L_5 L_2_5 C_2_5", true},
		{"light load keeps a bumper's diameter", competitionSet(), "F", 25, 15, "L_2_5 C_2_5", true},
		{"light bumpers never after a bumper", competitionSet(), "M", 55, 20, "L_15 C_2_5", true},
		{"a 10 kg bar for 16 kg", competitionSet(), "F", 16, 10, "C_2_5 S_0_5", true},
		{"a 5 kg bar for 12 kg", edited(map[string]int{"nbB_5": 1}, nil), "M", 12, 5, "C_2_5 S_1", true},
		{"no collars on this platform", edited(map[string]int{"nbC_2_5": 0}, nil), "M", 170, 20, "L_25 L_25 L_25", true},
		{"women's bar missing: the men's is not used", edited(map[string]int{"nbB_15": 0}, nil), "F", 60, 10, "L_20 S_2_5 C_2_5", true},
		{"no bars listed (older export): standard bar", edited(map[string]int{"nbB_20": 0, "nbB_15": 0, "nbB_10": 0}, nil),
			"F", 60, 15, "L_20 C_2_5", true},
		{"unknown platform: the bar only", nil, "M", 100, 20, "", false},
		{"no weight", competitionSet(), "M", 0, 20, "", false},
		{"below the bar", competitionSet(), "M", 20, 20, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Plates(tt.p, tt.gender, tt.weight)
			var classes []string
			total := float64(l.Bar)
			for _, p := range l.Plates {
				classes = append(classes, p.Class)
				w, err := strconv.ParseFloat(p.Weight, 64)
				if err != nil {
					t.Fatal(err)
				}
				total += 2 * w
			}
			if got := strings.Join(classes, " "); got != tt.plates || l.Bar != tt.bar || l.Exact != tt.exact {
				t.Errorf("Plates(%d) = bar %d [%s] exact %v, want bar %d [%s] exact %v", tt.weight, l.Bar, got, l.Exact, tt.bar, tt.plates, tt.exact)
			}
			if l.Exact && tt.weight > 0 && total != float64(tt.weight) {
				t.Errorf("the plates add up to %v kg, not %d", total, tt.weight)
			}
		})
	}
}
