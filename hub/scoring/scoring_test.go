package scoring

import (
	"math"
	"testing"

	"github.com/owlcms/tracker/hub"
)

func near(a, b float64) bool { return math.Abs(a-b) < 5e-6 }

// The reference values are OWLCMS's (and tracker-core's) for the same inputs.
func TestScores(t *testing.T) {
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"Sinclair 2024, men 220 @ 88.5", Sinclair2024(220, 88.5, "M"), 266.664568},
		{"Sinclair 2024, women 180 @ 63", Sinclair2024(180, 63, "F"), 236.28855},
		{"Sinclair 2024 above B: the total", Sinclair2024(400, 200, "M"), 400},
		{"Sinclair 2024 at exactly B", Sinclair2024(300, 193.609, "M"), 300},
		{"Sinclair 2020, men 220 @ 88.5", Sinclair2020(220, 88.5, "M"), 256.394705},
		{"lower-case gender", Sinclair2024(220, 88.5, "m"), 266.664568},
		{"no total", Sinclair2024(0, 88.5, "M"), 0},
		{"no bodyweight", Sinclair2024(220, 0, "M"), 0},
		{"unknown gender", Sinclair2024(220, 88.5, ""), 0},
		{"masters Sinclair, men 40: 2020 × SMF 1.135", SinclairMasters(220, 88.5, "M", 40), 256.394705 * 1.135},
		{"masters Sinclair under 30: the 2020 Sinclair", SinclairMasters(220, 88.5, "M", 29), 256.394705},
		{"Q-points, men 220 @ 88.5", QPoints(220, 88.5, "M"), 229.194432},
		{"Q-points, women 180 @ 63", QPoints(180, 63, "F"), 195.670214},
		{"Q-masters, men 40", QMasters(220, 88.5, "M", 40), 260.13568},
		{"Q-masters under 30: Q-points", QMasters(220, 88.5, "M", 25), 229.194432},
	}
	for _, tt := range tests {
		if !near(tt.got, tt.want) {
			t.Errorf("%s = %.6f, want %.6f", tt.name, tt.got, tt.want)
		}
	}
}

func TestAgeFactors(t *testing.T) {
	tests := []struct {
		gender string
		age    int
		smf    float64 // MastersAgeFactor
		q      float64 // QAgeFactor
	}{
		{"M", 0, 1, 1}, {"M", 29, 1, 1}, {"M", 30, 1, 1}, {"M", 35, 1.072, 1.072}, {"M", 36, 1.083, 1.083},
		{"F", 36, 1.084, 1.084}, {"M", 60, 1.514, 1.514}, {"F", 60, 1.705, 1.705},
		{"F", 80, 2.714, 2.714}, {"F", 85, 2.714, 3.221}, // SMHF stops at 80, Q-masters goes on
		{"M", 90, 4.493, 4.493}, {"M", 93, 4.493, 5.831}, {"M", 101, 4.493, 7.052}, {"F", 99, 2.714, 3.910},
		{"", 50, 1, 1},
	}
	for _, tt := range tests {
		if got := MastersAgeFactor(tt.gender, tt.age); !near(got, tt.smf) {
			t.Errorf("MastersAgeFactor(%q, %d) = %v, want %v", tt.gender, tt.age, got, tt.smf)
		}
		if got := QAgeFactor(tt.gender, tt.age); !near(got, tt.q) {
			t.Errorf("QAgeFactor(%q, %d) = %v, want %v", tt.gender, tt.age, got, tt.q)
		}
	}
	if len(ageMen) != 95-30+1 || len(ageWomen) != 90-30+1 {
		t.Errorf("tables: %d men's, %d women's ages", len(ageMen), len(ageWomen))
	}
}

func TestAge(t *testing.T) {
	comp := hub.Date{Year: 2026, Month: 1, Day: 10}
	tests := []struct {
		birth, comp hub.Date
		want        int
	}{
		{hub.Date{Year: 1986, Month: 12, Day: 31}, comp, 40}, // the year counts, not the birthday
		{hub.Date{Year: 1986}, hub.Date{Year: 2025, Month: 12, Day: 31}, 39},
		{hub.Date{}, comp, 0},
		{hub.Date{Year: 1986}, hub.Date{}, 0}, // no competition date: no age factor, never today's
		{hub.Date{Year: 2030}, comp, 0},
	}
	for _, tt := range tests {
		if got := Age(tt.birth, tt.comp); got != tt.want {
			t.Errorf("Age(%v, %v) = %d, want %d", tt.birth, tt.comp, got, tt.want)
		}
	}
}

func TestTeamPoints(t *testing.T) {
	tp := DefaultTeamPoints
	for rank, want := range map[int]int{0: 0, -1: 0, 1: 28, 2: 26, 3: 25, 4: 24, 10: 18, 27: 1, 28: 0, 40: 0} {
		if got := tp.For(rank); got != want {
			t.Errorf("For(%d) = %d, want %d", rank, got, want)
		}
	}
	custom := TeamPoints{First: 30, Third: 20}.Or(DefaultTeamPoints)
	if custom != (TeamPoints{30, 26, 20}) || custom.For(5) != 18 {
		t.Errorf("competition's points: %+v", custom)
	}
}

// Sinclair 2028 by the formula with OWLCMS's 2025-2028 coefficients (men A 0.700767819,
// B 201.159; women A 0.674107991, B 163.918).
func TestSinclairYears(t *testing.T) {
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"2028, men 220 @ 88.5", Sinclair2028(220, 88.5, "M"), 270.105179},
		{"2028, women 180 @ 63", Sinclair2028(180, 63, "F"), 235.250678},
		{"2028 above B: the total", Sinclair2028(300, 202, "M"), 300},
		{"by year 2028", Sinclair(2028, 220, 88.5, "M"), 270.105179},
		{"by year 2020", Sinclair(2020, 220, 88.5, "M"), 256.394705},
		{"by year 2024", Sinclair(2024, 220, 88.5, "M"), 266.664568},
		{"an unknown year is 2024", Sinclair(2019, 220, 88.5, "M"), 266.664568},
		{"no year is 2024", Sinclair(0, 220, 88.5, "M"), 266.664568},
		{"SMHF as OWLCMS has it: 2020 × 2020 factors", SMHF(220, 88.5, "M", 40, 0, 0), 256.394705 * 1.135},
		{"SMHF with Sinclair 2028", SMHF(220, 88.5, "M", 40, 2028, 2020), 306.569378},
		{"SMHF with Sinclair 2024", SMHF(220, 88.5, "M", 40, 2024, 0), 302.664285},
		{"SMHF with the 2025 factors past the 2020 table", SMHF(220, 88.5, "M", 93, 0, 2025), 256.394705 * 5.831},
		{"SMHF with the 2020 factors stops at 90", SMHF(220, 88.5, "M", 93, 0, 2020), 256.394705 * 4.493},
		{"SMHF under 30", SMHF(220, 88.5, "M", 25, 2028, 2025), 270.105179},
	}
	for _, tt := range tests {
		if !near(tt.got, tt.want) {
			t.Errorf("%s = %.6f, want %.6f", tt.name, tt.got, tt.want)
		}
	}
	for _, tt := range []struct{ year, fallback, want int }{{2028, 2024, 2028}, {2020, 2024, 2020}, {2021, 2020, 2020}, {0, 0, 2024}, {0, 2019, 2024}} {
		if got := SinclairYear(tt.year, tt.fallback); got != tt.want {
			t.Errorf("SinclairYear(%d, %d) = %d, want %d", tt.year, tt.fallback, got, tt.want)
		}
	}
}
