package demo

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestLiftingOrder(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T) []*Athlete
		want  []int32 // keys: 1000 + start number
	}{
		{"lighter weight first", func(t *testing.T) []*Athlete {
			return []*Athlete{testAthlete(1, 90, 110), testAthlete(2, 85, 110), testAthlete(3, 88, 110)}
		}, []int32{1002, 1003, 1001}},
		{"same weight: lower start number first", func(t *testing.T) []*Athlete {
			return []*Athlete{testAthlete(3, 85, 110), testAthlete(1, 85, 110), testAthlete(2, 85, 110)}
		}, []int32{1001, 1002, 1003}},
		{"same weight: fewer attempts done first", func(t *testing.T) []*Athlete {
			a, b := testAthlete(1, 82, 110), testAthlete(2, 85, 110)
			lift(t, a, true, at(0))
			a.Attempts[1].Declaration = 85 // 2nd attempt at 85
			return []*Athlete{a, b}        // b: 1st attempt at 85
		}, []int32{1002, 1001}},
		{"same weight and attempt: lighter previous attempt lifted first", func(t *testing.T) []*Athlete {
			a, b := testAthlete(1, 84, 110), testAthlete(2, 82, 110)
			lift(t, a, true, at(0))
			lift(t, b, true, at(1))
			a.Attempts[1].Declaration, b.Attempts[1].Declaration = 86, 86
			return []*Athlete{a, b}
		}, []int32{1002, 1001}},
		{"snatch before clean & jerk, whatever the weight", func(t *testing.T) []*Athlete {
			a, b := testAthlete(1, 60, 75), testAthlete(2, 90, 110)
			for i := range 3 {
				lift(t, a, true, at(i))
			}
			return []*Athlete{a, b} // a asks 75 in the C&J, b 90 in the snatch
		}, []int32{1002, 1001}},
		{"finished athletes last, best total first", func(t *testing.T) []*Athlete {
			a, b, c := testAthlete(1, 80, 100), testAthlete(2, 85, 105), testAthlete(3, 90, 120)
			for i := range 6 {
				lift(t, a, true, at(i))
				lift(t, b, true, at(10+i))
			}
			return []*Athlete{a, b, c}
		}, []int32{1003, 1002, 1001}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			athletes := tt.build(t)
			before := slices.Clone(athletes)
			got := keysOf(LiftingOrder(athletes))
			if !slices.Equal(got, tt.want) {
				t.Errorf("lifting order %v, want %v", got, tt.want)
			}
			if !slices.Equal(athletes, before) {
				t.Error("LiftingOrder modified its input")
			}
		})
	}
}

// orderJSON renders an order list as the payload does, for comparison.
func orderJSON(t *testing.T, entries []any) string {
	t.Helper()
	b, err := json.Marshal(entries)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestStartOrderKeysPutASpacerBeforeEachCategory(t *testing.T) {
	g := &AgeGroup{Code: "SR", Gender: Female}
	c58, c63 := &Category{AgeGroup: g, Gender: Female, Max: 58}, &Category{AgeGroup: g, Gender: Female, Max: 63}
	athletes := []*Athlete{testAthlete(3, 0, 0), testAthlete(1, 0, 0), testAthlete(2, 0, 0)}
	athletes[0].Category, athletes[1].Category, athletes[2].Category = c63, c58, c58
	got := orderJSON(t, startOrderKeys(StartOrder(athletes)))
	want := `[{"isSpacer":true},1001,1002,{"isSpacer":true},1003]`
	if got != want {
		t.Errorf("start order keys %s, want %s", got, want)
	}
}

func TestLiftingOrderKeysSpacers(t *testing.T) {
	tests := []struct {
		name       string
		snatchDone []int // attempts done by athletes 1..n (all good)
		want       string
	}{
		{"all in the snatch: one leading spacer", []int{0, 1, 2}, `[{"isSpacer":true},1001,1002,1003]`},
		{"snatch then clean & jerk: a second spacer", []int{3, 1, 2}, `[{"isSpacer":true},1002,1003,{"isSpacer":true},1001]`},
		{"all in the clean & jerk: one leading spacer", []int{3, 4, 6}, `[{"isSpacer":true},1001,1002,1003]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var athletes []*Athlete
			for i, done := range tt.snatchDone {
				a := testAthlete(i+1, 80, 100)
				for j := range done {
					lift(t, a, true, at(10*i+j))
				}
				athletes = append(athletes, a)
			}
			if got := orderJSON(t, liftingOrderKeys(LiftingOrder(athletes))); got != tt.want {
				t.Errorf("lifting order keys %s, want %s", got, tt.want)
			}
		})
	}
}

func TestTimeAllowed(t *testing.T) {
	a, b := testAthlete(1, 80, 100), testAthlete(2, 85, 100)
	s := &Session{Athletes: []*Athlete{a, b}}
	if got := TimeAllowed(s); got != 60_000 {
		t.Errorf("first lift: %d, want 60000", got)
	}
	lift(t, a, true, at(0)) // a asks 81 next, still before b: a follows themself
	if got := TimeAllowed(s); got != 120_000 {
		t.Errorf("athlete following themself: %d, want 120000", got)
	}
	a.Attempts[1].Declaration = 90 // now b (85) is up
	if got := TimeAllowed(s); got != 60_000 {
		t.Errorf("another athlete: %d, want 60000", got)
	}
}
