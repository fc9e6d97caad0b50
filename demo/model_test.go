package demo

import (
	"slices"
	"testing"
)

func TestRequestedWeight(t *testing.T) {
	tests := []struct {
		name    string
		attempt Attempt
		prev    int // actual lift of the previous attempt of the same lift
		want    int
	}{
		{"declaration only", Attempt{Declaration: 100}, 95, 100},
		{"change 1 beats declaration", Attempt{Declaration: 100, Change1: 102}, 95, 102},
		{"change 2 beats change 1", Attempt{Declaration: 100, Change1: 102, Change2: 103}, 95, 103},
		{"automatic progression after a good lift", Attempt{}, 95, 96},
		{"automatic progression after a miss repeats", Attempt{}, -95, 95},
		{"nothing before the previous attempt is lifted", Attempt{}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := testAthlete(1, 90, 110)
			a.Attempts[0].Actual = tt.prev
			a.Attempts[1] = tt.attempt
			if got := a.Requested(1); got != tt.want {
				t.Errorf("Requested(1) = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestFirstAttemptHasNoAutomaticProgression(t *testing.T) {
	a := testAthlete(1, 0, 0)
	for _, i := range []int{0, 3} {
		if got := a.AutomaticProgression(i); got != 0 {
			t.Errorf("AutomaticProgression(%d) = %d, want 0", i, got)
		}
	}
}

func TestNextRequestedWeightFollowsTheLifts(t *testing.T) {
	a := testAthlete(1, 90, 110)
	steps := []struct {
		good bool
		want int // next requested weight after the decision
	}{
		{true, 91}, {false, 91}, {true, 110}, {true, 111}, {true, 112}, {false, 0},
	}
	if got := a.NextRequestedWeight(); got != 90 {
		t.Fatalf("before lifting: %d, want 90", got)
	}
	for i, s := range steps {
		lift(t, a, s.good, at(i))
		if got := a.NextRequestedWeight(); got != s.want {
			t.Errorf("after attempt %d: next requested %d, want %d", i+1, got, s.want)
		}
	}
	if err := a.RecordLift(true, at(9)); err == nil {
		t.Error("a seventh lift was accepted")
	}
}

func TestDeclareFillsDeclarationThenChanges(t *testing.T) {
	a := testAthlete(1, 90, 110)
	lift(t, a, true, at(0))
	if err := a.Declare(1, 90); err == nil {
		t.Error("a weight below the automatic progression was accepted")
	}
	for _, w := range []int{93, 94, 95} {
		if err := a.Declare(1, w); err != nil {
			t.Fatal(err)
		}
	}
	want := Attempt{Declaration: 93, Change1: 94, Change2: 95}
	if a.Attempts[1] != want {
		t.Errorf("attempt 2 = %+v, want %+v", a.Attempts[1], want)
	}
	if err := a.Declare(1, 96); err == nil {
		t.Error("a third change was accepted")
	}
	if a.Requested(1) != 95 {
		t.Errorf("requested %d, want 95", a.Requested(1))
	}
}

func TestBestAndTotal(t *testing.T) {
	a := testAthlete(1, 100, 120)
	a.Attempts[0].Actual, a.Attempts[1].Actual, a.Attempts[2].Actual = 100, -103, 103
	if a.Best(Snatch) != 103 || a.Total() != 0 {
		t.Errorf("best snatch %d total %d, want 103 and 0 (no clean & jerk yet)", a.Best(Snatch), a.Total())
	}
	a.Attempts[3].Actual, a.Attempts[4].Actual, a.Attempts[5].Actual = -120, -120, 0
	if a.Total() != 0 {
		t.Errorf("total %d with no good clean & jerk, want 0", a.Total())
	}
	a.Attempts[5].Actual = 120
	if a.Best(CleanJerk) != 120 || a.Total() != 223 {
		t.Errorf("best C&J %d total %d, want 120 and 223", a.Best(CleanJerk), a.Total())
	}
}

func TestAttemptCells(t *testing.T) {
	cell := func(v any, s string) AttemptCell { return AttemptCell{v, s} }
	tests := []struct {
		name  string
		setup func(a *Athlete)
		lift  LiftType
		rank  OrderRank
		want  [3]AttemptCell
	}{
		{"nothing lifted, current athlete", func(a *Athlete) {}, Snatch, RankCurrent,
			[3]AttemptCell{cell(80, StatusCurrent), cell(nbsp, StatusEmpty), cell(nbsp, StatusEmpty)}},
		{"next athlete", func(a *Athlete) {}, Snatch, RankNext,
			[3]AttemptCell{cell(80, StatusNext), cell(nbsp, StatusEmpty), cell(nbsp, StatusEmpty)}},
		{"other athlete", func(a *Athlete) {}, Snatch, RankOther,
			[3]AttemptCell{cell(80, StatusRequest), cell(nbsp, StatusEmpty), cell(nbsp, StatusEmpty)}},
		{"good then bad, third requested by progression", func(a *Athlete) {
			a.Attempts[0].Actual, a.Attempts[1].Actual = 80, -83
			a.Attempts[1].Declaration = 83
		}, Snatch, RankCurrent,
			[3]AttemptCell{cell(80, StatusGood), cell(83, StatusBad), cell(83, StatusCurrent)}},
		{"later pending attempt is emptied with a null value", func(a *Athlete) {
			a.Attempts[0].Actual = 80
			a.Attempts[1].Declaration, a.Attempts[2].Declaration = 83, 86
		}, Snatch, RankOther,
			[3]AttemptCell{cell(80, StatusGood), cell(83, StatusRequest), cell(nil, StatusEmpty)}},
		{"clean & jerk is only a request during the snatch", func(a *Athlete) {}, CleanJerk, RankCurrent,
			[3]AttemptCell{cell(100, StatusRequest), cell(nbsp, StatusEmpty), cell(nbsp, StatusEmpty)}},
		{"current in the clean & jerk once the snatch is done", func(a *Athlete) {
			a.Attempts[0].Actual, a.Attempts[1].Actual, a.Attempts[2].Actual = 80, 83, -85
		}, CleanJerk, RankCurrent,
			[3]AttemptCell{cell(100, StatusCurrent), cell(nbsp, StatusEmpty), cell(nbsp, StatusEmpty)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := testAthlete(1, 80, 100)
			tt.setup(a)
			got := AttemptCells(a, tt.lift, tt.rank)
			if !slices.Equal(got[:], tt.want[:]) {
				t.Errorf("cells = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCategoryNamesAndCodes(t *testing.T) {
	sr := &AgeGroup{Code: "SR", Gender: Male, MinAge: 15, MaxAge: 999, Division: "IWF"}
	tests := []struct {
		cat              *Category
		code, name, ubnd string
	}{
		{&Category{AgeGroup: sr, Gender: Male, Min: 65, Max: 71}, "SR_M71", "SR 71", "71"},
		{&Category{AgeGroup: sr, Gender: Male, Min: 110, Max: 999}, "SR_M999", "SR >110", ">110"},
	}
	for _, tt := range tests {
		if tt.cat.Code() != tt.code || tt.cat.Name() != tt.name || tt.cat.UpperBound() != tt.ubnd {
			t.Errorf("got %s %q %q, want %s %q %q", tt.cat.Code(), tt.cat.Name(), tt.cat.UpperBound(), tt.code, tt.name, tt.ubnd)
		}
	}
	if sr.Key() != "SR_IWF_M_15_999" {
		t.Errorf("age group key %q", sr.Key())
	}
}
