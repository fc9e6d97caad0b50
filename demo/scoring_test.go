package demo

import (
	"math"
	"testing"
)

func TestSinclair(t *testing.T) {
	tests := []struct {
		gender     Gender
		bodyWeight float64
		total      int
		want       float64
	}{
		{Male, 88.5, 220, 266.664568},
		{Female, 63, 180, 236.28855},
		{Male, 200, 400, 400},       // above b: factor 1
		{Female, 153.757, 150, 150}, // exactly b: factor 1
		{Male, 0, 250, 0},           // not weighed in
		{Female, 58, 0, 0},          // no total
	}
	for _, tt := range tests {
		got := Sinclair(tt.gender, tt.bodyWeight, tt.total)
		if math.Abs(got-tt.want) > 5e-6 {
			t.Errorf("Sinclair(%s, %v, %d) = %.6f, want %.6f", tt.gender, tt.bodyWeight, tt.total, got, tt.want)
		}
	}
}

func TestCategoryRanks(t *testing.T) {
	g := &AgeGroup{Code: "SR", Gender: Male}
	cat := &Category{AgeGroup: g, Gender: Male, Max: 79}
	jr := &Category{AgeGroup: &AgeGroup{Code: "JR", Gender: Male}, Gender: Male, Max: 79}
	mk := func(start int, s, cj [3]int, st, ct int) *Athlete {
		a := testAthlete(start, 0, 0)
		a.Category, a.Participations = cat, []*Category{cat}
		for i := range 3 {
			a.Attempts[i].Actual, a.Attempts[3+i].Actual = s[i], cj[i]
			if s[i] != 0 {
				a.Attempts[i].LiftTime = at(st + i)
			}
			if cj[i] != 0 {
				a.Attempts[3+i].LiftTime = at(ct + i)
			}
		}
		return a
	}
	// 1 and 2 tie at 140 in the snatch; 2 made it first. 3 bombs out of the snatch.
	a1 := mk(1, [3]int{135, 140, -143}, [3]int{170, 175, 0}, 10, 60)
	a2 := mk(2, [3]int{140, -143, -143}, [3]int{168, 172, 176}, 5, 50)
	a3 := mk(3, [3]int{-145, -145, -145}, [3]int{180, 0, 0}, 0, 40)
	junior := mk(4, [3]int{130, 0, 0}, [3]int{0, 0, 0}, 20, 0)
	junior.Category, junior.Participations = jr, []*Category{jr, cat}
	all := []*Athlete{a1, a2, a3, junior}

	got := CategoryRanks(all, cat)
	want := map[*Athlete]Ranks{
		a1:     {Snatch: 2, CleanJerk: 3, Total: 2}, // 140 + 175 = 315
		a2:     {Snatch: 1, CleanJerk: 2, Total: 1}, // 140 made first; 140 + 176 = 316
		a3:     {Snatch: 0, CleanJerk: 1, Total: 0}, // no snatch: no total
		junior: {Snatch: 3, CleanJerk: 0, Total: 0}, // ranked here through its second participation
	}
	for a, w := range want {
		if got[a] != w {
			t.Errorf("start %d: ranks %+v, want %+v", a.StartNumber, got[a], w)
		}
	}
	if jrRanks := CategoryRanks(all, jr); len(jrRanks) != 1 || jrRanks[junior].Snatch != 1 {
		t.Errorf("junior category ranks %v, want only the junior, first in the snatch", jrRanks)
	}
}

func TestSinclairRanksPerGender(t *testing.T) {
	light, heavy, woman := testAthlete(1, 0, 0), testAthlete(2, 0, 0), testAthlete(3, 0, 0)
	light.BodyWeight, heavy.BodyWeight = 61, 109
	woman.Gender, woman.BodyWeight = Female, 58
	set := func(a *Athlete, s, cj int) { a.Attempts[0].Actual, a.Attempts[3].Actual = s, cj }
	set(light, 120, 150) // 270 at 61 kg: about 410
	set(heavy, 160, 190) // 350 at 109 kg: about 397
	set(woman, 80, 100)
	got := SinclairRanks([]*Athlete{light, heavy, woman})
	if got[light] != 1 || got[heavy] != 2 || got[woman] != 1 {
		t.Errorf("sinclair ranks light %d heavy %d woman %d, want 1 2 1", got[light], got[heavy], got[woman])
	}
}
